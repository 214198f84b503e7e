import Foundation
import TestSupport

/// Runs the built vpcpipe with no terminal.
func vpcpipe(_ arguments: [String], environment: [String: String]? = nil, in folder: URL? = nil) throws -> Finished {
    try runProgram(try vpcpipeBinary(), arguments, environment: environment, in: folder)
}

/// Runs a shell command in a terminal (util-linux `script`), typing `keys` (a printf format) two
/// seconds in: the terminal's output is the result's stdout.
func inTerminal(_ command: String, keys: String, environment: [String: String], in folder: URL? = nil) throws -> Finished {
    try runProgram("/bin/sh", ["-c", "(sleep 2; printf '\(keys)'; sleep 3) | timeout 60 script -qec \"\(command)\" /dev/null"],
                   environment: environment, in: folder)
}

/// An environment where `vpcpipe`, as README's commands name it, is the built binary: a link
/// in `folder`/bin first on PATH. HOME is `folder`.
func environmentWithVpcpipe(in folder: URL) throws -> [String: String] {
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("vpcpipe"),
                                               withDestinationURL: URL(fileURLWithPath: try vpcpipeBinary()))
    return ["PATH": bin.path + ":/usr/bin:/bin", "HOME": folder.path]
}
