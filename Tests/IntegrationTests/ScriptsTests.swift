import Foundation
import Planner
import TestSupport
import XCTest

/// The built binary renders the article's answers for an emulated VPC; setup.sh then creates
/// every planned resource, a second run creates nothing, teardown.sh removes all of it but the
/// operator's network, and a second teardown is harmless. The CodeArtifact token appears in
/// nothing the scripts or the buildspec's login line print, nor in any file of the output folder.
/// setup.sh's confirmation marks what its preflight found: all to be created, then all found.
/// The same in Japanese: the scripts' messages change, not what they do; verify.sh, run between
/// setup and teardown, says the pipeline works in Japanese (VerifyTests reads it in English).
final class ScriptsTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    /// The resources setup.sh's confirmation lists with `mark` (in the answers' language), without it.
    private func marked(_ mark: Phrase, _ language: Language, in run: Finished) -> [String] {
        let mark = mark.text(language, ["2": ""]).trimmingCharacters(in: .whitespaces)
        return run.stdout.split(separator: "\n").filter { $0.hasPrefix("  \(mark) ") }
            .map { $0.dropFirst(2 + mark.count).trimmingCharacters(in: .whitespaces) }
    }

    func testSetupCreatesThePlanAndTeardownRemovesIt() async throws {
        try await setupCreatesThePlanAndTeardownRemovesIt(.en)
    }

    func testSetupCreatesThePlanAndTeardownRemovesItInJapanese() async throws {
        try pipeline.render(replacing: [("version: 1\n", "version: 1\nlanguage: ja\n")])
        try await setupCreatesThePlanAndTeardownRemovesIt(.ja, verifySays: [
            "  ステージ Source: Succeeded\n", "  ステージ Build: Succeeded\n", "  ビルドは 7 を出力しました (CodeArtifact へのログイン後)\n",
            "パイプラインは動作しています: 実行 ",
        ])
    }

    /// `verifySays`: the lines verify.sh prints, run after the second setup.sh; none: not run.
    private func setupCreatesThePlanAndTeardownRemovesIt(_ language: Language, verifySays: [String] = []) async throws {
        var printed = [try pipeline.runSucceeding("setup.sh")]
        XCTAssertTrue(printed[0].stdout.contains(Phrase.completedSetup.text(language)), printed[0].stdout)
        let created = try pipeline.assertPipeline()
        printed.append(try login())

        let callsBefore = try await emulator.calls().count
        printed.append(try pipeline.runSucceeding("setup.sh"))
        let secondRun = try await emulator.calls().dropFirst(callsBefore)
        XCTAssertEqual(try pipeline.snapshot(), created.ids, "a second setup.sh changed resources")
        let creations = secondRun.filter { call in
            let operation = call.split(separator: ":").last.map(String.init) ?? ""
            return operation.hasPrefix("Create") || ["PutFile", "AssociateExternalConnection"].contains(operation)
        }
        XCTAssertEqual(creations, [], "a second setup.sh created again")
        let toCreate = marked(.markToBeCreated, language, in: printed[0])
        XCTAssertGreaterThan(toCreate.count, 10, printed[0].stdout)
        XCTAssertEqual(marked(.markFound, language, in: printed[0]), [], "the first setup.sh found what does not exist yet")
        XCTAssertEqual(marked(.markToBeCreated, language, in: printed[2]), [], "the second setup.sh would create again")
        XCTAssertEqual(marked(.markFound, language, in: printed[2]), toCreate, "the second setup.sh does not mark as found what the first created")
        let token = try aws.text("codeartifact", "get-authorization-token", "--domain", pipeline.domain, "--query", "authorizationToken")
        let verify = verifySays.isEmpty ? nil : try pipeline.run("verify.sh", options: [], environment: ["VPCPIPE_WAIT_SECONDS": "30"])
        if let verify {
            XCTAssertEqual(verify.status, 0, verify.summary)
            for line in verifySays { XCTAssertTrue(verify.stdout.contains(line), "\(line)\n\(verify.stdout)") }
        }

        printed.append(try pipeline.runSucceeding("teardown.sh"))
        XCTAssertTrue(printed[3].stdout.contains(Phrase.completedTeardown.text(language)), printed[3].stdout)
        try pipeline.assertRemoved(roles: created.roles)
        XCTAssertTrue(try pipeline.network.exists(with: aws), "teardown.sh removed the operator's VPC, subnets or route table")
        printed.append(try pipeline.runSucceeding("teardown.sh"))

        printed += [verify].compactMap { $0 }
        XCTAssertNotEqual(token, "", "the emulator's token")
        let npmrc = try String(contentsOf: work.appendingPathComponent(".npmrc"), encoding: .utf8)
        XCTAssertTrue(npmrc.contains(token), "npm did not get the token, so this test could not see it leak")
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

    /// The buildspec's pre_build commands as CodeBuild would run them, with the work folder as
    /// HOME: `aws codeartifact login` hands the token to npm's configuration there, and only there.
    private func login() throws -> Finished {
        let login = try buildspecCommands(phase: "pre_build").joined(separator: "\n")
        XCTAssertTrue(login.contains("codeartifact login"), "the buildspec has no login line: \(login)")
        let result = try runProgram("bash", ["-euo", "pipefail", "-c", login], environment: aws.environment, in: work)
        XCTAssertEqual(result.status, 0, result.summary)
        return result
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
