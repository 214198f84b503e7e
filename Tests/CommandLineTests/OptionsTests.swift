import Foundation
import Planner
import XCTest

/// The command line: which options go together, and `--version`.
final class OptionsTests: XCTestCase {
    private var work: URL!
    private var answers: String { work.appendingPathComponent("answers.yaml").path }

    override func setUpWithError() throws {
        work = try temporaryFolder("options")
        let example = try vpcpipe(["--example"])
        XCTAssertEqual(example.status, 0, example.stderr)
        try example.stdout.write(toFile: answers, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// Each option as given in the runs below.
    private func words(_ option: String) -> [String] {
        switch option {
        case "--headless", "--answers": [option, answers]
        case "--out": [option, work.appendingPathComponent("out").path]
        default: [option]
        }
    }

    /// The pairs that must be refused, written from the options' meaning rather than from the
    /// program's table: --example prints only; --headless runs without the wizard, --answers
    /// opens it; --check writes nothing, and goes only with --headless.
    private static let refused: Set<Set<String>> = [
        ["--example", "--headless"], ["--example", "--answers"], ["--example", "--out"],
        ["--example", "--check"], ["--example", "--force"],
        ["--headless", "--answers"],
        ["--check", "--out"], ["--check", "--force"], ["--check", "--answers"],
    ]

    /// Every pair of the options `--help` lists (--help and --version aside), in both orders:
    /// a refused pair is exit 64 with a reason naming both; any other pair passes validation
    /// (it may still stop for its own reason, as the wizard does without a terminal).
    func testEveryPairOfOptionsIsAcceptedOrRefusedWithItsReason() throws {
        let options = try helpOptions().filter { !["--help", "--version"].contains($0) }
        XCTAssertEqual(Set(options), ["--headless", "--answers", "--out", "--check", "--force", "--example"],
                       "an option was added or removed: say which options it does not go with")
        for first in options {
            for second in options where second != first {
                let result = try vpcpipe(words(first) + words(second), in: work)
                let label = "\(first) \(second): exit \(result.status), \(result.stderr)"
                if Self.refused.contains([first, second]) {
                    XCTAssertEqual(result.status, 64, label)
                    let reason = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
                    XCTAssertTrue(reason.hasPrefix("Error: "), label)
                    let namesBoth = reason.contains(first) && reason.contains(second)
                    XCTAssertTrue(namesBoth || reason.contains("--check goes with --headless"), label)
                } else {
                    XCTAssertFalse(result.stderr.contains("Error: "), label)
                }
            }
        }
    }

    func testCheckAloneIsRefused() throws {
        let result = try vpcpipe(["--check"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.hasPrefix("Error: --check goes with --headless FILE."), result.stderr)
    }

    /// --version prints the one version, which plan.json and both scripts' headers also carry.
    func testVersionIsTheOneThePlanAndScriptsCarry() throws {
        let version = try vpcpipe(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertEqual(version.stdout, "vpcpipe \(vpcpipeVersion)\n")
        let out = work.appendingPathComponent("out")
        let written = try vpcpipe(["--headless", answers, "--out", out.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        let plan = try JSONDecoder().decode(PlanJSON.Document.self,
                                            from: Data(contentsOf: out.appendingPathComponent("plan.json")))
        XCTAssertEqual(plan.vpcpipeVersion, vpcpipeVersion)
        for script in ["setup.sh", "teardown.sh"] {
            let header = try String(contentsOf: out.appendingPathComponent(script), encoding: .utf8)
                .split(separator: "\n")[1]
            XCTAssertTrue(header.hasPrefix("# \(script) (vpcpipe \(vpcpipeVersion)): "), String(header))
        }
    }

    /// The long options `vpcpipe --help` lists.
    private func helpOptions() throws -> [String] {
        let help = try vpcpipe(["--help"])
        XCTAssertEqual(help.status, 0)
        return longOptions(inHelp: help.stdout)
    }
}

/// The long options of a `--help` text's OPTIONS section, in order: each starts a line indented
/// two spaces (its help's wrapped lines are indented further).
func longOptions(inHelp help: String) -> [String] {
    let section = help.components(separatedBy: "\nOPTIONS:\n").dropFirst().joined()
    return section.split(separator: "\n").compactMap { line in
        guard line.hasPrefix("  -") else { return nil }
        return line.split(separator: " ").first { $0.hasPrefix("--") }.map { String($0.prefix { $0 != "," }) }
    }
}
