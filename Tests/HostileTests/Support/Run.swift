import Foundation
import XCTest

/// A finished process: exit status, what it printed, and how long it took (wall time).
struct Finished {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
    /// Killed by a signal (a crash) or by the safety timeout.
    var signalled: Bool
}

/// Runs a program to its end. Output goes to files, not pipes, so a megabyte of stderr cannot
/// block the child; a child that outlives `limit` seconds is killed, so a hang fails the test
/// instead of stopping the suite.
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
         in folder: URL? = nil, limit: Double = 60) throws -> Finished {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = folder }
    process.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    let start = Date()
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
    process.waitUntilExit()
    watchdog.cancel()
    let seconds = Date().timeIntervalSince(start)
    try outHandle.close()
    try errHandle.close()
    return Finished(status: process.terminationStatus,
                    stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                    stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
                    seconds: seconds, signalled: process.terminationReason == .uncaughtSignal)
}

/// A temporary folder, removed by the caller.
func temporaryFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

enum Vpcpipe {
    /// The vpcpipe executable the package built, in the build folder beside this test bundle.
    static func binary() throws -> String {
        let bundle = Bundle(for: Marker.self).bundleURL
        for folder in [bundle.deletingLastPathComponent(), bundle] {
            let candidate = folder.appendingPathComponent("vpcpipe").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw Missing(description: "no vpcpipe executable beside the tests in \(bundle.deletingLastPathComponent().path)")
    }

    struct Missing: Error, CustomStringConvertible { let description: String }
    private final class Marker {}
}

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
