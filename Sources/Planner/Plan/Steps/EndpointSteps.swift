// The VPC endpoints the build needs (see `Endpoints.decide`), created back to back; the
// interface endpoints are awaited together, later, so that their minutes overlap other steps.

enum EndpointSteps {
    /// Endpoint states that no longer serve: such an endpoint is not found, and a new one is made.
    private static let gone = "['deleted','deleting','Deleted','Deleting','failed','Failed']"

    /// The planned endpoints that are not being deleted: service name, id, then vpcpipe's tag.
    static func lookup(_ c: PlanContext) -> Lookup? {
        guard !c.planned.isEmpty else { return nil }
        return Lookup("ENDPOINTS", Command("ec2", "describe-vpc-endpoints")
            .with("filters", c.filters([("vpc-id", [.text(c.network.vpc)]),
                                        ("service-name", c.planned.map { .text($0.serviceName(region: c.answers.region)) })]))
            .query("VpcEndpoints[?!contains(\(gone), State)].[ServiceName,VpcEndpointId,\(c.tagQuery("Tags", key: "Key", value: "Value"))]"))
    }

    /// The steps, and the interface endpoints' ids to await.
    static func make(_ c: PlanContext, securityGroup: Arg) -> (part: PlanPart, interfaces: [Arg]) {
        var part = PlanPart()
        var interfaces: [Arg] = []
        let network = c.network, region = c.answers.region
        for decision in c.decisions where decision.planned {
            let service = decision.service
            let variable = Endpoints.variable(service)
            let serviceName = service.serviceName(region: region)
            var create = Command("ec2", "create-vpc-endpoint").with("vpc-id", .text(network.vpc))
                .with("vpc-endpoint-type", service.isGateway ? "Gateway" : "Interface")
                .with("service-name", .text(serviceName))
            if service.isGateway {
                create = create.with("route-table-ids", network.routeTables.map(Arg.text))
            } else {
                create = create.with("subnet-ids", network.subnets.map(Arg.text)).with("security-group-ids", securityGroup)
                    .with(c.answers.endpoints.privateDNS ? "private-dns-enabled" : "no-private-dns-enabled")
                interfaces.append(.variable(variable))
            }
            if c.answers.endpoints.policies == .leastPrivilege {
                let policy = c.policies.endpoint(service)
                part.documents.append((Policies.endpointFile(service), policy))
                create = create.with("policy-document", policy.arg)
            }
            create = create.with("tag-specifications", c.tagSpecifications("vpc-endpoint")).query("VpcEndpoint.VpcEndpointId")
            part.steps.append(Step(
                id: .endpoint(service),
                title: "\(service.isGateway ? "Gateway" : "Interface") VPC endpoint \(serviceName)",
                why: "Without internet, \(decision.reason); this endpoint is the only way there.",
                resources: [Resource("VPC endpoint", .text(serviceName))],
                check: Check(in: lookup(c)!, key: .text(serviceName), capture: variable).tagged(.found),
                create: [.capture(variable, create)],
                teardown: [.capture(variable, Command("ec2", "describe-vpc-endpoints")
                                .with("filters", c.filters([("vpc-id", .text(network.vpc)), ("service-name", .text(serviceName)), c.ownTagFilter]))
                                .query("VpcEndpoints[?!contains(\(gone), State)] | [0].VpcEndpointId")),
                           .ifFound(variable, [.call(Command("ec2", "delete-vpc-endpoints")
                                                    .with("vpc-endpoint-ids", .variable(variable)))])]))
        }
        return (part, interfaces)
    }

    static func awaitAvailable(_ interfaces: [Arg]) -> PlanPart {
        guard !interfaces.isEmpty else { return PlanPart() }
        return PlanPart([Step(
            id: .endpointsAvailable, title: "Wait until the interface endpoints are available",
            why: "Interface endpoints take minutes to come up, and a build started earlier cannot reach its services.",
            always: [.awaitEndpoints(interfaces)])])
    }
}
