import TestSupport
import XCTest
@testable import Planner

/// The endpoint policies of each mode, read back from the plan and asked with PolicyEvaluator:
/// every request the build makes passes the endpoint it goes through and the CodeBuild role's
/// policies; in account mode the VPC's other workloads keep their own logs, roles, buckets and
/// CodeArtifact domains, which least-privilege denies them (the trade-off the checklist states).
final class EndpointPolicyTests: XCTestCase {
    static let account = "111122223333"
    static let otherAccount = "999988887777"
    /// us-west-2's assets bucket (CodeArtifact user guide, "Create the Amazon S3 gateway endpoint").
    static let assetsAccount = "787052242323"
    static let values = ["ACCOUNT": account, "ASSETS_BUCKET_ARN": "arn:aws:s3:::assets-\(assetsAccount)-us-west-2"]
    static let buildRole = RequestPrincipal.aws("arn:aws:iam::\(account):role/service-role/codebuild-Private-service-role")
    static let otherWorkload = RequestPrincipal.aws("arn:aws:iam::\(account):role/orders-app")
    /// AWS's default endpoint policy: what an endpoint created without --policy-document has.
    static let fullAccess = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#

    struct Documents {
        var endpoints: [EndpointService: IAMPolicy]
        var role: [IAMPolicy]
    }

    static func text(_ document: JSONValue) -> String {
        document.rendered(pretty: false).rendered { values[$0]! }
    }

    /// The endpoint policies as each endpoint's create-vpc-endpoint passes them (the default
    /// without one), and the CodeBuild role's inline policies.
    static func documents(_ answers: Answers) throws -> Documents {
        let plan = Planner.plan(answers)
        var endpoints: [EndpointService: IAMPolicy] = [:]
        for service in plan.endpoints.filter(\.planned).map(\.service) {
            let create = plan.step(.endpoint(service))?
                .create.flatMap(\.commands).first { $0.operation == "create-vpc-endpoint" }
            let document = try XCTUnwrap(create, "\(service)").options.first { $0.name == "policy-document" }?.values.first
            endpoints[service] = try IAMPolicy(json: document?.rendered { values[$0]! } ?? fullAccess, kind: .resource)
        }
        let role = try ["codebuild-base.json", "codebuild-codeartifact.json"].map { file in
            try IAMPolicy(json: text(try XCTUnwrap(plan.policies.first { $0.file == file }).document), kind: .identity)
        }
        return Documents(endpoints: endpoints, role: role)
    }

    /// What the build sends through each endpoint, and whether the role's own policies must allow it.
    static func buildRequests(_ answers: Answers) -> [(EndpointService, PolicyRequest, needsRolePermission: Bool)] {
        let group = "arn:aws:logs:us-west-2:\(account):log-group:/aws/codebuild/Private"
        let owner = answers.codeartifact.domainOwner.isEmpty ? account : answers.codeartifact.domainOwner
        let domain = "arn:aws:codeartifact:us-west-2:\(owner):domain/private"
        let repository = "arn:aws:codeartifact:us-west-2:\(owner):repository/private/Private"
        let bucket = "arn:aws:s3:::codepipeline-us-west-2-\(account)-private"
        let ours = PolicyRequest.Owner.account(account)
        return [
            // Authorized on the stream or on its group: both pass.
            (.logs, PolicyRequest(buildRole, "logs:CreateLogStream", group), true),
            (.logs, PolicyRequest(buildRole, "logs:CreateLogStream", group + ":log-stream:Private/build-1"), true),
            (.logs, PolicyRequest(buildRole, "logs:PutLogEvents", group + ":log-stream:Private/build-1"), true),
            (.codeartifactAPI, PolicyRequest(buildRole, "codeartifact:GetAuthorizationToken", domain), true),
            (.codeartifactAPI, PolicyRequest(buildRole, "sts:GetServiceBearerToken", "*", owner: .none,
                                             extra: ["sts:AWSServiceName": "codeartifact.amazonaws.com"]), true),
            (.codeartifactAPI, PolicyRequest(buildRole, "codeartifact:GetRepositoryEndpoint", repository), true),
            (.codeartifactRepositories, PolicyRequest(buildRole, "codeartifact:ReadFromRepository", repository), true),
            // Needs no permission: allowed even against an explicit deny in IAM.
            (.sts, PolicyRequest(buildRole, "sts:GetCallerIdentity", "*", owner: .none), false),
            // CodeArtifact redirects to a URL it presigned: the caller is its own account.
            (.s3, PolicyRequest(.aws("arn:aws:iam::\(assetsAccount):role/codeartifact-assets"), "s3:GetObject",
                                values["ASSETS_BUCKET_ARN"]! + "/npm/mathjs.tgz", owner: .account(assetsAccount)), false),
            (.s3, PolicyRequest(buildRole, "s3:GetObject", bucket + "/Private/SourceArti/source.zip", owner: ours), true),
            (.s3, PolicyRequest(buildRole, "s3:GetObjectVersion", bucket + "/Private/SourceArti/source.zip", owner: ours), true),
            (.s3, PolicyRequest(buildRole, "s3:PutObject", bucket + "/Private/BuildArtif/output.zip", owner: ours), true),
            (.s3, PolicyRequest(buildRole, "s3:GetBucketAcl", bucket, owner: ours), true),
            (.s3, PolicyRequest(buildRole, "s3:GetBucketLocation", bucket, owner: ours), true),
        ]
    }

    /// Requests of another workload of the same account (an ECS service, an EKS pod) through the
    /// same endpoints, to its own resources.
    static let otherWorkloadRequests: [(EndpointService, PolicyRequest)] = [
        (.logs, PolicyRequest(otherWorkload, "logs:CreateLogStream", "arn:aws:logs:us-west-2:\(account):log-group:/ecs/orders:log-stream:task-1")),
        (.logs, PolicyRequest(otherWorkload, "logs:PutLogEvents", "arn:aws:logs:us-west-2:\(account):log-group:/ecs/orders:log-stream:task-1")),
        (.sts, PolicyRequest(otherWorkload, "sts:AssumeRole", "arn:aws:iam::\(account):role/orders-deployer")),
        (.sts, PolicyRequest(.federated("arn:aws:iam::\(account):oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B7"),
                             "sts:AssumeRoleWithWebIdentity", "arn:aws:iam::\(account):role/orders-pod")),
        (.s3, PolicyRequest(otherWorkload, "s3:GetObject", "arn:aws:s3:::orders-data/2026/report.csv", owner: .account(account))),
        (.s3, PolicyRequest(otherWorkload, "s3:PutObject", "arn:aws:s3:::orders-data/2026/report.csv", owner: .account(account))),
        (.codeartifactAPI, PolicyRequest(otherWorkload, "codeartifact:GetAuthorizationToken", "arn:aws:codeartifact:us-west-2:\(account):domain/orders")),
        (.codeartifactAPI, PolicyRequest(otherWorkload, "sts:GetServiceBearerToken", "*", owner: .none,
                                         extra: ["sts:AWSServiceName": "codeartifact.amazonaws.com"])),
        (.codeartifactRepositories, PolicyRequest(otherWorkload, "codeartifact:ReadFromRepository",
                                                  "arn:aws:codeartifact:us-west-2:\(account):repository/orders/libs")),
    ]

    static func answerSets() -> [(String, Answers)] {
        var foreignDomain = Article.answers
        foreignDomain.codeartifact.domainOwner = "444455556666"
        return [("article", Article.answers), ("domain of another account", foreignDomain)]
    }

    func testEveryRequestOfTheBuildPassesInEveryMode() throws {
        for (label, base) in Self.answerSets() {
            for mode in EndpointPolicies.allCases {
                var answers = base
                answers.endpoints.policies = mode
                let documents = try Self.documents(answers)
                XCTAssertEqual(documents.endpoints[.sts] != nil, SampleApp.callsSTS(answers), label)
                for (service, request, needsRolePermission) in Self.buildRequests(answers)
                where service != .sts || SampleApp.callsSTS(answers) {
                    XCTAssertEqual(documents.endpoints[service]!.evaluate(request), .allow,
                                   "\(label), \(mode.rawValue): \(request.action) on \(request.resource) through \(service.rawValue)")
                    if needsRolePermission {
                        XCTAssertEqual(IAMPolicy.evaluate(documents.role, request), .allow,
                                       "\(label), \(mode.rawValue): the role's policies, \(request.action) on \(request.resource)")
                    }
                }
            }
        }
    }

    func testFullAccessIsAWSDefaultPolicy() throws {
        var answers = Article.answers
        answers.endpoints.policies = .fullAccess
        let plan = Planner.plan(answers)
        let endpoints = plan.allCommands.filter { $0.operation == "create-vpc-endpoint" }
        XCTAssertEqual(endpoints.count, EndpointService.allCases.count)
        XCTAssertFalse(endpoints.contains { $0.options.contains { $0.name == "policy-document" } })
        XCTAssertFalse(plan.policies.contains { $0.file.hasPrefix("endpoint-") })
    }

    func testAccountModeKeepsOtherWorkloadsOfTheAccountWorking() throws {
        for (label, answers) in Self.answerSets() {
            let documents = try Self.documents(answers)
            // Without a call to STS (a domain owner given) no sts endpoint is planned.
            for (service, request) in Self.otherWorkloadRequests where service != .sts || SampleApp.callsSTS(answers) {
                XCTAssertEqual(documents.endpoints[service]!.evaluate(request), .allow,
                               "\(label): \(request.action) on \(request.resource) through \(service.rawValue)")
            }
            if SampleApp.callsSTS(answers) {
                XCTAssertEqual(documents.endpoints[.sts]!.evaluate(PolicyRequest(Self.otherWorkload, "sts:GetCallerIdentity", "*", owner: .none)), .allow)
            }
        }
    }

    /// The perimeter: principals of other accounts, and resources of other accounts but the ones named.
    func testAccountModeKeepsThePerimeter() throws {
        let documents = try Self.documents(Article.answers)
        let stranger = RequestPrincipal.aws("arn:aws:iam::\(Self.otherAccount):role/intruder")
        let outside: [(EndpointService, PolicyRequest)] = [
            (.s3, PolicyRequest(stranger, "s3:GetObject", "arn:aws:s3:::codepipeline-us-west-2-\(Self.account)-private/k",
                                owner: .account(Self.account))),
            (.s3, PolicyRequest(Self.otherWorkload, "s3:PutObject", "arn:aws:s3:::exfiltration/dump", owner: .account(Self.otherAccount))),
            (.sts, PolicyRequest(Self.otherWorkload, "sts:AssumeRole", "arn:aws:iam::\(Self.otherAccount):role/elsewhere")),
            (.sts, PolicyRequest(.federated("accounts.google.com"), "sts:AssumeRoleWithWebIdentity",
                                 "arn:aws:iam::\(Self.otherAccount):role/elsewhere")),
            (.sts, PolicyRequest(stranger, "sts:GetCallerIdentity", "*", owner: .none)),
            (.logs, PolicyRequest(Self.otherWorkload, "logs:PutLogEvents",
                                  "arn:aws:logs:us-west-2:\(Self.otherAccount):log-group:/x:log-stream:y")),
            (.codeartifactAPI, PolicyRequest(Self.otherWorkload, "codeartifact:GetAuthorizationToken",
                                             "arn:aws:codeartifact:us-west-2:444455556666:domain/private")),
            (.codeartifactAPI, PolicyRequest(stranger, "sts:GetServiceBearerToken", "*", owner: .none)),
        ]
        for (service, request) in outside {
            XCTAssertEqual(documents.endpoints[service]!.evaluate(request), .implicitDeny,
                           "\(request.principal) \(request.action) on \(request.resource) through \(service.rawValue)")
        }
    }

    /// The trade-off least-privilege makes, which setup.sh, the checklist and the wizard state.
    func testLeastPrivilegeLimitsEveryOtherWorkloadToThePipelinesRequests() throws {
        var answers = Article.answers
        answers.endpoints.policies = .leastPrivilege
        let documents = try Self.documents(answers)
        for (service, request) in Self.otherWorkloadRequests {
            XCTAssertEqual(documents.endpoints[service]!.evaluate(request), .implicitDeny,
                           "\(request.action) on \(request.resource) through \(service.rawValue)")
        }
        let plan = Planner.plan(answers)
        let warning = try XCTUnwrap(Policies.warning(plan))
        XCTAssertTrue(warning.contains("every other workload in vpc-0123456789abcdef0 is then limited to this pipeline's requests"))
        XCTAssertTrue(ScriptRenderer.render(.setup, plan).contains(Shell.quote(.text(warning))), "setup.sh says it before its question")
        XCTAssertTrue(Checklist.render(plan).contains(warning))
        XCTAssertEqual(Rules.check(answers).filter { $0.path == "endpoints.policies" }, [Diagnostic(.warning, "endpoints.policies", warning)],
                       "the reader warns, and the wizard shows it on the field and in the review")
        XCTAssertNil(Policies.warning(Planner.plan(Article.answers)), "the account mode needs no warning")
        answers.endpoints.existing = EndpointService.allCases
        XCTAssertNil(Policies.warning(Planner.plan(answers)), "no endpoint is created, so none is limited")
        XCTAssertEqual(Rules.check(answers).filter { $0.path == "endpoints.policies" }, [])
    }

    /// Every document of every mode and answer set is JSON that AWS accepts.
    func testEveryDocumentFollowsThePolicyGrammar() throws {
        for (label, base) in RenderScriptTests.mixes() {
            for mode in EndpointPolicies.allCases {
                var answers = base
                answers.endpoints.policies = mode
                let plan = Planner.plan(answers)
                let documents = plan.policies + [("operator.json", Policies(Names(answers)).operatorPolicy(plan))]
                for (file, document) in documents {
                    let resource = file.hasPrefix("endpoint-") || file == ArtifactBucketStep.documentFile
                    let kind: IAMPolicy.Kind = resource ? .resource : file.hasSuffix("-trust.json") ? .trust : .identity
                    XCTAssertNoThrow(try IAMPolicy(json: Self.text(document), kind: kind), "\(label), \(mode.rawValue): \(file)")
                }
            }
        }
    }

    /// The Amazon Linux repositories follow the image: AL2023 for the default, AL2 for the article's.
    func testAmazonLinuxRepositoriesFollowTheImage() throws {
        var answers = Article.answers
        XCTAssertTrue(Self.text(Policies(Names(answers)).endpoint(.s3)!).contains("arn:aws:s3:::al2023-repos-us-west-2-de612dc2/*"))
        answers.build.image = Catalog.articleImage
        let al2 = Self.text(Policies(Names(answers)).endpoint(.s3)!)
        XCTAssertTrue(al2.contains("arn:aws:s3:::amazonlinux-2-repos-us-west-2/*"))
        XCTAssertFalse(al2.contains("al2023"))
        answers.build.image = "aws/codebuild/standard:7.0"
        XCTAssertFalse(Self.text(Policies(Names(answers)).endpoint(.s3)!).contains("amazonlinux"))
    }
}
