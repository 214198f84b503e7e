// The VPC's DNS attributes, which private DNS on interface endpoints needs.

enum VPCDNSStep {
    static func make(_ c: PlanContext) -> PlanPart {
        guard c.answers.endpoints.privateDNS else { return PlanPart() }
        let modify = Command("ec2", "modify-vpc-attribute").with("vpc-id", .text(c.network.vpc))
        return PlanPart([Step(
            id: .vpcDNS, title: "Turn on DNS support and DNS host names in \(c.network.vpc)",
            why: "Private DNS names of interface endpoints resolve only in a VPC with both attributes on; they belong to your VPC, so teardown leaves them.",
            always: [.call(modify.with("enable-dns-support", #"{"Value":true}"#)),
                     .call(modify.with("enable-dns-hostnames", #"{"Value":true}"#))])])
    }

    /// What teardown.sh says at its end of the attributes, which it leaves as they are.
    static func leftOn(vpc: String) -> String {
        "DNS support and DNS host names stay on in \(vpc): setup.sh turned them on for the endpoints' private DNS, but they are the VPC's, and other workloads may rely on them; turn them off in the VPC's settings only if nothing needs them."
    }
}
