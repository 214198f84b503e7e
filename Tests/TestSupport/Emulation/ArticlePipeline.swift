import Foundation
import XCTest

/// The article's pipeline planned for an emulated account: the operator's network, the output
/// folder the built binary renders for it, the scripts run against the emulator, and what
/// setup.sh must have made there.
///
/// Resources are found by following references from the answers' names (project -> role, VPC;
/// pipeline -> bucket; rule -> pipeline), so the checks hold whatever names vpcpipe derives.
public final class ArticlePipeline {
    public let emulator: Emulator
    public let aws: AWSCLI
    public let work: URL
    public let network: OperatorNetwork
    /// The output folder: setup.sh, teardown.sh, plan.json, repo/...
    public private(set) var out: URL

    public let region = "us-west-2", account = "123456789012", articleName = "Private", domain = "private"

    /// Creates the operator's network in the emulator and renders the output folder for it in `work`.
    public init(emulator: Emulator, work: URL) throws {
        self.emulator = emulator
        self.work = work
        aws = AWSCLI(environment: emulator.environment(home: work))
        network = try OperatorNetwork.create(with: aws)
        out = try ArticlePipeline.render(vpc: network.vpc, subnets: network.subnets, routeTables: [network.routeTable], in: work)
    }

    /// Renders the output folder again for other subnets and route tables of the VPC, each
    /// `(old, new)` of `replacing` replacing the first `old` of the answers, in order.
    public func render(subnets: [String]? = nil, routeTables: [String]? = nil, replacing: [(String, String)] = []) throws {
        out = try ArticlePipeline.render(vpc: network.vpc, subnets: subnets ?? network.subnets,
                                         routeTables: routeTables ?? [network.routeTable], replacing: replacing, in: work)
    }

    // MARK: Running the binary and the scripts

    /// The article's answers with the emulated network's ids, rendered by the built binary.
    private static func render(vpc: String, subnets: [String], routeTables: [String], replacing: [(String, String)] = [],
                               in work: URL) throws -> URL {
        let network = """
            network:
              vpc: \(vpc)
              subnets:
            \(subnets.map { "    - \($0)" }.joined(separator: "\n"))
              route_tables:
            \(routeTables.map { "    - \($0)" }.joined(separator: "\n"))

            """
        let article = Article.text
        guard let start = article.range(of: "network:\n"), let end = article.range(of: "  security_group:") else {
            throw Failure("article.yaml no longer has a network section ending in security_group")
        }
        var answers = article.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: network)
        for (old, new) in replacing {
            guard let range = answers.range(of: old) else { throw Failure("article.yaml has no \(old)") }
            answers.replaceSubrange(range, with: new)
        }
        let file = work.appendingPathComponent("answers.yaml"), out = work.appendingPathComponent("out")
        try? FileManager.default.removeItem(at: out)
        try answers.write(to: file, atomically: true, encoding: .utf8)
        let result = try runProgram(try vpcpipeBinary(), ["--headless", file.path, "--out", out.path])
        guard result.status == 0 else { throw Failure("vpcpipe --headless failed: \(result.summary)") }
        for script in ["setup.sh", "teardown.sh"] where !FileManager.default.fileExists(atPath: out.appendingPathComponent(script).path) {
            throw Failure("vpcpipe --headless wrote no \(script) in \(out.path)")
        }
        return out
    }

    /// Runs a generated script with `options` (setup's and teardown's `--yes`), whatever its exit
    /// status; short waits, since the emulator has no propagation delays. `environment` adds to
    /// or overrides the AWS CLI's; `progress`: the file its progress stream goes to.
    public func run(_ script: String, options: [String] = ["--yes"], environment extra: [String: String] = [:],
                    progress: URL? = nil) throws -> Finished {
        var environment = aws.environment.merging(["VPCPIPE_RETRY_SECONDS": "10", "VPCPIPE_POLL_SECONDS": "1",
                                                   "VPCPIPE_WAIT_SECONDS": "30"]) { $1 }.merging(extra) { $1 }
        let argv = ["bash", out.appendingPathComponent(script).path] + options
        guard let progress else { return try runProgram(argv[0], Array(argv.dropFirst()), environment: environment, in: work) }
        environment.merge(ProgressStream.variable) { $1 }
        return try runProgram("/bin/bash", ProgressStream.arguments(running: argv, to: progress), environment: environment, in: work)
    }

    /// Runs a generated script with `options` (`--yes`); throws unless it succeeds.
    @discardableResult
    public func runSucceeding(_ script: String, options: [String] = ["--yes"], environment extra: [String: String] = [:]) throws -> Finished {
        let result = try run(script, options: options, environment: extra)
        guard result.status == 0 else {
            throw Failure("\(([script] + options).joined(separator: " ")) failed: \(result.summary)\nemulator: \(emulator.logText)")
        }
        return result
    }

    // MARK: What setup.sh must have created

    /// What the assertions found, and the ids that must not change on a second run.
    public struct Created {
        public var roles: Set<String>
        public var ids: [String]
    }

    public struct Endpoint: Decodable {
        public var id: String, service: String, type: String, dns: Bool, subnets: [String], groups: [String], tables: [String]
        public var state: String, policy: String
    }

    public func endpoints() throws -> [Endpoint] {
        try aws.json([Endpoint].self, "ec2", "describe-vpc-endpoints", "--filters", "Name=vpc-id,Values=\(network.vpc)", "--query",
                     "VpcEndpoints[?State!='deleted'].{id: VpcEndpointId, service: ServiceName, type: VpcEndpointType, dns: PrivateDnsEnabled, subnets: SubnetIds, groups: Groups[].GroupId, tables: RouteTableIds, state: State, policy: PolicyDocument}")
    }

    public func assertPipeline() throws -> Created {
        // VPC DNS, which private DNS on the endpoints needs.
        for attribute in ["enableDnsSupport", "enableDnsHostnames"] {
            let key = attribute.prefix(1).uppercased() + attribute.dropFirst()
            XCTAssertEqual(try aws.text("ec2", "describe-vpc-attribute", "--vpc-id", network.vpc, "--attribute", attribute,
                                        "--query", "\(key).Value"), "True", attribute)
        }

        // The build project.
        struct Project: Decodable {
            var role: String, source: String, artifacts: String, environment: String, image: String, compute: String
            var privileged: Bool, variables: [String], vpc: String, subnets: [String], groups: [String], logs: String
        }
        let projects = try aws.json([Project].self, "codebuild", "batch-get-projects", "--names", articleName, "--query",
            "projects[].{role: serviceRole, source: source.type, artifacts: artifacts.type, environment: environment.type, image: environment.image, compute: environment.computeType, privileged: environment.privilegedMode, variables: environment.environmentVariables[].join('=', [name, value]), vpc: vpcConfig.vpcId, subnets: vpcConfig.subnets, groups: vpcConfig.securityGroupIds, logs: logsConfig.cloudWatchLogs.status}")
        let project = try XCTUnwrap(projects.first, "no build project \(articleName)")
        XCTAssertEqual([project.source, project.artifacts], ["CODEPIPELINE", "CODEPIPELINE"])
        XCTAssertEqual([project.environment, project.image, project.compute],
                       ["LINUX_CONTAINER", "aws/codebuild/amazonlinux-x86_64-standard:5.0", "BUILD_GENERAL1_SMALL"])
        XCTAssertFalse(project.privileged)
        XCTAssertTrue(project.variables.contains("AWS_STS_REGIONAL_ENDPOINTS=regional"), "\(project.variables)")
        XCTAssertEqual(project.vpc, network.vpc)
        XCTAssertEqual(Set(project.subnets), Set(network.subnets))
        XCTAssertEqual(project.logs, "ENABLED")
        XCTAssertEqual(project.groups.count, 1, "the build project's security groups: \(project.groups)")
        let buildGroup = project.groups.first ?? ""

        // Endpoints: four Interface ones with private DNS in both subnets, the S3 Gateway.
        let found = try endpoints()
        let prefix = "com.amazonaws.\(region)."
        XCTAssertEqual(found.map(\.service).sorted(), ["logs", "codeartifact.api", "codeartifact.repositories", "sts", "s3"].map { prefix + $0 }.sorted(),
                       "one endpoint per service")
        let interfaces = found.filter { $0.service != prefix + "s3" }
        let endpointGroup = interfaces.first?.groups.first ?? ""
        for endpoint in interfaces {
            XCTAssertEqual(endpoint.type, "Interface", endpoint.service)
            XCTAssertTrue(endpoint.dns, "\(endpoint.service) without private DNS")
            XCTAssertEqual(Set(endpoint.subnets), Set(network.subnets), endpoint.service)
            XCTAssertEqual(endpoint.groups, [endpointGroup], endpoint.service)
        }
        let gateway = try XCTUnwrap(found.first { $0.service == prefix + "s3" })
        XCTAssertEqual(gateway.type, "Gateway")
        XCTAssertEqual(gateway.tables, [network.routeTable])
        XCTAssertEqual(Set(found.map { $0.state.lowercased() }), ["available"])
        XCTAssertNotEqual(buildGroup, endpointGroup, "build and endpoints share one security group")

        // Security groups: the endpoints admit 443 from the build group; nothing enters the build group.
        XCTAssertEqual(try aws.json([String].self, "ec2", "describe-security-groups", "--group-ids", endpointGroup, "--query",
                                    "SecurityGroups[0].IpPermissions[?FromPort==`443` && ToPort==`443`].UserIdGroupPairs[].GroupId"),
                       [buildGroup], "ingress into the endpoint group")
        struct BuildGroup: Decodable { var ingress: Int; var egressPorts: [Int?] }
        let build = try aws.json(BuildGroup.self, "ec2", "describe-security-groups", "--group-ids", buildGroup, "--query",
                                 "SecurityGroups[0].{ingress: length(IpPermissions), egressPorts: IpPermissionsEgress[].ToPort}")
        XCTAssertEqual(build.ingress, 0, "ingress into the build group")
        XCTAssertEqual(build.egressPorts, [443], "the build group's egress")

        // Endpoint policies: each endpoint holds the document the plan wrote in policies/, with the
        // account and the domain's assets bucket filled in.
        let assets = try aws.text("codeartifact", "describe-domain", "--domain", domain, "--query", "domain.s3BucketArn")
        for endpoint in found {
            let file = "endpoint-" + endpoint.service.dropFirst(prefix.count).replacingOccurrences(of: ".", with: "-") + ".json"
            let planned = try String(contentsOf: out.appendingPathComponent("policies/" + file), encoding: .utf8)
                .replacingOccurrences(of: "${ACCOUNT}", with: account).replacingOccurrences(of: "${ASSETS_BUCKET_ARN}", with: assets)
            let parse = { (text: String) in try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary }
            XCTAssertEqual(try parse(endpoint.policy), try parse(planned), "the policy of \(endpoint.service)")
        }
        XCTAssertTrue(try PolicyDocument(text: found.first { $0.service == prefix + "codeartifact.api" }?.policy ?? "{}")
            .allowedActions.contains("sts:GetServiceBearerToken"), "aws codeartifact login needs a bearer token")

        // The pipeline and its bucket.
        struct Pipeline: Decodable {
            var type: String?, role: String, store: String, bucket: String, stages: [String]
            var provider: [String], repository: String, branch: String, poll: String?, project: String
        }
        let pipeline = try aws.json(Pipeline.self, "codepipeline", "get-pipeline", "--name", articleName, "--query",
            "pipeline.{type: pipelineType, role: roleArn, store: artifactStore.type, bucket: artifactStore.location, stages: stages[].name, provider: stages[].actions[0].actionTypeId.provider, repository: stages[0].actions[0].configuration.RepositoryName, branch: stages[0].actions[0].configuration.BranchName, poll: stages[0].actions[0].configuration.PollForSourceChanges, project: stages[1].actions[0].configuration.ProjectName}")
        XCTAssertEqual(pipeline.type, "V2")
        XCTAssertEqual(pipeline.stages.count, 2)
        XCTAssertEqual(pipeline.provider, ["CodeCommit", "CodeBuild"])
        XCTAssertEqual([pipeline.repository, pipeline.branch, pipeline.project], [articleName, "main", articleName])
        XCTAssertEqual(pipeline.poll, "false", "EventBridge triggers the pipeline, so it must not poll")
        XCTAssertEqual(pipeline.store, "S3")
        XCTAssertEqual(try aws.text("s3api", "get-bucket-versioning", "--bucket", pipeline.bucket, "--query", "Status"), "Enabled")
        XCTAssertEqual(try aws.json([Bool].self, "s3api", "get-public-access-block", "--bucket", pipeline.bucket, "--query",
                                    "PublicAccessBlockConfiguration.[BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets]"),
                       [true, true, true, true])
        let bucketPolicy = try PolicyDocument(text: try aws.text("s3api", "get-bucket-policy", "--bucket", pipeline.bucket, "--query", "Policy"))
        XCTAssertEqual(bucketPolicy.statements.map(\.effect), ["Deny"], "the artifact bucket's policy denies plain HTTP")
        XCTAssertEqual(try aws.text("s3api", "get-bucket-tagging", "--bucket", pipeline.bucket, "--query", "TagSet[?Key=='vpcpipe'].Value"),
                       articleName, "the artifact bucket's vpcpipe tag")

        // The EventBridge rule on the branch, targeting the pipeline.
        let pipelineArn = "arn:aws:codepipeline:\(region):\(account):\(articleName)"
        let rules = try aws.json([String].self, "events", "list-rule-names-by-target", "--target-arn", pipelineArn, "--query", "RuleNames")
        XCTAssertEqual(rules.count, 1, "rules targeting the pipeline: \(rules)")
        let rule = rules.first ?? ""
        struct Rule: Decodable { var state: String; var pattern: String }
        let described = try aws.json(Rule.self, "events", "describe-rule", "--name", rule, "--query", "{state: State, pattern: EventPattern}")
        XCTAssertEqual(described.state, "ENABLED")
        for fragment in ["aws.codecommit", "CodeCommit Repository State Change", "main", "arn:aws:codecommit:\(region):\(account):\(articleName)"] {
            XCTAssertTrue(described.pattern.contains(fragment), "the rule's pattern lacks \(fragment): \(described.pattern)")
        }
        let eventsRole = try aws.text("events", "list-targets-by-rule", "--rule", rule, "--query", "Targets[?Arn=='\(pipelineArn)'].RoleArn | [0]")

        // Roles: who may assume them and what their inline policies allow, all read in one call.
        let roles = try self.roles()
        try assertRole(project.role, in: roles, trusts: "codebuild.amazonaws.com", allows: [
            "logs:CreateLogStream", "logs:PutLogEvents", "s3:GetObject", "s3:PutObject",
            "ec2:CreateNetworkInterface", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces",
            "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs",
            "ec2:CreateNetworkInterfacePermission", "codeartifact:GetAuthorizationToken",
            "codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository", "sts:GetServiceBearerToken"])
        try assertRole(pipeline.role, in: roles, trusts: "codepipeline.amazonaws.com", allows: [
            "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus",
            "codebuild:StartBuild", "codebuild:BatchGetBuilds", "s3:GetObject", "s3:PutObject"])
        try assertRole(eventsRole, in: roles, trusts: "events.amazonaws.com", allows: ["codepipeline:StartPipelineExecution"])

        // CodeArtifact: the domain's repositories: the private one and its upstream with the public connection.
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "list-repositories-in-domain", "--domain", domain,
                                    "--query", "repositories[].name"), [articleName, "npm-store"])
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "describe-repository", "--domain", domain, "--repository", articleName,
                                    "--query", "repository.upstreams[].repositoryName"), ["npm-store"])
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "describe-repository", "--domain", domain, "--repository", "npm-store",
                                    "--query", "repository.externalConnections[].externalConnectionName"), ["public:npmjs"])

        // CodeCommit: the sample app on the branch.
        let files = try aws.json([String].self, "codecommit", "get-folder", "--repository-name", articleName, "--commit-specifier", "main",
                                 "--folder-path", "/", "--query", "files[].absolutePath")
        XCTAssertTrue(Set(files).isSuperset(of: ["buildspec.yml", "package.json", "index.js"]), "files on main: \(files)")

        XCTAssertEqual(try aws.json([String].self, "logs", "describe-log-groups", "--log-group-name-prefix", "/aws/codebuild/\(articleName)",
                                    "--query", "logGroups[].logGroupName || `[]`"), ["/aws/codebuild/\(articleName)"])

        return Created(roles: [project.role, pipeline.role, eventsRole], ids: try snapshot())
    }

    private struct Role: Decodable { var arn: String, id: String, trust: PolicyDocument, policies: [PolicyDocument] }

    private func roles() throws -> [Role] {
        try aws.json([Role].self, "iam", "get-account-authorization-details", "--filter", "Role", "--query",
                     "RoleDetailList[].{arn: Arn, id: RoleId, trust: AssumeRolePolicyDocument, policies: RolePolicyList[].PolicyDocument || `[]`}")
    }

    private func assertRole(_ arn: String, in roles: [Role], trusts service: String, allows actions: Set<String>) throws {
        let role = try XCTUnwrap(roles.first { $0.arn == arn }, "no role \(arn)")
        XCTAssertEqual(role.trust.trustedServices, [service], "trust of \(arn)")
        let allowed = role.policies.reduce(into: Set<String>()) { $0.formUnion($1.allowedActions) }
        XCTAssertEqual(actions.subtracting(allowed), [], "actions missing from \(arn)'s inline policies")
    }

    /// Ids and creation times of everything setup.sh made: equal after a second run only if
    /// that run neither recreated nor added anything.
    public func snapshot() throws -> [String] {
        var ids = try endpoints().map(\.id)
        ids += try aws.json([String].self, "ec2", "describe-security-groups", "--filters", "Name=vpc-id,Values=\(network.vpc)",
                            "--query", "SecurityGroups[].GroupId || `[]`")
        ids += try roles().map(\.id)
        ids += try aws.json([String].self, "codebuild", "batch-get-projects", "--names", articleName,
                            "--query", "projects[].[arn, to_string(created)][] || `[]`")
        ids += try aws.json([String].self, "codeartifact", "list-repositories-in-domain", "--domain", domain,
                            "--query", "repositories[].[arn, to_string(createdTime)][]")
        ids += try aws.json([String].self, "codecommit", "get-branch", "--repository-name", articleName, "--branch-name", "main",
                            "--query", "[branch.commitId]")
        ids += try aws.json([String].self, "s3api", "list-buckets", "--query", "Buckets[].Name || `[]`")
        return ids.sorted()
    }

    // MARK: What teardown.sh must have removed

    /// `domains`: CodeArtifact domains that were there before setup.sh and must be kept.
    public func assertRemoved(roles created: Set<String>, keeping domains: [String] = []) throws {
        XCTAssertEqual(try endpoints().map(\.service), [], "endpoints left")
        XCTAssertEqual(try aws.json([String].self, "ec2", "describe-security-groups", "--filters", "Name=vpc-id,Values=\(network.vpc)",
                                    "--query", "SecurityGroups[?GroupName!='default'].GroupId"), [], "security groups left")
        XCTAssertEqual(Set(try roles().map(\.arn)).intersection(created), [], "roles left")
        XCTAssertEqual(try aws.json([String].self, "codebuild", "list-projects", "--query", "projects"), [], "build projects left")
        XCTAssertEqual(try aws.json([String].self, "codepipeline", "list-pipelines", "--query", "pipelines[].name || `[]`"), [], "pipelines left")
        XCTAssertEqual(try aws.json([String].self, "events", "list-rules", "--query", "Rules[].Name || `[]`"), [], "rules left")
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "list-domains", "--query", "domains[].name || `[]`"), domains, "domains left")
        XCTAssertEqual(try aws.json([String].self, "codecommit", "list-repositories", "--query", "repositories[].repositoryName || `[]`"), [],
                       "repositories left")
        XCTAssertEqual(try aws.json([String].self, "s3api", "list-buckets", "--query", "Buckets[].Name || `[]`"), [], "buckets left")
        XCTAssertEqual(try aws.json([String].self, "logs", "describe-log-groups", "--query", "logGroups[].logGroupName || `[]`"), [],
                       "log groups left")
    }
}
