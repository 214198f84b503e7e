import Foundation
import Planner
import TestSupport
import XCTest

/// stackset.sh against the emulation's StackSets (moto's, with the stand-in for what moto 5.2.1
/// lacks: Tests/emulation/moto_patches.py) in an emulated AWS Organization: an OU with a member
/// account that has its own network. Every call goes through the AWS CLI, which checks it
/// against botocore's model. The StackSet is made, its instance deploys the template in the
/// member's VPC (not the management account's) but the endpoint the member has already, a
/// second run updates it, an account whose VPC does not exist fails with its reason, and
/// `--delete` leaves the member as it started.
final class StackSetTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    /// An account of the organization in the OU, and the AWS CLI signed in to it.
    private struct Member {
        var account: String
        var aws: AWSCLI
        var network: OperatorNetwork
    }

    /// The organization, its OU, and a member account in it with the operator's network.
    private func organization() throws -> (unit: String, member: Member) {
        try aws.text("organizations", "create-organization", "--feature-set", "ALL", "--query", "Organization.Id")
        let root = try aws.text("organizations", "list-roots", "--query", "Roots[0].Id")
        let unit = try aws.text("organizations", "create-organizational-unit", "--parent-id", root, "--name", "Product",
                                "--query", "OrganizationalUnit.Id")
        let account = try aws.text("organizations", "create-account", "--email", "product@example.com", "--account-name", "product",
                                   "--query", "CreateAccountStatus.AccountId")
        try aws.text("organizations", "move-account", "--account-id", account, "--source-parent-id", root, "--destination-parent-id", unit)
        let keys = try aws.json([String].self, "sts", "assume-role", "--role-arn", "arn:aws:iam::\(account):role/OrganizationAccountAccessRole",
                                "--role-session-name", "stackset-test", "--query", "Credentials.[AccessKeyId, SecretAccessKey, SessionToken]")
        let member = AWSCLI(environment: aws.environment.merging(
            ["AWS_ACCESS_KEY_ID": keys[0], "AWS_SECRET_ACCESS_KEY": keys[1], "AWS_SESSION_TOKEN": keys[2]]) { $1 })
        XCTAssertEqual(try member.text("sts", "get-caller-identity", "--query", "Account"), account)
        return (unit, Member(account: account, aws: member, network: try OperatorNetwork.create(with: member)))
    }

    /// The article's answers with a stackset section for `unit` and `accounts` (account, VPC,
    /// subnets, route table, the endpoints it has already).
    private func render(unit: String, accounts: [(String, String, [String], String, [String])], language: Language = .en) throws {
        let listed = accounts.map { account, vpc, subnets, table, existing in
            "    - account: \"\(account)\"\n      vpc: \(vpc)\n      subnets: [\(subnets.joined(separator: ", "))]\n      route_tables: [\(table)]\n"
                + "      existing_endpoints: [\(existing.joined(separator: ", "))]\n"
        }.joined()
        let section = "\nstackset:\n  organizational_units: [\(unit)]\n  regions: [\(pipeline.region)]\n  accounts:\n" + listed
        try pipeline.render(replacing: [("iam:\n  scope: resources\n", "iam:\n  scope: resources\n" + section)]
                                + (language == .en ? [] : [("version: 1\n", "version: 1\nlanguage: \(language.rawValue)\n")]))
    }

    /// The member's endpoints (VPC, service) that are not deleted, and its roles but the organization's.
    private func made(in member: Member) throws -> (endpoints: [String], roles: [String]) {
        let endpoints = try member.aws.json([[String]].self, "ec2", "describe-vpc-endpoints", "--query",
                                            "VpcEndpoints[?State!='deleted'].[VpcId, ServiceName]").map { $0.joined(separator: " ") }
        let roles = try member.aws.json([String].self, "iam", "list-roles", "--query", "Roles[].RoleName")
            .filter { $0 != "OrganizationAccountAccessRole" }
        return (endpoints.sorted(), roles.sorted())
    }

    /// With `language: ja`, stackset.sh deploys the StackSet in the member's network and deletes
    /// it, saying so in Japanese.
    func testTheStackSetInJapanese() throws {
        let (unit, member) = try organization()
        try render(unit: unit, accounts: [(member.account, member.network.vpc, member.network.subnets, member.network.routeTable, [])],
                   language: .ja)
        let before = try made(in: member)
        let deploy = try pipeline.runSucceeding("stackset.sh", environment: ["VPCPIPE_ASSETS_BUCKET_ARN_us_west_2": "arn:aws:s3:::assets-\(pipeline.account)"])
        for line in [Phrase.stackSetDeploy.text(.ja, ["region": pipeline.region]), Phrase.stackSetInstancesListed.text(.ja),
                     "  SUCCEEDED。スタックインスタンス: 1 SUCCEEDED\n"] {
            XCTAssertTrue(deploy.stdout.contains(line), "\(line) in \(deploy.stdout)")
        }
        XCTAssertNotEqual(try made(in: member).endpoints, before.endpoints, "the StackSet deployed nothing in the member's VPC")
        let delete = try pipeline.runSucceeding("stackset.sh", options: ["--delete", "--yes"])
        XCTAssertTrue(delete.stdout.contains(Phrase.stackSetDelete.text(.ja)), delete.stdout)
        XCTAssertEqual(try made(in: member).endpoints, before.endpoints, "deleting the StackSet did not leave the member's endpoints")
    }

    func testTheStackSetDeploysInTheMembersNetworkUpdatesReportsFailuresAndIsDeleted() throws {
        let (unit, member) = try organization()
        let assets = ["VPCPIPE_ASSETS_BUCKET_ARN_us_west_2": "arn:aws:s3:::assets-111122223333-us-west-2"]
        // Another team's logs endpoint in the member's VPC, which its account lists as existing.
        try member.aws.text("ec2", "create-vpc-endpoint", "--vpc-id", member.network.vpc, "--vpc-endpoint-type", "Interface",
                            "--service-name", "com.amazonaws.\(pipeline.region).logs", "--subnet-ids", member.network.subnets[0],
                            "--query", "VpcEndpoint.VpcEndpointId")
        let memberAccount = (member.account, member.network.vpc, member.network.subnets, member.network.routeTable, ["logs"])
        try render(unit: unit, accounts: [memberAccount])
        let before = try made(in: member)
        XCTAssertEqual(before.endpoints, ["\(member.network.vpc) com.amazonaws.\(pipeline.region).logs"])
        let managementEndpoints = try pipeline.endpoints().count

        let first = try pipeline.runSucceeding("stackset.sh", environment: assets)
        XCTAssertTrue(first.stdout.contains("SUCCEEDED; stack instances: 1 SUCCEEDED"), first.stdout)
        XCTAssertTrue(first.stdout.contains("\(member.account)\t\(pipeline.region)\tCURRENT\tSUCCEEDED"), first.stdout)
        let deployed = try made(in: member)
        let services = ["logs", "codeartifact.api", "codeartifact.repositories", "sts", "s3"]
        XCTAssertEqual(deployed.endpoints, services.map { "\(member.network.vpc) com.amazonaws.\(pipeline.region).\($0)" }.sorted(),
                       "the template's endpoints, in the member's own VPC (its parameter overrides), but logs: the member's own")
        XCTAssertEqual(deployed.roles, ["AWSCodePipelineServiceRole-us-west-2-Private", "codebuild-Private-service-role", "cwe-role-us-west-2-Private"])
        XCTAssertEqual(try pipeline.endpoints().count, managementEndpoints, "nothing deployed in the management account")

        let again = try pipeline.runSucceeding("stackset.sh", environment: assets)
        XCTAssertTrue(again.stdout.contains("the StackSet and its stack instances updated"), again.stdout)
        XCTAssertEqual(try made(in: member).endpoints, deployed.endpoints)

        // A second account of the OU whose VPC is not there: its instance fails, with its reason.
        let other = try aws.text("organizations", "create-account", "--email", "other@example.com", "--account-name", "other",
                                 "--query", "CreateAccountStatus.AccountId")
        let root = try aws.text("organizations", "list-roots", "--query", "Roots[0].Id")
        try aws.text("organizations", "move-account", "--account-id", other, "--source-parent-id", root, "--destination-parent-id", unit)
        try render(unit: unit, accounts: [memberAccount,
                                          (other, "vpc-0123456789abcdef0", ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
                                           "rtb-0123456789abcdef0", [])])
        let failed = try pipeline.run("stackset.sh", environment: assets)
        XCTAssertEqual(failed.status, 1, failed.summary)
        XCTAssertTrue(failed.stderr.contains("ended FAILED. The stack instances that did not succeed (account, region, status, reason):\n\(other)\t\(pipeline.region)\tFAILED\t"),
                      failed.stderr)

        let deleted = try pipeline.runSucceeding("stackset.sh", options: ["--delete", "--yes"])
        XCTAssertTrue(deleted.stdout.contains("the stack instances deleted"), deleted.stdout)
        XCTAssertEqual(try made(in: member).endpoints, before.endpoints, "the member's stack deleted with its instance, its own endpoint left")
        XCTAssertEqual(try made(in: member).roles, [])
        let gone = try aws.failure("cloudformation", "describe-stack-set", "--stack-set-name", "vpcpipe-Private")
        XCTAssertTrue(gone.stderr.contains("StackSetNotFoundException"), gone.stderr)
        let nothing = try pipeline.runSucceeding("stackset.sh", options: ["--delete", "--yes"])
        XCTAssertTrue(nothing.stdout.contains("There is no StackSet: nothing to delete."), nothing.stdout)
    }
}
