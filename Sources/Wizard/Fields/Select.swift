/// One choice of a list: ←→ or Space change it, typing filters the list.
struct Select: Control {
    struct Option {
        let value: String
        /// A few words beside the value ("no longer maintained").
        var note = ""
        /// What the list shows for the value, when not the value itself (the language's name).
        var shown: String?

        var text: String { shown ?? value }
    }

    let value: Binding<String>
    let options: (WizardState) -> [Option]

    let keyHelp: WizardPhrase? = .keysSelect

    init(value: Binding<String>, options: @escaping (WizardState) -> [Option]) {
        self.value = value
        self.options = options
    }

    /// A closed choice of the answers: every case, by its answers-file spelling.
    init<Choice: RawRepresentable & CaseIterable>(choice: Binding<Choice>) where Choice.RawValue == String {
        self.init(value: choice.spelled) { _ in Choice.allCases.map { Option(value: $0.rawValue) } }
    }

    /// The options matching the filter; a current value the list lacks is offered first,
    /// so a value from an answers file is never lost by looking at it.
    func offered(_ state: WizardState) -> [Option] {
        var all = options(state)
        let current = value.get(state)
        if !all.contains(where: { $0.value == current }) { all.insert(Option(value: current), at: 0) }
        let filter = state.edit.filter.lowercased()
        // The standard library's search: Foundation's traps on a wide text and a filter of a combining mark.
        return filter.isEmpty ? all : all.filter { $0.value.lowercased().contains(filter) || $0.text.lowercased().firstRange(of: filter) != nil }
    }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        switch key {
        case .left, .right, .character(" "):
            let list = offered(state)
            guard !list.isEmpty else { return true }
            let at = list.firstIndex { $0.value == value.get(state) } ?? 0
            let step = key == .left ? -1 : 1
            value.set(&state, list[(at + step + list.count) % list.count].value)
        case .character(let c) where c != "?":
            state.edit.filter.append(c)
            if let first = offered(state).first { value.set(&state, first.value) }
        case .backspace:
            guard !state.edit.filter.isEmpty else { return true }
            state.edit.filter.removeLast()
        default:
            return false
        }
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let current = value.get(state)
        let option = options(state).first { $0.value == current }
        let note = option?.note ?? "", shown = option?.text ?? current
        var first: Line = [Span(focused ? "‹ \(shown) ›" : shown, focused ? Style(.focus, reverse: true) : .normal)]
        if !note.isEmpty { first.append(Span("  " + note, Style(.dim))) }
        guard focused else { return Rendered(lines: [first]) }

        let list = offered(state)
        var second: Line = state.edit.filter.isEmpty ? [] : [Span(state.say(.filterShown, ["filter": state.edit.filter]), Style(.dim))]
        if list.isEmpty {
            second.append(Span(state.say(.selectNoMatch), Style(.warning)))
        } else {
            // A window of options around the current one, in the columns left.
            let at = list.firstIndex { $0.value == current } ?? 0
            var start = at
            var used = CellWidth.of(list[at].text) + 2
            let room = width - second.reduce(0) { $0 + CellWidth.of($1.text) }
            while start > 0, used + CellWidth.of(list[start - 1].text) + 2 <= room / 2 {
                start -= 1; used += CellWidth.of(list[start].text) + 2
            }
            if start > 0 { second.append(Span("… ", Style(.dim))) }
            for option in list[start...] {
                let style = option.value == current ? Style(.focus, reverse: true) : Style(.dim)
                second.append(Span(option.text, style))
                second.append(Span("  "))
            }
        }
        return Rendered(lines: [first, second])
    }

    func summary(_ state: WizardState) -> String {
        let current = value.get(state)
        return options(state).first { $0.value == current }?.text ?? current
    }

    func choices(_ state: WizardState) -> [String]? { offered(state).map(\.text) }

    /// A choice's number, what the list shows, or its answers-file spelling.
    func take(_ line: String, _ state: inout WizardState) -> Bool {
        let list = offered(state)
        guard let choice = numbered(line, list.map(\.text)).flatMap({ text in list.first { $0.text == text } })
                ?? list.first(where: { $0.value == line }) else { return false }
        value.set(&state, choice.value)
        return true
    }
}
