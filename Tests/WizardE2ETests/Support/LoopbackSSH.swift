import Foundation
import TestSupport

/// An sshd of its own on 127.0.0.1, for the current user: its host key, the user's key, its
/// config and log in a temporary folder. Debian's openssh-server (scripts/test installs it).
final class LoopbackSSH {
    let folder: URL
    let port: Int
    private let daemon: Child

    init() throws {
        let folder = try temporaryFolder("sshd")
        self.folder = folder
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        for key in ["host_key", "user_key"] {
            let made = try runProgram("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path(key)])
            guard made.status == 0 else { throw Failure("ssh-keygen: \(made.summary)") }
        }
        try FileManager.default.copyItem(atPath: path("user_key.pub"), toPath: path("authorized_keys"))
        let found = try runProgram("python3", ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw Failure("no free port: \(found.summary)") }
        self.port = port
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(path("host_key"))
            AuthorizedKeysFile \(path("authorized_keys"))
            PidFile \(path("sshd.pid"))
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password

            """.write(toFile: path("sshd_config"), atomically: true, encoding: .utf8)
        // sshd run as root separates privileges in this folder, which the Debian service makes.
        if getuid() == 0 { try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let sshd = "/usr/sbin/sshd"
        guard FileManager.default.isExecutableFile(atPath: sshd) else { throw Failure("\(sshd) is missing: apt-get install openssh-server (scripts/test does)") }
        daemon = try Child([sshd, "-D", "-e", "-f", path("sshd_config")], output: folder.appendingPathComponent("sshd.log"))
        let deadline = Date().addingTimeInterval(20)
        let login = Self.client(port: port, folder: folder) + ["true"]
        while try runProgram("ssh", login, limit: 10).status != 0 {
            guard Date() < deadline, daemon.isRunning else {
                throw Failure("sshd did not accept a login: \((try? String(contentsOf: folder.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? "")")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// ssh's arguments up to the remote command: this server, this user, this key, no questions.
    var client: [String] { Self.client(port: port, folder: folder) }

    private static func client(port: Int, folder: URL) -> [String] {
        ["-p", "\(port)", "-i", folder.appendingPathComponent("user_key").path, "-o", "BatchMode=yes",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "\(NSUserName())@127.0.0.1"]
    }

    func stop() {
        daemon.signal(SIGTERM)
        daemon.wait(limit: 10)
        try? FileManager.default.removeItem(at: folder)
    }
}
