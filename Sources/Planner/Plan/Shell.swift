import Foundation

// Commands stay argument lists until `Shell.quote` turns them into shell text: the only place
// where values meet the shell, so no renderer concatenates an unquoted value.

/// A piece of one argument: literal text, or a script variable known only at run time
/// (the account, a created security group's id).
public enum Part: Equatable, Sendable {
    case text(String)
    case variable(String)
}

/// One shell word, made of literal text and runtime variables.
public struct Arg: Equatable, Sendable, ExpressibleByStringLiteral {
    public var parts: [Part]

    public init(_ parts: [Part]) { self.parts = Arg.merged(parts) }
    public init(stringLiteral value: String) { self.parts = [.text(value)] }
    public static func text(_ value: String) -> Arg { Arg([.text(value)]) }
    public static func variable(_ name: String) -> Arg { Arg([.variable(name)]) }

    public static func + (lhs: Arg, rhs: Arg) -> Arg { Arg(lhs.parts + rhs.parts) }
    public static func + (lhs: Arg, rhs: String) -> Arg { lhs + Arg.text(rhs) }
    public static func + (lhs: String, rhs: Arg) -> Arg { Arg.text(lhs) + rhs }

    /// The script variables this argument reads.
    public var variables: [String] {
        parts.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// The argument for people and plan.json: variables as `${NAME}`.
    public var display: String { rendered { "${\($0)}" } }

    /// Text with each variable replaced by `value(name)`.
    public func rendered(_ value: (String) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .variable(let name): value(name)
            }
        }.joined()
    }

    /// Adjacent texts joined, empty ones dropped, gathered in one buffer (linear in a long document).
    private static func merged(_ parts: [Part]) -> [Part] {
        var result: [Part] = []
        var text = ""
        for part in parts {
            switch part {
            case .text(let next): text += next
            case .variable:
                if !text.isEmpty { result.append(.text(text)); text = "" }
                result.append(part)
            }
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }
}

/// One AWS CLI call: `aws SERVICE OPERATION --option value...`. Region and profile are added by
/// the script (one place), so commands hold only what the step means.
public struct Command: Equatable, Sendable {
    public struct Option: Equatable, Sendable {
        /// Without the dashes: `vpc-id`.
        public var name: String
        /// Empty for a flag such as `--no-private-dns-enabled`; several for list options.
        public var values: [Arg]
    }

    public var service: String
    public var operation: String
    public var options: [Option]
    /// Retry IAM propagation errors (create-project, create-pipeline: docs/troubleshooting.md).
    public var retriesPropagation: Bool
    /// Error codes that mean the call's work is done already (a security group rule that exists,
    /// or is gone): the call succeeds, so a run stopped after it can make it again.
    public var tolerates: [String]

    public init(_ service: String, _ operation: String, _ options: [Option] = [], retriesPropagation: Bool = false,
                tolerates: [String] = []) {
        self.service = service
        self.operation = operation
        self.options = options
        self.retriesPropagation = retriesPropagation
        self.tolerates = tolerates
    }

    /// The command with one more option (builder style keeps step definitions readable).
    public func with(_ name: String, _ values: Arg...) -> Command { with(name, values) }

    public func with(_ name: String, _ values: [Arg]) -> Command {
        var copy = self
        copy.options.append(Option(name: name, values: values))
        return copy
    }

    /// `--query Q --output text`: how every runtime value is captured (no jq).
    public func query(_ expression: String) -> Command {
        with("query", .text(expression)).with("output", "text")
    }

    /// `--no-paginate`: the call's first page only. An operation the CLI pages through runs a
    /// text query on each page, so one that picks a single value (`[0]`) would print a line a
    /// page; rows that list resources need every page and keep paginating.
    public func firstPage() -> Command { with("no-paginate") }

    /// The argument list after `aws`: words, `--option` names, values.
    public var arguments: [Arg] {
        [.text(service), .text(operation)] + options.flatMap { [.text("--" + $0.name)] + $0.values }
    }

    /// The full argv for plan.json, variables as `${NAME}`.
    public var argv: [String] { ["aws"] + arguments.map(\.display) }
}

public enum Shell {
    /// One shell word: literal text always single-quoted (`'` as `'\''`), variables double-quoted.
    /// `[text "arn:aws:iam::", variable ACCOUNT, text ":role/x"]` gives `'arn:aws:iam::'"$ACCOUNT"':role/x'`.
    public static func quote(_ arg: Arg) -> String {
        if arg.parts.isEmpty { return "''" }
        return arg.parts.map { part in
            switch part {
            // Foundation's replacingOccurrences goes through NSString: only for the rare text
            // that holds a quote (found byte by byte, so a quote that starts a grapheme counts).
            case .text(let text) where !text.utf8.contains(UInt8(ascii: "'")): "'" + text + "'"
            case .text(let text): "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
            case .variable(let name): "\"$\(name)\""
            }
        }.joined()
    }

    /// Literal text for inside bash's double quotes: `\ " $` and backticks escaped.
    static func doubleQuoted(_ text: String) -> String {
        text.reduce(into: "") { out, character in
            if "\\\"$`".contains(character) { out.append("\\") }
            out.append(character)
        }
    }

    /// The words of a command for a script line: service, operation and option names as they are
    /// (they come from vpcpipe, never from answers), every value quoted.
    public static func words(_ command: Command) -> [String] {
        [command.service, command.operation] + command.options.flatMap { option in
            ["--" + option.name] + option.values.map(quote)
        }
    }
}
