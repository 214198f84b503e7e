import Foundation
import TestSupport
import XCTest

/// The real wizard in tmux, reading an emulated account that already holds things: from a
/// fresh start to export with the article's choices in a few keys and no id typed; and, when
/// the account cannot be read (no credentials, the emulation stopped, a call that hangs), the
/// ids typed as before, with one line saying why discovery is off.
final class WizardDiscoveryInTmuxTests: TmuxTestCase {
    private var emulator: Emulator!
    private var aws: AWSCLI!
    /// Keys pressed in the wizard, for the budget of the article's walk.
    private var presses = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        emulator = try Emulator()
        aws = AWSCLI(environment: emulator.environment(home: folder))
        try startShell()
    }

    override func tearDown() {
        emulator?.stop()
        super.tearDown()
    }

    /// Starts the wizard in the shell with exactly `environment` (and the terminal's TERM).
    private func startWizard(_ environment: [String: String]) throws {
        try shell("\(only(environment)) '\(binary)'; echo EXIT=$?")
    }

    /// `env -i` with exactly `environment` and the terminal's TERM, before a command.
    private func only(_ environment: [String: String]) -> String {
        "env -i TERM=\"$TERM\" " + environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
    }

    /// Presses `key` once, then waits for `text`.
    private func press(_ key: String, until text: String, seconds: Double = 30) throws {
        try keys(key)
        presses += 1
        try waitFor(text, seconds: seconds)
    }

    func testFromAFreshStartToExportWithTheArticlesChoicesInFewKeys() throws {
        let seeded = try SeededAccount.create(with: aws)
        try startWizard(aws.environment)
        try waitFor("Account 123456789012")
        // The account's regions (moto's), marked where CodeArtifact is offered (AWS's public
        // parameters): the article's region is one.
        try waitFor("us-west-2 ›  CodeArtifact offered")
        for screen in ["2/10", "3/10", "4/10"] { try press("NPage", until: screen) }
        // The role with vpcpipe's name is in the account's list: said on its answer, here.
        try waitFor("exists already", seconds: 60)
        for screen in ["5/10", "6/10"] { try press("NPage", until: screen) }
        // The VPCs, the article's first: its private subnets in two zones.
        let vpcs = try waitFor("private in 2 zones", seconds: 60)
        XCTAssertTrue(vpcs.contains("▸ \(seeded.vpc)"), vpcs)
        try press("Enter", until: "[x] \(seeded.privateSubnets[0])")
        let network = try screen()
        XCTAssertTrue(network.contains("[x] \(seeded.privateSubnets[1])"), network)
        XCTAssertTrue(network.contains("[ ] \(seeded.natSubnet)") && network.contains("! routes to the internet"),
                      "the NAT subnet is offered, marked:\n\(network)")
        XCTAssertTrue(network.contains("[x] \(seeded.privateTable)"), "the route table follows the subnets:\n\(network)")
        try press("NPage", until: "7/10")
        // Another team's logs endpoint fits: set to existing, judged by setup.sh's rules.
        let endpoints = try waitFor("logs                      existing", seconds: 90)
        XCTAssertTrue(endpoints.contains(seeded.logsEndpoint), endpoints)
        // What it costs, priced online: the Price List stand-in's $0.0105 an endpoint hour, not
        // the table's $0.01.
        try waitFor("$0.0105", seconds: 60)
        try press("NPage", until: "8/10")
        try press("NPage", until: "9/10")
        // The review, before export, shows it on its answer (the end of its advice): in a window
        // tall enough for the whole review, under the article's headings.
        try tmux("resize-window", "-t", session, "-x", "80", "-y", "60")
        try waitFor("which its name follows", seconds: 60)
        try press("Enter", until: "10/10")
        try waitFor("1 problem that would", seconds: 60)
        // The export screen opens on its button, setup.sh shown above it.
        try waitFor("── setup.sh")
        try press("Enter", until: "Next: bash vpcpipe-out/setup.sh")
        try press("Enter", until: "EXIT=0")
        XCTAssertLessThanOrEqual(presses, 15, "keys pressed from a fresh start to export (issue 14: at most 15)")

        let answers = try read("vpcpipe-out/answers.yaml")
        for line in ["vpc: \(seeded.vpc)", "    - \(seeded.privateSubnets[0])\n    - \(seeded.privateSubnets[1])\n  route_tables:\n    - \(seeded.privateTable)\n",
                     "  existing:\n    - logs\n"] {
            XCTAssertTrue(answers.contains(line), "answers.yaml lacks \(line):\n\(answers)")
        }
        // The same answers with --live, which prices online too (the role with vpcpipe's name,
        // which --live calls an error, removed first).
        try aws.text("iam", "delete-role", "--role-name", seeded.role)
        try shell("\(only(aws.environment)) '\(binary)' --headless vpcpipe-out/answers.yaml --out headless-out --live; echo HEADLESS=$?")
        try waitFor("HEADLESS=0")
        let written = tree(folder.appendingPathComponent("vpcpipe-out"))
        XCTAssertFalse(written.isEmpty)
        XCTAssertEqual(written, tree(folder.appendingPathComponent("headless-out")))
    }

    func testWithoutCredentialsTheIdsAreTyped() throws {
        var environment = aws.environment
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        try startWizard(environment)
        try waitFor("Discovery is off: no usable AWS credentials")
        try typeTheIdsAndExport()
    }

    func testWithTheEmulationStoppedTheIdsAreTyped() throws {
        emulator.stop()
        try startWizard(aws.environment)
        try waitFor("Discovery is off: AWS cannot be reached", seconds: 60)
        try typeTheIdsAndExport()
    }

    func testACallThatHangsLeavesTheScreenResponsiveAndStopsAtTheTimeout() throws {
        let silent = try startWizardHanging(timeout: 8)
        // While the call hangs, keys go on working.
        try keys("NPage")
        try waitFor("2/10")
        try waitFor("Discovery is off: no answer in 8 s", seconds: 60)
        try keys("Escape")
        try waitFor("1/10")
        try typeTheIdsAndExport()
        withExtendedLifetime(silent) {}
    }

    func testEscCancelsARead() throws {
        let silent = try startWizardHanging(timeout: 120)
        try keys("Escape")
        let cancelled = try waitFor("Discovery is off: cancelled (Esc)")
        XCTAssertTrue(cancelled.contains("1/10"), "Esc cancelled the read and stayed on the screen:\n\(cancelled)")
        try typeTheIdsAndExport()
        withExtendedLifetime(silent) {}
    }

    /// Starts the wizard against an endpoint that never answers, each call stopped after
    /// `timeout` seconds, and waits for its spinner; the endpoint must outlive the test's keys.
    private func startWizardHanging(timeout: Int) throws -> SilentEndpoint {
        let silent = try SilentEndpoint()
        // The AWS CLI itself, not the emulation's warm one: the process killed is the call.
        var environment = emulator.environment(home: folder, warm: false)
        environment["AWS_ENDPOINT_URL"] = silent.url
        environment["VPCPIPE_AWS_TIMEOUT"] = String(timeout)
        try startWizard(environment)
        try waitFor("reading who the credentials")
        return silent
    }

    /// From the start screen: the network's ids typed on the VPC screen, then to export; the
    /// answers hold what was typed.
    private func typeTheIdsAndExport() throws {
        for screen in ["2/10", "3/10", "4/10", "5/10", "6/10"] { try press("NPage", until: screen) }
        try type("vpc-0123456789abcdef0"); try keys("Enter")
        try type("subnet-0123456789abcdef0 subnet-0fedcba9876543210"); try keys("Enter")
        try type("rtb-0123456789abcdef0")
        try waitFor("rtb-0123456789abcdef0")
        for next in ["7/10", "8/10", "9/10"] { try press("NPage", until: next) }
        for next in ["10/10", "Next: bash vpcpipe-out/setup.sh", "EXIT=0"] {
            try press("Enter", until: next)
        }
        let answers = try read("vpcpipe-out/answers.yaml")
        XCTAssertTrue(answers.contains("vpc: vpc-0123456789abcdef0\n  subnets:\n    - subnet-0123456789abcdef0\n    - subnet-0fedcba9876543210\n  route_tables:\n    - rtb-0123456789abcdef0\n"), answers)
    }
}
