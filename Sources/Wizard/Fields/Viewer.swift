/// A scrollable text: setup.sh before export, the policy documents of the IAM screen. It takes
/// the rows its screen leaves, and scrolls sideways for lines wider than the window.
struct Viewer: Control {
    let title: String
    let content: (WizardState) -> String
    /// Rows of its screen that are not the viewer's text (title, intro, other fields, key help):
    /// the text takes the rest.
    let around: Int

    /// Columns a sideways step moves.
    static let step = 10

    let keyHelp: WizardPhrase? = .keysViewer
    var fullWidth: Bool { true }

    func height(_ state: WizardState) -> Int { max(5, state.size.rows - around) }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        let all = lines(state), height = height(state)
        let last = max(0, all.count - height)
        // The widest line's end can be brought to the left edge's side, not past it: widths in
        // cells (a Japanese message takes two a character), walked only in lines that are not ASCII.
        let widest = all.map { line in line.utf8.allSatisfy { $0 < 0x80 } ? line.utf8.count : CellWidth.of(String(line)) }.max() ?? 0
        let right = max(0, widest - (state.size.columns - 3))
        switch key {
        case .pageDown: state.edit.scroll = min(last, state.edit.scroll + height - 1)
        case .pageUp: state.edit.scroll = max(0, state.edit.scroll - (height - 1))
        case .right where state.edit.column < right: state.edit.column = min(right, state.edit.column + Self.step)
        case .left where state.edit.column > 0: state.edit.column = max(0, state.edit.column - Self.step)
        case .home: state.edit.scroll = 0; state.edit.column = 0
        case .end: state.edit.scroll = last
        default: return false
        }
        return true
    }

    /// Split at the newline byte: splitting by Character walks every grapheme of setup.sh
    /// (30 KB) at each key press.
    private func lines(_ state: WizardState) -> [Substring] {
        content(state).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let all = lines(state), height = height(state)
        let top = focused ? min(state.edit.scroll, max(0, all.count - height)) : 0
        let column = focused ? state.edit.column : 0
        let shown = all.dropFirst(top).prefix(height)
        let numbers = ["first": String(top + 1), "last": String(top + shown.count), "count": String(all.count), "column": String(column + 1)]
        let range = all.isEmpty ? state.say(.viewerEmpty) : state.say(column > 0 ? .viewerLinesFrom : .viewerLines, numbers)
        let header = Text.fit("── \(title) (\(range)) " + String(repeating: "─", count: width), width)
        var rendered: [Line] = [[Span(header, focused ? Style(.focus, bold: true) : Style(.dim))]]
        rendered += shown.map { [Span(String($0.dropFirst(column)))] }
        rendered += Array(repeating: [], count: height - shown.count)
        return Rendered(lines: rendered)
    }
}

/// Text that explains, with no value: not focusable.
struct Note: Control {
    /// Dim for an explanation; what the answers cost is a figure to read.
    var style = Style(.dim)
    let text: (WizardState) -> String

    let keyHelp: WizardPhrase? = nil
    var focusable: Bool { false }
    var fullWidth: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool { false }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        Rendered(lines: Text.wrap(text(state), width: width).map { [Span($0, style)] })
    }
}

/// A button: Enter does it.
struct Action: Control {
    let title: String
    let perform: (inout WizardState) -> Void

    let keyHelp: WizardPhrase? = .keysAction
    var fullWidth: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        guard key == .enter else { return false }
        perform(&state)
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        Rendered(lines: [[Span("[ \(title) ]", focused ? Style(.focus, reverse: true) : Style(bold: true))]])
    }
}
