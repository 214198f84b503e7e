import Planner

/// The whole screen from the state: title, the screen's fields with their problems,
/// a status line, and the focused field's one-line key help. Overlays for help and quitting.
public func view(_ state: WizardState) -> Frame {
    var frame = Frame(size: state.size)
    guard state.size.isLargeEnough else {
        let keys = if state.mode == .running, let run = state.run { Layout.runKeysWhenSmall(run, state.language) }
            else if state.mode == .quitPrompt { state.say(.tooSmallQuitPrompt, ["file": state.saveName]) }
            else { state.say(.tooSmallQuitKeys) }
        Layout.tooSmall(&frame, keys: keys, state.language)
        return frame
    }
    if state.mode == .running, let run = state.run {
        Layout.run(run, into: &frame, state.language)
        return frame
    }
    let screen = state.currentScreen
    let width = state.size.columns
    let title = " vpcpipe · \(state.screen.rawValue + 1)/\(ScreenID.allCases.count) · \(screen.title)"
    frame.put(Text.fit(title, width), row: 0, column: 0, style: Style(.title, bold: true, reverse: true))

    if case .done(let message) = state.mode {
        for (i, line) in Text.wrap(message, width: width - 4).enumerated() {
            frame.put(line, row: 2 + i, column: 2, style: Style(.created, bold: true))
        }
        frame.put(state.say(.runNowQuestion), row: state.size.rows - 3, column: 2, style: Style(bold: true))
        frame.put(Text.fit(state.say(.runNowKeys), width), row: state.size.rows - 1, column: 0,
                  style: Style(.keyHelp, reverse: true))
        return frame
    }

    Layout.body(state, into: &frame)

    let statusRow = state.size.rows - 2
    if let status = state.status {
        frame.put(status.text, row: statusRow, column: 1, style: Style(status.isError ? .error : .normal, bold: true))
    }
    let keyHelp = state.focusedField?.control.keyHelp(state) ?? ""
    frame.put(Text.fit(" " + keyHelp, width), row: state.size.rows - 1, column: 0, style: Style(.keyHelp, reverse: true))

    switch state.mode {
    case .help: Layout.help(state, into: &frame)
    case .quitPrompt: Layout.quitPrompt(state, into: &frame)
    default: break
    }
    return frame
}

enum Layout {
    static let labelWidth = 22
    /// Where a labelled field's value starts on its label's line: after the marker and the label.
    static let inlineColumn = 2 + labelWidth
    /// Where a labelled field's further lines start, a little indented.
    static let valueColumn = inlineColumn + 2

    /// `keys`: what the keys do meanwhile (quit, or stop the script running).
    static func tooSmall(_ frame: inout Frame, keys: String, _ l: Language) {
        let size = frame.size, need = Size.minimum
        let lines = [WizardPhrase.tooSmall.text(l, ["columns": String(size.columns), "rows": String(size.rows),
                                                    "needed_columns": String(need.columns), "needed_rows": String(need.rows)]),
                     WizardPhrase.tooSmallKeep.text(l), keys]
        var row = max(0, size.rows / 2 - 2)
        for (i, line) in lines.enumerated() {
            for part in Text.wrap(line, width: size.columns) {
                frame.put(part, row: row, column: max(0, (size.columns - CellWidth.of(part)) / 2),
                          style: Style(i == 0 ? .error : .normal, bold: i == 0))
                row += 1
            }
            row += 1
        }
    }

    static func diagnosticLines(_ diagnostic: Diagnostic, field: String, width: Int, indent: Int, _ l: Language) -> [Line] {
        let sign = diagnostic.severity == .error ? "✗ " : "! "
        let which = diagnostic.path == field ? "" : item(diagnostic.shownPath.text(l), of: field, l) + ": "
        let style = Style(diagnostic.severity == .error ? .error : .warning)
        let pad = String(repeating: " ", count: indent)
        return Text.wrap(sign + which + diagnostic.text(l), width: width - indent - 2)
            .enumerated().map { i, text in [Span(pad + (i == 0 ? "" : "  ") + text, style)] }
    }

    /// The item of a field's list a problem is about, in the screen's terms and counted from 1:
    /// `network.subnets[1]` is "subnet 2", `tags.Team` "tag Team" (the field's label, singular;
    /// in Japanese, which has no plural, the label). A path under no field stays the answers file's.
    static func item(_ path: String, of field: String, _ l: Language) -> String {
        guard !field.isEmpty, path.hasPrefix(field), let label = AnswerSchema.leaves.first(where: { $0.path == field })?.label(l) else {
            return path
        }
        let noun = l != .en ? label : label.lowercased().hasSuffix("s") ? String(label.lowercased().dropLast()) : label.lowercased()
        let rest = path.dropFirst(field.count)
        if rest.hasPrefix("["), rest.hasSuffix("]"), let index = Int(rest.dropFirst().dropLast()) {
            return WizardPhrase.listItem.text(l, ["noun": noun, "item": String(index + 1)])
        }
        if rest.hasPrefix(".") { return WizardPhrase.listItem.text(l, ["noun": noun, "item": String(rest.dropFirst())]) }
        return path
    }

    /// The intro and every field, scrolled so that the focused field shows.
    static func body(_ state: WizardState, into frame: inout Frame) {
        let width = state.size.columns
        let top = 1, height = state.size.rows - 3
        var lines: [(line: Line, column: Int)] = []
        for text in Text.wrap(state.currentScreen.intro, width: width - 2) {
            lines.append(([Span(text, Style(bold: true))], 1))
        }
        if let account = state.accountLine {
            for text in Text.wrap(account.text, width: width - 2) {
                lines.append(([Span(text, Style(account.isWarning ? .warning : .dim))], 1))
            }
        }
        lines.append(([], 0))
        var focusRange = 0..<0, focusLine = 0
        var cursor: (row: Int, column: Int)?
        for (index, field) in state.currentScreen.fields.enumerated() {
            let focused = index == state.focus && field.control.focusable && state.mode == .form
            let control = field.control
            let fullWidth = control.fullWidth(state)
            let column = fullWidth ? 2 : valueColumn
            let rendered = control.render(state, focused: focused, width: width - column - 1)
            let start = lines.count
            if !fullWidth {
                let marker = focused ? "▸ " : "  "
                var label: Line = [Span(marker + Text.fit(field.label, labelWidth), focused ? Style(.focus, bold: true) : .normal)]
                label += rendered.lines.first ?? []
                lines.append((label, 0))
                for line in rendered.lines.dropFirst() { lines.append((line, column)) }
            } else {
                if control.titled(state) {
                    let marker = focused ? "▸ " : "  "
                    lines.append(([Span(marker + field.label, focused ? Style(.focus, bold: true) : Style(bold: true))], 0))
                }
                for line in rendered.lines { lines.append((line, column)) }
            }
            let controlStart = fullWidth ? lines.count - rendered.lines.count : start
            if let path = field.path {
                for diagnostic in state.shownDiagnostics.about(path) {
                    for line in diagnosticLines(diagnostic, field: path, width: width - column, indent: 0, state.language) {
                        lines.append((line, column))
                    }
                }
            }
            if focused {
                focusRange = start..<lines.count
                focusLine = controlStart + rendered.focusLine
                if let c = rendered.cursor {
                    cursor = (controlStart + c.line, (c.line == 0 && !control.fullWidth ? inlineColumn : column) + c.column)
                }
            }
        }
        // Scroll: the whole focused field if it fits, and always its focused line with a little context.
        var offset = 0
        if focusRange.upperBound > height { offset = min(focusRange.lowerBound, focusRange.upperBound - height) }
        if focusLine + 2 >= offset + height { offset = min(focusLine + 3 - height, lines.count - height) }
        if focusLine < offset { offset = max(0, focusLine - 1) }
        offset = max(0, offset)
        for (i, entry) in lines.dropFirst(offset).prefix(height).enumerated() {
            var x = entry.column
            for span in entry.line { x += frame.put(span.text, row: top + i, column: x, style: span.style) }
        }
        if offset > 0 { frame.put("▲", row: top, column: width - 1, style: Style(.dim)) }
        if lines.count - offset > height { frame.put("▼", row: top + height - 1, column: width - 1, style: Style(.dim)) }
        if let c = cursor, c.row - offset >= 0, c.row - offset < height { frame.cursor = Frame.Position(row: top + c.row - offset, column: c.column) }
    }

    static func box(_ frame: inout Frame, title: String, lines: [(String, Style)], footer: String, top: Int, width: Int) {
        let left = (frame.size.columns - width) / 2
        let inner = width - 4
        frame.put("┌" + Text.fit("─ \(title) " + String(repeating: "─", count: width), width - 2) + "┐",
                  row: top, column: left, style: Style(.title, bold: true))
        for (i, line) in lines.enumerated() {
            frame.put("│ ", row: top + 1 + i, column: left, style: Style(.title))
            frame.put(Text.fit(line.0, inner), row: top + 1 + i, column: left + 2, style: line.1)
            frame.put(" │", row: top + 1 + i, column: left + width - 2, style: Style(.title))
        }
        frame.put("└" + Text.fit("─ \(footer) " + String(repeating: "─", count: width), width - 2) + "┘",
                  row: top + 1 + lines.count, column: left, style: Style(.title, bold: true))
        frame.cursor = nil
    }

    static func help(_ state: WizardState, into frame: inout Frame) {
        guard let field = state.focusedField else { return }
        HelpPane(field, size: frame.size, keyHelp: field.control.keyHelp(state), state.language).draw(top: state.helpScroll, into: &frame)
    }

    static func quitPrompt(_ state: WizardState, into frame: inout Frame) {
        let lines: [(String, Style)] = [
            (state.say(.quitQuestion), Style(bold: true)),
            ("", .normal),
            (state.say(.quitSave, ["file": state.saveName]), .normal),
            (state.say(.quitWithoutSaving), .normal),
            (state.say(.quitBack), .normal),
        ]
        box(&frame, title: state.say(.quitTitle), lines: lines, footer: state.say(.quitFooter), top: 7, width: 72)
    }
}
