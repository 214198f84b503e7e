import Foundation
import TestSupport
import XCTest
@testable import Planner

/// Random valid answers (seeded: the seed is printed, and VPCPIPE_SEED runs another) replay
/// through answers.yaml, render valid JSON and scripts that pass `bash -n` and shellcheck, and
/// the scripts' dry runs print exactly the plan's argument lists: no value split, expanded or globbed.
final class ScriptPropertyTests: XCTestCase {
    static let runs = 30
    /// shellcheck takes one to two seconds of CPU a script, most of this test's time: it reads the
    /// scripts of every tenth run (the values differ in each; the library around them does not,
    /// and RenderScriptTests shellchecks every branch of it).
    static let shellcheckEvery = 10

    func testGeneratedAnswersRenderScriptsThatPrintThePlanExactly() throws {
        let seed = testSeed(default: 0x00C0_FFEE)
        var generator = ValidAnswers(random: SplitMix64(seed: seed))
        let work = try temporaryFolder("property")
        defer { try? FileManager.default.removeItem(at: work) }
        let sandbox = try DryRunSandbox(in: work)
        var scripts: [String] = []
        var passed = 0
        for index in 0..<Self.runs {
            let answers = generator.answers()
            let label = "run \(index) (seed \(seed))"
            XCTAssertEqual(Rules.check(answers).errors, [], "\(label): the generator made invalid answers")
            let replay = AnswersFile.read(AnswersFile.write(answers))
            XCTAssertEqual(replay.answers, answers, "\(label): answers.yaml does not replay")
            XCTAssertFalse(replay.diagnostics.hasErrors, "\(label): \(replay.diagnostics)")

            let files = Outputs.render(answers)
            for file in files where file.path.hasSuffix(".json") {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)), "\(label): \(file.path)")
            }
            let folder = try write(files, to: work.appendingPathComponent("out-\(index)"))
            let plan = Planner.plan(answers)
            var held = true
            for (script, expected) in [("setup.sh", DryRunOracle.setup(plan, here: folder.path)),
                                       ("teardown.sh", DryRunOracle.teardown(plan, here: folder.path)),
                                       ("verify.sh", DryRunOracle.verify(plan, here: folder.path))] {
                let path = folder.appendingPathComponent(script).path
                if index % Self.shellcheckEvery == 0 { scripts.append(path) }
                let syntax = try runProgram("/bin/bash", ["-n", path])
                XCTAssertEqual(syntax.status, 0, "\(label) \(script): \(syntax.stderr)")
                let printed = try sandbox.dryRunWords(path)
                held = held && syntax.status == 0 && assertSame(printed, expected, "\(label) \(script)")
            }
            // deploy-stack.sh runs no plan of its own to compare: bash and shellcheck read it.
            let stack = folder.appendingPathComponent(StackScript.file).path
            let stackSyntax = try runProgram("/bin/bash", ["-n", stack])
            XCTAssertEqual(stackSyntax.status, 0, "\(label) \(StackScript.file): \(stackSyntax.stderr)")
            if index % Self.shellcheckEvery == 0 { scripts.append(stack) }
            // stackset.sh: each account's network ids reach its instances' calls whole, in each region.
            if let stackset = answers.stackset {
                let path = folder.appendingPathComponent(StackSetScript.file).path
                let syntax = try runProgram("/bin/bash", ["-n", path])
                XCTAssertEqual(syntax.status, 0, "\(label) \(StackSetScript.file): \(syntax.stderr)")
                if index % Self.shellcheckEvery == 0 { scripts.append(path) }
                let overrides = try sandbox.dryRunWords(path).filter { $0.count > 2 && $0[2] == "create-stack-instances" }.map { words in
                    let value = words[(words.firstIndex(of: "--parameter-overrides") ?? 0) + 1]
                    let parameters = try JSONDecoder().decode([[String: String]].self, from: Data(value.utf8))
                    return words[(words.firstIndex(of: "--regions") ?? 0) + 1] + " "
                        + parameters.compactMap { $0["ParameterKey"] == "CodeArtifactAssetsBucketArn" ? nil : $0["ParameterValue"] }.joined(separator: " ")
                }
                let expected = stackset.regions.flatMap { region in
                    stackset.accounts.isEmpty ? [region + " "] : stackset.accounts.map { account in
                        let subnets = account.subnets.joined(separator: ",")
                        return ([region, account.vpc, subnets] + (plan.endpoints.contains { $0.planned && !$0.service.isGateway } ? [subnets] : [])
                            + (plan.endpoints.contains { $0.planned && $0.service.isGateway } ? [account.routeTables.joined(separator: ",")] : []))
                            .joined(separator: " ")
                    }
                }
                XCTAssertEqual(overrides, expected, "\(label) \(StackSetScript.file)")
                held = held && syntax.status == 0 && overrides == expected
            }
            if held { passed += 1 }
        }
        XCTAssertEqual(try sandbox.leftovers(), [], "a dry run or the replay of its lines changed the sandbox")
        let lint = try runProgram("shellcheck", scripts)
        XCTAssertEqual(lint.status, 0, lint.summary)
        print("script property test: \(passed) of \(Self.runs) generated answers held (\(scripts.count) scripts shellchecked)")
    }

    /// Compares printed and expected commands, naming the first that differs.
    private func assertSame(_ printed: [[String]], _ expected: [[String]], _ label: String) -> Bool {
        guard printed != expected else { return true }
        if let index = zip(printed, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            XCTFail("\(label): command \(index + 1) differs\nprinted:  \(printed[index])\nexpected: \(expected[index])")
        } else {
            XCTFail("\(label): \(printed.count) commands printed, \(expected.count) expected")
        }
        return false
    }
}
