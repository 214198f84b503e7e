import Foundation
import TestSupport
import XCTest
@testable import Planner

/// policies/operator.json: every call setup.sh and teardown.sh make is granted, by action names
/// that exist, on the plan's resources, and nothing of the same kind beyond them.
final class OperatorPolicyTests: XCTestCase {
    /// IAM actions that name no API operation of their own, so botocore's models do not list them.
    static let iamOnlyActions: Set<String> = [
        "iam:PassRole",                                  // a permission checked when a role is handed to a service
        "s3:ListBucket",                                 // authorizes HeadBucket (and ListObjects)
        "s3:ListBucketVersions",                         // authorizes ListObjectVersions
        "s3:PutBucketPublicAccessBlock",                 // authorizes PutPublicAccessBlock
        "s3:DeleteObjectVersion",                        // DeleteObject with a version id
        "s3:TagResource",                                // CreateBucket given tags
        "codeartifact:AssociateWithDownstreamRepository", // CreateRepository with an upstream
    ]

    /// The operations of each service, as botocore's service models name them.
    static let operations: [String: Set<String>] = {
        let services = ["codeartifact", "codebuild", "codecommit", "codepipeline", "ec2", "events", "iam", "logs", "route53", "s3", "sts"]
        let printed = try? Botocore.run("print(json.dumps({s: sorted(model(s, 'service-2')['operations']) for s in sys.argv[1:]}))", services)
        let decoded = printed.flatMap { try? JSONDecoder().decode([String: [String]].self, from: Data($0.utf8)) }
        return decoded?.mapValues(Set.init) ?? [:]
    }()

    static func answerSets() -> [(String, Answers)] {
        var sets = RenderScriptTests.mixes()
        var foreign = Article.answers
        foreign.codeartifact.domainOwner = "444455556666"
        foreign.endpoints.privateDNS = false
        sets.append(("domain of another account", foreign))
        return sets
    }

    static func document(_ plan: Plan) throws -> IAMPolicy {
        try IAMPolicy(json: EndpointPolicyTests.text(Policies(Names(plan.answers)).operatorPolicy(plan)), kind: .identity)
    }

    func testEveryCommandMapsToAnActionOfOperatorJSONThatExists() throws {
        XCTAssertTrue(Self.operations["s3"]?.contains("PutBucketPolicy") == true,
                      "botocore is needed: python3 -m pip install awscli (scripts/test installs it)")
        for (label, answers) in Self.answerSets() {
            let plan = Planner.plan(answers)
            let granted = Set(try Self.document(plan).allowedActions)
            let permissions = Permissions(Names(answers))
            for command in plan.allCommands {
                let actions = permissions.actions(command)
                if command.service == "sts" && command.operation == "get-caller-identity" {
                    XCTAssertEqual(actions, [], "needs no permission")
                    continue
                }
                XCTAssertFalse(actions.isEmpty, "\(label): \(command.argv.prefix(3))")
                for action in actions {
                    XCTAssertTrue(granted.contains(action), "\(label): \(action) for \(command.argv.prefix(3)) is not in operator.json")
                }
            }
            for action in granted where !Self.iamOnlyActions.contains(action) {
                let parts = action.split(separator: ":").map(String.init)
                XCTAssertTrue(Self.operations[parts[0]]?.contains(parts[1]) == true, "\(label): \(action) is no operation of botocore's \(parts[0])")
            }
        }
    }

    /// Each call is allowed on the plan's resource it names, as the evaluator reads the policy.
    func testEachCallIsGrantedOnItsResources() throws {
        let account = EndpointPolicyTests.account
        for (label, answers) in Self.answerSets() {
            let plan = Planner.plan(answers)
            let policy = try Self.document(plan)
            let permissions = Permissions(Names(answers))
            for command in plan.allCommands {
                let resources = (permissions.resources(command) ?? ["*"]).map { $0.rendered { EndpointPolicyTests.values[$0]! } }
                for action in permissions.actions(command) {
                    var extra: [String: String] = [:]
                    var targets = resources
                    if action == "iam:PassRole", let passed = permissions.passedRole(command) {
                        extra["iam:PassedToService"] = passed.service
                        targets = [passed.role.rendered { EndpointPolicyTests.values[$0]! }]
                    } else if action == "ec2:CreateTags" {
                        extra["ec2:CreateAction"] = String(Permissions.own(command)[0].dropFirst(4))
                    }
                    let allowed = targets.contains { policy.evaluate(PolicyRequest(.aws("arn:aws:iam::\(account):role/ci"), action, $0, extra: extra)) == .allow }
                    XCTAssertTrue(allowed, "\(label): \(action) on \(targets)")
                }
            }
        }
    }

    /// The article's calls by their ARNs, written out here, and the same actions beyond the plan.
    func testTheArticlesResourcesAndNothingBeyond() throws {
        let policy = try Self.document(Planner.plan(Article.answers))
        let ci = RequestPrincipal.aws("arn:aws:iam::111122223333:role/ci")
        func decide(_ action: String, _ resource: String, _ extra: [String: String] = [:]) -> PolicyDecision {
            policy.evaluate(PolicyRequest(ci, action, resource, extra: extra))
        }
        let role = "arn:aws:iam::111122223333:role/service-role/codebuild-Private-service-role"
        let allowed = [
            ("iam:CreateRole", role), ("iam:TagRole", role), ("iam:PutRolePolicy", role), ("iam:DeleteRole", role),
            ("s3:CreateBucket", "arn:aws:s3:::codepipeline-us-west-2-111122223333-private"),
            ("s3:DeleteObjectVersion", "arn:aws:s3:::codepipeline-us-west-2-111122223333-private/Private/x.zip"),
            ("codeartifact:CreateDomain", "arn:aws:codeartifact:us-west-2:111122223333:domain/private"),
            ("codeartifact:CreateRepository", "arn:aws:codeartifact:us-west-2:111122223333:repository/private/Private"),
            ("codeartifact:AssociateWithDownstreamRepository", "arn:aws:codeartifact:us-west-2:111122223333:repository/private/npm-store"),
            ("logs:CreateLogGroup", "arn:aws:logs:us-west-2:111122223333:log-group:/aws/codebuild/Private"),
            ("codecommit:PutFile", "arn:aws:codecommit:us-west-2:111122223333:Private"),
            ("codebuild:CreateProject", "arn:aws:codebuild:us-west-2:111122223333:project/Private"),
            ("codepipeline:CreatePipeline", "arn:aws:codepipeline:us-west-2:111122223333:Private"),
            ("events:PutTargets", "arn:aws:events:us-west-2:111122223333:rule/codepipeline-Private-source"),
            ("ec2:CreateVpcEndpoint", "arn:aws:ec2:us-west-2:111122223333:vpc-endpoint/*"),
            ("route53:AssociateVPCWithHostedZone", "arn:aws:route53:::hostedzone/Z1"),
        ]
        for (action, resource) in allowed { XCTAssertEqual(decide(action, resource), .allow, "\(action) on \(resource)") }
        XCTAssertEqual(decide("iam:PassRole", role, ["iam:PassedToService": "codebuild.amazonaws.com"]), .allow)
        XCTAssertEqual(decide("ec2:CreateTags", "arn:aws:ec2:us-west-2:111122223333:security-group/sg-1",
                              ["ec2:CreateAction": "CreateSecurityGroup"]), .allow)
        let denied = [
            ("iam:CreateRole", "arn:aws:iam::111122223333:role/admin"),
            ("iam:PutRolePolicy", "arn:aws:iam::111122223333:role/service-role/someone-elses"),
            ("s3:DeleteBucket", "arn:aws:s3:::another-bucket"),
            ("codeartifact:DeleteDomain", "arn:aws:codeartifact:us-west-2:111122223333:domain/orders"),
            ("logs:DeleteLogGroup", "arn:aws:logs:us-west-2:111122223333:log-group:/ecs/orders"),
            ("codecommit:DeleteRepository", "arn:aws:codecommit:us-west-2:111122223333:orders"),
            ("codepipeline:DeletePipeline", "arn:aws:codepipeline:us-west-2:111122223333:orders"),
            ("iam:AttachRolePolicy", role),
            ("s3:GetObject", "arn:aws:s3:::codepipeline-us-west-2-111122223333-private/Private/x.zip"),
        ]
        for (action, resource) in denied { XCTAssertEqual(decide(action, resource), .implicitDeny, "\(action) on \(resource)") }
        // A role is passed only to the service it serves; tags only come with a create.
        XCTAssertEqual(decide("iam:PassRole", role, ["iam:PassedToService": "ec2.amazonaws.com"]), .implicitDeny)
        XCTAssertEqual(decide("iam:PassRole", "arn:aws:iam::111122223333:role/admin", ["iam:PassedToService": "codebuild.amazonaws.com"]), .implicitDeny)
        XCTAssertEqual(decide("ec2:CreateTags", "arn:aws:ec2:us-west-2:111122223333:security-group/sg-1"), .implicitDeny)
    }

    func testTheMappingsExceptions() {
        let permissions = Permissions(Names(Article.answers))
        XCTAssertEqual(permissions.actions(Command("s3api", "head-bucket").with("bucket", "b")), ["s3:ListBucket"])
        XCTAssertEqual(permissions.actions(Command("s3api", "delete-object").with("bucket", "b").with("key", "k")), ["s3:DeleteObject"])
        XCTAssertEqual(permissions.actions(Command("s3api", "delete-object").with("bucket", "b").with("version-id", "v")), ["s3:DeleteObjectVersion"])
        XCTAssertEqual(permissions.actions(Command("s3api", "create-bucket").with("bucket", "b")), ["s3:CreateBucket"])
        XCTAssertEqual(permissions.actions(Command("s3api", "create-bucket").with("bucket", "b")
            .with("create-bucket-configuration", #"{"Tags":[{"Key":"vpcpipe","Value":"P"}]}"#)), ["s3:CreateBucket", "s3:TagResource"])
        XCTAssertEqual(permissions.actions(Command("ec2", "describe-vpc-endpoints")), ["ec2:DescribeVpcEndpoints"])
        XCTAssertEqual(permissions.actions(Command("ec2", "create-vpc-endpoint").with("no-private-dns-enabled")), ["ec2:CreateVpcEndpoint"])
        XCTAssertEqual(permissions.actions(Command("codebuild", "create-project").with("tags", "[]")), ["codebuild:CreateProject", "iam:PassRole"])
        XCTAssertEqual(permissions.actions(Command("iam", "create-role").with("tags", "[]")), ["iam:CreateRole", "iam:TagRole"])
    }

    func testOperatorJSONIsWrittenWithThePolicies() {
        let files = Outputs.render(Article.answers)
        XCTAssertTrue(files.contains { $0.path == "policies/operator.json" })
        XCTAssertTrue(Outputs.preview(Planner.plan(Article.answers)).contains { $0.path == "policies/operator.json" })
    }
}
