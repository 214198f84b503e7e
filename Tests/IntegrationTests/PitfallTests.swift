import Foundation
import TestSupport
import XCTest

/// Pitfalls a console hides and a script meets (docs/troubleshooting.md): IAM changes that have not
/// propagated yet, and the CodeArtifact token, which must never be printed or written.
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

        try await emulator.inject(.init(operation: "codebuild:CreateProject", error: "InvalidInputException", message: refusal, times: 3))
        try await emulator.inject(.init(operation: "codepipeline:CreatePipeline", error: "InvalidStructureException",
                                        message: "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/pipeline",
                                        times: 1))
        let propagated = try pipeline.run("setup.sh")
        XCTAssertEqual(propagated.status, 0, propagated.summary)
        let pending = try await emulator.pendingFaults()
        XCTAssertEqual(pending, [], "setup.sh never met the propagation errors")
        _ = try pipeline.assertPipeline()
    }

    /// The CodeArtifact token the emulator hands out appears in nothing setup.sh, the
    /// buildspec's login line or teardown.sh print, nor in any file of the output folder.
    func testNoCodeArtifactTokenIsPrintedOrWritten() async throws {
        var printed = [try pipeline.run("setup.sh")]
        XCTAssertEqual(printed[0].status, 0, printed[0].summary)
        let token = try pipeline.aws.text("codeartifact", "get-authorization-token", "--domain", pipeline.domain,
                                          "--query", "authorizationToken")
        XCTAssertNotEqual(token, "", "the emulator's token")
        // The buildspec's pre_build commands as CodeBuild would run them, with this folder as
        // HOME: `aws codeartifact login` hands the token to npm's configuration there, and only there.
        let login = try buildspecCommands(phase: "pre_build").joined(separator: "\n")
        XCTAssertTrue(login.contains("codeartifact login"), "the buildspec has no login line: \(login)")
        printed.append(try runProgram("bash", ["-euo", "pipefail", "-c", login], environment: aws.environment, in: work))
        XCTAssertEqual(printed[1].status, 0, printed[1].summary)
        let npmrc = try String(contentsOf: work.appendingPathComponent(".npmrc"), encoding: .utf8)
        XCTAssertTrue(npmrc.contains(token), "npm did not get the token, so this test could not see it leak")
        printed.append(try pipeline.run("teardown.sh"))
        XCTAssertEqual(printed[2].status, 0, printed[2].summary)

        for (index, result) in printed.enumerated() {
            XCTAssertFalse(result.stdout.contains(token) || result.stderr.contains(token), "run \(index) printed the token")
        }
        let files = FileManager.default.enumerator(at: pipeline.out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let content = (try? Data(contentsOf: file)) ?? Data()
            XCTAssertNil(content.range(of: Data(token.utf8)), "\(file.path) holds the token")
        }
    }

    /// The commands of one phase of repo/buildspec.yml, in order.
    private func buildspecCommands(phase: String) throws -> [String] {
        let lines = try String(contentsOf: pipeline.out.appendingPathComponent("repo/buildspec.yml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "\(phase):" }) else { return [] }
        let indent = lines[start].prefix { $0 == " " }.count
        var commands: [String] = []
        for line in lines[(start + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && line.prefix(while: { $0 == " " }).count <= indent { break }
            if trimmed.hasPrefix("- ") { commands.append(String(trimmed.dropFirst(2))) }
        }
        return commands
    }
}
