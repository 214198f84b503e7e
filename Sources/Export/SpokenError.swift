import Planner

/// An error a person reads, in no language yet: the command line says it in the terminal's
/// language, the wizard in its own. `description` is the English, for logs and tests.
public protocol SpokenError: Error, CustomStringConvertible {
    var wording: Wording { get }
}

extension SpokenError {
    public var description: String { wording.text(.en) }

    /// The error in `language`.
    public func text(_ language: Language) -> String { wording.text(language) }
}

extension Language {
    /// `error` in this language: a SpokenError's words, any other error as it describes itself.
    public func text(of error: any Error) -> String {
        (error as? any SpokenError)?.text(self) ?? "\(error)"
    }
}
