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
}
