import FoundationXML
import Planner
import TestSupport
import XCTest
import Yams

/// The sample app of each format, for every runtime the rules accept: what its files must hold
/// to build in a VPC without internet. The builds themselves: IntegrationTests.SampleBuildTests.
final class SampleAppTests: XCTestCase {
    static func file(_ answers: Answers, _ path: String) throws -> String {
        try XCTUnwrap(SampleApp.files(answers).first { $0.path == path }?.contents, path)
    }

    func testNuGetProjectFilesFollowTheSDKsRules() throws {
        for runtime in Article.runtimes(.nuget) {
            let answers = Article.answers(.nuget, runtime: runtime)
            XCTAssertEqual(Rules.check(answers).filter { $0.severity == .error }, [], runtime)
            let project = try XMLDocument(xmlString: try Self.file(answers, "app.csproj")).rootElement()!
            XCTAssertEqual(project.name, "Project")
            XCTAssertEqual(project.attribute(forName: "Sdk")?.stringValue, "Microsoft.NET.Sdk")
            let framework = try project.nodes(forXPath: "PropertyGroup/TargetFramework").map { $0.stringValue ?? "" }
            XCTAssertEqual(framework, ["net" + runtime.dropFirst("dotnet:".count)], "the runtime's framework")
            let implicit = try project.nodes(forXPath: "PropertyGroup/ImplicitUsings").first?.stringValue == "enable"
            let program = try Self.file(answers, "Program.cs")
            // Without implicit usings Console needs `using System;` (CS0103 otherwise).
            XCTAssertTrue(implicit || program.contains("using System;\n"), runtime)
            let config = try XMLDocument(xmlString: try Self.file(answers, "nuget.config")).rootElement()!
            let sources = try config.nodes(forXPath: "packageSources/*").map { ($0.name ?? "", ($0 as? XMLElement)?.attribute(forName: "value")?.stringValue) }
            XCTAssertEqual(sources.map(\.0), ["clear", "add"], "every other source (nuget.org) cleared, one left")
            XCTAssertEqual(sources.last?.1, "%CODEARTIFACT_REPO_URL%v3/index.json")
            let password = try config.nodes(forXPath: "packageSourceCredentials/codeartifact/add[@key='ClearTextPassword']/@value").first
            XCTAssertEqual(password?.stringValue, "%CODEARTIFACT_AUTH_TOKEN%")
        }
    }

    func testMavenCompilesForTheRuntimesJava() throws {
        XCTAssertEqual(Article.runtimes(.maven), ["java:corretto8", "java:corretto11", "java:corretto17", "java:corretto21", "java:corretto25"])
        for runtime in Article.runtimes(.maven) {
            let pom = try Self.file(Article.answers(.maven, runtime: runtime), "pom.xml")
            let release = String(runtime.dropFirst("java:corretto".count))
            if release == "8" {
                // Corretto 8's javac has no --release.
                XCTAssertTrue(pom.contains("<maven.compiler.source>8</maven.compiler.source>\n    <maven.compiler.target>8</maven.compiler.target>"), pom)
                XCTAssertFalse(pom.contains("maven.compiler.release"))
            } else {
                XCTAssertTrue(pom.contains("<maven.compiler.release>\(release)</maven.compiler.release>"), runtime)
            }
        }
    }

    func testMavenPluginsArePinned() throws {
        let pom = try XMLDocument(xmlString: try Self.file(Article.answers(.maven), "pom.xml")).rootElement()!
        let plugins = try pom.nodes(forXPath: "*[local-name()='build']/*[local-name()='plugins']/*[local-name()='plugin']")
        XCTAssertEqual(plugins.count, 5)
        for plugin in plugins {
            let version = try plugin.nodes(forXPath: "*[local-name()='version']").first?.stringValue ?? ""
            XCTAssertTrue(version.wholeMatch(of: /\d+(\.\d+)+/) != nil, plugin.xmlString)
        }
    }

    func testTheTokenStepFailsLoudly() throws {
        for format in [PackageFormat.maven, .nuget] {
            let buildspec = try Self.file(Article.answers(format), "buildspec.yml")
            XCTAssertFalse(buildspec.contains("export CODEARTIFACT_AUTH_TOKEN=$("), "export hides the status of aws")
            XCTAssertTrue(buildspec.contains("- CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token "), format.rawValue)
            XCTAssertTrue(buildspec.contains("--format \(format.rawValue) --query repositoryEndpoint"), format.rawValue)
            XCTAssertTrue(buildspec.contains("- export CODEARTIFACT_AUTH_TOKEN CODEARTIFACT_REPO_URL\n"), format.rawValue)
            XCTAssertFalse(buildspec.contains("codeartifact login"), "\(format.rawValue) has no login tool")
        }
    }

    /// The build reaches only CodeArtifact: no file of repo/ names a public registry (an XML
    /// namespace is a name, not a host the build reaches).
    func testNoFileNamesAPublicRegistryHost() {
        let hosts = ["npmjs.org", "npmjs.com", "yarnpkg.com", "pypi.org", "pythonhosted.org", "maven.apache.org",
                     "repo1.maven.org", "gradle.org", "nuget.org", "nuget.com"]
        for format in PackageFormat.allCases {
            for file in SampleApp.files(Article.answers(format)) {
                let text = file.contents.lowercased().replacing(/xmlns="[^"]*"/, with: "")
                for host in hosts { XCTAssertFalse(text.contains(host), "\(format.rawValue) \(file.path): \(host)") }
            }
        }
    }

    func testTheAccountFromTheBuildsARNDropsTheSTSEndpoint() throws {
        var answers = Article.answers
        XCTAssertEqual(Planner.plan(answers).endpoints.first { $0.service == .sts }?.planned, true)
        answers.build.accountFromARN = true
        let buildspec = try Self.file(answers, "buildspec.yml")
        XCTAssertTrue(buildspec.contains("- \"ACCOUNT=$(echo \\\"$CODEBUILD_BUILD_ARN\\\" | cut -d: -f5)\"\n"), buildspec)
        XCTAssertFalse(buildspec.contains("aws sts"))
        let plan = Planner.plan(answers)
        let sts = try XCTUnwrap(plan.endpoints.first { $0.service == .sts })
        XCTAssertFalse(sts.planned)
        XCTAssertTrue(sts.reason.hasPrefix("build.account_from_arn:"), sts.reason)
        XCTAssertNil(plan.step(.endpoint(.sts)))
        XCTAssertFalse((plan.cost?.savings ?? []).contains { $0.kind == .noSTS })

        // A domain owner given: no call to STS, no endpoint, whatever account_from_arn says.
        answers = Article.answers
        answers.codeartifact.domainOwner = "111122223333"
        XCTAssertFalse(try Self.file(answers, "buildspec.yml").contains("ACCOUNT="))
        XCTAssertEqual(Planner.plan(answers).endpoints.first { $0.service == .sts }?.reason,
                       "codeartifact.domain_owner names the account: the buildspec does not call STS")
    }

    /// Every command of every sample buildspec is a string to YAML, as CodeBuild requires ("Expected
    /// Commands[0] to be of string type: found subkeys instead" otherwise), and the command meant.
    func testEveryBuildspecCommandIsAString() throws {
        for format in PackageFormat.allCases {
            for (fromARN, owner) in [(false, ""), (true, ""), (false, "111122223333")] {
                var answers = Article.answers(format)
                answers.build.accountFromARN = fromARN
                answers.codeartifact.domainOwner = owner
                let text = try Self.file(answers, "buildspec.yml")
                let phases = try XCTUnwrap((try Yams.load(yaml: text) as? [String: Any])?["phases"] as? [String: Any], text)
                for phase in ["pre_build", "build"] {
                    let commands = try XCTUnwrap((phases[phase] as? [String: Any])?["commands"] as? [Any], "\(phase):\n\(text)")
                    for command in commands {
                        XCTAssertTrue(command is String, "\(format.rawValue) \(phase): \(command)")
                    }
                }
                if fromARN {
                    let account = (phases["pre_build"] as? [String: Any])?["commands"] as? [Any]
                    XCTAssertEqual(account?.first as? String, "ACCOUNT=$(echo \"$CODEBUILD_BUILD_ARN\" | cut -d: -f5)", format.rawValue)
                }
            }
        }
    }

    func testTheSTSSavingNamesTheAnswer() {
        let plan = Planner.plan(Article.answers)
        XCTAssertTrue(CostText.savings(plan).contains { $0.hasPrefix("build.account_from_arn: true drops the sts endpoint: $") },
                      "\(CostText.savings(plan))")
        XCTAssertTrue(CostText.section(plan).contains("with build.account_from_arn: true it reads it from the build's own ARN"))
    }

    func testTheChecklistSaysWhatEachToolDoes() {
        let said: [PackageFormat: String] = [
            .npm: "the pre_build phase logs in to CodeArtifact `private`/`Private`; in the build phase npm downloads mathjs through `npm-store`",
            .pypi: "the pre_build phase logs in to CodeArtifact `private`/`Private`; in the build phase pip downloads mpmath through `pypi-store`",
            .maven: "the pre_build phase gets a CodeArtifact token for `private`/`Private`; in the build phase Maven downloads commons-math3 through `maven-central-store`",
            .nuget: "the pre_build phase gets a CodeArtifact token for `private`/`Private`; in the build phase NuGet downloads MathNet.Numerics through `nuget-store`",
        ]
        for (format, words) in said {
            let text = Checklist.render(Planner.plan(Article.answers(format)))
            XCTAssertTrue(text.contains(words), "\(format.rawValue): \(text)")
            XCTAssertTrue(text.contains("for \(Catalog.format(format).tool) packages"), format.rawValue)
            XCTAssertFalse(text.contains("format \(format.rawValue)"), format.rawValue)
        }
        var answers = Article.answers(.nuget, runtime: "nodejs:20")
        answers.source.sampleApp = false
        let text = Checklist.render(Planner.plan(answers))
        XCTAssertFalse(text.contains("prints `7`"))
        XCTAssertEqual(SampleApp.files(answers).map(\.path), ["buildspec.yml"], "no app for another language")
    }
}
