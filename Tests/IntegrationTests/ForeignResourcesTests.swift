import Foundation
import XCTest

/// An operator who clicked through the article once already has the console's CodeBuild role
/// and a CodeArtifact domain of the same names. setup.sh uses them and says so; teardown.sh,
/// which removes only what carries the vpcpipe tag, keeps them and removes the rest.
final class ForeignResourcesTests: XCTestCase {
    private var emulator: Emulator!
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        emulator = try Emulator()
    }

    override func tearDown() {
        emulator?.stop()
        try? FileManager.default.removeItem(at: work)
    }

    func testSetupUsesSameNamedResourcesAndTeardownKeepsThem() throws {
        let pipeline = try ArticlePipeline(emulator: emulator, work: work)
        let aws = pipeline.aws, role = "codebuild-Private-service-role"
        let roleArn = try aws.text("iam", "create-role", "--role-name", role, "--path", "/service-role/", "--assume-role-policy-document",
                                   #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
                                   "--query", "Role.Arn")
        try aws.text("codeartifact", "create-domain", "--domain", pipeline.domain)

        let setup = try pipeline.run("setup.sh")
        XCTAssertEqual(setup.status, 0, setup.summary)
        XCTAssertEqual(setup.stdout.components(separatedBy: "exists, not created by vpcpipe: used as it is; teardown keeps it").count - 1, 2,
                       "setup.sh should say it uses the role and the domain as they are:\n\(setup.stdout)")
        let created = try pipeline.assertPipeline()
        XCTAssertTrue(created.roles.contains(roleArn), "the build project does not run as the existing role")

        for run in 1...2 {
            let teardown = try pipeline.run("teardown.sh")
            XCTAssertEqual(teardown.status, 0, "teardown \(run): \(teardown.summary)")
            for kept in ["IAM role \(role)", "CodeArtifact domain \(pipeline.domain)"] {
                XCTAssertTrue(teardown.stdout.contains("kept: \(kept) (not created by vpcpipe)"), "teardown \(run): \(teardown.stdout)")
            }
            XCTAssertEqual(try aws.text("iam", "get-role", "--role-name", role, "--query", "Role.Arn"), roleArn)
            XCTAssertEqual(try aws.text("codeartifact", "describe-domain", "--domain", pipeline.domain, "--query", "domain.name"), pipeline.domain)
            try pipeline.assertRemoved(roles: created.roles.subtracting([roleArn]), keeping: [pipeline.domain])
        }
    }
}
