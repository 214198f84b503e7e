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
    public func label(_ l: Language) -> String {
        switch self {
        case .endpointHour: Phrase.priceEndpointHour.text(l)
        case .endpointGB: Phrase.priceEndpointGB.text(l)
        case .buildMinute(let computeType): Phrase.priceBuildMinute.text(l, ["compute": computeType])
        case .codeArtifactGBMonth: Phrase.priceCodeArtifactGBMonth.text(l)
        case .codeArtifact10kRequests: Phrase.priceCodeArtifact10kRequests.text(l)
        case .pipelineV1Month: Phrase.pricePipelineV1Month.text(l)
        case .pipelineV2ActionMinute: Phrase.pricePipelineV2ActionMinute.text(l)
        case .logsIngestionGB: Phrase.priceLogsIngestionGB.text(l)
        }
    }

    /// AWS's unit: the price is "$0.01 per interface endpoint per Availability Zone per hour"
    /// (plan.json's in English).
    public func unit(_ l: Language) -> String {
        switch self {
        case .endpointHour: Phrase.perEndpointHour.text(l)
        case .endpointGB: Phrase.perEndpointGB.text(l)
        case .buildMinute: Phrase.perBuildMinute.text(l)
        case .codeArtifactGBMonth: Phrase.perCodeArtifactGBMonth.text(l)
        case .codeArtifact10kRequests: Phrase.perCodeArtifact10kRequests.text(l)
        case .pipelineV1Month: Phrase.perPipelineV1Month.text(l)
        case .pipelineV2ActionMinute: Phrase.perPipelineV2ActionMinute.text(l)
        case .logsIngestionGB: Phrase.perLogsIngestionGB.text(l)
        }
    }

    /// How many units the price is for: CodeArtifact prices requests by the 10,000.
    public var per: Double { self == .codeArtifact10kRequests ? 10_000 : 1 }

    /// What a quantity of it counts: "1,520.83 build minutes".
    public func quantityUnit(_ l: Language) -> String {
        switch self {
        case .endpointHour: Phrase.countEndpointHours.text(l)
        case .endpointGB, .logsIngestionGB: Phrase.countGB.text(l)
        case .buildMinute: Phrase.countBuildMinutes.text(l)
        case .codeArtifactGBMonth: Phrase.countGBMonths.text(l)
        case .codeArtifact10kRequests: Phrase.countRequests.text(l)
        case .pipelineV1Month: Phrase.countPipelineMonths.text(l)
        case .pipelineV2ActionMinute: Phrase.countActionMinutes.text(l)
        }
    }
}

/// Where a unit price came from.
public enum PriceOrigin: Equatable, Sendable {
    /// vpcpipe's dated table: the date it was read, and from where (a citation, in each language).
    case table(date: String, source: Wording)
    /// The AWS Price List API (`aws pricing get-products`), read on `date`.
    case online(date: String)

    public var date: String {
        switch self {
        case .table(let date, _), .online(let date): date
        }
    }

    public var isOnline: Bool { if case .online = self { true } else { false } }

    /// Where the figure was read, in `language`: the table's source, or the API.
    public func source(_ language: Language) -> String {
        if case .table(_, let source) = self { source.text(language) } else { PriceList.source }
    }
}

/// Why a figure was taken where it was not read for its region.
public enum PriceAssumption: Equatable, Sendable {
    /// Another region's figure, none being found for this one's.
    case otherRegion(from: String, for: String)
    /// A single secondary source's figure, not confirmed.
    case secondarySource

    /// The table's column for a row of `region`: the region whose figure it is, or `secondary`.
    init?(column: String, region: String) {
        switch column {
        case "": return nil
        case "secondary": self = .secondarySource
        default: self = .otherRegion(from: column, for: region)
        }
    }

    var column: String {
        switch self {
        case .otherRegion(let from, _): from
        case .secondarySource: "secondary"
        }
    }

    /// The assumption in `language`'s words.
    public func text(_ language: Language) -> String {
        switch self {
        case .otherRegion(let from, let region): Phrase.costAssumedOtherRegion.text(language, ["from": from, "region": region])
        case .secondarySource: Phrase.costAssumedSecondarySource.text(language)
        }
    }
}

public struct UnitPrice: Equatable, Sendable {
    public var usd: Double
    public var origin: PriceOrigin
    /// Set where the figure is an assumption (not read for this region): why it was taken.
    public var assumption: PriceAssumption?
    public init(usd: Double, origin: PriceOrigin, assumption: PriceAssumption? = nil) {
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
