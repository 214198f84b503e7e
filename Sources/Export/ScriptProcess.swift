import Foundation
import Planner
#if canImport(Glibc)
import Glibc
#endif

/// One of the output folder's scripts running as exported (`bash DIR/SCRIPT ARGS...`), for
/// `vpcpipe apply` and the wizard. Its output (stdout and stderr, in the order written) is
/// appended to the run log and its last lines kept; its progress stream (docs/progress.md) comes
/// on a pipe of its own, descriptor 3 in the script. Nothing blocks: `read()` takes what is
/// there, and a caller waits on `descriptors` with poll(2) beside its own (the keyboard).
/// The script runs in a process group of its own, so that a Ctrl-C at the terminal reaches
/// vpcpipe only, which asks the script to stop between steps (`askToStop`).
public final class ScriptProcess {
    public struct Failure: SpokenError {
        public var wording: Wording
    }

    public let pid: pid_t
    private let output: Int32, progress: Int32, log: Int32
    private var progressRest: [UInt8] = []
    private var outputRest: [UInt8] = []
    private var outputOpen = true, progressOpen = true
    /// The last lines of the output, newest last (at most `keep`).
    public private(set) var lastLines: [String] = []
    private let keep: Int
    private var status: Int32?

    /// The descriptor the script writes its progress to.
    static let progressDescriptor: Int32 = 3

    /// Starts `bash SCRIPT ARGUMENTS` with the environment of this process and the progress
    /// descriptor; appends a line saying so, then its output, to `log` (created if need be).
    public init(script: String, arguments: [String], log logPath: String, keep: Int = 200) throws {
        self.keep = keep
        var outputPipe: [Int32] = [0, 0], progressPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0, pipe(&progressPipe) == 0 else {
            throw Failure(wording: .said(.runNoPipe, ["reason": String(cString: strerror(errno))]))
        }
        // The script gets the write ends as 1, 2 and 3 only (dup2 clears the flag on those).
        for descriptor in outputPipe + progressPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let logDescriptor = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logDescriptor >= 0 else {
            throw Failure(wording: .said(.runNoLog, ["log": logPath, "reason": String(cString: strerror(errno))]))
        }
        // Each run in the log starts with what ran, and when.
        let header = Array("\n== vpcpipe, \(ISO8601DateFormatter().string(from: Date())): bash \((["bash", script] + arguments).dropFirst().joined(separator: " "))\n".utf8)
        _ = header.withUnsafeBytes { Glibc.write(logDescriptor, $0.baseAddress, $0.count) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, progressPipe[1], Self.progressDescriptor)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own; default handling of the signals vpcpipe catches or ignores.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGQUIT] { sigaddset(&defaults, signal) }
        var unmasked = sigset_t()
        sigemptyset(&unmasked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unmasked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var environment = ProcessInfo.processInfo.environment
        environment["VPCPIPE_PROGRESS_FD"] = String(Self.progressDescriptor)
        let argv = ["bash", script] + arguments
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "bash", &actions, &attributes, cArguments, cEnvironment)
        close(outputPipe[1])
        close(progressPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0]); close(progressPipe[0]); close(logDescriptor)
            throw Failure(wording: .said(.runCannotStart, ["script": script, "reason": String(cString: strerror(spawned))]))
        }
        self.pid = pid
        output = outputPipe[0]
        progress = progressPipe[0]
        log = logDescriptor
        for descriptor in [output, progress] { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        if outputOpen { close(output) }
        if progressOpen { close(progress) }
        close(log)
    }

    /// The descriptors to wait on for `read()`, while the script's output and stream are open.
    public var descriptors: [Int32] { (outputOpen ? [output] : []) + (progressOpen ? [progress] : []) }

    /// What is there now, without waiting: the progress events, in order (the output goes to
    /// the log and `lastLines`). At most `budget` bytes of output are taken per call, so that a
    /// script that prints without pause cannot hold the caller; the rest waits for the next call.
    public func read(budget: Int = 1 << 20) -> [ProgressEvent] {
        var events: [ProgressEvent] = []
        if progressOpen {
            progressOpen = drain(progress, budget: budget) { bytes in
                progressRest += bytes
                while let newline = progressRest.firstIndex(of: UInt8(ascii: "\n")) {
                    if let event = ProgressEvent(line: String(decoding: progressRest[..<newline], as: UTF8.self)) { events.append(event) }
                    progressRest.removeSubrange(...newline)
                }
            }
            if !progressOpen { close(progress) }
        }
        if outputOpen {
            outputOpen = drain(output, budget: budget) { bytes in
                bytes.withUnsafeBufferPointer { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = Glibc.write(log, buffer.baseAddress! + offset, buffer.count - offset)
                        if written <= 0 { break }
                        offset += written
                    }
                }
                keepLines(bytes)
            }
            if !outputOpen { close(output) }
        }
        return events
    }

    /// Reads `descriptor` until it would block, it ends (returns false) or `budget` bytes came.
    private func drain(_ descriptor: Int32, budget: Int, _ take: ([UInt8]) -> Void) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var taken = 0
        while taken < budget {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                take(Array(buffer[..<count]))
                taken += count
            } else if count == 0 {
                return false
            } else {
                return errno == EAGAIN || errno == EINTR
            }
        }
        return true
    }

    /// Only the tail is kept: a chunk that holds more lines than `keep` is cut before splitting.
    private func keepLines(_ bytes: [UInt8]) {
        var chunk = outputRest + bytes
        let newline = UInt8(ascii: "\n")
        var lines = 0, start = chunk.endIndex
        while start > chunk.startIndex, lines <= keep {
            start -= 1
            if chunk[start] == newline { lines += 1 }
        }
        if lines > keep { chunk.removeSubrange(..<(start + 1)) }
        var parts = chunk.split(separator: newline, omittingEmptySubsequences: false)
        // A line with no end in sight (megabytes without a newline) is kept to its last 4 KiB.
        outputRest = Array(parts.removeLast().suffix(4096))
        lastLines += parts.map { String(decoding: $0, as: UTF8.self) }
        if lastLines.count > keep { lastLines.removeFirst(lastLines.count - keep) }
    }

    /// Asks the script to stop before its next step (docs/progress.md: SIGUSR1 to its own process).
    public func askToStop() {
        if status == nil { kill(pid, SIGUSR1) }
    }

    /// Stops the script and what it runs now: SIGTERM to its process group.
    public func terminate() {
        if status == nil { kill(-pid, SIGTERM) }
    }

    /// The exit status once the script ended (128 + the signal when killed), else nil; reaps it.
    public func exitStatus() -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        return status
    }

    /// Whether the script ended and all it wrote was read.
    public var isFinished: Bool { descriptors.isEmpty && exitStatus() != nil }
}

/// Seconds of a monotonic clock, for the times of a run's steps.
public enum Clock {
    public static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
