import Foundation

// A small evaluator of IAM policy documents: it checks the grammar AWS accepts (Version
// 2012-10-17, known elements, condition operators that exist and keys that exist for the
// statement's services) and decides a request as IAM does for one policy: an explicit Deny
// wins, then any Allow, else the request is implicitly denied. The tests ask it whether the
// plan's documents let the build through; preflight asks it about an endpoint already in the
// VPC (`EndpointPolicyCheck`), whose document someone else wrote: read leniently, a condition
// it cannot decide leaves the request undecided rather than denied. Self-contained (Foundation only).

/// Who signs a request.
enum RequestPrincipal: Equatable {
    /// An IAM role or user (a role session is evaluated as its role), by ARN.
    case aws(String)
    /// An AWS service principal, `codebuild.amazonaws.com`.
    case service(String)
    /// A web identity or SAML principal (an EKS pod's OIDC provider): no account of its own yet.
    case federated(String)

    var account: String? {
        if case .aws(let arn) = self { return arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) }
        return nil
    }
}

struct PolicyRequest {
    var principal: RequestPrincipal
    var action: String
    var resource: String
    /// The request context: the global keys derived from the principal and resource, then `extra`.
    var context: [String: [String]]

    /// Whose resource the request acts on, as aws:ResourceAccount carries it.
    enum Owner { case arn, account(String), none }

    /// `owner` is by default the ARN's account field; an S3 ARN names no account, and calls on
    /// `*` act on no resource (`.none`).
    init(_ principal: RequestPrincipal, _ action: String, _ resource: String, owner: Owner = .arn,
         extra: [String: String] = [:]) {
        self.principal = principal
        self.action = action
        self.resource = resource
        var context: [String: [String]] = [:]
        switch principal {
        case .aws(let arn):
            context["aws:principalarn"] = [arn]
            context["aws:principalaccount"] = principal.account.map { [$0] }
            context["aws:principalisawsservice"] = ["false"]
        case .service(let name):
            context["aws:principalservicename"] = [name]
            context["aws:principalisawsservice"] = ["true"]
        case .federated:
            break
        }
        switch owner {
        case .arn:
            let field = resource.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init)
            if let field, !field.isEmpty { context["aws:resourceaccount"] = [field] }
        case .account(let account): context["aws:resourceaccount"] = [account]
        case .none: break
        }
        for (key, value) in extra { context[key.lowercased()] = [value] }
        self.context = context
    }
}

enum PolicyDecision: Equatable {
    case allow, explicitDeny, implicitDeny
    /// A statement that may match hangs on a condition the evaluator cannot decide (lenient reading).
    case undecided
}

struct PolicyError: Error, CustomStringConvertible { var description: String }

struct IAMPolicy {
    /// Endpoint and bucket policies name principals; identity policies must not; a role's trust
    /// policy names principals and no resource (the role is).
    enum Kind { case resource, identity, trust }

    struct Statement {
        var effect: String
        var principals: [String: [String]]?  // nil: Principal "*"
        var actions: [String]
        var notAction: Bool
        var resources: [String]
        var notResource: Bool
        var conditions: [(operator: String, key: String, values: [String])]
        /// Read leniently, a condition whose operator or key the evaluator does not know.
        var undecidable = false
    }

    let statements: [Statement]

    /// Every action an Allow statement names.
    var allowedActions: [String] { statements.filter { $0.effect == "Allow" && !$0.notAction }.flatMap(\.actions) }

    static let globalKeys: Set<String> = [
        "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:principalisawsservice",
        "aws:principalservicename", "aws:resourceaccount", "aws:resourceorgid", "aws:sourceaccount", "aws:sourcearn",
        "aws:securetransport", "aws:sourcevpc", "aws:sourcevpce", "aws:calledvia",
    ]
    /// Service keys of the actions the plans' documents use (Service Authorization Reference).
    static let serviceKeys: Set<String> = [
        "sts:awsservicename", "ec2:authorizedservice", "ec2:subnet", "ec2:createaction", "iam:passedtoservice",
    ]
    /// The operators this evaluator implements: all exist in IAM.
    static let operators: Set<String> = [
        "StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals",
        "ArnNotLike", "Bool", "Null",
    ]

    /// Keys whose value a request here never carries (the organization is not read), read leniently.
    static let unknownValueKeys: Set<String> = ["aws:principalorgid", "aws:resourceorgid", "aws:principalorgpaths", "aws:resourceorgpaths"]

    /// `lenient`: for a document someone else wrote, which AWS accepted already: every element
    /// read, unknown operators and keys kept as undecidable conditions.
    init(json text: String, kind: Kind, lenient: Bool = false) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw PolicyError(description: "not a JSON object")
        }
        guard Set(object.keys).isSubset(of: ["Version", "Id", "Statement"]) else { throw PolicyError(description: "unknown top-level element in \(object.keys)") }
        guard object["Version"] as? String == "2012-10-17" else { throw PolicyError(description: "Version must be 2012-10-17") }
        let raw = object["Statement"].map { ($0 as? [[String: Any]]) ?? ($0 as? [String: Any]).map { [$0] } ?? [] } ?? []
        guard !raw.isEmpty else { throw PolicyError(description: "no Statement") }
        statements = try raw.map { try IAMPolicy.statement($0, kind: kind, lenient: lenient) }
    }

    private static func strings(_ value: Any?, _ element: String) throws -> [String] {
        if let one = value as? String { return [one] }
        if let many = value as? [String], !many.isEmpty { return many }
        throw PolicyError(description: "\(element) must be a string or a list of strings")
    }

    private static func statement(_ raw: [String: Any], kind: Kind, lenient: Bool) throws -> Statement {
        let known: Set<String> = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]
        guard Set(raw.keys).isSubset(of: known) else { throw PolicyError(description: "unknown element in \(raw.keys.sorted())") }
        if let sid = raw["Sid"], !lenient { guard let text = sid as? String, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw PolicyError(description: "Sid \(sid) is not alphanumeric") } }
        guard let effect = raw["Effect"] as? String, ["Allow", "Deny"].contains(effect) else { throw PolicyError(description: "Effect must be Allow or Deny") }
        guard raw["NotPrincipal"] == nil else { throw PolicyError(description: "NotPrincipal is not evaluated here") }
        var principals: [String: [String]]?
        switch (kind, raw["Principal"]) {
        case (.identity, nil): principals = nil
        case (.identity, _): throw PolicyError(description: "an identity policy names no Principal")
        case (_, nil): throw PolicyError(description: "a resource or trust policy statement needs a Principal")
        case (_, let value as String):
            guard value == "*" else { throw PolicyError(description: "Principal \(value) must be * or an object") }
            principals = nil
        case (_, let value as [String: Any]):
            guard Set(value.keys).isSubset(of: ["AWS", "Service", "Federated", "CanonicalUser"]) else { throw PolicyError(description: "unknown principal type in \(value.keys)") }
            principals = try value.mapValues { try strings($0, "Principal") }
        default: throw PolicyError(description: "Principal must be * or an object")
        }
        guard (raw["Action"] == nil) != (raw["NotAction"] == nil) else { throw PolicyError(description: "exactly one of Action and NotAction") }
        if kind == .trust {
            guard raw["Resource"] == nil && raw["NotResource"] == nil else { throw PolicyError(description: "a trust policy names no Resource") }
        } else {
            guard (raw["Resource"] == nil) != (raw["NotResource"] == nil) else { throw PolicyError(description: "exactly one of Resource and NotResource") }
        }
        let actions = try strings(raw["Action"] ?? raw["NotAction"], "Action")
        for action in actions where action != "*" && !lenient {
            guard action.range(of: #"^[a-z0-9-]+:[A-Za-z0-9*?]+$"#, options: .regularExpression) != nil else { throw PolicyError(description: "action \(action) is not service:Action") }
        }
        let services = Set(actions.map { String($0.prefix { $0 != ":" }) })
        var conditions: [(String, String, [String])] = []
        var undecidable = false
        if let condition = raw["Condition"] {
            guard let blocks = condition as? [String: Any] else { throw PolicyError(description: "Condition must be an object") }
            for (name, block) in blocks {
                let base = name.replacingOccurrences(of: "ForAnyValue:", with: "").replacingOccurrences(of: "ForAllValues:", with: "")
                guard operators.contains(base.hasSuffix("IfExists") ? String(base.dropLast(8)) : base) else {
                    if lenient { undecidable = true; continue }
                    throw PolicyError(description: "unknown condition operator \(name)")
                }
                guard let pairs = block as? [String: Any] else { throw PolicyError(description: "\(name) must be an object") }
                for (key, values) in pairs {
                    let lower = key.lowercased()
                    let prefix = String(lower.prefix { $0 != ":" })
                    guard globalKeys.contains(lower) || (serviceKeys.contains(lower) && (services.contains(prefix) || services.contains("*"))) else {
                        if lenient { undecidable = true; continue }
                        throw PolicyError(description: "condition key \(key) does not exist for \(services.sorted())")
                    }
                    if lenient && unknownValueKeys.contains(lower) { undecidable = true; continue }
                    conditions.append((name, lower, try strings(values, key)))
                }
            }
        }
        return Statement(effect: effect, principals: principals, actions: actions, notAction: raw["NotAction"] != nil,
                         resources: kind == .trust ? ["*"] : try strings(raw["Resource"] ?? raw["NotResource"], "Resource"),
                         notResource: raw["NotResource"] != nil, conditions: conditions, undecidable: undecidable)
    }

    func evaluate(_ request: PolicyRequest) -> PolicyDecision {
        let matching = statements.filter { IAMPolicy.matches($0, request) }
        let sure = matching.filter { !$0.undecidable }
        if sure.contains(where: { $0.effect == "Deny" }) { return .explicitDeny }
        if matching.contains(where: { $0.effect == "Deny" }) { return .undecided }
        if !sure.isEmpty { return .allow }
        return matching.isEmpty ? .implicitDeny : .undecided
    }

    /// Identity policies together: allowed when one allows and none denies.
    static func evaluate(_ documents: [IAMPolicy], _ request: PolicyRequest) -> PolicyDecision {
        let decisions = documents.map { $0.evaluate(request) }
        if decisions.contains(.explicitDeny) { return .explicitDeny }
        return decisions.contains(.allow) ? .allow : .implicitDeny
    }

    private static func matches(_ statement: Statement, _ request: PolicyRequest) -> Bool {
        if let principals = statement.principals, !principals.contains(where: { matches(type: $0.key, $0.value, request.principal) }) { return false }
        let action = statement.actions.contains { like($0.lowercased(), request.action.lowercased()) }
        guard action != statement.notAction else { return false }
        let resource = statement.resources.contains { like($0, request.resource) }
        guard resource != statement.notResource else { return false }
        return statement.conditions.allSatisfy { condition($0.operator, request.context[$0.key], $0.values) }
    }

    private static func matches(type: String, _ values: [String], _ principal: RequestPrincipal) -> Bool {
        values.contains { value in
            switch (type, principal) {
            case ("AWS", .aws(let arn)):
                value == "*" || value == arn || value == principal.account || value == "arn:aws:iam::\(principal.account ?? ""):root"
            case ("Service", .service(let name)): value == name
            case ("Federated", .federated(let provider)): value == "*" || value == provider
            default: false
            }
        }
    }

    private static func condition(_ name: String, _ present: [String]?, _ wanted: [String]) -> Bool {
        var base = name
        var set: String?
        for prefix in ["ForAnyValue:", "ForAllValues:"] where base.hasPrefix(prefix) { set = prefix; base = String(base.dropFirst(prefix.count)) }
        let ifExists = base.hasSuffix("IfExists")
        if ifExists { base = String(base.dropLast(8)) }
        if base == "Null" { return wanted.contains { $0.lowercased() == (present == nil ? "true" : "false") } }
        guard let present, !present.isEmpty else { return ifExists || base.contains("Not") || set == "ForAllValues:" }
        let negated = base.contains("Not")
        let test: (String, String) -> Bool = switch base.replacingOccurrences(of: "Not", with: "") {
        case "StringEquals": { $0 == $1 }
        case "StringLike": { like($0, $1) }
        case "ArnEquals", "ArnLike": { arnLike($0, $1) }
        case "Bool": { $0.lowercased() == $1.lowercased() }
        default: { _, _ in false }
        }
        let one = { (value: String) in wanted.contains { test($0, value) } != negated }
        return set == "ForAllValues:" ? present.allSatisfy(one) : present.contains(where: one)
    }

    /// `*` and `?` wildcards, case-sensitive.
    static func like(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var memo: [Int: Bool] = [:]
        func from(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i * (t.count + 1) + j] { return known }
            let result: Bool
            if i == p.count { result = j == t.count }
            else if p[i] == "*" { result = from(i + 1, j) || (j < t.count && from(i, j + 1)) }
            else { result = j < t.count && (p[i] == "?" || p[i] == t[j]) && from(i + 1, j + 1) }
            memo[i * (t.count + 1) + j] = result
            return result
        }
        return from(0, 0)
    }

    /// An ARN pattern matches field by field, the resource field whole (it may hold colons).
    private static func arnLike(_ pattern: String, _ arn: String) -> Bool {
        let p = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        let a = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        return p.count == 6 && a.count == 6 && zip(p, a).allSatisfy { like($0, $1) }
    }
}
