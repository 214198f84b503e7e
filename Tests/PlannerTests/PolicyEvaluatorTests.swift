import XCTest
@testable import Planner

/// The evaluator itself decides as IAM does, and refuses what AWS would refuse.
final class PolicyEvaluatorTests: XCTestCase {
    let alice = RequestPrincipal.aws("arn:aws:iam::111122223333:role/alice")

    func document(_ statements: String, _ kind: IAMPolicy.Kind = .resource) throws -> IAMPolicy {
        try IAMPolicy(json: #"{"Version":"2012-10-17","Statement":[\#(statements)]}"#, kind: kind)
    }

    func testAnExplicitDenyWinsAndNothingMatchingIsAnImplicitDeny() throws {
        let policy = try document(#"""
            {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
            {"Effect":"Deny","Principal":"*","Action":"s3:Delete*","Resource":"arn:aws:s3:::b/*"}
            """#)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "s3:GetObject", "arn:aws:s3:::b/k")), .allow)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "s3:DeleteObject", "arn:aws:s3:::b/k")), .explicitDeny)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "logs:PutLogEvents", "arn:aws:logs:us-west-2:111122223333:log-group:g")), .implicitDeny)
    }

    func testPrincipalsByArnAccountServiceAndFederation() throws {
        let policy = try document(#"""
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/alice"},"Action":"sts:GetCallerIdentity","Resource":"*"},
            {"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"*"},
            {"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"},
            {"Effect":"Allow","Principal":{"Federated":"*"},"Action":"sts:AssumeRoleWithWebIdentity","Resource":"*"}
            """#)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "sts:GetCallerIdentity", "*")), .allow)
        XCTAssertEqual(policy.evaluate(PolicyRequest(.aws("arn:aws:iam::111122223333:role/bob"), "sts:GetCallerIdentity", "*")), .implicitDeny)
        XCTAssertEqual(policy.evaluate(PolicyRequest(.aws("arn:aws:iam::444455556666:role/x"), "s3:GetObject", "arn:aws:s3:::b/k")), .allow)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "s3:GetObject", "arn:aws:s3:::b/k")), .implicitDeny)
        XCTAssertEqual(policy.evaluate(PolicyRequest(.service("codebuild.amazonaws.com"), "sts:AssumeRole", "arn:aws:iam::111122223333:role/r")), .allow)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "sts:AssumeRole", "arn:aws:iam::111122223333:role/r")), .implicitDeny)
        XCTAssertEqual(policy.evaluate(PolicyRequest(.federated("oidc"), "sts:AssumeRoleWithWebIdentity", "arn:aws:iam::111122223333:role/r")), .allow)
    }

    func testWildcardsNotActionAndConditions() throws {
        let policy = try document(#"""
            {"Effect":"Allow","Principal":"*","NotAction":"iam:*","Resource":"arn:aws:logs:*:111122223333:log-group:/app/*",
             "Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/a*"}}},
            {"Effect":"Allow","Principal":"*","Action":"sts:GetServiceBearerToken","Resource":"*",
             "Condition":{"StringNotEquals":{"aws:ResourceAccount":"999988887777"},"Bool":{"aws:PrincipalIsAWSService":"false"}}}
            """#)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "logs:PutLogEvents", "arn:aws:logs:us-west-2:111122223333:log-group:/app/x:log-stream:s")), .allow)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "LOGS:putlogevents", "arn:aws:logs:us-west-2:111122223333:log-group:/app/x")), .allow,
                       "actions match case-insensitively")
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "iam:PassRole", "arn:aws:logs:us-west-2:111122223333:log-group:/app/x")), .implicitDeny)
        XCTAssertEqual(policy.evaluate(PolicyRequest(.aws("arn:aws:iam::111122223333:role/bob"), "logs:PutLogEvents",
                                                     "arn:aws:logs:us-west-2:111122223333:log-group:/app/x")), .implicitDeny)
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "logs:PutLogEvents", "arn:aws:logs:us-west-2:111122223333:log-group:/other")), .implicitDeny)
        // A negated operator holds for a key the request lacks; a positive one does not.
        XCTAssertEqual(policy.evaluate(PolicyRequest(alice, "sts:GetServiceBearerToken", "*", owner: .none)), .allow)
        XCTAssertEqual(policy.evaluate(PolicyRequest(.federated("oidc"), "sts:GetServiceBearerToken", "*", owner: .none)), .implicitDeny)
    }

    func testWhatAWSRefuses() {
        let refused = [
            (#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#, "Version"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Principal":"*","Action":"*","Resource":"*"}]}"#, "Effect"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, "Principal"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqualz":{"aws:PrincipalAccount":"1"}}}]}"#, "operator"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipleAccount":"1"}}}]}"#, "key"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"sts:AWSServiceName":"x"}}}]}"#, "key"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"GetObject","Resource":"*"}]}"#, "service:Action"),
            (#"{"Version":"2012-10-17","Statement":[{"Sid":"a-b","Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#, "Sid"),
            (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"#, "JSON"),
        ]
        for (text, what) in refused {
            XCTAssertThrowsError(try IAMPolicy(json: text, kind: .resource), what)
        }
        XCTAssertThrowsError(try IAMPolicy(json: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
                                                kind: .identity), "an identity policy names no principal")
    }
}
