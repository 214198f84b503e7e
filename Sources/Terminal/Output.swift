import Foundation

/// Lines to the terminal by write(2), whose errors are ignored: after a hangup the terminal is
/// gone (EIO, or EPIPE with SIGPIPE ignored), and a farewell nobody can read must not crash
/// the wizard (FileHandle's write traps on such an error).
public enum Output {
    /// A line on stdout.
    public static func say(_ line: String) { write(STDOUT_FILENO, line + "\n") }

    /// Text on stdout with no line end: a question waiting on the same line for its answer.
    public static func ask(_ text: String) { write(STDOUT_FILENO, text) }

    /// A line on stderr.
    public static func error(_ line: String) { write(STDERR_FILENO, line + "\n") }

    /// Bracketed paste on or off: pasted text comes between markers, so that it is typed, never
    /// pressed as keys. Terminals that do not know the mode ignore it.
    static func bracketedPaste(_ on: Bool) { write(STDOUT_FILENO, on ? "\u{1B}[?2004h" : "\u{1B}[?2004l") }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
