import Foundation
import TestSupport
import XCTest
@testable import Planner

/// Free-form values are quoted, never interpreted. The rules refuse a profile such as
/// `x; touch /tmp/f` (its pattern has no space or `;`), so the proof runs setup.sh for real with
/// the values that do let shell text through: a branch name (`;`, `$(...)`, backticks, quotes)
/// and tag keys and values (spaces, `=`, `+`, `:`, `/`, `@`). A fake `aws` records its argv.
final class InjectionTests: XCTestCase {
    func testSetupRunsHostileValuesAsSingleArguments() throws {
        let work = try temporaryFolder("injection")
        defer { try? FileManager.default.removeItem(at: work) }
        let marks = (1...4).map { "/tmp/vpcpipe-injected-\(UUID().uuidString)-\($0)" }
        defer { for mark in marks { try? FileManager.default.removeItem(atPath: mark) } }

        var answers = ValueSlots.baseAnswers
        answers.endpoints.existing = []
        answers.profile = "ci+dev@team.x-y_z"
        answers.source.branch = "main;touch${IFS}\(marks[0]);$(touch${IFS}\(marks[1]))`touch${IFS}\(marks[2])`'\"{a,b}"
        answers.tags = [Answers.Tag(key: "Owner = a+b:c/d@e", value: "x touch \(marks[3]) = a+b:c/d@e")]
        XCTAssertNil(Patterns.branchProblem(answers.source.branch))
        XCTAssertEqual(Rules.check(answers).errors, [])

        let folder = try write(Outputs.render(answers), to: work.appendingPathComponent("out"))
        let plan = Planner.plan(answers)
        let log = work.appendingPathComponent("aws-calls")
        let bin = work.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let aws = bin.appendingPathComponent("aws")
        try FakeAWS.script(for: plan, log: log.path).write(to: aws, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)

        let result = try runProgram("/bin/bash", [folder.appendingPathComponent("setup.sh").path, "--yes"],
                                    environment: ["PATH": bin.path + ":/usr/bin:/bin", "HOME": work.path,
                                                  "VPCPIPE_POLL_SECONDS": "0", "VPCPIPE_RETRY_SECONDS": "0"],
                                    in: work)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Setup is complete."), result.stdout)
        for mark in marks { XCTAssertFalse(FileManager.default.fileExists(atPath: mark), "\(mark) was created") }

        let calls = try FakeAWS.calls(in: log)
        XCTAssertGreaterThan(calls.count, 20)
        for call in calls {
            XCTAssertEqual(Array(call.suffix(4)), ["--region", answers.region, "--profile", answers.profile], "\(call)")
        }
        let branches = calls.compactMap { call in call.firstIndex(of: "--branch-name").map { call[$0 + 1] } }
        XCTAssertFalse(branches.isEmpty)
        XCTAssertEqual(Set(branches), [answers.source.branch])
        let tag = #"{"Key":"Owner = a+b:c/d@e","Value":"x touch \#(marks[3]) = a+b:c/d@e"}"#
        XCTAssertTrue(calls.contains { $0.contains { $0.contains(tag) } }, "no call carried the tag \(tag) in one argument")
    }

    /// The profile of the issue's example is refused before anything is written.
    func testReaderRefusesAProfileOfShellText() throws {
        let work = try temporaryFolder("profile")
        defer { try? FileManager.default.removeItem(at: work) }
        let mark = "/tmp/vpcpipe-injected-\(UUID().uuidString)"
        let lines = ValueSlots.base.map { $0.hasPrefix("profile:") ? "profile: \"x; touch \(mark)\"" : $0 }
        let line = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("profile:") }) + 1
        let file = HostileFile(name: "profile.yaml", contents: Data(lines.joined(separator: "\n").utf8),
                               expected: [ExpectedError("profile", line: line, column: 10)])
        XCTAssertTrue(try assertRefused(file, binary: try vpcpipeBinary(), in: work))
        XCTAssertFalse(FileManager.default.fileExists(atPath: mark))
    }
}

/// An `aws` that records each call's argv (word count, then the words, NUL-separated) and
/// answers from the plan: an account that fits the answers for preflight, `available` for endpoint states, a failure
/// for each check (so every create runs), and `fake-OPERATION` for the rest.
enum FakeAWS {
    static func script(for plan: Plan, log: String) -> String {
        func key(_ command: Command) -> String {
            let query = command.options.first { $0.name == "query" }?.values.first?.display ?? ""
            return quoted("\(command.service) \(command.operation) \(query)")
        }
        var arms = ["\(key(plan.identity))) echo 123456789012 ;;"]
        for action in plan.steps.flatMap({ $0.create + $0.always }) {
            if case .lookup(let lookup) = action, let rows = accountRows(plan.answers)[lookup.variable] {
                arms.append("\(key(lookup.command))) printf '%s\\n' \(rows.map(quoted).joined(separator: " ")) ;;")
            }
            if case .awaitEndpoints = action { arms.append("\(key(action.commands[0]))) echo available ;;") }
        }
        for check in plan.steps.compactMap(\.check) {
            // Nothing is found: a call that lists or filters prints None (a query of nothing, as
            // text), the others fail with their not-found error, the only error setup.sh takes for
            // "absent".
            arms.append("\(key(check.command))) " + (check.absent.first.map {
                "echo 'An error occurred (\($0)) when calling the \(check.command.operation) operation' >&2; exit 254 ;;"
            } ?? "echo None ;;"))
        }
        return """
            #!/bin/bash
            printf '%s\\0' "$#" "$@" >> \(quoted(log))
            query='' previous=''
            for word in "$@"; do
              if [ "$previous" = --query ]; then query=$word; fi
              previous=$word
            done
            case "$1 $2 $query" in
              \(arms.joined(separator: "\n  "))
              *) echo "fake-$2" ;;
            esac

            """
    }

    /// Preflight's rows of an account that fits the answers: each subnet in the VPC, in a zone
    /// of its own that every endpoint service offers, on one of the answers' route tables.
    private static func accountRows(_ answers: Answers) -> [String: [String]] {
        let network = answers.network, tables = network.routeTables
        let zones = network.subnets.indices.map { "\(answers.region)-zone\($0)" }
        return [
            "SUBNETS": network.subnets.enumerated().map { "\($1)\t\(network.vpc)\t\(zones[$0])\t10.0.\($0).0/24" },
            "ROUTE_TABLES": tables.enumerated().map { index, table in
                let associated = network.subnets.indices.filter { $0 % tables.count == index }.map { network.subnets[$0] }
                return "\(table)\t\(index == 0 ? 1 : 0)\t\(associated.joined(separator: " "))"
            },
            "ENDPOINT_ZONES": EndpointService.allCases.map { "\($0.serviceName(region: answers.region))\t\(zones.joined(separator: " "))" },
        ]
    }

    static func calls(in log: URL) throws -> [[String]] {
        countedRecords(String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }

    private static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
}
