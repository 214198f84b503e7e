import TestSupport
import XCTest
@testable import Planner

final class PlanNamesTests: XCTestCase {
    func testArticleNamesAreTheConsolesNames() {
        let names = Names(Article.answers)
        XCTAssertEqual(names.codeBuildRole, "codebuild-Private-service-role")
        XCTAssertEqual(names.pipelineRole, "AWSCodePipelineServiceRole-us-west-2-Private")
        XCTAssertEqual(names.logGroup, "/aws/codebuild/Private")
        XCTAssertEqual(names.artifactBucket.display, "codepipeline-us-west-2-${ACCOUNT}-private")
        XCTAssertEqual(names.rule, "codepipeline-Private-source")
    }

    func testLongNamesFitTheirLimitsWithAStableHash() {
        var answers = Article.answers
        answers.region = "ap-southeast-2"
        answers.name = "A" + String(repeating: "b", count: 31)
        answers.build.project = "P" + String(repeating: "x", count: 149)
        answers.pipeline.name = "Q" + String(repeating: "y", count: 99)
        let names = Names(answers)
        for (name, limit) in [(names.codeBuildRole, 64), (names.pipelineRole, 64), (names.eventsRole, 64),
                              (names.codeBuildBasePolicy, 128), (names.codeBuildCodeArtifactPolicy, 128),
                              (names.pipelinePolicy, 128), (names.eventsPolicy, 128), (names.rule, 64)] {
            XCTAssertEqual(name.count, limit, name)
            XCTAssertNotNil(name.range(of: "-[0-9a-f]{6}$", options: .regularExpression), name)
        }
        let bucket = names.artifactBucket.rendered { _ in "123456789012" }
        XCTAssertLessThanOrEqual(bucket.count, 63)
        XCTAssertNotNil(bucket.range(of: "^[a-z0-9][a-z0-9-]*[a-z0-9]$", options: .regularExpression), bucket)
    }

    func testNamesThatShareAPrefixStayDistinct() {
        var one = Article.answers, two = Article.answers
        one.build.project = String(repeating: "p", count: 100) + "one"
        two.build.project = String(repeating: "p", count: 100) + "two"
        XCTAssertNotEqual(Names(one).codeBuildRole, Names(two).codeBuildRole)
    }

    func testFitKeepsShortNamesAndCutsLongOnes() {
        XCTAssertEqual(Names.fit("short", max: 10), "short")
        let cut = Names.fit(String(repeating: "a", count: 20), max: 10)
        XCTAssertEqual(cut, "aaa-" + Names.hash(String(repeating: "a", count: 20)))
        XCTAssertEqual(cut.count, 10)
    }

    func testRuleNamesLoseCharactersEventBridgeRefuses() {
        var answers = Article.answers
        answers.pipeline.name = "team@pipe"
        let rule = Names(answers).rule
        XCTAssertFalse(rule.contains("@"))
        XCTAssertTrue(rule.hasSuffix(Names.hash("codepipeline-team@pipe-source")))
    }

    func testBucketNameWithATrailingHyphenEndsWithTheHash() {
        var answers = Article.answers
        answers.name = "Private_"
        let bucket = Names(answers).artifactBucket.display
        XCTAssertTrue(bucket.hasPrefix("codepipeline-us-west-2-${ACCOUNT}-private-"))
        XCTAssertEqual(bucket.last.map { $0.isLetter || $0.isNumber }, true, bucket)
        XCTAssertFalse(bucket.hasSuffix("-"))
    }

    func testHashIsSixHexDigitsAndDeterministic() {
        // FNV-1a's last six hex digits: the same in every run and on every machine, so that a
        // second setup.sh finds what the first one named.
        XCTAssertEqual(Names.hash("vpcpipe"), "0d1b74")
        XCTAssertEqual(Names.hash(""), "1c9dc5")
        XCTAssertNotEqual(Names.hash("vpcpipe"), Names.hash("vpcpipf"))
    }

    func testPartitionFollowsTheRegion() {
        var answers = Article.answers
        answers.region = "cn-north-1"
        XCTAssertEqual(Names(answers).partition, "aws-cn")
        XCTAssertTrue(Names(answers).domainArn.display.hasPrefix("arn:aws-cn:codeartifact:cn-north-1:"))
    }
}
