import Foundation
import TestSupport
import XCTest

/// Proves the emulator on its own, with the AWS CLI calls of the article's steps written by
/// hand: each kind of resource the scripts make is created and read back, the model rejects
/// bad input as AWS does, and injected faults fail an operation the asked number of times.
final class EmulatorTests: EmulatorTestCase {
    func testArticleResourcesThroughTheCLI() throws {
        // 1. Preflight.
        XCTAssertEqual(try aws.text("sts", "get-caller-identity", "--query", "Account"), "123456789012")
        let services = try aws.json([String].self, "ec2", "describe-vpc-endpoint-services", "--service-names",
                                    "com.amazonaws.us-west-2.codeartifact.api", "com.amazonaws.us-west-2.codeartifact.repositories",
                                    "--query", "ServiceNames")
        XCTAssertEqual(Set(services), ["com.amazonaws.us-west-2.codeartifact.api", "com.amazonaws.us-west-2.codeartifact.repositories"])
        let network = try OperatorNetwork.create(with: aws)
        let zones = try aws.json([String].self, "ec2", "describe-subnets", "--subnet-ids", network.subnets[0], network.subnets[1],
                                 "--query", "Subnets[].AvailabilityZone")
        XCTAssertEqual(Set(zones).count, 2)

        // 2. VPC DNS, one attribute per call.
        try aws.text("ec2", "modify-vpc-attribute", "--vpc-id", network.vpc, "--enable-dns-support", #"{"Value":true}"#)
        try aws.text("ec2", "modify-vpc-attribute", "--vpc-id", network.vpc, "--enable-dns-hostnames", #"{"Value":true}"#)
        XCTAssertEqual(try aws.text("ec2", "describe-vpc-attribute", "--vpc-id", network.vpc, "--attribute", "enableDnsHostnames",
                                    "--query", "EnableDnsHostnames.Value"), "True")

        // 3. Security groups: the endpoint group admits 443 from the build group.
        let buildGroup = try aws.text("ec2", "create-security-group", "--group-name", "Private-build", "--description", "build",
                                      "--vpc-id", network.vpc, "--query", "GroupId")
        let endpointGroup = try aws.text("ec2", "create-security-group", "--group-name", "Private-endpoints", "--description", "endpoints",
                                         "--vpc-id", network.vpc, "--query", "GroupId")
        try aws.text("ec2", "authorize-security-group-ingress", "--group-id", endpointGroup, "--ip-permissions",
                      "IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=\(buildGroup)}]")
        XCTAssertEqual(try aws.json([String].self, "ec2", "describe-security-groups", "--group-ids", endpointGroup,
                                    "--query", "SecurityGroups[0].IpPermissions[?ToPort==`443`].UserIdGroupPairs[].GroupId"), [buildGroup])

        // 4. CodeArtifact: domain, the upstream with the public connection, the private repository.
        try aws.text("codeartifact", "create-domain", "--domain", "private")
        try aws.text("codeartifact", "create-repository", "--domain", "private", "--repository", "npm-store")
        try aws.text("codeartifact", "associate-external-connection", "--domain", "private", "--repository", "npm-store",
                     "--external-connection", "public:npmjs")
        try aws.text("codeartifact", "create-repository", "--domain", "private", "--repository", "Private",
                     "--upstreams", "repositoryName=npm-store")
        let assets = try aws.text("codeartifact", "describe-domain", "--domain", "private", "--query", "domain.s3BucketArn")
        XCTAssertTrue(assets.hasPrefix("arn:aws:s3:::"), assets)
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "list-repositories-in-domain", "--domain", "private",
                                    "--query", "repositories[].name"), ["Private", "npm-store"])
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "describe-repository", "--domain", "private", "--repository", "Private",
                                    "--query", "repository.upstreams[].repositoryName"), ["npm-store"])
        XCTAssertEqual(try aws.json([String].self, "codeartifact", "describe-repository", "--domain", "private", "--repository", "npm-store",
                                    "--query", "repository.externalConnections[].externalConnectionName"), ["public:npmjs"])
        XCTAssertTrue(try aws.text("codeartifact", "get-repository-endpoint", "--domain", "private", "--repository", "Private",
                                   "--format", "npm", "--query", "repositoryEndpoint").hasSuffix("/npm/Private/"))
        XCTAssertFalse(try aws.text("codeartifact", "get-authorization-token", "--domain", "private",
                                    "--query", "authorizationToken").isEmpty)

        // 5. Artifact bucket: versioned, private, TLS only (the emulator's HTTP stands for TLS).
        let bucket = "codepipeline-us-west-2-private-test"
        try aws.text("s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration", "LocationConstraint=us-west-2")
        try aws.text("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled")
        try aws.text("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration",
                     "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
        try aws.text("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
            "Resource":["arn:aws:s3:::\(bucket)","arn:aws:s3:::\(bucket)/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """)
        XCTAssertEqual(try aws.text("s3api", "get-bucket-versioning", "--bucket", bucket, "--query", "Status"), "Enabled")
        try aws.text("s3api", "put-object", "--bucket", bucket, "--key", "SourceArtifact/one.zip")
        XCTAssertEqual(try aws.json([String].self, "s3api", "list-object-versions", "--bucket", bucket,
                                    "--query", "Versions[].Key"), ["SourceArtifact/one.zip"])

        // 6. IAM roles with their inline policies.
        let codebuildRole = try aws.text("iam", "create-role", "--role-name", "codebuild-Private-service-role", "--path", "/service-role/",
                                         "--assume-role-policy-document", trust("codebuild.amazonaws.com"), "--query", "Role.Arn")
        try aws.text("iam", "put-role-policy", "--role-name", "codebuild-Private-service-role", "--policy-name", "codeartifact",
                     "--policy-document", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:GetAuthorizationToken","Resource":"*"}]}"#)
        let policy = try aws.json(PolicyDocument.self, "iam", "get-role-policy", "--role-name", "codebuild-Private-service-role",
                                  "--policy-name", "codeartifact", "--query", "PolicyDocument")
        XCTAssertEqual(policy.allowedActions, ["codeartifact:GetAuthorizationToken"])
        let pipelineRole = try aws.text("iam", "create-role", "--role-name", "AWSCodePipelineServiceRole-us-west-2-Private",
                                        "--assume-role-policy-document", trust("codepipeline.amazonaws.com"), "--query", "Role.Arn")

        // 7. Endpoints: four Interface ones with private DNS, the S3 Gateway on the route table.
        var endpoints: [String] = []
        for service in ["logs", "codeartifact.api", "codeartifact.repositories", "sts"] {
            endpoints.append(try aws.text("ec2", "create-vpc-endpoint", "--vpc-id", network.vpc, "--vpc-endpoint-type", "Interface",
                                          "--service-name", "com.amazonaws.us-west-2.\(service)", "--private-dns-enabled",
                                          "--subnet-ids", network.subnets[0], network.subnets[1], "--security-group-ids", endpointGroup,
                                          "--query", "VpcEndpoint.VpcEndpointId"))
        }
        endpoints.append(try aws.text("ec2", "create-vpc-endpoint", "--vpc-id", network.vpc, "--vpc-endpoint-type", "Gateway",
                                      "--service-name", "com.amazonaws.us-west-2.s3", "--route-table-ids", network.routeTable,
                                      "--policy-document", #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#,
                                      "--query", "VpcEndpoint.VpcEndpointId"))
        struct Endpoint: Decodable, Equatable {
            var type: String, dns: Bool, subnets: [String], groups: [String], tables: [String], state: String
        }
        let described = try aws.json([Endpoint].self, ["ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids"] + endpoints + ["--query",
            "VpcEndpoints[].{type: VpcEndpointType, dns: PrivateDnsEnabled, subnets: SubnetIds, groups: Groups[].GroupId, tables: RouteTableIds, state: State}"])
        XCTAssertEqual(described.map(\.type), ["Interface", "Interface", "Interface", "Interface", "Gateway"])
        XCTAssertEqual(described.filter { $0.type == "Interface" }.map(\.dns), [true, true, true, true])
        XCTAssertEqual(described[0].subnets, network.subnets)
        XCTAssertEqual(described[0].groups, [endpointGroup])
        XCTAssertEqual(described[4].tables, [network.routeTable])
        XCTAssertEqual(Set(described.map { $0.state.lowercased() }), ["available"])
        XCTAssertEqual(try PolicyDocument(text: try aws.text("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", endpoints[4],
                                                                 "--query", "VpcEndpoints[0].PolicyDocument")).allowedActions, ["s3:GetObject"])

        // 8. CodeCommit: the first commit has no parent; the next names the previous one.
        try aws.text("codecommit", "create-repository", "--repository-name", "Private")
        let first = try aws.text("codecommit", "put-file", "--repository-name", "Private", "--branch-name", "main",
                                 "--file-path", "buildspec.yml", "--file-content", "version: 0.2\n", "--query", "commitId")
        let second = try aws.text("codecommit", "create-commit", "--repository-name", "Private", "--branch-name", "main",
                                  "--parent-commit-id", first, "--put-files", "filePath=package.json,fileContent=x",
                                  "filePath=index.js,fileContent=y", "--query", "commitId")
        XCTAssertEqual(try aws.text("codecommit", "get-branch", "--repository-name", "Private", "--branch-name", "main",
                                    "--query", "branch.commitId"), second)
        XCTAssertEqual(try aws.json([String].self, "codecommit", "get-folder", "--repository-name", "Private",
                                    "--folder-path", "/", "--query", "files[].absolutePath"), ["buildspec.yml", "index.js", "package.json"])
        XCTAssertEqual(try aws.text("codecommit", "get-file", "--repository-name", "Private", "--file-path", "buildspec.yml",
                                    "--query", "fileContent"), Data("version: 0.2\n".utf8).base64EncodedString())

        // 9, 10. Log group, then the build project of type CODEPIPELINE in the VPC.
        try aws.text("logs", "create-log-group", "--log-group-name", "/aws/codebuild/Private")
        try aws.text("codebuild", "create-project", "--name", "Private",
                     "--source", #"{"type":"CODEPIPELINE","buildspec":"buildspec.yml"}"#, "--artifacts", #"{"type":"CODEPIPELINE"}"#,
                     "--environment", #"{"type":"LINUX_CONTAINER","image":"aws/codebuild/amazonlinux-x86_64-standard:5.0","computeType":"BUILD_GENERAL1_SMALL","privilegedMode":false,"environmentVariables":[{"name":"AWS_STS_REGIONAL_ENDPOINTS","value":"regional","type":"PLAINTEXT"}]}"#,
                     "--service-role", codebuildRole,
                     "--vpc-config", "vpcId=\(network.vpc),subnets=\(network.subnets.joined(separator: ",")),securityGroupIds=\(buildGroup)",
                     "--logs-config", #"{"cloudWatchLogs":{"status":"ENABLED"}}"#)
        struct Project: Decodable, Equatable { var source: String, vpc: String, subnets: [String], logs: String, variable: String }
        XCTAssertEqual(try aws.json([Project].self, "codebuild", "batch-get-projects", "--names", "Private", "--query",
                                    "projects[].{source: source.type, vpc: vpcConfig.vpcId, subnets: vpcConfig.subnets, logs: logsConfig.cloudWatchLogs.status, variable: environment.environmentVariables[0].value}"),
                       [Project(source: "CODEPIPELINE", vpc: network.vpc, subnets: network.subnets, logs: "ENABLED", variable: "regional")])

        // 11. The V2 pipeline: source, then build.
        try aws.text("codepipeline", "create-pipeline", "--pipeline", """
            {"name":"Private","roleArn":"\(pipelineRole)","pipelineType":"V2","artifactStore":{"type":"S3","location":"\(bucket)"},"stages":[
             {"name":"Source","actions":[{"name":"Source","actionTypeId":{"category":"Source","owner":"AWS","provider":"CodeCommit","version":"1"},
              "configuration":{"RepositoryName":"Private","BranchName":"main","PollForSourceChanges":"false","OutputArtifactFormat":"CODE_ZIP"},
              "outputArtifacts":[{"name":"SourceArtifact"}]}]},
             {"name":"Build","actions":[{"name":"Build","actionTypeId":{"category":"Build","owner":"AWS","provider":"CodeBuild","version":"1"},
              "configuration":{"ProjectName":"Private"},"inputArtifacts":[{"name":"SourceArtifact"}],"outputArtifacts":[{"name":"BuildArtifact"}]}]}]}
            """)
        XCTAssertEqual(try aws.json([String].self, "codepipeline", "get-pipeline", "--name", "Private",
                                    "--query", "[pipeline.pipelineType, pipeline.stages[0].name, pipeline.stages[1].name]"), ["V2", "Source", "Build"])

        // 12. The EventBridge trigger on the branch.
        let eventsRole = try aws.text("iam", "create-role", "--role-name", "Private-events", "--assume-role-policy-document",
                                      trust("events.amazonaws.com"), "--query", "Role.Arn")
        try aws.text("events", "put-rule", "--name", "Private-main", "--state", "ENABLED", "--event-pattern",
                     #"{"source":["aws.codecommit"],"detail-type":["CodeCommit Repository State Change"],"detail":{"referenceName":["main"]}}"#)
        let pipelineArn = "arn:aws:codepipeline:us-west-2:123456789012:Private"
        try aws.text("events", "put-targets", "--rule", "Private-main", "--targets", "Id=codepipeline,Arn=\(pipelineArn),RoleArn=\(eventsRole)")
        XCTAssertEqual(try aws.json([String].self, "events", "list-rule-names-by-target", "--target-arn", pipelineArn,
                                    "--query", "RuleNames"), ["Private-main"])
    }

    func testInvalidInputIsRejectedAsAWSWould() throws {
        // A pattern botocore does not check but the service does.
        let badName = try aws.failure("codeartifact", "create-domain", "--domain", "Not_A_Domain")
        XCTAssertTrue(badName.stderr.contains("ValidationException"), badName.summary)
        XCTAssertTrue(badName.stderr.contains("regular expression pattern"), badName.summary)
        // A missing resource: the error name and message the CLI prints.
        let missing = try aws.failure("codeartifact", "describe-domain", "--domain", "absent")
        XCTAssertTrue(missing.stderr.contains("ResourceNotFoundException"), missing.summary)
        XCTAssertTrue([254, 255].contains(missing.status), missing.summary)
        let noRepository = try aws.failure("codecommit", "get-repository", "--repository-name", "absent")
        XCTAssertTrue(noRepository.stderr.contains("RepositoryDoesNotExistException"), noRepository.summary)
        // CodeBuild refuses a role that does not exist yet, as while IAM propagates.
        let network = try OperatorNetwork.create(with: aws)
        let early = try aws.failure("codebuild", "create-project", "--name", "Private",
                                    "--source", "type=CODEPIPELINE", "--artifacts", "type=CODEPIPELINE",
                                    "--environment", "type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL",
                                    "--service-role", "arn:aws:iam::123456789012:role/absent",
                                    "--vpc-config", "vpcId=\(network.vpc),subnets=\(network.subnets[0]),securityGroupIds=sg-0123456789abcdef0")
        XCTAssertTrue(early.stderr.contains("is not authorized to perform: sts:AssumeRole"), early.summary)
    }

    /// Tags as teardown.sh reads them, the vpcpipe tag telling what setup.sh created; a resource
    /// gone answers with the error teardown takes for "already gone".
    func testTagsReadBackAndMissingResourcesAreNotFound() throws {
        let vpcpipe = #"[{"key":"vpcpipe","value":"Private"}]"#
        try aws.text("codeartifact", "create-domain", "--domain", "private", "--tags", vpcpipe)
        try aws.text("codeartifact", "create-domain", "--domain", "theirs")
        let domain = "arn:aws:codeartifact:us-west-2:123456789012:domain/"
        let caTag = "tags[?key=='vpcpipe'].value | [0]"
        XCTAssertEqual(try aws.text("codeartifact", "list-tags-for-resource", "--resource-arn", domain + "private", "--query", caTag), "Private")
        XCTAssertEqual(try aws.text("codeartifact", "list-tags-for-resource", "--resource-arn", domain + "theirs", "--query", caTag), "None")
        XCTAssertTrue(try aws.failure("codeartifact", "list-tags-for-resource", "--resource-arn", domain + "absent")
            .stderr.contains("ResourceNotFoundException"))

        try aws.text("codecommit", "create-repository", "--repository-name", "Private", "--tags", "vpcpipe=Private")
        let repository = "arn:aws:codecommit:us-west-2:123456789012:"
        XCTAssertEqual(try aws.text("codecommit", "list-tags-for-resource", "--resource-arn", repository + "Private",
                                    "--query", "tags.vpcpipe"), "Private")
        XCTAssertTrue(try aws.failure("codecommit", "list-tags-for-resource", "--resource-arn", repository + "absent")
            .stderr.contains("RepositoryDoesNotExistException"))

        let network = try OperatorNetwork.create(with: aws)
        let group = try aws.text("ec2", "create-security-group", "--group-name", "build", "--description", "build",
                                 "--vpc-id", network.vpc, "--query", "GroupId")
        let role = try aws.text("iam", "create-role", "--role-name", "codebuild-Private-service-role", "--assume-role-policy-document",
                                trust("codebuild.amazonaws.com"), "--tags", "Key=vpcpipe,Value=Private", "--query", "Role.Arn")
        XCTAssertEqual(try aws.text("iam", "get-role", "--role-name", "codebuild-Private-service-role",
                                    "--query", "Role.Tags[?Key=='vpcpipe'].Value | [0]"), "Private")
        try aws.text("codebuild", "create-project", "--name", "Private", "--source", "type=CODEPIPELINE", "--artifacts", "type=CODEPIPELINE",
                     "--environment", "type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL",
                     "--service-role", role,
                     "--vpc-config", "vpcId=\(network.vpc),subnets=\(network.subnets[0]),securityGroupIds=\(group)", "--tags", vpcpipe)
        let projectTag = "projects[].[tags[?key=='vpcpipe'].value | [0]]"
        XCTAssertEqual(try aws.text("codebuild", "batch-get-projects", "--names", "Private", "--query", projectTag), "Private")
        XCTAssertEqual(try aws.text("codebuild", "batch-get-projects", "--names", "absent", "--query", projectTag), "")

        try aws.text("logs", "create-log-group", "--log-group-name", "/aws/codebuild/Private", "--tags", "vpcpipe=Private")
        let logGroup = "arn:aws:logs:us-west-2:123456789012:log-group:/aws/codebuild/"
        XCTAssertEqual(try aws.text("logs", "list-tags-for-resource", "--resource-arn", logGroup + "Private", "--query", "tags.vpcpipe"), "Private")
        XCTAssertTrue(try aws.failure("logs", "list-tags-for-resource", "--resource-arn", logGroup + "absent")
            .stderr.contains("ResourceNotFoundException"))
    }

    func testInjectedFaultsFailTheOperationTheAskedNumberOfTimes() async throws {
        try await emulator.inject(.init(operation: "codecommit:CreateRepository", error: "AccessDeniedException",
                                        message: "injected denial", times: 2))
        try await emulator.inject(.init(operation: "iam:CreateRole", error: "Throttling", message: "Rate exceeded", times: 1))
        for _ in 1...2 {
            let denied = try aws.failure("codecommit", "create-repository", "--repository-name", "Private")
            XCTAssertTrue(denied.stderr.contains("AccessDeniedException"), denied.summary)
            XCTAssertTrue(denied.stderr.contains("injected denial"), denied.summary)
        }
        XCTAssertEqual(try aws.text("codecommit", "create-repository", "--repository-name", "Private",
                                    "--query", "repositoryMetadata.repositoryName"), "Private")
        // A fault in front of moto: the CLI's own retry of a throttled call then succeeds.
        XCTAssertEqual(try aws.text("iam", "create-role", "--role-name", "r", "--assume-role-policy-document",
                                    trust("codebuild.amazonaws.com"), "--query", "Role.RoleName"), "r")
        let pending = try await emulator.pendingFaults()
        XCTAssertEqual(pending, [])
        let calls = try await emulator.calls()
        XCTAssertEqual(calls.filter { $0 == "codecommit:CreateRepository" }.count, 3)
        XCTAssertEqual(calls.filter { $0 == "iam:CreateRole" }.count, 2)
    }

    /// The warm CLI runs calls one after another in one process, with one driver (warm_cli.py):
    /// each call must still read its own caller's configuration file and profile, as the AWS
    /// CLI itself does, and find nothing a call before it changed (its --region, its unsigned
    /// requests, its --debug logging, credentials read for another caller). One worker, so that
    /// every call follows the one before it in the same process.
    func testTheWarmCLIReadsEachCallersConfigurationAndKeepsNothingOfACallBeforeIt() throws {
        let single = try Emulator(environment: ["VPCPIPE_CLI_WORKERS": "1"])
        defer { single.stop() }
        let config = work.appendingPathComponent("config")
        try "[profile tokyo]\nregion = ap-northeast-1\noutput = text\n[profile dublin]\nregion = eu-west-1\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let zone = ["ec2", "describe-availability-zones", "--query", "AvailabilityZones[0].ZoneName"]
        let callers: [(profile: String?, printed: String)] = [("tokyo", "ap-northeast-1a\n"), ("dublin", "\"eu-west-1a\"\n"),
                                                              (nil, "\"us-west-2a\"\n"), ("tokyo", "ap-northeast-1a\n")]
        // The AWS CLI itself once (a second of CPU a call): what each caller prints is its.
        for (index, caller) in callers.enumerated() {
            for warm in index == 0 ? [true, false] : [true] {
                var environment = single.environment(home: work, warm: warm)
                environment["AWS_CONFIG_FILE"] = config.path
                if let profile = caller.profile { environment["AWS_PROFILE"] = profile; environment["AWS_DEFAULT_REGION"] = nil }
                let result = try AWSCLI(environment: environment).run(zone)
                XCTAssertEqual(result.stdout, caller.printed, "profile \(caller.profile ?? "none"), warm \(warm): \(result.summary)")
            }
        }

        let aws = AWSCLI(environment: single.environment(home: work))
        let identity = ["sts", "get-caller-identity", "--query", "Account", "--output", "text"]
        let steps: [(arguments: [String], environment: [String: String]?, check: (Finished) -> Bool)] = [
            (["--region", "eu-west-1"] + zone, nil, { $0.stdout == "\"eu-west-1a\"\n" }),
            (zone, nil, { $0.stdout == "\"us-west-2a\"\n" }),
            (["sts", "get-caller-identity", "--no-sign-request"], nil, { $0.status != 0 }),  // moto's STS needs a signature
            (identity, nil, { $0.status == 0 && $0.stdout == "123456789012\n" }),
            (["logs", "describe-log-groups", "--debug"], nil, { $0.status == 0 && $0.stderr.contains("DEBUG") }),
            (["logs", "describe-log-groups"], nil, { $0.status == 0 && $0.stderr.isEmpty }),
            (identity, aws.environment.merging(["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "",
                                                "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent", "AWS_CONFIG_FILE": "/nonexistent"]) { $1 },
             { $0.status != 0 && $0.stderr.contains("Unable to locate credentials") }),
            (identity, nil, { $0.status == 0 && $0.stdout == "123456789012\n" }),
        ]
        for (index, step) in steps.enumerated() {
            let result = try AWSCLI(environment: step.environment ?? aws.environment).run(step.arguments)
            XCTAssertTrue(step.check(result), "call \(index + 1), aws \(step.arguments.joined(separator: " ")): \(result.summary)")
        }
    }

    private func trust(_ service: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\#(service)"},"Action":"sts:AssumeRole"}]}"#
    }
}
