import Foundation
import Wizard
import XCTest

/// The real binary in tmux under a resize storm, a dropped connection (SIGHUP) and SIGTERM.
final class WizardUnderStressInTmuxTests: TmuxTestCase {
    /// Twenty sizes in a row, six of them below 80x24, sent without waiting for a redraw.
    private let storm: [(columns: Int, rows: Int)] = [
        (120, 40), (79, 24), (80, 23), (200, 60), (40, 10), (81, 25), (100, 30), (20, 5), (132, 43), (80, 24),
        (90, 50), (60, 30), (150, 24), (85, 26), (30, 40), (110, 35), (95, 28), (160, 48), (88, 30), (97, 31),
    ]

    /// After the storm the pane shows exactly what a wizard started at the last size shows
    /// after the same keys: the same text, the cursor at the same place, the input intact.
    func testAResizeStormEndsOnTheLastSizesFrameWithTheInputIntact() throws {
        try resizeStorm(options: "", name: "Name")
    }

    /// The same in Japanese, whose wide characters each resize lays out again.
    func testAResizeStormInJapanese() throws {
        try resizeStorm(options: " --lang ja", name: "名前")
    }

    /// `name`: the Name field's label in the language of `options`.
    private func resizeStorm(options: String, name: String) throws {
        let last = storm.last!
        try startShell()
        try startShell(columns: last.columns, rows: last.rows, session: "reference")
        for session in [session, "reference"] {
            try shell("'\(binary)' --offline\(options)", session: session)
            try waitFor("1/10", session: session)
            // From the region down to the name, whatever the labels' language.
            try tmux("send-keys", "-t", session, "Down", "Down", "End")
            try waitFor("▸ \(name)", session: session)
            try type("Storm日本", session: session)
            try waitFor("PrivateStorm日本", session: session)
        }
        for size in storm {
            try tmux("resize-window", "-t", session, "-x", "\(size.columns)", "-y", "\(size.rows)")
        }
        let cursor = { (session: String) in try self.tmux("display-message", "-p", "-t", session, "#{cursor_x},#{cursor_y}") }
        let expected = try screen("reference")
        let deadline = Date().addingTimeInterval(10)
        var shown = try screen()
        while try shown != expected || cursor(session) != cursor("reference"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            shown = try screen()
        }
        XCTAssertEqual(shown, expected)
        XCTAssertEqual(try cursor(session), try cursor("reference"))
        XCTAssertEqual(try tmux("display-message", "-p", "-t", session, "#{pane_width}x#{pane_height}"), "\(last.columns)x\(last.rows)\n")
        XCTAssertTrue(shown.contains("▸ \(name)") && shown.contains("PrivateStorm日本"), shown)
    }

    /// Values typed on four screens, then the pane is killed: the draft holds them all, and
    /// `vpcpipe --answers DRAFT` shows each on its screen.
    func testKillingThePaneSavesADraftThatReopensWithEveryValue() throws {
        try startShell()
        try shell("'\(binary)' --offline")
        try waitFor("1/10")
        var wizard = TmuxWizard(self)
        try wizard.append("Hup7", to: "Name")
        try wizard.go(to: .source)
        try wizard.append("-hangup", to: "Branch")
        try wizard.go(to: .codeArtifact)
        try wizard.fill("Domain owner", with: "123456789012")
        try wizard.go(to: .vpc)
        try wizard.fill("VPC id", with: "vpc-0fedcba987654321f")
        try wizard.fill("Subnets", with: "subnet-0aaaaaaaaaaaaaaaa subnet-0bbbbbbbbbbbbbbbb")
        try tmux("kill-pane", "-t", session)

        let draft = try waitForFile("vpcpipe-draft.yaml", holding: "subnet-0bbbbbbbbbbbbbbbb")
        for value in ["name: PrivateHup7", "branch: main-hangup", "123456789012", "vpc: vpc-0fedcba987654321f",
                      "- subnet-0aaaaaaaaaaaaaaaa", "- subnet-0bbbbbbbbbbbbbbbb"] {
            XCTAssertTrue(draft.contains(value), "the draft lacks \(value):\n\(draft)")
        }

        try startShell(session: "reopened")
        try shell("'\(binary)' --offline --answers vpcpipe-draft.yaml", session: "reopened")
        // --answers opens on the review, the draft's problems listed.
        try waitFor("9/10", session: "reopened")
        var reopened = TmuxWizard(self, session: "reopened")
        let screens: [(ScreenID, [String])] = [
            (.start, ["PrivateHup7"]), (.source, ["main-hangup"]), (.codeArtifact, ["123456789012"]),
            (.vpc, ["vpc-0fedcba987654321f", "subnet-0aaaaaaaaaaaaaaaa subnet-0bbbbbbbbbbbbbbbb"]),
        ]
        for (screen, values) in screens {
            let shown = try reopened.go(to: screen).shown
            for value in values { XCTAssertTrue(shown.contains(value), "\(screen) lacks \(value):\n\(shown)") }
        }
    }

    /// kill -TERM of the wizard: the terminal as it was before (stty -a), a draft saved, exit 143.
    func testSigtermRestoresTheTerminalAndSavesADraft() throws {
        try startShell()
        try shell("stty -a > stty-before.txt; echo $$ > shell.pid; echo READY")
        try waitFor("READY")
        try shell("'\(binary)' --offline; echo EXIT=$?")
        try waitFor("1/10")
        var driver = TmuxWizard(self)
        try driver.append("Term", to: "Name")
        try waitFor("PrivateTerm")

        let shellPID = try read("shell.pid").trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shellPID)/task/\(shellPID)/children", encoding: .utf8)
        let wizard = try XCTUnwrap(children.split(separator: " ").compactMap { pid_t($0) }.first, "the wizard's pid")
        XCTAssertEqual(kill(wizard, SIGTERM), 0)

        let after = try waitFor("EXIT=143")
        XCTAssertTrue(after.contains("stopped by signal 15; saved the answers so far to vpcpipe-draft.yaml"), after)
        try shell("stty -a > stty-after.txt; echo DONE")
        try waitFor("DONE")
        XCTAssertEqual(try read("stty-after.txt"), try read("stty-before.txt"))
        XCTAssertTrue(try read("vpcpipe-draft.yaml").contains("name: PrivateTerm"))
    }
}
