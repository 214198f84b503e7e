import Planner
import VpcpipeResources

/// The article's answers file, Resources/examples/article.yaml: the fixture of every tier.
public enum Article {
    public static let text = BundledText.articleExample

    /// Its answers, read once; the file is valid, or no test of the article means anything.
    public static let answers: Answers = {
        let (answers, diagnostics) = AnswersFile.read(text)
        precondition(!diagnostics.hasErrors, "Resources/examples/article.yaml: \(diagnostics)")
        return answers
    }()
}

/// The sample app of each format (PlannerTests.SampleAppTests, IntegrationTests.SampleBuildTests).
extension Article {
    /// The article's answers for `format`, with `runtime` in an image that has it (else the
    /// default) and the build tool `tool` (else the format's default).
    public static func answers(_ format: PackageFormat, runtime: String? = nil, tool: String? = nil) -> Answers {
        var a = Article.answers
        a.codeartifact.format = format
        a.build.tool = tool ?? Defaults.buildTool(format: format)
        a.codeartifact.upstream = Defaults.upstream(format: format)
        a.codeartifact.externalConnection = Defaults.externalConnection(format: format)
        if let runtime {
            a.build.image = Catalog.images.first { $0.maintained && $0.runtimes.contains(runtime) }?.name ?? a.build.image
            a.build.runtime = runtime
        } else {
            a.build.runtime = Defaults.runtime(format: format, image: a.build.image)
        }
        return a
    }

    /// Every runtime of the format's language some catalog image offers.
    public static func runtimes(_ format: PackageFormat) -> [String] {
        let language = Catalog.format(format).language
        var seen = Set<String>()
        return Catalog.images.flatMap(\.runtimes).filter { $0.hasPrefix(language + ":") && seen.insert($0).inserted }
    }

}
