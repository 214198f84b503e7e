/// One file of the output folder, as rendered in memory.
public struct RenderedFile: Equatable, Sendable {
    /// Relative to the output folder: `setup.sh`, `policies/codebuild-trust.json`, `repo/index.js`.
    public var path: String
    public var contents: String
    public var executable: Bool
    public init(path: String, contents: String, executable: Bool = false) {
        self.path = path; self.contents = contents; self.executable = executable
    }
}

public enum Outputs {
    /// Every file of the output folder for valid answers (callers check `Rules` first).
    public static func render(_ answers: Answers) -> [RenderedFile] {
        [RenderedFile(path: "answers.yaml", contents: AnswersFile.write(answers))]  // STUB
    }
}
