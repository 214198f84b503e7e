// A text with `{name}` placeholders: the messages of the catalogs (the output folder's, the
// command line's and the wizard's) and preflight's words. The one place that reads and fills
// placeholders, so that a translation may put them in any order.

public struct TextTemplate: Sendable {
    public enum Piece: Equatable, Sendable { case text(String), placeholder(String) }

    public let pieces: [Piece]

    public init(_ text: String) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(.text(String(rest[..<open])))
            pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces
    }

    /// The placeholders, in order of first appearance.
    public var placeholders: [String] {
        var names: [String] = []
        for piece in pieces { if case .placeholder(let name) = piece, !names.contains(name) { names.append(name) } }
        return names
    }

    /// The text with `value(name, next)` in place of each placeholder, `next` the character
    /// that follows it, and `literal` applied to the rest.
    public func filled(literal: (String) -> String = { $0 }, _ value: (_ name: String, _ next: Character?) -> String) -> String {
        pieces.indices.map { index in
            switch pieces[index] {
            case .text(let text): return literal(text)
            case .placeholder(let name):
                guard index + 1 < pieces.count, case .text(let after) = pieces[index + 1] else { return value(name, nil) }
                return value(name, after.first)
            }
        }.joined()
    }
}

/// A catalog's texts (Phrase, Notice, WizardPhrase), parsed once: a text is said many times (at
/// every step of a script's rendering, on every frame of the wizard).
public struct ParsedCatalog<Key: Hashable & Sendable>: Sendable {
    private let templates: [Language: [Key: TextTemplate]]

    public init(_ texts: (Language) -> [Key: String]) {
        templates = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, texts($0).mapValues(TextTemplate.init)) })
    }

    public func template(_ key: Key, _ language: Language) -> TextTemplate {
        guard let template = templates[language]?[key] else { preconditionFailure("\(key) has no \(language) text") }
        return template
    }
}
