// The words of setup.sh's preflight, declared once: each problem and note its rules can find.
// Swift's rules (PreflightRules) say them with `text`; setup.sh says them through bash
// functions made from the same declarations (`PreflightWords.bash`, pasted before
// Resources/scripts/preflight.bash), so the two cannot word a problem differently.

/// One problem or note: a template whose `{name}`s are filled in order of first appearance.
public struct PreflightWords: Sendable {
    enum Kind: Sendable { case problem, note }

    let kind: Kind
    /// The bash function that says it: `problem_subnet_elsewhere KEY SUBNET FOUND VPC`.
    let function: String
    let template: String

    init(_ kind: Kind, _ function: String, _ template: String) {
        self.kind = kind
        self.function = (kind == .problem ? "problem_" : "note_") + function
        self.template = template
    }

    /// The template's parameters, in order of first appearance.
    var parameters: [String] { TextTemplate(template).placeholders }

    /// The words with `values` in place of the parameters, in their order.
    func text(_ values: String...) -> String {
        let names = parameters
        precondition(values.count == names.count, "\(function) takes \(names)")
        return TextTemplate(template).filled { name, _ in values[names.firstIndex(of: name)!] }
    }

    /// `problem_NAME() { problem "$1" "..."; }`: a problem's key first, then the parameters.
    var bashFunction: String {
        let first = kind == .problem ? 2 : 1
        let names = parameters
        let body = TextTemplate(template).filled(literal: Shell.doubleQuoted) { name, _ in "${\(names.firstIndex(of: name)! + first)}" }
        let usage = (kind == .problem ? ["KEY"] : []) + names.map { $0.uppercased() }
        return "# \(function) \(usage.joined(separator: " "))\n"
            + "\(function)() { \(kind == .problem ? "problem \"$1\"" : "note") \"\(body)\"; }"
    }
}

extension PreflightWords {
    static let vpcMissing = PreflightWords(.problem, "vpc_missing", "{vpc} was not found in {region} (no route table belongs to it)")
    static let subnetMissing = PreflightWords(.problem, "subnet_missing", "{subnet} was not found in {region}")
    static let subnetElsewhere = PreflightWords(.problem, "subnet_elsewhere", "{subnet} is in {found}, not in network.vpc {vpc}")
    static let zoneShared = PreflightWords(.note, "zone_shared",
        "{subnet} is in {zone}, as {first} is: the build uses both, the interface endpoints only {first} (one subnet per Availability Zone)")
    static let zoneNotOffered = PreflightWords(.problem, "zone_not_offered",
        "{subnet} is in {zone}, where {service} has no endpoint (it is offered in {zones}): use a subnet of another zone")
    static let tableUnused = PreflightWords(.problem, "table_unused",
        "{table} is the route table of none of network.subnets (they use {used}): the S3 gateway endpoint would not reach the build")
    static let tableMissing = PreflightWords(.problem, "table_missing",
        "{table}, the route table of {subnets}, is missing: add it, or the build there cannot reach S3")
    static let otherType = PreflightWords(.note, "other_type",
        "{id} is an {other} endpoint of {service}, not the {type} endpoint the build needs; it is left as it is")
    static let existingMissing = PreflightWords(.problem, "existing_missing",
        "lists {name}, but the VPC has no {type} endpoint of {service}: remove {name} from the list and setup.sh creates one")
    static let gatewayOffTable = PreflightWords(.problem, "gateway_off_table",
        "{id}, the VPC's {service} gateway endpoint, is not on route table {table} that network.subnets use: add it (aws ec2 modify-vpc-endpoint --vpc-endpoint-id {id} --add-route-table-ids {table})")
    static let privateDNSOff = PreflightWords(.problem, "private_dns_off",
        "{id}, the VPC's {service} endpoint, has private DNS off: the build's requests to its usual host name do not reach it, and no second endpoint with private DNS can be made beside it; turn it on (aws ec2 modify-vpc-endpoint --vpc-endpoint-id {id} --private-dns-enabled)")
    static let notAdmitting = PreflightWords(.problem, "not_admitting",
        "{id}, the VPC's {service} endpoint, does not admit HTTPS (tcp 443) from the build: its security groups ({groups}) need an inbound rule from {group} or from the build's subnets")
    static let policyUnread = PreflightWords(.note, "policy_unread",
        "{id}, the VPC's {service} endpoint, is used as it is, and setup.sh does not read its policy: it must allow the build's requests ({requests}), or they are denied through it")
    /// Said by vpcpipe only (`--live`, the wizard), which reads the policy setup.sh cannot.
    static let policyRefuses = PreflightWords(.problem, "policy_refuses",
        "{id}, the VPC's {service} endpoint, has a policy that does not allow the build's {refused}: its owner must allow them (the build needs {requests}); setup.sh never changes an endpoint it did not make")
    static let roleElsewhere = PreflightWords(.note, "role_elsewhere",
        "{arn} is not a role of account {account}: whether it exists and trusts {service} is not read")
    static let roleMissing = PreflightWords(.problem, "role_missing", "{arn} was not found in account {account}")
    static let roleDistrusts = PreflightWords(.problem, "role_distrusts",
        "{arn} does not trust {service} (its trust policy allows {services}): {service} cannot assume it; allow it as policies/{file} does")
    static let groupMissing = PreflightWords(.problem, "group_missing", "{group} was not found in {region}")
    static let groupElsewhere = PreflightWords(.problem, "group_elsewhere", "{group} is in {found}, not in network.vpc {vpc}")

    static let all: [PreflightWords] = [
        vpcMissing, subnetMissing, subnetElsewhere, zoneShared, zoneNotOffered, tableUnused, tableMissing, otherType,
        existingMissing, gatewayOffTable, privateDNSOff, notAdmitting, policyUnread, roleElsewhere, roleMissing, roleDistrusts,
        groupMissing, groupElsewhere,
    ]

    /// Every function, for setup.sh, before the rules that call them (not policyRefuses: bash
    /// cannot judge a policy).
    static var bash: String {
        "# The words of preflight's problems and notes, made from vpcpipe's declarations (PreflightWords).\n"
            + all.map(\.bashFunction).joined(separator: "\n") + "\n"
    }
}
