import Foundation
import Planner
import TestSupport
import XCTest

/// verify.sh against the emulation, after setup.sh on the article's answers: a run of the
/// pipeline goes through the emulated CodePipeline, CodeCommit, CodeBuild, CodeArtifact and
/// CloudWatch Logs. It passes; and for a build that fails, a run that never starts and a log
/// group that is gone, it fails with exit status 1 naming the stage and why, also on the
/// progress stream.
final class VerifyTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    private func verify(waitSeconds: Int = 30) throws -> (run: Finished, events: [ProgressEvent]) {
        let stream = work.appendingPathComponent("verify.progress")
        let run = try pipeline.run("verify.sh", options: [], environment: ["VPCPIPE_WAIT_SECONDS": "\(waitSeconds)"], progress: stream)
        return (run, ProgressEvent.events(try String(contentsOf: stream, encoding: .utf8)))
    }

    /// setup.sh, then verify.sh twice. (In Japanese, ScriptsTests runs verify.sh between its setup
    /// and its teardown.)
    func testVerifyPassesAfterSetupOnTheArticlesAnswers() async throws {
        let said = ["  stage Source: Succeeded\n", "  stage Build: Succeeded\n",
                    "  the build printed 7, after logging in to CodeArtifact\n", "The pipeline works: its run "]
        try pipeline.runSucceeding("setup.sh")
        let before = try await emulator.calls().count
        let (run, events) = try verify()
        XCTAssertEqual(run.status, 0, run.summary)
        for line in said { XCTAssertTrue(run.stdout.contains(line), "\(line)\n\(run.stdout)") }
        XCTAssertEqual(events.last, .done)
        XCTAssertEqual(events.compactMap { if case .step(let number, _, _) = $0 { number } else { nil } }, [1, 2, 3, 4, 5])
        XCTAssertTrue(events.contains(.wait("stage Build: Succeeded")), "\(events)")

        // What the run went through: the source read from CodeCommit, a build that logged in
        // through CodeArtifact and wrote its log, the package fetched through the upstream.
        let calls = try await emulator.calls().dropFirst(before)
        for call in ["codepipeline:StartPipelineExecution", "codecommit:GetBranch", "s3:PutObject", "codebuild:StartBuild",
                     "s3:GetObject", "codeartifact:GetAuthorizationToken", "logs:PutLogEvents", "logs:GetLogEvents",
                     "codeartifact:ListPackageVersions"] {
            XCTAssertTrue(calls.contains(call), "no \(call) in \(calls)")
        }
        for repository in ["Private", "npm-store"] {
            XCTAssertEqual(try aws.json([[String]].self, "codeartifact", "list-package-versions", "--domain", pipeline.domain,
                                        "--repository", repository, "--format", "npm", "--package", "mathjs",
                                        "--query", "versions[].[version, origin.domainEntryPoint.externalConnectionName]"),
                           [["11.2.0", "public:npmjs"]], repository)
        }
        // A second verify.sh starts another run: the first has ended. Its buildspec reads the
        // account from the build's ARN (build.account_from_arn): the build calls no STS.
        var answers = Article.answers
        answers.build.accountFromARN = true
        try commit(buildspec: try XCTUnwrap(SampleApp.files(answers).first).contents, message: "the account from the build's ARN")
        let second = try await emulator.calls().count
        let again = try verify().run
        XCTAssertEqual(again.status, 0, again.summary)
        let identity = { (calls: ArraySlice<String>) in calls.filter { $0 == "sts:GetCallerIdentity" }.count }
        let secondCalls = try await emulator.calls().dropFirst(second)
        XCTAssertEqual(identity(secondCalls), identity(calls) - 1, "verify.sh's own call only: the build asked STS for the account")
        XCTAssertEqual(try aws.json([String].self, "codepipeline", "list-pipeline-executions", "--pipeline-name", pipeline.articleName,
                                    "--query", "pipelineExecutionSummaries[].status"), ["Succeeded", "Succeeded"])
    }

    /// Commits `buildspec` to the pipeline's branch, as a person would push a change.
    private func commit(buildspec: String, message: String) throws {
        let file = work.appendingPathComponent("buildspec.yml")
        try buildspec.write(to: file, atomically: true, encoding: .utf8)
        let tip = try aws.text("codecommit", "get-branch", "--repository-name", pipeline.articleName, "--branch-name", "main",
                               "--query", "branch.commitId")
        try aws.text("codecommit", "put-file", "--repository-name", pipeline.articleName, "--branch-name", "main",
                     "--file-path", "buildspec.yml", "--file-content", "fileb://\(file.path)", "--parent-commit-id", tip,
                     "--commit-message", message, "--query", "commitId")
    }

    /// A build that fails, for each likely cause verify.sh names: an endpoint policy that denies
    /// the login, a runtime the image lacks (the buildspec changed on the branch), and the STS
    /// endpoint gone (a timeout).
    func testAFailedBuildIsNamedByStagePhaseLastLinesAndLikelyCause() async throws {
        try pipeline.runSucceeding("setup.sh")
        let denial = "User: arn:aws:sts::123456789012:assumed-role/codebuild-Private-service-role/AWSCodeBuild-1 is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-west-2:123456789012:domain/private because no VPC endpoint policy allows the codeartifact:GetAuthorizationToken action"
        try await emulator.inject(.init(operation: "codeartifact:GetAuthorizationToken", error: "AccessDeniedException", message: denial, times: 1))
        let denied = try verify()
        assertFailedBuild(denied, phase: "PRE_BUILD", showing: denial, cause: "likely cause: a VPC endpoint policy denies the call")

        let buildspec = try String(contentsOf: pipeline.out.appendingPathComponent("repo/buildspec.yml"), encoding: .utf8)
        try commit(buildspec: buildspec.replacingOccurrences(of: "nodejs: 20", with: "nodejs: 14"), message: "an older runtime")
        assertFailedBuild(try verify(), phase: "INSTALL", showing: "Unknown runtime version named '14' of nodejs",
                          cause: "likely cause: a runtime not in the image")
        try commit(buildspec: buildspec, message: "the runtime back")

        let sts = try XCTUnwrap(try pipeline.endpoints().first { $0.service.hasSuffix(".sts") })
        try aws.text("ec2", "delete-vpc-endpoints", "--vpc-endpoint-ids", sts.id, "--query", "Unsuccessful")
        assertFailedBuild(try verify(), phase: "PRE_BUILD", showing: #"Connect timeout on endpoint URL: "https://sts.us-west-2.amazonaws.com/""#,
                          cause: "likely cause: a timeout to an endpoint (https://sts.us-west-2.amazonaws.com)")
    }

    private func assertFailedBuild(_ result: (run: Finished, events: [ProgressEvent]), phase: String, showing line: String, cause: String,
                                   file: StaticString = #filePath, lineNumber: UInt = #line) {
        let (run, events) = result
        XCTAssertEqual(run.status, 1, run.summary, file: file, line: lineNumber)
        let stderr = run.stderr
        XCTAssertTrue(stderr.contains("stage Build: the build Private:"), stderr, file: file, line: lineNumber)
        XCTAssertTrue(stderr.contains(" is FAILED, in phase \(phase): "), stderr, file: file, line: lineNumber)
        XCTAssertTrue(stderr.contains("the last lines of its log:\n  [Container] "), stderr, file: file, line: lineNumber)
        XCTAssertTrue(stderr.contains(line), stderr, file: file, line: lineNumber)
        XCTAssertTrue(stderr.contains(cause), stderr, file: file, line: lineNumber)
        XCTAssertTrue(stderr.hasSuffix("verify failed at step 3: Find the build of stage Build and read its log\n"), stderr, file: file, line: lineNumber)
        XCTAssertEqual(events.last, .failed(step: 3, status: 1), "\(events)", file: file, line: lineNumber)
        XCTAssertTrue(events.contains { if case .error(let text) = $0 { text.hasPrefix(cause) } else { false } },
                      "the cause is not on the progress stream: \(events)", file: file, line: lineNumber)
    }

    /// A run whose first stage never starts: the wait is bounded, and says which stage it waited for.
    func testARunThatNeverStartsStopsAfterTheWait() async throws {
        try pipeline.runSucceeding("setup.sh")
        try await emulator.holdRuns(true)
        let (run, events) = try verify(waitSeconds: 3)
        XCTAssertEqual(run.status, 1, run.summary)
        XCTAssertTrue(run.stderr.contains("stage Source: not started after 3s: timed out waiting for the run "), run.stderr)
        XCTAssertTrue(run.stderr.contains("the run never started"), run.stderr)
        XCTAssertLessThan(run.seconds, 60, "the wait of 3 s took \(run.seconds) s")
        XCTAssertEqual(events.last, .failed(step: 2, status: 1))

        // verify.sh follows the run in progress rather than start another.
        try await emulator.holdRuns(false)
        let again = try verify(waitSeconds: 2)
        XCTAssertTrue(again.run.stdout.contains("following the run in progress"), again.run.stdout)
        XCTAssertEqual(try aws.json([String].self, "codepipeline", "list-pipeline-executions", "--pipeline-name", pipeline.articleName,
                                    "--query", "pipelineExecutionSummaries[].status"), ["InProgress"])
    }

    /// The build runs without its log group, which CodeBuild does not recreate here: the run
    /// passes, but the log cannot be read, and verify.sh says where it looked and what to do.
    func testAMissingLogGroupIsNamed() async throws {
        try pipeline.runSucceeding("setup.sh")
        try aws.text("logs", "delete-log-group", "--log-group-name", "/aws/codebuild/\(pipeline.articleName)")
        let (run, events) = try verify()
        XCTAssertEqual(run.status, 1, run.summary)
        XCTAssertTrue(run.stdout.contains("  stage Build: Succeeded\n"), run.stdout)
        XCTAssertTrue(run.stderr.contains("stage Build: the build's log cannot be read: The specified log group does not exist (log group /aws/codebuild/Private, stream "),
                      run.stderr)
        XCTAssertTrue(run.stderr.contains("setup.sh creates the log group: run it again, then verify.sh"), run.stderr)
        XCTAssertEqual(events.last, .failed(step: 3, status: 1))
    }
}
