import Foundation

/// An account that already holds things, for the wizard to read: the article's VPC ("Private":
/// private subnets in two zones on one route table, a third subnet routed through a NAT
/// gateway), a web VPC with an internet gateway, a sandbox VPC, moto's default VPC; another
/// team's logs endpoint in the article's VPC that fits the build; and a role with the name
/// vpcpipe would give the build's, not made by vpcpipe.
public struct SeededAccount {
    public var vpc: String
    /// The private subnets, in us-west-2a and us-west-2b, and the table they use.
    public var privateSubnets: [String]
    public var privateTable: String
    /// The subnet in us-west-2c whose table routes to a NAT gateway.
    public var natSubnet: String
    public var logsEndpoint: String
    public var role: String

    public static func create(with aws: AWSCLI) throws -> SeededAccount {
        @discardableResult func text(_ arguments: String...) throws -> String { try aws.text(arguments) }
        func vpc(_ cidr: String, name: String) throws -> String {
            try text("ec2", "create-vpc", "--cidr-block", cidr, "--tag-specifications",
                     #"[{"ResourceType":"vpc","Tags":[{"Key":"Name","Value":"\#(name)"}]}]"#, "--query", "Vpc.VpcId")
        }
        func subnet(_ vpc: String, _ cidr: String, _ zone: String, name: String) throws -> String {
            try text("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", cidr, "--availability-zone", zone, "--tag-specifications",
                     #"[{"ResourceType":"subnet","Tags":[{"Key":"Name","Value":"\#(name)"}]}]"#, "--query", "Subnet.SubnetId")
        }
        func table(_ vpc: String, for subnets: [String]) throws -> String {
            let table = try text("ec2", "create-route-table", "--vpc-id", vpc, "--query", "RouteTable.RouteTableId")
            for subnet in subnets {
                try text("ec2", "associate-route-table", "--route-table-id", table, "--subnet-id", subnet, "--query", "AssociationId")
            }
            return table
        }

        let web = try vpc("10.50.0.0/16", name: "team-web")
        let webSubnet = try subnet(web, "10.50.1.0/24", "us-west-2a", name: "web-public")
        let gateway = try text("ec2", "create-internet-gateway", "--query", "InternetGateway.InternetGatewayId")
        try text("ec2", "attach-internet-gateway", "--internet-gateway-id", gateway, "--vpc-id", web)
        let webTable = try table(web, for: [webSubnet])
        try text("ec2", "create-route", "--route-table-id", webTable, "--destination-cidr-block", "0.0.0.0/0",
                 "--gateway-id", gateway, "--query", "Return")
        let sandbox = try vpc("10.60.0.0/16", name: "sandbox")
        _ = try subnet(sandbox, "10.60.1.0/24", "us-west-2a", name: "sandbox-a")

        let article = try vpc("10.42.0.0/16", name: "Private")
        let subnets = try [("10.42.1.0/24", "us-west-2a"), ("10.42.2.0/24", "us-west-2b")].map {
            try subnet(article, $0.0, $0.1, name: "private-\($0.1.suffix(1))")
        }
        let privateTable = try table(article, for: subnets)
        let natSubnet = try subnet(article, "10.42.3.0/24", "us-west-2c", name: "egress-c")
        let address = try text("ec2", "allocate-address", "--domain", "vpc", "--query", "AllocationId")
        let nat = try text("ec2", "create-nat-gateway", "--subnet-id", natSubnet, "--allocation-id", address,
                           "--query", "NatGateway.NatGatewayId")
        let natTable = try table(article, for: [natSubnet])
        try text("ec2", "create-route", "--route-table-id", natTable, "--destination-cidr-block", "0.0.0.0/0",
                 "--nat-gateway-id", nat, "--query", "Return")

        let group = try text("ec2", "create-security-group", "--group-name", "team-logs", "--description", "another team's",
                             "--vpc-id", article, "--query", "GroupId")
        try text("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "443",
                 "--cidr", "10.42.0.0/16", "--query", "Return")
        let logs = try text("ec2", "create-vpc-endpoint", "--vpc-id", article, "--vpc-endpoint-type", "Interface",
                            "--service-name", "com.amazonaws.us-west-2.logs", "--subnet-ids", subnets[0], "--security-group-ids", group,
                            "--private-dns-enabled", "--query", "VpcEndpoint.VpcEndpointId")

        let role = "codebuild-Private-service-role"
        try text("iam", "create-role", "--role-name", role, "--path", "/service-role/", "--assume-role-policy-document",
                 #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
                 "--query", "Role.Arn")
        return SeededAccount(vpc: article, privateSubnets: subnets, privateTable: privateTable, natSubnet: natSubnet,
                             logsEndpoint: logs, role: role)
    }
}
