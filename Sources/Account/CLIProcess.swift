import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stop switch shared by whoever waits on calls and whoever may give up on them (Esc).
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }
    public var isCancelled: Bool { lock.withLock { cancelled } }
}

/// One run of a program to its end, its time bounded: spawned in a process group of its own
/// so that on timeout or cancellation the group is killed, whatever the program started. No
/// input, no terminal: output goes to files, so the wizard's screen stays the wizard's.
enum CLIProcess {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    enum Stop: Error { case notFound, timedOut, cancelled }

    static func run(_ argv: [String], environment: [String: String], timeout: Double, cancellation: Cancellation?) throws -> Output {
        guard let program = find(argv[0], path: environment["PATH"] ?? "/usr/bin:/bin") else { throw Stop.notFound }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout").path, err = folder.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let cArguments = ([program] + argv.dropFirst()).map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        keepDescriptorsFromChildren()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, cArguments, cEnvironment)
        guard spawned == 0 else { throw Stop.notFound }

        // Polled rather than waited on, so that a deadline or a cancellation ends the wait.
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            let stop: Stop? = cancellation?.isCancelled == true ? .cancelled : (Date() >= deadline ? .timedOut : nil)
            if let stop {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw stop
            }
            usleep(10_000)
        }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exit, stdout: FileManager.default.contents(atPath: out) ?? Data(),
                      stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))
    }

    /// Marks this process's descriptors above 2 close-on-exec, so that the CLI holds none of
    /// ours (the terminal's, another call's files).
    private static func keepDescriptorsFromChildren() {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let descriptor = Int32(entry), descriptor > 2 else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// `program` itself if it names a path, else the first executable of that name on `path`.
    private static func find(_ program: String, path: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
