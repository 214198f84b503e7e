/// One of two choices, each said in words ("create new" or "use existing", "enabled" or
/// "disabled"), never a tick to read inverted: Space or ←→ switch it.
struct Toggle: Control {
    let value: Binding<Bool>
    /// What each state means, in the article's words.
    let on: String
    let off: String

    let keyHelp: WizardPhrase? = .keysToggle

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        guard [.character(" "), .left, .right].contains(key) else { return false }
        value.set(&state, !value.get(state))
        return true
    }

    /// The choice made; focused, both, the one made marked.
    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let yes = value.get(state)
        guard focused else { return Rendered(lines: [[Span(yes ? on : off)]]) }
        let choice = { (text: String, chosen: Bool) in
            chosen ? Span("‹ \(text) ›", Style(.focus, reverse: true)) : Span("  \(text)  ", Style(.dim))
        }
        return Rendered(lines: [[choice(on, yes), Span(" "), choice(off, !yes)]])
    }

    func summary(_ state: WizardState) -> String { value.get(state) ? on : off }

    func choices(_ state: WizardState) -> [String]? { [on, off] }

    func take(_ line: String, _ state: inout WizardState) -> Bool {
        guard let choice = numbered(line, [on, off]) else { return false }
        value.set(&state, choice == on)
        return true
    }
}
