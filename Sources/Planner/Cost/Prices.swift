// The unit prices the cost model multiplies, each with where it came from and when: the dated
// table of the catalog (Resources/prices.tsv), or AWS's Price List API read online.

/// What one unit price is the price of, in AWS's unit.
public enum PriceKey: Hashable, Sendable {
    /// An interface endpoint, for each Availability Zone it has a subnet in, for an hour.
    case endpointHour
    /// A GB processed by interface endpoints (the first tier: the first PB a month in a region).
    case endpointGB
    /// A build minute on a Linux compute type (`BUILD_GENERAL1_SMALL`).
    case buildMinute(String)
    case codeArtifactGBMonth
    case codeArtifact10kRequests
    /// A V1 pipeline in a month with a change through it (after its first 30 days).
    case pipelineV1Month
    /// A minute of an action of a V2 pipeline, each action rounded up to the minute.
    case pipelineV2ActionMinute
    /// A GB of log events sent to CloudWatch Logs (standard log class).
    case logsIngestionGB

    /// Every price the cost model can need: a table must hold each for each of its regions.
    public static var all: [PriceKey] {
        [.endpointHour, .endpointGB] + Catalog.computeTypes.map(PriceKey.buildMinute)
            + [.codeArtifactGBMonth, .codeArtifact10kRequests, .pipelineV1Month, .pipelineV2ActionMinute, .logsIngestionGB]
    }

    /// Its name in the table and in plan.json: `endpoint-hour`, `build-minute:BUILD_GENERAL1_SMALL`.
    public var rawValue: String {
        switch self {
        case .endpointHour: "endpoint-hour"
        case .endpointGB: "endpoint-gb"
        case .buildMinute(let computeType): "build-minute:" + computeType
        case .codeArtifactGBMonth: "codeartifact-gb-month"
        case .codeArtifact10kRequests: "codeartifact-10k-requests"
        case .pipelineV1Month: "pipeline-v1-month"
        case .pipelineV2ActionMinute: "pipeline-v2-action-minute"
        case .logsIngestionGB: "logs-ingestion-gb"
        }
    }

    public init?(rawValue: String) {
        guard let key = PriceKey.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = key
    }

    /// What is priced, for a person: "Interface endpoint".
    public var label: String {
        switch self {
        case .endpointHour: "Interface endpoint"
        case .endpointGB: "Interface endpoint data"
        case .buildMinute(let computeType): "CodeBuild \(computeType), Linux"
        case .codeArtifactGBMonth: "CodeArtifact storage"
        case .codeArtifact10kRequests: "CodeArtifact requests"
        case .pipelineV1Month: "CodePipeline V1"
        case .pipelineV2ActionMinute: "CodePipeline V2"
        case .logsIngestionGB: "CloudWatch Logs ingestion"
        }
    }

    /// AWS's unit: the price is "$0.01 per interface endpoint per Availability Zone per hour".
    public var unit: String {
        switch self {
        case .endpointHour: "per interface endpoint per Availability Zone per hour"
        case .endpointGB: "per GB processed (the first PB a month in the region)"
        case .buildMinute: "per build minute"
        case .codeArtifactGBMonth: "per GB-month stored"
        case .codeArtifact10kRequests: "per 10,000 requests"
        case .pipelineV1Month: "per active pipeline per month"
        case .pipelineV2ActionMinute: "per action execution minute"
        case .logsIngestionGB: "per GB ingested"
        }
    }

    /// How many units the price is for: CodeArtifact prices requests by the 10,000.
    public var per: Double { self == .codeArtifact10kRequests ? 10_000 : 1 }

    /// What a quantity of it counts: "1,520.83 build minutes".
    public var quantityUnit: String {
        switch self {
        case .endpointHour: "endpoint-hours"
        case .endpointGB, .logsIngestionGB: "GB"
        case .buildMinute: "build minutes"
        case .codeArtifactGBMonth: "GB-months"
        case .codeArtifact10kRequests: "requests"
        case .pipelineV1Month: "active pipeline-months"
        case .pipelineV2ActionMinute: "action minutes"
        }
    }
}

/// Where a unit price came from.
public enum PriceOrigin: Equatable, Sendable {
    /// vpcpipe's dated table: the date it was read, and from where.
    case table(date: String, source: String)
    /// The AWS Price List API (`aws pricing get-products`), read on `date`.
    case online(date: String)

    public var date: String {
        switch self {
        case .table(let date, _), .online(let date): date
        }
    }

    public var isOnline: Bool { if case .online = self { true } else { false } }

    /// Where the figure was read: the table's source, or the API.
    public var source: String { if case .table(_, let source) = self { source } else { PriceList.source } }
}

public struct UnitPrice: Equatable, Sendable {
    public var usd: Double
    public var origin: PriceOrigin
    /// Set where the figure is an assumption (not read for this region): why it was taken.
    public var assumption: String
    public init(usd: Double, origin: PriceOrigin, assumption: String = "") {
        self.usd = usd; self.origin = origin; self.assumption = assumption
    }
}

/// The unit prices of one region.
public struct RegionPrices: Equatable, Sendable {
    public var region: String
    public var prices: [PriceKey: UnitPrice]
    public init(region: String, prices: [PriceKey: UnitPrice]) { self.region = region; self.prices = prices }

    public subscript(_ key: PriceKey) -> UnitPrice? { prices[key] }

    /// These prices with `online` ones in place of the table's where the API gave them.
    public func overriding(with online: [PriceKey: UnitPrice]) -> RegionPrices {
        RegionPrices(region: region, prices: prices.merging(online) { _, new in new })
    }

    /// The keys every table row must cover that these prices lack.
    public var missing: [PriceKey] { PriceKey.all.filter { prices[$0] == nil } }
}
