import Foundation
import Planner
import TestSupport
import VpcpipeResources
import XCTest

/// The cost model against figures computed by hand: the article's plan in three regions of the
/// table, then the variations that change it (endpoints ticked as existing, more zones, V1,
/// another compute type, no CloudWatch log). A month is 730 hours; the example's 10 builds a
/// day are 10 x 730 / 24 = 304.1667 builds.
final class CostTests: XCTestCase {
    private func estimate(_ answers: Answers = Article.answers, region: String? = nil,
                          file: StaticString = #filePath, line: UInt = #line) throws -> Estimate {
        var answers = answers
        if let region { answers.region = region }
        return try XCTUnwrap(Planner.plan(answers).cost, "no estimate for \(answers.region)", file: file, line: line)
    }

    private func assertMoney(_ actual: Double, _ expected: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual, expected, accuracy: 1e-6, what, file: file, line: line)
    }

    private func savings(_ e: Estimate) -> [Saving.Kind: Double] {
        Dictionary(uniqueKeysWithValues: e.savings.map { ($0.kind, $0.monthly) })
    }

    func testTheArticlesPlanInUsWest2() throws {
        let e = try estimate()
        XCTAssertEqual(e.created, [.logs, .codeartifactAPI, .codeartifactRepositories, .sts])
        XCTAssertEqual(e.existing, [])
        XCTAssertEqual(e.zones, 2)
        XCTAssertTrue(e.gateway)
        // 4 endpoints x 2 zones x 730 h x $0.01.
        assertMoney(e.standingMonthly, 58.40, "standing")
        assertMoney(e.perEndpointMonthly, 14.60, "one endpoint in both zones")
        let usage = Dictionary(uniqueKeysWithValues: e.usage.map { ($0.key, $0.monthly) })
        assertMoney(usage[.buildMinute("BUILD_GENERAL1_SMALL")]!, 1520.8333333 * 0.005, "304.17 builds x 5 minutes x $0.005")
        assertMoney(usage[.pipelineV2ActionMinute]!, 3.65, "304.17 runs x 6 action minutes x $0.002")
        assertMoney(usage[.endpointGB]!, 0.3041666667, "30.42 GB x $0.01")
        assertMoney(usage[.logsIngestionGB]!, 0.1520833333, "0.3042 GB x $0.50")
        assertMoney(usage[.codeArtifactGBMonth]!, 0.05, "1 GB x $0.05")
        assertMoney(usage[.codeArtifact10kRequests]!, 0.7604166667, "152,083 requests x $0.05 / 10,000")
        assertMoney(e.usageMonthly, 12.5208333333, "the example's month")
        assertEqual(savings(e), [.existingEndpoint: 14.60, .fewerZones: 29.20, .noSTS: 14.60], accuracyOf: 1e-6)
        XCTAssertEqual(CostText.standing(e),
                       "Standing cost: $58.40 a month, 4 interface endpoints x 2 zones x 730 h x $0.01 (price table of 2026-11-30); the S3 gateway endpoint is free.")
        XCTAssertEqual(CostText.money(e.usageMonthly), "$12.52")
    }

    func testTheArticlesPlanInEuCentral1() throws {
        let e = try estimate(region: "eu-central-1")
        // 4 x 2 x 730 x $0.012.
        assertMoney(e.standingMonthly, 70.08, "standing")
        assertEqual(savings(e), [.existingEndpoint: 17.52, .fewerZones: 35.04, .noSTS: 17.52], accuracyOf: 1e-6)
        // Logs at $0.63 a GB: 0.3042 GB is $0.191625.
        assertMoney(e.usageMonthly, 7.6041666667 + 3.65 + 0.3041666667 + 0.191625 + 0.05 + 0.7604166667, "the example's month")
        XCTAssertEqual(CostText.money(e.standingMonthly + e.usageMonthly), "$82.64")
    }

    func testTheArticlesPlanInApNortheast1() throws {
        let e = try estimate(region: "ap-northeast-1")
        // 4 x 2 x 730 x $0.014.
        assertMoney(e.standingMonthly, 81.76, "standing")
        assertEqual(savings(e), [.existingEndpoint: 20.44, .fewerZones: 40.88, .noSTS: 20.44], accuracyOf: 1e-6)
        // Logs at $0.76 a GB: 0.3042 GB is $0.231167.
        assertMoney(e.usageMonthly, 12.5208333333 - 0.1520833333 + 0.2311666667, "the example's month")
    }

    func testExistingEndpointsMoreZonesV1AndALargerBuild() throws {
        var answers = Article.answers
        answers.endpoints.existing = [.sts, .logs]
        answers.network.subnets.append("subnet-0aaaaaaaaaaaaaaa1")
        answers.pipeline.type = .v1
        answers.build.computeType = "BUILD_GENERAL1_LARGE"
        let e = try estimate(answers)
        XCTAssertEqual(e.created, [.codeartifactAPI, .codeartifactRepositories])
        XCTAssertEqual(e.existing, [.sts, .logs], "in the order the answers list them")
        XCTAssertEqual(e.zones, 3)
        // 2 endpoints x 3 zones x 730 h x $0.01.
        assertMoney(e.standingMonthly, 43.80, "standing")
        // One endpoint fewer is 3 x 730 x $0.01; one zone fewer 2 x 730 x $0.01; no sts saving: it is not created.
        assertEqual(savings(e), [.existingEndpoint: 21.90, .listedExisting: 43.80, .fewerZones: 14.60], accuracyOf: 1e-6)
        // 1,520.83 minutes x $0.02, one active V1 pipeline at $1.
        assertMoney(e.usageMonthly, 30.4166666667 + 1 + 0.3041666667 + 0.1520833333 + 0.05 + 0.7604166667, "the example's month")
        let texts = e.savings.map { CostText.saving($0, e) }
        XCTAssertEqual(texts[1], "Ticked as existing, not created: sts, logs: $43.80 a month saved.")
        XCTAssertEqual(texts[2], "One zone fewer: $14.60 a month less; 2 zones, not 3, to ride out an outage.")
    }

    func testNoCloudWatchLogNoLogsEndpointNoIngestion() throws {
        var answers = Article.answers
        answers.build.logs = .none
        let e = try estimate(answers)
        XCTAssertEqual(e.created, [.codeartifactAPI, .codeartifactRepositories, .sts])
        assertMoney(e.standingMonthly, 43.80, "3 x 2 x 730 x $0.01")
        XCTAssertFalse(e.usage.contains { $0.key == .logsIngestionGB })
    }

    func testOneZoneSaysWhatItRisks() throws {
        var answers = Article.answers
        answers.network.subnets = [answers.network.subnets[0]]
        let e = try estimate(answers)
        assertMoney(e.standingMonthly, 29.20, "4 x 1 x 730 x $0.01")
        XCTAssertNil(e.savings.first { $0.kind == .fewerZones }, "no zone fewer than one")
        answers.network.subnets = Article.answers.network.subnets
        let two = try estimate(answers)
        XCTAssertEqual(CostText.saving(two.savings.first { $0.kind == .fewerZones }!, two),
                       "One zone only: $29.20 a month less; while it is down, nothing builds.")
    }

    func testARegionWithoutPricesHasNoEstimate() {
        var answers = Article.answers
        answers.region = "ca-central-1"
        XCTAssertNil(Planner.plan(answers).cost)
    }

    // MARK: The table

    func testTheTableHasEveryPriceOfEveryRegionTheCatalogOffers() throws {
        XCTAssertEqual(Set(Catalog.prices.keys), Set(Catalog.codeArtifactRegions), "the table's regions")
        for region in Catalog.codeArtifactRegions {
            let prices = try XCTUnwrap(Catalog.prices[region], region)
            XCTAssertEqual(prices.missing, [], "\(region) lacks these prices")
            for (key, price) in prices.prices {
                XCTAssertGreaterThan(price.usd, 0, "\(region) \(key.rawValue)")
                guard case .table(let date, let source) = price.origin else { return XCTFail("\(region) \(key.rawValue) is not the table's") }
                XCTAssertNotNil(date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/), "\(region) \(key.rawValue): date \(date)")
                XCTAssertFalse(source.text(.en).isEmpty, "\(region) \(key.rawValue) names no source")
                // Its Japanese has Japanese words around the names of pages and usage types.
                XCTAssertNotNil(source.text(.ja).firstMatch(of: /\p{Han}|\p{Hiragana}|\p{Katakana}/), "\(region) \(key.rawValue): \(source.text(.ja))")
                XCTAssertNil(source.text(.ja).firstMatch(of: /quoted|secondary|stated|minutes|standard|estimate|matching/), "\(region) \(key.rawValue): \(source.text(.ja))")
            }
        }
    }

    /// A unit price's source and assumption are said in the checklist's language, as its words.
    func testTheSourcesAndAssumptionsInJapanese() throws {
        let west = try XCTUnwrap(Catalog.prices["us-west-2"]), east = try XCTUnwrap(Catalog.prices["us-east-1"])
        XCTAssertEqual(CostText.unitPrice(.logsIngestionGB, try XCTUnwrap(west[.logsIngestionGB]), .ja),
                       "CloudWatch Logs の取り込み: 取り込み 1 GB あたり $0.50 (2026-11-30 時点の価格表、出典: aws.amazon.com/cloudwatch/pricing、標準ログクラス (2026 年 6 月に確認)。us-west-2 の価格が見つからないため、us-east-1 の価格を想定)")
        XCTAssertEqual(CostText.unitPrice(.logsIngestionGB, try XCTUnwrap(west[.logsIngestionGB]), .en),
                       "CloudWatch Logs ingestion: $0.50 per GB ingested (price table of 2026-11-30; aws.amazon.com/cloudwatch/pricing, standard log class (quoted June 2026); assumed: us-east-1's figure, none was found for us-west-2)")
        let largest = PriceKey.buildMinute("BUILD_GENERAL1_2XLARGE")
        XCTAssertEqual(CostText.unitPrice(largest, try XCTUnwrap(east[largest]), .ja),
                       "CodeBuild BUILD_GENERAL1_2XLARGE、Linux: ビルド 1 分あたり $0.20 (2026-11-30 時点の価格表、出典: aws.amazon.com/codebuild/pricing、オンデマンドの EC2、Linux (二次資料 1 件、2026 年)。二次資料 1 件のみによる未確認の価格を想定)")
        XCTAssertEqual(CostText.unitPrice(largest, try XCTUnwrap(east[largest]), .en),
                       "CodeBuild BUILD_GENERAL1_2XLARGE, Linux: $0.20 per build minute (price table of 2026-11-30; aws.amazon.com/codebuild/pricing, on-demand EC2, Linux (one secondary quote, 2026); assumed: from a single secondary source, not confirmed)")
        let online = UnitPrice(usd: 0.01, origin: .online(date: "2026-12-01"))
        XCTAssertEqual(CostText.unitPrice(.endpointHour, online, .ja),
                       "インターフェイスエンドポイント: インターフェイスエンドポイント 1 個、アベイラビリティゾーン 1 つ、1 時間あたり $0.01 (オンライン: AWS Price List API、2026-12-01 に取得)")
    }

    func testTheTableIsWrittenAsItIsRead() {
        let written = PriceTable.header + Catalog.codeArtifactRegions.flatMap { PriceTable.rows(Catalog.prices[$0]!) }.joined(separator: "\n") + "\n"
        XCTAssertEqual(written, BundledText.priceTable, "Resources/prices.tsv in the form scripts/refresh-prices writes")
    }

    func testTheTablesDateIsShownOfflineAndTheAPIsOnline() throws {
        let offline = try estimate()
        XCTAssertTrue(CostText.standing(offline).contains("(price table of 2026-11-30)"), CostText.standing(offline))
        let online = [PriceKey.endpointHour: UnitPrice(usd: 0.0105, origin: .online(date: "2026-12-01"))]
        let e = try XCTUnwrap(Planner.plan(Article.answers, online: online).cost)
        assertMoney(e.standingMonthly, 61.32, "4 x 2 x 730 x $0.0105")
        XCTAssertTrue(CostText.standing(e).contains("(online: AWS Price List API, read 2026-12-01)"), CostText.standing(e))
        // The prices the API did not give stay the table's, with its date.
        XCTAssertEqual(e.prices[.endpointGB]?.origin.date, "2026-11-30")
    }

    // MARK: The Price List API's answers

    /// What `aws pricing get-products --output json` prints for each service of the fixture
    /// (Tests/emulation/pricing_products.json, the emulation's products): products as JSON texts.
    private func outputs(_ products: [[String: Any]]) throws -> [String] {
        let services = Set(products.map { $0["serviceCode"] as! String }).sorted()
        return try services.map { service in
            let list = try products.filter { $0["serviceCode"] as? String == service }
                .map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
            let document: [String: Any] = ["FormatVersion": "aws_v1", "PriceList": list]
            return String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        }
    }

    private func fixture() throws -> [[String: Any]] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/emulation/pricing_products.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    func testTheAPIsProductsBecomeTheModelsUnitPrices() throws {
        let (prices, problems) = PriceList.unitPrices(try outputs(try fixture()), region: "us-west-2", date: "2026-12-01")
        XCTAssertEqual(problems, [])
        let expected: [PriceKey: Double] = [
            .endpointHour: 0.0105, .endpointGB: 0.0095,  // the first of three tiers
            .buildMinute("BUILD_GENERAL1_SMALL"): 0.0051, .buildMinute("BUILD_GENERAL1_MEDIUM"): 0.0102,
            .buildMinute("BUILD_GENERAL1_LARGE"): 0.0204, .buildMinute("BUILD_GENERAL1_XLARGE"): 0.0812,
            .buildMinute("BUILD_GENERAL1_2XLARGE"): 0.204,
            .codeArtifactGBMonth: 0.052, .codeArtifact10kRequests: 0.052,  // $0.0000052 a request
            .pipelineV1Month: 1.02, .pipelineV2ActionMinute: 0.00204, .logsIngestionGB: 0.51,
        ]
        assertEqual(prices.mapValues(\.usd), expected, accuracyOf: 1e-12)
        XCTAssertTrue(prices.values.allSatisfy { $0.origin == .online(date: "2026-12-01") })
        // Another region of the same answers takes its own products.
        let frankfurt = PriceList.unitPrices(try outputs(try fixture()), region: "eu-central-1", date: "2026-12-01").prices
        XCTAssertEqual(frankfurt[.endpointHour]?.usd, 0.0125)
    }

    func testProductsThatDisagreeOrAreMissingAreProblemsNotGuesses() throws {
        var products = try fixture()
        var twin = products.first { ($0["product"] as? [String: Any]).flatMap { $0["attributes"] as? [String: String] }?["usagetype"] == "USW2-VpcEndpoint-Hours" }!
        twin = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: twin)) as? [String: Any])
        let text = String(decoding: try JSONSerialization.data(withJSONObject: twin), as: UTF8.self).replacingOccurrences(of: "0.0105000000", with: "0.0200000000")
        products.append(try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
        let (prices, problems) = PriceList.unitPrices(try outputs(products), region: "us-west-2", date: "2026-12-01")
        XCTAssertNil(prices[.endpointHour])
        XCTAssertEqual(problems.map { $0.text(.en) }, ["endpoint-hour in us-west-2 has several prices (0.0105, 0.02): not used"])
        XCTAssertEqual(problems.map { $0.text(.ja) }, ["us-west-2 の endpoint-hour には複数の価格があります (0.0105, 0.02): 使いません"])
        let none = PriceList.unitPrices(try outputs(products), region: "ap-south-1", date: "2026-12-01")
        XCTAssertEqual(none.prices.count, 0)
        XCTAssertEqual(none.problems.count, PriceKey.all.count)
        XCTAssertEqual(none.problems.first?.text(.ja), "ap-south-1 の endpoint-hour の価格がありません (AmazonVPC VpcEndpoint-Hours)")
    }
}

private extension XCTestCase {
    func assertEqual<Key>(_ actual: [Key: Double], _ expected: [Key: Double], accuracyOf accuracy: Double,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(actual.keys), Set(expected.keys), "keys", file: file, line: line)
        for (key, value) in expected {
            XCTAssertEqual(actual[key] ?? .nan, value, accuracy: accuracy, "\(key)", file: file, line: line)
        }
    }
}
