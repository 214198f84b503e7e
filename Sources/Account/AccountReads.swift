import Foundation

// What the wizard offers to choose from, read from the account: each a read-only call and the
// few fields a person needs to choose, decoded from the CLI's JSON as AWS's API names them.
// The network is read for the whole region at once (three calls, whatever the number of VPCs),
// so that each VPC can be shown with what its subnets and route tables hold.

public struct Identity: Equatable, Sendable {
    public var account: String
    public var arn: String

    public init(account: String, arn: String) { self.account = account; self.arn = arn }
}

public struct VPC: Equatable, Sendable {
    public var id: String
    public var name: String
    public var cidr: String
    public var isDefault: Bool

    public init(id: String, name: String, cidr: String, isDefault: Bool) {
        self.id = id; self.name = name; self.cidr = cidr; self.isDefault = isDefault
    }
}

/// Whether a VPC has DNS support and DNS host names on (private DNS needs both).
public struct VPCDNS: Equatable, Sendable {
    public var support: Bool
    public var hostnames: Bool

    public init(support: Bool, hostnames: Bool) { self.support = support; self.hostnames = hostnames }
}

public struct Subnet: Equatable, Sendable {
    public var id: String
    public var name: String
    public var vpc: String
    public var zone: String
    public var cidr: String
    public var freeAddresses: Int

    public init(id: String, name: String, vpc: String, zone: String, cidr: String, freeAddresses: Int) {
        self.id = id; self.name = name; self.vpc = vpc; self.zone = zone; self.cidr = cidr; self.freeAddresses = freeAddresses
    }
}

public struct RouteTable: Equatable, Sendable {
    public var id: String
    public var vpc: String
    /// The VPC's main table: the table of every subnet without one of its own.
    public var isMain: Bool
    /// The subnets explicitly associated with it.
    public var subnets: [String]
    /// The targets of its routes to the internet: internet gateways, NAT gateways, egress-only
    /// gateways. The article's VPC has none.
    public var internetTargets: [String]

    public init(id: String, vpc: String, isMain: Bool, subnets: [String], internetTargets: [String]) {
        self.id = id; self.vpc = vpc; self.isMain = isMain; self.subnets = subnets; self.internetTargets = internetTargets
    }
}

public struct SecurityGroup: Equatable, Sendable {
    public var id: String
    public var name: String
    public var vpc: String

    public init(id: String, name: String, vpc: String) { self.id = id; self.name = name; self.vpc = vpc }
}

public struct IAMRole: Equatable, Sendable {
    public var name: String
    public var arn: String
    /// The services its trust policy lets assume it (`codebuild.amazonaws.com`).
    public var trusts: [String]

    public init(name: String, arn: String, trusts: [String]) { self.name = name; self.arn = arn; self.trusts = trusts }
}

public enum AccountReads {
    public static let identity = AWSCall(["sts", "get-caller-identity"], what: "who these credentials are") { data in
        let answer = try JSONDecoder().decode(Raw.Identity.self, from: data)
        return Identity(account: answer.Account, arn: answer.Arn)
    }

    public static func vpcs(region: String) -> AWSCall<[VPC]> {
        AWSCall(["ec2", "describe-vpcs"], what: "the VPCs of \(region)") { data in
            try JSONDecoder().decode(Raw.VPCs.self, from: data).Vpcs.map {
                VPC(id: $0.VpcId, name: Raw.name($0.Tags), cidr: $0.CidrBlock, isDefault: $0.IsDefault ?? false)
            }
        }
    }

    /// DNS support and DNS host names: an attribute a call.
    public static func dns(vpc: String) -> [AWSCall<Bool>] {
        ["enableDnsSupport", "enableDnsHostnames"].map { attribute in
            AWSCall(["ec2", "describe-vpc-attribute", "--vpc-id", vpc, "--attribute", attribute],
                    what: "the DNS settings of \(vpc)") { data in
                let answer = try JSONDecoder().decode(Raw.Attribute.self, from: data)
                return ((attribute == "enableDnsSupport" ? answer.EnableDnsSupport : answer.EnableDnsHostnames)?.Value) ?? false
            }
        }
    }

    public static func subnets(region: String) -> AWSCall<[Subnet]> {
        AWSCall(["ec2", "describe-subnets"], what: "the subnets of \(region)") { data in
            try JSONDecoder().decode(Raw.Subnets.self, from: data).Subnets.map {
                Subnet(id: $0.SubnetId, name: Raw.name($0.Tags), vpc: $0.VpcId, zone: $0.AvailabilityZone, cidr: $0.CidrBlock,
                       freeAddresses: $0.AvailableIpAddressCount ?? 0)
            }
        }
    }

    public static func routeTables(region: String) -> AWSCall<[RouteTable]> {
        AWSCall(["ec2", "describe-route-tables"], what: "the route tables of \(region)") { data in
            try JSONDecoder().decode(Raw.RouteTables.self, from: data).RouteTables.map { table in
                let associations = table.Associations ?? []
                let outward = (table.Routes ?? []).compactMap { route -> String? in
                    if let nat = route.NatGatewayId { return nat }
                    if let gateway = route.GatewayId, gateway.hasPrefix("igw-") { return gateway }
                    return route.EgressOnlyInternetGatewayId
                }
                return RouteTable(id: table.RouteTableId, vpc: table.VpcId, isMain: associations.contains { $0.Main == true },
                                  subnets: associations.compactMap(\.SubnetId), internetTargets: outward)
            }
        }
    }

    public static func securityGroups(region: String) -> AWSCall<[SecurityGroup]> {
        AWSCall(["ec2", "describe-security-groups"], what: "the security groups of \(region)") { data in
            try JSONDecoder().decode(Raw.SecurityGroups.self, from: data).SecurityGroups.map {
                SecurityGroup(id: $0.GroupId, name: $0.GroupName, vpc: $0.VpcId ?? "")
            }
        }
    }

    public static let roles = AWSCall(["iam", "list-roles"], what: "the account's IAM roles") { data in
        try JSONDecoder().decode(Raw.Roles.self, from: data).Roles.map {
            IAMRole(name: $0.RoleName, arn: $0.Arn, trusts: $0.AssumeRolePolicyDocument?.services ?? [])
        }
    }

    public static func repositories(region: String) -> AWSCall<[String]> {
        AWSCall(["codecommit", "list-repositories"], what: "the CodeCommit repositories of \(region)") { data in
            try JSONDecoder().decode(Raw.Repositories.self, from: data).repositories.map(\.repositoryName)
        }
    }

    /// The regions the account has enabled (opted in, or on by default), by code.
    public static let regions = AWSCall(["ec2", "describe-regions"], what: "the regions the account has enabled") { data in
        try JSONDecoder().decode(Raw.Regions.self, from: data).Regions.map(\.RegionName).sorted()
    }

    /// The regions where CodeArtifact is offered, from AWS's public parameters of its global
    /// infrastructure (readable from any account and region).
    public static let codeArtifactRegions = AWSCall(
        ["ssm", "get-parameters-by-path", "--path", "/aws/service/global-infrastructure/services/codeartifact/regions"],
        what: "the regions CodeArtifact is offered in"
    ) { data in
        try JSONDecoder().decode(Raw.Parameters.self, from: data).Parameters.map(\.Value).sorted()
    }

    /// The domains of this account, by name.
    public static func domains(region: String) -> AWSCall<[String]> {
        AWSCall(["codeartifact", "list-domains"], what: "the CodeArtifact domains of \(region)") { data in
            try JSONDecoder().decode(Raw.Domains.self, from: data).domains.map(\.name)
        }
    }
}

/// The shapes of the CLI's JSON, named as AWS names them.
private enum Raw {
    struct Tag: Decodable { var Key: String; var Value: String? }

    static func name(_ tags: [Tag]?) -> String { tags?.first { $0.Key == "Name" }?.Value ?? "" }

    struct Identity: Decodable { var Account: String; var Arn: String }
    struct Attribute: Decodable {
        struct Value: Decodable { var Value: Bool? }
        var EnableDnsSupport: Value?
        var EnableDnsHostnames: Value?
    }

    struct VPCs: Decodable {
        struct VPC: Decodable { var VpcId: String; var CidrBlock: String; var IsDefault: Bool?; var Tags: [Tag]? }
        var Vpcs: [VPC]
    }

    struct Subnets: Decodable {
        struct Subnet: Decodable {
            var SubnetId: String, VpcId: String, AvailabilityZone: String, CidrBlock: String
            var AvailableIpAddressCount: Int?
            var Tags: [Tag]?
        }
        var Subnets: [Subnet]
    }

    struct RouteTables: Decodable {
        struct Association: Decodable { var Main: Bool?; var SubnetId: String? }
        struct Route: Decodable { var GatewayId: String?; var NatGatewayId: String?; var EgressOnlyInternetGatewayId: String? }
        struct Table: Decodable { var RouteTableId: String; var VpcId: String; var Associations: [Association]?; var Routes: [Route]? }
        var RouteTables: [Table]
    }

    struct SecurityGroups: Decodable {
        struct Group: Decodable { var GroupId: String; var GroupName: String; var VpcId: String? }
        var SecurityGroups: [Group]
    }

    /// A trust policy: Statement and Principal.Service may each be one or a list.
    struct Trust: Decodable {
        var services: [String]

        private struct Statement: Decodable {
            struct Principal: Decodable { var Service: OneOrMany? }
            var Effect: String?
            var Principal: Principal?
        }
        private enum Keys: String, CodingKey { case Statement }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            let statements = (try? container.decode([Statement].self, forKey: .Statement))
                ?? (try? container.decode(Statement.self, forKey: .Statement)).map { [$0] } ?? []
            services = statements.filter { $0.Effect == "Allow" }.flatMap { $0.Principal?.Service?.values ?? [] }
        }
    }

    struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }
    }

    struct Roles: Decodable {
        struct Role: Decodable { var RoleName: String; var Arn: String; var AssumeRolePolicyDocument: Trust? }
        var Roles: [Role]
    }

    struct Repositories: Decodable {
        struct Repository: Decodable { var repositoryName: String }
        var repositories: [Repository]
    }

    struct Domains: Decodable {
        struct Domain: Decodable { var name: String }
        var domains: [Domain]
    }

    struct Regions: Decodable {
        struct Region: Decodable { var RegionName: String }
        var Regions: [Region]
    }

    struct Parameters: Decodable {
        struct Parameter: Decodable { var Value: String }
        var Parameters: [Parameter]
    }
}
