import Foundation
import TestSupport
import XCTest

/// A real private VPC is never empty. Each test arranges one state of an account that other
/// teams share (the neighbours of `Neighbours`: their endpoint, security group, route table,
/// role and bucket, always there), runs the article's setup.sh, and checks that it either stops
/// before creating anything, naming the problem, or completes with a pipeline that works; and
/// that what it did not create is exactly as it was, through teardown.sh too.
final class AccountStatesTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }
    private var vpc: String { pipeline.network.vpc }

    // MARK: States where setup.sh completes

    func testTwoSubnetsInOneZoneGiveTheEndpointsOneSubnetOfEach() throws {
        let neighbours = try Neighbours(in: pipeline)
        let third = try subnet("10.42.3.0/24", zone: "us-west-2a", table: pipeline.network.routeTable)
        try pipeline.render(subnets: pipeline.network.subnets + [third], routeTables: [pipeline.network.routeTable])

        let setup = try pipeline.run("setup.sh")
        XCTAssertEqual(setup.status, 0, setup.summary)
        XCTAssertTrue(setup.stdout.contains("note: \(third) is in us-west-2a, as \(pipeline.network.subnets[0]) is"), setup.stdout)
        let interfaceSubnets = try aws.json([[String]].self, "ec2", "describe-vpc-endpoints", "--filters", "Name=vpc-id,Values=\(vpc)",
                                            "Name=vpc-endpoint-type,Values=Interface", "Name=tag-key,Values=vpcpipe",
                                            "--query", "VpcEndpoints[].SubnetIds")
        XCTAssertEqual(interfaceSubnets.count, 4)
        for subnets in interfaceSubnets { XCTAssertEqual(subnets, pipeline.network.subnets, "one subnet a zone, the first of each") }
        let buildSubnets = try aws.json([String].self, "codebuild", "batch-get-projects", "--names", pipeline.articleName,
                                        "--query", "projects[0].vpcConfig.subnets")
        XCTAssertEqual(buildSubnets, pipeline.network.subnets + [third], "the build uses every subnet")
        try tearDownAndCompare(neighbours)
    }

    func testAnS3InterfaceEndpointIsLeftAndAGatewayCreatedBesideIt() throws {
        let neighbours = try Neighbours(in: pipeline)
        let s3Interface = try endpoint("com.amazonaws.us-west-2.s3", privateDNS: false, group: neighbours.group)
        let before = try state(endpoints: [s3Interface])

        let setup = try pipeline.run("setup.sh")
        XCTAssertEqual(setup.status, 0, setup.summary)
        XCTAssertTrue(setup.stdout.contains("note: \(s3Interface) is an Interface endpoint of com.amazonaws.us-west-2.s3"), setup.stdout)
        let gateways = try aws.json([String].self, "ec2", "describe-vpc-endpoints", "--filters", "Name=vpc-id,Values=\(vpc)",
                                    "Name=vpc-endpoint-type,Values=Gateway", "--query", "VpcEndpoints[].RouteTableIds[]")
        XCTAssertEqual(gateways, [pipeline.network.routeTable], "a gateway endpoint on the subnets' route table")
        XCTAssertEqual(try state(endpoints: [s3Interface]), before, "setup.sh changed the S3 interface endpoint")
        try tearDownAndCompare(neighbours)
        XCTAssertEqual(try state(endpoints: [s3Interface]), before, "teardown.sh changed the S3 interface endpoint")
    }

    func testTeardownDeletesTheInterfacesCodeBuildLeftAndLeavesTheVPCsDNSOn() throws {
        try pipeline.runSucceeding("setup.sh")
        let group = try aws.text("codebuild", "batch-get-projects", "--names", pipeline.articleName,
                                 "--query", "projects[0].vpcConfig.securityGroupIds[0]")
        // CodeBuild's interfaces outlive its builds for a while, detached.
        let left = try aws.text("ec2", "create-network-interface", "--subnet-id", pipeline.network.subnets[0], "--groups", group,
                                "--description", "left by a build", "--query", "NetworkInterface.NetworkInterfaceId")
        XCTAssertEqual(try aws.text("ec2", "describe-network-interfaces", "--network-interface-ids", left,
                                    "--query", "NetworkInterfaces[0].[Status, RequesterManaged]"), "available\tFalse")

        let teardown = try pipeline.run("teardown.sh")
        XCTAssertEqual(teardown.status, 0, teardown.summary)
        XCTAssertEqual(try aws.json([String].self, "ec2", "describe-network-interfaces", "--filters", "Name=vpc-id,Values=\(vpc)",
                                    "--query", "NetworkInterfaces[].NetworkInterfaceId"), [], "interfaces left")
        XCTAssertEqual(try aws.json([String].self, "ec2", "describe-security-groups", "--filters", "Name=vpc-id,Values=\(vpc)",
                                    "--query", "SecurityGroups[?GroupName!='default'].GroupId"), [], "security groups left")
        // The bucket carried its tag from create-bucket on, so teardown.sh knew it for its own.
        XCTAssertEqual(try aws.json([String].self, "s3api", "list-buckets", "--query", "Buckets[].Name || `[]`"), [], "buckets left")
        XCTAssertTrue(teardown.stdout.contains("DNS support and DNS host names stay on in \(vpc)"), teardown.stdout)
        for attribute in ["EnableDnsSupport", "EnableDnsHostnames"] {
            let name = attribute.prefix(1).lowercased() + attribute.dropFirst()
            XCTAssertEqual(try aws.text("ec2", "describe-vpc-attribute", "--vpc-id", vpc, "--attribute", name,
                                        "--query", "\(attribute).Value"), "True", attribute)
        }
    }

    // MARK: States where setup.sh stops before creating anything

    func testAZoneAnEndpointServiceDoesNotOfferStops() async throws {
        let inZoneD = try subnet("10.42.4.0/24", zone: "us-west-2d", table: pipeline.network.routeTable)
        try pipeline.render(subnets: [pipeline.network.subnets[0], inZoneD], routeTables: [pipeline.network.routeTable])
        try await assertStops(with: ["network.subnets[1]: \(inZoneD) is in us-west-2d, where com.amazonaws.us-west-2.sts has no endpoint"])
    }

    func testARouteTableTheSubnetsDoNotUseStops() async throws {
        let other = try aws.text("ec2", "create-route-table", "--vpc-id", vpc, "--query", "RouteTable.RouteTableId")
        try pipeline.render(subnets: pipeline.network.subnets, routeTables: [other])
        try await assertStops(with: [
            "network.route_tables[0]: \(other) is the route table of none of network.subnets (they use \(pipeline.network.routeTable))",
            "network.route_tables: \(pipeline.network.routeTable), the route table of \(pipeline.network.subnets[0]) and \(pipeline.network.subnets[1]), is missing",
        ])
    }

    func testALogsEndpointWithoutPrivateDNSStops() async throws {
        let group = try securityGroup("team-logs", admitting: "10.42.0.0/16")
        let logs = try endpoint("com.amazonaws.us-west-2.logs", privateDNS: false, group: group)
        try await assertStops(with: ["endpoints: \(logs), the VPC's com.amazonaws.us-west-2.logs endpoint, has private DNS off"],
                        keeping: try state(endpoints: [logs], groups: [group]), of: { try self.state(endpoints: [logs], groups: [group]) })
    }

    func testAnEndpointWhoseGroupDoesNotAdmitTheBuildStops() async throws {
        let group = try securityGroup("team-sts", admitting: "10.99.0.0/16")
        let sts = try endpoint("com.amazonaws.us-west-2.sts", privateDNS: true, group: group)
        try await assertStops(with: ["endpoints: \(sts), the VPC's com.amazonaws.us-west-2.sts endpoint, does not admit HTTPS (tcp 443) from the build"],
                        keeping: try state(endpoints: [sts], groups: [group]), of: { try self.state(endpoints: [sts], groups: [group]) })
    }

    func testARoleAGroupABucketAndADomainWithVpcpipesNamesStop() async throws {
        let role = "codebuild-Private-service-role", group = "vpcpipe-Private-build"
        let bucket = "codepipeline-us-west-2-\(pipeline.account)-private"
        try aws.text("iam", "create-role", "--role-name", role, "--path", "/service-role/", "--assume-role-policy-document",
                     #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
                     "--query", "Role.Arn")
        try aws.text("iam", "put-role-policy", "--role-name", role, "--policy-name", "theirs", "--policy-document",
                     #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#)
        let groupID = try securityGroup(group, admitting: "10.42.0.0/16")
        try aws.text("s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration", #"{"LocationConstraint":"us-west-2"}"#)
        try aws.text("s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
                     #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::\#(bucket)"}]}"#)
        try aws.text("codeartifact", "create-domain", "--domain", pipeline.domain, "--query", "domain.name")
        let theirs = { try self.state(groups: [groupID], roles: [role], buckets: [bucket]) + [self.aws.described("codeartifact", "describe-domain", "--domain", self.pipeline.domain, "--query", "domain.[name,status]")] }
        try await assertStops(with: [
            "build.role: IAM role \(role) exists but was not made by vpcpipe",
            "network.security_group: security group \(group) exists but was not made by vpcpipe",
            "pipeline.artifact_bucket: S3 bucket \(bucket) exists but was not made by vpcpipe",
            "codeartifact.domain: CodeArtifact domain \(pipeline.domain) exists but was not made by vpcpipe",
        ], keeping: try theirs(), of: theirs, thenTeardown: true)
    }

    /// An endpoint listed as existing whose policy lets only its team's log group through:
    /// setup.sh cannot read the policy and says what it must allow; `--check --live` reads it
    /// and names the endpoint on its answer.
    func testAnExistingEndpointWhosePolicyRefusesTheBuildIsNamedByLive() throws {
        let group = try securityGroup("team-logs", admitting: "10.42.0.0/16")
        let teamOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-west-2:\#(pipeline.account):log-group:/ecs/orders:*"}]}"#
        let logs = try aws.text("ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface",
                                "--service-name", "com.amazonaws.us-west-2.logs", "--subnet-ids", pipeline.network.subnets[0],
                                "--security-group-ids", group, "--private-dns-enabled", "--policy-document", teamOnly,
                                "--query", "VpcEndpoint.VpcEndpointId")
        try pipeline.render(replacing: [("  existing: []\n", "  existing: [logs]\n")])
        let answers = pipeline.work.appendingPathComponent("answers.yaml").path
        let live = try runProgram(try vpcpipeBinary(), ["--headless", answers, "--check", "--live"], environment: aws.environment)
        XCTAssertEqual(live.status, 1, live.summary)
        XCTAssertTrue(live.stderr.contains("1 error in account"), live.stderr)
        XCTAssertTrue(live.stderr.contains("error: endpoints.existing[0]: \(logs), the VPC's com.amazonaws.us-west-2.logs endpoint, has a policy that does not allow the build's logs:CreateLogStream on arn:aws:logs:us-west-2:\(pipeline.account):log-group:/aws/codebuild/Private"), live.stderr)
        XCTAssertFalse(live.stderr.contains("setup.sh does not read its policy"), "a policy read is not a note")
        // In Japanese, the requests too: no English word between the ARNs and actions.
        let japanese = try runProgram(try vpcpipeBinary(), ["--lang", "ja", "--headless", answers, "--check", "--live"], environment: aws.environment)
        XCTAssertEqual(japanese.status, 1, japanese.summary)
        XCTAssertTrue(japanese.stderr.contains("エラー: endpoints.existing[0]: VPC の com.amazonaws.us-west-2.logs エンドポイント \(logs) のポリシーがビルドの arn:aws:logs:us-west-2:\(pipeline.account):log-group:/aws/codebuild/Private に対する logs:CreateLogStream、"), japanese.stderr)
        XCTAssertTrue(japanese.stderr.contains("(ビルドに必要なのは arn:aws:logs:us-west-2:\(pipeline.account):log-group:/aws/codebuild/Private と arn:aws:logs:us-west-2:\(pipeline.account):log-group:/aws/codebuild/Private:* に対する logs:CreateLogStream, logs:PutLogEvents)"), japanese.stderr)
        XCTAssertFalse(japanese.stderr.contains(" on arn:"), japanese.stderr)

        // The same endpoint with AWS's default policy passes, with no note.
        try aws.text("ec2", "modify-vpc-endpoint", "--vpc-endpoint-id", logs, "--policy-document",
                     #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#, "--query", "Return")
        let open = try runProgram(try vpcpipeBinary(), ["--headless", answers, "--check", "--live"], environment: aws.environment)
        XCTAssertEqual(open.status, 0, open.summary)
        XCTAssertFalse(open.stderr.contains(logs), open.stderr)

        // setup.sh, which cannot judge the policy, says what it must allow before its question
        // (no answer: it creates nothing).
        let setup = try pipeline.run("setup.sh", options: [])
        XCTAssertTrue(setup.stdout.contains("note: \(logs), the VPC's com.amazonaws.us-west-2.logs endpoint, is used as it is, and setup.sh does not read its policy: it must allow the build's requests (logs:CreateLogStream, logs:PutLogEvents on arn:aws:logs:us-west-2:\(pipeline.account):log-group:/aws/codebuild/Private"), setup.stdout)
    }

    func testARoleAndGroupChosenOnPurposeAreReadAndNeverChanged() async throws {
        // A role of this account that trusts EC2, not CodeBuild; a role of another account; a
        // group of another VPC.
        let build = try aws.text("iam", "create-role", "--role-name", "team-build", "--assume-role-policy-document",
                                 #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
                                 "--query", "Role.Arn")
        let pipelineRole = "arn:aws:iam::111122223333:role/team-pipeline"
        let otherVPC = try aws.text("ec2", "create-vpc", "--cidr-block", "10.43.0.0/16", "--query", "Vpc.VpcId")
        let group = try aws.text("ec2", "create-security-group", "--group-name", "team-group", "--description", "another team's",
                                 "--vpc-id", otherVPC, "--query", "GroupId")
        try pipeline.render(replacing: [("  role: new\n", "  role: \(build)\n"), ("  role: new\n", "  role: \(pipelineRole)\n"),
                                        ("  security_group: create\n", "  security_group: \(group)\n")])
        let role = { [try self.aws.described("iam", "get-role", "--role-name", "team-build", "--query", "Role.[AssumeRolePolicyDocument,Tags]")] }
        let setup = try await assertStops(with: [
            "build.role: \(build) does not trust codebuild.amazonaws.com (its trust policy allows ec2.amazonaws.com)",
            "network.security_group: \(group) is in \(otherVPC), not in network.vpc \(vpc)",
        ], keeping: try role(), of: role)
        XCTAssertTrue(setup.stdout.contains("note: \(pipelineRole) is not a role of account \(pipeline.account)"), setup.stdout)
    }

    // MARK: Arranging

    /// A subnet of the VPC in `zone`, using `table`.
    private func subnet(_ cidr: String, zone: String, table: String) throws -> String {
        let id = try aws.text("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", cidr, "--availability-zone", zone,
                              "--query", "Subnet.SubnetId")
        try aws.text("ec2", "associate-route-table", "--route-table-id", table, "--subnet-id", id, "--query", "AssociationId")
        return id
    }

    /// Another team's security group, admitting HTTPS from `cidr`.
    private func securityGroup(_ name: String, admitting cidr: String) throws -> String {
        let id = try aws.text("ec2", "create-security-group", "--group-name", name, "--description", "another team's",
                              "--vpc-id", vpc, "--query", "GroupId")
        try aws.text("ec2", "authorize-security-group-ingress", "--group-id", id, "--protocol", "tcp", "--port", "443",
                     "--cidr", cidr, "--query", "Return")
        return id
    }

    /// Another team's interface endpoint of `service` in the first subnet.
    private func endpoint(_ service: String, privateDNS: Bool, group: String) throws -> String {
        try aws.text("ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface", "--service-name", service,
                     "--subnet-ids", pipeline.network.subnets[0], "--security-group-ids", group,
                     privateDNS ? "--private-dns-enabled" : "--no-private-dns-enabled", "--query", "VpcEndpoint.VpcEndpointId")
    }

    // MARK: Checking

    /// What the account holds of these resources, as the CLI describes them in JSON: equal
    /// before and after only if nothing of theirs changed.
    private func state(endpoints: [String] = [], groups: [String] = [], roles: [String] = [], buckets: [String] = []) throws -> [String] {
        var parts: [String] = []
        for endpoint in endpoints {
            parts.append(try aws.described("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", endpoint,
                                      "--query", "VpcEndpoints[].[VpcEndpointId,VpcEndpointType,State,PrivateDnsEnabled,PolicyDocument,SubnetIds,Groups,RouteTableIds]"))
        }
        for group in groups {
            parts.append(try aws.described("ec2", "describe-security-groups", "--group-ids", group,
                                      "--query", "SecurityGroups[].[GroupName,IpPermissions,IpPermissionsEgress,Tags]"))
        }
        for role in roles {
            parts.append(try aws.described("iam", "get-role", "--role-name", role, "--query", "Role.[Arn,AssumeRolePolicyDocument,Tags]"))
            parts.append(try aws.described("iam", "list-role-policies", "--role-name", role, "--query", "PolicyNames"))
        }
        for bucket in buckets {
            parts.append(try aws.described("s3api", "get-bucket-policy", "--bucket", bucket, "--query", "Policy"))
            parts.append(try aws.run(["s3api", "get-bucket-tagging", "--bucket", bucket]).stdout)
        }
        return parts
    }

    /// setup.sh exits 3 before any call that changes the account, listing every problem, and
    /// `state` is unchanged after it (and after teardown.sh, which reads each resource's tag).
    @discardableResult
    private func assertStops(with problems: [String], keeping before: [String] = [], of state: () throws -> [String] = { [] },
                             thenTeardown: Bool = false, file: StaticString = #filePath, line: UInt = #line) async throws -> Finished {
        let start = try await emulator.calls().count
        let setup = try pipeline.run("setup.sh")
        XCTAssertEqual(setup.status, 3, setup.summary, file: file, line: line)
        XCTAssertTrue(setup.stderr.contains("setup.sh stops before creating anything: \(problems.count) problem(s)"), setup.stderr,
                      file: file, line: line)
        for problem in problems { XCTAssertTrue(setup.stderr.contains(problem), "missing: \(problem)\n\(setup.stderr)", file: file, line: line) }
        let changes = try await emulator.calls().dropFirst(start).filter { call in
            let operation = call.split(separator: ":").last.map(String.init) ?? call
            return !["Describe", "List", "Get", "BatchGet", "Head"].contains { operation.hasPrefix($0) }
        }
        XCTAssertEqual(changes, [], "setup.sh changed the account before it stopped", file: file, line: line)
        XCTAssertEqual(try state(), before, "setup.sh changed what is not its own", file: file, line: line)
        // vpcpipe --check --live finds, in Swift, what setup.sh stops on, word for word.
        let live = try runProgram(try vpcpipeBinary(), ["--headless", pipeline.work.appendingPathComponent("answers.yaml").path,
                                                        "--check", "--live"], environment: aws.environment)
        XCTAssertEqual(live.status, 1, live.summary, file: file, line: line)
        XCTAssertTrue(live.stderr.contains("\(problems.count) error\(problems.count == 1 ? "" : "s") in account"), live.stderr, file: file, line: line)
        for problem in problems {
            XCTAssertTrue(live.stderr.contains(": error: " + problem), "--live misses: \(problem)\n\(live.stderr)", file: file, line: line)
        }
        guard thenTeardown else { return setup }
        let teardown = try pipeline.run("teardown.sh")
        XCTAssertEqual(teardown.status, 0, teardown.summary, file: file, line: line)
        XCTAssertEqual(try state(), before, "teardown.sh changed what is not its own", file: file, line: line)
        return setup
    }

    /// teardown.sh removes what setup.sh made and leaves the neighbours as they were.
    private func tearDownAndCompare(_ neighbours: Neighbours) throws {
        let teardown = try pipeline.run("teardown.sh")
        XCTAssertEqual(teardown.status, 0, teardown.summary)
        XCTAssertEqual(try neighbours.state(self), neighbours.before, "teardown.sh changed the neighbours' resources")
    }

    /// Other teams' resources in the same account and VPC: an endpoint of another service with
    /// its security group, a route table, a role and a bucket. Nothing of vpcpipe's touches them.
    private struct Neighbours {
        let endpoint: String, group: String, table: String, role: String, bucket: String
        var before: [String] = []

        init(in pipeline: ArticlePipeline) throws {
            let aws = pipeline.aws, vpc = pipeline.network.vpc
            group = try aws.text("ec2", "create-security-group", "--group-name", "team-ssm", "--description", "another team's",
                                 "--vpc-id", vpc, "--query", "GroupId")
            endpoint = try aws.text("ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface",
                                    "--service-name", "com.amazonaws.us-west-2.ssm", "--subnet-ids", pipeline.network.subnets[1],
                                    "--security-group-ids", group, "--query", "VpcEndpoint.VpcEndpointId")
            table = try aws.text("ec2", "create-route-table", "--vpc-id", vpc, "--query", "RouteTable.RouteTableId")
            role = "team-app-role"
            try aws.text("iam", "create-role", "--role-name", role, "--assume-role-policy-document",
                         #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
                         "--query", "Role.Arn")
            bucket = "team-data-\(pipeline.account)"
            try aws.text("s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration", #"{"LocationConstraint":"us-west-2"}"#)
            before = try describe(aws)
        }

        func state(_ test: AccountStatesTests) throws -> [String] { try describe(test.aws) }

        private func describe(_ aws: AWSCLI) throws -> [String] {
            [
                try aws.described("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", endpoint,
                             "--query", "VpcEndpoints[].[State,PolicyDocument,SubnetIds,Groups,PrivateDnsEnabled]"),
                try aws.described("ec2", "describe-security-groups", "--group-ids", group, "--query", "SecurityGroups[].[IpPermissions,IpPermissionsEgress]"),
                try aws.described("ec2", "describe-route-tables", "--route-table-ids", table, "--query", "RouteTables[].[Routes,Associations]"),
                try aws.described("iam", "get-role", "--role-name", role, "--query", "Role.[Arn,AssumeRolePolicyDocument]"),
                try aws.described("iam", "list-role-policies", "--role-name", role, "--query", "PolicyNames"),
                try aws.run(["s3api", "get-bucket-policy", "--bucket", bucket]).stderr.contains("NoSuchBucketPolicy") ? "no policy" : "a policy",
            ]
        }
    }
}
