import Foundation
import TestSupport
import XCTest

/// A pitfall a console hides and a script meets (docs/troubleshooting.md): IAM changes that have not
/// propagated yet. (The other, the CodeArtifact token that must never be printed or written,
/// is checked on ScriptsTests' runs.)
final class PitfallTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    /// CodeBuild refuses the new role until IAM has propagated: setup.sh retries within its
    /// budget and completes; when the role never becomes usable, it stops after the budget,
    /// naming the step and AWS's message.
    func testIAMPropagationIsRetriedWithinTheBudget() async throws {
        let points = try PlannedSetup.read(from: pipeline.out).points()
        let project = try XCTUnwrap(points.first { $0.operation == "CreateProject" }, "the plan creates no build project")
        let refusal = "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/service-role/codebuild-Private-service-role"

        try await emulator.inject(.init(operation: "codebuild:CreateProject", error: "InvalidInputException", message: refusal, times: 1000))
        let budget = 3
        let exhausted = try pipeline.run("setup.sh", environment: ["VPCPIPE_RETRY_SECONDS": "\(budget)"])
        XCTAssertNotEqual(exhausted.status, 0, "setup.sh completed though CodeBuild never accepted the role")
        XCTAssertTrue(exhausted.stderr.contains("step \(project.step): \(project.title)"), exhausted.summary)
        XCTAssertTrue(exhausted.stderr.contains(refusal), exhausted.summary)
        let tries = try await emulator.calls().filter { $0 == "codebuild:CreateProject" }.count
        XCTAssertGreaterThan(tries, 1, "setup.sh did not retry a propagation error")
        // Waits of 2 s, then 4 s, overrun a budget of 3 s after the third try.
        XCTAssertLessThanOrEqual(tries, 4, "setup.sh kept retrying past its budget of \(budget)s")
        try await emulator.clearFaults()

        try await emulator.inject(.init(operation: "codebuild:CreateProject", error: "InvalidInputException", message: refusal, times: 2))
        try await emulator.inject(.init(operation: "codepipeline:CreatePipeline", error: "InvalidStructureException",
                                        message: "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/pipeline",
                                        times: 1))
        let propagated = try pipeline.run("setup.sh")
        XCTAssertEqual(propagated.status, 0, propagated.summary)
        let pending = try await emulator.pendingFaults()
        XCTAssertEqual(pending, [], "setup.sh never met the propagation errors")
        // What was refused exists now (ScriptsTests checks the whole pipeline a setup makes).
        XCTAssertEqual(try aws.json([String].self, "codebuild", "batch-get-projects", "--names", pipeline.articleName,
                                    "--query", "projects[].name"), [pipeline.articleName])
        XCTAssertEqual(try aws.text("codepipeline", "get-pipeline", "--name", pipeline.articleName, "--query", "pipeline.name"),
                       pipeline.articleName)
    }
}
