import Foundation
import TestSupport
import XCTest
@testable import Planner

final class RenderScriptTests: XCTestCase {
    /// Answers that together reach every branch of the renderers.
    static func mixes() -> [(String, Answers)] {
        var mixes: [(String, Answers)] = [("article", Article.answers)]
        var a = Article.answers
        a.network.securityGroup = .vpcDefault
        a.build.logs = .none
        a.pipeline.trigger = .poll
        a.pipeline.type = .v1
        a.profile = "dev.team"
        a.region = "us-east-1"
        mixes.append(("default-sg-poll", a))
        a = Article.answers
        a.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        a.endpoints.existing = [.s3, .logs]
        a.endpoints.policies = .fullAccess
        a.endpoints.privateDNS = false
        a.source.create = false
        a.build.role = .existing(arn: "arn:aws:iam::111122223333:role/build")
        a.pipeline.role = .existing(arn: "arn:aws:iam::111122223333:role/pipe")
        a.pipeline.trigger = .none
        a.iam.scope = .all
        a.codeartifact.domainOwner = "111122223333"
        a.tags = [Answers.Tag(key: "Team", value: "it's a team")]
        mixes.append(("existing-everything", a))
        for format in [PackageFormat.pypi, .maven, .nuget] {
            a = Article.answers
            a.codeartifact.format = format
            a.codeartifact.upstream = Defaults.upstream(format: format)
            a.codeartifact.externalConnection = Defaults.externalConnection(format: format)
            a.build.runtime = Defaults.runtime(format: format, image: a.build.image)
            a.build.buildspec = "ci/buildspec.yml"
            mixes.append((format.rawValue, a))
        }
        mixes.append(("stackset", StackSetAnswersTests.answers))
        // The StackSet to whole OUs, the template's parameters all defaulted (full access: no assets bucket).
        a = StackSetAnswersTests.answers
        a.stackset?.accounts = []
        a.stackset?.maxConcurrent = "2"
        a.endpoints.policies = .fullAccess
        mixes.append(("stackset-ous", a))
        return mixes
    }

    /// The mixes whose scripts shellcheck reads in Japanese too: the same commands as in English,
    /// other words (those of every step and check); every mix in English, for every branch.
    static let translatedMixes: Set = ["article", "existing-everything", "stackset"]

    /// Each mix's output folder in `language`, written in `work`.
    private func writeMixes(in work: URL, _ language: Language = .en) throws -> [(label: String, answers: Answers, folder: URL)] {
        try Self.mixes().filter { language == .en || Self.translatedMixes.contains($0.0) }.map { label, answers in
            var answers = answers
            answers.language = language
            return (label, answers, try write(Outputs.render(answers), to: work.appendingPathComponent(label)))
        }
    }

    // A test a language: scripts/test runs each as a job of its own, the English one among the first.
    func testEnglishScriptsPassBashAndShellcheck() throws {
        try checkScripts(.en)
    }

    func testJapaneseScriptsPassBashAndShellcheck() throws {
        try checkScripts(.ja)
    }

    private func checkScripts(_ language: Language) throws {
        let work = try temporaryFolder("render")
        defer { try? FileManager.default.removeItem(at: work) }
        // shellcheck reads each distinct script once (a second or two of CPU a script): some mixes
        // render a script byte for byte as another does (the stackset mix's setup.sh is the article's).
        var scripts: [String] = [], distinct: Set<Data> = []
        for (label, _, folder) in try writeMixes(in: work, language) {
            for script in ["setup.sh", "teardown.sh", "verify.sh", StackScript.file, StackSetScript.file]
                where FileManager.default.fileExists(atPath: folder.appendingPathComponent(script).path) {
                let path = folder.appendingPathComponent(script).path
                let syntax = try runProgram("/bin/bash", ["-n", path])
                XCTAssertEqual(syntax.status, 0, "\(language) \(label) \(script): \(syntax.stderr)")
                if distinct.insert(try Data(contentsOf: URL(fileURLWithPath: path))).inserted { scripts.append(path) }
            }
        }
        let lint = try runProgram("shellcheck", scripts)
        XCTAssertEqual(lint.status, 0, "\(language): \(lint.summary)")
    }

    /// Only checklist.md and the scripts speak the answers' language (answers.yaml says which):
    /// plan.json, the policies, CloudFormation and the sample app are the same bytes in every language.
    func testOnlyWhatAPersonReadsDependsOnTheLanguage() {
        for (label, answers) in Self.mixes() {
            var japanese = answers
            japanese.language = .ja
            let english = Dictionary(uniqueKeysWithValues: Outputs.render(answers).map { ($0.path, $0.contents) })
            let translated = Dictionary(uniqueKeysWithValues: Outputs.render(japanese).map { ($0.path, $0.contents) })
            XCTAssertEqual(Set(translated.keys), Set(english.keys), label)
            let changed = english.keys.filter { english[$0] != translated[$0] }.sorted()
            XCTAssertEqual(changed.filter { !$0.hasSuffix(".sh") }, ["answers.yaml", "checklist.md"], label)
            XCTAssertEqual(Set(changed.filter { $0.hasSuffix(".sh") }), Set(english.keys.filter { $0.hasSuffix(".sh") }), label)
        }
    }

    /// The bash library the scripts carry, file by file as Resources/scripts holds it: each file
    /// is a part of a script and passes bash and shellcheck alone, its header's directives included.
    func testBashLibraryFilesPassShellcheckOnTheirOwn() throws {
        let folder = repositoryRoot.appendingPathComponent("Resources/scripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(Set(files), Set((Script.allCases.flatMap(\.library) + VerifyScript.library + StackScript.library + StackSetScript.library).map { $0.rawValue + ".bash" }),
                       "the files of Resources/scripts and the parts the scripts carry")
        let paths = files.map { folder.appendingPathComponent($0).path }
        for path in paths {
            let syntax = try runProgram("/bin/bash", ["-n", path])
            XCTAssertEqual(syntax.status, 0, "\(path): \(syntax.stderr)")
        }
        // shellcheck checks each file it is given on its own, with that file's directives only.
        let lint = try runProgram("shellcheck", paths)
        XCTAssertEqual(lint.status, 0, lint.summary)
    }

    /// A dry run calls nothing (the sandbox's aws would leave a mark), prints every step, and
    /// shows runtime values as quoted placeholders.
    func testDryRunCallsNothingAndPrintsEveryCommand() throws {
        let work = try temporaryFolder("render")
        defer { try? FileManager.default.removeItem(at: work) }
        let sandbox = try DryRunSandbox(in: work)
        for (label, answers, folder) in try writeMixes(in: work) {
            let plan = Planner.plan(answers)
            let setup = try sandbox.dryRun(folder.appendingPathComponent("setup.sh").path)
            XCTAssertEqual(setup.status, 0, "\(label): \(setup.summary)")
            XCTAssertTrue(setup.stdout.contains("Account: <account>"), label)
            XCTAssertTrue(setup.stdout.contains("[\(plan.steps.count)/\(plan.steps.count)] \(plan.steps.last!.title)"), label)
            XCTAssertTrue(setup.stdout.contains("--region '\(answers.region)'"), label)
            if !answers.profile.isEmpty { XCTAssertTrue(setup.stdout.contains("--profile '\(answers.profile)'"), label) }
            XCTAssertFalse(setup.stdout.contains("setup failed"), label)
            if label == "article" {
                for shown in ["aws codebuild create-project --name 'Private'",
                              "'arn:aws:iam::<account>:role/service-role/codebuild-Private-service-role'",
                              #""UserIdGroupPairs":[{"GroupId":"<build-sg>"}]"#, "fileb://", "/repo/buildspec.yml'"] {
                    XCTAssertTrue(setup.stdout.contains(shown), "the article's dry run lacks \(shown)")
                }
            }
            let teardown = try sandbox.dryRun(folder.appendingPathComponent("teardown.sh").path)
            XCTAssertEqual(teardown.status, 0, "\(label): \(teardown.summary)")
            let verify = try sandbox.dryRun(folder.appendingPathComponent("verify.sh").path)
            XCTAssertEqual(verify.status, 0, "\(label): \(verify.summary)")
            XCTAssertTrue(verify.stdout.contains("aws codepipeline start-pipeline-execution --name '\(answers.pipeline.name)'"), label)
            XCTAssertTrue(verify.stdout.hasSuffix("Dry run: the commands are printed, nothing is called.\n"), label)
            XCTAssertFalse(sandbox.awsWasCalled, label)
        }
    }

    func testSetupAsksBeforeCreatingAndDefaultsToNo() throws {
        let script = ScriptRenderer.render(.setup, Planner.plan(Article.answers))
        XCTAssertTrue(script.hasPrefix("#!/usr/bin/env bash\n"))
        XCTAssertTrue(script.contains("set -euo pipefail"))
        XCTAssertTrue(script.contains("read -r -p 'Create these resources? [y/N] ' answer"))
        XCTAssertTrue(script.contains("setup failed at step $STEP: $STEP_TITLE"))
        XCTAssertTrue(script.contains("VPCPIPE_RETRY_SECONDS"))
        XCTAssertTrue(script.contains("VPCPIPE_POLL_SECONDS"))
        XCTAssertFalse(script.contains("jq"))
        XCTAssertFalse(script.lowercased().contains("get-authorization-token"), "no token in the scripts")
        XCTAssertTrue(ScriptRenderer.render(.teardown, Planner.plan(Article.answers)).contains("Delete these resources? [y/N]"))
    }

    func testTeardownRunsInReverseAndKeepsWhatExisted() {
        var answers = Article.answers
        answers.source.create = false
        let teardown = ScriptRenderer.render(.teardown, Planner.plan(answers))
        let order = ["delete-rule", "delete-pipeline", "delete-project", "delete-log-group", "delete-vpc-endpoints",
                     "delete-bucket", "delete-repository", "delete-domain", "delete-security-group", "delete-role"]
        let positions = order.map { teardown.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), "\(positions)")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertFalse(teardown.contains("codecommit delete-repository"))
        XCTAssertFalse(teardown.contains("modify-vpc-attribute"))
    }

    func testRepoFilesForEachFormat() {
        let article = Outputs.render(Article.answers)
        let buildspec = article.first { $0.path == "repo/buildspec.yml" }!.contents
        XCTAssertTrue(buildspec.contains("nodejs: 20"))
        XCTAssertTrue(buildspec.contains("aws codeartifact login --tool npm --domain private --domain-owner \"$ACCOUNT\" --repository Private"))
        XCTAssertTrue(buildspec.contains("- npm install --no-audit --no-fund\n      - node index.js"), "CodeArtifact has no npm audit")
        XCTAssertTrue(article.first { $0.path == "repo/package.json" }!.contents.contains(#""mathjs": "^11.2.0""#))
        XCTAssertTrue(article.first { $0.path == "repo/index.js" }!.contents.contains("sqrt(49)"))
        for (label, answers) in Self.mixes() where PackageFormat(rawValue: label).map({ $0 != .npm }) ?? false {
            let paths = Outputs.render(answers).map(\.path)
            XCTAssertTrue(paths.contains("repo/ci/buildspec.yml"), label)
        }
        let maven = Outputs.render(Self.mixes().first { $0.0 == "maven" }!.1)
        XCTAssertTrue(maven.first { $0.path == "repo/settings.xml" }!.contents.contains("${env.CODEARTIFACT_AUTH_TOKEN}"))
        let pypi = Outputs.render(Self.mixes().first { $0.0 == "pypi" }!.1)
        XCTAssertTrue(pypi.first { $0.path == "repo/ci/buildspec.yml" }!.contents
            .contains("- pip install --disable-pip-version-check -r requirements.txt"), "pip asks pypi.org for a newer pip")
        let nuget = Outputs.render(Self.mixes().first { $0.0 == "nuget" }!.1)
        XCTAssertTrue(nuget.first { $0.path == "repo/ci/buildspec.yml" }!.contents.contains(
            "    AWS_STS_REGIONAL_ENDPOINTS: regional\n    DOTNET_CLI_TELEMETRY_OPTOUT: \"1\"\n"), "the SDK's telemetry")
        XCTAssertTrue(nuget.first { $0.path == "repo/nuget.config" }!.contents.contains(
            "<clear />\n    <add key=\"codeartifact\" value=\"%CODEARTIFACT_REPO_URL%v3/index.json\" />\n  </packageSources>"),
                      "restore reads CodeArtifact only")
    }

    func testOutputFolderHasEveryFile() {
        let paths = Set(Outputs.render(Article.answers).map(\.path))
        for path in ["setup.sh", "teardown.sh", "checklist.md", "answers.yaml", "plan.json", "cloudformation.yaml",
                     "policies/codebuild-trust.json", "policies/codebuild-base.json", "policies/codebuild-codeartifact.json",
                     "policies/codepipeline-trust.json", "policies/codepipeline.json", "policies/events-trust.json",
                     "policies/events.json", "policies/endpoint-s3.json", "policies/endpoint-codeartifact-api.json",
                     "repo/buildspec.yml", "repo/package.json", "repo/index.js"] {
            XCTAssertTrue(paths.contains(path), path)
        }
        XCTAssertEqual(Outputs.render(Article.answers).filter(\.executable).map(\.path), ["setup.sh", "teardown.sh", "verify.sh", "deploy-stack.sh"])
    }

    func testPlanJSONIsValidAndShowsRuntimeParts() throws {
        let text = PlanJSON.render(Planner.plan(Article.answers))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["formatVersion"] as? Int, 1)
        let steps = try XCTUnwrap(object["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.first?["id"] as? String, "preflight")
        XCTAssertTrue(text.contains("arn:aws:iam::${ACCOUNT}:role/service-role/codebuild-Private-service-role"))
    }

    /// A tool decodes plan.json with its Codable types and gets the plan back, for every branch
    /// of the plan (each kind of action and check, tags read either way).
    func testPlanJSONDecodesToThePlan() throws {
        for (label, answers) in Self.mixes() {
            let plan = Planner.plan(answers)
            let decoded = try JSONDecoder().decode(PlanJSON.Document.self, from: Data(PlanJSON.render(plan).utf8))
            XCTAssertEqual(decoded, plan.json, label)
        }
    }

    func testChecklistCarriesTheValuesAndTheProof() {
        let checklist = Checklist.render(Planner.plan(Article.answers))
        XCTAssertTrue(checklist.contains("`npm-store`, public upstream `public:npmjs`"))
        XCTAssertTrue(checklist.contains("Release change"))
        XCTAssertTrue(checklist.contains("prints `7`, the square root of 49"))
        XCTAssertTrue(checklist.contains("mathjs"))
    }
}
