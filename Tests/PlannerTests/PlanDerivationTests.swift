import TestSupport
import XCTest
@testable import Planner

extension Plan {
    /// Every command of a step's create, always and teardown actions, as argv display strings.
    func commands(_ stepID: StepID) -> [[String]] {
        guard let step = step(stepID) else { return [] }
        return (step.create + step.always + step.teardown).flatMap(\.commands).map(\.argv)
    }

    func createCommand(_ stepID: StepID, _ operation: String) -> Command? {
        // Settings and rules a rerun must complete are made every run, in `always`.
        step(stepID).flatMap { ($0.create + $0.always).flatMap(\.commands).first { $0.operation == operation } }
    }
}

extension Command {
    func value(_ option: String) -> String? { options.first { $0.name == option }?.values.first?.display }
    func has(_ option: String) -> Bool { options.contains { $0.name == option } }
}

final class PlanDerivationTests: XCTestCase {
    func testArticleStepsFollowTheOrderOfTheNotes() {
        let ids = Planner.plan(Article.answers).steps.map(\.id.rawValue)
        XCTAssertEqual(ids, [
            "preflight", "vpc-dns", "codebuild-role", "pipeline-role", "events-role",
            "build-security-group", "endpoint-security-group",
            "codeartifact-domain", "codeartifact-upstream", "codeartifact-repository", "artifact-bucket",
            "endpoint-logs", "endpoint-codeartifact-api", "endpoint-codeartifact-repositories", "endpoint-sts",
            "endpoint-s3", "source-repository", "sample-app", "log-group", "build-project",
            "endpoints-available", "pipeline", "trigger",
        ])
        for id in ids { XCTAssertNotNil(id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression), id) }
    }

    func testEveryStepSaysWhyInOneSentence() {
        for step in Planner.plan(Article.answers).steps {
            XCTAssertTrue(step.why.hasSuffix("."), step.id.rawValue)
            XCTAssertFalse(step.why.dropLast().contains(". "), step.id.rawValue)
        }
    }

    func testEndpointsAndTheirReasons() {
        let decisions = Planner.plan(Article.answers).endpoints
        XCTAssertTrue(decisions.allSatisfy(\.planned))
        XCTAssertEqual(decisions.first { $0.service == .sts }?.reason,
                       "the sample buildspec reads the account with aws sts get-caller-identity")
        XCTAssertTrue(decisions.first { $0.service == .logs }!.reason.contains("CloudWatch Logs"))
    }

    func testNoLogsEndpointNorLogGroupWithoutCloudWatchLogs() {
        var answers = Article.answers
        answers.build.logs = .none
        let plan = Planner.plan(answers)
        XCTAssertEqual(plan.endpoints.first { $0.service == .logs }?.planned, false)
        XCTAssertNil(plan.step(.endpoint(.logs)))
        XCTAssertNil(plan.step(.logGroup))
        XCTAssertEqual(plan.createCommand(.buildProject, "create-project")?.value("logs-config"),
                       #"{"cloudWatchLogs":{"status":"DISABLED"}}"#)
    }

    func testExistingEndpointsAreNotCreated() {
        var answers = Article.answers
        answers.endpoints.existing = [.s3, .sts]
        let plan = Planner.plan(answers)
        XCTAssertNil(plan.step(.endpoint(.s3)))
        XCTAssertNil(plan.step(.endpoint(.sts)))
        XCTAssertNotNil(plan.step(.endpoint(.logs)))
        XCTAssertTrue(plan.endpoints.first { $0.service == .s3 }!.reason.contains("endpoints.existing"))
        // No S3 endpoint policy to write: the assets bucket need not be looked up.
        XCTAssertFalse(plan.variables.contains("ASSETS_BUCKET_ARN"))
    }

    func testInterfaceEndpointsAreAwaitedTogetherAndTheGatewayUsesRouteTables() {
        let plan = Planner.plan(Article.answers)
        XCTAssertEqual(plan.step(.endpointsAvailable)?.always,
                       [.awaitEndpoints(["EP_LOGS", "EP_CODEARTIFACT_API", "EP_CODEARTIFACT_REPOSITORIES", "EP_STS"]
                           .map(Arg.variable))])
        let s3 = plan.createCommand(.endpoint(.s3), "create-vpc-endpoint")!
        XCTAssertEqual(s3.value("vpc-endpoint-type"), "Gateway")
        XCTAssertEqual(s3.value("route-table-ids"), "rtb-0123456789abcdef0")
        XCTAssertFalse(s3.has("subnet-ids"))
        let api = plan.createCommand(.endpoint(.codeartifactAPI), "create-vpc-endpoint")!
        XCTAssertEqual(api.value("service-name"), "com.amazonaws.us-west-2.codeartifact.api")
        // One subnet a zone, which preflight picks from network.subnets.
        XCTAssertEqual(api.value("subnet-ids"), "${ENDPOINT_SUBNETS}")
        XCTAssertEqual(api.value("security-group-ids"), "${ENDPOINT_SG}")
        XCTAssertTrue(api.has("private-dns-enabled"))
    }

    func testPrivateDNSOffLeavesTheVPCAttributesAlone() {
        var answers = Article.answers
        answers.endpoints.privateDNS = false
        let plan = Planner.plan(answers)
        XCTAssertNil(plan.step(.vpcDNS))
        XCTAssertTrue(plan.createCommand(.endpoint(.sts), "create-vpc-endpoint")!.has("no-private-dns-enabled"))
    }

    func testSecurityGroupModes() {
        var answers = Article.answers
        var plan = Planner.plan(answers)
        let build = plan.step(.buildSecurityGroup)!
        XCTAssertEqual(build.check?.capture, "BUILD_SG")
        XCTAssertEqual(plan.createCommand(.buildSecurityGroup, "authorize-security-group-egress")?.value("ip-permissions"),
                       #"[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]"#)
        XCTAssertEqual(plan.createCommand(.buildSecurityGroup, "revoke-security-group-egress")?.tolerates, ["InvalidPermission.NotFound"])
        XCTAssertEqual(plan.createCommand(.buildSecurityGroup, "authorize-security-group-egress")?.tolerates, ["InvalidPermission.Duplicate"])
        XCTAssertNil(plan.createCommand(.buildSecurityGroup, "authorize-security-group-ingress"))
        XCTAssertEqual(plan.createCommand(.endpointSecurityGroup, "authorize-security-group-ingress")?.value("ip-permissions"),
                       #"[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"UserIdGroupPairs":[{"GroupId":"${BUILD_SG}"}]}]"#)
        XCTAssertTrue(plan.createCommand(.buildProject, "create-project")!.value("vpc-config")!.contains(#""securityGroupIds":["${BUILD_SG}"]"#))

        answers.network.securityGroup = .vpcDefault
        plan = Planner.plan(answers)
        XCTAssertNil(plan.step(.buildSecurityGroup))
        // Preflight finds the default group's id, and judges the endpoints already there by it.
        XCTAssertTrue(plan.step(.preflight)!.always.contains { if case .capture("DEFAULT_SG", _) = $0 { true } else { false } })
        XCTAssertEqual(plan.step(.preflight)!.resources, [Resource(.kindSecurityGroup, "default", existing: true)])
        XCTAssertEqual(plan.createCommand(.endpoint(.sts), "create-vpc-endpoint")?.value("security-group-ids"), "${DEFAULT_SG}")

        answers.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        plan = Planner.plan(answers)
        XCTAssertTrue(plan.step(.preflight)!.resources.isEmpty)
        XCTAssertEqual(plan.createCommand(.endpoint(.sts), "create-vpc-endpoint")?.value("security-group-ids"), "sg-0123456789abcdef0")
        XCTAssertTrue(plan.createCommand(.buildProject, "create-project")!.value("vpc-config")!.contains("sg-0123456789abcdef0"))
    }

    func testNewRolesHaveTrustConditionsAndInlinePolicies() {
        let plan = Planner.plan(Article.answers)
        let create = plan.createCommand(.codeBuildRole, "create-role")!
        XCTAssertEqual(create.value("role-name"), "codebuild-Private-service-role")
        XCTAssertTrue(create.value("assume-role-policy-document")!.contains(#""Service":"codebuild.amazonaws.com""#))
        XCTAssertTrue(create.value("assume-role-policy-document")!.contains(#""aws:SourceAccount":"${ACCOUNT}""#))
        XCTAssertEqual(plan.step(.codeBuildRole)!.always.count, 2)
        XCTAssertEqual(plan.createCommand(.buildProject, "create-project")?.value("service-role"),
                       "arn:aws:iam::${ACCOUNT}:role/service-role/codebuild-Private-service-role")
        XCTAssertTrue(plan.createCommand(.eventsRole, "create-role")!.value("assume-role-policy-document")!
            .contains("events.amazonaws.com"))
        XCTAssertEqual(plan.step(.codeBuildRole)!.teardown.flatMap(\.commands).last?.operation, "delete-role")
    }

    func testExistingRolesCreateNothingAndAreUsedAsTheyAre() {
        var answers = Article.answers
        answers.build.role = .existing(arn: "arn:aws:iam::111122223333:role/build")
        answers.pipeline.role = .existing(arn: "arn:aws:iam::111122223333:role/pipeline")
        let plan = Planner.plan(answers)
        XCTAssertNil(plan.step(.codeBuildRole))
        XCTAssertNil(plan.step(.pipelineRole))
        XCTAssertNotNil(plan.step(.eventsRole), "the trigger still needs a role to start the pipeline")
        XCTAssertEqual(plan.createCommand(.buildProject, "create-project")?.value("service-role"), answers.build.role.text)
        XCTAssertTrue(plan.createCommand(.pipeline, "create-pipeline")!.value("pipeline")!.contains(answers.pipeline.role.text))
        // Written all the same: checklist.md points to what a given role must allow.
        XCTAssertTrue(plan.policies.map(\.file).contains("codebuild-base.json"))
        answers.endpoints.policies = .leastPrivilege
        XCTAssertTrue(Policies(Names(answers)).endpoint(.codeartifactAPI)!.arg.display.contains(answers.build.role.text))
    }

    func testIAMScope() {
        var answers = Article.answers
        let scoped = Policies(Names(answers)).codeBuildCodeArtifact.arg.display
        XCTAssertTrue(scoped.contains(#""Resource":"arn:aws:codeartifact:us-west-2:${ACCOUNT}:domain/private""#))
        XCTAssertTrue(scoped.contains(#""Resource":"arn:aws:codeartifact:us-west-2:${ACCOUNT}:repository/private/Private""#))
        answers.iam.scope = .all
        let all = Policies(Names(answers)).codeBuildCodeArtifact.arg.display
        XCTAssertFalse(all.contains("arn:aws:codeartifact"))
        XCTAssertTrue(all.contains(#""Action":"codeartifact:GetAuthorizationToken","Resource":"*""#))
    }

    func testEndpointPoliciesInEachMode() {
        var answers = Article.answers
        XCTAssertEqual(answers.endpoints.policies, .account, "the default mode")
        for mode in [EndpointPolicies.account, .leastPrivilege] {
            answers.endpoints.policies = mode
            let plan = Planner.plan(answers)
            let s3 = plan.createCommand(.endpoint(.s3), "create-vpc-endpoint")!.value("policy-document")!
            XCTAssertTrue(s3.contains("${ASSETS_BUCKET_ARN}/*"), "\(mode)")
            XCTAssertTrue(plan.policies.map(\.file).contains("endpoint-s3.json"), "\(mode)")
            for service in EndpointService.allCases {
                XCTAssertEqual(plan.createCommand(.endpoint(service), "create-vpc-endpoint")?.value("policy-document"),
                               Policies(Names(answers)).endpoint(service)!.arg.display, "\(mode) \(service)")
            }
            // The domain's check and its creation both return the assets bucket.
            XCTAssertEqual(plan.step(.codeArtifactDomain)?.check?.capture, "ASSETS_BUCKET_ARN", "\(mode)")
            XCTAssertEqual(plan.step(.codeArtifactDomain)?.create.first?.variables.first, "ASSETS_BUCKET_ARN", "\(mode)")
        }
        answers.endpoints.policies = .fullAccess
        let plan = Planner.plan(answers)
        XCTAssertFalse(plan.createCommand(.endpoint(.s3), "create-vpc-endpoint")!.has("policy-document"))
        XCTAssertFalse(plan.policies.map(\.file).contains { $0.hasPrefix("endpoint-") })
        XCTAssertNil(plan.step(.codeArtifactDomain)?.check?.capture)
        XCTAssertNil(Policies(Names(answers)).endpoint(.s3))
    }

    func testPipelineTypeAndTriggers() {
        var answers = Article.answers
        var pipeline = Planner.plan(answers).createCommand(.pipeline, "create-pipeline")!.value("pipeline")!
        XCTAssertTrue(pipeline.contains(#""pipelineType":"V2""#))
        XCTAssertTrue(pipeline.contains(#""PollForSourceChanges":"false""#))
        XCTAssertNotNil(Planner.plan(answers).step(.trigger))

        answers.pipeline.type = .v1
        answers.pipeline.trigger = .poll
        var plan = Planner.plan(answers)
        pipeline = plan.createCommand(.pipeline, "create-pipeline")!.value("pipeline")!
        XCTAssertTrue(pipeline.contains(#""pipelineType":"V1""#))
        XCTAssertTrue(pipeline.contains(#""PollForSourceChanges":"true""#))
        XCTAssertNil(plan.step(.trigger))
        XCTAssertNil(plan.step(.eventsRole))

        answers.pipeline.trigger = .none
        plan = Planner.plan(answers)
        XCTAssertTrue(plan.createCommand(.pipeline, "create-pipeline")!.value("pipeline")!.contains(#""PollForSourceChanges":"false""#))
        XCTAssertNil(plan.step(.trigger))
    }

    func testTriggerRuleWatchesTheBranch() {
        var answers = Article.answers
        answers.source.branch = "release/1.0"
        let plan = Planner.plan(answers)
        let pattern = plan.createCommand(.trigger, "put-rule")!.value("event-pattern")!
        XCTAssertTrue(pattern.contains(#""referenceName":["release/1.0"]"#))
        XCTAssertTrue(pattern.contains("arn:aws:codecommit:us-west-2:${ACCOUNT}:Private"))
        let targets = plan.step(.trigger)!.always[0].commands[0].value("targets")!
        XCTAssertTrue(targets.contains("arn:aws:iam::${ACCOUNT}:role/service-role/cwe-role-us-west-2-Private"))
    }

    func testExistingRepositoryIsCheckedNeverCreatedCommittedToOrRemoved() {
        var answers = Article.answers
        answers.source.create = false
        let plan = Planner.plan(answers)
        let step = plan.step(.sourceRepository)!
        XCTAssertEqual(step.check?.mustExist, true)
        XCTAssertTrue(step.create.isEmpty)
        XCTAssertTrue(step.teardown.isEmpty)
        XCTAssertTrue(step.resources.allSatisfy(\.existing))
        XCTAssertNil(plan.step(.sampleApp))
        XCTAssertTrue(step.why.contains("never"))
    }

    func testSampleAppIsCommittedFileByFileFromTheScriptsFolder() {
        let plan = Planner.plan(Article.answers)
        let puts = plan.step(.sampleApp)!.create.flatMap(\.commands)
        XCTAssertEqual(puts.map { $0.value("file-path") }, ["buildspec.yml", "package.json", "index.js"])
        XCTAssertEqual(puts[0].value("file-content"), "fileb://${HERE}/repo/buildspec.yml")
        XCTAssertFalse(puts[0].has("parent-commit-id"))
        XCTAssertEqual(puts[1].value("parent-commit-id"), "${COMMIT}")
        XCTAssertEqual(plan.step(.sampleApp)?.check?.command.operation, "get-folder")
        XCTAssertEqual(plan.step(.sampleApp)?.check?.listed?.variable, "SAMPLE_FILES")
        // A resumed run puts only the files the branch lacks, each on the previous commit.
        let completing = plan.step(.sampleApp)!.complete.flatMap(\.commands)
        XCTAssertEqual(completing.map { $0.value("parent-commit-id") }, ["${COMMIT}", "${COMMIT}", "${COMMIT}"])
    }

    func testDomainOfAnotherAccountIsUsedNotCreated() {
        var answers = Article.answers
        answers.codeartifact.domainOwner = "111122223333"
        let plan = Planner.plan(answers)
        XCTAssertEqual(plan.step(.codeArtifactDomain)?.check?.mustExist, true)
        XCTAssertTrue(plan.step(.codeArtifactDomain)!.teardown.isEmpty)
        XCTAssertEqual(plan.createCommand(.codeArtifactRepository, "create-repository")?.value("domain-owner"), "111122223333")
    }

    func testNoUpstreamMeansNoConnection() {
        var answers = Article.answers
        answers.codeartifact.upstream = ""
        let plan = Planner.plan(answers)
        XCTAssertNil(plan.step(.codeArtifactUpstream))
        XCTAssertFalse(plan.createCommand(.codeArtifactRepository, "create-repository")!.has("upstreams"))
    }

    func testBuildProjectAndRetries() {
        let plan = Planner.plan(Article.answers)
        let project = plan.createCommand(.buildProject, "create-project")!
        XCTAssertTrue(project.retriesPropagation)
        XCTAssertTrue(project.value("environment")!.contains(#""name":"AWS_STS_REGIONAL_ENDPOINTS","value":"regional""#))
        XCTAssertTrue(project.value("environment")!.contains(#""privilegedMode":false"#))
        XCTAssertTrue(plan.createCommand(.pipeline, "create-pipeline")!.retriesPropagation)
        XCTAssertFalse(plan.createCommand(.artifactBucket, "create-bucket")!.retriesPropagation)
    }

    func testBuildTimeoutReachesTheProject() {
        var answers = Article.answers
        XCTAssertEqual(Planner.plan(answers).createCommand(.buildProject, "create-project")?.value("timeout-in-minutes"), "60")
        answers.build.timeoutMinutes = 480
        XCTAssertEqual(Planner.plan(answers).createCommand(.buildProject, "create-project")?.value("timeout-in-minutes"), "480")
        answers.build.timeoutMinutes = 2161
        XCTAssertEqual(Rules.check(answers).errors.map(\.path), ["build.timeout_minutes"])
    }

    func testArtifactBucketInUSEast1HasNoLocationConstraint() {
        var answers = Article.answers
        XCTAssertEqual(Planner.plan(answers).createCommand(.artifactBucket, "create-bucket")!.value("create-bucket-configuration"),
                       #"{"LocationConstraint":"us-west-2","Tags":[{"Key":"vpcpipe","Value":"Private"}]}"#)
        answers.region = "us-east-1"
        answers.pipeline.artifactBucket = "my-artifacts"
        let create = Planner.plan(answers).createCommand(.artifactBucket, "create-bucket")!
        XCTAssertEqual(create.value("create-bucket-configuration"), #"{"Tags":[{"Key":"vpcpipe","Value":"Private"}]}"#)
        XCTAssertEqual(create.value("bucket"), "my-artifacts")
    }

    func testTagsReachEveryTaggedResource() {
        var answers = Article.answers
        answers.tags = [Answers.Tag(key: "Team", value: "a b")]
        let plan = Planner.plan(answers)
        XCTAssertEqual(plan.createCommand(.codeArtifactDomain, "create-domain")?.value("tags"),
                       #"[{"key":"vpcpipe","value":"Private"},{"key":"Team","value":"a b"}]"#)
        XCTAssertEqual(plan.createCommand(.sourceRepository, "create-repository")?.value("tags"),
                       #"{"vpcpipe":"Private","Team":"a b"}"#)
    }

    func testTeardownFindsEndpointsAndGroupsByTheTagOnly() {
        let plan = Planner.plan(Article.answers)
        let lookup = plan.step(.endpoint(.sts))!.teardown[0].commands[0].value("filters")!
        XCTAssertTrue(lookup.contains(#"{"Name":"tag:vpcpipe","Values":["Private"]}"#))
        XCTAssertEqual(plan.step(.endpointSecurityGroup)!.teardown.first?.commands.first?.value("filters"),
                       #"[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"group-name","Values":["vpcpipe-Private-endpoints"]},{"Name":"tag:vpcpipe","Values":["Private"]}]"#)
    }

    /// Every step teardown undoes reads vpcpipe's tag first, in setup (to say whether it found
    /// someone else's resource) and in teardown (to keep it): nothing is deleted by name alone.
    func testTeardownDeletesOnlyWhatCarriesTheTag() {
        var answers = Article.answers
        answers.network.securityGroup = .create
        let plan = Planner.plan(answers)
        let undone = plan.steps.filter { !$0.teardown.isEmpty }
        XCTAssertEqual(undone.count, 19)
        for step in undone {
            XCTAssertNotNil(step.check?.tag, "\(step.id.rawValue): setup cannot tell a resource it found from one it created")
            switch step.teardown.first {
            case .ifTagged(let read, _, let actions)?:
                XCTAssertEqual(step.teardown.count, 1, step.id.rawValue)
                XCTAssertTrue(read.value("query")!.contains("vpcpipe"), "\(step.id) reads no tag: \(read.argv)")
                XCTAssertFalse(actions.isEmpty, step.id.rawValue)
            case .capture(_, let find)?:
                XCTAssertTrue(find.value("filters")!.contains(#""tag:vpcpipe","Values":["Private"]"#), step.id.rawValue)
                guard case .ifFound? = step.teardown.last else { return XCTFail("\(step.id) deletes what it did not find") }
            default:
                XCTFail("\(step.id) deletes without reading vpcpipe's tag: \(step.teardown)")
            }
        }
        // The role's inline policies go only with a role vpcpipe created.
        guard case .ifTagged(let read, let resource, let actions)? = plan.step(.codeBuildRole)!.teardown.first else {
            return XCTFail("the role is deleted without reading its tag")
        }
        XCTAssertEqual([read.service, read.operation], ["iam", "get-role"])
        XCTAssertEqual(resource.label.display, "IAM role codebuild-Private-service-role")
        XCTAssertEqual(actions.flatMap(\.commands).map(\.operation), ["delete-role-policy", "delete-role-policy", "delete-role"])
    }

    /// Where a check's call or lookup returns tags, setup reads them there; else with one call
    /// made only when the check finds the resource.
    func testSetupReadsTheTagInTheCheckWhereItCan() {
        let plan = Planner.plan(Article.answers)
        for id: StepID in [.buildSecurityGroup, .endpointSecurityGroup, .endpoint(.sts), .buildProject] {
            XCTAssertEqual(plan.step(id)?.check?.tag, .found, id.rawValue)
        }
        XCTAssertTrue(plan.step(.buildProject)!.check!.command.value("query")!.contains("tags"))
        let preflight = plan.step(.preflight)!.always.flatMap(\.commands)
        for operation in ["describe-security-groups", "describe-vpc-endpoints"] {
            XCTAssertTrue(preflight.first { $0.operation == operation }!.value("query")!.hasSuffix("Tags[?Key=='vpcpipe'].Value | [0]]"), operation)
        }
        guard case .call(let read)? = plan.step(.codeArtifactDomain)?.check?.tag else { return XCTFail("the domain's tag is not read") }
        XCTAssertEqual(read.value("resource-arn"), "arn:aws:codeartifact:us-west-2:${ACCOUNT}:domain/private")
        XCTAssertFalse(plan.step(.codeArtifactDomain)!.create.flatMap(\.commands).contains(read), "a call on the path that creates")
    }
}
