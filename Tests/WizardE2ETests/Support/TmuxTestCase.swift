import Foundation
import TestSupport
import XCTest

/// A test that drives the real binary in tmux: a private tmux server, one session running bash
/// in a fresh temporary folder, and helpers to type, press keys and read the pane.
class TmuxTestCase: XCTestCase {
    /// One server per test: a server being killed by the last test must not take the next one's session.
    let socket = "vpcpipe-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let session = "wizard"
    var folder: URL!
    var binary = ""

    override func setUpWithError() throws {
        binary = try vpcpipeBinary()
        folder = try temporaryFolder("e2e")
    }

    override func tearDown() {
        _ = try? tmux("kill-server")
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs tmux on the private socket. A missing tmux fails the test: it is not skipped.
    @discardableResult
    func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try runProgram("tmux", ["-L", socket] + arguments)
        guard result.status == 0 else { throw Failure("tmux \(arguments.joined(separator: " ")): \(result.summary)") }
        return result.stdout
    }

    /// A session running a plain bash in the test's folder, in an English UTF-8 locale whatever
    /// the machine's (the wizard speaks the locale's language): a test wanting another sets it.
    func startShell(columns: Int = 80, rows: Int = 24, session: String? = nil) throws {
        try tmux("new-session", "-d", "-s", session ?? self.session, "-x", "\(columns)", "-y", "\(rows)", "-c", folder.path,
                 "env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile")
    }

    func screen(_ session: String? = nil) throws -> String { try tmux("capture-pane", "-p", "-t", session ?? self.session) }

    /// Polls the pane until `text` shows, failing with the last capture after the deadline.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20, session: String? = nil) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen(session)
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure("\(text) did not show within \(seconds)s; the pane shows:\n\(last)")
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }
    func type(_ text: String, session: String? = nil) throws { try tmux(["send-keys", "-t", session ?? self.session, "-l", "--", text]) }
    func enter(_ times: Int, session: String? = nil) throws {
        try tmux(["send-keys", "-t", session ?? self.session] + Array(repeating: "Enter", count: times))
    }

    /// Ctrl-C, then `key` once the quit question (in the wizard's language) shows; waits for `then`.
    func quit(asking question: String, with key: String = "q", then: String) throws {
        try keys("C-c")
        try waitFor(question)
        try type(key)
        try waitFor(then)
    }

    func shell(_ line: String, session: String? = nil) throws {
        try type(line, session: session)
        try enter(1, session: session)
    }

    /// Polls until `file` in the test's folder exists and holds `text`; returns its contents.
    @discardableResult
    func waitForFile(_ file: String, holding text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var contents = ""
        while Date() < deadline {
            contents = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            if contents.contains(text) { return contents }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure("\(file) did not come to hold \(text) within \(seconds)s; it holds:\n\(contents)")
    }

    func read(_ file: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }
}
