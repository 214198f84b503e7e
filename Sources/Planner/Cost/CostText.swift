import Foundation

// Every sentence about cost, once: the wizard's screens, setup.sh's confirmation, checklist.md
// and plan.json say the same figures with the same words.

public enum CostText {
    /// A total in dollars and cents: `$58.40`, `$1,234.50`.
    public static func money(_ usd: Double) -> String {
        let cents = Int((usd * 100).rounded())
        return "$" + grouped(cents / 100) + "." + String(format: "%02d", cents % 100)
    }

    /// A total as plan.json writes it: `58.40`.
    public static func cents(_ usd: Double) -> String { String(format: "%.2f", (usd * 100).rounded() / 100) }

    /// A unit price as AWS writes it: `$0.01`, `$1.00`, `$0.005`, `$0.0798`.
    public static func price(_ usd: Double) -> String {
        let cents = (usd * 100).rounded()
        return abs(usd * 100 - cents) < 1e-9 ? money(usd) : "$" + decimal(usd)
    }

    /// A number with no more digits than it has: `0.005`, `1`, `0.000005`.
    public static func decimal(_ value: Double) -> String {
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A quantity of the example: `1,520.83`, `1`.
    public static func quantity(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return grouped(hundredths / 100) + (fraction == 0 ? "" : "." + String(format: "%02d", fraction))
    }

    private static func grouped(_ whole: Int) -> String {
        let digits = String(whole)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Where a price comes from, next to the figures made with it.
    public static func origin(_ origin: PriceOrigin) -> String {
        switch origin {
        case .table(let date, _): "price table of \(date)"
        case .online(let date): "online: AWS Price List API, read \(date)"
        }
    }

    /// The unit price with its unit, origin, source and, for an assumption, why.
    public static func unitPrice(_ key: PriceKey, _ price: UnitPrice) -> String {
        var text = "\(key.label): \(self.price(price.usd)) \(key.unit) (\(origin(price.origin))"
        if case .table(_, let source) = price.origin { text += "; \(source)" }
        if !price.assumption.isEmpty { text += "; \(price.assumption)" }
        return text + ")"
    }

    /// The standing cost in one sentence: the one the wizard, setup.sh and checklist.md show.
    public static func standing(_ e: Estimate) -> String {
        let hour = e.endpointHour
        var text = "Standing cost: \(money(e.standingMonthly)) a month"
        if e.created.isEmpty {
            text += ": no interface endpoint is created"
        } else {
            let count = e.created.count
            text += ", \(count) interface endpoint\(count == 1 ? "" : "s") x \(e.zones) zone\(e.zones == 1 ? "" : "s") x 730 h x \(price(hour.usd))"
        }
        text += " (\(origin(hour.origin)))"
        return text + (e.gateway ? "; the S3 gateway endpoint is free." : ".")
    }

    /// Why the zones are what they are: the plan counts one a subnet.
    public static let zones = "Zones: one per subnet of network.subnets; the interface endpoints take one subnet per Availability Zone, so two subnets in one zone cost less than shown, and subnets in fewer zones cost less."

    /// What the STS saving would take.
    public static let sts = "The sample buildspec reads the account with aws sts get-caller-identity, through the sts endpoint; "
        + "with \(accountFromARN): true it reads it from the build's own ARN (CODEBUILD_BUILD_ARN), and no sts endpoint is planned."

    private static let accountFromARN = AnswerSchema.path(\.build.accountFromARN)

    /// When the plan's region or compute type has no price.
    public static func unavailable(region: String) -> String {
        "No cost shown: vpcpipe's price table has no price for \(region) or for what it would need there."
    }

    /// A saving in a line of the wizard's width: what to do, how much, and what it costs else.
    public static func saving(_ saving: Saving, _ e: Estimate) -> String {
        let amount = money(saving.monthly)
        switch saving.kind {
        case .existingEndpoint:
            return "Each endpoint the VPC already has, used as it is: \(amount) a month less."
        case .listedExisting:
            return "Ticked as existing, not created: \(e.existing.map(\.rawValue).joined(separator: ", ")): \(amount) a month saved."
        case .fewerZones:
            let left = e.zones - 1
            return left == 1
                ? "One zone only: \(amount) a month less; while it is down, nothing builds."
                : "One zone fewer: \(amount) a month less; \(left) zones, not \(e.zones), to ride out an outage."
        case .noSTS:
            return "\(accountFromARN): true drops the sts endpoint: \(amount) a month less."
        }
    }

    /// The example's assumptions in one sentence.
    public static func example(_ e: Estimate) -> String {
        let x = e.example
        return "For example, \(x.buildsPerDay) builds a day of \(x.minutesPerBuild) minutes on \(e.usage.first.map { $0.key.label } ?? "CodeBuild") "
            + "(\(quantity(x.buildsPerMonth)) builds in a month of 730 hours), each moving \(decimal(x.endpointGBPerBuild)) GB through the interface endpoints, "
            + "\(decimal(x.logGBPerBuild)) GB of log and \(x.requestsPerBuild) CodeArtifact requests, with \(decimal(x.storedGB)) GB stored in CodeArtifact, "
            + "before any free tier: \(money(e.usageMonthly)) a month on top of the standing cost."
    }

    /// One line of the example: so many units at the unit price.
    public static func usage(_ line: UsageLine, _ e: Estimate) -> String {
        let unit = e.prices[line.key]!
        return "\(line.key.label): \(quantity(line.quantity)) \(line.key.quantityUnit) x \(price(unit.usd)) \(line.key.unit) = \(money(line.monthly))"
    }
}

extension CostText {
    /// The plan's cost in one sentence: its standing cost, or why none is shown.
    public static func headline(_ plan: Plan) -> String {
        plan.cost.map(standing) ?? unavailable(region: plan.answers.region)
    }

    /// Each saving the plan leaves open, with its amount.
    public static func savings(_ plan: Plan) -> [String] {
        plan.cost.map { e in e.savings.map { saving($0, e) } } ?? []
    }

    /// Where the rest is said.
    public static let more = "Usage costs, savings and the source of each price: checklist.md, section What it costs."

    /// checklist.md's section: the standing cost and its savings, the example's usage, and the
    /// unit prices it used, each with its date and source.
    public static func section(_ plan: Plan) -> String {
        guard let e = plan.cost else { return unavailable(region: plan.answers.region) + "\n" }
        var out = standing(e) + "\n- " + zones + "\n"
        out += savings(plan).map { "- " + $0 + "\n" }.joined()
        if e.savings.contains(where: { $0.kind == .noSTS }) { out += "- " + sts + "\n" }
        out += "\n" + example(e) + "\n" + e.usage.map { "- " + usage($0, e) + "\n" }.joined()
        out += "\nUnit prices in \(e.prices.region), in USD:\n"
        out += ([.endpointHour] + e.usage.map(\.key)).map { "- " + unitPrice($0, e.prices[$0]!) + "\n" }.joined()
        return out
    }
}
