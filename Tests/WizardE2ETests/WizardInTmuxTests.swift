import Foundation
import XCTest

/// The real binary in tmux, --offline (WizardDiscoveryInTmuxTests reads an account): from the
/// start screen to export, accepting every default but the network ids; a resize to too small
/// and back; the terminal restored after quitting.
final class WizardInTmuxTests: TmuxTestCase {
    func testFromStartToExportWritesWhatHeadlessWrites() throws {
        try startShell()
        try shell("stty -a > stty-before.txt; echo READY")
        try waitFor("READY")
        try shell("'\(binary)' --offline; echo EXIT=$?")

        try waitFor("1/10")
        var wizard = TmuxWizard(self)
        try wizard.go(to: .vpc)
        try wizard.fill("VPC id", with: "vpc-0123456789abcdef0")
        try tmux("resize-window", "-t", session, "-x", "60", "-y", "15")
        try waitFor("too small: 60x15, needs 80x24")
        try tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        // The title row is drawn before the rows below it: wait for the field's row, then the title.
        let back = try waitFor("vpc-0123456789abcdef0")
        XCTAssertTrue(back.contains("6/10"), "the input survives the resize, on its screen:\n\(back)")
        try wizard.fill("Subnets", with: "subnet-0123456789abcdef0 subnet-0fedcba9876543210")
        try wizard.fill("Route tables", with: "rtb-0123456789abcdef0")
        try wizard.export()
        try waitFor("Next: bash vpcpipe-out/setup.sh")
        try enter(1)
        try waitFor("EXIT=0")

        try shell("'\(binary)' --headless vpcpipe-out/answers.yaml --out headless-out; echo HEADLESS=$?")
        try waitFor("HEADLESS=0")
        assertSameFolder(folder.appendingPathComponent("vpcpipe-out"), folder.appendingPathComponent("headless-out"))

        // Quitting by Ctrl-C, without saving: exit 130 and the terminal as it was.
        try shell("'\(binary)' --offline; echo QUIT=$?")
        try waitFor("1/10")
        try quit(asking: "Quit the wizard?", then: "QUIT=130")
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
        try startShell()
        try shell("'\(binary)' --offline")
        try waitFor("1/10")
        var wizard = TmuxWizard(self)
        try wizard.append("Hangup", to: "Name")
        try waitFor("PrivateHangup")
        try tmux("kill-server")
        let saved = try waitForFile("vpcpipe-draft-2.yaml", holding: "name: PrivateHangup")
        XCTAssertTrue(saved.contains("version: 1"), saved)
        XCTAssertEqual(try String(contentsOf: taken, encoding: .utf8), "kept\n")
    }

    /// A terminal without an alternate screen (vt100): the wizard clears its last frame on exit,
    /// whether quit or hung up, so the shell's screen holds no wizard.
    func testATerminalWithoutAnAlternateScreenIsClearedOnExit() throws {
        try startShell()
        try shell("echo BEFORE; TERM=vt100 '\(binary)' --offline; echo QUIT=$?")
        try waitFor("1/10")
        try keys("C-c")
        try waitFor("Quit the wizard?")
        try type("q")
        let after = try waitFor("QUIT=130")
        XCTAssertFalse(after.contains("vpcpipe ·") || after.contains("Region"), after)
    }

    /// LANG=C: the ASCII theme, every frame in ASCII characters with its title intact; --ascii
    /// gives the same in a UTF-8 locale.
    func testANonUTF8LocaleGetsASCIIFrames() throws {
        for (session, command) in [("c", "LANG=C LC_ALL=C '\(binary)' --offline"), ("flag", "LANG=C.UTF-8 '\(binary)' --ascii --offline")] {
            try startShell(session: session)
            try shell(command, session: session)
            var frames = [try waitFor(" vpcpipe - 1/10 - Start: region and names", session: session)]
            try tmux("send-keys", "-t", session, "C-n")
            frames.append(try waitFor(" vpcpipe - 2/10 - ", session: session))
            try tmux("send-keys", "-t", session, "F1")
            frames.append(try waitFor("+- Help: ", session: session))
            try tmux("send-keys", "-t", session, "C-c")
            frames.append(try waitFor("Quit the wizard?", session: session))
            for frame in frames {
                XCTAssertTrue(frame.allSatisfy(\.isASCII), "\(command):\n\(frame)")
            }
            XCTAssertTrue(frames[0].contains("> Region                < us-west-2 >"), frames[0])
        }
    }
}
