import Foundation
import TestSupport
import XCTest

/// An error the reader must report: its key path and, where the file has one, its position.
struct ExpectedError: Equatable, CustomStringConvertible {
    var path: String
    var line: Int?
    var column: Int?

    /// `LINE:COLUMN PATH`, or `PATH` alone when the position cannot be known beforehand.
    init(_ text: Substring) {
        let parts = text.split(separator: " ", maxSplits: 1)
        let place = parts[0].split(separator: ":")
        if parts.count == 2, place.count == 2, let line = Int(place[0]), let column = Int(place[1]) {
            (self.line, self.column, path) = (line, column, String(parts[1]))
        } else {
            path = String(text)
        }
    }

    init(_ path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path; self.line = line; self.column = column
    }

    var description: String { line.map { "\($0):\(column ?? 0) \(path)" } ?? path }
}

/// A hostile answers file and the errors it must give.
struct HostileFile {
    var name: String
    var contents: Data
    var expected: [ExpectedError]
}

/// Runs `vpcpipe --headless FILE --out DIR` and checks the refusal: exit 1 within a second,
/// no crash, nothing written, and exactly the expected `FILE:LINE:COLUMN: error: KEY.PATH:` lines.
/// Returns whether every check held, for the counts the tests report.
@discardableResult
func assertRefused(_ file: HostileFile, binary: String, in folder: URL,
                   file sourceFile: StaticString = #filePath, line sourceLine: UInt = #line) throws -> Bool {
    let path = folder.appendingPathComponent(file.name)
    let out = folder.appendingPathComponent("out-\(file.name)")
    try file.contents.write(to: path)
    let result = try runProgram(binary, ["--headless", path.path, "--out", out.path], limit: 20)
    var problems: [String] = []
    // The issue's bound, against hangs (alias bombs, quadratic scans) rather than a benchmark:
    // CPU time, which the other builds and tests of a shared machine hardly lengthen.
    if result.cpuSeconds >= 1 { problems.append(String(format: "took %.2f s of CPU (at most 1 s)", result.cpuSeconds)) }
    if result.signalled || result.stderr.contains("Fatal error") { problems.append("crashed") }
    if result.status != 1 { problems.append("exit status \(result.status), not 1") }
    if FileManager.default.fileExists(atPath: out.path) { problems.append("wrote \(out.lastPathComponent)") }
    // Compared as sets, since a file may give thousands: by position and path where the
    // expectation has a position, by path alone where it has none.
    let reported = reportedErrors(result.stderr, file: path.path)
    let placed = Set(file.expected.filter { $0.line != nil }.map(\.description))
    let unplaced = Set(file.expected.filter { $0.line == nil }.map(\.path))
    let reportedPlaced = Set(reported.map(\.description)), reportedPaths = Set(reported.map(\.path))
    problems += placed.subtracting(reportedPlaced).sorted().prefix(10).map { "missing error \($0)" }
    problems += unplaced.subtracting(reportedPaths).sorted().prefix(10).map { "missing error \($0)" }
    problems += reported.filter { !placed.contains($0.description) && !unplaced.contains($0.path) }
        .prefix(10).map { "unexpected error \($0)" }
    if !problems.isEmpty {
        XCTFail("\(file.name): \(problems.joined(separator: "; "))\nstderr: \(result.stderr.prefix(2000))",
                file: sourceFile, line: sourceLine)
    }
    return problems.isEmpty
}

/// The errors of vpcpipe's stderr: `FILE:LINE:COLUMN: error: PATH: message` or `FILE: error: PATH: message`.
func reportedErrors(_ stderr: String, file: String) -> [ExpectedError] {
    stderr.split(separator: "\n").compactMap { line -> ExpectedError? in
        guard line.hasPrefix(file), let marker = line.range(of: ": error: ") else { return nil }
        let place = line[line.index(line.startIndex, offsetBy: file.count)..<marker.lowerBound]
            .split(separator: ":").compactMap { Int($0) }
        let rest = line[marker.upperBound...]
        let path = rest.range(of: ": ").map { String(rest[..<$0.lowerBound]) } ?? String(rest)
        return ExpectedError(path, line: place.first, column: place.dropFirst().first)
    }
}
