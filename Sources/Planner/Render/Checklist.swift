// checklist.md: the article's console walk-through with the operator's values, in an order where
// each value is known before a step needs it (the account, the roles, the groups, the domain's
// assets bucket, the artifact bucket, the endpoints), then the checks that prove the pipeline
// works. What the operator chose on purpose is used as it is: the list says what it must allow.
// Every sentence is a message of the catalog (Sources/Planner/Messages), in the answers' language.

public enum Checklist {
    public static func render(_ plan: Plan) -> String {
        let a = plan.answers, l = a.language
        let names = Names(a)
        let c = PlanContext(a)
        let roles = RoleSteps.roles(c)
        let policies = rolePolicyLines(roles, l)
        let console = "https://\(a.region).console.aws.amazon.com"
        let vpc = ["vpc": a.network.vpc]
        var sections: [(title: String, body: String)] = [
            (Phrase.checklistAccountTitle.text(l), Phrase.checklistAccount.text(l, [
                "command": cli(plan.identity, a), "variable": "${ACCOUNT}",
            ]) + "\n"),
            (Phrase.checklistNetworkTitle.text(l, ["console": console]),
             (a.endpoints.privateDNS ? Phrase.checklistVPCDNS : .checklistVPCDNSPrivateOff).text(l, vpc) + "\n"
                + Phrase.checklistSubnets.text(l, ["subnets": codes(a.network.subnets)]) + "\n"
                + securityGroupLines(a, names: names)),
            (Phrase.checklistCodeArtifactTitle.text(l, ["console": console]), codeArtifactLines(plan)),
            (Phrase.checklistBucketTitle.text(l), Phrase.checklistBucketCreate.text(l, [
                "bucket": names.artifactBucket.display, "region": a.region,
                "tags": c.tagPairs.map { "`\($0.0)` = `\($0.1)`" }.joined(separator: ", "),
            ]) + "\n" + Phrase.checklistBucketPolicy.text(l, ["file": "policies/\(ArtifactBucketStep.documentFile)"]) + "\n"),
            (Phrase.checklistEndpointsTitle.text(l, ["console": console]),
             Phrase.checklistEndpointsCreate.text(l, vpc) + "\n"
                + (Policies.warning(plan).map { Phrase.checklistNote.text(l, ["note": $0]) + "\n" } ?? "")
                + endpointLines(plan, names: names) + Phrase.checklistEndpointsAvailable.text(l) + "\n"),
            (Phrase.checklistSourceTitle.text(l, ["console": console]), sourceLines(a)),
            (Phrase.checklistPipelineTitle.text(l, ["console": console]), [
                Phrase.checklistPipelineCreate.text(l, [
                    "pipeline": a.pipeline.name, "type": a.pipeline.type.rawValue, "role": roleChoice(roles, .pipelineRole, l),
                ]),
                Phrase.checklistArtifactStore.text(l, ["bucket": names.artifactBucket.display]),
                Phrase.checklistPipelineSource.text(l, [
                    "repository": a.source.repository, "branch": a.source.branch, "trigger": triggerText(a, names: names),
                ]),
                Phrase.checklistBuildCreate.text(l),
                Phrase.checklistBuildProject.text(l, [
                    "project": a.build.project, "image": a.build.image, "compute": a.build.computeType,
                    "privileged": (a.build.privileged ? Phrase.on : .off).text(l),
                    "timeout": String(a.build.timeoutMinutes), "runtime": a.build.runtime,
                ]),
                Phrase.checklistBuildRole.text(l, ["role": roleChoice(roles, .codeBuildRole, l)]),
                Phrase.checklistBuildVPC.text(l, ["vpc": a.network.vpc, "group": securityGroupName(a, names: names)]),
                Phrase.checklistBuildspec.text(l, ["buildspec": a.build.buildspec]),
                a.build.logs == .cloudwatch ? Phrase.checklistLogs.text(l, ["group": names.logGroup]) : Phrase.checklistLogsOff.text(l),
                Phrase.checklistContinue.text(l, ["project": a.build.project]),
                (policies.isEmpty ? Phrase.checklistCreatePipeline : .checklistCreatePipelineBeforePolicies).text(l),
            ].map { $0 + "\n" }.joined()),
        ]
        if !policies.isEmpty {
            sections.append((Phrase.checklistPoliciesTitle.text(l), policies))
        }
        sections.append((Phrase.checklistProofTitle.text(l), proofLines(a) + Phrase.checklistTeardown.text(l) + "\n"))
        return Phrase.checklistHead.text(l, ["name": a.name, "region": a.region]) + "\n\n"
            + CostText.section(plan) + sections.enumerated().map { "\n## \($0.offset + 1). \($0.element.title)\n\n\($0.element.body)" }.joined()
    }

    /// A command as a shell line, with the region and profile the scripts add.
    private static func cli(_ command: Command, _ a: Answers) -> String {
        (["aws"] + Shell.words(command) + ["--region", Shell.quote(.text(a.region))]
            + (a.profile.isEmpty ? [] : ["--profile", Shell.quote(.text(a.profile))])).joined(separator: " ")
    }

    /// Ids as code, listed: `subnet-1`, `subnet-2`.
    private static func codes(_ ids: [String]) -> String {
        ids.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// The policy files, the last two joined by the language's "and".
    private static func files(_ names: [String], _ l: Language) -> String {
        names.map { "`policies/\($0)`" }.reduce(into: "") { out, file in
            out = out.isEmpty ? file : Phrase.bothOf.text(l, ["first": out, "second": file])
        }
    }

    /// How the console step chooses a role: a new one under the name setup.sh gives it, whose
    /// policies are set once it exists; or the role the answers give, with what it must allow.
    private static func roleChoice(_ roles: [RoleSteps.ServiceRole], _ id: StepID, _ l: Language) -> String {
        guard let role = roles.first(where: { $0.id == id }) else { return "" }
        guard let given = role.given else { return Phrase.checklistRoleNew.text(l, ["role": role.name]) }
        return (id == .codeBuildRole ? Phrase.checklistRoleGivenCodeBuild : .checklistRoleGiven)
            .text(l, ["arn": given.arn, "key": given.key, "requirement": role.kind.requirement(l)])
    }

    /// The policies of the roles the consoles made, once they exist: vpcpipe's inline ones, in
    /// place of the broader ones the consoles attach. The EventBridge role's, the console's own,
    /// allows what vpcpipe's would.
    private static func rolePolicyLines(_ roles: [RoleSteps.ServiceRole], _ l: Language) -> String {
        roles.filter { $0.given == nil && $0.id != .eventsRole }.map { role in
            Phrase.checklistRolePolicies.text(l, [
                "role": role.name,
                "policies": role.inline.map {
                    Phrase.checklistInlinePolicy.text(l, ["file": "policies/\($0.file)", "policy": $0.name])
                }.joined(separator: Phrase.checklistThenAgain.text(l)),
            ]) + "\n"
        }.joined()
    }

    private static func securityGroupLines(_ a: Answers, names: Names) -> String {
        let l = a.language
        switch a.network.securityGroup {
        case .create:
            return Phrase.checklistBuildGroup.text(l, ["group": names.buildSecurityGroup, "vpc": a.network.vpc]) + "\n"
                + Phrase.checklistEndpointGroup.text(l, [
                    "group": names.endpointSecurityGroup, "vpc": a.network.vpc, "build_group": names.buildSecurityGroup,
                ]) + "\n"
        case .vpcDefault:
            return Phrase.checklistDefaultGroup.text(l) + "\n"
        case .existing(let id):
            return Phrase.checklistGivenGroup.text(l, [
                "group": id,
                "needs": SecurityGroupSteps.givenGroupNeeds(vpc: "`\(a.network.vpc)`", subnets: Phrase.checklistSubnetsAbove.text(l), l),
            ]) + "\n"
        }
    }

    private static func securityGroupName(_ a: Answers, names: Names) -> String {
        switch a.network.securityGroup {
        case .create: "`\(names.buildSecurityGroup)`"
        case .vpcDefault: "`default`"
        case .existing(let id): "`\(id)`"
        }
    }

    /// The domain, its repositories, then the assets bucket's ARN when an endpoint policy names it.
    private static func codeArtifactLines(_ plan: Plan) -> String {
        let a = plan.answers, ca = a.codeartifact, l = a.language
        var lines = [ca.domainOwner.isEmpty
            ? Phrase.checklistDomainCreate.text(l, ["domain": ca.domain])
            : Phrase.checklistDomainShared.text(l, ["domain": ca.domain, "owner": ca.domainOwner])]
        let tool = Catalog.format(ca.format).tool
        if ca.upstream.isEmpty {
            lines.append(Phrase.checklistRepository.text(l, ["repository": ca.repository, "tool": tool]))
        } else {
            lines.append(Phrase.checklistUpstreamCreate.text(l, ["upstream": ca.upstream, "connection": ca.externalConnection]))
            lines.append(Phrase.checklistRepositoryWithUpstream.text(l, ["repository": ca.repository, "tool": tool, "upstream": ca.upstream]))
        }
        let assets = Policies.assetsBucketArn.variables[0]
        let users = plan.policies.filter { $0.document.rendered(pretty: false).variables.contains(assets) }.map(\.file)
        if let read = plan.step(.codeArtifactDomain)?.check, read.capture == assets, !users.isEmpty {
            lines.append(Phrase.checklistAssetsBucket.text(l, [
                "command": cli(read.command, a), "variable": "${\(assets)}", "files": files(users, l),
            ]))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private static func endpointLines(_ plan: Plan, names: Names) -> String {
        let a = plan.answers, l = a.language
        var out = ""
        for decision in plan.endpoints {
            var values = ["endpoint": decision.service.serviceName(region: a.region), "reason": decision.reason(l),
                          "route_tables": codes(a.network.routeTables)]
            if decision.planned {
                values["policy"] = a.endpoints.policies == .fullAccess
                    ? Phrase.checklistPolicyFullAccess.text(l)
                    : Phrase.checklistPolicyCustom.text(l, ["file": "policies/\(Policies.endpointFile(decision.service))"])
                values["group"] = endpointGroupName(a, names: names)
                values["private_dns"] = (a.endpoints.privateDNS ? Phrase.on : .off).text(l)
                out += (decision.service.isGateway ? Phrase.checklistGatewayEndpoint : .checklistInterfaceEndpoint).text(l, values)
            } else if a.endpoints.existing.contains(decision.service) {
                values["group"] = securityGroupName(a, names: names)
                out += (decision.service.isGateway ? Phrase.checklistGatewayEndpointGiven : .checklistInterfaceEndpointGiven).text(l, values)
            } else {
                out += Phrase.checklistEndpointNotCreated.text(l, values)
            }
            out += "\n"
        }
        return out
    }

    private static func endpointGroupName(_ a: Answers, names: Names) -> String {
        if case .create = a.network.securityGroup { return "`\(names.endpointSecurityGroup)`" }
        return securityGroupName(a, names: names)
    }

    private static func sourceLines(_ a: Answers) -> String {
        let l = a.language
        let values = ["repository": a.source.repository, "buildspec": a.build.buildspec, "branch": a.source.branch]
        guard a.source.create else { return Phrase.checklistSourceGiven.text(l, values) + "\n" }
        return Phrase.checklistSourceCreate.text(l, values) + "\n" + (a.source.sampleApp
            ? Phrase.checklistSampleFiles.text(l, ["files": codes(SampleApp.files(a).map(\.path)), "branch": a.source.branch])
            : Phrase.checklistPushApp.text(l, values)) + "\n"
    }

    private static func triggerText(_ a: Answers, names: Names) -> String {
        switch a.pipeline.trigger {
        case .events: Phrase.checklistTriggerEvents.text(a.language, ["rule": names.rule, "role": names.eventsRole])
        case .poll: Phrase.checklistTriggerPoll.text(a.language)
        case .none: Phrase.checklistTriggerNone.text(a.language)
        }
    }

    /// The sample app's output, or, without it, what any build through CodeArtifact shows.
    private static func proofLines(_ a: Answers) -> String {
        let ca = a.codeartifact, l = a.language
        let proof = SampleApp.proof(a)
        let upstream = !ca.upstream.isEmpty
        let values = ["pipeline": a.pipeline.name, "domain": ca.domain, "repository": ca.repository, "upstream": ca.upstream,
                      "tool": Catalog.buildTool(a).word, "package": proof.package, "line": proof.line, "buildspec": a.build.buildspec]
        var lines = [Phrase.checklistVerify.text(l), Phrase.checklistRelease.text(l, values)]
        if a.source.create && a.source.sampleApp {
            // npm and pip have a login tool; Yarn, Maven, Gradle and NuGet read a token from the environment.
            let log: Phrase = switch (proof.login == nil, upstream) {
            case (true, true): .checklistSampleLogTokenUpstream
            case (true, false): .checklistSampleLogToken
            case (false, true): .checklistSampleLogLoginUpstream
            case (false, false): .checklistSampleLogLogin
            }
            lines.append(log.text(l, values))
            lines.append((upstream ? Phrase.checklistSamplePackageUpstream : .checklistSamplePackage).text(l, values))
        } else {
            lines.append(Phrase.checklistOwnLog.text(l, values))
            lines.append((upstream ? Phrase.checklistOwnPackagesUpstream : .checklistOwnPackages).text(l, values))
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
