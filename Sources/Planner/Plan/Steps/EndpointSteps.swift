// The VPC endpoints the build needs (see `Endpoints.decide`), created back to back; the
// interface endpoints are awaited together, later, so that their minutes overlap other steps.

enum EndpointSteps {
    /// Endpoint states that no longer serve: such an endpoint is not found, and a new one is made.
    private static let gone = "['deleted','deleting','Deleted','Deleting','failed','Failed']"

    /// The endpoints preflight judges: those planned, and those the answers list as existing.
    static func judged(_ c: PlanContext) -> [EndpointDecision] {
        c.decisions.filter { $0.planned || c.answers.endpoints.existing.contains($0.service) }
    }

    /// A row's key: an S3 interface endpoint is not the gateway the route tables need.
    private static func key(_ service: EndpointService, region: String) -> String {
        service.serviceName(region: region) + (service.isGateway ? "/Gateway" : "/Interface")
    }

    /// The judged services' endpoints that are not being deleted: SERVICE/TYPE, id, private DNS,
    /// security groups, route tables, then vpcpipe's tag (preflight.bash reads these fields).
    static func lookup(_ c: PlanContext) -> Lookup? {
        let services = judged(c).map(\.service)
        guard !services.isEmpty else { return nil }
        return Lookup("ENDPOINTS", Command("ec2", "describe-vpc-endpoints")
            .with("filters", c.filters([("vpc-id", [.text(c.network.vpc)]),
                                        ("service-name", services.map { .text($0.serviceName(region: c.answers.region)) })]))
            .query("VpcEndpoints[?!contains(\(gone), State)].[join('/', [ServiceName, VpcEndpointType]), VpcEndpointId, PrivateDnsEnabled, join(' ', Groups[].GroupId) || 'none', join(' ', RouteTableIds) || 'none', \(c.tagQuery("Tags", key: "Key", value: "Value"))]"))
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
            let type: Arg = service.isGateway ? "Gateway" : "Interface"
            var create = Command("ec2", "create-vpc-endpoint").with("vpc-id", .text(network.vpc))
                .with("vpc-endpoint-type", type)
                .with("service-name", .text(serviceName))
            var properties: [(String, JSONValue)] = [("VpcId", .string(.text(network.vpc))), ("ServiceName", .string(.text(serviceName))),
                                                     ("VpcEndpointType", .string(type))]
            if service.isGateway {
                create = create.with("route-table-ids", network.routeTables.map(Arg.text))
                properties.append(("RouteTableIds", .array(network.routeTables.map { .string(.text($0)) })))
            } else {
                // One subnet a zone, which preflight picked (preflight.bash judge_subnets).
                let subnets = Arg.variable("ENDPOINT_SUBNETS")
                create = create.with("subnet-ids", subnets).with("security-group-ids", securityGroup)
                    .with(c.answers.endpoints.privateDNS ? "private-dns-enabled" : "no-private-dns-enabled")
                properties += [("SubnetIds", .string(subnets)), ("SecurityGroupIds", [.string(securityGroup)]),
                               ("PrivateDnsEnabled", .bool(c.answers.endpoints.privateDNS))]
                interfaces.append(.variable(variable))
            }
            if let policy = c.policies.endpoint(service) {
                part.documents.append((Policies.endpointFile(service), policy))
                create = create.with("policy-document", policy.arg)
                properties.append(("PolicyDocument", policy))
            }
            create = create.with("tag-specifications", c.tagSpecifications("vpc-endpoint")).query("VpcEndpoint.VpcEndpointId")
            let declaration = Declaration(Declaration.ID.endpoint(service), "AWS::EC2::VPCEndpoint",
                                          properties + [("Tags", c.declaredTags)], variable: (variable, "Id"))
            part.steps.append(Step(
                id: .endpoint(service),
                title: service.isGateway ? .stepGatewayEndpoint : .stepInterfaceEndpoint, ["endpoint": serviceName],
                why: "Without internet, \(decision.reason); this endpoint is the only way there.",
                resources: [Resource(.kindEndpoint, .text(serviceName), answer: \Answers.endpoints.existing,
                                     declarations: [declaration])],
                check: Check(in: lookup(c)!, key: .text(key(service, region: region)), capture: variable).tagged(.found),
                create: [.capture(variable, create)],
                teardown: [.capture(variable, Command("ec2", "describe-vpc-endpoints")
                                .with("filters", c.filters([("vpc-id", .text(network.vpc)), ("service-name", .text(serviceName)), c.ownTagFilter]))
                                .firstPage().query("VpcEndpoints[?!contains(\(gone), State)] | [0].VpcEndpointId")),
                           .ifFound(variable, [.call(Command("ec2", "delete-vpc-endpoints")
                                                    .with("vpc-endpoint-ids", .variable(variable)))])]))
        }
        return (part, interfaces)
    }

    static func awaitAvailable(_ interfaces: [Arg]) -> PlanPart {
        guard !interfaces.isEmpty else { return PlanPart() }
        return PlanPart([Step(
            id: .endpointsAvailable, title: .stepEndpointsAvailable,
            why: "Interface endpoints take minutes to come up, and a build started earlier cannot reach its services.",
            always: [.awaitEndpoints(interfaces)])])
    }
}
