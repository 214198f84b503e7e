// Preflight reads the account before anything is created: the subnets, their zones and route
// tables, the endpoints already in the VPC, and (in lookups that find several resources a
// call) what the later steps would create. Its rules (Resources/scripts/preflight.bash) judge
// those rows; setup.sh then reads every step's check, and stops with every problem found
// before it asks to create anything.

enum PreflightStep {
    static func make(_ c: PlanContext) -> PlanPart {
        let network = c.network, region = c.answers.region
        let interfaces = c.planned.filter { !$0.isGateway }
        var facts: [Action] = [
            .lookup(Lookup("SUBNETS", Command("ec2", "describe-subnets")
                .with("filters", c.filters([("subnet-id", network.subnets.map(Arg.text))]))
                .query("Subnets[].[SubnetId,VpcId,AvailabilityZone,CidrBlock]"))),
            // Every VPC has a main route table: none found means no such VPC.
            .lookup(Lookup("ROUTE_TABLES", Command("ec2", "describe-route-tables")
                .with("filters", c.filters(("vpc-id", .text(network.vpc))))
                .query("RouteTables[].[RouteTableId, length(Associations[?Main]), join(' ', Associations[].SubnetId) || 'none']"))),
        ]
        if !interfaces.isEmpty {
            // Fails in a region without these services, which stops setup with AWS's message.
            facts.append(.lookup(Lookup("ENDPOINT_ZONES", Command("ec2", "describe-vpc-endpoint-services")
                .with("service-names", interfaces.map { .text($0.serviceName(region: region)) })
                .query("ServiceDetails[].[ServiceName, join(' ', AvailabilityZones)]"))))
        }
        let judged = EndpointSteps.judged(c)
        if let endpoints = EndpointSteps.lookup(c) {
            facts.append(.lookup(endpoints))
            if judged.contains(where: { !$0.service.isGateway }) {
                // The rules of the found endpoints' groups, to tell whether they admit the build.
                facts += [.rule(.endpointGroups, [], sets: ["ENDPOINT_GROUPS"]),
                          .ifFound("ENDPOINT_GROUPS", [.lookup(Lookup("ENDPOINT_RULES", Command("ec2", "describe-security-group-rules")
                              .with("filters", "Name=group-id,Values=" + Arg.variable("ENDPOINT_GROUPS"))
                              .query("SecurityGroupRules[?!IsEgress].[GroupId, IpProtocol, FromPort, ToPort, CidrIpv4 || 'none', ReferencedGroupInfo.GroupId || 'none']")))])]
            }
        }
        if network.securityGroup == .vpcDefault {
            facts.append(.capture("DEFAULT_SG", Command("ec2", "describe-security-groups")
                .with("filters", c.filters(("vpc-id", .text(network.vpc)), ("group-name", "default")))
                .firstPage().query("SecurityGroups[0].GroupId")))
        }
        let lookups: [Lookup?] = [RoleSteps.lookup(c), SecurityGroupSteps.lookup(c), CodeArtifactSteps.repositoryLookup(c),
                                  SourceRepositorySteps.sampleFileLookup(c)]
        facts += lookups.compactMap { $0.map(Action.lookup) }
        // What the operator chose on purpose is used as it is, never changed, but read: a role
        // given by ARN exists and trusts its service (IAM shows only the caller's account's
        // roles), a security group given by id is in the VPC.
        var chosen: [Action] = []
        for role in RoleSteps.roles(c) {
            guard let given = role.given else { continue }
            let name = given.key.uppercased().replacingOccurrences(of: ".", with: "_")
            let roleName = String(given.arn.split(separator: "/").last ?? "")
            facts += [.rule(.ownRole, [.text(name), .text(given.arn)], sets: [name]),
                      .ifFound(name, [.lookup(Lookup(name + "_TRUST", Command("iam", "get-role").with("role-name", .text(roleName))
                          .query("Role.[RoleName, join(' ', [AssumeRolePolicyDocument.Statement][] | [?Effect=='Allow'].Principal.Service | [])]"),
                          absent: ["NoSuchEntity"]))])]
            chosen.append(.rule(.judgeRole, [.text(given.key), .text(given.arn), .text(role.service), .text(role.trustFile),
                                               .text(name)], sets: []))
        }
        if case .existing(let id) = network.securityGroup {
            facts.append(.lookup(Lookup("GIVEN_GROUP", Command("ec2", "describe-security-groups")
                .with("filters", c.filters(("group-id", .text(id)))).query("SecurityGroups[].[GroupId, VpcId]"))))
            chosen.append(.rule(.judgeGroup, [.text(id), .text(network.vpc)], sets: []))
        }

        var rules: [Action] = [.rule(.judgeSubnets, [.text(network.vpc)] + network.subnets.map(Arg.text),
                                     sets: ["ENDPOINT_SUBNETS"])]
        if c.planned.contains(.s3) {
            rules.append(.rule(.judgeRouteTables, network.routeTables.map(Arg.text), sets: []))
        }
        let buildGroup = SecurityGroupSteps.buildGroupKnownBeforehand(c)
        rules += judged.map { endpoint in
            .rule(.judgeEndpoint, [.text(endpoint.service.rawValue), .text(endpoint.service.serviceName(region: region)),
                                     endpoint.service.isGateway ? "Gateway" : "Interface",
                                     endpoint.planned ? "planned" : "existing",
                                     c.answers.endpoints.privateDNS ? "true" : "false", buildGroup],
                  sets: [], said: Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
                      (language, EndpointPolicyCheck.requirement(endpoint.service, c.policies, language))
                  }))
        } + chosen
        return PlanPart([Step(
            id: .preflight, title: .stepPreflight, ["region": region],
            why: "The article builds in your own private VPC, which other teams share: what is wrong or not vpcpipe's is cheaper to find before anything is created, and one call finding several resources is cheaper than one call each.",
            resources: network.securityGroup == .vpcDefault ? [Resource(.kindSecurityGroup, "default", existing: true)] : [],
            always: facts + rules)])
    }
}
