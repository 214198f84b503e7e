/// A choice of what the account holds (a VPC, a security group, a role), as a list filtered
/// by typing: ↑↓ choose, a typed value that matches nothing is kept as typed. Until the
/// account is read (or with discovery off) it is a plain text input.
struct Pick: Control {
    struct Option {
        let value: String
        /// What a person needs to choose: the name, the CIDR, the zone...
        var detail = ""
        /// Why it may not suit ("routes to the internet"): shown, not refused.
        var warning = ""
    }

    let value: Binding<String>
    /// Nil while the account's list is not known: the field is a text input.
    let options: (WizardState) -> [Option]?
    var blankMeans = ""

    /// Rows of the list shown at once.
    private static let rows = 6

    let keyHelp: WizardPhrase? = .keysPick
    var takesText: Bool { true }

    private func listed(_ state: WizardState) -> Bool { options(state)?.isEmpty == false }
    func keyHelp(_ state: WizardState) -> String { listed(state) ? state.say(.keysPick) : text.keyHelp(state) }
    /// A list of the account's takes the screen's width, under its label.
    func fullWidth(_ state: WizardState) -> Bool { listed(state) }
    func titled(_ state: WizardState) -> Bool { listed(state) }

    private var text: TextInput { TextInput(value: value, blankMeans: blankMeans) }

    /// The options matching the filter, by value and detail.
    private func offered(_ state: WizardState, _ all: [Option]) -> [Option] {
        let filter = state.edit.filter.lowercased()
        return filter.isEmpty ? all : all.filter { "\($0.value) \($0.detail)".lowercased().contains(filter) }
    }

    /// The highlighted row: the one moved to, else the current value's, else the first.
    private func highlighted(_ state: WizardState, _ list: [Option]) -> Int {
        if state.edit.highlight > 0 { return min(state.edit.highlight - 1, max(0, list.count - 1)) }
        return list.firstIndex { $0.value == value.get(state) } ?? 0
    }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        guard let all = options(state), !all.isEmpty else { return text.handle(key, &state) }
        let list = offered(state, all)
        let at = highlighted(state, list)
        switch key {
        case .up where at > 0, .down where at + 1 < list.count:
            let next = key == .up ? at - 1 : at + 1
            state.edit.highlight = next + 1
            value.set(&state, list[next].value)
        case .enter:
            // Enter on a blank value takes the highlighted row, the account's best suggestion first.
            if value.get(state).isEmpty, list.indices.contains(at) { value.set(&state, list[at].value) }
            return false
        default:
            var filter = state.edit.filter
            guard LineEditor.apply(key, to: &filter, cursor: &state.edit.cursor) else { return false }
            state.edit.filter = filter
            state.edit.highlight = 0
            let matching = offered(state, all)
            value.set(&state, matching.first?.value ?? filter)
        }
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        guard let all = options(state), !all.isEmpty else { return text.render(state, focused: focused, width: width) }
        let current = value.get(state)
        let chosen = all.first { $0.value == current }
        var first: Line = [current.isEmpty ? Span(blankMeans, Style(.dim))
                                           : Span(focused ? "‹ \(current) ›" : current, focused ? Style(.focus, reverse: true) : .normal)]
        if let chosen, !chosen.detail.isEmpty { first.append(Span("  " + chosen.detail, Style(.dim))) }
        guard focused else { return Rendered(lines: [first]) }
        let list = offered(state, all)
        let filter = state.edit.filter
        var lines: [Line] = [first, [Span(filter.isEmpty ? state.say(.pickHint) : state.say(.filter) + filter, Style(.dim))]]
        let typed = filter.prefix(state.edit.cursor ?? filter.count)
        let cursor = filter.isEmpty ? nil : (line: 1, column: CellWidth.of(state.say(.filter)) + CellWidth.of(String(typed)))
        if list.isEmpty {
            lines.append([Span(state.say(.pickNoMatch, ["filter": filter]), Style(.warning))])
            return Rendered(lines: lines, focusLine: 0, cursor: cursor)
        }
        let at = highlighted(state, list)
        let start = max(0, min(at - Self.rows / 2, list.count - Self.rows))
        let valueWidth = min(24, (list.map { CellWidth.of($0.value) }.max() ?? 0) + 1)
        for index in list.indices.dropFirst(start).prefix(Self.rows) {
            let option = list[index], here = index == at
            var line: Line = [Span((here ? "▸ " : "  ") + Text.fit(option.value, valueWidth), here ? Style(.focus, reverse: true) : .normal),
                              Span(" " + option.detail, here ? Style(.focus) : Style(.dim))]
            if !option.warning.isEmpty { line.append(Span("  ! " + option.warning, Style(.warning))) }
            lines.append(line)
        }
        if list.count > Self.rows { lines.append([Span(state.say(.inAll, ["count": String(list.count)]), Style(.dim))]) }
        return Rendered(lines: lines, focusLine: 0, cursor: cursor)
    }

    func summary(_ state: WizardState) -> String { text.summary(state) }

    /// The account's (or the fixed choices), numbered; a value none of them is typed.
    func choices(_ state: WizardState) -> [String]? { listed(state) ? options(state)?.map(\.value) : nil }

    func take(_ line: String, _ state: inout WizardState) -> Bool {
        value.set(&state, numbered(line, choices(state) ?? []) ?? line)
        return true
    }

    /// The text typed in it, while it is a text input (no list of the account's).
    func typed(_ state: WizardState) -> String? { listed(state) ? nil : value.get(state) }
}

/// Several of what the account holds (the VPC's subnets), each with what a person needs to
/// choose: ↑↓ move (leaving the list at its ends), Space ticks, typing filters. Until the
/// account is read (or with discovery off) it is a list of ids typed on one line.
struct MultiPick: Control {
    let value: Binding<[String]>
    let options: (WizardState) -> [Pick.Option]?
    /// Said under a ticked option, given the ticked values (one zone's second subnet).
    var note: (WizardState, String) -> String? = { _, _ in nil }
    var blankMeans = ""

    let keyHelp: WizardPhrase? = .keysMultiPick
    var takesText: Bool { true }

    private func listed(_ state: WizardState) -> Bool { options(state)?.isEmpty == false }
    func keyHelp(_ state: WizardState) -> String { listed(state) ? state.say(.keysMultiPick) : ids.keyHelp(state) }
    func fullWidth(_ state: WizardState) -> Bool { listed(state) }
    func titled(_ state: WizardState) -> Bool { listed(state) }

    private var ids: IdList { IdList(value: value, blankMeans: blankMeans) }

    private func offered(_ state: WizardState, _ all: [Pick.Option]) -> [Pick.Option] {
        let filter = state.edit.filter.lowercased()
        return filter.isEmpty ? all : all.filter { "\($0.value) \($0.detail)".lowercased().contains(filter) }
    }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        guard let all = options(state), !all.isEmpty else { return ids.handle(key, &state) }
        let list = offered(state, all)
        let at = min(state.edit.highlight, max(0, list.count - 1))
        switch key {
        case .up where at > 0: state.edit.highlight = at - 1
        case .down where at + 1 < list.count: state.edit.highlight = at + 1
        case .character(" ") where !list.isEmpty:
            var chosen = value.get(state)
            if let index = chosen.firstIndex(of: list[at].value) { chosen.remove(at: index) } else { chosen.append(list[at].value) }
            value.set(&state, chosen)
        case .character(let c) where c != " ":
            state.edit.filter.append(c)
            state.edit.highlight = 0
        case .backspace where !state.edit.filter.isEmpty:
            state.edit.filter.removeLast()
            state.edit.highlight = 0
        default:
            return false
        }
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        guard let all = options(state), !all.isEmpty else { return ids.render(state, focused: focused, width: width) }
        let chosen = value.get(state)
        let list = offered(state, all)
        let at = min(state.edit.highlight, max(0, list.count - 1))
        var lines: [Line] = []
        if focused { lines.append([Span(state.edit.filter.isEmpty ? state.say(.multiPickHint) : state.say(.filter) + state.edit.filter, Style(.dim))]) }
        var focusLine = 0
        let valueWidth = (list.map { CellWidth.of($0.value) }.max() ?? 0) + 1
        // The detail, warning and note wrapped beside the value, so that nothing is cut.
        let room = max(10, width - 4 - valueWidth), indent = String(repeating: " ", count: 4 + valueWidth)
        for (index, option) in list.enumerated() {
            let on = chosen.contains(option.value), here = focused && index == at
            if here { focusLine = lines.count }
            let detail = Text.wrap(option.detail, width: room)
            lines.append([Span(on ? "[x] " : "[ ] ", here ? Style(.focus, reverse: true) : .normal),
                          Span(Text.fit(option.value, valueWidth), here ? Style(.focus, bold: true) : Style(bold: true)),
                          Span(detail.first ?? "", on ? Style(.existing) : Style(.dim))])
            lines += detail.dropFirst().map { [Span(indent + $0, on ? Style(.existing) : Style(.dim))] }
            if !option.warning.isEmpty { lines += Text.wrap("! " + option.warning, width: room).map { [Span(indent + $0, Style(.warning))] } }
            if on, let said = note(state, option.value) { lines += Text.wrap(said, width: room).map { [Span(indent + $0, Style(.dim))] } }
        }
        // Ticked values the account does not list (typed before it was read) stay, shown.
        for id in chosen where !all.contains(where: { $0.value == id }) {
            lines.append([Span("[x] " + id, Style(bold: true)), Span(state.say(.notAmongSubnets), Style(.warning))])
        }
        return Rendered(lines: lines, focusLine: focusLine)
    }

    func summary(_ state: WizardState) -> String { ids.summary(state) }

    /// The ids typed, or the numbers of the account's listed, separated by spaces.
    func take(_ line: String, _ state: inout WizardState) -> Bool {
        let all = options(state)?.map(\.value) ?? []
        value.set(&state, IdList.ids(in: line).map { numbered($0, all) ?? $0 })
        return true
    }

    /// The ids typed in it, as typed, while it is a list of ids on one line.
    func typed(_ state: WizardState) -> String? { listed(state) ? nil : state.edit.buffer ?? value.get(state).joined(separator: " ") }
}
