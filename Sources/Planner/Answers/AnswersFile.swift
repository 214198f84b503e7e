/// Reading and writing the answers file (YAML or JSON), version 1.
public enum AnswersFile {
    /// Reads `text` into answers. Always returns answers: keys that are missing or wrong keep
    /// their defaults, so the wizard can open a faulty file and show each problem on its field.
    /// Diagnostics carry line and column. Includes `Rules.check` of the result.
    public static func read(_ text: String) -> (answers: Answers, diagnostics: [Diagnostic]) {
        (Answers(), [])  // STUB
    }

    /// The normalised file: every key filled in, in the order of answers-v1.md.
    public static func write(_ answers: Answers) -> String {
        ""  // STUB
    }
}
