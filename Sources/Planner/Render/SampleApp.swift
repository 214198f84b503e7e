// The repo/ files: the article's buildspec and app for npm, and the same small app (print the
// square root of 49 with a library fetched through CodeArtifact) for the other formats.

public enum SampleApp {
    public struct File: Equatable, Sendable {
        /// Relative to the repository root (and to repo/ in the output folder).
        public var path: String
        public var contents: String
    }

    /// What proves a build of the sample app went through CodeArtifact without internet: verify.sh
    /// reads it in the build's log and the repository, checklist.md asks a person to.
    public struct Proof: Equatable, Sendable {
        /// The line the app prints: the square root of 49.
        public var line: String
        /// The package the app depends on, fetched through the upstream into the repository.
        public var package: String
        /// Its namespace (a Maven group), where the format has one.
        public var namespace: String?
        /// What `aws codeartifact login` prints once the tool is configured; nil for Yarn, Maven,
        /// Gradle and NuGet, which read a token from the environment (.yarnrc.yml, settings.xml,
        /// build.gradle, nuget.config).
        public var login: String?
    }

    public static func proof(_ answers: Answers) -> Proof {
        // awscli's codeartifact login: "Successfully configured TOOL to use AWS CodeArtifact repository URL".
        func login(_ tool: String) -> String { "Successfully configured \(tool) to use AWS CodeArtifact repository" }
        return switch answers.codeartifact.format {
        case .npm: Proof(line: "7", package: "mathjs", login: answers.build.tool == "yarn" ? nil : login("npm"))
        case .pypi: Proof(line: "7", package: "mpmath", login: login("pip"))
        case .maven: Proof(line: "7", package: "commons-math3", namespace: "org.apache.commons")
        case .nuget: Proof(line: "7", package: "MathNet.Numerics")
        }
    }

    /// The buildspec first: a pipeline started by the first commit should find it. The app's
    /// files only for a runtime of the format's language: they would not build on another.
    public static func files(_ answers: Answers) -> [File] {
        [File(path: answers.build.buildspec, contents: buildspec(answers))]
            + (runtimeLanguage(answers) == Catalog.format(answers.codeartifact.format).language
                ? app(answers.codeartifact.format, answers: answers) : [])
    }

    /// `java` of `java:corretto17`.
    static func runtimeLanguage(_ answers: Answers) -> String {
        String(answers.build.runtime.prefix { $0 != ":" })
    }

    /// Whether the sample buildspec asks STS for the account: the owner is not given and the
    /// account is not read from the build's ARN.
    public static func callsSTS(_ answers: Answers) -> Bool {
        answers.codeartifact.domainOwner.isEmpty && !answers.build.accountFromARN
    }

    static func buildspec(_ answers: Answers) -> String {
        let ca = answers.codeartifact
        let runtime = answers.build.runtime.split(separator: ":", maxSplits: 1).map(String.init)
        let owner = ca.domainOwner.isEmpty ? "\"$ACCOUNT\"" : ca.domainOwner
        let scope = "--domain \(ca.domain) --domain-owner \(owner) --repository \(ca.repository)"
        // Maven and NuGet read the token and the endpoint from the environment, never from a file.
        // An assignment alone fails the phase when aws fails; `export X=$(aws ...)` would not.
        let tokenFromEnvironment = [
            "CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain \(ca.domain) --domain-owner \(owner) --query authorizationToken --output text)",
            "CODEARTIFACT_REPO_URL=$(aws codeartifact get-repository-endpoint \(scope) --format \(ca.format.rawValue) --query repositoryEndpoint --output text)",
            "export CODEARTIFACT_AUTH_TOKEN CODEARTIFACT_REPO_URL",
        ]
        let login: [String]
        let build: [String]
        // Calls past the packages reach the internet, which the build cannot: each tool's are off.
        var variables = [("AWS_STS_REGIONAL_ENDPOINTS", "regional")]
        switch (ca.format, Catalog.buildTool(answers).name) {
        case (.npm, "yarn"):
            // Corepack fetches the Yarn of package.json's packageManager from this registry, not
            // from the internet; .yarnrc.yml reads the same two variables.
            login = tokenFromEnvironment
                + ["export COREPACK_NPM_REGISTRY=\"${CODEARTIFACT_REPO_URL%/}\" COREPACK_NPM_TOKEN=\"$CODEARTIFACT_AUTH_TOKEN\""]
            build = ["corepack yarn install", "node index.js"]
        case (.npm, _):
            login = ["aws codeartifact login --tool npm \(scope)"]
            // CodeArtifact does not support npm audit; funding notices are no use in a build.
            build = ["npm install --no-audit --no-fund", "node index.js"]
        case (.pypi, _):
            login = ["aws codeartifact login --tool pip \(scope)"]
            // pip would ask pypi.org whether a newer pip exists.
            build = ["pip install --disable-pip-version-check -r requirements.txt", "python app.py"]
        case (.maven, "gradle"):
            // The image's Gradle: a wrapper would download Gradle from the internet.
            login = tokenFromEnvironment
            build = ["gradle --no-daemon -q installDist", "build/install/sqrt/bin/sqrt"]
        case (.maven, _):
            login = tokenFromEnvironment
            build = ["mvn -s settings.xml -q package", "java -jar target/sqrt-1.0.jar"]
        case (.nuget, _):
            // nuget.config clears every other source (nuget.org is out of reach) and names this
            // one, with the token from the environment.
            login = tokenFromEnvironment
            build = ["dotnet run --project app.csproj"]
            // The SDK sends telemetry to the internet.
            variables.append(("DOTNET_CLI_TELEMETRY_OPTOUT", "\"1\""))
        }
        let account: [String]
        if !ca.domainOwner.isEmpty {
            account = []
        } else if answers.build.accountFromARN {
            account = ["# build.account_from_arn: arn:aws:codebuild:REGION:ACCOUNT:build/..., no call to STS.",
                       "- " + item("ACCOUNT=$(echo \"$CODEBUILD_BUILD_ARN\" | cut -d: -f5)")]
        } else {
            account = ["# The account is also field 5 of $CODEBUILD_BUILD_ARN (build.account_from_arn); asking STS proves its endpoint works.",
                       "- " + item("ACCOUNT=$(aws sts get-caller-identity --query Account --output text)")]
        }
        return """
        version: 0.2

        env:
          variables:
        \(variables.map { "    \($0.0): \($0.1)" }.joined(separator: "\n"))

        phases:
          install:
            runtime-versions:
              \(runtime.first ?? ""): \(runtime.count > 1 ? runtime[1] : "")
          pre_build:
            commands:
        \((account.map { "      " + $0 } + login.map { "      - " + item($0) }).joined(separator: "\n"))
          build:
            commands:
        \(build.map { "      - " + item($0) }.joined(separator: "\n"))

        """
    }

    /// A command as a buildspec list item: in double quotes where YAML would read the plain text
    /// as something else (": " or a last ":" starts a mapping, which CodeBuild refuses: "Expected
    /// Commands[0] to be of string type"; " #" a comment; a first indicator character), as
    /// CodeBuild's buildspec reference asks.
    static func item(_ command: String) -> String {
        let plain = !command.contains(": ") && !command.hasSuffix(":") && !command.contains(" #")
            && !command.hasPrefix(" ") && !"\"'{[]},&*!|>%@`#?:-".contains(command.first ?? " ")
        guard !plain else { return command }
        return "\"" + command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The Java release of a Corretto runtime: 17 of `java:corretto17`.
    static func javaRelease(_ runtime: String) -> Int? {
        runtime.split(separator: "corretto").last.flatMap { Int($0) }
    }

    /// The pom's compiler setting: Corretto 8's javac has no --release, so source and target.
    static func javaCompilerProperties(_ runtime: String) -> String {
        let release = javaRelease(runtime) ?? 17
        return release <= 8
            ? "<maven.compiler.source>\(release)</maven.compiler.source>\n    <maven.compiler.target>\(release)</maven.compiler.target>"
            : "<maven.compiler.release>\(release)</maven.compiler.release>"
    }

    static func app(_ format: PackageFormat, answers: Answers) -> [File] {
        switch (format, Catalog.buildTool(answers).name) {
        case (.npm, let tool):
            let yarn = tool == "yarn"
            return [
                File(path: "package.json", contents: """
                {
                  "name": "\(answers.source.repository.lowercased())",
                  "version": "1.0.0",
                  "description": "Prints the square root of 49 with mathjs, installed through CodeArtifact",
                  "main": "index.js",
                  "private": true,\(yarn ? "\n  \"packageManager\": \"yarn@\(yarnVersion)\"," : "")
                  "dependencies": {
                    "mathjs": "^11.2.0"
                  }
                }

                """),
                File(path: "index.js", contents: """
                const { sqrt } = require('mathjs');

                console.log(sqrt(49));

                """),
            ] + (yarn ? [File(path: ".yarnrc.yml", contents: """
                # Yarn reads CodeArtifact's endpoint and token from the environment (the buildspec's pre_build).
                npmRegistryServer: "${CODEARTIFACT_REPO_URL}"
                npmAlwaysAuth: true
                npmAuthToken: "${CODEARTIFACT_AUTH_TOKEN}"
                # Yarn's telemetry goes to the internet, out of reach.
                enableTelemetry: false
                # node_modules, so that `node index.js` finds mathjs.
                nodeLinker: node-modules
                # No yarn.lock is committed: the immutable install Yarn makes in CI would refuse to write one.
                enableImmutableInstalls: false

                """)] : [])
        case (.pypi, _):
            return [
                File(path: "requirements.txt", contents: "mpmath==1.3.0\n"),
                File(path: "app.py", contents: """
                import mpmath

                print(int(mpmath.sqrt(49)))

                """),
            ]
        case (.maven, "gradle"):
            return [
                File(path: "settings.gradle", contents: """
                // Plugins resolve through CodeArtifact too, not from the internet: a plugin of the
                // Gradle Plugin Portal needs an upstream with the public:maven-gradleplugins connection.
                pluginManagement {
                    repositories {
                \(gradleRepository("        "))
                    }
                }

                rootProject.name = 'sqrt'

                """),
                File(path: "build.gradle", contents: """
                plugins {
                    // A core plugin: Gradle has it, nothing to download.
                    id 'application'
                }

                // CodeArtifact only, with the token from the environment (the buildspec's pre_build).
                repositories {
                \(gradleRepository("    "))
                }

                dependencies {
                    implementation 'org.apache.commons:commons-math3:3.6.1'
                }

                \(gradleJavaLevel(answers.build.runtime))

                application {
                    mainClass = 'example.App'
                }

                """),
                javaApp,
            ]
        case (.maven, _):
            return [
                File(path: "pom.xml", contents: """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>sqrt</artifactId>
                  <version>1.0</version>
                  <packaging>jar</packaging>
                  <properties>
                    \(javaCompilerProperties(answers.build.runtime))
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId>
                      <artifactId>commons-math3</artifactId>
                      <version>3.6.1</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                \(pinnedPlugins)
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-shade-plugin</artifactId>
                        <version>3.4.1</version>
                        <executions>
                          <execution>
                            <phase>package</phase>
                            <goals><goal>shade</goal></goals>
                            <configuration>
                              <transformers>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                                  <mainClass>example.App</mainClass>
                                </transformer>
                              </transformers>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>

                """),
                File(path: "settings.xml", contents: """
                <settings>
                  <servers>
                    <server>
                      <id>codeartifact</id>
                      <username>aws</username>
                      <password>${env.CODEARTIFACT_AUTH_TOKEN}</password>
                    </server>
                  </servers>
                  <mirrors>
                    <mirror>
                      <id>codeartifact</id>
                      <mirrorOf>*</mirrorOf>
                      <url>${env.CODEARTIFACT_REPO_URL}</url>
                    </mirror>
                  </mirrors>
                </settings>

                """),
                javaApp,
            ]
        case (.nuget, _):
            let version = answers.build.runtime.split(separator: ":").last.map(String.init) ?? "8.0"
            return [
                File(path: "app.csproj", contents: """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net\(version)</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MathNet.Numerics" Version="5.0.0" />
                  </ItemGroup>
                </Project>

                """),
                File(path: "Program.cs", contents: """
                using System;
                using MathNet.Numerics;

                Console.WriteLine(Complex32.Sqrt(new Complex32(49, 0)).Real);

                """),
                // NuGet's default source, nuget.org, is out of reach: restore failing to read it
                // fails the build. <clear/> drops every source of the other config files (the
                // SDK's nuget.org among them); NuGet expands %VARIABLES% in the values.
                File(path: "nuget.config", contents: """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="codeartifact" value="%CODEARTIFACT_REPO_URL%v3/index.json" />
                  </packageSources>
                  <packageSourceCredentials>
                    <codeartifact>
                      <add key="Username" value="aws" />
                      <add key="ClearTextPassword" value="%CODEARTIFACT_AUTH_TOKEN%" />
                    </codeartifact>
                  </packageSourceCredentials>
                </configuration>

                """),
            ]
        }
    }

    /// The app of the Maven and Gradle samples.
    static let javaApp = File(path: "src/main/java/example/App.java", contents: """
        package example;

        import org.apache.commons.math3.util.FastMath;

        public class App {
            public static void main(String[] args) {
                System.out.println((int) FastMath.sqrt(49));
            }
        }

        """)

    /// Yarn Berry, which Corepack fetches through CodeArtifact (npm's @yarnpkg/cli-dist).
    static let yarnVersion = "4.5.3"

    /// The CodeArtifact repository of build.gradle and settings.gradle, indented by `indent`.
    static func gradleRepository(_ indent: String) -> String {
        """
        maven {
            url = System.getenv('CODEARTIFACT_REPO_URL')
            credentials {
                username = 'aws'
                password = System.getenv('CODEARTIFACT_AUTH_TOKEN')
            }
        }
        """.split(separator: "\n").map { indent + $0 }.joined(separator: "\n")
    }

    /// build.gradle's compiler setting, as the pom's: Corretto 8's javac has no --release.
    static func gradleJavaLevel(_ runtime: String) -> String {
        let release = javaRelease(runtime) ?? 17
        return release <= 8
            ? "java {\n    sourceCompatibility = JavaVersion.VERSION_1_8\n    targetCompatibility = JavaVersion.VERSION_1_8\n}"
            : "tasks.withType(JavaCompile).configureEach {\n    options.release = \(release)\n}"
    }

    /// The plugins `mvn package` runs, pinned: versions Maven Central has and Debian packages too,
    /// so that the tests build the sample from /usr/share/maven-repo.
    static let mavenPlugins: [(artifact: String, version: String)] = [
        ("maven-resources-plugin", "3.3.0"), ("maven-compiler-plugin", "3.10.1"),
        ("maven-surefire-plugin", "2.22.3"), ("maven-jar-plugin", "3.3.0"),
    ]

    private static var pinnedPlugins: String {
        mavenPlugins.map {
            "      <plugin>\n        <groupId>org.apache.maven.plugins</groupId>\n"
                + "        <artifactId>\($0.artifact)</artifactId>\n        <version>\($0.version)</version>\n      </plugin>"
        }.joined(separator: "\n")
    }
}
