// What the plan costs, before anything is created: the standing cost of the interface endpoints
// it creates (billed every hour in every Availability Zone they have a subnet in, whether or not
// a build runs; the S3 gateway is free), the usage costs with a worked example, and the savings
// the operator can choose, each with its amount. Read from the plan's resources and steps; the
// sentences that say it are CostText's.

public struct Estimate: Equatable, Sendable {
    /// AWS's month for hourly prices.
    public static let hoursPerMonth = 730.0

    public var prices: RegionPrices
    /// The zones the interface endpoints are placed in: one per subnet the plan uses. Preflight
    /// keeps one subnet per zone, so two subnets in one zone cost less than this says.
    public var zones: Int
    /// The interface endpoints the plan creates, and those the VPC has that it uses instead.
    public var created: [EndpointService]
    public var existing: [EndpointService]
    /// The S3 gateway endpoint is created (free).
    public var gateway: Bool
    public var example: UsageExample
    public var usage: [UsageLine]
    public var savings: [Saving]

    public var endpointHour: UnitPrice { prices[.endpointHour]! }
    /// One interface endpoint in every zone, for a month.
    public var perEndpointMonthly: Double { endpointHour.usd * Estimate.hoursPerMonth * Double(zones) }
    public var standingMonthly: Double { perEndpointMonthly * Double(created.count) }
    public var usageMonthly: Double { usage.reduce(0) { $0 + $1.monthly } }
}

/// The worked example of usage: what builds a month cost besides the endpoints' hours.
public struct UsageExample: Equatable, Sendable {
    public var buildsPerDay = 10
    public var minutesPerBuild = 5
    /// Packages, tokens and logs through the interface endpoints.
    public var endpointGBPerBuild = 0.1
    public var logGBPerBuild = 0.001
    public var requestsPerBuild = 500
    public var storedGB = 1.0

    public static let standard = UsageExample()

    /// Builds in a month of 730 hours.
    public var buildsPerMonth: Double { Double(buildsPerDay) * Estimate.hoursPerMonth / 24 }
}

/// One usage cost of the example: so many units at a unit price.
public struct UsageLine: Equatable, Sendable {
    public var key: PriceKey
    /// What the example month uses, in `key.quantityUnit(_:)`.
    public var quantity: Double
    public var monthly: Double
}

public struct Saving: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// An endpoint the VPC already has, ticked as existing: it is not created (each).
        case existingEndpoint = "existing-endpoint"
        /// Those ticked already: saved.
        case listedExisting = "listed-existing"
        /// Subnets in one zone fewer.
        case fewerZones = "fewer-zones"
        /// No STS endpoint: build.account_from_arn reads the account from the build's ARN.
        case noSTS = "no-sts"
    }
    public var kind: Kind
    /// USD a month.
    public var monthly: Double
}

public enum Cost {
    /// The estimate of `plan` at `prices`; nil without a price it needs (a region the table
    /// lacks, a compute type with no price).
    public static func estimate(_ plan: Plan, prices: RegionPrices?, example: UsageExample = .standard) -> Estimate? {
        guard let prices, prices[.endpointHour] != nil else { return nil }
        let interfaces: [EndpointService] = plan.steps.compactMap {
            if case .endpoint(let service) = $0.id, !service.isGateway { service } else { nil }
        }
        let used = plan.used
        let subnets = Set(used.filter { $0.answer.map { $0 == \Answers.network.subnets } ?? false }.map(\.name.display))
        let existing = used.filter { $0.answer.map { $0 == \Answers.endpoints.existing } ?? false }.compactMap { resource in
            EndpointService.allCases.first { !$0.isGateway && $0.serviceName(region: plan.answers.region) == resource.name.display }
        }
        var estimate = Estimate(prices: prices, zones: subnets.count, created: interfaces, existing: existing,
                                gateway: plan.step(.endpoint(.s3)) != nil, example: example, usage: [], savings: [])
        guard let usage = usage(plan, prices: prices, example: example) else { return nil }
        estimate.usage = usage
        estimate.savings = savings(estimate)
        return estimate
    }

    /// Builds in a month of the example, each a pipeline run of two actions (the source, about a
    /// minute; the build); the data through the endpoints, the log, CodeArtifact's storage and
    /// requests.
    private static func usage(_ plan: Plan, prices: RegionPrices, example: UsageExample) -> [UsageLine]? {
        let builds = example.buildsPerMonth, minutes = Double(example.minutesPerBuild)
        var quantities: [(PriceKey, Double)] = [(.buildMinute(plan.answers.build.computeType), builds * minutes)]
        quantities.append(plan.answers.pipeline.type == .v1 ? (.pipelineV1Month, 1) : (.pipelineV2ActionMinute, builds * (minutes + 1)))
        quantities.append((.endpointGB, builds * example.endpointGBPerBuild))
        if plan.step(.logGroup) != nil { quantities.append((.logsIngestionGB, builds * example.logGBPerBuild)) }
        quantities += [(.codeArtifactGBMonth, example.storedGB),
                       (.codeArtifact10kRequests, builds * Double(example.requestsPerBuild))]
        var lines: [UsageLine] = []
        for (key, quantity) in quantities {
            guard let price = prices[key] else { return nil }
            lines.append(UsageLine(key: key, quantity: quantity, monthly: quantity / key.per * price.usd))
        }
        return lines
    }

    private static func savings(_ e: Estimate) -> [Saving] {
        var savings: [Saving] = []
        if !e.created.isEmpty { savings.append(Saving(kind: .existingEndpoint, monthly: e.perEndpointMonthly)) }
        if !e.existing.isEmpty { savings.append(Saving(kind: .listedExisting, monthly: e.perEndpointMonthly * Double(e.existing.count))) }
        if e.zones > 1, !e.created.isEmpty {
            savings.append(Saving(kind: .fewerZones, monthly: e.endpointHour.usd * Estimate.hoursPerMonth * Double(e.created.count)))
        }
        if e.created.contains(.sts) { savings.append(Saving(kind: .noSTS, monthly: e.perEndpointMonthly)) }
        return savings
    }
}
