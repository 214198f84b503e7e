/// Every rule of answers-v1.md on typed answers: patterns, cross-field rules and warnings.
/// The headless reader and the wizard both call this; it is the one place a rule is written.
public enum Rules {
    public static func check(_ answers: Answers) -> [Diagnostic] {
        []  // STUB: to be written (helper: rules and reader)
    }
}
