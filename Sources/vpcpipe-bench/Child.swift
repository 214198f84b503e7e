import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One child process run to its end: its wall time and its own peak memory (wait4's rusage,
/// so the figure is this child's alone, not the largest of every child so far).
struct ChildRun {
    var status: Int32
    var wall: Duration
    /// Peak resident set size in bytes.
    var maxRSS: Int

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs `path` with `arguments`, its output discarded.
    static func run(_ path: String, _ arguments: [String]) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure(description: "wait4: \(String(cString: strerror(errno)))") }
        }
        let wall = clock.now - start
        #if canImport(Darwin)
        let bytes = Int(usage.ru_maxrss)  // bytes on macOS
        #else
        let bytes = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, wall: wall, maxRSS: bytes)
    }
}

func mebibytes(_ bytes: Int) -> String { "\(fixed(Double(bytes) / 1_048_576, 1)) MiB" }
