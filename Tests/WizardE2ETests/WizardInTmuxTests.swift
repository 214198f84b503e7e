import Foundation
import XCTest

/// The real binary in tmux: from the start screen to export, accepting every default but the
/// network ids; a resize to too small and back; the terminal restored after quitting.
final class WizardInTmuxTests: XCTestCase {
    private let socket = "vpcpipe-e2e-\(getpid())"
    private let session = "wizard"
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        _ = try? tmux("kill-server")
        try? FileManager.default.removeItem(at: folder)
    }

    private var binary: String {
        let products = Bundle.main.bundleURL
        return [products, products.deletingLastPathComponent()].map { $0.appendingPathComponent("vpcpipe").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? products.appendingPathComponent("vpcpipe").path
    }

    /// Runs tmux on the private socket. A missing tmux fails the test: it is not skipped.
    @discardableResult
    private func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

    /// Spawned and reaped by hand: Foundation's Process waits for every inherited descriptor
    /// to close, and the tmux server it starts keeps them open, so it would never return.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let log = folder.appendingPathComponent("tmux-output").path
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failed(description: "cannot run tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failed(description: "tmux \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    private func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    /// Polls the pane until `text` shows, failing with the last capture after the deadline.
    @discardableResult
    private func waitFor(_ text: String, seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failed(description: "\(text) did not show within \(seconds)s; the pane shows:\n\(last)")
    }

    private struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    private func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }
    private func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }
    private func enter(_ times: Int) throws { try tmux(["send-keys", "-t", session] + Array(repeating: "Enter", count: times)) }

    private func shell(_ line: String) throws {
        try type(line)
        try keys("Enter")
    }

    func testFromStartToExportWritesWhatHeadlessWrites() throws {
        try tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", folder.path,
                 "env PS1='$ ' bash --norc --noprofile")
        try shell("stty -a > stty-before.txt; echo READY")
        try waitFor("READY")
        try shell("'\(binary)'; echo EXIT=$?")

        try waitFor("1/10"); try enter(3)        // region, profile, name
        try waitFor("2/10"); try enter(4)        // repository, branch, create, sample app
        try waitFor("3/10"); try enter(6)        // domain ... public connection
        try waitFor("4/10"); try enter(7)        // project ... logs
        try waitFor("5/10"); try enter(5)        // name ... trigger
        try waitFor("6/10")
        try type("vpc-0123456789abcdef0")
        try waitFor("vpc-0123456789abcdef0")
        try tmux("resize-window", "-t", session, "-x", "60", "-y", "15")
        try waitFor("too small: 60x15, needs 80x24")
        try tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        let back = try waitFor("6/10")
        XCTAssertTrue(back.contains("vpc-0123456789abcdef0"), "the input survives the resize:\n\(back)")
        try enter(1)
        try type("subnet-0123456789abcdef0 subnet-0fedcba9876543210"); try enter(1)
        try type("rtb-0123456789abcdef0"); try enter(2)
        try waitFor("7/10"); try enter(3)        // endpoints, private DNS, policies
        try waitFor("8/10"); try enter(2)        // scope, policies viewer
        try waitFor("9/10"); try enter(1)        // continue to export
        try waitFor("10/10"); try enter(3)       // folder, setup.sh viewer, write
        try waitFor("Next: bash vpcpipe-out/setup.sh")
        try enter(1)
        try waitFor("EXIT=0")

        try shell("'\(binary)' --headless vpcpipe-out/answers.yaml --out headless-out; echo HEADLESS=$?")
        try waitFor("HEADLESS=0")
        try assertSameFolder(folder.appendingPathComponent("vpcpipe-out"), folder.appendingPathComponent("headless-out"))

        // Quitting by Ctrl-C, without saving: exit 130 and the terminal as it was.
        try shell("'\(binary)'; echo QUIT=$?")
        try waitFor("1/10")
        try keys("C-c")
        try waitFor("Quit the wizard?")
        try type("q")
        try waitFor("QUIT=130")
        try shell("stty -a > stty-after.txt; echo DONE")
        try waitFor("DONE")
        let before = try String(contentsOf: folder.appendingPathComponent("stty-before.txt"), encoding: .utf8)
        let after = try String(contentsOf: folder.appendingPathComponent("stty-after.txt"), encoding: .utf8)
        XCTAssertEqual(before, after)
    }

    /// The SSH connection drops: the wizard gets SIGHUP and saves the answers so far to a new
    /// draft file beside an existing one, never over it.
    func testHangupSavesADraftWithoutOverwriting() throws {
        let taken = folder.appendingPathComponent("vpcpipe-draft.yaml")
        try "kept\n".write(to: taken, atomically: true, encoding: .utf8)
        try tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", folder.path,
                 "env PS1='$ ' bash --norc --noprofile")
        try shell("'\(binary)'")
        try waitFor("1/10"); try enter(2)
        try type("Hangup")
        try waitFor("PrivateHangup")
        try tmux("kill-server")
        let draft = folder.appendingPathComponent("vpcpipe-draft-2.yaml")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: draft.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.2)  // the write follows the create
        let saved = try String(contentsOf: draft, encoding: .utf8)
        XCTAssertTrue(saved.contains("name: PrivateHangup"), saved)
        XCTAssertEqual(try String(contentsOf: taken, encoding: .utf8), "kept\n")
    }

    private func assertSameFolder(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let files = { (root: URL) -> [String] in
            (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        }
        let listed = files(a)
        XCTAssertFalse(listed.isEmpty, "the wizard wrote nothing", file: file, line: line)
        XCTAssertEqual(listed, files(b), file: file, line: line)
        for path in listed {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: a.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            XCTAssertEqual(FileManager.default.contents(atPath: a.appendingPathComponent(path).path),
                           FileManager.default.contents(atPath: b.appendingPathComponent(path).path), path, file: file, line: line)
        }
    }
}
