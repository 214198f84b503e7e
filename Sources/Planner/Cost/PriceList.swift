import Account
import Foundation

// AWS's Price List API, read-only: the `aws pricing get-products` calls that find this model's
// unit prices in a region, and the reading of what they print. The wizard and --headless run
// these calls once discovery may reach the account (see README: What it costs); the table's
// refresh (scripts/refresh-prices) runs them for every region of the catalog.

public enum PriceList {
    /// The source of a figure read from the API, as a refreshed table names it.
    public static let source = "AWS Price List API (aws pricing get-products)"
    /// The API answers in us-east-1 whatever region it prices; `queries` name it.
    public static let endpointRegion = "us-east-1"

    /// Where each unit price is found: the service code, the usage type after its region's
    /// prefix (`USW2-VpcEndpoint-Hours`), and AWS's unit to the model's (per 10,000 requests).
    struct Product {
        let serviceCode: String
        let usageType: String
        var operation: String?
        var scale = 1.0
    }

    static func product(_ key: PriceKey) -> Product {
        switch key {
        case .endpointHour: Product(serviceCode: "AmazonVPC", usageType: "VpcEndpoint-Hours")
        case .endpointGB: Product(serviceCode: "AmazonVPC", usageType: "VpcEndpoint-Bytes")
        case .buildMinute(let computeType):
            // BUILD_GENERAL1_SMALL is general1.small, metered as Build-Min:Linux:g1.small.
            Product(serviceCode: "CodeBuild",
                    usageType: "Build-Min:Linux:g1." + computeType.replacingOccurrences(of: "BUILD_GENERAL1_", with: "").lowercased())
        case .codeArtifactGBMonth: Product(serviceCode: "AWSCodeArtifact", usageType: "TimedStorage-ByteHrs")
        case .codeArtifact10kRequests: Product(serviceCode: "AWSCodeArtifact", usageType: "Requests", scale: 10_000)
        case .pipelineV1Month: Product(serviceCode: "AWSCodePipeline", usageType: "activePipeline")
        case .pipelineV2ActionMinute: Product(serviceCode: "AWSCodePipeline", usageType: "actionExecutionMinute")
        case .logsIngestionGB: Product(serviceCode: "AmazonCloudWatch", usageType: "DataProcessing-Bytes", operation: "PutLogEvents")
        }
    }

    /// The product family that narrows a service's answer, where the service has many.
    private static let families = ["AmazonVPC": "VpcEndpoint", "CodeBuild": "Compute", "AmazonCloudWatch": "Data Payload"]

    /// One call a service, for `region`: complete argument lists after `aws`, `--region` included
    /// (add `--output json` and a profile, nothing else).
    public static func queries(region: String) -> [Command] {
        var services: [String] = []
        for key in PriceKey.all where !services.contains(product(key).serviceCode) { services.append(product(key).serviceCode) }
        return services.map { service in
            let filters = [("regionCode", region)] + (families[service].map { [("productFamily", $0)] } ?? [])
            return Command("pricing", "get-products").with("service-code", .text(service))
                .with("filters", filters.map { Arg.text("Type=TERM_MATCH,Field=\($0.0),Value=\($0.1)") })
                .with("region", .text(endpointRegion))
        }
    }

    /// Reads the unit prices of `region` through the account-reading layer (`reader` set to
    /// `endpointRegion`, which every query names), dated today: the prices found, and what could
    /// not be read (the table's figure is kept for it). Throws the `AccountError` of a call that
    /// failed.
    public static func read(region: String, reader: AWSReading) throws -> (prices: [PriceKey: UnitPrice], problems: [Wording]) {
        var outputs: [String] = []
        for query in queries(region: region) {
            // After `aws`, without its own --region, which the reader adds.
            var call = query
            call.options.removeAll { $0.name == "region" }
            let arguments = call.arguments.map { $0.rendered { _ in "" } }
            outputs.append(try reader.read(AWSCall(arguments, what: "the prices of \(region)") { String(decoding: $0, as: UTF8.self) }))
        }
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        return unitPrices(outputs, region: region, date: today)
    }

    /// The unit prices of `region` in what `queries` printed (each call's JSON), marked as read
    /// online on `date`, and what could not be read. A price is the first paid tier of the
    /// region's product (interface endpoint data: the first PB); products that disagree on it
    /// are a problem, not a guess.
    public static func unitPrices(_ outputs: [String], region: String, date: String) -> (prices: [PriceKey: UnitPrice], problems: [Wording]) {
        var products: [[String: Any]] = []
        var problems: [Wording] = []
        for output in outputs {
            guard let document = json(output), let list = document["PriceList"] as? [Any] else {
                problems.append(.notice(.priceNotJSON, ["output": .verbatim(String(output.prefix(80)))]))
                continue
            }
            // The CLI prints each product as a JSON text (the model's `jsonvalue` strings).
            for item in list {
                if let text = item as? String, let product = json(text) { products.append(product) }
                else if let product = item as? [String: Any] { products.append(product) }
            }
        }
        var prices: [PriceKey: UnitPrice] = [:]
        for key in PriceKey.all {
            let wanted = product(key)
            let found = Set(products.filter { matches($0, wanted, region: region) }.compactMap(firstPaidTier))
            switch found.count {
            case 1: prices[key] = UnitPrice(usd: found.first! * wanted.scale, origin: .online(date: date))
            case 0:
                problems.append(.notice(.priceMissing, ["price": .verbatim(key.rawValue), "region": .verbatim(region),
                                                        "product": .verbatim("\(wanted.serviceCode) \(wanted.usageType)")]))
            default:
                problems.append(.notice(.priceAmbiguous, ["price": .verbatim(key.rawValue), "region": .verbatim(region),
                                                          "prices": .verbatim(found.sorted().map(CostText.decimal).joined(separator: ", "))]))
            }
        }
        return (prices, problems)
    }

    private static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    private static func matches(_ document: [String: Any], _ wanted: Product, region: String) -> Bool {
        guard let product = document["product"] as? [String: Any], let attributes = product["attributes"] as? [String: String],
              (document["serviceCode"] as? String ?? attributes["servicecode"]) == wanted.serviceCode,
              attributes["regionCode"] == region, let usage = attributes["usagetype"] else { return false }
        if let operation = wanted.operation, let actual = attributes["operation"], actual != operation { return false }
        return usage == wanted.usageType || usage.hasSuffix("-" + wanted.usageType)
    }

    /// The USD price of the lowest tier that is not free, of the product's on-demand terms.
    private static func firstPaidTier(_ document: [String: Any]) -> Double? {
        let terms = ((document["terms"] as? [String: Any])?["OnDemand"] as? [String: Any]) ?? [:]
        let dimensions = terms.values.compactMap { ($0 as? [String: Any])?["priceDimensions"] as? [String: Any] }
            .flatMap(\.values).compactMap { $0 as? [String: Any] }
        let paid: [(begin: Double, usd: Double)] = dimensions.compactMap { dimension in
            guard let usd = ((dimension["pricePerUnit"] as? [String: Any])?["USD"] as? String).flatMap(Double.init), usd > 0 else { return nil }
            return (Double(dimension["beginRange"] as? String ?? "0") ?? 0, usd)
        }
        return paid.min { $0.begin < $1.begin }?.usd
    }
}
