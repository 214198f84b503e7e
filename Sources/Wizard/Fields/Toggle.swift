/// Yes or no: Space or ←→ flip it.
struct Toggle: Control {
    let value: Binding<Bool>
    /// What each state means, in the article's words ("create it" / "it exists already").
    let on: String
    let off: String

    let keyHelp = "Space ←→ switch  Enter next  Tab ⇧Tab fields  Esc back  F1 help  F10 quit"

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        guard [.character(" "), .left, .right].contains(key) else { return false }
        value.set(&state, !value.get(state))
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let yes = value.get(state)
        let box = Span(yes ? "[x]" : "[ ]", focused ? Style(.focus, reverse: true) : .normal)
        return Rendered(lines: [[box, Span(" " + (yes ? on : off))]], cursor: nil)
    }

    func summary(_ state: WizardState) -> String { value.get(state) ? on : off }
}
