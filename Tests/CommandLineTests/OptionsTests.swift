import Foundation
import Planner
import TestSupport
import XCTest

/// The command line: which options go together, as README says, and `--version`.
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
        case "--lang": [option, "en"]
        default: [option]
        }
    }

    /// README's table of options: each option and those it does not go with.
    private func documentedConflicts() throws -> [String: Set<String>] {
        let rows = Readme.table("| option |", in: try Readme().section("## Usage"))
        XCTAssertFalse(rows.isEmpty, "README's table of options")
        return Dictionary(rows.compactMap { row in
            Readme.options(in: row[0]).last.map { ($0, Set(Readme.options(in: row[2]))) }
        }) { first, _ in first }
    }

    /// Every pair of the options `--help` lists, in both orders, does what README's table of
    /// options says: a pair it says does not go together is exit 64 with a reason naming both;
    /// any other pair passes validation (it may still stop for its own reason, as the wizard does
    /// without a terminal); --help and --version print and exit whatever else is given.
    func testEveryPairOfOptionsIsAsReadmeSays() throws {
        let conflicts = try documentedConflicts()
        let options = try helpOptions()
        XCTAssertEqual(Set(conflicts.keys), Set(options), "README's table of options against --help")
        for (option, others) in conflicts {
            for other in others {
                XCTAssertTrue(conflicts[other]?.contains(option) == true, "README: \(option) does not go with \(other), but not the other way")
            }
        }
        // What each prints alone, read once: the pairs holding either compare with it.
        let printed = try Dictionary(uniqueKeysWithValues: ["--help", "--version"].map { ($0, try vpcpipe([$0]).stdout) })
        for first in options {
            for second in options where second != first {
                let pair = [first, second]
                let result = try vpcpipe(words(first) + words(second), environment: Self.noAccount, in: work)
                let label = "\(first) \(second): exit \(result.status), \(result.stderr)"
                // --help first, as ArgumentParser looks for it first.
                if let printer = ["--help", "--version"].first(where: [first, second].contains) {
                    XCTAssertEqual(result.status, 0, label)
                    XCTAssertEqual(result.stdout, printed[printer], label)
                } else if conflicts[first]?.contains(second) == true {
                    XCTAssertEqual(result.status, 64, label)
                    let reason = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
                    XCTAssertTrue(reason.hasPrefix("Error: "), label)
                    let namesBoth = reason.contains(first) && reason.contains(second)
                    XCTAssertTrue(namesBoth || reason.contains(" goes with --headless FILE."), label)
                } else if !pair.contains("--headless"), pair.contains(where: ["--check", "--live"].contains) {
                    // README: with --headless only.
                    XCTAssertEqual(result.status, 64, label)
                    XCTAssertTrue(pair.contains { ["--check", "--live"].contains($0) && result.stderr.hasPrefix("Error: \($0) goes with --headless FILE.") },
                                  label)
                } else {
                    XCTAssertFalse(result.stderr.contains("Error: "), label)
                }
            }
        }
    }

    func testCheckAndLiveAloneAreRefused() throws {
        for option in ["--check", "--live"] {
            let result = try vpcpipe([option])
            XCTAssertEqual(result.status, 64)
            XCTAssertTrue(result.stderr.hasPrefix("Error: \(option) goes with --headless FILE."), result.stderr)
        }
    }

    /// This machine's environment with no AWS credentials or configuration: `--live` says at
    /// once that it cannot read an account, whatever this machine holds.
    static var noAccount: [String: String] {
        inheritedEnvironment.filter { !$0.key.hasPrefix("AWS_") }.merging([
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true",
        ]) { $1 }
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

}

/// The long options `vpcpipe --help` lists, in order: each starts a line of its OPTIONS section
/// indented two spaces (its help's wrapped lines are indented further).
func helpOptions() throws -> [String] {
    let help = try vpcpipe(["--help"]).stdout
    let section = help.components(separatedBy: "\nOPTIONS:\n").dropFirst().joined()
    return section.split(separator: "\n").compactMap { line in
        guard line.hasPrefix("  -") else { return nil }
        return line.split(separator: " ").first { $0.hasPrefix("--") }.map { String($0.prefix { $0 != "," }) }
    }
}
