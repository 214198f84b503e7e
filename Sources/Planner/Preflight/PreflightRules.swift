// setup.sh's preflight rules in Swift, for `vpcpipe --check --live` and the wizard: the same
// rules as Resources/scripts/preflight.bash, function for function, on the same rows (the text
// the plan's lookups print, held in variables of the same names) with the same arguments (the
// plan's `.rule` actions), saying the same words (PreflightWords). PreflightParityTests feeds
// both the same rows and compares what they find.

/// A rule of setup.sh's preflight, by its bash function's name.
public enum PreflightRule: String, CaseIterable, Sendable {
    case judgeSubnets = "judge_subnets"
    case judgeRouteTables = "judge_route_tables"
    case endpointGroups = "endpoint_groups"
    case judgeEndpoint = "judge_endpoint"
    case ownRole = "own_role"
    case judgeRole = "judge_role"
    case judgeGroup = "judge_group"
}

/// What an endpoint of a judged service, already in the VPC, is to the plan.
public enum EndpointFinding: Equatable, Sendable {
    /// None of the type the build needs (`other`: the id of one of the other type, left alone).
    case absent(other: String?)
    /// Made by an earlier run of setup.sh (it carries the plan's tag).
    case ours(id: String)
    /// Someone else's, and the build can use it as it is.
    case fit(id: String)
    /// Someone else's that the build cannot use: what to change, as preflight says it, in no
    /// language yet.
    case unfit(id: String, problems: [Wording])
}

/// The state preflight keeps while it judges: bash's variables, and what the rules found.
struct PreflightRun {
    let region: String
    let account: String
    /// The plan's name: what vpcpipe made carries the tag vpcpipe=NAME.
    let planTag: String
    /// The plan's policies, whose requests an endpoint's policy must allow: setup.sh is given
    /// them in the answers' language (judge_endpoint's REQUESTS, the rule's `said`); Swift says
    /// them in every one.
    let policies: Policies
    /// The rows of the lookups and what the rules set, by variable name, as bash holds them.
    var variables: [String: String] = [:]
    var problems: [Diagnostic] = []
    var notes: [Wording] = []
    var endpoints: [String: EndpointFinding] = [:]
    /// network.vpc, once judge_subnets has run.
    private var planVPC = ""

    init(region: String, account: String, planTag: String, policies: Policies) {
        self.region = region; self.account = account; self.planTag = planTag; self.policies = policies
    }

    mutating func apply(_ rule: PreflightRule, _ arguments: [String]) {
        let argument = { (index: Int) in arguments.indices.contains(index) ? arguments[index] : "" }
        switch rule {
        case .judgeSubnets: judgeSubnets(vpc: argument(0), subnets: Array(arguments.dropFirst()))
        case .judgeRouteTables: judgeRouteTables(arguments)
        case .endpointGroups: endpointGroups()
        case .judgeEndpoint:
            judgeEndpoint(name: argument(0), service: argument(1), type: argument(2), mode: argument(3), dns: argument(4),
                          group: argument(5))
        case .ownRole: ownRole(variable: argument(0), arn: argument(1))
        case .judgeRole:
            judgeRole(key: argument(0), arn: argument(1), service: argument(2), file: argument(3), variable: argument(4))
        case .judgeGroup: judgeGroup(argument(0), vpc: argument(1))
        }
    }

    // MARK: Rows, as bash's `read` splits them

    /// The rows of a variable, each split at tabs (bash's IFS=$'\t' drops empty fields).
    func rows(_ variable: String) -> [[String]] {
        (variables[variable] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t").map(String.init)
        }
    }

    /// The first row whose first field is `key` (row_of).
    func row(_ variable: String, _ key: String) -> [String]? {
        rows(variable).first { $0.first == key }
    }

    /// Field `index` of a row, the last one taking the rest as bash's `read` does.
    private static func field(_ row: [String], _ index: Int, last: Bool = false) -> String {
        guard row.indices.contains(index) else { return "" }
        return last ? row[index...].joined(separator: "\t") : row[index]
    }

    private mutating func problem(_ key: String, _ words: Wording) { problems.append(.error(key, words)) }

    // MARK: The rules

    private mutating func judgeSubnets(vpc: String, subnets: [String]) {
        planVPC = vpc
        if (variables["ROUTE_TABLES"] ?? "").isEmpty {
            problem("network.vpc", PreflightWords.vpcMissing.text(vpc, region))
        }
        var firstOfZone: [String: String] = [:], chosen: [String] = []
        for (index, subnet) in subnets.enumerated() {
            let key = "network.subnets[\(index)]"
            guard let row = row("SUBNETS", subnet) else {
                problem(key, PreflightWords.subnetMissing.text(subnet, region))
                continue
            }
            let subnetVPC = Self.field(row, 1), zone = Self.field(row, 2)
            if subnetVPC != vpc {
                problem(key, PreflightWords.subnetElsewhere.text(subnet, subnetVPC, vpc))
            } else if let first = firstOfZone[zone] {
                notes.append(PreflightWords.zoneShared.text(subnet, zone, first))
            } else {
                firstOfZone[zone] = subnet
                chosen.append(subnet)
                for offer in rows("ENDPOINT_ZONES") {
                    let service = Self.field(offer, 0), zones = Self.field(offer, 1, last: true)
                    if !service.isEmpty && !" \(zones) ".contains(" \(zone) ") {
                        problem(key, PreflightWords.zoneNotOffered.text(subnet, zone, service, zones))
                    }
                }
            }
        }
        variables["ENDPOINT_SUBNETS"] = "[" + chosen.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    /// The route table a subnet uses: the one associated with it, else the VPC's main table.
    private func table(of subnet: String) -> String {
        var main = ""
        for row in rows("ROUTE_TABLES") {
            let id = Self.field(row, 0), mains = Self.field(row, 1), associated = Self.field(row, 2, last: true)
            if " \(associated) ".contains(" \(subnet) ") { return id }
            if !mains.isEmpty && mains != "0" { main = id }
        }
        return main
    }

    /// The subnets found in the VPC, in the order of their rows.
    private var vpcSubnets: [[String]] { rows("SUBNETS").filter { Self.field($0, 1) == planVPC } }

    /// Each route table the subnets found in the VPC use, once.
    private var subnetTables: [String] {
        var tables: [String] = []
        for row in vpcSubnets {
            let table = table(of: Self.field(row, 0))
            if !table.isEmpty && !tables.contains(table) { tables.append(table) }
        }
        return tables
    }

    private mutating func judgeRouteTables(_ given: [String]) {
        let used = subnetTables
        for (index, table) in given.enumerated() where !used.contains(table) {
            problem("network.route_tables[\(index)]", used.isEmpty ? PreflightWords.tableUnusedByNone.text(table)
                    : PreflightWords.tableUnused.text(table, used.joined(separator: " ")))
        }
        for table in used where !given.contains(table) {
            let subnets = vpcSubnets.map { Self.field($0, 0) }.filter { self.table(of: $0) == table }
            problem("network.route_tables", PreflightWords.tableMissing.text { [table, subnets.joined(separator: Phrase.listAnd.text($0))] })
        }
    }

    private mutating func endpointGroups() {
        variables["ENDPOINT_GROUPS"] = rows("ENDPOINTS").map { Self.field($0, 3) }.filter { !$0.isEmpty && $0 != "none" }
            .map { $0.replacingOccurrences(of: " ", with: ",") }.joined(separator: ",")
    }

    private mutating func judgeEndpoint(name: String, service: String, type: String, mode: String, dns: String, group: String) {
        let other = type == "Gateway" ? "Interface" : "Gateway"
        guard let row = row("ENDPOINTS", "\(service)/\(type)") else {
            let otherID = row("ENDPOINTS", "\(service)/\(other)").map { Self.field($0, 1) }
            if let otherID { notes.append(PreflightWords.otherType.text(otherID, other, service, type)) }
            if mode == "existing" { problem("endpoints.existing", PreflightWords.existingMissing.text(name, type, service)) }
            endpoints[name] = .absent(other: otherID)
            return
        }
        let id = Self.field(row, 1), privateDNS = Self.field(row, 2), groups = Self.field(row, 3)
        let tables = Self.field(row, 4), tag = Self.field(row, 5, last: true)
        guard tag != planTag else { endpoints[name] = .ours(id: id); return }
        guard let judged = EndpointService(rawValue: name) else { preconditionFailure("judge_endpoint of \(name)") }
        notes.append(EndpointPolicyCheck.unread(judged, id: id, serviceName: service, policies, account: account))
        var found: [Wording] = []
        if type == "Gateway" {
            for table in subnetTables where !" \(tables) ".contains(" \(table) ") {
                found.append(PreflightWords.gatewayOffTable.text(id, service, table))
            }
        } else {
            if dns == "true" && privateDNS != "True" { found.append(PreflightWords.privateDNSOff.text(id, service)) }
            if !admits(groups: groups, buildGroup: group) {
                found.append(group.isEmpty ? PreflightWords.notAdmittingBuildGroup.text(id, service, groups)
                             : PreflightWords.notAdmitting.text(id, service, groups, group))
            }
        }
        for words in found { problem("endpoints", words) }
        endpoints[name] = found.isEmpty ? .fit(id: id) : .unfit(id: id, problems: found)
    }

    /// Whether an inbound rule of `groups` lets HTTPS in from the build: from its security
    /// group, or from a range holding each of its subnets.
    private func admits(groups: String, buildGroup: String) -> Bool {
        let rules = rows("ENDPOINT_RULES")
        return vpcSubnets.allSatisfy { subnet in
            let subnetRange = Self.field(subnet, 3, last: true)
            return rules.contains { rule in
                let ruleGroup = Self.field(rule, 0), ipProtocol = Self.field(rule, 1)
                guard !ruleGroup.isEmpty, " \(groups) ".contains(" \(ruleGroup) ") else { return false }
                switch ipProtocol {
                case "-1": break
                case "tcp", "6":
                    if let from = Int(Self.field(rule, 2)), from > 443 { return false }
                    if let to = Int(Self.field(rule, 3)), to < 443 { return false }
                default: return false
                }
                let range = Self.field(rule, 4), source = Self.field(rule, 5, last: true)
                return (!buildGroup.isEmpty && source == buildGroup) || (range != "none" && Self.holds(range, subnetRange))
            }
        }
    }

    /// True when the IPv4 range `outer` holds all of `inner`.
    static func holds(_ outer: String, _ inner: String) -> Bool {
        func parse(_ range: String) -> (address: UInt64, bits: Int)? {
            let parts = range.split(separator: "/")
            guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits) else { return nil }
            let octets = parts[0].split(separator: ".").compactMap { UInt64($0) }
            guard octets.count == 4 else { return nil }
            return (octets.reduce(0) { $0 << 8 | $1 }, bits)
        }
        guard let outer = parse(outer), let inner = parse(inner), inner.bits >= outer.bits else { return false }
        let mask = (UInt64(0xFFFF_FFFF) << UInt64(32 - outer.bits)) & 0xFFFF_FFFF
        return outer.address & mask == inner.address & mask
    }

    private mutating func ownRole(variable: String, arn: String) {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let owner = fields.count > 4 ? String(fields[4]) : "", resource = fields.count > 5 ? String(fields[5]) : ""
        variables[variable] = owner == account ? String(resource.split(separator: "/").last ?? "") : ""
    }

    private mutating func judgeRole(key: String, arn: String, service: String, file: String, variable: String) {
        let name = variables[variable] ?? ""
        guard !name.isEmpty else {
            notes.append(PreflightWords.roleElsewhere.text(arn, account, service))
            return
        }
        guard let row = row(variable + "_TRUST", name) else {
            problem(key, PreflightWords.roleMissing.text(arn, account))
            return
        }
        let services = Self.field(row, 1, last: true)
        if !" \(services) ".contains(" \(service) ") {
            problem(key, services.isEmpty ? PreflightWords.roleTrustsNone.text(arn, service, file)
                    : PreflightWords.roleDistrusts.text(arn, service, services, file))
        }
    }

    private mutating func judgeGroup(_ group: String, vpc: String) {
        guard let row = row("GIVEN_GROUP", group) else {
            problem("network.security_group", PreflightWords.groupMissing.text(group, region))
            return
        }
        let found = Self.field(row, 1)
        if found != vpc { problem("network.security_group", PreflightWords.groupElsewhere.text(group, found, vpc)) }
    }
}
