/// Several choices of a list, each with its reason: ↑↓ move (leaving the list at its ends),
/// Space ticks, typing jumps to the first match.
struct MultiSelect: Control {
    struct Option {
        let value: String
        let why: String
        /// What the account holds of it, said instead of `why` (an endpoint found, and whether
        /// it fits); `unfit`: said as a warning.
        var found: String?
        var unfit = false
    }

    let value: Binding<[String]>
    let options: (WizardState) -> [Option]
    /// What a ticked option means ("already in the VPC").
    let ticked: String

    let keyHelp = "↑↓ move  Space tick  Enter next  Tab ⇧Tab fields  Esc back  F1 help  F10 quit"
    var fullWidth: Bool { true }
    var titled: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        let list = options(state)
        let at = min(state.edit.highlight, max(0, list.count - 1))
        switch key {
        case .up where at > 0: state.edit.highlight = at - 1
        case .down where at < list.count - 1: state.edit.highlight = at + 1
        case .character(" ") where !list.isEmpty:
            var chosen = value.get(state)
            let option = list[at].value
            if let i = chosen.firstIndex(of: option) { chosen.remove(at: i) } else { chosen.append(option) }
            value.set(&state, chosen)
        case .character(let c) where c != "?":
            if let i = list.firstIndex(where: { $0.value.lowercased().hasPrefix(String(c).lowercased()) }) {
                state.edit.highlight = i
            }
        default:
            return false
        }
        return true
    }

    /// One option a row, its reason wrapped beside it; the highlighted option's first row is kept visible.
    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let chosen = value.get(state)
        let list = options(state)
        let nameWidth = (list.map { CellWidth.of($0.value) }.max() ?? 0) + 1
        let indent = String(repeating: " ", count: 4 + nameWidth)
        var lines: [Line] = []
        var focusLine = 0
        for (i, option) in list.enumerated() {
            let on = chosen.contains(option.value)
            let here = focused && i == state.edit.highlight
            if here { focusLine = lines.count }
            let box = Span(on ? "[x] " : "[ ] ", here ? Style(.focus, reverse: true) : .normal)
            let name = Span(Text.fit(option.value, nameWidth), here ? Style(.focus, bold: true) : Style(bold: true))
            let why = Text.wrap(option.found ?? (on ? ticked : option.why), width: max(1, width - 4 - nameWidth))
            let style = option.unfit ? Style(.warning) : on ? Style(.existing) : Style(.dim)
            lines.append([box, name, Span(why.first ?? "", style)])
            lines += why.dropFirst().map { [Span(indent), Span($0, style)] }
        }
        return Rendered(lines: lines, focusLine: focusLine)
    }

    func summary(_ state: WizardState) -> String {
        let chosen = value.get(state)
        return chosen.isEmpty ? "none" : chosen.joined(separator: ", ")
    }
}
