import Foundation
import TestSupport
import XCTest

/// The terminal goes away under the wizard: an SSH connection dropped (over a real sshd on
/// loopback), or the terminal closed with no SIGHUP sent. Either way the answers so far are
/// saved to a draft and the wizard exits 129, without a crash and without spinning. The wizard
/// runs --offline: reading whatever account the machine has would change what it shows.
final class HangupTests: TmuxTestCase {
    /// Over SSH, the connection dropped by killing the client: the login shell forwards SIGHUP
    /// to the wizard, as an interactive one does, and records how it ended. Before, the wizard
    /// saved its draft then died of SIGILL (132) writing its farewell to the dead terminal.
    func testDroppingTheSSHConnectionSavesADraftAndExits129() throws {
        let recorder = #"trap 'kill -HUP $c' HUP; "$0" --offline <&0 & c=$!; while kill -0 $c 2>/dev/null; do wait $c; s=$?; done; echo $s > status"#
        try dropSSH(shell: recorder)
    }

    /// Over SSH, a login shell that ignores the hangup and waits: no SIGHUP reaches the wizard;
    /// the end of its input is the hangup. Before, it spun at 100% CPU and saved nothing.
    func testDroppingTheSSHConnectionWithoutSIGHUPSavesADraftAndExits129() throws {
        try dropSSH(shell: #"trap '' HUP; "$0" --offline; echo $? > status"#)
    }

    /// `shell`: the remote bash's script, given the wizard's path as $0; it writes `status`.
    private func dropSSH(shell: String) throws {
        let ssh = try LoopbackSSH()
        defer { ssh.stop() }
        let remote = "cd '\(folder.path)' && unset LC_ALL LC_MESSAGES && export LANG=C.UTF-8 && exec bash -c \(quoted(shell)) '\(binary)'"
        try tmux(["new-session", "-d", "-s", session, "-x", "80", "-y", "24", "ssh", "-tt"] + ssh.client + [remote])
        try waitFor("1/10")
        var wizard = TmuxWizard(self)
        try wizard.append("Dropped", to: "Name")
        try waitFor("PrivateDropped")
        let client = try XCTUnwrap(pid_t(try tmux("display-message", "-p", "-t", session, "#{pane_pid}")
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(client, SIGKILL), 0)

        let status = try waitForFile("status", holding: "\n", seconds: 10)
        XCTAssertEqual(status, "129\n", "the wizard's exit status")
        XCTAssertTrue(try read("vpcpipe-draft.yaml").contains("name: PrivateDropped"))
    }

    /// The terminal closed while the process that opened it lives on, so no SIGHUP is sent: the
    /// wizard reads the end of its input, saves the draft and exits 129 within a second; its CPU
    /// time stays that of a wizard waiting, not of one spinning.
    func testClosingTheTerminalWithoutSIGHUPSavesADraftWithinASecond() throws {
        // Swift's Glibc leaves out the pty functions (they need _XOPEN_SOURCE): looked up by name.
        let libc = dlopen(nil, RTLD_NOW)
        func function<T>(_ name: String, _ type: T.Type) throws -> T {
            unsafeBitCast(try XCTUnwrap(dlsym(libc, name), name), to: type)
        }
        typealias OnDescriptor = @convention(c) (Int32) -> Int32
        let master = try function("posix_openpt", OnDescriptor.self)(O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(master, 0)
        XCTAssertEqual(try function("grantpt", OnDescriptor.self)(master), 0)
        XCTAssertEqual(try function("unlockpt", OnDescriptor.self)(master), 0)
        let name = try function("ptsname", (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)(master)
        let terminal = String(cString: try XCTUnwrap(name))
        XCTAssertEqual(try runProgram("stty", ["-F", terminal, "cols", "80", "rows", "24"]).status, 0)
        var environment = ProcessInfo.processInfo.environment
        (environment["TERM"], environment["LANG"], environment["LC_ALL"], environment["LC_MESSAGES"]) = ("xterm-256color", "C.UTF-8", nil, nil)
        // Not this process's controlling terminal nor the wizard's: closing it sends no SIGHUP.
        let wizard = try Child(["/bin/sh", "-c", #"exec "$0" --offline <"$1" >"$1" 2>"$1""#, binary, terminal], environment: environment,
                               in: folder, output: folder.appendingPathComponent("unused.log"))
        var shown = ""
        func drain(until text: String?, seconds: Double) {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline, text.map({ !shown.contains($0) }) ?? true {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                let count = Glibc.read(master, &buffer, buffer.count)
                if count > 0 { shown += String(decoding: buffer[..<count], as: UTF8.self) }
            }
        }
        drain(until: "1/10", seconds: 20)
        XCTAssertTrue(shown.contains("1/10"), shown)
        let typed = Array("\t\tClosed".utf8)  // Region, profile, Name
        XCTAssertEqual(typed.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }, typed.count)
        // ncurses draws only what changed, a character at a time: the typing is given a second.
        drain(until: nil, seconds: 1)

        close(master)
        let closed = Date()
        let ended = wizard.wait(limit: 20)
        let seconds = Date().timeIntervalSince(closed)
        print("terminal closed: the wizard exited \(ended.exitStatus) after \(Int(seconds * 1000)) ms, "
              + "\(Int(ended.cpuSeconds * 1000)) ms of CPU in all")
        XCTAssertEqual(ended.exitStatus, 129)
        XCTAssertLessThan(seconds, 1, "a hangup is noticed within a second")
        XCTAssertLessThan(ended.cpuSeconds, 2, "the wizard spun")
        XCTAssertTrue(try read("vpcpipe-draft.yaml").contains("name: PrivateClosed"))
    }

    private func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
}
