import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A finished process: its exit status, what it printed and how long it took (wall time).
public struct Finished: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var seconds: Double
    /// The CPU time it used (user and system): unlike wall time, hardly longer on a busy machine.
    public var cpuSeconds: Double
    /// Ended by a signal: a crash, or the time limit.
    public var signalled: Bool

    /// For failure messages: the exit status and whatever the program said.
    public var summary: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// This process's environment with its locale pinned to C.UTF-8: vpcpipe speaks the locale's
/// language, so a Japanese machine locale would otherwise change what a test reads.
public var inheritedEnvironment: [String: String] {
    ProcessInfo.processInfo.environment.filter { !["LC_ALL", "LC_MESSAGES"].contains($0.key) }.merging(["LANG": "C.UTF-8"]) { $1 }
}

/// Runs `program` (looked up on the PATH of `environment`, else of this process, unless it is a
/// path) to its end, with no input. Output goes through files, not pipes, so a megabyte of
/// stderr cannot block the child; a child that outlives `limit` seconds is killed, so that a
/// hang fails its test instead of stopping the suite. `environment` nil: `inheritedEnvironment`.
public func runProgram(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                in folder: URL? = nil, limit: Double = 1800) throws -> Finished {
    let scratch = try temporaryFolder("run")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
    let started = Date()
    let child = try Child([program] + arguments, environment: environment, in: folder, output: out, errors: err)
    let status = child.wait(limit: limit)
    return Finished(status: status.exitStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                    stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
                    seconds: Date().timeIntervalSince(started), cpuSeconds: status.cpuSeconds, signalled: status.signalled)
}

/// A temporary folder of its own, which the caller removes.
public func temporaryFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// How a process ended: its wait status, as `waitpid` gives it, and the CPU time it used.
public struct WaitStatus: Sendable {
    public var raw: Int32
    public var cpuSeconds: Double
    public var signalled: Bool { raw & 0x7f != 0 && raw & 0x7f != 0x7f }
    /// The exit status, or 128 plus the signal, as a shell says it.
    public var exitStatus: Int32 { signalled ? 128 + (raw & 0x7f) : (raw >> 8) & 0xff }
}

/// A started process. Spawned with posix_spawn and reaped here rather than through Foundation's
/// Process, which waits until every descriptor the child passed on is closed: a tmux server the
/// child starts keeps them open, so it would never return.
public final class Child: @unchecked Sendable {
    public let pid: pid_t
    private let lock = NSLock()
    private var ended = false

    /// Starts `argv` with no input, its output to the file `output` and its errors to `errors`
    /// (nil: to `output` too); both files are created or emptied.
    public init(_ argv: [String], environment: [String: String]? = nil, in folder: URL? = nil,
                output: URL, errors: URL? = nil) throws {
        let environment = environment ?? inheritedEnvironment
        let program = try Child.find(argv[0], path: environment["PATH"] ?? "/usr/bin:/bin")
        // posix_spawn cannot change the folder portably: a shell does, then becomes the program.
        let words = folder.map { ["/bin/sh", "-c", #"cd -- "$1" || exit 126; shift; exec "$@""#, "sh", $0.path, program] }
            ?? [program]
        let cArguments = (words + argv.dropFirst()).map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        Child.closeOnExec()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, words[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw Failure("cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        self.pid = pid
    }

    /// Marks this process's descriptors above 2 close-on-exec, so that a child holds none of
    /// them: one holding the write end of the emulator's input would keep the emulator running
    /// after the test process is gone. (Foundation's Process dup2s what its children need.)
    private static func closeOnExec() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// `program` itself if it names a path, else the first executable of that name on `path`.
    private static func find(_ program: String, path: String) throws -> String {
        if program.contains("/") { return program }
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure("\(program) is not on the PATH (\(path))")
    }

    /// Whether the process still runs; it is not reaped, so its pid stays its own.
    public var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        if ended { return false }
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._kill.si_pid == 0
    }

    /// Sends `signal`, unless the process has already been reaped.
    public func signal(_ signal: Int32) {
        lock.lock(); defer { lock.unlock() }
        if !ended { kill(pid, signal) }
    }

    /// Waits for the process to end and reaps it; past `limit` seconds it is killed.
    @discardableResult
    public func wait(limit: Double? = nil) -> WaitStatus {
        let watchdog = DispatchWorkItem { [self] in signal(SIGKILL) }
        if let limit { DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog) }
        defer { watchdog.cancel() }
        // Waited for without reaping, so that the watchdog cannot signal another process that
        // was given the same pid once this one is reaped.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        lock.lock(); defer { lock.unlock() }
        ended = true
        var status: Int32 = 0, usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return WaitStatus(raw: status, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
}

/// A failure of the test's own machinery, with what to do about it.
public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
