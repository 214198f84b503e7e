// checklist.md: the article's console walk-through with the operator's values, in an order where
// each value is known before a step needs it (the account, the roles, the groups, the domain's
// assets bucket, the artifact bucket, the endpoints), then the checks that prove the pipeline
// works. What the operator chose on purpose is used as it is: the list says what it must allow.

public enum Checklist {
    public static func render(_ plan: Plan) -> String {
        let a = plan.answers
        let names = Names(a)
        let c = PlanContext(a)
        let roles = RoleSteps.roles(c)
        let policies = rolePolicyLines(roles)
        let console = "https://\(a.region).console.aws.amazon.com"
        var sections: [(title: String, body: String)] = [
            ("Your account", """
                - [ ] Your account id, at the top right of the console, or in a shell:
                  `ACCOUNT=$(\(cli(plan.identity, a)))`.
                  Write it wherever `${ACCOUNT}` stands, below and in the files of `policies/`.

                """),
            ("VPC and security groups (VPC console: \(console)/vpc/)", """
                - [ ] VPC `\(a.network.vpc)`: **Actions > Edit VPC settings**: DNS resolution and DNS hostnames both on\(a.endpoints.privateDNS ? "" : " (private DNS is off in your answers: the build must use the endpoints' own host names)").
                - Subnets: \(a.network.subnets.map { "`\($0)`" }.joined(separator: ", ")).

                """ + securityGroupLines(a, names: names)),
            ("CodeArtifact (console: \(console)/codesuite/codeartifact/)", codeArtifactLines(plan)),
            ("Artifact bucket (S3 console: https://console.aws.amazon.com/s3/)", """
                - [ ] **Create bucket** `\(names.artifactBucket.display)` in \(a.region): **Block all public access** on, **Bucket Versioning** enabled, tags \(c.tagPairs.map { "`\($0.0)` = `\($0.1)`" }.joined(separator: ", ")).
                - [ ] Once it exists, **Permissions > Bucket policy**: paste `policies/\(ArtifactBucketStep.documentFile)`, which refuses requests without TLS.

                """),
            ("Endpoints (VPC console: \(console)/vpc/)", """
                - **Endpoints > Create endpoint**, type AWS services, in VPC `\(a.network.vpc)`:
                \(Policies.warning(plan).map { "  - Note: \($0)\n" } ?? "")\(endpointLines(plan, names: names))- [ ] Wait until each endpoint is **Available**: a build started before cannot reach its services.

                """),
            ("Source (CodeCommit console: \(console)/codesuite/codecommit/)", sourceLines(a)),
            ("Pipeline and build project (CodePipeline console: \(console)/codesuite/codepipeline/)", """
                - [ ] **Create pipeline > Build custom pipeline**: name `\(a.pipeline.name)`, type \(a.pipeline.type.rawValue), service role: \(roleChoice(roles, .pipelineRole)).
                - [ ] **Advanced settings > Artifact store**: custom location, bucket `\(names.artifactBucket.display)` (made above).
                - [ ] Source: AWS CodeCommit, repository `\(a.source.repository)`, branch `\(a.source.branch)`, \(triggerLine(a, names: names)).
                - [ ] Build: AWS CodeBuild, **Create project**, which opens CodeBuild with the pipeline as the project's source:
                  - [ ] Project name `\(a.build.project)`; environment: managed image `\(a.build.image)`, compute `\(a.build.computeType)`, privileged \(a.build.privileged ? "on" : "off"), timeout \(a.build.timeoutMinutes) minutes; the buildspec asks for runtime `\(a.build.runtime)`, preinstalled in the image (a build without internet cannot download one).
                  - [ ] Service role: \(roleChoice(roles, .codeBuildRole)).
                  - [ ] **Additional configuration**: VPC `\(a.network.vpc)`, the subnets above, security group \(securityGroupName(a, names: names)); environment variable `AWS_STS_REGIONAL_ENDPOINTS` = `regional`.
                  - [ ] Buildspec: use a buildspec file, `\(a.build.buildspec)`.
                  - [ ] Logs: \(a.build.logs == .cloudwatch ? "CloudWatch, group `\(names.logGroup)`" : "CloudWatch off").
                  - [ ] **Continue to CodePipeline**: the build stage now names project `\(a.build.project)`.
                - [ ] Skip the deploy stage, as the article does, and **Create pipeline**. Its first run starts at once\(policies.isEmpty ? "." : ", before the roles' policies below: let it fail.")

                """),
        ]
        if !policies.isEmpty {
            sections.append(("The service roles' policies (IAM console: https://console.aws.amazon.com/iam/)", policies))
        }
        sections.append(("Prove it works", proofLines(a) + "- [ ] When you are done: `./teardown.sh` removes what `setup.sh` created.\n"))
        return """
            # Checklist: the private CI/CD pipeline \(a.name) in \(a.region)

            setup.sh does all of this for you. This list follows the article's console steps with your
            values, in an order where each value is known before a step needs it, so you can check each
            one in the console, or do them by hand instead.
            `policies/operator.json` is the IAM policy whoever runs setup.sh and teardown.sh needs.

            ## What it costs


            """ + CostText.section(plan) + sections.enumerated().map { "\n## \($0.offset + 1). \($0.element.title)\n\n\($0.element.body)" }.joined()
    }

    /// A command as a shell line, with the region and profile the scripts add.
    private static func cli(_ command: Command, _ a: Answers) -> String {
        (["aws"] + Shell.words(command) + ["--region", Shell.quote(.text(a.region))]
            + (a.profile.isEmpty ? [] : ["--profile", Shell.quote(.text(a.profile))])).joined(separator: " ")
    }

    private static func files(_ names: [String]) -> String {
        names.map { "`policies/\($0)`" }.joined(separator: " and ")
    }

    /// How the console step chooses a role: a new one under the name setup.sh gives it, whose
    /// policies are set once it exists; or the role the answers give, with what it must allow.
    private static func roleChoice(_ roles: [RoleSteps.ServiceRole], _ id: StepID) -> String {
        guard let role = roles.first(where: { $0.id == id }) else { return "" }
        guard let given = role.given else {
            return "**New service role**, role name `\(role.name)` (its policies follow, below)"
        }
        let modify = id == .codeBuildRole ? "; clear **Allow AWS CodeBuild to modify this service role**" : ""
        return "existing `\(given.arn)` (\(given.key), used as it is\(modify)): \(role.kind.requirement)"
    }

    /// The policies of the roles the consoles made, once they exist: vpcpipe's inline ones, in
    /// place of the broader ones the consoles attach. The EventBridge role's, the console's own,
    /// allows what vpcpipe's would.
    private static func rolePolicyLines(_ roles: [RoleSteps.ServiceRole]) -> String {
        roles.filter { $0.given == nil && $0.id != .eventsRole }.map { role in
            "- [ ] **Roles >** `\(role.name)`: " + role.inline.map {
                "**Add permissions > Create inline policy**, JSON: paste `policies/\($0.file)`, policy name `\($0.name)`"
            }.joined(separator: "; then again: ") + ". Then remove the policies the console attached to it, which allow more.\n"
        }.joined()
    }

    private static func securityGroupLines(_ a: Answers, names: Names) -> String {
        switch a.network.securityGroup {
        case .create:
            return """
            - [ ] **Security groups > Create security group** `\(names.buildSecurityGroup)` in VPC `\(a.network.vpc)`: no inbound rules; outbound HTTPS (443) to 0.0.0.0/0 only (remove the rule for all traffic).
            - [ ] **Create security group** `\(names.endpointSecurityGroup)` in VPC `\(a.network.vpc)`: inbound HTTPS (443) from `\(names.buildSecurityGroup)`.

            """
        case .vpcDefault:
            return "- Security group: the VPC's `default` group, for the build and the endpoints, as in the article. Its default rules (all traffic in from itself, all out) let the build reach the endpoints; if they were changed, it needs what a group you give needs: inbound HTTPS (443) from itself, outbound HTTPS (443).\n"
        case .existing(let id):
            return "- Security group `\(id)` (network.security_group, used as it is), for the build and the endpoints: \(SecurityGroupSteps.givenGroupNeeds(vpc: "`\(a.network.vpc)`", subnets: "the subnets above")).\n"
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
        let a = plan.answers, ca = a.codeartifact
        var out = ca.domainOwner.isEmpty
            ? "- [ ] **Create domain**: name `\(ca.domain)`.\n"
            : "- [ ] Domain `\(ca.domain)` of account `\(ca.domainOwner)` (codeartifact.domain_owner, used as it is) exists, and its domain policy lets this account create repositories in it and get tokens for it.\n"
        if !ca.upstream.isEmpty {
            out += "- [ ] **Create repository** `\(ca.upstream)`, public upstream `\(ca.externalConnection)`.\n"
        }
        out += "- [ ] **Create repository** `\(ca.repository)`, for \(Catalog.format(ca.format).tool) packages"
        out += ca.upstream.isEmpty ? ", no upstream.\n" : ", upstream repository `\(ca.upstream)`.\n"
        let assets = Policies.assetsBucketArn.variables[0]
        let users = plan.policies.filter { $0.document.rendered(pretty: false).variables.contains(assets) }.map(\.file)
        if let read = plan.step(.codeArtifactDomain)?.check, read.capture == assets, !users.isEmpty {
            out += "- [ ] The domain keeps package assets in an S3 bucket that AWS owns: its ARN, printed by `\(cli(read.command, a))`, stands for `${\(assets)}` in \(files(users)).\n"
        }
        return out
    }

    private static func endpointLines(_ plan: Plan, names: Names) -> String {
        let a = plan.answers
        var out = ""
        for decision in plan.endpoints {
            let name = "`\(decision.service.serviceName(region: a.region))`"
            if decision.planned {
                let placement = decision.service.isGateway
                    ? "Gateway, route tables \(a.network.routeTables.map { "`\($0)`" }.joined(separator: ", "))"
                    : "Interface, one subnet per Availability Zone of those above, security group \(endpointGroupName(a, names: names)), private DNS \(a.endpoints.privateDNS ? "on" : "off")"
                let policy = a.endpoints.policies == .fullAccess
                    ? "policy Full access" : "policy custom, `policies/\(Policies.endpointFile(decision.service))`"
                out += "  - [ ] \(name): \(placement), \(policy). Why: \(decision.reason).\n"
            } else if a.endpoints.existing.contains(decision.service) {
                out += "  - not created: \(name): \(decision.reason). It must \(decision.service.isGateway ? "be a Gateway endpoint on route tables \(a.network.routeTables.map { "`\($0)`" }.joined(separator: ", "))" : "have private DNS on and admit HTTPS (443) from the build's security group \(securityGroupName(a, names: names))"), and its policy must let the build's requests through.\n"
            } else {
                out += "  - not created: \(name): \(decision.reason).\n"
            }
        }
        return out
    }

    private static func endpointGroupName(_ a: Answers, names: Names) -> String {
        if case .create = a.network.securityGroup { return "`\(names.endpointSecurityGroup)`" }
        return securityGroupName(a, names: names)
    }

    private static func sourceLines(_ a: Answers) -> String {
        guard a.source.create else {
            return "- [ ] Repository `\(a.source.repository)` (source.create false, used as it is) exists, with `\(a.build.buildspec)` on branch `\(a.source.branch)` (vpcpipe never commits to it; `repo/` shows a buildspec to start from).\n"
        }
        return "- [ ] **Create repository** `\(a.source.repository)`.\n" + (a.source.sampleApp
            ? "- [ ] Add the files of `repo/` (\(SampleApp.files(a).map { "`\($0.path)`" }.joined(separator: ", "))) on branch `\(a.source.branch)`.\n"
            : "- [ ] Push your app with `\(a.build.buildspec)` to branch `\(a.source.branch)`.\n")
    }

    private static func triggerLine(_ a: Answers, names: Names) -> String {
        switch a.pipeline.trigger {
        case .events: "change detection Amazon EventBridge: the console creates the rule and the role that start the pipeline (setup.sh names them `\(names.rule)` and `\(names.eventsRole)`)"
        case .poll: "change detection AWS CodePipeline (polling)"
        case .none: "no change detection (release by hand)"
        }
    }

    /// The sample app's output, or, without it, what any build through CodeArtifact shows.
    private static func proofLines(_ a: Answers) -> String {
        let ca = a.codeartifact
        let through = ca.upstream.isEmpty ? "" : " through `\(ca.upstream)`"
        let proof = SampleApp.proof(a)
        var out = "- [ ] `bash verify.sh` does what follows and says what it found; or by hand:\n"
        out += "- [ ] In the pipeline `\(a.pipeline.name)`, choose **Release change**; both stages turn green.\n"
        if a.source.create && a.source.sampleApp {
            // npm and pip have a login tool; Yarn, Maven, Gradle and NuGet read a token from the environment.
            let login = proof.login == nil ? "gets a CodeArtifact token for" : "logs in to CodeArtifact"
            out += "- [ ] Open the build's log (CodeBuild > Build history > the latest build > Build logs): the pre_build phase \(login) `\(ca.domain)`/`\(ca.repository)`; in the build phase \(Catalog.buildTool(a).word) downloads \(proof.package)\(through), and the app prints `\(proof.line)`, the square root of 49.\n"
            out += "- [ ] In CodeArtifact, repository `\(ca.repository)` now lists \(proof.package), fetched\(through) without internet access.\n"
        } else {
            out += "- [ ] Open the build's log (CodeBuild > Build history > the latest build > Build logs): your buildspec ran in the VPC; the packages it installs come from CodeArtifact (`\(ca.domain)`/`\(ca.repository)`; `repo/\(a.build.buildspec)` shows how to log in).\n"
            out += "- [ ] In CodeArtifact, repository `\(ca.repository)` lists the packages your build fetched\(through) without internet access.\n"
        }
        return out
    }
}
