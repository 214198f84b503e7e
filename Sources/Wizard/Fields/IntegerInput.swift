/// A whole number typed in digits. The digits as typed are kept while the field has the focus,
/// so it can be emptied and retyped; the answer takes each number they make, and `Rules.check`
/// says when it is out of its range.
struct IntegerInput: Control {
    let value: Binding<Int>
    /// More digits than any range of the answers needs, fewer than overflow an Int.
    static let maximumDigits = 9

    let keyHelp: WizardPhrase? = .keysInteger
    var takesText: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        if case .character(let c) = key, !c.isASCII || !c.isNumber { return true }
        var text = state.edit.buffer ?? String(value.get(state)), cursor = state.edit.cursor
        guard LineEditor.apply(key, to: &text, cursor: &cursor) else { return false }
        guard text.count <= Self.maximumDigits else { return true }
        state.edit.buffer = text
        state.edit.cursor = cursor
        if let number = Int(text) { value.set(&state, number) }
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let number = String(value.get(state))
        guard focused else { return Rendered(lines: [[Span(number)]]) }
        let (shown, column) = LineEditor.window(state.edit.buffer ?? number, cursor: state.edit.cursor, width: min(width, 52))
        return Rendered(lines: [[Span(shown, Style(.focus, reverse: true))]], cursor: (0, column))
    }

    func summary(_ state: WizardState) -> String { String(value.get(state)) }

    func take(_ line: String, _ state: inout WizardState) -> Bool {
        guard line.count <= Self.maximumDigits, let number = Int(line) else { return false }
        value.set(&state, number)
        return true
    }
}
