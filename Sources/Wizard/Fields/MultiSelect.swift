/// A list whose every option is one of two choices, said in words ("create" or
/// "existing"), each with its reason: ↑↓ move (leaving the list at its ends), Space or ←→
/// switch the choice, typing jumps to the first match. The answer lists the options switched
/// to `chosen`.
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
    /// The choice of an option the answer lists ("existing"), and of one it does not ("create").
    let chosen: String
    let otherwise: String

    let keyHelp: WizardPhrase? = .keysMultiSelect
    var fullWidth: Bool { true }
    var titled: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        let list = options(state)
        let at = min(state.edit.highlight, max(0, list.count - 1))
        switch key {
        case .up where at > 0: state.edit.highlight = at - 1
        case .down where at < list.count - 1: state.edit.highlight = at + 1
        case .character(" ") where !list.isEmpty, .left where !list.isEmpty, .right where !list.isEmpty:
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

    /// One option a row: its name, its choice, its reason wrapped beside; the highlighted
    /// option's first row is kept visible.
    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let listed = value.get(state)
        let list = options(state)
        let nameWidth = (list.map { CellWidth.of($0.value) }.max() ?? 0) + 1
        let choiceWidth = max(CellWidth.of(chosen), CellWidth.of(otherwise)) + 1
        let indent = String(repeating: " ", count: nameWidth + choiceWidth)
        var lines: [Line] = []
        var focusLine = 0
        for (i, option) in list.enumerated() {
            let on = listed.contains(option.value)
            let here = focused && i == state.edit.highlight
            if here { focusLine = lines.count }
            let name = Span(Text.fit(option.value, nameWidth), here ? Style(.focus, bold: true) : Style(bold: true))
            let box = Span(Text.fit(on ? chosen : otherwise, choiceWidth - 1), here ? Style(.focus, reverse: true) : .normal)
            let why = Text.wrap(option.found ?? option.why, width: max(1, width - nameWidth - choiceWidth))
            let style = option.unfit ? Style(.warning) : on ? Style(.existing) : Style(.dim)
            lines.append([name, box, Span(" "), Span(why.first ?? "", style)])
            lines += why.dropFirst().map { [Span(indent), Span($0, style)] }
        }
        return Rendered(lines: lines, focusLine: focusLine)
    }

    func choices(_ state: WizardState) -> [String]? { options(state).map(\.value) }

    /// The numbers (or names) of the options switched to `chosen`, separated by spaces; "-" for none.
    func take(_ line: String, _ state: inout WizardState) -> Bool {
        let all = options(state).map(\.value)
        let picked = line == "-" ? [] : IdList.ids(in: line).map { numbered($0, all) }
        guard picked.allSatisfy({ $0 != nil }) else { return false }
        value.set(&state, picked.compactMap { $0 })
        return true
    }

    /// Each choice with its options: "create: logs, sts; existing: s3".
    func summary(_ state: WizardState) -> String {
        let listed = value.get(state), all = options(state).map(\.value)
        return [(otherwise, all.filter { !listed.contains($0) }), (chosen, all.filter(listed.contains))]
            .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: ", "))" }.joined(separator: "; ")
    }
}
