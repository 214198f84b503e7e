import TestSupport
import XCTest
@testable import Planner

/// Preflight's judgement of an endpoint already in the VPC by its policy (`--live`, the wizard):
/// the requests come from the plan's own least-privilege documents, and a policy refusing any
/// of them is named, allowing them all is not.
final class EndpointPolicyCheckTests: XCTestCase {
    static let account = "111122223333"
    let policies = Policies(Names(Article.answers))

    func judge(_ service: EndpointService, _ document: String) throws -> [(PolicyRequest, PolicyDecision)] {
        let requests = EndpointPolicyCheck.requests(service, policies, account: Self.account, endpoint: "vpce-team",
                                                    vpc: Article.answers.network.vpc)
        XCTAssertFalse(requests.isEmpty)
        return try XCTUnwrap(EndpointPolicyCheck.refused(document, requests), document)
    }

    func testTheRequestsAreThoseOfThePlansLeastPrivilegePolicies() {
        let requests = EndpointPolicyCheck.requests(.codeartifactAPI, policies, account: Self.account, endpoint: "vpce-team",
                                                    vpc: Article.answers.network.vpc)
        XCTAssertEqual(requests.map(\.action), ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint",
                                                "codeartifact:ReadFromRepository", "sts:GetServiceBearerToken"])
        XCTAssertEqual(requests.map(\.principal), Array(repeating: .aws("arn:aws:iam::\(Self.account):role/service-role/codebuild-Private-service-role"), count: 4))
        XCTAssertEqual(requests[3].context["sts:awsservicename"], ["codeartifact.amazonaws.com"])
        let s3 = EndpointPolicyCheck.requests(.s3, policies, account: Self.account, endpoint: "vpce-team", vpc: Article.answers.network.vpc)
        XCTAssertEqual(Set(s3.map(\.action)), ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:GetBucketAcl", "s3:GetBucketLocation"])
        XCTAssertFalse(s3.contains { $0.resource.contains("assets") }, "the assets bucket is learnt after preflight")
        XCTAssertEqual(s3.first?.context["aws:resourceaccount"], [Self.account], "the artifact bucket is the account's")
        let words = EndpointPolicyCheck.requirement(.logs, policies, .en).rendered { $0 == "ACCOUNT" ? Self.account : "?" }
        XCTAssertEqual(words, "logs:CreateLogStream, logs:PutLogEvents on arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private and arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private:*")
        XCTAssertTrue(EndpointPolicyCheck.requirement(.s3, policies, .en).rendered { $0 }.hasPrefix("s3:GetObject on the CodeArtifact domain's assets bucket; "))
    }

    /// In Japanese the requests are Japanese sentences' words around the same ARNs and actions.
    func testTheRequirementInJapanese() {
        XCTAssertEqual(EndpointPolicyCheck.requirement(.logs, policies, .ja, account: Self.account),
                       "arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private と arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private:* に対する logs:CreateLogStream, logs:PutLogEvents")
        XCTAssertEqual(EndpointPolicyCheck.requirement(.s3, policies, .ja, account: Self.account),
                       "CodeArtifact ドメインのアセットバケット (S3) に対する s3:GetObject、arn:aws:s3:::codepipeline-us-west-2-\(Self.account)-private/* に対する s3:GetObject, s3:GetObjectVersion, s3:PutObject、arn:aws:s3:::codepipeline-us-west-2-\(Self.account)-private に対する s3:GetBucketAcl, s3:GetBucketLocation")
        XCTAssertEqual(EndpointPolicyCheck.requirement(.codeartifactAPI, policies, .ja, account: Self.account),
                       "arn:aws:codeartifact:us-west-2:\(Self.account):domain/private に対する codeartifact:GetAuthorizationToken、arn:aws:codeartifact:us-west-2:\(Self.account):repository/private/Private に対する codeartifact:GetRepositoryEndpoint, codeartifact:ReadFromRepository、sts:GetServiceBearerToken")
    }

    func testAllowAllPasses() throws {
        for service in EndpointService.allCases {
            XCTAssertTrue(try judge(service, EndpointPolicyTests.fullAccess).isEmpty, "\(service)")
        }
    }

    /// The plan's own documents, in every mode, as another plan's endpoint would carry them, and
    /// AWS's example CodeArtifact endpoint policy (CodeArtifact user guide).
    func testThePlansOwnPoliciesAndAWSsExamplePass() throws {
        for mode in EndpointPolicies.allCases {
            var answers = Article.answers
            answers.endpoints.policies = mode
            let documents = try EndpointPolicyTests.documents(answers)
            for (service, document) in documents.endpoints {
                let requests = EndpointPolicyCheck.requests(service, policies, account: EndpointPolicyTests.account, endpoint: "vpce-team",
                                                            vpc: Article.answers.network.vpc)
                let refused = requests.filter { document.evaluate($0) != .allow }
                XCTAssertEqual(refused.map(\.action), [], "\(mode.rawValue), \(service.rawValue)")
            }
        }
        let example = #"{"Version":"2012-10-17","Statement":[{"Action":["codeartifact:GetAuthorizationToken","codeartifact:GetRepositoryEndpoint","codeartifact:ReadFromRepository","sts:GetServiceBearerToken"],"Effect":"Allow","Resource":"*","Principal":"*"}]}"#
        XCTAssertTrue(try judge(.codeartifactAPI, example).isEmpty)
        XCTAssertTrue(try judge(.codeartifactRepositories, example).isEmpty)
    }

    /// A team's endpoint for its own log group only: the build's stream is refused, and named.
    func testARestrictivePolicyIsRefusedAndNamed() throws {
        let teamOnly = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-west-2:111122223333:log-group:/ecs/orders:*"}]}"#
        let refused = try judge(.logs, teamOnly)
        XCTAssertEqual(refused.map(\.1), Array(repeating: .implicitDeny, count: 4))
        XCTAssertEqual(EndpointPolicyCheck.words(Array(refused.prefix(2)), .ja),
                       "arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private に対する logs:CreateLogStream、arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private:log-stream:vpcpipe-build に対する logs:CreateLogStream")
        XCTAssertEqual(EndpointPolicyCheck.words(refused, .en),
                       "logs:CreateLogStream on arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private, logs:CreateLogStream on arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private:log-stream:vpcpipe-build, logs:PutLogEvents on arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private, logs:PutLogEvents on arn:aws:logs:us-west-2:\(Self.account):log-group:/aws/codebuild/Private:log-stream:vpcpipe-build")
        // CodeArtifact without sts:GetServiceBearerToken: aws codeartifact login is refused.
        let noBearer = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"codeartifact:*","Resource":"*"}]}"#
        XCTAssertEqual(try judge(.codeartifactAPI, noBearer).map(\.0.action), ["sts:GetServiceBearerToken"])
    }

    func testADenyWinsOverAnAllowAll() throws {
        let deny = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalAccount":"444455556666"}}}]}"#
        let refused = try judge(.s3, deny)
        XCTAssertEqual(refused.map(\.0.action), ["s3:PutObject"])
        XCTAssertEqual(refused.map(\.1), [.explicitDeny])
        // The same Deny scoped to requests through another endpoint passes this one.
        let elsewhere = deny.replacingOccurrences(of: #""StringNotEquals":{"aws:PrincipalAccount":"444455556666"}"#,
                                                  with: #""StringEquals":{"aws:SourceVpce":"vpce-other"}"#)
        XCTAssertTrue(try judge(.s3, elsewhere).isEmpty)
    }

    /// What the evaluator cannot decide (the organization is not read) is not called a refusal.
    func testAConditionOnTheOrganizationIsUndecided() throws {
        let org = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}"#
        XCTAssertEqual(Set(try judge(.sts, org).map(\.1)), [.undecided])
        XCTAssertNil(EndpointPolicyCheck.refused("not json", []))
    }
}
