import Yams

/// Reading and writing the answers file (YAML or JSON), version 1.
public enum AnswersFile {
    /// The path of diagnostics about the file as a whole (empty, not YAML, not a mapping).
    public static let documentPath = AnswersDecoder.documentPath

    /// Reads `text` into answers. Always returns answers: keys that are missing or wrong keep
    /// their defaults, so the wizard can open a faulty file and show each problem on its field.
    /// Diagnostics carry line and column. Includes `Rules.check` of the result.
    public static func read(_ text: String) -> (answers: Answers, diagnostics: [Diagnostic]) {
        let source: YAMLSource
        do throws(DocumentProblem) {
            source = try YAMLSource.compose(text)
        } catch {
            return (Answers(), [Diagnostic(.error, documentPath, error.message,
                                           line: error.position?.line, column: error.position?.column)])
        }
        guard let root = source.root else {
            return (Answers(), [Diagnostic(.error, documentPath, .notice(.emptyFile),
                                           line: 1, column: 1)])
        }
        var decoder = AnswersDecoder(duplicates: source.duplicates)
        guard decoder.decode(root) else { return (decoder.answers, sorted(decoder.diagnostics)) }

        let checked = Rules.check(decoder.answers).filter { !decoder.refused.contains($0.path) }.map { diagnostic in
            var placed = diagnostic
            // A default that follows another answer is not in the file: its problem is the
            // followed answer's, there.
            let followed = decoder.followed[diagnostic.path]
            if let followed { placed.content = .notice(.defaultedFrom, ["message": diagnostic.content, "answer": .verbatim(followed)]) }
            let tagPrefix = "tags."
            if diagnostic.path.hasPrefix(tagPrefix) {
                placed.shownPath = AnswersDecoder.tagPath(String(diagnostic.path.dropFirst(tagPrefix.count)))
            }
            let position = position(of: followed ?? placed.path, in: decoder.positions)
            placed.line = position?.line
            placed.column = position?.column
            return placed
        }
        return (decoder.answers, sorted(decoder.diagnostics + checked))
    }

    /// The `language:` `text` writes, if it writes one that is valid: the wizard opened on the
    /// file speaks it rather than the locale's language.
    public static func language(in text: String) -> Language? {
        guard let source = try? YAMLSource.compose(text), let root = source.root else { return nil }
        var decoder = AnswersDecoder(duplicates: source.duplicates)
        _ = decoder.decode(root)
        let path = AnswerSchema.path(\.language)
        guard decoder.positions[path] != nil, !decoder.diagnostics.contains(where: { $0.path == path }) else { return nil }
        return decoder.answers.language
    }

    /// `diagnostics` about answers read from `text` (the account's problems, found after
    /// reading), each placed at its key in the file, or the nearest enclosing key it has.
    public static func place(_ diagnostics: [Diagnostic], in text: String) -> [Diagnostic] {
        guard let source = try? YAMLSource.compose(text), let root = source.root else { return diagnostics }
        var decoder = AnswersDecoder(duplicates: source.duplicates)
        _ = decoder.decode(root)
        return diagnostics.map { diagnostic in
            var placed = diagnostic
            let position = position(of: diagnostic.path, in: decoder.positions)
            placed.line = position?.line
            placed.column = position?.column
            return placed
        }
    }

    /// The normalised file: every key filled in, in the order of docs/answers.md, under a comment
    /// in the answers' language. Values are quoted wherever YAML would read them otherwise, so
    /// that `read(write(a)).answers == a`.
    public static func write(_ answers: Answers) -> String {
        var lines = ["# " + Phrase.answersHead.text(answers.language)]
        let defaults = Answers()
        for key in AnswerSchema.keys {
            let written = AnswersWriter.lines(key, of: answers, indent: "")
            if key.omittedAtDefault, written == AnswersWriter.lines(key, of: defaults, indent: "") { continue }
            lines += written
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The position of `path`, or of the nearest enclosing key the file has (a missing
    /// `network.vpc` is reported on `network`, or on the document).
    private static func position(of path: String, in positions: [String: Position]) -> Position? {
        var path = Substring(path)
        while true {
            if let position = positions[String(path)] { return position }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return positions[""] }
            path = path[..<cut]
        }
    }

    /// By line, then column, then path; diagnostics without a position last.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? .max, lhs.element.column ?? .max, lhs.element.path)
            let right = (rhs.element.line ?? .max, rhs.element.column ?? .max, rhs.element.path)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// The lines of one key of the normalised file.
enum AnswersWriter {
    static func lines(_ key: AnswerKey, of answers: Answers, indent: String) -> [String] {
        let head = indent + key.name + ":"
        switch key.kind {
        case .section(let children, let present):
            if let present, !answers[keyPath: present] { return [] }
            return ["", head] + children.flatMap { lines($0, of: answers, indent: indent + "  ") }
        case .version:
            return ["\(head) \(answers.version)"]
        case .text(let keyPath):
            return ["\(head) \(scalar(answers[keyPath: keyPath]))"]
        case .flag(let keyPath):
            return ["\(head) \(answers[keyPath: keyPath])"]
        case .integer(let keyPath, _):
            return ["\(head) \(answers[keyPath: keyPath])"]
        case .choice(let choice):
            return ["\(head) \(scalar(choice.get(answers)))"]
        case .texts(let keyPath):
            return list(head, answers[keyPath: keyPath], indent: indent)
        case .endpoints:
            return list(head, answers.endpoints.existing.map(\.rawValue), indent: indent)
        case .tags:
            guard !answers.tags.isEmpty else { return ["\(head) {}"] }
            return [head] + answers.tags.map { "\(indent)  \(scalar($0.key)): \(scalar($0.value))" }
        case .objects(let objects):
            let items = (0..<objects.count(answers)).map { index in
                // Each item's keys a level in, its first line marked as a list item.
                let item = objects.keys(index).flatMap { lines($0, of: answers, indent: indent + "    ") }
                return [indent + "  - " + item[0].dropFirst(indent.count + 4)] + item.dropFirst()
            }
            return items.isEmpty ? ["\(head) []"] : [head] + items.flatMap { $0 }
        }
    }

    private static func list(_ head: String, _ items: [String], indent: String) -> [String] {
        items.isEmpty ? ["\(head) []"] : [head] + items.map { "\(indent)  - \(scalar($0))" }
    }

    /// `[A-Za-z0-9][A-Za-z0-9._/@+=:-]*`, checked by hand: a regex literal is compiled again at
    /// each use, which made writing the answers the slowest part of a headless run.
    private static func isPlainWord(_ text: String) -> Bool {
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        guard let first = text.utf8.first, isAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isAlphanumeric($0) || "._/@+=:-".utf8.contains($0) }
    }

    /// Plain when the text is an ordinary word that YAML reads back as the same string;
    /// otherwise double-quoted, with every character YAML would not keep escaped.
    static func scalar(_ text: String) -> String {
        if isPlainWord(text), !text.hasSuffix(":"),
           Resolver.default.resolveTag(of: Node(text)) == .str {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            case "\0": quoted += "\\0"
            default:
                let category = scalar.properties.generalCategory
                if category == .control || category == .lineSeparator || category == .paragraphSeparator
                    || [0xFEFF, 0xFFFE, 0xFFFF].contains(scalar.value) {
                    quoted += scalar.value < 0x100 ? "\\x" + hex(scalar.value, 2) : "\\u" + hex(scalar.value, 4)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    private static func hex(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension AnswerKey {
    /// The default the README's reference shows: what a rule or a followed answer stands for,
    /// else the value for the article's answers as answers.yaml writes it.
    var referenceDefault: String {
        if let reference { return reference }
        if required != nil { return "(required)" }
        if let shown = follow?.shown { return shown }
        let line = AnswersWriter.lines(self, of: Answers(), indent: "")[0]
        return String(line.dropFirst(name.count + 2))
    }
}
