import Foundation
import TestSupport
import XCTest

/// README's usage and exit statuses, against the program.
final class ReadmeTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = try temporaryFolder("readme")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// The commands of README's Usage, run in order in one folder with `vpcpipe` on PATH and DIR
    /// as `out`; the scripts' lines in dry run, since the others would call AWS.
    func testTheUsageCommandsRunAsDocumented() throws {
        let commands = Readme.commands(in: try Readme().section("## Usage"))
        XCTAssertEqual(commands.first, "vpcpipe --example > answers.yaml")
        let environment = try environmentWithVpcpipe(in: work)
        let out = work.appendingPathComponent("out")
        for command in commands {
            var words = command.split(separator: " ").map { $0 == "DIR" ? "out" : String($0.replacingOccurrences(of: "DIR/", with: "out/")) }
            // The scripts' lines, and apply, which runs them, in dry run.
            let script = words.first == "bash", apply = words.starts(with: ["vpcpipe", "apply"])
            if (script || apply) && !words.contains("--dry-run") { words.append("--dry-run") }
            let result = try runProgram("/bin/bash", ["-c", words.joined(separator: " ")], environment: environment, in: work)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            if script { XCTAssertTrue(result.stdout.contains("  aws "), "\(command) printed no command") }
            if apply { XCTAssertTrue(result.stdout.contains("[verify.sh 1/"), "\(command) said no step") }
            if command.contains("--check") {
                XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(command) wrote something")
            }
            if command.contains("--out") {
                XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("setup.sh").path))
            }
        }
        XCTAssertTrue(commands.contains { $0.hasPrefix("bash DIR/teardown.sh") })
    }

    /// A run that ends with each exit status README's table documents.
    private func scenario(_ status: Int32) throws -> Finished? {
        let answers = work.appendingPathComponent("answers.yaml"), out = work.appendingPathComponent("out")
        try vpcpipe(["--example"]).stdout.write(to: answers, atomically: true, encoding: .utf8)
        switch status {
        case 0: return try vpcpipe(["--headless", answers.path, "--out", out.path])
        case 1:
            let wrong = work.appendingPathComponent("wrong.yaml")
            try "version: 1\nregion: us-west-2\nname: 'not a name'\n".write(to: wrong, atomically: true, encoding: .utf8)
            let result = try vpcpipe(["--headless", wrong.path, "--out", out.path])
            XCTAssertTrue(result.stderr.contains("\(wrong.path):3:7: error: name: "), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "written despite errors")
            return result
        case 64:
            XCTAssertEqual(try vpcpipe(["--no-such-option"]).status, 64, "an unknown option")
            return try vpcpipe(["--example", "--force"])
        case 69:
            let result = try vpcpipe(["--headless", answers.path, "--out", out.path, "--live"], environment: OptionsTests.noAccount)
            XCTAssertTrue(result.stderr.contains("vpcpipe: cannot read the account: "), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "written though the account was not read")
            return result
        case 73:
            try FileManager.default.createDirectory(at: out.appendingPathComponent("mine"), withIntermediateDirectories: true)
            return try vpcpipe(["--headless", answers.path, "--out", out.path])
        default: return nil
        }
    }

    /// README's exit-status table, `--help`'s statuses and the program's runs agree.
    func testTheExitStatusTableIsTheProgramsExitStatuses() throws {
        let rows = Readme.table("| status |", in: try Readme().section("### Exit status"))
        let documented = rows.compactMap { Int32($0[0]) }
        XCTAssertEqual(documented.count, rows.count, "a status that is not a number: \(rows)")
        let help = try vpcpipe(["--help"]).stdout
        let paragraph = try XCTUnwrap(help.components(separatedBy: "Exit status:").dropFirst().first?
            .components(separatedBy: "\n\n").first)
        let helped = paragraph.split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }
        XCTAssertEqual(documented, helped, "README's table against --help: \(paragraph)")
        for status in documented {
            let result = try XCTUnwrap(try scenario(status), "no run known to end with \(status), which README documents")
            XCTAssertEqual(result.status, status, result.stderr)
            try? FileManager.default.removeItem(at: work.appendingPathComponent("out"))
        }
    }

    /// The wizard's exit statuses README gives that a test can reach without exporting: no
    /// terminal, a terminal that cannot start, quit.
    func testTheWizardsDocumentedExitStatuses() throws {
        let line = try XCTUnwrap(Readme().section("## The wizard").joined(separator: " ")
            .components(separatedBy: "Exit status: ").dropFirst().first?.components(separatedBy: ".").first)
        func status(_ meaning: String) throws -> Int32 {
            let item = try XCTUnwrap(line.components(separatedBy: ", ").first { $0.contains(meaning) }, "README: \(line)")
            return try XCTUnwrap(Int32(item.prefix { $0.isNumber }), item)
        }
        let binary = try vpcpipeBinary()
        // A TERM that names a terminal, but none there (TERM dumb or unset is the line mode's).
        XCTAssertEqual(try vpcpipe([], environment: ["TERM": "xterm", "PATH": "/usr/bin:/bin"], in: work).status, try status("no terminal"))
        let unknown = try inTerminal(binary, keys: "", environment: ["TERM": "vpcpipe-no-such-terminal", "PATH": "/usr/bin:/bin"], in: work)
        XCTAssertEqual(unknown.status, try status("the terminal could not start"), unknown.stdout)
        // F10 asks before quitting; q quits without saving.
        let quit = try inTerminal(binary, keys: "\\033[21~q", environment: ["TERM": "xterm", "PATH": "/usr/bin:/bin"], in: work)
        XCTAssertEqual(quit.status, try status("quit"), quit.stdout)
    }
}
