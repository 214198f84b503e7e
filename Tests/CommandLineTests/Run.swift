import Foundation
import XCTest

/// The built vpcpipe, run as a user runs it. Small on purpose: the shared test helpers are
/// moving to one target.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The vpcpipe executable the package built, beside this test bundle.
func vpcpipeBinary() throws -> String {
    let bundle = Bundle(for: Marker.self).bundleURL
    for folder in [bundle.deletingLastPathComponent(), bundle] {
        let candidate = folder.appendingPathComponent("vpcpipe").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Missing(description: "no vpcpipe beside \(bundle.path): swift build --build-tests builds it")
}

struct Missing: Error, CustomStringConvertible { var description: String }

private final class Marker {}

/// Runs the built vpcpipe with no terminal.
func vpcpipe(_ arguments: [String], environment: [String: String]? = nil, in folder: URL? = nil) throws -> Run {
    try runProgram(try vpcpipeBinary(), arguments, environment: environment, in: folder)
}

/// Runs `executable` with no terminal; output goes through files so that a long one cannot block it.
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                in folder: URL? = nil) throws -> Run {
    let scratch = try temporaryFolder("run")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = folder }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    // Leniently: a terminal's output need not be UTF-8.
    return Run(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
               stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

/// Runs a shell command in a terminal (util-linux `script`), typing `keys` (a printf format) two
/// seconds in: the terminal's output is the result's stdout.
func inTerminal(_ command: String, keys: String, environment: [String: String], in folder: URL? = nil) throws -> Run {
    try runProgram("/bin/sh", ["-c", "(sleep 2; printf '\(keys)'; sleep 3) | timeout 60 script -qec \"\(command)\" /dev/null"],
                   environment: environment, in: folder)
}

/// A new empty folder; the caller removes it.
func temporaryFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-cli-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
