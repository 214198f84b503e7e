// The VPC's DNS attributes, which private DNS on interface endpoints needs.

enum VPCDNSStep {
    static func make(_ c: PlanContext) -> PlanPart {
        guard c.answers.endpoints.privateDNS else { return PlanPart() }
        let modify = Command("ec2", "modify-vpc-attribute").with("vpc-id", .text(c.network.vpc))
        return PlanPart([Step(
            id: .vpcDNS, title: .stepVPCDNS, ["vpc": c.network.vpc],
            why: "Private DNS names of interface endpoints resolve only in a VPC with both attributes on; they belong to your VPC, so teardown leaves them.",
            always: [.call(modify.with("enable-dns-support", #"{"Value":true}"#)),
                     .call(modify.with("enable-dns-hostnames", #"{"Value":true}"#))])])
    }
}
