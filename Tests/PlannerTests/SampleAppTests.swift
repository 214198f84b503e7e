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
        for (format, tool) in [(PackageFormat.maven, "maven"), (.maven, "gradle"), (.nuget, "dotnet"), (.npm, "yarn")] {
            let buildspec = try Self.file(Article.answers(format, tool: tool), "buildspec.yml")
            XCTAssertFalse(buildspec.contains("export CODEARTIFACT_AUTH_TOKEN=$("), "export hides the status of aws")
            XCTAssertTrue(buildspec.contains("- CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token "), format.rawValue)
            XCTAssertTrue(buildspec.contains("--format \(format.rawValue) --query repositoryEndpoint"), format.rawValue)
            XCTAssertTrue(buildspec.contains("- export CODEARTIFACT_AUTH_TOKEN CODEARTIFACT_REPO_URL\n"), format.rawValue)
            XCTAssertFalse(buildspec.contains("codeartifact login"), "\(tool) has no login tool")
        }
    }

    /// The build reaches only CodeArtifact: no file of repo/ names a public registry (an XML
    /// namespace is a name, not a host the build reaches).
    func testNoFileNamesAPublicRegistryHost() {
        let hosts = ["npmjs.org", "npmjs.com", "yarnpkg.com", "pypi.org", "pythonhosted.org", "maven.apache.org",
                     "repo1.maven.org", "gradle.org", "nuget.org", "nuget.com"]
        for format in Catalog.formats {
            for tool in format.buildTools {
                let files = SampleApp.files(Article.answers(format.format, tool: tool.name))
                XCTAssertEqual(files.first?.path, "buildspec.yml")
                for file in files {
                    let text = file.contents.lowercased().replacing(/xmlns="[^"]*"/, with: "")
                    for host in hosts { XCTAssertFalse(text.contains(host), "\(tool.name) \(file.path): \(host)") }
                }
            }
        }
    }

    /// Gradle (maven format): the image's Gradle, no wrapper (it downloads Gradle); dependencies
    /// and plugins from the CodeArtifact repository alone, with the token from the environment;
    /// the compiler level follows the Corretto runtime, as the pom's. Debian's gradle (4.4.1)
    /// does not run on JDK 17, so no build here: these are the files' rules.
    func testGradleSampleNamesCodeArtifactOnly() throws {
        for runtime in Article.runtimes(.maven) {
            let answers = Article.answers(.maven, runtime: runtime, tool: "gradle")
            XCTAssertEqual(Rules.check(answers).filter { $0.severity == .error }, [], runtime)
            XCTAssertEqual(SampleApp.files(answers).map(\.path),
                           ["buildspec.yml", "settings.gradle", "build.gradle", "src/main/java/example/App.java"])
            let buildspec = try Self.file(answers, "buildspec.yml")
            XCTAssertTrue(buildspec.hasSuffix("  build:\n    commands:\n      - gradle --no-daemon -q installDist\n      - build/install/sqrt/bin/sqrt\n"), buildspec)
            XCTAssertFalse(buildspec.contains("gradlew"))
            let repository = """
                maven {
                    url = System.getenv('CODEARTIFACT_REPO_URL')
                    credentials {
                        username = 'aws'
                        password = System.getenv('CODEARTIFACT_AUTH_TOKEN')
                    }
                }
                """
            let indented = { (indent: String) in repository.split(separator: "\n").map { indent + $0 }.joined(separator: "\n") }
            let settings = try Self.file(answers, "settings.gradle")
            XCTAssertTrue(settings.contains("pluginManagement {\n    repositories {\n\(indented("        "))\n    }\n}"), settings)
            XCTAssertTrue(settings.contains("rootProject.name = 'sqrt'"), "installDist's script is build/install/sqrt/bin/sqrt")
            let build = try Self.file(answers, "build.gradle")
            XCTAssertTrue(build.contains("repositories {\n\(indented("    "))\n}"), build)
            XCTAssertTrue(build.contains("implementation 'org.apache.commons:commons-math3:3.6.1'"))
            XCTAssertTrue(build.contains("mainClass = 'example.App'"))
            // Gradle's shortcuts to public repositories, and plugins other than Gradle's own.
            for text in [settings, build] {
                for shortcut in ["mavenCentral()", "google()", "gradlePluginPortal()", "jcenter()", "mavenLocal()"] {
                    XCTAssertFalse(text.contains(shortcut), "\(runtime): \(shortcut)")
                }
                XCTAssertEqual(text.components(separatedBy: "url = ").count, 2, "one repository")
            }
            XCTAssertEqual(build.matches(of: /id '([^']+)'/).map { String($0.1) }, ["application"], "a core plugin only")
            let release = try XCTUnwrap(Int(runtime.dropFirst("java:corretto".count)))
            XCTAssertTrue(build.contains(release == 8 ? "sourceCompatibility = JavaVersion.VERSION_1_8" : "options.release = \(release)\n"), runtime)
        }
    }

    /// Yarn Berry (npm format): Corepack fetches the Yarn of packageManager through CodeArtifact,
    /// and .yarnrc.yml names the repository and its token from the environment. Debian's yarnpkg
    /// is Yarn 1, which reads no .yarnrc.yml, so no build here: these are the files' rules.
    func testYarnBerrySampleNamesCodeArtifactOnly() throws {
        let answers = Article.answers(.npm, tool: "yarn")
        XCTAssertEqual(SampleApp.files(answers).map(\.path), ["buildspec.yml", "package.json", "index.js", ".yarnrc.yml"])
        let config = try XCTUnwrap(try Yams.load(yaml: try Self.file(answers, ".yarnrc.yml")) as? [String: Any])
        XCTAssertEqual(config["npmRegistryServer"] as? String, "${CODEARTIFACT_REPO_URL}")
        XCTAssertEqual(config["npmAuthToken"] as? String, "${CODEARTIFACT_AUTH_TOKEN}")
        XCTAssertEqual(config["npmAlwaysAuth"] as? Bool, true)
        XCTAssertEqual(config["enableTelemetry"] as? Bool, false)
        XCTAssertEqual(config["nodeLinker"] as? String, "node-modules", "node index.js finds mathjs")
        XCTAssertEqual(config["enableImmutableInstalls"] as? Bool, false, "no yarn.lock is committed")
        let package = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try Self.file(answers, "package.json").utf8)) as? [String: Any])
        let manager = try XCTUnwrap(package["packageManager"] as? String)
        XCTAssertNotNil(manager.wholeMatch(of: /yarn@[2-9]\d*\.\d+\.\d+/), "Yarn Berry, pinned: \(manager)")
        XCTAssertNotNil(package["dependencies"] as? [String: String])
        let buildspec = try Self.file(answers, "buildspec.yml")
        XCTAssertTrue(buildspec.contains("--format npm --query repositoryEndpoint"))
        // Corepack joins registry and package with a "/": the endpoint's own last one dropped.
        XCTAssertTrue(buildspec.contains("- export COREPACK_NPM_REGISTRY=\"${CODEARTIFACT_REPO_URL%/}\" COREPACK_NPM_TOKEN=\"$CODEARTIFACT_AUTH_TOKEN\"\n"), buildspec)
        XCTAssertTrue(buildspec.hasSuffix("  build:\n    commands:\n      - corepack yarn install\n      - node index.js\n"), buildspec)
        XCTAssertNil(SampleApp.proof(answers).login)
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
        for (format, tool) in Catalog.formats.flatMap({ format in format.buildTools.map { (format.format, $0.name) } }) {
            for (fromARN, owner) in [(false, ""), (true, ""), (false, "111122223333")] {
                var answers = Article.answers(format, tool: tool)
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
        for (format, tool, word) in [(PackageFormat.npm, "yarn", "Yarn"), (.maven, "gradle", "Gradle")] {
            let answers = Article.answers(format, tool: tool)
            let plan = Planner.plan(answers)
            XCTAssertTrue(Checklist.render(plan).contains("the pre_build phase gets a CodeArtifact token for `private`/`Private`; "
                + "in the build phase \(word) downloads \(SampleApp.proof(answers).package) through `\(answers.codeartifact.upstream)`"), tool)
            XCTAssertTrue(Checklist.render(plan).contains("for \(Catalog.format(format).tool) packages"), tool)
            XCTAssertEqual(plan.endpoints.first { $0.service == .codeartifactRepositories }?.reason,
                           "\(word) downloads packages from the repository endpoint")
        }
        var answers = Article.answers(.nuget, runtime: "nodejs:20")
        answers.source.sampleApp = false
        let text = Checklist.render(Planner.plan(answers))
        XCTAssertFalse(text.contains("prints `7`"))
        XCTAssertEqual(SampleApp.files(answers).map(\.path), ["buildspec.yml"], "no app for another language")
    }
}
