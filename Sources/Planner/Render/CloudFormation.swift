import Foundation

// cloudformation.yaml: the plan's resources as one CloudFormation template, from their
// declarations (the same names, properties, tags and policy documents as setup.sh's calls).
// What varies per account is a parameter: the answers' network ids are the parameters' defaults,
// and every place the plan names one refers to the parameter; the region is AWS::Region and the
// account AWS::AccountId. setup.sh's runtime variables become references to what the template
// makes. Conditions choose the endpoint policy mode, which the accounts of a StackSet may differ in.

public enum CloudFormation {
    public static let file = "cloudformation.yaml"

    public static func render(_ plan: Plan) -> String {
        Template(plan).document.yaml
    }

    /// The names of the template's parameters (the plan decides which it has).
    static func parameterNames(_ plan: Plan) -> Set<String> {
        Set(Template(plan).parameters.map(\.0))
    }

    /// The parameter of an endpoint (by logical id), true where the account's VPC has one of its
    /// service already (another team's): the stack makes none.
    static func exists(endpoint: String) -> String { endpoint + "Exists" }
}

/// A YAML node of the template: CloudFormation's short-form functions are tags (`!Ref X`).
indirect enum TemplateNode {
    case string(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateNode])
    case map([(String, TemplateNode)])
    case function(String, TemplateNode)

    static func ref(_ name: String) -> TemplateNode { .function("Ref", .string(name)) }

    var yaml: String {
        var out = ""
        write(into: &out, first: "", indent: "")
        return out
    }

    /// Block style, two spaces a level: the node's first line after `first`, the others after
    /// `indent` (written into one string: a nested node is not re-prefixed at every level).
    private func write(into out: inout String, first: String, indent: String) {
        switch self {
        case .map(let members) where !members.isEmpty:
            var prefix = first
            for (key, value) in members {
                value.write(after: TemplateNode.scalar(key) + ":", into: &out, first: prefix, indent: indent)
                prefix = indent
            }
        case .list(let items) where !items.isEmpty:
            var prefix = first
            for item in items {
                item.write(into: &out, first: prefix + "- ", indent: indent + "  ")
                prefix = indent
            }
        case .function(let name, let argument) where argument.inline == nil:
            argument.write(after: "!" + name, into: &out, first: first, indent: indent)
        default:
            out += first + inline! + "\n"
        }
    }

    /// `head` then this node: on the same line when it is a scalar, else on the lines below.
    private func write(after head: String, into out: inout String, first: String, indent: String) {
        if let inline {
            out += first + head + " " + inline + "\n"
        } else {
            out += first + head + "\n"
            write(into: &out, first: indent + "  ", indent: indent + "  ")
        }
    }

    private var inline: String? {
        switch self {
        case .string(let text): TemplateNode.scalar(text)
        case .bool(let value): value ? "true" : "false"
        case .number(let value): String(value)
        case .list(let items) where items.isEmpty: "[]"
        case .map(let members) where members.isEmpty: "{}"
        case .function(let name, let argument): argument.inline.map { "!\(name) \($0)" }
        default: nil
        }
    }

    /// Plain when YAML reads it back as this same string; else double-quoted with JSON's escapes.
    private static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./*:".unicodeScalars)
    private static let words: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]

    static func scalar(_ text: String) -> String {
        if let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "/", first.isASCII,
           text.unicodeScalars.allSatisfy(plain.contains), !text.hasSuffix(":"), !words.contains(text.lowercased()) {
            return text
        }
        return "\"" + JSONValue.escape(text) + "\""
    }
}

/// The template of one plan: its parameters, conditions, resources and outputs.
private struct Template {
    let plan: Plan
    let answers: Answers
    let declarations: [Declaration]
    /// Where the template reads each runtime variable of setup.sh.
    var references: [String: Reference] = [:]

    enum Reference {
        case ref(String)
        case attribute(String, String)

        var node: TemplateNode {
            switch self {
            case .ref(let name): .ref(name)
            case .attribute(let resource, let attribute): .function("GetAtt", .string("\(resource).\(attribute)"))
            }
        }

        /// Inside `!Sub`: `${AWS::AccountId}`, `${Resource.Attribute}`.
        var substitution: String {
            switch self {
            case .ref(let name): "${\(name)}"
            case .attribute(let resource, let attribute): "${\(resource).\(attribute)}"
            }
        }
    }

    static let policyModes: [(mode: EndpointPolicies, condition: String)] = [
        (.account, "PolicyModeAccount"), (.leastPrivilege, "PolicyModeLeastPrivilege"),
    ]

    init(_ plan: Plan) {
        self.plan = plan
        answers = plan.answers
        declarations = plan.steps.flatMap(\.resources).flatMap(\.declarations)
        references["ACCOUNT"] = .ref("AWS::AccountId")
        references["ENDPOINT_SUBNETS"] = .ref("EndpointSubnetIds")
        references[Policies.assetsBucketArn.variables[0]] = .ref("CodeArtifactAssetsBucketArn")
        references["DEFAULT_SG"] = .ref("SecurityGroupId")
        for declaration in declarations {
            guard let variable = declaration.variable else { continue }
            references[variable.name] = .attribute(declaration.logicalID, variable.attribute)
        }
    }

    private var network: Answers.Network { answers.network }
    private var endpointIDs: [String] { declarations.filter { $0.type == "AWS::EC2::VPCEndpoint" }.map(\.logicalID) }
    private var hasEndpoints: Bool { !endpointIDs.isEmpty }
    private static func exists(_ endpoint: String) -> String { CloudFormation.exists(endpoint: endpoint) }
    /// The condition to make an endpoint: its parameter is false.
    private static func make(_ endpoint: String) -> String { "Make" + endpoint }
    private var hasInterfaces: Bool { plan.endpoints.contains { $0.planned && !$0.service.isGateway } }
    private var hasGateway: Bool { plan.endpoints.contains { $0.planned && $0.service.isGateway } }

    var document: TemplateNode {
        var members: [(String, TemplateNode)] = [
            ("AWSTemplateFormatVersion", .string("2010-09-09")),
            ("Description", .string("vpcpipe \(vpcpipeVersion): the private CI/CD pipeline \(answers.name) of the AWS article, the plan setup.sh creates")),
            ("Parameters", .map(parameters)),
        ]
        if !conditions.isEmpty { members.append(("Conditions", .map(conditions))) }
        members += [("Resources", .map(resources)), ("Outputs", .map(outputs))]
        return .map(members)
    }

    // MARK: Parameters and conditions

    fileprivate var parameters: [(String, TemplateNode)] {
        func parameter(_ type: String, _ description: String, default value: String?, extra: [(String, TemplateNode)] = []) -> TemplateNode {
            .map([("Type", .string(type)), ("Description", .string(description))] + (value.map { [("Default", .string($0))] } ?? []) + extra)
        }
        var out: [(String, TemplateNode)] = [
            ("VpcId", parameter("AWS::EC2::VPC::Id", "network.vpc: the private VPC the build and the endpoints are in", default: network.vpc)),
            ("SubnetIds", parameter("List<AWS::EC2::Subnet::Id>",
                                    "network.subnets: the build's private subnets (as many as the answers list: the build role's policy names each)",
                                    default: network.subnets.joined(separator: ","))),
        ]
        if hasInterfaces {
            out.append(("EndpointSubnetIds", parameter("List<AWS::EC2::Subnet::Id>",
                "The interface endpoints' subnets, one an Availability Zone (setup.sh picks the first of each zone of network.subnets)",
                default: network.subnets.joined(separator: ","))))
        }
        if hasGateway {
            // CloudFormation has no parameter type for route tables.
            out.append(("RouteTableIds", parameter("CommaDelimitedList", "network.route_tables: the route tables of the subnets, for the S3 gateway endpoint",
                                                   default: network.routeTables.joined(separator: ","))))
        }
        switch network.securityGroup {
        case .create: break
        case .vpcDefault:
            out.append(("SecurityGroupId", parameter("AWS::EC2::SecurityGroup::Id", "network.security_group: the VPC's default security group's id", default: nil)))
        case .existing(let id):
            out.append(("SecurityGroupId", parameter("AWS::EC2::SecurityGroup::Id", "network.security_group: the group the build and the endpoints share", default: id)))
        }
        if hasEndpoints {
            out.append(("EndpointPolicyMode", parameter("String", "endpoints.policies: how far the endpoint policies reach (docs/answers.md)",
                                                        default: answers.endpoints.policies.rawValue,
                                                        extra: [("AllowedValues", .list(EndpointPolicies.allCases.map { .string($0.rawValue) }))])))
        }
        for service in EndpointService.allCases where endpointIDs.contains(Declaration.ID.endpoint(service)) {
            out.append((Template.exists(Declaration.ID.endpoint(service)), parameter("String", "true when the account's VPC has a \(service.rawValue) endpoint already (another team's): the stack makes none (stackset.accounts[].existing_endpoints)",
                                                     default: "false", extra: [("AllowedValues", .list([.string("false"), .string("true")]))])))
        }
        if hasGateway {
            // Needed in the modes whose S3 policy names it: empty by default only for answers in full access.
            let fullAccess = answers.endpoints.policies == .fullAccess
            out.append(("CodeArtifactAssetsBucketArn", parameter("String", "The AWS-owned bucket of the region's CodeArtifact package assets (describe-domain's s3BucketArn), which the S3 endpoint's policy names unless in full access",
                                                                 default: fullAccess ? "" : nil,
                                                                 extra: [("AllowedPattern", .string("^(arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]*)\(fullAccess ? "?" : "")$"))])))
        }
        return out
    }

    private var conditions: [(String, TemplateNode)] {
        var out: [(String, TemplateNode)] = []
        if hasEndpoints {
            out += Template.policyModes.map { ($0.condition, .function("Equals", .list([.ref("EndpointPolicyMode"), .string($0.mode.rawValue)]))) }
        }
        out += endpointIDs.map { (Template.make($0), .function("Equals", .list([.ref(Template.exists($0)), .string("false")]))) }
        return out
    }

    // MARK: Resources

    /// The endpoints' policy documents in each mode but full access (which has none), by logical id.
    private var policiesByMode: [(condition: String, documents: [String: JSONValue])] {
        Template.policyModes.map { variant in
            var answers = self.answers
            answers.endpoints.policies = variant.mode
            let policies = Policies(Names(answers))
            return (variant.condition, Dictionary(uniqueKeysWithValues: EndpointService.allCases.compactMap { service in
                policies.endpoint(service).map { (Declaration.ID.endpoint(service), $0) }
            }))
        }
    }

    private var resources: [(String, TemplateNode)] {
        let declared = Set(declarations.map(\.logicalID))
        let modes = hasEndpoints ? policiesByMode : []
        return declarations.map { declaration in
            var properties = declaration.properties.filter { $0.0 != "PolicyDocument" || declaration.type != "AWS::EC2::VPCEndpoint" }
                .map { ($0.0, node($0.1)) }
            if declaration.type == "AWS::EC2::VPCEndpoint" {
                let choice = modes.reversed().reduce(TemplateNode.ref("AWS::NoValue")) { otherwise, mode in
                    mode.documents[declaration.logicalID].map { .function("If", .list([.string(mode.condition), node($0), otherwise])) } ?? otherwise
                }
                properties.insert(("PolicyDocument", choice), at: properties.count - 1)
            }
            var members: [(String, TemplateNode)] = [("Type", .string(declaration.type))]
            if declaration.type == "AWS::EC2::VPCEndpoint" { members.append(("Condition", .string(Template.make(declaration.logicalID)))) }
            // Not an endpoint: each is conditional (the account may have its own), and DependsOn
            // cannot name what may not be made (docs/cloudformation.md says what that costs).
            let needs = declaration.dependsOn.filter { declared.contains($0) && !endpointIDs.contains($0) }
            if !needs.isEmpty { members.append(("DependsOn", .list(needs.map(TemplateNode.string)))) }
            if let skipped = skippedChecks(declaration) {
                members.append(("Metadata", .map([("checkov", .map([("skip", .list(skipped.map {
                    .map([("id", .string($0.id)), ("comment", .string($0.reason))])
                }))]))])))
            }
            members.append(("Properties", .map(properties)))
            return (declaration.logicalID, .map(members))
        }
    }

    /// checkov's checks that the plan does not meet on purpose, by resource type, each with why:
    /// the template makes what setup.sh makes.
    private func skippedChecks(_ declaration: Declaration) -> [(id: String, reason: String)]? {
        switch declaration.type {
        case "AWS::EC2::SecurityGroup":
            [("CKV_AWS_23", "setup.sh's rules carry no description either: the group's description says what it admits")]
        case "AWS::S3::Bucket":
            [("CKV_AWS_18", "the artifact bucket holds only the pipeline's artifacts; setup.sh makes no second bucket for access logs")]
        case "AWS::Logs::LogGroup":
            [("CKV_AWS_66", "as setup.sh makes it: the build logs are kept until deleted (CloudWatch's default), verify.sh reads them"),
             ("CKV_AWS_158", "CloudWatch Logs encrypts log data at rest by default; a customer managed key is not part of the article's plan")]
        case "AWS::IAM::Role" where declaration.logicalID == Declaration.ID.codeBuildRole:
            [("CKV_AWS_111", "a build in a VPC creates and deletes network interfaces whose ids are made at run time: ec2 actions on *, as AWS's CodeBuild VPC policy grants")]
                + (answers.iam.scope == .all
                    ? [("CKV_AWS_107", "iam.scope is all: the build may get a CodeArtifact token for any domain, as the answers chose")] : [])
        default: nil
        }
    }

    // MARK: Outputs

    private var outputs: [(String, TemplateNode)] {
        func output(_ description: String, _ value: TemplateNode) -> TemplateNode {
            .map([("Description", .string(description)), ("Value", value)])
        }
        var out: [(String, TemplateNode)] = []
        for declaration in declarations {
            let id = declaration.logicalID
            switch declaration.type {
            case "AWS::CodePipeline::Pipeline": out.append(("PipelineName", output("The pipeline verify.sh releases", .ref(id))))
            case "AWS::CodeCommit::Repository":
                out.append(("CloneUrlHttp", output("The repository's HTTPS clone URL (git push here starts the pipeline)",
                                                   .function("GetAtt", .string("\(id).CloneUrlHttp")))))
            case "AWS::S3::Bucket": out.append(("ArtifactBucketName", output("The pipeline's artifact bucket", .ref(id))))
            case "AWS::EC2::VPCEndpoint":
                out.append((id + "Id", .map([("Condition", .string(Template.make(id))), ("Description", .string("The VPC endpoint's id")),
                                             ("Value", .ref(id))])))
            case "AWS::EC2::SecurityGroup":
                out.append((id + "Id", output("The security group's id", .function("GetAtt", .string("\(id).GroupId")))))
            default: break
            }
        }
        return out
    }

    // MARK: Values

    /// A plan value as the template says it: runtime variables and the answers' network ids,
    /// region and security group as references.
    private func node(_ value: JSONValue) -> TemplateNode {
        switch value {
        case .bool(let value): return .bool(value)
        case .number(let value): return .number(value)
        case .object(let members): return .map(members.map { ($0.0, node($0.1)) })
        case .array(let items):
            let texts = items.map { item -> String? in
                if case .string(let arg) = item, arg.variables.isEmpty { arg.display } else { nil }
            }
            if !network.subnets.isEmpty, texts == network.subnets { return .ref("SubnetIds") }
            if !network.routeTables.isEmpty, texts == network.routeTables { return .ref("RouteTableIds") }
            return .list(items.map(node))
        case .string(let arg):
            if arg.parts.count == 1, case .variable(let name) = arg.parts[0] { return reference(name).node }
            if arg.variables.isEmpty, case .existing(let id) = network.securityGroup, arg.display == id { return .ref("SecurityGroupId") }
            if arg.variables.isEmpty, arg.display == network.vpc { return .ref("VpcId") }
            return text(arg)
        }
    }

    private func reference(_ variable: String) -> Reference {
        guard let reference = references[variable] else { preconditionFailure("no reference for the variable \(variable)") }
        return reference
    }

    /// A text, with `!Sub` where it holds a runtime value, the region, the VPC or a subnet.
    private func text(_ arg: Arg) -> TemplateNode {
        var out = "", selects: [(String, TemplateNode)] = []
        var substituted = false
        for part in arg.parts {
            switch part {
            case .variable(let name):
                out += reference(name).substitution
                substituted = true
            case .text(let text):
                var escaped = text.includes("${") ? text.replacingOccurrences(of: "${", with: "${!") : text
                var replacements = [(answers.region, "${AWS::Region}")]
                if !network.vpc.isEmpty { replacements.append((network.vpc, "${VpcId}")) }
                // One search for the prefix first: most texts (tags, names) hold no subnet, and a
                // plan of 16 subnets and 49 tags has thousands of them.
                let subnets = escaped.includes("subnet-") ? Array(network.subnets.enumerated()) : []
                for (index, subnet) in subnets where escaped.includes(subnet) {
                    let name = "Subnet\(index + 1)"
                    if !selects.contains(where: { $0.0 == name }) {
                        selects.append((name, .function("Select", .list([.string(String(index)), .ref("SubnetIds")]))))
                    }
                    replacements.append((subnet, "${\(name)}"))
                }
                for (literal, substitution) in replacements where !literal.isEmpty && escaped.includes(literal) {
                    escaped = escaped.replacingOccurrences(of: literal, with: substitution)
                    substituted = true
                }
                out += escaped
            }
        }
        if !substituted { return .string(arg.display) }
        return selects.isEmpty ? .function("Sub", .string(out)) : .function("Sub", .list([.string(out), .map(selects)]))
    }
}

private extension String {
    /// Whether `part` occurs here, found by the C library: Foundation's `contains` cost more than
    /// the rest of the template's rendering. A NUL would end a C string early: Foundation then.
    func includes(_ part: String) -> Bool {
        withCString { text in
            part.withCString { needle in
                guard strlen(text) == utf8.count, strlen(needle) == part.utf8.count else { return contains(part) }
                return strstr(text, needle) != nil
            }
        }
    }
}
