/// A key press, in the wizard's terms. The terminal driver maps its key codes to these.
public enum Key: Equatable, Sendable {
    case character(Character)
    case enter, escape, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete
    /// F1: help for the field.
    case f1
    /// F10 and Ctrl-C both ask before quitting.
    case f10, ctrlC
    /// The next and the previous screen, wherever PgDn and PgUp scroll instead.
    case ctrlN, ctrlP
}

public struct Size: Equatable, Sendable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }

    /// The smallest terminal the screens are laid out for.
    public static let minimum = Size(columns: 80, rows: 24)
    public var isLargeEnough: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
}

import Account

/// Everything that changes the wizard's state: keys, resizes, and the outcome of the requests
/// the driver carried out (writing files and reading the account are the driver's job, so the
/// wizard stays pure).
public enum Message: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// A read of the account the wizard wanted (`Discovery.toStart`) answered.
    case discovered(AccountJob, Result<AccountAnswer, AccountError>)
    /// Time passes while reads run: the spinner turns.
    case tick
    case saved(path: String)
    case saveFailed(String)
    case exported(files: Int, folder: String)
    case exportRefused(String)
    /// What the driver reports of a script it runs (after export).
    case run(RunMessage)
}

/// Work the wizard asks the driver to do; the driver answers with a `Message`.
public enum Request: Equatable, Sendable {
    /// Write `AnswersFile.write(state.answers)` to a new file (`state.saveName` or the next free name).
    case saveAnswers
    /// Render the outputs and write them to `folder` (the same calls as `--headless`).
    case export(folder: String)
    /// Start or stop one of the exported scripts.
    case run(RunRequest)
}

/// Why the wizard ended.
public enum Exit: Equatable, Sendable {
    case exported
    case quit
}
