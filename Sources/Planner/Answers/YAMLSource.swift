import Yams

/// A place in the answers file: 1-based line and column, counted in Unicode scalars as libyaml
/// (and so Yams' `Mark`) counts them.
struct Position: Hashable, Comparable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) { self.line = line; self.column = column }
    init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }

    static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
}

/// A problem with the file as a whole rather than with one key.
struct DocumentProblem: Error {
    let message: Wording
    let position: Position?
}

/// The answers file composed into Yams nodes, made safe and complete for the reader:
/// - aliases and anchors are refused before Yams composes, because Yams hashes every mapping
///   key to find duplicates, and a key that is an alias of an alias of... ("billion laughs")
///   would be hashed in exponential time;
/// - Yams stops at the first mapping with a duplicated key; to report every problem at once,
///   the earlier occurrences of a duplicated key are renamed in a copy of the text (same length,
///   so no position moves) and the text is composed again. `duplicates` gives their real names.
struct YAMLSource {
    let root: Node?
    /// The key positions of earlier occurrences of duplicated keys, with the key as written.
    let duplicates: [Position: String]

    /// Each duplicated key costs one more pass of Yams over the file: past this many, or past
    /// 256 K characters read again, the reader gives up on reporting them one by one.
    static let maximumDuplicates = 20
    static let maximumRereading = 1 << 18

    static func compose(_ text: String) throws(DocumentProblem) -> YAMLSource {
        // Yams fails on a byte order mark, which some editors write; libyaml's columns ignore it.
        var scalars = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
        if let alias = firstAliasOrAnchor(in: scalars) {
            throw DocumentProblem(message: .notice(.anchors), position: alias)
        }
        var duplicates: [Position: String] = [:]
        while true {
            let yaml = String(String.UnicodeScalarView(scalars))
            do {
                return YAMLSource(root: try Yams.compose(yaml: yaml), duplicates: duplicates)
            } catch let YamlError.duplicatedKeysInMapping(keys, context) {
                let position = Position(context.mark)
                guard duplicates[position] == nil, duplicates.count < maximumDuplicates,
                      (duplicates.count + 1) * scalars.count <= maximumRereading,
                      let index = renamableKeyStart(position, in: scalars) else {
                    throw DocumentProblem(message: .notice(.duplicatedKeys, ["keys": .each { l in keys.map { quoted($0).text(l) }.joined(separator: ", ") }]),
                                          position: position)
                }
                duplicates[position] = keys[0]
                // A private-use character: printable for libyaml, never a real key's first letter.
                scalars[index] = Unicode.Scalar(0xE000 + UInt32(duplicates.count))!
            } catch {
                throw problem(error, text: yaml)
            }
        }
    }

    /// The index of the first character of the scalar key at `position`, if it can be renamed
    /// by replacing that character (a plain or quoted key of at least one ordinary character).
    private static func renamableKeyStart(_ position: Position, in scalars: [Unicode.Scalar]) -> Int? {
        var line = 1, column = 1, index = 0
        while index < scalars.count, (line, column) != (position.line, position.column) {
            if let next = lineBreakEnd(scalars, index) {
                line += 1; column = 1; index = next
            } else {
                column += 1; index += 1
            }
        }
        if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        guard index < scalars.count, !"\"'\\[]{},:#&*!|>?-% \t\r\n".unicodeScalars.contains(scalars[index]),
              lineBreakEnd(scalars, index) == nil else { return nil }
        return index
    }

    /// If a line break starts at `index`, the index after it (CR LF is one break, as in libyaml).
    private static func lineBreakEnd(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
        switch scalars[index] {
        case "\r": return index + 1 < scalars.count && scalars[index + 1] == "\n" ? index + 2 : index + 1
        case "\n", "\u{85}", "\u{2028}", "\u{2029}": return index + 1
        default: return nil
        }
    }

    /// Where the first alias (`*name`) or anchor (`&name`) may stand, or nil if there is none.
    /// Conservative: it may flag a `*` or `&` inside a plain (unquoted) value after `-`, `:` or
    /// `,`, but it never misses one. A node (where an alias can be) starts at a line's first
    /// character or after `-`, `?`, `:`, `,`, `[`, `{` or a tag, spaces aside; a quoted scalar
    /// is skipped whole; a line whose first character is `#` is a comment and never holds one.
    private static func firstAliasOrAnchor(in scalars: [Unicode.Scalar]) -> Position? {
        var line = 1, column = 1, index = 0
        var nodeStart = true, lineStart = true
        while index < scalars.count {
            if let next = lineBreakEnd(scalars, index) {
                line += 1; column = 1; index = next
                nodeStart = true; lineStart = true
                continue
            }
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t":
                break
            case "#" where lineStart:
                while index + 1 < scalars.count, lineBreakEnd(scalars, index + 1) == nil { index += 1; column += 1 }
            case "*", "&":
                if nodeStart, index + 1 < scalars.count, isAnchorCharacter(scalars[index + 1]) {
                    return Position(line: line, column: column)
                }
                nodeStart = false
            case "\"" where nodeStart, "'" where nodeStart:
                // A quoted scalar holds no node, whatever it holds (the answers writer quotes a
                // branch such as "a,&b"): it is skipped up to its closing quote.
                skipQuoted(scalar, in: scalars, index: &index, line: &line, column: &column)
                nodeStart = false
            case "!" where nodeStart:
                // A tag such as !!str: the node starts after it.
                while index + 1 < scalars.count, !" \t".unicodeScalars.contains(scalars[index + 1]),
                      lineBreakEnd(scalars, index + 1) == nil { index += 1; column += 1 }
            case "-", "?", ":", ",", "[", "{":
                nodeStart = true
            default:
                nodeStart = false
            }
            if scalar != " ", scalar != "\t" { lineStart = false }
            column += 1
            index += 1
        }
        return nil
    }

    /// Moves `index` from an opening quote to its closing quote (or the end of the text):
    /// `\x` escapes in double quotes, `''` in single quotes, and line breaks counted.
    private static func skipQuoted(_ quote: Unicode.Scalar, in scalars: [Unicode.Scalar],
                                   index: inout Int, line: inout Int, column: inout Int) {
        index += 1; column += 1
        while index < scalars.count {
            if let next = lineBreakEnd(scalars, index) {
                line += 1; column = 1; index = next
                continue
            }
            let scalar = scalars[index]
            let hasNext = index + 1 < scalars.count
            let escape = quote == "\"" && scalar == "\\" && hasNext && lineBreakEnd(scalars, index + 1) == nil
            let doubled = quote == "'" && scalar == "'" && hasNext && scalars[index + 1] == "'"
            if escape || doubled {
                index += 2; column += 2
            } else if scalar == quote {
                return
            } else {
                index += 1; column += 1
            }
        }
    }

    /// libyaml's anchor alphabet is wider than this; any printable non-space character after
    /// `*` or `&` at a node's start is treated as a name, to stay on the safe side.
    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !" \t\r\n,[]{}".unicodeScalars.contains(scalar) && scalar.properties.generalCategory != .control
    }

    /// Yams' error as the reader reports it: the parser's words, at the parser's position.
    private static func problem(_ error: any Error, text: String) -> DocumentProblem {
        switch error {
        case let YamlError.scanner(context, problem, mark, _),
             let YamlError.parser(context, problem, mark, _),
             let YamlError.composer(context, problem, mark, _):
            let expected = context.map {
                Wording.notice(.yamlContextAt, ["context": .verbatim($0.text), "line": .verbatim("\($0.mark.line)")])
            } ?? .notice(.yamlOrJSON)
            return DocumentProblem(message: notYAML(problem, expected), position: Position(mark))
        case let YamlError.reader(problem, offset, _, _):
            return DocumentProblem(message: notYAML(problem, .notice(.printableUTF8)),
                                   position: offset.map { position(ofUTF8Offset: $0, in: text) })
        default:
            return DocumentProblem(message: notYAML("\(error)", .notice(.yamlOrJSON)), position: nil)
        }
    }

    /// libyaml's words stay as libyaml says them.
    private static func notYAML(_ problem: String, _ expected: Wording) -> Wording {
        .notice(.notYAML, ["problem": .verbatim(problem), "expected": expected])
    }

    private static func position(ofUTF8Offset offset: Int, in text: String) -> Position {
        let prefix = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
        let lines = prefix.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return Position(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}
