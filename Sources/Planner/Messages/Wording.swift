// A message of the answers' reader and rules, in no language yet: a Diagnostic carries one, and
// each display says it in its own language (`text(_:)`), so the command line and the wizard can
// show the same diagnostic each in theirs. A message is a whole sentence of the catalog of
// notices; what fills its placeholders is a value as written, or another whole phrase.

public indirect enum Wording: Equatable, Sendable {
    /// The same in every language: a value as written, an id, a key path, a list of choices.
    case verbatim(String)
    /// A message of the catalog of notices, each `{name}` filled with `values[name]`.
    case notice(Notice, [String: Wording] = [:])
    /// Words given in each language where they are made: AnswerSchema's rule words with their
    /// translation (RuleWords), or a text the output folder's catalog says (`each`).
    case words(en: String, ja: String)

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        switch self {
        case .verbatim(let text):
            return text
        case .notice(let notice, let values):
            var text = ""
            for piece in notice.template(language).pieces {
                switch piece {
                case .text(let words): text += Self.spaced(after: text, words)
                case .placeholder(let name):
                    guard let value = values[name] else { preconditionFailure("\(notice) needs {\(name)}") }
                    text += Self.spaced(after: text, value.text(language))
                }
            }
            return text
        case .words(let en, let ja):
            switch language {
            case .en: return en
            case .ja: return ja
            }
        }
    }

    /// `next`, after a space where it joins `text` as an ASCII word meets Japanese: "サブネット ID は",
    /// as the catalogs write it, whichever side the placeholder is.
    private static func spaced(after text: String, _ next: String) -> String {
        guard let last = text.last, let first = next.first else { return next }
        func isWord(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        func isJapanese(_ character: Character) -> Bool { !character.isASCII && character.isLetter }
        return (isWord(last) && isJapanese(first)) || (isJapanese(last) && isWord(first)) ? " " + next : next
    }

    /// A notice of the catalog with each value as it is written (paths, names, the system's reason).
    public static func said(_ notice: Notice, _ values: [String: String]) -> Wording {
        .notice(notice, values.mapValues(Wording.verbatim))
    }

    /// A text made in every language by `text`: one of the output folder's Phrases.
    public static func each(_ text: (Language) -> String) -> Wording { .words(en: text(.en), ja: text(.ja)) }
}

extension Notice {
    /// The notice in `language`, each `{name}` filled with `values[name]` as it is.
    public func text(_ language: Language, _ values: [String: String] = [:]) -> String {
        Wording.said(self, values).text(language)
    }

    /// The values that fill the notice in `language` to make `text` exactly, each placeholder
    /// taking the least it can (the last, what is left); nil when `text` is not this notice.
    public func values(in text: String, language: Language) -> [String: String]? {
        let pieces = template(language).pieces
        var rest = Substring(text)
        var values: [String: String] = [:]
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .text(let words):
                guard rest.hasPrefix(words) else { return nil }
                rest = rest.dropFirst(words.count)
            case .placeholder(let name):
                // A placeholder is always followed by a text piece (TextTemplate), maybe empty.
                guard case .text(let next) = pieces[index + 1] else { return nil }
                let end: Substring.Index?
                if index + 2 == pieces.count {
                    end = rest.hasSuffix(next) ? rest.index(rest.endIndex, offsetBy: -next.count) : nil
                } else {
                    end = next.isEmpty ? nil : rest.firstRange(of: next)?.lowerBound
                }
                guard let end else { return nil }
                values[name] = String(rest[..<end])
                rest = rest[end...]
            }
        }
        return rest.isEmpty ? values : nil
    }

    func template(_ language: Language) -> TextTemplate { Self.parsed.template(self, language) }

    private static let parsed = ParsedCatalog { $0.notices }
}
