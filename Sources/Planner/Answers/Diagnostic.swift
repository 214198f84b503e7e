/// A problem with the answers, in the form docs/answers.md gives:
/// `FILE:LINE:COLUMN: error: KEY.PATH: what is wrong (what is expected)`.
/// The rules know only the key path; the reader adds where in the file the key stands,
/// and the wizard shows the message on the field bound to the path. The message is in no
/// language until shown: `text(_:)` and `formatted(file:language:)` say it in one.
public struct Diagnostic: Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// Dotted key path, with list indexes: `network.subnets[1]`, `tags.Team`, in English: the
    /// rules' and the wizard's fields' name for it.
    public var path: String {
        get { shownPath.text(.en) }
        set { shownPath = .verbatim(newValue) }
    }
    /// The path as shown, in each language: a key cut short says its length (`shownKey`).
    public var shownPath: Wording
    /// What is wrong, then what is expected in parentheses.
    public var content: Wording
    /// 1-based line and column in the answers file, when the key (or its parent) is in one.
    public var line: Int?
    public var column: Int?

    public init(_ severity: Severity, _ path: String, _ content: Wording, line: Int? = nil, column: Int? = nil) {
        self.init(severity, shownPath: .verbatim(path), content, line: line, column: column)
    }

    public init(_ severity: Severity, shownPath: Wording, _ content: Wording, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.shownPath = shownPath
        self.content = content
        self.line = line
        self.column = column
    }

    /// A message that is the same in every language (or English only, as the account's problems).
    public init(_ severity: Severity, _ path: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.init(severity, path, .verbatim(message), line: line, column: column)
    }

    public static func error(_ path: String, _ message: String) -> Diagnostic { Diagnostic(.error, path, message) }
    public static func warning(_ path: String, _ message: String) -> Diagnostic { Diagnostic(.warning, path, message) }
    public static func error(_ path: String, _ content: Wording) -> Diagnostic { Diagnostic(.error, path, content) }
    public static func warning(_ path: String, _ content: Wording) -> Diagnostic { Diagnostic(.warning, path, content) }

    /// The message in English.
    public var message: String { content.text(.en) }

    /// The message in `language`.
    public func text(_ language: Language) -> String { content.text(language) }

    /// "error" or "warning" in `language`.
    public func severityWord(_ language: Language) -> String {
        Wording.notice(severity == .error ? .severityError : .severityWarning).text(language)
    }

    /// The one-line form, for a file; without a position the file name stands alone. The path
    /// (but a long key's length) and the position are the same in every language.
    public func formatted(file: String, language: Language = .en) -> String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): \(severityWord(language)): \(shownPath.text(language)): \(text(language))"
    }
}

/// Two diagnostics are the same when they say the same in English at the same place.
extension Diagnostic: Equatable {
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.severity, lhs.path, lhs.line, lhs.column) == (rhs.severity, rhs.path, rhs.line, rhs.column)
            && lhs.message == rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// Those about `path` itself or anything below it (`network.subnets` covers `network.subnets[1]`).
    public func about(_ path: String) -> [Diagnostic] {
        filter { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }
    }
}
