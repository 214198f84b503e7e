/// A problem with the answers, in the form docs/answers.md gives:
/// `FILE:LINE:COLUMN: error: KEY.PATH: what is wrong (what is expected)`.
/// The rules know only the key path; the reader adds where in the file the key stands,
/// and the wizard shows the message on the field bound to the path.
public struct Diagnostic: Equatable, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// Dotted key path, with list indexes: `network.subnets[1]`, `tags.Team`.
    public var path: String
    /// What is wrong, then what is expected in parentheses.
    public var message: String
    /// 1-based line and column in the answers file, when the key (or its parent) is in one.
    public var line: Int?
    public var column: Int?

    public init(_ severity: Severity, _ path: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    public static func error(_ path: String, _ message: String) -> Diagnostic { Diagnostic(.error, path, message) }
    public static func warning(_ path: String, _ message: String) -> Diagnostic { Diagnostic(.warning, path, message) }

    /// The one-line form, for a file; without a position the file name stands alone.
    public func formatted(file: String) -> String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): \(severity.rawValue): \(path): \(message)"
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
