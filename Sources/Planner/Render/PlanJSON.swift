// plan.json: the plan for review and tools. Its types below are Codable, so a tool reads it
// with any JSON decoder; it is written through `JSONValue` with keys sorted, so the file is
// stable. Commands are argument lists with runtime parts written as `${NAME}`.

public enum PlanJSON {
    /// Goes up when a reader of the previous format would misread plan.json.
    public static let formatVersion = 1

    public static func render(_ plan: Plan) -> String {
        // Strings, booleans, integers, arrays and objects only: nothing the encoding refuses.
        try! JSONValue(encoding: plan.json).document(sortedKeys: true)
    }

    public struct Document: Codable, Equatable, Sendable {
        public var formatVersion: Int
        /// The vpcpipe that wrote the plan.
        public var vpcpipeVersion: String
        public var region: String
        /// The call that learns the account, before step 1.
        public var identity: [String]
        public var endpoints: [Endpoint]
        public var steps: [Step]
        /// What the plan costs; absent where vpcpipe has no price for the region.
        public var cost: Cost?
    }

    /// The cost model's figures (README: What it costs). Amounts are USD as decimal texts, as
    /// AWS's Price List writes prices: "58.40" a month, "0.005" a unit.
    public struct Cost: Codable, Equatable, Sendable {
        public var currency: String
        public var hoursPerMonth: Int
        /// One per subnet of network.subnets (the interface endpoints take one subnet a zone).
        public var zones: Int
        /// The interface endpoints the plan creates, and those the VPC has that it uses.
        public var interfaceEndpoints: [String]
        public var existingEndpoints: [String]
        public var perEndpointMonthly: String
        public var standingMonthly: String
        /// The sentence the wizard, setup.sh and checklist.md show.
        public var standing: String
        public var example: Example
        public var savings: [Saving]
        /// The unit prices used, each with its date and source.
        public var prices: [Price]
    }

    public struct Example: Codable, Equatable, Sendable {
        public var buildsPerDay: Int
        public var minutesPerBuild: Int
        public var endpointGBPerBuild: String
        public var logGBPerBuild: String
        public var requestsPerBuild: Int
        public var storedGB: String
        public var usage: [Usage]
        public var monthly: String
    }

    /// So many units (`quantity`, in the unit its price counts) at a unit price.
    public struct Usage: Codable, Equatable, Sendable {
        public var price: String
        public var quantity: String
        public var monthly: String
    }

    public struct Saving: Codable, Equatable, Sendable {
        public var kind: String
        public var monthly: String
        public var text: String
    }

    public struct Price: Codable, Equatable, Sendable {
        public var key: String
        public var usd: String
        public var unit: String
        public var date: String
        public var source: String
        /// Read from the AWS Price List API, not from vpcpipe's table.
        public var online: Bool
        /// Why the figure was assumed, where it was not read for the region.
        public var assumption: String?
    }

    public struct Endpoint: Codable, Equatable, Sendable {
        public var service: String
        public var planned: Bool
        public var reason: String
    }

    /// As `Planner.Step`, its actions as the lists `create`, `complete`, `always`, `teardown`.
    public struct Step: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var why: String
        public var resources: [Resource]
        public var check: Check?
        public var create: [Action]
        public var complete: [Action]
        public var always: [Action]
        public var teardown: [Action]
        /// What preflight says of a same-named resource vpcpipe did not make (or of one listed
        /// as existing that is missing): the answer to change, and what to do.
        public var foreign: Problem?
    }

    public struct Problem: Codable, Equatable, Sendable {
        public var key: String
        public var advice: String
    }

    public struct Resource: Codable, Equatable, Sendable {
        public var kind: String
        public var name: String
        public var existing: Bool
    }

    public struct Check: Codable, Equatable, Sendable {
        public var command: [String]
        /// The error codes by which the command says the resource is not there.
        public var absent: [String]
        public var mustExist: Bool
        public var capture: String?
        /// Found among the rows of this lookup, at `key`, instead of by `command`.
        public var lookup: String?
        public var key: String?
        public var tag: Tag?
    }

    /// How setup reads the vpcpipe tag of what the check found.
    public enum Tag: Codable, Equatable, Sendable {
        /// `"found"`: the last field of what the check found.
        case found
        /// The call that prints the tag's value.
        case call([String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let command = try? container.decode([String].self) {
                self = .call(command)
            } else if try container.decode(String.self) == "found" {
                self = .found
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a tag is \"found\" or a command")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .found: try container.encode("found")
            case .call(let command): try container.encode(command)
            }
        }
    }

    /// One action; which members it has tells what it does: `command` alone is a call, with
    /// `capture` or `lookup` its output is kept (a lookup's `absent` codes find nothing);
    /// `rule` judges preflight's rows with `arguments` and may set `sets`; `poll` waits; `list`
    /// and `deleteEach` empty a bucket; `ifFound`, `unlessListed` and `ifTagged` run `then` on
    /// a condition.
    public struct Action: Codable, Equatable, Sendable {
        public var command: [String]?
        public var capture: String?
        public var lookup: String?
        public var absent: [String]?
        public var rule: String?
        public var arguments: [String]?
        public var sets: [String]?
        public var poll: [String]?
        public var list: [String]?
        public var deleteEach: [String]?
        public var ifFound: String?
        public var unlessListed: String?
        public var key: String?
        public var ifTagged: [String]?
        public var resource: String?
        public var then: [Action]?

    }
}

// The plan as plan.json has it, written from the plan's side, where its own type names are free.

extension Plan {
    var json: PlanJSON.Document {
        PlanJSON.Document(
            formatVersion: PlanJSON.formatVersion,
            vpcpipeVersion: vpcpipeVersion,
            region: answers.region,
            identity: identity.argv,
            endpoints: endpoints.map { PlanJSON.Endpoint(service: $0.service.rawValue, planned: $0.planned, reason: $0.reason) },
            steps: steps.map(\.json),
            cost: cost.map(\.json)
        )
    }
}

extension Estimate {
    var json: PlanJSON.Cost {
        let keys = [PriceKey.endpointHour] + usage.map(\.key)
        return PlanJSON.Cost(
            currency: "USD", hoursPerMonth: Int(Estimate.hoursPerMonth), zones: zones,
            interfaceEndpoints: created.map(\.rawValue), existingEndpoints: existing.map(\.rawValue),
            perEndpointMonthly: CostText.cents(perEndpointMonthly), standingMonthly: CostText.cents(standingMonthly),
            standing: CostText.standing(self),
            example: PlanJSON.Example(
                buildsPerDay: example.buildsPerDay, minutesPerBuild: example.minutesPerBuild,
                endpointGBPerBuild: CostText.decimal(example.endpointGBPerBuild), logGBPerBuild: CostText.decimal(example.logGBPerBuild),
                requestsPerBuild: example.requestsPerBuild, storedGB: CostText.decimal(example.storedGB),
                usage: usage.map { PlanJSON.Usage(price: $0.key.rawValue, quantity: CostText.decimal($0.quantity), monthly: CostText.cents($0.monthly)) },
                monthly: CostText.cents(usageMonthly)),
            savings: savings.map { PlanJSON.Saving(kind: $0.kind.rawValue, monthly: CostText.cents($0.monthly), text: CostText.saving($0, self)) },
            prices: keys.map { key in
                let price = prices[key]!
                return PlanJSON.Price(key: key.rawValue, usd: CostText.decimal(price.usd), unit: key.unit(.en), date: price.origin.date,
                                      source: price.origin.source(.en), online: price.origin.isOnline,
                                      assumption: price.assumption?.text(.en))
            })
    }
}

extension Step {
    var json: PlanJSON.Step {
        PlanJSON.Step(
            id: id.rawValue, title: title, why: why,
            resources: resources.map { PlanJSON.Resource(kind: $0.kind, name: $0.name.display, existing: $0.existing) },
            check: check.map(\.json),
            create: create.map(\.json), complete: complete.map(\.json), always: always.map(\.json),
            teardown: teardown.map(\.json),
            foreign: foreign.map { PlanJSON.Problem(key: $0.key, advice: $0.advice) }
        )
    }
}

extension Check {
    var json: PlanJSON.Check {
        PlanJSON.Check(command: command.argv, absent: absent, mustExist: mustExist, capture: capture, lookup: listed?.variable,
                       key: listed?.key.display, tag: tag.map { tag in
                           switch tag {
                           case .found: .found
                           case .call(let read): .call(read.argv)
                           }
                       })
    }
}

extension Action {
    var json: PlanJSON.Action {
        switch self {
        case .call(let command): PlanJSON.Action(command: command.argv)
        case .capture(let name, let command): PlanJSON.Action(command: command.argv, capture: name)
        case .lookup(let lookup):
            PlanJSON.Action(command: lookup.command.argv, lookup: lookup.variable, absent: lookup.absent)
        case .rule(let name, let arguments, let sets, let said):
            PlanJSON.Action(rule: name.rawValue, arguments: (arguments + (said[.en].map { [$0] } ?? [])).map(\.display), sets: sets)
        case .awaitEndpoints, .awaitInterfacesGone: PlanJSON.Action(poll: commands[0].argv)
        case .deleteEach(let list, _, let delete): PlanJSON.Action(list: list.argv, deleteEach: delete.argv)
        case .ifFound(let name, let actions): PlanJSON.Action(ifFound: name, then: actions.map(\.json))
        case .unlessListed(let name, let key, let actions):
            PlanJSON.Action(unlessListed: name, key: key.display, then: actions.map(\.json))
        case .ifTagged(let read, let resource, let actions):
            PlanJSON.Action(ifTagged: read.argv, resource: resource.label(.en).display, then: actions.map(\.json))
        }
    }
}
