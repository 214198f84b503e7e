// checklist.md: the article's console walk-through with the operator's values, then the checks
// that prove the pipeline works.

public enum Checklist {
    public static func render(_ plan: Plan) -> String {
        let a = plan.answers
        let names = Names(a)
        let ca = a.codeartifact
        let console = "https://\(a.region).console.aws.amazon.com"
        var out = """
        # Checklist: the private CI/CD pipeline \(a.name) in \(a.region)

        setup.sh does all of this for you. This list follows the article's console steps with your
        values, so you can check each one in the console, or do them by hand instead.
        `policies/operator.json` is the IAM policy whoever runs setup.sh and teardown.sh needs.
        Values in `${...}` are known only in your account (for example `${ACCOUNT}`).

        ## 1. VPC and endpoints (VPC console: \(console)/vpc/)

        - VPC `\(a.network.vpc)`: **Actions > Edit VPC settings**: DNS resolution and DNS hostnames both on\(a.endpoints.privateDNS ? "" : " (private DNS is off in your answers: the build must use the endpoints' own host names)").
        - Subnets: \(a.network.subnets.map { "`\($0)`" }.joined(separator: ", ")).

        """
        out += securityGroupLines(a, names: names)
        out += "- **Endpoints > Create endpoint**, type AWS services, in VPC `\(a.network.vpc)`:\n"
        if let warning = Policies.warning(plan) { out += "  - Note: \(warning)\n" }
        for decision in plan.endpoints {
            let name = "`\(decision.service.serviceName(region: a.region))`"
            if decision.planned {
                let placement = decision.service.isGateway
                    ? "Gateway, route tables \(a.network.routeTables.map { "`\($0)`" }.joined(separator: ", "))"
                    : "Interface, the subnets above, private DNS \(a.endpoints.privateDNS ? "on" : "off")"
                let policy = a.endpoints.policies == .fullAccess
                    ? "policy Full access" : "policy `policies/\(Policies.endpointFile(decision.service))`"
                out += "  - [ ] \(name): \(placement), \(policy). Why: \(decision.reason).\n"
            } else {
                out += "  - not created: \(name): \(decision.reason).\n"
            }
        }
        out += """

        ## 2. CodeArtifact (console: \(console)/codesuite/codeartifact/)


        """
        if ca.domainOwner.isEmpty {
            out += "- [ ] **Create domain**: name `\(ca.domain)`.\n"
        } else {
            out += "- [ ] Domain `\(ca.domain)` of account `\(ca.domainOwner)` exists and lets you create repositories.\n"
        }
        if !ca.upstream.isEmpty {
            out += "- [ ] **Create repository** `\(ca.upstream)`, public upstream `\(ca.externalConnection)`.\n"
        }
        out += "- [ ] **Create repository** `\(ca.repository)`, format \(ca.format.rawValue)"
        out += ca.upstream.isEmpty ? ", no upstream.\n" : ", upstream repository `\(ca.upstream)`.\n"

        out += """

        ## 3. Source (CodeCommit console: \(console)/codesuite/codecommit/)


        """
        if a.source.create {
            out += "- [ ] **Create repository** `\(a.source.repository)`.\n"
            out += a.source.sampleApp
                ? "- [ ] Add the files of `repo/` (\(SampleApp.files(a).map { "`\($0.path)`" }.joined(separator: ", "))) on branch `\(a.source.branch)`.\n"
                : "- [ ] Push your app with `\(a.build.buildspec)` to branch `\(a.source.branch)`.\n"
        } else {
            out += "- [ ] Repository `\(a.source.repository)` exists, with `\(a.build.buildspec)` on branch `\(a.source.branch)` (vpcpipe never commits to it; `repo/` shows a buildspec to start from).\n"
        }

        out += """

        ## 4. Build project (CodeBuild console: \(console)/codesuite/codebuild/)

        - [ ] **Create build project** `\(a.build.project)`: source AWS CodePipeline (set by the pipeline).
        - [ ] Environment: managed image `\(a.build.image)`, compute `\(a.build.computeType)`, privileged \(a.build.privileged ? "on" : "off"), timeout \(a.build.timeoutMinutes) minutes, runtime `\(a.build.runtime)` (preinstalled: a build without internet cannot download one).
        - [ ] Service role: \(a.build.role == .new ? "new role `\(names.codeBuildRole)` with `policies/codebuild-base.json` and `policies/codebuild-codeartifact.json`" : "existing `\(a.build.role.text)`").
        - [ ] **Additional configuration > VPC**: `\(a.network.vpc)`, subnets above, security group \(securityGroupName(a, names: names)).
        - [ ] Environment variable `AWS_STS_REGIONAL_ENDPOINTS` = `regional`.
        - [ ] Buildspec: use a buildspec file, `\(a.build.buildspec)`.
        - [ ] Logs: \(a.build.logs == .cloudwatch ? "CloudWatch, group `\(names.logGroup)`" : "CloudWatch off").

        ## 5. Pipeline (CodePipeline console: \(console)/codesuite/codepipeline/)

        - [ ] **Create pipeline** `\(a.pipeline.name)`, type \(a.pipeline.type.rawValue), service role \(a.pipeline.role == .new ? "new `\(names.pipelineRole)` (`policies/codepipeline.json`)" : "existing `\(a.pipeline.role.text)`").
        - [ ] Artifact store: custom location, bucket `\(names.artifactBucket.display)`.
        - [ ] Source: AWS CodeCommit, repository `\(a.source.repository)`, branch `\(a.source.branch)`, \(triggerLine(a, names: names)).
        - [ ] Build: AWS CodeBuild, project `\(a.build.project)`.
        - [ ] Skip the deploy stage, as the article does.

        ## 6. Prove it works

        - [ ] In the pipeline `\(a.pipeline.name)`, choose **Release change**; both stages turn green.
        - [ ] Open the build's log (CodeBuild > Build history > the latest build > Build logs): the pre_build phase logs in to CodeArtifact (`\(ca.domain)`/`\(ca.repository)`), the build phase installs \(dependency(ca.format)) and prints `7`, the square root of 49.
        - [ ] In CodeArtifact, repository `\(ca.repository)` now lists \(dependency(ca.format)), fetched\(ca.upstream.isEmpty ? "" : " through `\(ca.upstream)`") without internet access.
        - [ ] When you are done: `./teardown.sh` removes what `setup.sh` created.

        """
        return out
    }

    private static func securityGroupLines(_ a: Answers, names: Names) -> String {
        switch a.network.securityGroup {
        case .create:
            return """
            - [ ] **Security groups > Create security group** `\(names.buildSecurityGroup)`: no inbound rules; outbound HTTPS (443) only.
            - [ ] **Create security group** `\(names.endpointSecurityGroup)`: inbound HTTPS (443) from `\(names.buildSecurityGroup)`.

            """
        case .vpcDefault:
            return "- Security group: the VPC's `default` group, for the build and the endpoints, as in the article.\n"
        case .existing(let id):
            return "- Security group: `\(id)`, for the build and the endpoints; it must allow HTTPS (443) between them.\n"
        }
    }

    private static func securityGroupName(_ a: Answers, names: Names) -> String {
        switch a.network.securityGroup {
        case .create: "`\(names.buildSecurityGroup)`"
        case .vpcDefault: "`default`"
        case .existing(let id): "`\(id)`"
        }
    }

    private static func triggerLine(_ a: Answers, names: Names) -> String {
        switch a.pipeline.trigger {
        case .events: "change detection Amazon CloudWatch Events (rule `\(names.rule)`)"
        case .poll: "change detection AWS CodePipeline (polling)"
        case .none: "no change detection (release by hand)"
        }
    }

    private static func dependency(_ format: PackageFormat) -> String {
        switch format {
        case .npm: "mathjs"
        case .pypi: "mpmath"
        case .maven: "commons-math3"
        case .nuget: "MathNet.Numerics"
        }
    }
}
