import Foundation

// Every sentence about cost, once: the wizard's screens, setup.sh's confirmation, checklist.md
// and plan.json say the same figures with the same words, which are messages of the catalog
// (English unless a language is given: plan.json and the wizard; the scripts and checklist.md
// take the answers'). The sources are the price table's, in its English or Japanese.

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
    public static func origin(_ origin: PriceOrigin, _ l: Language = .en) -> String {
        switch origin {
        case .table(let date, _): Phrase.costPriceTable.text(l, ["date": date])
        case .online(let date): Phrase.costOnline.text(l, ["date": date])
        }
    }

    /// The unit price with its unit, origin, the table's source and, for an assumption, why.
    public static func unitPrice(_ key: PriceKey, _ price: UnitPrice, _ l: Language = .en) -> String {
        var values = ["label": key.label(l), "price": self.price(price.usd), "unit": key.unit(l), "origin": origin(price.origin, l)]
        guard case .table(_, let source) = price.origin else { return Phrase.costUnitPrice.text(l, values) }
        values["source"] = source.text(l)
        guard let assumption = price.assumption else { return Phrase.costUnitPriceSource.text(l, values) }
        values["assumption"] = assumption.text(l)
        return Phrase.costUnitPriceAssumed.text(l, values)
    }

    /// The standing cost in one sentence: the one the wizard, setup.sh and checklist.md show.
    public static func standing(_ e: Estimate, _ l: Language = .en) -> String {
        let hour = e.endpointHour
        var values = ["amount": money(e.standingMonthly), "origin": origin(hour.origin, l),
                      "end": (e.gateway ? Phrase.costGatewayFree : .costEnd).text(l)]
        guard !e.created.isEmpty else { return Phrase.costStandingNoEndpoint.text(l, values) }
        values["endpoints"] = (e.created.count == 1 ? Phrase.costOneEndpoint : .costEndpoints).text(l, ["count": String(e.created.count)])
        values["zones"] = (e.zones == 1 ? Phrase.costOneZone : .costZones).text(l, ["count": String(e.zones)])
        values["hourly"] = price(hour.usd)
        return Phrase.costStanding.text(l, values)
    }

    /// Why the zones are what they are: the plan counts one a subnet.
    public static func zones(_ l: Language = .en) -> String { Phrase.costZonesPerSubnet.text(l) }

    /// What the STS saving would take.
    public static func sts(_ l: Language = .en) -> String { Phrase.costSTS.text(l, ["key": accountFromARN]) }

    private static let accountFromARN = AnswerSchema.path(\.build.accountFromARN)

    /// When the plan's region or compute type has no price.
    public static func unavailable(region: String, _ l: Language = .en) -> String {
        Phrase.costUnavailable.text(l, ["region": region])
    }

    /// A saving in a line of the wizard's width: what to do, how much, and what it costs else.
    public static func saving(_ saving: Saving, _ e: Estimate, _ l: Language = .en) -> String {
        let amount = money(saving.monthly)
        switch saving.kind {
        case .existingEndpoint:
            return Phrase.costSavingExisting.text(l, ["amount": amount])
        case .listedExisting:
            return Phrase.costSavingListed.text(l, ["endpoints": e.existing.map(\.rawValue).joined(separator: ", "), "amount": amount])
        case .fewerZones:
            let left = e.zones - 1
            return left == 1
                ? Phrase.costSavingOneZone.text(l, ["amount": amount])
                : Phrase.costSavingFewerZones.text(l, ["amount": amount, "left": String(left), "zones": String(e.zones)])
        case .noSTS:
            return Phrase.costSavingNoSTS.text(l, ["key": accountFromARN, "amount": amount])
        }
    }

    /// The example's assumptions in one sentence.
    public static func example(_ e: Estimate, _ l: Language = .en) -> String {
        let x = e.example
        return Phrase.costExample.text(l, [
            "builds": String(x.buildsPerDay), "minutes": String(x.minutesPerBuild),
            "compute": e.usage.first.map { $0.key.label(l) } ?? "CodeBuild", "month": quantity(x.buildsPerMonth),
            "endpoint_gb": decimal(x.endpointGBPerBuild), "log_gb": decimal(x.logGBPerBuild),
            "requests": String(x.requestsPerBuild), "stored_gb": decimal(x.storedGB), "amount": money(e.usageMonthly),
        ])
    }

    /// One line of the example: so many units at the unit price.
    public static func usage(_ line: UsageLine, _ e: Estimate, _ l: Language = .en) -> String {
        Phrase.costUsage.text(l, ["label": line.key.label(l), "quantity": quantity(line.quantity), "count": line.key.quantityUnit(l),
                                  "price": price(e.prices[line.key]!.usd), "unit": line.key.unit(l), "amount": money(line.monthly)])
    }
}

extension CostText {
    /// The plan's cost in one sentence: its standing cost, or why none is shown.
    public static func headline(_ plan: Plan, _ l: Language = .en) -> String {
        plan.cost.map { standing($0, l) } ?? unavailable(region: plan.answers.region, l)
    }

    /// Each saving the plan leaves open, with its amount.
    public static func savings(_ plan: Plan, _ l: Language = .en) -> [String] {
        plan.cost.map { e in e.savings.map { saving($0, e, l) } } ?? []
    }

    /// Where the rest is said.
    public static func more(_ l: Language = .en) -> String { Phrase.costMore.text(l) }

    /// checklist.md's section, in the answers' language: the standing cost and its savings, the
    /// example's usage, and the unit prices it used, each with its date and source.
    public static func section(_ plan: Plan) -> String {
        let l = plan.answers.language
        guard let e = plan.cost else { return unavailable(region: plan.answers.region, l) + "\n" }
        var out = standing(e, l) + "\n- " + zones(l) + "\n"
        out += savings(plan, l).map { "- " + $0 + "\n" }.joined()
        if e.savings.contains(where: { $0.kind == .noSTS }) { out += "- " + sts(l) + "\n" }
        out += "\n" + example(e, l) + "\n" + e.usage.map { "- " + usage($0, e, l) + "\n" }.joined()
        out += "\n" + Phrase.costUnitPrices.text(l, ["region": e.prices.region]) + "\n"
        out += ([.endpointHour] + e.usage.map(\.key)).map { "- " + unitPrice($0, e.prices[$0]!, l) + "\n" }.joined()
        return out
    }
}
