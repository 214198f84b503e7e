import Foundation
import TestSupport
import XCTest

/// Argument lists written by `printf '%s\0' "$#" "$@"`: a word count, then that many words.
func countedRecords(_ text: String) -> [[String]] {
    var fields = text.split(separator: "\0", omittingEmptySubsequences: false).map(String.init).dropLast()[...]
    var records: [[String]] = []
    while let count = fields.first.flatMap({ Int($0) }) {
        records.append(Array(fields.dropFirst().prefix(count)))
        fields = fields.dropFirst(count + 1)
    }
    return records
}

extension DryRunSandbox {
    /// Runs `SCRIPT --dry-run` and reads each printed command back into its words with bash itself.
    func dryRunWords(_ script: String) throws -> [[String]] {
        let result = try dryRun(script)
        guard result.status == 0 else {
            XCTFail("\(script) --dry-run: exit \(result.status)\n\(result.stderr)")
            return []
        }
        let lines = folder.appendingPathComponent("printed.txt")
        try result.stdout.write(to: lines, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: lines) }
        // Each command line, evaluated as bash would read it: word count, then the words, NUL-separated.
        let replay = """
            while IFS= read -r line; do
              case "$line" in '  aws '*) ;; *) continue ;; esac
              eval "set -- $line"
              printf '%s\\0' "$#" "$@"
            done < "$1"
            """
        let words = try runProgram("/bin/bash", ["-c", replay, "replay", lines.path], environment: environment, in: folder)
        XCTAssertEqual(words.status, 0, words.stderr)
        return countedRecords(words.stdout)
    }
}
