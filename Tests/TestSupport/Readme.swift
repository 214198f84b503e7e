import Foundation

/// README.md, read as the tests check it against the program.
public struct Readme {
    public let text: String

    public init() throws {
        text = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The lines of the section under `heading` (a whole heading line, `## Usage`), up to the next heading.
    public func section(_ heading: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return Array(lines.drop { $0 != heading }.dropFirst().prefix { !$0.hasPrefix("#") })
    }

    /// The commands of the indented blocks in `lines`, each without its comment.
    public static func commands(in lines: [Substring]) -> [String] {
        lines.filter { $0.hasPrefix("    ") }
            .map { $0.split(separator: "#", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces) }
    }

    /// The rows of the first table in `lines` whose header starts with `header`, as trimmed cells.
    public static func table(_ header: String, in lines: [Substring]) -> [[String]] {
        lines.drop { !$0.hasPrefix(header) }.dropFirst(2).prefix { $0.hasPrefix("|") }.map { row in
            row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The long options named in backticks in a cell: "`--out DIR`" -> ["--out"].
    public static func options(in cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.compactMap { _, code in
            code.hasPrefix("--") ? String(code.prefix { $0 != " " }) : nil
        }
    }
}
