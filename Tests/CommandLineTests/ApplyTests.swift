import Foundation
import Planner
import TestSupport
import XCTest

/// `vpcpipe apply DIR` as a user runs it, without AWS: README's option and exit-status tables
/// against `apply --help` and runs that end with each status; the folder checked before
/// anything runs; a dry run's plain lines and log; a stop asked by Ctrl-C; a script that fails
/// (an `aws` that refuses). (IntegrationTests.ApplyTests run it against the emulation.)
final class ApplyTests: XCTestCase {
    private var work: URL!
    private var out: URL { work.appendingPathComponent("out") }

    override func setUpWithError() throws {
        work = try temporaryFolder("apply")
        let answers = work.appendingPathComponent("answers.yaml")
        try vpcpipe(["--example"]).stdout.write(to: answers, atomically: true, encoding: .utf8)
        let written = try vpcpipe(["--headless", answers.path, "--out", out.path])
        XCTAssertEqual(written.status, 0, written.summary)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// An `aws` first on the PATH that waits `seconds`, then prints `output` and exits `status`.
    private func environment(aws output: String = "", status: Int = 0, seconds: Double = 0) throws -> [String: String] {
        let bin = work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let aws = bin.appendingPathComponent("aws")
        try "#!/bin/sh\nsleep \(seconds)\nprintf '%s' '\(output)'\n[ \(status) = 0 ] || echo 'An error occurred (AccessDenied) when calling the GetCallerIdentity operation: denied' >&2\nexit \(status)\n"
            .write(to: aws, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        return ["PATH": bin.path + ":/usr/bin:/bin", "HOME": work.path, "LC_ALL": "C.UTF-8"]
    }

    func testADryRunSaysEachStepOfBothScriptsAndLogsTheirOutput() throws {
        let run = try vpcpipe(["apply", out.path, "--dry-run"], environment: try environment(status: 1))
        XCTAssertEqual(run.status, 0, run.summary)
        let setupSteps = Planner.plan(try AnswersFile.read(String(contentsOf: out.appendingPathComponent("answers.yaml"), encoding: .utf8)).answers).steps
        XCTAssertTrue(run.stdout.contains("[setup.sh 1/\(setupSteps.count)] \(setupSteps[0].title)\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[setup.sh \(setupSteps.count)/\(setupSteps.count)] done in "), run.stdout)
        XCTAssertTrue(run.stdout.contains("setup.sh: done, \(setupSteps.count) steps in "), run.stdout)
        XCTAssertTrue(run.stdout.contains("[verify.sh 5/5] done in "), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("Dry run: the commands are printed, nothing is called.\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains("  aws "), "the commands go to the log, not the screen")
        let log = try String(contentsOf: out.appendingPathComponent("setup.log"), encoding: .utf8)
        XCTAssertTrue(log.contains(": bash \(out.path)/setup.sh --dry-run\n"), log)
        XCTAssertTrue(log.contains(": bash \(out.path)/verify.sh --dry-run\n"), log)
        XCTAssertTrue(log.contains("  aws codebuild create-project --name 'Private'"), "setup.sh's output")
        XCTAssertTrue(log.contains("  aws codepipeline start-pipeline-execution --name 'Private'"), "verify.sh's output")

        // The log is the runs' own: exporting again is not refused, and keeps it.
        let again = try vpcpipe(["--headless", out.appendingPathComponent("answers.yaml").path, "--out", out.path])
        XCTAssertEqual(again.status, 0, again.summary)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("setup.log"), encoding: .utf8), log)
    }

    func testAFailedScriptsStatusStepAndAWSsError() throws {
        let run = try vpcpipe(["apply", out.path], environment: try environment(status: 254))
        XCTAssertEqual(run.status, 254, run.summary)
        XCTAssertTrue(run.stderr.contains("setup.sh failed before its first step"), run.stderr)
        XCTAssertTrue(run.stderr.contains("(exit status 254)\n  An error occurred (AccessDenied) when calling the GetCallerIdentity operation: denied\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Fix the cause, then run vpcpipe apply \(out.path) again"), run.stderr)
        XCTAssertFalse(run.stdout.contains("[verify.sh"), "verify.sh runs only after setup.sh completed")
    }

    /// Ctrl-C while setup.sh waits for a call: it stops before its next step, with status 130.
    func testCtrlCStopsSetupBetweenSteps() throws {
        let child = try Child([try vpcpipeBinary(), "apply", out.path], environment: try environment(aws: "123456789012", seconds: 2),
                              in: work, output: work.appendingPathComponent("apply.out"))
        usleep(700_000)
        child.signal(SIGINT)
        let status = child.wait(limit: 120)
        let printed = try String(contentsOf: work.appendingPathComponent("apply.out"), encoding: .utf8)
        XCTAssertEqual(status.exitStatus, 130, printed)
        XCTAssertTrue(printed.contains("Ctrl-C: setup.sh stops after the step in progress"), printed)
        XCTAssertTrue(printed.contains("setup.sh stopped before step "), printed)
        XCTAssertTrue(printed.contains("as asked: run vpcpipe apply \(out.path) to go on from there."), printed)
    }

    /// README's option table and exit statuses against `apply --help`, and a run ending with each status.
    func testReadmesTablesAreApplysOptionsAndExitStatuses() throws {
        let section = try Readme().section("## Running the scripts: vpcpipe apply")
        let help = try vpcpipe(["apply", "--help"]).stdout
        let documented = Readme.table("| option |", in: section).flatMap { Readme.options(in: $0[0]) }
        XCTAssertEqual(documented, ["--dry-run", "--help"])
        for option in documented { XCTAssertTrue(help.contains(option), "\(option) is not in apply --help") }
        XCTAssertTrue(help.contains("<DIR>"))

        let statuses = Readme.table("| status |", in: section).compactMap { Int32($0[0]) }
        let paragraph = try XCTUnwrap(help.components(separatedBy: "Exit status:").dropFirst().first?.components(separatedBy: "otherwise").first)
        XCTAssertEqual(statuses, paragraph.split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }, paragraph)
        let edited = work.appendingPathComponent("edited")
        try FileManager.default.copyItem(at: out, to: edited)
        try "# mine\n".write(to: edited.appendingPathComponent("verify.sh"), atomically: true, encoding: .utf8)
        let runs: [Int32: () throws -> Int32] = [
            0: { try vpcpipe(["apply", self.out.path, "--dry-run"], environment: try self.environment()).status },
            64: { try vpcpipe(["apply"]).status },
            65: { try vpcpipe(["apply", edited.path]).status },
            66: { try vpcpipe(["apply", self.work.path]).status },
        ]
        for status in statuses where status != 130 {  // 130: testCtrlCStopsSetupBetweenSteps
            XCTAssertEqual(try XCTUnwrap(runs[status], "no run known to end with \(status)")(), status)
        }
    }
}
