import Planner

/// Tags typed on one line as Key=Value pairs separated by commas (a comma is in no tag).
/// The text as typed is kept while the field has the focus, as in a list of ids.
struct TagList: Control {
    let value: Binding<[Answers.Tag]>

    let keyHelp: WizardPhrase? = .keysTagList
    var takesText: Bool { true }

    /// Each pair, its key up to the first `=`; a key alone has an empty value.
    static func tags(in text: String) -> [Answers.Tag] {
        text.split(separator: ",").compactMap { part in
            let pair = trimmed(part)
            guard !pair.isEmpty else { return nil }
            let key = pair.prefix { $0 != "=" }
            return Answers.Tag(key: trimmed(key), value: trimmed(pair.dropFirst(key.count + 1)))
        }
    }

    /// Spaces around a key or value are the typing's, not the tag's.
    private static func trimmed<Text: StringProtocol>(_ text: Text) -> String {
        String(String(text.drop { $0 == " " }.reversed()).drop { $0 == " " }.reversed())
    }

    static func text(_ tags: [Answers.Tag]) -> String {
        tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        var text = state.edit.buffer ?? Self.text(value.get(state))
        guard LineEditor.apply(key, to: &text, cursor: &state.edit.cursor) else { return false }
        state.edit.buffer = text
        value.set(&state, Self.tags(in: text))
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let joined = Self.text(value.get(state))
        guard focused else {
            return Rendered(lines: [joined.isEmpty ? [Span(state.say(.noTags), Style(.dim))] : [Span(joined)]])
        }
        let (shown, column) = LineEditor.window(state.edit.buffer ?? joined, cursor: state.edit.cursor, width: min(width, 52))
        return Rendered(lines: [[Span(shown, Style(.focus, reverse: true))]], cursor: (0, column))
    }

    func take(_ line: String, _ state: inout WizardState) -> Bool {
        value.set(&state, Self.tags(in: line))
        return true
    }

    func summary(_ state: WizardState) -> String {
        let tags = value.get(state)
        return tags.isEmpty ? state.say(.noTags) : Self.text(tags)
    }
}
