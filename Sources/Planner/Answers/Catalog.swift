// The catalogs both front ends offer and the rules check against: one copy of each list.
// Sources: botocore 1.43's service models and the CodeBuild "Available runtimes" page.

public enum Catalog {
    /// Regions where botocore 1.43 knows CodeArtifact. Others are warned about, not refused:
    /// the setup script's preflight asks AWS.
    public static let codeArtifactRegions: [String] = [
        "us-east-1", "us-east-2", "us-west-2",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "eu-central-1",
        "ap-northeast-1", "ap-southeast-1", "ap-southeast-2", "ap-south-1",
    ]

    public static let computeTypes: [String] = [
        "BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE",
        "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE",
    ]

    /// The image the article uses; no longer maintained by AWS (a warning, not an error).
    public static let articleImage = "aws/codebuild/amazonlinux2-x86_64-standard:4.0"
    public static let defaultImage = "aws/codebuild/amazonlinux-x86_64-standard:5.0"

    public struct Image: Sendable, Equatable {
        public let name: String
        public let maintained: Bool
        /// Runtimes preinstalled, as LANGUAGE:VERSION. A build without internet can use only these.
        public let runtimes: [String]
    }

    private static let runtimesAL2023v5: [String] =
        ["nodejs:18", "nodejs:20", "nodejs:22", "nodejs:24"]
        + ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"].map { "python:\($0)" }
        + ["8", "11", "17", "21", "25"].map { "java:corretto\($0)" }
        + ["dotnet:6.0", "dotnet:8.0"]
    private static let runtimesAL2023v6: [String] =
        ["nodejs:22", "nodejs:24"]
        + ["3.10", "3.11", "3.12", "3.13", "3.14"].map { "python:\($0)" }
        + ["8", "11", "17", "21", "25"].map { "java:corretto\($0)" }
        + ["dotnet:8.0", "dotnet:10.0"]

    public static let images: [Image] = [
        Image(name: "aws/codebuild/amazonlinux-x86_64-standard:5.0", maintained: true, runtimes: runtimesAL2023v5),
        Image(name: "aws/codebuild/standard:7.0", maintained: true, runtimes: runtimesAL2023v5),
        Image(name: "aws/codebuild/amazonlinux-x86_64-standard:6.0", maintained: true, runtimes: runtimesAL2023v6),
        Image(name: "aws/codebuild/standard:8.0", maintained: true, runtimes: runtimesAL2023v6),
        Image(name: articleImage, maintained: false,
              runtimes: ["nodejs:16", "python:3.9", "java:corretto17", "dotnet:6.0"]),
    ]

    public static func image(named name: String) -> Image? { images.first { $0.name == name } }

    /// Per package format: the public external connections that suit it, the default upstream
    /// repository name, the runtime language its sample app builds with, and its build tools.
    public struct Format: Sendable {
        public let format: PackageFormat
        public let externalConnections: [String]
        public let defaultUpstream: String
        public let language: String
        /// The packages' tool, as the checklist names them: "for Maven packages".
        public let tool: String
        /// The tools the sample can build with (build.tool), the first the default.
        public let buildTools: [BuildTool]
    }

    /// A build tool: build.tool's value, and the word the checklist says for it.
    public struct BuildTool: Sendable, Equatable {
        public let name: String
        public let word: String
    }

    public static let formats: [Format] = [
        Format(format: .npm, externalConnections: ["public:npmjs"], defaultUpstream: "npm-store",
               language: "nodejs", tool: "npm",
               buildTools: [BuildTool(name: "npm", word: "npm"), BuildTool(name: "yarn", word: "Yarn")]),
        Format(format: .pypi, externalConnections: ["public:pypi"], defaultUpstream: "pypi-store",
               language: "python", tool: "pip", buildTools: [BuildTool(name: "pip", word: "pip")]),
        Format(format: .maven,
               externalConnections: ["public:maven-central", "public:maven-googleandroid",
                                     "public:maven-gradleplugins", "public:maven-commonsware",
                                     "public:maven-clojars"],
               defaultUpstream: "maven-central-store", language: "java", tool: "Maven",
               buildTools: [BuildTool(name: "maven", word: "Maven"), BuildTool(name: "gradle", word: "Gradle")]),
        Format(format: .nuget, externalConnections: ["public:nuget-org"], defaultUpstream: "nuget-store",
               language: "dotnet", tool: "NuGet", buildTools: [BuildTool(name: "dotnet", word: "NuGet")]),
    ]

    public static func format(_ format: PackageFormat) -> Format { formats.first { $0.format == format }! }

    /// The sample's build tool: build.tool, or the format's default where it does not suit the
    /// format (an error of the rules).
    public static func buildTool(_ answers: Answers) -> BuildTool {
        let tools = format(answers.codeartifact.format).buildTools
        return tools.first { $0.name == answers.build.tool } ?? tools[0]
    }

    /// Every external connection AWS offers (the rules name the format each one suits).
    public static let externalConnections: [String] = formats.flatMap(\.externalConnections)
        + ["public:ruby-gems-org", "public:crates-io"]

    /// The runtime a new answers file gets for `format` in `image`: the newest preinstalled
    /// runtime of the format's language that is an LTS-like choice (the article uses nodejs).
    public static func defaultRuntime(format: PackageFormat, image: String) -> String {
        let language = Self.format(format).language
        let offered = (Self.image(named: image)?.runtimes ?? []).filter { $0.hasPrefix(language + ":") }
        let preferred = ["nodejs:20", "nodejs:22", "python:3.12", "java:corretto21", "dotnet:8.0"]
        return preferred.first(where: offered.contains) ?? offered.last ?? "\(language):"
    }
}
