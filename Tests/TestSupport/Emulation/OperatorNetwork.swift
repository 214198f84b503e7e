import Foundation

/// The operator's own network, which vpcpipe uses but never creates: a VPC with two subnets
/// in two Availability Zones and the route table they use, made through the CLI as an operator would.
public struct OperatorNetwork: Equatable {
    public var vpc: String
    public var subnets: [String]
    public var routeTable: String

    public static func create(with aws: AWSCLI) throws -> OperatorNetwork {
        let vpc = try aws.text("ec2", "create-vpc", "--cidr-block", "10.42.0.0/16", "--query", "Vpc.VpcId")
        let subnets = try [("10.42.1.0/24", "us-west-2a"), ("10.42.2.0/24", "us-west-2b")].map { cidr, zone in
            try aws.text("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", cidr,
                         "--availability-zone", zone, "--query", "Subnet.SubnetId")
        }
        let routeTable = try aws.text("ec2", "create-route-table", "--vpc-id", vpc, "--query", "RouteTable.RouteTableId")
        // The subnets use the table explicitly, so the S3 gateway endpoint on it reaches them.
        for subnet in subnets {
            try aws.text("ec2", "associate-route-table", "--route-table-id", routeTable, "--subnet-id", subnet,
                         "--query", "AssociationId")
        }
        return OperatorNetwork(vpc: vpc, subnets: subnets, routeTable: routeTable)
    }

    /// Whether the VPC, both subnets and the route table still exist.
    public func exists(with aws: AWSCLI) throws -> Bool {
        let vpcs = try aws.json([String].self, "ec2", "describe-vpcs", "--vpc-ids", vpc, "--query", "Vpcs[].VpcId")
        let subnetIDs = try aws.json([String].self, "ec2", "describe-subnets", "--filters", "Name=vpc-id,Values=\(vpc)",
                                     "--query", "Subnets[].SubnetId")
        let tables = try aws.json([String].self, "ec2", "describe-route-tables", "--route-table-ids", routeTable,
                                  "--query", "RouteTables[].RouteTableId")
        return vpcs == [vpc] && Set(subnetIDs) == Set(subnets) && tables == [routeTable]
    }
}
