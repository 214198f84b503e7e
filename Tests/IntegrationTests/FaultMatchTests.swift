import Foundation
import TestSupport
import XCTest

/// A fault that names parameters fails only the calls that carry them, in every protocol the
/// scripts meet: query (IAM), ec2, rest-xml (S3) in front of moto, json in the stand-in.
final class FaultMatchTests: EmulatorTestCase {
    func testAFaultFailsOnlyTheCallsWithItsParameters() async throws {
        let aws = AWSCLI(environment: aws.environment.merging(["AWS_MAX_ATTEMPTS": "1"]) { $1 })
        let sts = #"[{"Name":"service-name","Values":["com.amazonaws.us-west-2.sts"]}]"#
        try await emulator.inject(.init(operation: "iam:PutRolePolicy", error: "AccessDenied", message: "second policy",
                                        times: 1, match: ["policy-name": .word("second")]))
        try await emulator.inject(.init(operation: "ec2:DescribeVpcEndpoints", error: "RequestLimitExceeded", message: "sts lookup",
                                        times: 1, match: ["filters": .word(sts)]))
        try await emulator.inject(.init(operation: "ec2:DescribeVpcEndpoints", error: "UnauthorizedOperation", message: "by ids",
                                        times: 1, match: ["vpc-endpoint-ids": .any]))
        try await emulator.inject(.init(operation: "s3:PutBucketVersioning", error: "AccessDenied", message: "versioning",
                                        times: 1, match: ["bucket": .word("faulted-bucket")]))
        try await emulator.inject(.init(operation: "codecommit:PutFile", error: "ThrottlingException", message: "index.js",
                                        times: 1, match: ["file-path": .word("index.js")]))

        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
        try aws.text("iam", "create-role", "--role-name", "r", "--assume-role-policy-document", policy)
        try aws.text("iam", "put-role-policy", "--role-name", "r", "--policy-name", "first", "--policy-document", policy)
        XCTAssertTrue(try aws.failure("iam", "put-role-policy", "--role-name", "r", "--policy-name", "second",
                                      "--policy-document", policy).stderr.contains("second policy"))

        try aws.text("ec2", "describe-vpc-endpoints", "--filters", #"[{"Name":"service-name","Values":["com.amazonaws.us-west-2.logs"]}]"#)
        XCTAssertTrue(try aws.failure("ec2", "describe-vpc-endpoints", "--filters", sts).stderr.contains("sts lookup"))
        XCTAssertTrue(try aws.failure("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", "vpce-0123456789abcdef0")
                        .stderr.contains("by ids"))

        for bucket in ["other-bucket", "faulted-bucket"] {
            try aws.text("s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration", "LocationConstraint=us-west-2")
        }
        try aws.text("s3api", "put-bucket-versioning", "--bucket", "other-bucket", "--versioning-configuration", "Status=Enabled")
        XCTAssertTrue(try aws.failure("s3api", "put-bucket-versioning", "--bucket", "faulted-bucket", "--versioning-configuration",
                                      "Status=Enabled").stderr.contains("versioning"))

        try aws.text("codecommit", "create-repository", "--repository-name", "Private")
        let first = try aws.text("codecommit", "put-file", "--repository-name", "Private", "--branch-name", "main",
                                 "--file-path", "package.json", "--file-content", "{}", "--query", "commitId")
        XCTAssertTrue(try aws.failure("codecommit", "put-file", "--repository-name", "Private", "--branch-name", "main",
                                      "--file-path", "index.js", "--file-content", "1", "--parent-commit-id", first)
                        .stderr.contains("index.js"))

        let pending = try await emulator.pendingFaults()
        XCTAssertEqual(pending, [])
        let log = try await emulator.callLog()
        XCTAssertEqual(log.faulted.map { log.calls[$0] }, ["iam:PutRolePolicy", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcEndpoints",
                                                           "s3:PutBucketVersioning", "codecommit:PutFile"])
        XCTAssertTrue(log.served().contains("codecommit:PutFile"), "the first put-file was not served")
    }

    func testAFaultNamingAnOptionTheOperationLacksIsRefused() async throws {
        do {
            try await emulator.inject(.init(operation: "iam:PutRolePolicy", error: "AccessDenied", message: "m", times: 1,
                                            match: ["bucket": .word("b")]))
            XCTFail("a fault on an option put-role-policy does not have was accepted")
        } catch let failure as Failure {
            XCTAssertTrue(failure.description.contains("policy-name"), failure.description)
        }
    }
}
