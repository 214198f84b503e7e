import Foundation

// JSON documents whose strings may hold runtime parts (an ARN with the account): policy
// documents and CLI structures become one `Arg` with the variables left for the script.

public indirect enum JSONValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    case string(Arg)
    case bool(Bool)
    case number(Int)
    case array([JSONValue])
    /// Keys keep the order given: policy documents read best as Version, Statement, Effect...
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(.text(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    /// Compact, for a command argument.
    public var arg: Arg { rendered(pretty: false) }

    /// Rendered with variables left as parts; `sortedKeys` orders object keys (plan.json).
    public func rendered(pretty: Bool, sortedKeys: Bool = false) -> Arg {
        var parts: [Part] = []
        write(into: &parts, indent: pretty ? "" : nil, sortedKeys: sortedKeys)
        return Arg(parts)
    }

    /// Pretty text for a file, variables as `${NAME}`.
    public func document(sortedKeys: Bool = false) -> String {
        rendered(pretty: true, sortedKeys: sortedKeys).display + "\n"
    }

    private func write(into parts: inout [Part], indent: String?, sortedKeys: Bool) {
        let inner = indent.map { $0 + "  " }
        func newline(_ level: String?) { if let level { parts.append(.text("\n" + level)) } }
        switch self {
        case .string(let arg):
            // Part by part into `parts`, without a new `Arg` (and its merge) for every string.
            parts.append(.text("\""))
            for part in arg.parts {
                if case .text(let text) = part { parts.append(.text(JSONValue.escape(text))) } else { parts.append(part) }
            }
            parts.append(.text("\""))
        case .bool(let value): parts.append(.text(value ? "true" : "false"))
        case .number(let value): parts.append(.text(String(value)))
        case .array(let items):
            if items.isEmpty { parts.append(.text("[]")); return }
            parts.append(.text("["))
            for (index, item) in items.enumerated() {
                if index > 0 { parts.append(.text(",")) }
                newline(inner)
                item.write(into: &parts, indent: inner, sortedKeys: sortedKeys)
            }
            newline(indent)
            parts.append(.text("]"))
        case .object(let members):
            if members.isEmpty { parts.append(.text("{}")); return }
            parts.append(.text("{"))
            let ordered = sortedKeys ? members.sorted { $0.0 < $1.0 } : members
            for (index, (key, value)) in ordered.enumerated() {
                if index > 0 { parts.append(.text(",")) }
                newline(inner)
                parts.append(.text("\"" + JSONValue.escape(key) + "\":" + (indent == nil ? "" : " ")))
                value.write(into: &parts, indent: inner, sortedKeys: sortedKeys)
            }
            newline(indent)
            parts.append(.text("}"))
        }
    }

    /// The bytes JSON escapes but NUL, as a C string.
    private static let escaped = "\"\\" + (1..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()

    static func escape(_ text: String) -> String {
        // Most strings need no escape: kept as they are when the C library finds none of the
        // bytes to escape before the end (a NUL ends its search early, and is escaped below).
        guard text.withCString({ strcspn($0, escaped) }) != text.utf8.count else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
