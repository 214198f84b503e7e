import Foundation
import TestSupport
import XCTest

/// `vpcpipe apply DIR` against the emulation, on the article's answers: setup.sh, then
/// verify.sh, a plain line for each step, ending on verify.sh's verdict; a call that fails ends
/// it with setup.sh's status, the step and AWS's error, and a second apply goes on and passes.
final class ApplyTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    private func apply() throws -> Finished {
        let environment = aws.environment.merging(["VPCPIPE_RETRY_SECONDS": "10", "VPCPIPE_POLL_SECONDS": "1",
                                                   "VPCPIPE_WAIT_SECONDS": "30"]) { $1 }
        return try runProgram(try vpcpipeBinary(), ["apply", pipeline.out.path], environment: environment, in: work)
    }

    func testApplyRunsSetupThenVerifyAndResumesAfterAFailure() async throws {
        let refusal = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: logs:CreateLogGroup"
        try await emulator.inject(.init(operation: "logs:CreateLogGroup", error: "AccessDeniedException", message: refusal, times: 1))
        let failed = try apply()
        XCTAssertNotEqual(failed.status, 0, failed.summary)
        XCTAssertTrue(failed.stderr.contains("setup.sh failed at step "), failed.stderr)
        XCTAssertTrue(failed.stderr.contains(": CloudWatch log group /aws/codebuild/Private (exit status \(failed.status))\n"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("  An error occurred (AccessDeniedException) when calling the CreateLogGroup operation: \(refusal)\n"),
                      failed.stderr)
        XCTAssertFalse(failed.stdout.contains("[verify.sh"), failed.stdout)

        let passed = try apply()
        XCTAssertEqual(passed.status, 0, passed.summary)
        XCTAssertTrue(passed.stdout.contains("setup.sh: done, "), passed.stdout)
        XCTAssertTrue(passed.stdout.contains("  waiting: stage Build: Succeeded\n"), passed.stdout)
        XCTAssertTrue(passed.stdout.contains("verify.sh: done, 5 steps in "), passed.stdout)
        XCTAssertTrue(passed.stdout.hasSuffix("mathjs is in private/Private, fetched through npm-store without internet access.\n"), passed.stdout)
        let log = try String(contentsOf: pipeline.out.appendingPathComponent("setup.log"), encoding: .utf8)
        XCTAssertEqual(log.components(separatedBy: "\n== vpcpipe, ").count - 1, 3, "two setup.sh runs and one verify.sh in the log")
        XCTAssertTrue(log.contains("Setup is complete."))
        XCTAssertTrue(log.contains("The pipeline works: its run "))
    }
}
