import Foundation
import Planner
import TestSupport
import XCTest

/// `vpcpipe --headless FILE --check --live` against the emulated account: what setup.sh would
/// stop on, every problem on its answer in one run, before anything is written; and, when the
/// account cannot be read, one line that says why.
final class LiveCheckTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    private var answers: URL { work.appendingPathComponent("answers.yaml") }

    /// Runs the built vpcpipe with the emulated account's environment, `extra` added.
    private func vpcpipe(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Finished {
        try runProgram(try vpcpipeBinary(), arguments, environment: aws.environment.merging(extra) { $1 }, in: work)
    }

    func testEveryWrongIdIsNamedInOneRunAndNothingIsWritten() throws {
        let network = pipeline.network
        let unused = try aws.text("ec2", "create-route-table", "--vpc-id", network.vpc, "--query", "RouteTable.RouteTableId")
        let missing = "vpc-0aaaaaaaaaaaaaaaa"
        try pipeline.render(replacing: [("vpc: \(network.vpc)", "vpc: \(missing)"), ("- \(network.routeTable)", "- \(unused)")])

        let live = try vpcpipe(["--headless", answers.path, "--check", "--live"])
        XCTAssertEqual(live.status, 1, live.summary)
        // Each on its key's line and column, as the reader's errors are.
        let lines = live.stderr.split(separator: "\n").map(String.init)
        for expected in [
            "error: network.vpc: \(missing) was not found in us-west-2",
            "error: network.subnets[0]: \(network.subnets[0]) is in \(network.vpc), not in network.vpc \(missing)",
            "error: network.route_tables[0]: \(unused) is the route table of none of network.subnets",
        ] {
            let line = try XCTUnwrap(lines.first { $0.contains(": " + expected) }, "missing \(expected) in\n\(live.stderr)")
            let place = line.dropFirst(answers.path.count).prefix { $0 != " " }.split(separator: ":")
            XCTAssertTrue(line.hasPrefix(answers.path + ":") && place.count == 2 && place.allSatisfy { Int($0) != nil }, line)
        }
        XCTAssertTrue(live.stderr.contains("4 errors in account \(pipeline.account)"), live.stderr)

        let out = work.appendingPathComponent("live-out")
        let written = try vpcpipe(["--headless", answers.path, "--out", out.path, "--live"])
        XCTAssertEqual(written.status, 1, written.summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "--out --live wrote despite the account's problems")

        let offline = try vpcpipe(["--headless", answers.path, "--check"])
        XCTAssertEqual(offline.status, 0, offline.summary)
        XCTAssertEqual(offline.stdout, "\(answers.path): valid\n")
    }

    func testTheArticlesAccountPassesAndWithoutLiveNothingIsCalled() async throws {
        let start = try await emulator.calls().count
        let out = work.appendingPathComponent("offline-out")
        XCTAssertEqual(try vpcpipe(["--headless", answers.path, "--check"]).status, 0)
        XCTAssertEqual(try vpcpipe(["--headless", answers.path, "--out", out.path]).status, 0)
        let calls = try await emulator.calls().dropFirst(start)
        XCTAssertEqual(Array(calls), [], "vpcpipe without --live called AWS")

        let live = try vpcpipe(["--headless", answers.path, "--check", "--live"])
        XCTAssertEqual(live.status, 0, live.summary)
        XCTAssertEqual(live.stdout, "\(answers.path): valid; account \(pipeline.account) holds nothing setup.sh would stop on\n")
        let read = try await emulator.calls().dropFirst(start)
        XCTAssertFalse(read.isEmpty)
        let changes = read.filter { call in
            let operation = call.split(separator: ":").last.map(String.init) ?? call
            return !["Describe", "List", "Get", "BatchGet", "Head"].contains { operation.hasPrefix($0) }
        }
        XCTAssertEqual(changes, [], "--live changed the account")

        // With --out, --live prices the plan from the Price List API (the stand-in's $0.0105 an
        // endpoint-hour); without it, from the table.
        let priced = work.appendingPathComponent("live-out")
        let written = try vpcpipe(["--headless", answers.path, "--out", priced.path, "--live"])
        XCTAssertEqual(written.status, 0, written.summary)
        let online = try String(contentsOf: priced.appendingPathComponent("checklist.md"), encoding: .utf8)
        XCTAssertTrue(online.contains("x $0.0105 (online: AWS Price List API, read "), online)
        let offline = try String(contentsOf: out.appendingPathComponent("checklist.md"), encoding: .utf8)
        XCTAssertTrue(offline.contains("x $0.01 (price table of "), offline)
        let priceCalls = try await emulator.calls().dropFirst(start).filter { $0 == "pricing:GetProducts" }
        XCTAssertEqual(priceCalls.count, PriceList.queries(region: "us-west-2").count)
    }

    func testNoCredentialsIsSaidInOneLine() throws {
        var environment = aws.environment
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        let result = try runProgram(try vpcpipeBinary(), ["--headless", answers.path, "--check", "--live"], environment: environment)
        assertUnreadable(result, "no usable AWS credentials: none found for the default profile: run aws configure, aws sso login, or set AWS_PROFILE")
    }

    func testTheEmulationStoppedIsSaidInOneLine() throws {
        emulator.stop()
        let result = try vpcpipe(["--headless", answers.path, "--check", "--live"])
        assertUnreadable(result, "AWS cannot be reached: Could not connect to the endpoint URL")
    }

    func testACallThatHangsIsStoppedAtTheTimeout() throws {
        let silent = try SilentEndpoint()
        let cold = emulator.environment(home: work, warm: false)
        let result = try vpcpipe(["--headless", answers.path, "--check", "--live"],
                                 ["AWS_ENDPOINT_URL": silent.url, "VPCPIPE_AWS_TIMEOUT": "3", "PATH": cold["PATH"]!])
        assertUnreadable(result, "no answer in 3 s while reading the account (aws sts get-caller-identity): the call was stopped")
        XCTAssertLessThan(result.seconds, 30, "the timeout did not stop the call")
        withExtendedLifetime(silent) {}
    }

    /// Exit 69, and after the line saying what it reads, one line saying why it could not.
    private func assertUnreadable(_ result: Finished, _ why: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 69, result.summary, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(lines.last?.hasPrefix("vpcpipe: cannot read the account: \(why)") == true, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
    }
}
