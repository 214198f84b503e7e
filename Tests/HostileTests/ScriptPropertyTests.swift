import Foundation
import XCTest
@testable import Planner

/// Random valid answers (seeded: the seed is printed, and VPCPIPE_SEED repeats a run) replay
/// through answers.yaml, render valid JSON and scripts that pass `bash -n` and shellcheck, and
/// the scripts' dry runs print exactly the plan's argument lists: no value split, expanded or globbed.
final class ScriptPropertyTests: XCTestCase {
    static let runs = 30

    func testGeneratedAnswersRenderScriptsThatPrintThePlanExactly() throws {
        let seed = ProcessInfo.processInfo.environment["VPCPIPE_SEED"].flatMap { UInt64($0) } ?? 0x00C0_FFEE
        print("script property test seed: \(seed) (repeat with VPCPIPE_SEED=\(seed))")
        var generator = ValidAnswers(random: SplitMix64(seed: seed))
        let work = try temporaryFolder("property")
        defer { try? FileManager.default.removeItem(at: work) }
        let sandbox = try Sandbox(in: work)
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
                                       ("teardown.sh", DryRunOracle.teardown(plan, here: folder.path))] {
                let path = folder.appendingPathComponent(script).path
                scripts.append(path)
                let syntax = try runProgram("/bin/bash", ["-n", path])
                XCTAssertEqual(syntax.status, 0, "\(label) \(script): \(syntax.stderr)")
                let printed = try sandbox.dryRun(path)
                held = held && syntax.status == 0 && assertSame(printed, expected, "\(label) \(script)")
            }
            if held { passed += 1 }
        }
        XCTAssertEqual(try sandbox.leftovers(), [], "a dry run or the replay of its lines changed the sandbox")
        try assertShellcheck(scripts)
        print("script property test: \(passed) of \(Self.runs) generated answers held (\(scripts.count) scripts)")
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

    /// shellcheck is slow to start (about 0.3 s a script): a few calls of many scripts each.
    private func assertShellcheck(_ scripts: [String]) throws {
        let shellcheck = try XCTUnwrap(["/usr/bin/shellcheck", "/usr/local/bin/shellcheck", "/opt/homebrew/bin/shellcheck"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }, "shellcheck is required: apt-get install -y shellcheck")
        for start in stride(from: 0, to: scripts.count, by: 20) {
            let batch = Array(scripts[start..<min(start + 20, scripts.count)])
            let lint = try runProgram(shellcheck, batch)
            XCTAssertEqual(lint.status, 0, lint.stdout)
        }
    }
}

/// Writes an output folder (as OutputFolder would, without its ownership checks).
func write(_ files: [RenderedFile], to folder: URL) throws -> URL {
    for file in files {
        let url = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.contents.write(to: url, atomically: true, encoding: .utf8)
        if file.executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
    }
    return folder
}

/// A folder where dry runs are run and their lines read back by bash: it holds decoy files, so
/// that an unquoted `*` or `?` would glob to something, and an `aws` that leaves a mark if called.
struct Sandbox {
    let folder: URL
    let environment: [String: String]
    static let decoys = ["decoy-a", "decoy-b"]

    init(in work: URL) throws {
        folder = work.appendingPathComponent("sandbox")
        let bin = work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for decoy in Self.decoys { _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(decoy).path, contents: nil) }
        let aws = bin.appendingPathComponent("aws")
        try "#!/bin/sh\ntouch \"\(folder.path)/aws-was-called\"\nexit 1\n".write(to: aws, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        environment = ["PATH": bin.path + ":/usr/bin:/bin", "HOME": folder.path, "LC_ALL": "C.UTF-8"]
    }

    /// Runs `SCRIPT --dry-run` and reads each printed command back into its words with bash itself.
    func dryRun(_ script: String) throws -> [[String]] {
        let result = try runProgram("/bin/bash", [script, "--dry-run"], environment: environment, in: folder)
        guard result.status == 0 else {
            XCTFail("\(script) --dry-run: exit \(result.status)\n\(result.stderr)")
            return []
        }
        let lines = folder.appendingPathComponent("printed.txt")
        try result.stdout.write(to: lines, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: lines) }
        // Each command line, evaluated as bash would read it: word count, then the words, NUL-separated.
        let replay = """
            while IFS= read -r line; do
              case "$line" in '  aws '*) ;; *) continue ;; esac
              eval "set -- $line"
              printf '%s\\0' "$#" "$@"
            done < "$1"
            """
        let words = try runProgram("/bin/bash", ["-c", replay, "replay", lines.path], environment: environment, in: folder)
        XCTAssertEqual(words.status, 0, words.stderr)
        return countedRecords(words.stdout)
    }

    /// Files in the sandbox other than the decoys: a mark of a called `aws`, or of an expansion.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !Self.decoys.contains($0) }.sorted()
    }
}
