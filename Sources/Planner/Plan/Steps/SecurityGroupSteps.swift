// The security groups of the build and the endpoints: two vpcpipe creates (443 from the build
// to the endpoints), the VPC's default group as in the article, or a group the operator gives.

enum SecurityGroupSteps {
    /// The build's and the endpoints' security groups: group name, id, then vpcpipe's tag.
    static func lookup(_ c: PlanContext) -> Lookup? {
        guard c.network.securityGroup == .create else { return nil }
        return Lookup("SECURITY_GROUPS", Command("ec2", "describe-security-groups")
            .with("filters", c.filters([("vpc-id", [.text(c.network.vpc)]),
                                        ("group-name", [.text(c.names.buildSecurityGroup), .text(c.names.endpointSecurityGroup)])]))
            .query("SecurityGroups[].[GroupName,GroupId,\(c.tagQuery("Tags", key: "Key", value: "Value"))]"))
    }

    /// The steps, and the build's and the endpoints' groups as arguments for later steps.
    static func make(_ c: PlanContext) -> (part: PlanPart, build: Arg, endpoint: Arg) {
        switch c.network.securityGroup {
        case .create:
            let build = Arg.variable("BUILD_SG")
            // HTTPS out only: setup.sh revokes the group's default rule (all out) and CloudFormation
            // drops it when a group declares its egress.
            let httpsOut = Rule(port: 443, peer: .cidr("0.0.0.0/0"))
            let buildGroup = group(c, id: .buildSecurityGroup, logicalID: Declaration.ID.buildSecurityGroup,
                                   title: .stepBuildSecurityGroup,
                                   name: c.names.buildSecurityGroup, variable: "BUILD_SG",
                                   why: "The build's network interfaces need HTTPS out to the endpoints and S3 and nothing in.",
                                   deletesDetachedInterfaces: true, declared: [("SecurityGroupEgress", [httpsOut.declared])],
                                   rules: [
                                       .call(Command("ec2", "revoke-security-group-egress", tolerates: ["InvalidPermission.NotFound"])
                                           .with("group-id", build).with("ip-permissions", Rule.allOut.permissions)),
                                       .call(Command("ec2", "authorize-security-group-egress", tolerates: ["InvalidPermission.Duplicate"])
                                           .with("group-id", build).with("ip-permissions", httpsOut.permissions)),
                                   ])
            let endpoint = Arg.variable("ENDPOINT_SG")
            let httpsFromBuild = Rule(port: 443, peer: .group(build))
            let endpointGroup = group(c, id: .endpointSecurityGroup, logicalID: Declaration.ID.endpointSecurityGroup,
                                      title: .stepEndpointSecurityGroup,
                                      name: c.names.endpointSecurityGroup, variable: "ENDPOINT_SG",
                                      why: "The interface endpoints accept HTTPS from the build's security group only.",
                                      deletesDetachedInterfaces: false, declared: [("SecurityGroupIngress", [httpsFromBuild.declared])],
                                      rules: [.call(Command("ec2", "authorize-security-group-ingress", tolerates: ["InvalidPermission.Duplicate"])
                                          .with("group-id", endpoint).with("ip-permissions", httpsFromBuild.permissions))])
            return (PlanPart([buildGroup, endpointGroup]), build, endpoint)
        case .vpcDefault:
            // As in the article, the build and the endpoints share the VPC's default group, whose
            // members reach each other; preflight finds its id.
            return (PlanPart(), .variable("DEFAULT_SG"), .variable("DEFAULT_SG"))
        case .existing(let id):
            return (PlanPart(), .text(id), .text(id))
        }
    }

    /// The build's group as preflight knows it, to judge the endpoints already in the VPC: a
    /// group vpcpipe creates has no id before it exists.
    /// What a group the operator gives must allow, which setup.sh never changes: the reader's
    /// warning and checklist.md say it in these words.
    static func givenGroupNeeds(vpc: String, subnets: String, _ language: Language = .en) -> String {
        Phrase.givenGroupNeeds.text(language, ["vpc": vpc, "subnets": subnets])
    }

    static func buildGroupKnownBeforehand(_ c: PlanContext) -> Arg {
        switch c.network.securityGroup {
        case .create: ""
        case .vpcDefault: .variable("DEFAULT_SG")
        case .existing(let id): .text(id)
        }
    }

    /// One rule of a group, as setup.sh's `--ip-permissions` and the template's entry say it.
    private struct Rule {
        enum Peer { case cidr(String), group(Arg) }
        var ipProtocol = "tcp"
        var port: Int?
        var peer: Peer

        /// A group's default rule: all traffic out.
        static let allOut = Rule(ipProtocol: "-1", port: nil, peer: .cidr("0.0.0.0/0"))

        private var ports: [(String, JSONValue)] { port.map { [("FromPort", .number($0)), ("ToPort", .number($0))] } ?? [] }

        var permissions: Arg {
            var rule: [(String, JSONValue)] = [("IpProtocol", .string(.text(ipProtocol)))] + ports
            switch peer {
            case .cidr(let range): rule.append(("IpRanges", [.object([("CidrIp", .string(.text(range)))])]))
            case .group(let group): rule.append(("UserIdGroupPairs", [.object([("GroupId", .string(group))])]))
            }
            return JSONValue.array([.object(rule)]).arg
        }

        var declared: JSONValue {
            let to: (String, JSONValue) = switch peer {
            case .cidr(let range): ("CidrIp", .string(.text(range)))
            case .group(let group): ("SourceSecurityGroupId", .string(group))
            }
            return .object([("IpProtocol", .string(.text(ipProtocol)))] + ports + [to])
        }
    }

    /// `deletesDetachedInterfaces`: teardown deletes the network interfaces CodeBuild left in
    /// the group detached (status available), which keep it from being deleted and which
    /// CodeBuild may take long to remove. Those AWS manages (an endpoint's) are not deleted.
    private static func group(_ c: PlanContext, id: StepID, logicalID: String, title: Phrase, name: String, variable: String,
                              why: String, deletesDetachedInterfaces: Bool, declared: [(String, JSONValue)],
                              rules: [Action]) -> Step {
        let group = Arg.variable(variable)
        let description = "\(title.text(.en)) (\(c.answers.name)), created by vpcpipe"
        let declaration = Declaration(logicalID, "AWS::EC2::SecurityGroup", [
            ("GroupName", .string(.text(name))), ("GroupDescription", .string(.text(description))),
            ("VpcId", .string(.text(c.network.vpc))),
        ] + declared + [("Tags", c.declaredTags)], variable: (variable, "GroupId"))
        let detached: [Action] = deletesDetachedInterfaces
            ? [.deleteEach(list: Action.interfacesUsing(group, query: "NetworkInterfaces[?Status=='available' && !RequesterManaged].[NetworkInterfaceId]"),
                           fields: ["INTERFACE"],
                           delete: Command("ec2", "delete-network-interface").with("network-interface-id", .variable("INTERFACE")))]
            : []
        return Step(
            id: id, title: title, why: why,
            resources: [Resource(.kindSecurityGroup, .text(name), answer: \Answers.network.securityGroup.text,
                                 declarations: [declaration])],
            check: Check(in: lookup(c)!, key: .text(name), capture: variable).tagged(.found),
            create: [.capture(variable, Command("ec2", "create-security-group").with("group-name", .text(name))
                .with("description", .text(description))
                .with("vpc-id", .text(c.network.vpc)).with("tag-specifications", c.tagSpecifications("security-group"))
                .query("GroupId"))],
            // Every run, so a run stopped between the group and its rules is completed; a rule
            // already in place (or already revoked) is not an error.
            always: rules,
            // Only a group with vpcpipe's tag is deleted, once the network interfaces of CodeBuild
            // and the endpoints have left it.
            teardown: [.capture(variable, Command("ec2", "describe-security-groups")
                            .with("filters", c.filters([("vpc-id", .text(c.network.vpc)), ("group-name", .text(name)), c.ownTagFilter]))
                            .firstPage().query("SecurityGroups[0].GroupId")),
                       .ifFound(variable, detached + [.awaitInterfacesGone(group: group),
                                                      .call(Command("ec2", "delete-security-group").with("group-id", group))])],
            foreign: Problem("network.security_group", .adviceSecurityGroup))
    }
}
