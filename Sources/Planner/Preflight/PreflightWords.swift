// The words of setup.sh's preflight, declared once: each problem and note its rules can find.
// Swift's rules (PreflightRules) say them with `text`, in every language; setup.sh says them, in the
// answers' language, through bash functions made from the same declarations
// (`PreflightWords.bash`, pasted before Resources/scripts/preflight.bash), so the two cannot word
// a problem differently. The words are messages of the catalog (Sources/Planner/Messages).

/// One problem or note: a message whose `{name}`s are filled in the order of their first
/// appearance in English, whatever order a translation puts them in.
public struct PreflightWords: Sendable {
    enum Kind: Sendable { case problem, note }

    let kind: Kind
    /// The bash function that says it: `problem_subnet_elsewhere KEY SUBNET FOUND VPC`.
    let function: String
    let words: Phrase

    init(_ kind: Kind, _ function: String, _ words: Phrase) {
        self.kind = kind
        self.function = (kind == .problem ? "problem_" : "note_") + function
        self.words = words
    }

    /// The template's parameters, in order of first appearance.
    var parameters: [String] { words.template(.en).placeholders }

    /// The words with `values` in place of the parameters, in their order, in every language.
    func text(_ values: String...) -> Wording { text { _ in values } }

    /// The words with the values each language gives (a list joined by its `listAnd`).
    func text(each values: (Language) -> [String]) -> Wording {
        let names = parameters
        return .each { language in
            let values = values(language)
            precondition(values.count == names.count, "\(function) takes \(names)")
            return words.template(language).filled { name, _ in values[names.firstIndex(of: name)!] }
        }
    }

    /// `problem_NAME() { problem "$1" "..."; }`: a problem's key first, then the parameters, the
    /// words in `language`.
    func bashFunction(_ language: Language) -> String {
        let first = kind == .problem ? 2 : 1
        let names = parameters
        let body = words.template(language).filled(literal: Shell.doubleQuoted) { name, _ in "${\(names.firstIndex(of: name)! + first)}" }
        let usage = (kind == .problem ? ["KEY"] : []) + names.map { $0.uppercased() }
        return "# \(function) \(usage.joined(separator: " "))\n"
            + "\(function)() { \(kind == .problem ? "problem \"$1\"" : "note") \"\(body)\"; }"
    }
}

extension PreflightWords {
    static let vpcMissing = PreflightWords(.problem, "vpc_missing", .preflightVpcMissing)
    static let subnetMissing = PreflightWords(.problem, "subnet_missing", .preflightSubnetMissing)
    static let subnetElsewhere = PreflightWords(.problem, "subnet_elsewhere", .preflightSubnetElsewhere)
    static let zoneShared = PreflightWords(.note, "zone_shared", .preflightZoneShared)
    static let zoneNotOffered = PreflightWords(.problem, "zone_not_offered", .preflightZoneNotOffered)
    static let tableUnused = PreflightWords(.problem, "table_unused", .preflightTableUnused)
    static let tableUnusedByNone = PreflightWords(.problem, "table_unused_by_none", .preflightTableUnusedByNone)
    static let tableMissing = PreflightWords(.problem, "table_missing", .preflightTableMissing)
    static let otherType = PreflightWords(.note, "other_type", .preflightOtherType)
    static let existingMissing = PreflightWords(.problem, "existing_missing", .preflightExistingMissing)
    static let gatewayOffTable = PreflightWords(.problem, "gateway_off_table", .preflightGatewayOffTable)
    static let privateDNSOff = PreflightWords(.problem, "private_dns_off", .preflightPrivateDNSOff)
    static let notAdmitting = PreflightWords(.problem, "not_admitting", .preflightNotAdmitting)
    static let notAdmittingBuildGroup = PreflightWords(.problem, "not_admitting_build_group", .preflightNotAdmittingBuildGroup)
    static let policyUnread = PreflightWords(.note, "policy_unread", .preflightPolicyUnread)
    /// Said by vpcpipe only (`--live`, the wizard), which reads the policy setup.sh cannot.
    static let policyRefuses = PreflightWords(.problem, "policy_refuses", .preflightPolicyRefuses)
    static let roleElsewhere = PreflightWords(.note, "role_elsewhere", .preflightRoleElsewhere)
    static let roleMissing = PreflightWords(.problem, "role_missing", .preflightRoleMissing)
    static let roleDistrusts = PreflightWords(.problem, "role_distrusts", .preflightRoleDistrusts)
    static let roleTrustsNone = PreflightWords(.problem, "role_trusts_none", .preflightRoleTrustsNone)
    static let groupMissing = PreflightWords(.problem, "group_missing", .preflightGroupMissing)
    static let groupElsewhere = PreflightWords(.problem, "group_elsewhere", .preflightGroupElsewhere)

    static let all: [PreflightWords] = [
        vpcMissing, subnetMissing, subnetElsewhere, zoneShared, zoneNotOffered, tableUnused, tableUnusedByNone, tableMissing,
        otherType, existingMissing, gatewayOffTable, privateDNSOff, notAdmitting, notAdmittingBuildGroup, policyUnread,
        roleElsewhere, roleMissing, roleDistrusts, roleTrustsNone, groupMissing, groupElsewhere,
    ]

    /// Every function, for setup.sh, before the rules that call them (not policyRefuses: bash
    /// cannot judge a policy).
    static func bash(_ language: Language) -> String {
        "# The words of preflight's problems and notes, made from vpcpipe's declarations (PreflightWords).\n"
            + all.map { $0.bashFunction(language) }.joined(separator: "\n") + "\n"
    }
}
