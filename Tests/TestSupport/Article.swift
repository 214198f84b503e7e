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
