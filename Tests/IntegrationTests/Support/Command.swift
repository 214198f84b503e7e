import Foundation

/// Runs programs found on PATH and captures what they print.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// For failure messages: the exit status and whatever the program said.
    var summary: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

enum Command {
    /// Runs `program` (looked up on PATH unless it is a path) with `arguments` and waits for it.
    /// Output goes through files, not pipes, so a chatty program can never fill a pipe and stall.
    static func run(_ program: String, _ arguments: [String], environment: [String: String],
                    in directory: URL? = nil) throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("vpcpipe-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close()
        return CommandResult(status: process.terminationStatus,
                             stdout: try String(contentsOf: outURL, encoding: .utf8),
                             stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Whether `program` runs at all (exit 0) with `arguments`.
    static func works(_ program: String, _ arguments: [String]) -> Bool {
        (try? run(program, arguments, environment: ProcessInfo.processInfo.environment).status) == 0
    }
}
