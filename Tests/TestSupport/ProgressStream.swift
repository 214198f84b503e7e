import Foundation

/// The scripts' progress stream (docs/progress.md) captured to a file: the arguments of a bash
/// that opens descriptor `ProgressStream.descriptor` on the file, then runs a program; and the
/// variable that names the descriptor.
public enum ProgressStream {
    public static let descriptor = 3
    public static let variable = ["VPCPIPE_PROGRESS_FD": String(descriptor)]

    /// For `runProgram("/bin/bash", ...)`: runs `argv` once the descriptor is open on `file`
    /// (created or emptied).
    public static func arguments(running argv: [String], to file: URL) -> [String] {
        ["-c", "exec \(descriptor)>\"$0\" && exec \"$@\"", file.path] + argv
    }
}
