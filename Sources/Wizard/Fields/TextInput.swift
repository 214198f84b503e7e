/// A line of free text: names, ids, ARNs. `?` is a character here; F1 is help.
struct TextInput: Control {
    let value: Binding<String>
    /// Shown dimmed when the value is blank: what blank means.
    var blankMeans = ""

    let keyHelp: WizardPhrase? = .keysTextInput
    var takesText: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        var text = value.get(state)
        guard LineEditor.apply(key, to: &text, cursor: &state.edit.cursor) else { return false }
        value.set(&state, text)
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let text = value.get(state)
        guard focused else {
            return Rendered(lines: [text.isEmpty ? [Span(blankMeans, Style(.dim))] : [Span(text)]])
        }
        let (shown, column) = LineEditor.window(text, cursor: state.edit.cursor, width: min(width, 52))
        return Rendered(lines: [[Span(shown, Style(.focus, reverse: true))]], cursor: (0, column))
    }

    func take(_ line: String, _ state: inout WizardState) -> Bool {
        value.set(&state, line)
        return true
    }

    func summary(_ state: WizardState) -> String {
        let text = value.get(state)
        return text.isEmpty ? blankMeans : text
    }
}
