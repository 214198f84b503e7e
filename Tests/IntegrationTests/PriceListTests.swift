import Foundation
import Planner
import TestSupport
import XCTest

/// The Price List API through the AWS CLI, against the emulation's stand-in (products shaped
/// like AWS's, at prices unlike the table's): what the CLI prints becomes the model's unit
/// prices, marked online, and the figures made with them say so; scripts/refresh-prices writes
/// the table from the same calls.
final class PriceListTests: EmulatorTestCase {
    private let date = "2026-12-01"

    /// What each of `PriceList.queries` prints with --output json.
    private func answers(_ region: String) throws -> [String] {
        try PriceList.queries(region: region).map { query in
            let result = try aws.run(Array(query.argv.dropFirst()) + ["--output", "json"])
            XCTAssertEqual(result.status, 0, "\(query.argv): \(result.summary)")
            return result.stdout
        }
    }

    func testTheCLIsAnswersBecomeOnlineFigures() async throws {
        let (prices, problems) = PriceList.unitPrices(try answers("us-west-2"), region: "us-west-2", date: date)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(Set(prices.keys), Set(PriceKey.all))
        XCTAssertTrue(prices.values.allSatisfy { $0.origin == .online(date: date) })
        XCTAssertEqual(prices[.endpointHour]?.usd, 0.0105, "the stand-in's price, not the table's $0.01")
        XCTAssertEqual(prices[.codeArtifact10kRequests]?.usd ?? 0, 0.052, accuracy: 1e-12)
        let calls = try await emulator.calls()
        XCTAssertEqual(calls.filter { $0.hasPrefix("pricing:") },
                       Array(repeating: "pricing:GetProducts", count: PriceList.queries(region: "us-west-2").count))

        let plan = Planner.plan(Article.answers, online: prices)
        let cost = try XCTUnwrap(plan.cost)
        // 4 endpoints x 2 zones x 730 h x $0.0105.
        XCTAssertEqual(CostText.headline(plan),
                       "Standing cost: $61.32 a month, 4 interface endpoints x 2 zones x 730 h x $0.0105 (online: AWS Price List API, read 2026-12-01); the S3 gateway endpoint is free.")
        XCTAssertTrue(cost.usage.allSatisfy { cost.prices[$0.key]?.origin.isOnline == true }, "every usage price online")
        let checklist = try XCTUnwrap(Outputs.render(Article.answers, online: prices).first { $0.path == "checklist.md" }).contents
        XCTAssertTrue(checklist.contains("- Interface endpoint: $0.0105 per interface endpoint per Availability Zone per hour (online: AWS Price List API, read 2026-12-01)"),
                      checklist)
    }

    func testTheStandInPagesAndRefusesWhatTheModelRefuses() throws {
        let all = try aws.json([String].self, "pricing", "get-products", "--service-code", "CodeBuild", "--region", "us-east-1",
                               "--filters", "Type=TERM_MATCH,Field=regionCode,Value=us-west-2", "--query", "PriceList")
        // The CLI pages through 2 at a time and joins the pages.
        let paged = try aws.json([String].self, "pricing", "get-products", "--service-code", "CodeBuild", "--region", "us-east-1",
                                 "--filters", "Type=TERM_MATCH,Field=regionCode,Value=us-west-2", "--page-size", "2", "--query", "PriceList")
        XCTAssertEqual(all.count, 7, "five Linux sizes, Windows and Arm")
        XCTAssertEqual(paged, all)
        let refused = try aws.failure("pricing", "get-products", "--service-code", "CodeBuild", "--region", "us-east-1",
                                      "--filters", "Type=LIKE,Field=regionCode,Value=us-west-2")
        XCTAssertTrue(refused.stderr.contains("ValidationException"), refused.stderr)
    }

    func testRefreshPricesWritesTheTableFromTheAPI() throws {
        let table = work.appendingPathComponent("prices.tsv")
        var environment = emulator.environment(home: work)
        environment["VPCPIPE_PRICES"] = try builtExecutable("vpcpipe-prices")
        let result = try runProgram(repositoryRoot.appendingPathComponent("scripts/refresh-prices").path,
                                    ["--out", table.path, "us-west-2", "eu-central-1"], environment: environment)
        XCTAssertEqual(result.status, 0, result.summary)
        let read = PriceTable.read(try String(contentsOf: table, encoding: .utf8))
        XCTAssertEqual(Set(read.keys), ["us-west-2", "eu-central-1"])
        let frankfurt = try XCTUnwrap(read["eu-central-1"])
        XCTAssertEqual(frankfurt.missing, [])
        XCTAssertEqual(frankfurt[.endpointHour]?.usd, 0.0125)
        XCTAssertEqual(frankfurt[.endpointHour]?.origin.source(.en), PriceList.source)
        XCTAssertEqual(frankfurt[.endpointHour]?.origin.source(.ja), PriceList.source)
        XCTAssertNil(frankfurt[.endpointHour]?.assumption)

        // A region the API has no products for: the table is not written.
        let missing = try runProgram(repositoryRoot.appendingPathComponent("scripts/refresh-prices").path,
                                     ["--out", table.path, "ap-south-1"], environment: environment)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no price for endpoint-hour in ap-south-1"), missing.stderr)
        XCTAssertNotNil(PriceTable.read(try String(contentsOf: table, encoding: .utf8))["us-west-2"], "the table written before stays")
    }
}
