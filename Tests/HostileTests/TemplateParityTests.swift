import Foundation
import TestSupport
import XCTest
import Yams
@testable import Planner

/// cloudformation.yaml declares, one to one, what setup.sh creates: for each answers set of
/// TemplateAnswers, the template (read back as YAML, its functions resolved with the parameters'
/// defaults) and setup.sh's create calls (their argument lists) name the same resources, with
/// the same names, properties, tags and policy documents.
final class TemplateParityTests: XCTestCase {
    func testTheTemplateDeclaresWhatSetupCreatesOneToOne() throws {
        let seed = testSeed(default: 0x00C0_FFEE)
        var resources = 0
        for (label, answers) in TemplateAnswers.sets(seed: seed) {
            let plan = Planner.plan(answers)
            let created = SetupCreations(plan).resources
            let declared = try DeclaredResources(CloudFormation.render(plan), plan: plan).resources
            XCTAssertEqual(Set(declared.keys), Set(created.keys),
                           "\(label) (seed \(seed)): only in the template \(Set(declared.keys).subtracting(created.keys).sorted()), only in setup.sh \(Set(created.keys).subtracting(declared.keys).sorted())")
            for (key, properties) in created {
                guard let template = declared[key] else { continue }
                for name in Set(properties.keys).union(template.keys).sorted() where canonical(properties[name]) != canonical(template[name]) {
                    XCTFail("\(label) (seed \(seed)) \(key) \(name):\nsetup.sh: \(canonical(properties[name]))\ntemplate: \(canonical(template[name]))")
                }
            }
            resources += created.count
        }
        XCTAssertGreaterThan(resources, 0)
    }
}

/// A resource: its CloudFormation type and name.
private typealias Key = String

/// One JSON text for a value, whatever its order of keys: scalars as text (`60`, `true`), a
/// list of one as that one, tags as a map of key to value.
private func canonical(_ value: Any?) -> String {
    func normal(_ value: Any) -> Any {
        switch value {
        case let list as [Any]:
            let items = list.map(normal)
            return items.count == 1 ? items[0] : items
        case let map as [String: Any]:
            return map.mapValues(normal)
        case let text as String: return text
        case let bool as Bool where type(of: value) == Bool.self: return bool ? "true" : "false"
        // JSONSerialization's true is a number of type char here, and 1 would be read as a Bool.
        case let number as NSNumber where String(cString: number.objCType) == "c": return number.boolValue ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        default: return "\(value)"
        }
    }
    guard let value else { return "(none)" }
    let data = try? JSONSerialization.data(withJSONObject: ["v": normal(value)], options: [.sortedKeys, .fragmentsAllowed])
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
}

/// Keys lower-cased at every depth but tags, which become a map: CloudFormation's property
/// names are the CLI's option and member names, capitalized or in words.
private func lowered(_ value: Any) -> Any {
    switch value {
    case let list as [Any]: return list.map(lowered)
    case let map as [String: Any]:
        var out: [String: Any] = [:]
        for (key, item) in map { out[key.lowercased()] = key.lowercased() == "tags" ? tagMap(item) : lowered(item) }
        return out
    default: return value
    }
}

private func tagMap(_ tags: Any) -> [String: Any] {
    if let map = tags as? [String: Any] { return map }
    var out: [String: Any] = [:]
    for case let pair as [String: Any] in tags as? [Any] ?? [] {
        let lower = Dictionary(uniqueKeysWithValues: pair.map { ($0.key.lowercased(), $0.value) })
        if let key = lower["key"] as? String { out[key] = lower["value"] }
    }
    return out
}

/// What setup.sh creates, read from its create and always calls, by type and name.
private struct SetupCreations {
    var resources: [Key: [String: Any]] = [:]
    /// The security group a variable holds (`BUILD_SG`), by its key.
    private var groups: [String: Key] = [:]

    init(_ plan: Plan) {
        for step in plan.steps where step.id != .preflight {
            for action in step.create + step.always {
                switch action {
                case .call(let command): add(command, captured: nil)
                case .capture(let variable, let command): add(command, captured: variable)
                default: break
                }
            }
        }
        // CloudFormation's schema takes no empty tag value on CodeArtifact (docs/cloudformation.md).
        for (key, properties) in resources where key.hasPrefix("AWS::CodeArtifact::") {
            resources[key]?["tags"] = (properties["tags"] as? [String: Any])?.filter { ($0.value as? String) != "" }
        }
    }

    /// The option's value: JSON read as JSON, several values as a list, a flag as true.
    private static func value(_ option: Command.Option) -> Any {
        let values: [Any] = option.values.map { arg in
            let text = arg.display
            if text.hasPrefix("{") || text.hasPrefix("[") { return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? text }
            return text
        }
        return values.isEmpty ? true : values.count == 1 ? values[0] : values
    }

    /// The options as properties: `vpc-config` is `vpcconfig`, JSON members lower-cased.
    private static func properties(_ command: Command, skip: Set<String> = [], renamed: [String: String] = [:]) -> [String: Any] {
        var out: [String: Any] = [:]
        for option in command.options where !skip.contains(option.name) && !["query", "output", "no-paginate"].contains(option.name) {
            let name = renamed[option.name] ?? option.name.replacingOccurrences(of: "-", with: "")
            out[name] = name == "tags" ? tagMap(value(option)) : lowered(value(option))
        }
        return out
    }

    private static func option(_ command: Command, _ name: String) -> Any? {
        command.options.first { $0.name == name }.map(value)
    }

    private static func text(_ command: Command, _ name: String) -> String { option(command, name) as? String ?? "" }

    private static func specificationTags(_ command: Command) -> [String: Any] {
        let specifications = option(command, "tag-specifications") as? [[String: Any]]
        return tagMap(specifications?.first?["Tags"] ?? [])
    }

    private mutating func add(_ command: Command, captured: String?) {
        switch (command.service, command.operation) {
        case ("iam", "create-role"):
            resources["AWS::IAM::Role " + Self.text(command, "role-name")] = Self.properties(command)
        case ("iam", "put-role-policy"):
            let key = "AWS::IAM::Role " + Self.text(command, "role-name")
            let policy: [String: Any] = ["policyname": Self.text(command, "policy-name"),
                                         "policydocument": lowered(Self.option(command, "policy-document") ?? [:])]
            let policies = resources[key]?["policies"] as? [Any] ?? []
            resources[key]?["policies"] = policies + [policy]
        case ("ec2", "create-security-group"):
            let key = "AWS::EC2::SecurityGroup " + Self.text(command, "group-name")
            var properties = Self.properties(command, skip: ["tag-specifications"], renamed: ["description": "groupdescription"])
            properties["tags"] = Self.specificationTags(command)
            resources[key] = properties
            if let captured { groups[captured] = key }
        case ("ec2", "authorize-security-group-egress"), ("ec2", "authorize-security-group-ingress"):
            let variable = Self.text(command, "group-id").trimmingCharacters(in: CharacterSet(charactersIn: "${}"))
            guard let key = groups[variable] else { return }
            let rules = (Self.option(command, "ip-permissions") as? [[String: Any]] ?? []).map { rule -> [String: Any] in
                var entry: [String: Any] = ["ipprotocol": rule["IpProtocol"] ?? "", "fromport": rule["FromPort"] ?? "", "toport": rule["ToPort"] ?? ""]
                if let range = (rule["IpRanges"] as? [[String: Any]])?.first { entry["cidrip"] = range["CidrIp"] }
                if let pair = (rule["UserIdGroupPairs"] as? [[String: Any]])?.first { entry["sourcesecuritygroupid"] = pair["GroupId"] }
                return entry
            }
            resources[key]?[command.operation.hasSuffix("egress") ? "securitygroupegress" : "securitygroupingress"] = rules
        case ("codeartifact", "create-domain"):
            resources["AWS::CodeArtifact::Domain " + Self.text(command, "domain")] = Self.properties(command, renamed: ["domain": "domainname"])
        case ("codeartifact", "create-repository"):
            var properties = Self.properties(command, renamed: ["domain": "domainname", "repository": "repositoryname"])
            properties["upstreams"] = (properties["upstreams"] as? [[String: Any]])?.compactMap { $0["repositoryname"] }
            resources["AWS::CodeArtifact::Repository " + Self.text(command, "repository")] = properties
        case ("codeartifact", "associate-external-connection"):
            let key = "AWS::CodeArtifact::Repository " + Self.text(command, "repository")
            resources[key]?["externalconnections"] = [Self.text(command, "external-connection")]
        case ("s3api", "create-bucket"):
            let configuration = Self.option(command, "create-bucket-configuration") as? [String: Any] ?? [:]
            resources["AWS::S3::Bucket " + Self.text(command, "bucket")] = [
                "bucketname": Self.text(command, "bucket"), "tags": tagMap(configuration["Tags"] ?? []),
            ]
        case ("s3api", "put-bucket-versioning"):
            resources["AWS::S3::Bucket " + Self.text(command, "bucket")]?["versioningconfiguration"] =
                lowered(Self.option(command, "versioning-configuration") ?? [:])
        case ("s3api", "put-public-access-block"):
            resources["AWS::S3::Bucket " + Self.text(command, "bucket")]?["publicaccessblockconfiguration"] =
                lowered(Self.option(command, "public-access-block-configuration") ?? [:])
        case ("s3api", "put-bucket-policy"):
            resources["AWS::S3::BucketPolicy " + Self.text(command, "bucket")] = [
                "bucket": Self.text(command, "bucket"), "policydocument": lowered(Self.option(command, "policy") ?? [:]),
            ]
        case ("ec2", "create-vpc-endpoint"):
            var properties = Self.properties(command, skip: ["tag-specifications", "private-dns-enabled", "no-private-dns-enabled"])
            if Self.option(command, "private-dns-enabled") != nil { properties["privatednsenabled"] = "true" }
            if Self.option(command, "no-private-dns-enabled") != nil { properties["privatednsenabled"] = "false" }
            properties["tags"] = Self.specificationTags(command)
            resources["AWS::EC2::VPCEndpoint " + Self.text(command, "service-name")] = properties
        case ("codecommit", "create-repository"):
            resources["AWS::CodeCommit::Repository " + Self.text(command, "repository-name")] = Self.properties(command)
        case ("logs", "create-log-group"):
            resources["AWS::Logs::LogGroup " + Self.text(command, "log-group-name")] = Self.properties(command)
        case ("codebuild", "create-project"):
            resources["AWS::CodeBuild::Project " + Self.text(command, "name")] = Self.properties(command)
        case ("codepipeline", "create-pipeline"):
            var properties = lowered(Self.option(command, "pipeline") ?? [:]) as? [String: Any] ?? [:]
            // CloudFormation keeps the pipeline's version itself.
            properties["version"] = nil
            properties["tags"] = tagMap(Self.option(command, "tags") ?? [])
            resources["AWS::CodePipeline::Pipeline " + (properties["name"] as? String ?? "")] = properties
        case ("events", "put-rule"):
            var properties = Self.properties(command)
            // put-rule enables a new rule unless told otherwise; the template says so.
            properties["state"] = "ENABLED"
            resources["AWS::Events::Rule " + Self.text(command, "name")] = properties
        case ("events", "put-targets"):
            resources["AWS::Events::Rule " + Self.text(command, "rule")]?["targets"] = lowered(Self.option(command, "targets") ?? [])
        default: break
        }
    }
}

/// The template's resources, by type and name, their functions resolved as CloudFormation
/// would with the parameters' defaults, and the runtime values setup.sh learns as its
/// variables: the account `${ACCOUNT}`, a security group the template makes `${BUILD_SG}`.
private struct DeclaredResources {
    var resources: [Key: [String: Any]] = [:]
    private var parameters: [String: Any] = [:]
    private var conditions: [String: Bool] = [:]
    private var attributes: [String: String] = [:]
    private let plan: Plan

    /// Parameters with no value setup.sh knows before it runs: its variables.
    private static let learnt = ["EndpointSubnetIds": "${ENDPOINT_SUBNETS}", "CodeArtifactAssetsBucketArn": "${ASSETS_BUCKET_ARN}"]

    init(_ yaml: String, plan: Plan) throws {
        self.plan = plan
        guard let root = try Yams.compose(yaml: yaml)?.mapping else { throw Failure("cloudformation.yaml is not a mapping") }
        for (name, parameter) in root["Parameters"]?.mapping ?? [:] {
            let id = name.string ?? ""
            if let learnt = Self.learnt[id] { parameters[id] = learnt; continue }
            let type = parameter.mapping?["Type"]?.string ?? ""
            guard let value = parameter.mapping?["Default"]?.string else {
                parameters[id] = id == "SecurityGroupId" ? "${DEFAULT_SG}" : "(no default)"
                continue
            }
            parameters[id] = type.hasPrefix("List<") || type == "CommaDelimitedList" ? value.split(separator: ",").map(String.init) : value
        }
        for (name, condition) in root["Conditions"]?.mapping ?? [:] {
            let pair = resolve(condition) as? [Any] ?? []
            conditions[name.string ?? ""] = pair.count == 2 && "\(pair[0])" == "\(pair[1])"
        }
        let declared = root["Resources"]?.mapping ?? [:]
        // The security groups first: other resources read their ids, setup.sh's variables.
        for (name, resource) in declared where resource.mapping?["Type"]?.string == "AWS::EC2::SecurityGroup" {
            let groupName = resource.mapping?["Properties"]?.mapping?["GroupName"].map(resolve) as? String ?? ""
            for step in plan.steps {
                for case .capture(let variable, let command) in step.create
                where command.operation == "create-security-group" && command.options.contains(where: { $0.values.map(\.display) == [groupName] }) {
                    attributes["\(name.string ?? "").GroupId"] = "${\(variable)}"
                }
            }
        }
        for (_, resource) in declared {
            let type = resource.mapping?["Type"]?.string ?? ""
            var properties = lowered(resolve(resource.mapping?["Properties"] ?? Node.mapping([:])) ?? [:]) as? [String: Any] ?? [:]
            let name = ["rolename", "groupname", "repositoryname", "domainname", "bucketname", "bucket", "servicename",
                        "loggroupname", "name"].lazy.compactMap { properties[$0] as? String }.first ?? ""
            if type == "AWS::IAM::Role" {
                properties["policies"] = properties["policies"] ?? []
            }
            resources[type + " " + name] = properties
        }
    }

    /// The value CloudFormation would give: nil for `AWS::NoValue`.
    private func resolve(_ node: Node) -> Any? {
        let tag = node.tag.rawValue
        switch node {
        case .scalar(let scalar):
            switch tag {
            case "!Ref": return reference(scalar.string)
            case "!GetAtt": return attributes[scalar.string] ?? "(GetAtt \(scalar.string))"
            case "!Sub": return substitute(scalar.string, [:])
            default: return scalar.string
            }
        case .sequence(let sequence):
            let items = sequence.map(resolve)
            switch tag {
            case "!If":
                return conditions[items[0] as? String ?? ""] == true ? items[1] : items[2]
            case "!Select":
                let list = items[1] as? [Any] ?? []
                return list[Int(items[0] as? String ?? "") ?? 0]
            case "!Sub":
                return substitute(items[0] as? String ?? "", items[1] as? [String: Any] ?? [:])
            default:
                return items.compactMap { $0 }
            }
        case .mapping(let mapping):
            var out: [String: Any] = [:]
            for (key, value) in mapping { out[key.string ?? ""] = resolve(value) }
            return out
        case .alias:
            return nil
        }
    }

    private func reference(_ name: String) -> Any? {
        switch name {
        case "AWS::AccountId": "${ACCOUNT}"
        case "AWS::Region": plan.answers.region
        case "AWS::NoValue": nil
        default: parameters[name] ?? "(Ref \(name))"
        }
    }

    private func substitute(_ text: String, _ values: [String: Any]) -> String {
        var out = "", rest = Substring(text)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            rest = rest[start.upperBound...]
            if rest.hasPrefix("!") { out += "${"; rest = rest.dropFirst(); continue }
            guard let end = rest.firstIndex(of: "}") else { break }
            let name = String(rest[..<end])
            rest = rest[rest.index(after: end)...]
            if let value = values[name] { out += "\(value)" } else if name.contains(".") && !name.hasPrefix("AWS::") {
                out += attributes[name] ?? "(GetAtt \(name))"
            } else {
                out += reference(name).map { "\($0)" } ?? ""
            }
        }
        return out + rest
    }
}
