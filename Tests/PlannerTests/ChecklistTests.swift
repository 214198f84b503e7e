import TestSupport
import XCTest
@testable import Planner

/// checklist.md can be followed in the console from top to bottom: each value is known before a
/// step needs it, each step is one the console offers, and what the operator chose on purpose
/// is used as it is, with what it must allow.
final class ChecklistTests: XCTestCase {
    private func checklist(_ answers: Answers) -> String { Checklist.render(Planner.plan(answers)) }

    /// Where `text` first stands in `checklist`, failing when it is missing.
    private func position(_ text: String, in checklist: String, file: StaticString = #filePath, line: UInt = #line) -> String.Index {
        guard let range = checklist.range(of: text) else {
            XCTFail("checklist.md lacks \(text)", file: file, line: line)
            return checklist.endIndex
        }
        return range.lowerBound
    }

    private func assertOrder(_ texts: [String], in checklist: String, file: StaticString = #filePath, line: UInt = #line) {
        let positions = texts.map { position($0, in: checklist, file: file, line: line) }
        XCTAssertEqual(positions, positions.sorted(), "out of order: \(texts)", file: file, line: line)
    }

    func testEveryValueIsKnownBeforeAStepNeedsIt() {
        let text = checklist(Article.answers)
        // The account first: the bucket's name and the policies hold it.
        assertOrder(["ACCOUNT=$(aws sts get-caller-identity", "codepipeline-us-west-2-${ACCOUNT}-private",
                     "`policies/artifact-bucket.json`"], in: text)
        // The endpoints' group before the endpoints, each of which names it.
        let endpointGroup = position("**Create security group** `vpcpipe-Private-endpoints`", in: text)
        for service in ["logs", "codeartifact.api", "codeartifact.repositories", "sts"] {
            let line = text.components(separatedBy: "\n").first { $0.contains("`com.amazonaws.us-west-2.\(service)`: Interface") } ?? ""
            XCTAssertTrue(line.contains("security group `vpcpipe-Private-endpoints`"), line)
            XCTAssertLessThan(endpointGroup, position(line, in: text), service)
        }
        // The assets bucket's ARN before the S3 endpoint's policy, which names it.
        assertOrder(["aws codeartifact describe-domain --domain 'private' --domain-owner \"$ACCOUNT\" --query 'domain.s3BucketArn'",
                     "`${ASSETS_BUCKET_ARN}` in `policies/endpoint-s3.json`", "`com.amazonaws.us-west-2.s3`: Gateway"], in: text)
        // The artifact bucket, versioned, before the pipeline keeps its artifacts there.
        assertOrder(["**Create bucket** `codepipeline-us-west-2-${ACCOUNT}-private`", "**Bucket Versioning** enabled",
                     "**Advanced settings > Artifact store**: custom location, bucket `codepipeline-us-west-2-${ACCOUNT}-private`"], in: text)
        // The endpoints are available, and the source on its branch, before the pipeline's first run.
        assertOrder(["Wait until each endpoint is **Available**", "Add the files of `repo/`", "**Create pipeline**"], in: text)
    }

    func testTheBuildProjectComesFromThePipelinesBuildStageAndRolesGetTheirPoliciesOnceTheyExist() {
        let text = checklist(Article.answers)
        assertOrder(["**Create pipeline > Build custom pipeline**", "**New service role**, role name `AWSCodePipelineServiceRole-us-west-2-Private`",
                     "Build: AWS CodeBuild, **Create project**", "**New service role**, role name `codebuild-Private-service-role`",
                     "**Continue to CodePipeline**", "and **Create pipeline**. Its first run starts at once, before the roles' policies below",
                     "**Roles >** `codebuild-Private-service-role`: **Add permissions > Create inline policy**, JSON: paste `policies/codebuild-base.json`, policy name `CodeBuildBasePolicy-Private-us-west-2`",
                     "paste `policies/codebuild-codeartifact.json`",
                     "**Roles >** `AWSCodePipelineServiceRole-us-west-2-Private`: **Add permissions > Create inline policy**, JSON: paste `policies/codepipeline.json`",
                     "choose **Release change**"], in: text)
        XCTAssertFalse(text.contains("Create build project"), "the console makes the project from the pipeline's build stage")
    }

    func testWhatTheOperatorChoseIsUsedAsItIsWithWhatItMustAllow() {
        var answers = Article.answers
        answers.build.role = .existing(arn: "arn:aws:iam::111122223333:role/build")
        answers.pipeline.role = .existing(arn: "arn:aws:iam::111122223333:role/pipe")
        answers.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        answers.source.create = false
        let text = checklist(answers)
        XCTAssertTrue(text.contains("service role: existing `arn:aws:iam::111122223333:role/pipe` (pipeline.role, used as it is): it must trust codepipeline.amazonaws.com as policies/codepipeline-trust.json does, and allow what policies/codepipeline.json allows."), text)
        XCTAssertTrue(text.contains("Service role: existing `arn:aws:iam::111122223333:role/build` (build.role, used as it is; clear **Allow AWS CodeBuild to modify this service role**): it must trust codebuild.amazonaws.com as policies/codebuild-trust.json does, and allow what policies/codebuild-base.json and policies/codebuild-codeartifact.json allow."), text)
        XCTAssertFalse(text.contains("**Roles >**"), "a role given by ARN is not changed")
        // The reader says the same, so the wizard's review shows it under the role.
        XCTAssertEqual(Rules.check(answers).filter { $0.path.hasSuffix(".role") }.map(\.message), [
            "arn:aws:iam::111122223333:role/build is used as it is: it must trust codebuild.amazonaws.com as policies/codebuild-trust.json does, and allow what policies/codebuild-base.json and policies/codebuild-codeartifact.json allow",
            "arn:aws:iam::111122223333:role/pipe is used as it is: it must trust codepipeline.amazonaws.com as policies/codepipeline-trust.json does, and allow what policies/codepipeline.json allows",
        ])
        XCTAssertTrue(text.contains("Security group `sg-0123456789abcdef0` (network.security_group, used as it is), for the build and the endpoints: it must be in VPC `vpc-0123456789abcdef0` and allow inbound HTTPS (443) from itself"), text)
        XCTAssertFalse(text.contains("Create security group"))
        XCTAssertTrue(text.contains("Repository `Private` (source.create false, used as it is) exists"), text)
        XCTAssertTrue(text.contains("Its first run starts at once.\n"), text)
    }

    func testWithoutTheSampleAppNoSampleOutputIsPromised() {
        var answers = Article.answers
        answers.source.sampleApp = false
        let text = checklist(answers)
        XCTAssertFalse(text.contains("prints `7`"))
        XCTAssertFalse(text.contains("mathjs"))
        XCTAssertTrue(text.contains("- [ ] Push your app with `buildspec.yml` to branch `main`."))
        XCTAssertTrue(text.contains("your buildspec ran in the VPC; the packages it installs come from CodeArtifact (`private`/`Private`"), text)
    }

    /// Each file the checklist names is written, and each runtime value the files hold is one
    /// the checklist says how to learn.
    func testTheFilesItNamesExistAndTheirValuesAreExplained() throws {
        for (label, answers) in RenderScriptTests.mixes() {
            let files = Outputs.render(answers)
            let text = try XCTUnwrap(files.first { $0.path == "checklist.md" }?.contents)
            let named = Set(text.matches(of: /`(policies\/[a-z0-9-]+\.json)`/).map { String($0.output.1) })
            XCTAssertFalse(named.isEmpty, label)
            XCTAssertEqual(named.subtracting(files.map(\.path)), [], "\(label): named but not written")
            for file in files where file.path.hasPrefix("policies/") && named.contains(file.path) {
                for variable in Set(file.contents.matches(of: /\$\{([A-Z_]+)\}/).map { String($0.output.1) }) {
                    XCTAssertTrue(text.contains("`${\(variable)}` stands") || text.contains("stands for `${\(variable)}`"),
                                  "\(label): \(file.path) holds ${\(variable)}, which checklist.md does not explain")
                }
            }
        }
    }

    /// In Japanese, the words that come from the plan (why an endpoint, what a given role or
    /// group must allow, the least-privilege warning) are Japanese too, and the values stay.
    func testAJapaneseChecklistSaysThePlansOwnWordsInJapanese() {
        var answers = RenderScriptTests.mixes().first { $0.0 == "existing-everything" }!.1
        answers.language = .ja
        answers.endpoints.policies = .leastPrivilege
        let text = checklist(answers)
        for phrase in [Phrase.roleRequirementFiles, .roleRequirement, .givenGroupNeeds, .leastPrivilegeWarning, .endpointListedExisting] {
            let english = TextTemplate(English.messages[phrase]!).pieces.compactMap { piece -> String? in
                if case .text(let words) = piece, words.count > 12 { return words } else { return nil }
            }
            XCTAssertFalse(english.isEmpty, "\(phrase)")
            for words in english { XCTAssertFalse(text.contains(words), "\(phrase): \(words)") }
        }
        XCTAssertTrue(text.contains("`arn:aws:iam::111122223333:role/build` (build.role、そのまま使用。"), text)
        XCTAssertTrue(text.contains("codebuild.amazonaws.com を信頼し、policies/codebuild-base.json と policies/codebuild-codeartifact.json が許可することを"), text)
        XCTAssertTrue(text.contains("エンドポイントポリシーは least-privilege です"), text)
    }
}
