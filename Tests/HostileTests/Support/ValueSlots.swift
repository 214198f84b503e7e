import TestSupport
@testable import Planner

/// Every scalar of a complete, valid answers file (the normalised form `AnswersFile.write` gives),
/// each replaceable by a hostile value at a known line and column.
struct ValueSlots {
    enum Kind { case value, listItem, tagKey, tagValue }

    var path: String
    var kind: Kind
    /// 0-based index of the line in `base`.
    var index: Int
    var label: String { path.replacingOccurrences(of: "[0]", with: "-item").replacingOccurrences(of: ".", with: "-") }

    /// The article's answers with one tag and one existing endpoint, so that every kind of value is there.
    static let baseAnswers: Answers = {
        var answers = Article.answers
        answers.endpoints.existing = [.logs]
        answers.tags = [Answers.Tag(key: "Team", value: "CI")]
        return answers
    }()

    static let base: [String] = AnswersFile.write(baseAnswers).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    /// One slot per scalar: `KEY: value` lines, the first item of each list, and the tag's key.
    static let all: [ValueSlots] = {
        var slots: [ValueSlots] = []
        var section = ""
        var listKey: String?
        for (index, line) in base.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.isEmpty || body.hasPrefix("#") { continue }
            if body.hasPrefix("- ") {
                if let key = listKey { slots.append(ValueSlots(path: "\(key)[0]", kind: .listItem, index: index)) }
                listKey = nil
                continue
            }
            listKey = nil
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = String(body[..<colon]), value = body[body.index(after: colon)...]
            let path = indent == 0 ? key : "\(section).\(key)"
            if indent == 0 { section = key }
            if section == "tags", indent > 0 {
                slots.append(ValueSlots(path: path, kind: .tagValue, index: index))
                slots.append(ValueSlots(path: "tags.key", kind: .tagKey, index: index))
            } else if value.isEmpty {
                listKey = indent == 0 ? nil : path
            } else {
                slots.append(ValueSlots(path: path, kind: .value, index: index))
            }
        }
        return slots
    }()

    /// The base file with this slot holding `value` (double-quoted, so any text fits), and the
    /// error the reader must give for it.
    func replaced(with value: String) -> (text: String, expected: ExpectedError) {
        let quoted = "\"" + value.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            case "\0": return "\\0"
            case "\u{85}": return "\\N"
            case "\u{2028}": return "\\L"
            default: return String(scalar)
            }
        }.joined() + "\""
        var lines = Self.base
        let line = lines[index]
        let indent = String(line.prefix { $0 == " " })
        let expected: ExpectedError
        switch kind {
        case .value, .tagValue:
            let key = line.dropFirst(indent.count).prefix { $0 != ":" }
            lines[index] = "\(indent)\(key): \(quoted)"
            // The reader places every problem of a tag on its key, which names it.
            let column = kind == .tagValue ? indent.count + 1 : indent.count + key.count + 3
            expected = ExpectedError(path, line: index + 1, column: column)
        case .listItem:
            lines[index] = "\(indent)- \(quoted)"
            expected = ExpectedError(path, line: index + 1, column: indent.count + 3)
        case .tagKey:
            let tagValue = line.drop { $0 != ":" }
            lines[index] = "\(indent)\(quoted)\(tagValue)"
            expected = ExpectedError("tags.\(value)", line: index + 1, column: indent.count + 1)
        }
        return (lines.joined(separator: "\n"), expected)
    }
}
