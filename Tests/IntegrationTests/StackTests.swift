import Foundation
import Planner
import TestSupport
import XCTest

/// deploy-stack.sh deploys the article's cloudformation.yaml in moto's CloudFormation: the stack
/// makes, of the kinds moto deploys (roles, security groups, endpoints, bucket, log group, rule),
/// what setup.sh makes for the same answers, and `--delete` leaves the account as it started.
/// What moto cannot deploy is listed in docs/cloudformation.md and left out here, each with why.
final class StackTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    /// The settings moto's CloudFormation does not make (moto 5.2.1), left out of the comparison
    /// where `applies` holds: the template declares them, and the parity test holds them to setup.sh's.
    static let motoCannot: [(kind: String, setting: String, applies: @Sendable ([String: Any]) -> Bool)] = [
        // A bucket's VersioningConfiguration and PublicAccessBlockConfiguration; AWS::S3::BucketPolicy.
        ("buckets", "versioning", { _ in true }), ("buckets", "public_access_block", { _ in true }), ("buckets", "policy", { _ in true }),
        // create-vpc-endpoint answers private DNS on for a gateway, where it means nothing; the stack's says none.
        ("endpoints", "private_dns", { $0["type"] as? String == "Gateway" }),
    ]

    /// The account's resources of moto's kinds (Tests/emulation/account_state.py).
    private func state() throws -> [String: [String: [String: Any]]] {
        let script = repositoryRoot.appendingPathComponent("Tests/emulation/account_state.py").path
        let result = try runProgram("python3", [script, pipeline.network.vpc], environment: aws.environment)
        guard result.status == 0, let state = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: [String: Any]]] else {
            throw Failure("account_state.py: \(result.summary)")
        }
        var kept = state
        for (kind, setting, applies) in Self.motoCannot {
            for (name, resource) in kept[kind] ?? [:] where applies(resource) { kept[kind]?[name]?[setting] = nil }
        }
        return kept
    }

    private func text(_ state: [String: [String: [String: Any]]]) -> String {
        (try? JSONSerialization.data(withJSONObject: state, options: [.sortedKeys, .prettyPrinted])).map { String(decoding: $0, as: UTF8.self) } ?? "\(state)"
    }

    func testTheStackMakesWhatSetupMakesAndItsDeletionLeavesTheStart() throws {
        let start = try state()
        try pipeline.runSucceeding("setup.sh")
        let bySetup = try state()
        // The bucket setup.sh's S3 endpoint policy names, which deploy-stack.sh takes from the
        // environment when no domain tells it (moto's CloudFormation makes no domain).
        let assets = try aws.text("codeartifact", "describe-domain", "--domain", pipeline.domain, "--query", "domain.s3BucketArn")
        try pipeline.runSucceeding("teardown.sh")
        XCTAssertEqual(text(try state()), text(start), "teardown.sh did not leave the start")

        // The repository CloudFormation would make (moto cannot), for the sample app's commits.
        _ = try aws.text("codecommit", "create-repository", "--repository-name", pipeline.articleName, "--query", "repositoryMetadata.repositoryName")
        let deploy = try pipeline.runSucceeding("deploy-stack.sh", environment: ["VPCPIPE_ASSETS_BUCKET_ARN": assets])
        XCTAssertTrue(deploy.stdout.contains("The change set (action, resource, type, replacement):"), deploy.stdout)
        let byStack = try state()
        for kind in ["roles", "security_groups", "endpoints", "buckets", "log_groups", "rules"] {
            XCTAssertFalse(bySetup[kind]?.isEmpty ?? true, "setup.sh made no \(kind)")
            XCTAssertEqual(text([kind: byStack[kind] ?? [:]]), text([kind: bySetup[kind] ?? [:]]), "the stack's \(kind) are not setup.sh's")
        }
        XCTAssertEqual(try aws.text("codecommit", "get-branch", "--repository-name", pipeline.articleName, "--branch-name", "main",
                                    "--query", "branch.branchName"), "main", "deploy-stack.sh committed no sample app")

        let again = try pipeline.runSucceeding("deploy-stack.sh", environment: ["VPCPIPE_ASSETS_BUCKET_ARN": assets])
        XCTAssertTrue(again.stdout.contains("nothing to change"), "a second deploy-stack.sh: \(again.stdout)")

        try pipeline.runSucceeding("deploy-stack.sh", options: ["--delete", "--yes"])
        _ = try aws.text("codecommit", "delete-repository", "--repository-name", pipeline.articleName, "--query", "repositoryId")
        XCTAssertEqual(text(try state()), text(start), "deleting the stack did not leave the start")
    }

    /// With `language: ja`, deploy-stack.sh makes and deletes the same stack, saying so in Japanese.
    func testTheStackInJapanese() throws {
        try pipeline.render(replacing: [("version: 1\n", "version: 1\nlanguage: ja\n")])
        let start = try state()
        _ = try aws.text("codecommit", "create-repository", "--repository-name", pipeline.articleName, "--query", "repositoryMetadata.repositoryName")
        // Any bucket's ARN: moto's CloudFormation reads no endpoint policy.
        let assets = ["VPCPIPE_ASSETS_BUCKET_ARN": "arn:aws:s3:::assets-\(pipeline.account)"]
        let stack = "vpcpipe-" + pipeline.articleName
        let deploy = try pipeline.runSucceeding("deploy-stack.sh", environment: assets)
        for line in [Phrase.stackPreview.text(.ja, ["stack": stack]), Phrase.stackChangeSetListed.text(.ja)] {
            XCTAssertTrue(deploy.stdout.contains(line), "\(line) in \(deploy.stdout)")
        }
        let again = try pipeline.runSucceeding("deploy-stack.sh", environment: assets)
        XCTAssertTrue(again.stdout.contains(Phrase.stackUnchanged.text(.ja)), again.stdout)
        let delete = try pipeline.runSucceeding("deploy-stack.sh", options: ["--delete", "--yes"])
        XCTAssertTrue(delete.stdout.contains(Phrase.stackDelete.text(.ja, ["stack": stack])), delete.stdout)
        _ = try aws.text("codecommit", "delete-repository", "--repository-name", pipeline.articleName, "--query", "repositoryId")
        XCTAssertEqual(text(try state()), text(start), "deleting the stack did not leave the start")
    }
}
