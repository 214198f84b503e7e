import Foundation
import XCTest

/// What setup.sh and teardown.sh meet without having planned it: the network interfaces
/// CodeBuild leaves in the build's security group, and what the operator chose on purpose.
final class UnplannedResourcesTests: XCTestCase {
    private var emulator: Emulator!
    private var work: URL!
    private var pipeline: ArticlePipeline!
    private var aws: AWSCLI { pipeline.aws }
    private var vpc: String { pipeline.network.vpc }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-unplanned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        emulator = try Emulator()
        pipeline = try ArticlePipeline(emulator: emulator, work: work)
    }

    override func tearDown() {
        emulator?.stop()
        try? FileManager.default.removeItem(at: work)
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

    func testPreflightReadsTheRoleAndGroupChosenOnPurposeAndStops() async throws {
        // A role of this account that trusts EC2, not CodeBuild; a role of another account; a
        // group of another VPC.
        let build = try aws.text("iam", "create-role", "--role-name", "team-build", "--assume-role-policy-document",
                                 #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
                                 "--query", "Role.Arn")
        let pipelineRole = "arn:aws:iam::111122223333:role/team-pipeline"
        let otherVPC = try aws.text("ec2", "create-vpc", "--cidr-block", "10.43.0.0/16", "--query", "Vpc.VpcId")
        let group = try aws.text("ec2", "create-security-group", "--group-name", "team-group", "--description", "another team's",
                                 "--vpc-id", otherVPC, "--query", "GroupId")
        try render(replacing: [("  role: new\n", "  role: \(build)\n"), ("  role: new\n", "  role: \(pipelineRole)\n"),
                               ("  security_group: create\n", "  security_group: \(group)\n")])
        let before = try aws.described("iam", "get-role", "--role-name", "team-build", "--query", "Role.[AssumeRolePolicyDocument,Tags]")
        let start = try await emulator.calls().count

        let setup = try pipeline.run("setup.sh")
        XCTAssertEqual(setup.status, 3, setup.summary)
        XCTAssertTrue(setup.stderr.contains("setup.sh stops before creating anything: 2 problem(s)"), setup.stderr)
        XCTAssertTrue(setup.stderr.contains("build.role: \(build) does not trust codebuild.amazonaws.com (its trust policy allows ec2.amazonaws.com)"), setup.stderr)
        XCTAssertTrue(setup.stderr.contains("network.security_group: \(group) is in \(otherVPC), not in network.vpc \(vpc)"), setup.stderr)
        XCTAssertTrue(setup.stdout.contains("note: \(pipelineRole) is not a role of account \(pipeline.account)"), setup.stdout)
        let changes = try await emulator.calls().dropFirst(start).filter { call in
            let operation = call.split(separator: ":").last.map(String.init) ?? call
            return !["Describe", "List", "Get", "BatchGet", "Head"].contains { operation.hasPrefix($0) }
        }
        XCTAssertEqual(changes, [], "setup.sh changed the account before it stopped")
        XCTAssertEqual(try aws.described("iam", "get-role", "--role-name", "team-build", "--query", "Role.[AssumeRolePolicyDocument,Tags]"),
                       before, "setup.sh changed the role chosen on purpose")
    }

    /// Renders the output folder again from the answers the pipeline was rendered with, each
    /// `(old, new)` replacing the first `old`, in order.
    private func render(replacing replacements: [(String, String)]) throws {
        let file = work.appendingPathComponent("answers.yaml")
        var answers = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in replacements {
            let range = try XCTUnwrap(answers.range(of: old), "answers.yaml has no \(old)")
            answers.replaceSubrange(range, with: new)
        }
        try answers.write(to: file, atomically: true, encoding: .utf8)
        let result = try Command.run(try ArticlePipeline.binary().path,
                                     ["--headless", file.path, "--out", work.appendingPathComponent("out").path, "--force"],
                                     environment: ProcessInfo.processInfo.environment)
        XCTAssertEqual(result.status, 0, result.summary)
    }
}
