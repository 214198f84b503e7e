import Foundation

struct Failed: Error, CustomStringConvertible {
    let description: String
}

/// The built vpcpipe, beside the test bundle.
var builtVpcpipe: String {
    let products = Bundle.main.bundleURL
    return [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("vpcpipe").path }
        .first { FileManager.default.isExecutableFile(atPath: $0) } ?? products.appendingPathComponent("vpcpipe").path
}

/// Starts `argv` (looked up in PATH) with no input and its output and errors to `log`.
/// Spawned and reaped by hand: Foundation's Process waits for every inherited descriptor to
/// close, and a tmux server it starts keeps them open, so it would never return.
func spawn(_ argv: [String], log: String) throws -> pid_t {
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
    guard spawned == 0 else { throw Failed(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
    return pid
}

/// Waits for `pid` to end; returns its wait status.
@discardableResult
func reap(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
}

/// The files under `root` (relative paths, hidden ones included) and their contents; nil for folders.
func tree(_ root: URL) -> [String: Data?] {
    var files: [String: Data?] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: root.path)?.allObjects ?? [] {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
        files[path] = isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }
    return files
}
