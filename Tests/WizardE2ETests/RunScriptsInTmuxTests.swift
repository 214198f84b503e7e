import Foundation
import TestSupport
import XCTest

/// The wizard runs what it exported, in tmux against the emulation: after export, y runs
/// setup.sh on the progress screen, which advances step by step, then verify.sh, ending on the
/// pipeline's verdict and the build's log; Ctrl-C asks, stops setup.sh between steps, and a
/// second run resumes and finishes. The terminal's settings are as they were after each.
final class RunScriptsInTmuxTests: TmuxTestCase {
    private var emulator: Emulator!

    override func setUpWithError() throws {
        try super.setUpWithError()
        emulator = try Emulator()
        // The operator's network and answers.yaml for it, in the test's folder.
        _ = try ArticlePipeline(emulator: emulator, work: folder)
        let environment = emulator.environment(home: folder).merging(
            ["VPCPIPE_RETRY_SECONDS": "10", "VPCPIPE_POLL_SECONDS": "1", "VPCPIPE_WAIT_SECONDS": "60"]) { $1 }
        let exports = environment.map { "export \($0.key)='\($0.value)'" }.sorted().joined(separator: "\n")
        try (exports + "\n").write(to: folder.appendingPathComponent("aws-env.sh"), atomically: true, encoding: .utf8)
        try startShell()
        try shell("source aws-env.sh; stty -a > stty-before.txt; echo READY")
        try waitFor("READY")
    }

    override func tearDown() {
        super.tearDown()
        emulator?.stop()
    }

    /// The wizard on the answers, through export to its question; --offline: the account it
    /// reads is the scripts' business here, not the wizard's.
    private func exportAndAsk() throws {
        try shell("'\(binary)' --offline --answers answers.yaml --out run-out; echo EXIT=$?")
        // --answers opens on the review.
        try waitFor("9/10")
        var wizard = TmuxWizard(self)
        try wizard.export()
        try waitFor("Run setup.sh now, then verify.sh? [y/N]")
    }

    private func assertTerminalAsBefore(_ label: String) throws {
        try shell("stty -a > stty-\(label).txt; echo STTY-\(label)")
        try waitFor("STTY-\(label)")
        XCTAssertEqual(try read("stty-before.txt"), try read("stty-\(label).txt"), "stty -a after \(label)")
    }

    func testYesRunsSetupThenVerifyOnTheProgressScreen() throws {
        try exportAndAsk()
        try type("y")
        try waitFor("running setup.sh in run-out")
        // The bar's count of steps done grows as the stream tells it.
        var counts: [Int] = []
        let deadline = Date().addingTimeInterval(300)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains("The pipeline works") { break }
            if let count = Self.done(of: "setup.sh", in: last), counts.last != count { counts.append(count) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertTrue(last.contains("✓ The pipeline works: verify.sh found what the article shows."), last)
        XCTAssertGreaterThanOrEqual(counts.count, 4, "the progress screen did not advance step by step: \(counts)")
        XCTAssertEqual(counts, counts.sorted(), "steps done went back: \(counts)")
        XCTAssertTrue(last.contains("23/23"), last)
        XCTAssertTrue(last.contains(" 5/5 "), last)
        XCTAssertTrue(last.contains("The build printed 7, the square root of 49"), last)
        XCTAssertTrue(last.contains("The whole output goes to run-out/setup.log"), last)
        try type("l")
        XCTAssertTrue(try waitFor("the last lines of verify.sh's output").contains("    7\n"), "the build's log shows the app's answer")
        try enter(1)
        try waitFor("EXIT=0")
        let log = try read("run-out/setup.log")
        XCTAssertTrue(log.contains("Setup is complete.") && log.contains("The pipeline works: its run "), "setup.log holds both scripts' output")
        try assertTerminalAsBefore("run")
    }

    func testCtrlCStopsBetweenStepsAndASecondRunResumes() throws {
        try exportAndAsk()
        try type("y")
        try waitFor("▸   2  ", seconds: 120)
        try keys("C-c")
        try waitFor("Stop setup.sh?")
        try type("y")
        let stopped = try waitFor("as asked. Running setup.sh again goes on from", seconds: 120)
        XCTAssertTrue(stopped.contains("Stopped before step "), stopped)
        XCTAssertTrue(stopped.contains("ran setup.sh in run-out"), stopped)
        XCTAssertFalse(stopped.contains("verify.sh ["), "verify.sh ran after a stop:\n\(stopped)")
        try enter(1)
        try waitFor("EXIT=130")
        try assertTerminalAsBefore("stop")

        // Exporting again keeps the log (the folder is vpcpipe's), and the run goes on to the end.
        try shell("clear")
        try exportAndAsk()
        try type("y")
        let done = try waitFor("The pipeline works", seconds: 300)
        XCTAssertTrue(done.contains("23/23"), done)
        try enter(1)
        try waitFor("EXIT=0")
        XCTAssertEqual(try read("run-out/setup.log").components(separatedBy: "setup.sh stopped before step ").count, 2,
                       "the first run's stop is in the log the second appended to")
        try assertTerminalAsBefore("resume")
    }

    /// The terminal hangs up while setup.sh runs: the wizard saves the draft and exits 129, and
    /// setup.sh, with what it runs, is stopped rather than left running with no one to see it.
    func testAHangupStopsTheScript() throws {
        // A shell that ignores the hangup, to record the wizard's status.
        let recorder = #"source aws-env.sh; trap '' HUP; unset LC_ALL LC_MESSAGES; export LANG=C.UTF-8; "$0" --offline --answers answers.yaml --out run-out; echo $? > status"#
        try tmux("new-session", "-d", "-s", "hangup", "-x", "80", "-y", "24", "-c", folder.path, "bash", "-c", recorder, binary)
        try waitFor("9/10", session: "hangup")
        var wizard = TmuxWizard(self, session: "hangup")
        try wizard.export()
        try waitFor("Run setup.sh now, then verify.sh? [y/N]", session: "hangup")
        try type("y", session: "hangup")
        try waitFor("▸   2  ", seconds: 120, session: "hangup")
        XCTAssertFalse(scripts().isEmpty, "setup.sh is not seen running")
        try tmux("kill-session", "-t", "hangup")

        XCTAssertEqual(try waitForFile("status", holding: "\n", seconds: 20), "129\n", "the wizard's exit status")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("vpcpipe-draft.yaml").path))
        let deadline = Date().addingTimeInterval(10)
        while !scripts().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertEqual(scripts(), [], "setup.sh runs on after the wizard ended")
    }

    /// The processes running in the test's folder whose command line names setup.sh.
    private func scripts() -> [String] {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))).map { String(decoding: $0, as: UTF8.self) }
            return cwd == folder.path && command?.contains("setup.sh") == true
        }
    }

    /// The count of steps done the bar of `script` shows: `[███░░] 12/23`.
    static func done(of script: String, in screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix(" " + script) }),
              let close = line.lastIndex(of: "]") else { return nil }
        return Int(line[line.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }
}
