/// A list of ids typed on one line, separated by spaces or commas: subnets, route tables.
/// The text as typed is kept while the field has the focus, so a separator can be typed.
struct IdList: Control {
    let value: Binding<[String]>
    var blankMeans = ""

    let keyHelp: WizardPhrase? = .keysIdList
    var takesText: Bool { true }

    static func ids(in text: String) -> [String] {
        text.split { $0 == " " || $0 == "," }.map(String.init)
    }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        var text = state.edit.buffer ?? value.get(state).joined(separator: " ")
        guard LineEditor.apply(key, to: &text, cursor: &state.edit.cursor) else { return false }
        state.edit.buffer = text
        value.set(&state, Self.ids(in: text))
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let joined = value.get(state).joined(separator: " ")
        guard focused else {
            return Rendered(lines: [joined.isEmpty ? [Span(blankMeans, Style(.dim))] : [Span(joined)]])
        }
        let text = state.edit.buffer ?? joined
        let (shown, column) = LineEditor.window(text, cursor: state.edit.cursor, width: min(width, 52))
        return Rendered(lines: [[Span(shown, Style(.focus, reverse: true))]], cursor: (0, column))
    }

    func take(_ line: String, _ state: inout WizardState) -> Bool {
        value.set(&state, Self.ids(in: line))
        return true
    }

    func summary(_ state: WizardState) -> String {
        let ids = value.get(state)
        return ids.isEmpty ? blankMeans : ids.joined(separator: ", ")
    }
}
