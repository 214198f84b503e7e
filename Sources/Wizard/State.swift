import Planner

/// The wizard's whole state: the answers being edited, where the user is, and what is shown.
public struct WizardState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case form
        /// The help pane of the focused field.
        case help
        /// Ctrl-C or F10: quit, save and quit, or go back.
        case quitPrompt
        /// The folder was written: the message says what and the next command, and asks
        /// whether to run setup.sh now.
        case done(String)
        /// setup.sh, then verify.sh, running on the progress screen (`run`).
        case running
    }

    public struct Status: Equatable, Sendable {
        public var text: String
        public var isError: Bool
    }

    public var answers: Answers
    /// Export's output folder: not an answer, the command's `--out`.
    public var outputFolder: String
    /// Every problem with the answers: the reader's at first, then `Rules.check` after each change.
    public internal(set) var diagnostics: [Diagnostic]
    public var size: Size
    public internal(set) var screen = ScreenID.start
    /// The focused field of each screen (by `ScreenID.rawValue`), so going back returns to
    /// where the user was.
    var focusByScreen: [Int]
    var edit = FieldEdit()
    public internal(set) var mode: Mode = .form
    /// The help pane's first line shown; reset when it opens.
    var helpScroll = 0
    public internal(set) var status: Status?
    /// Set by `update` for the driver to carry out; cleared by the next update.
    public internal(set) var request: Request?
    public internal(set) var exit: Exit?
    /// What the driver prints once the terminal is restored.
    public internal(set) var farewell: String?
    /// The file the quit prompt offers to save to: a name not yet taken, chosen by the driver.
    public var saveName = "vpcpipe-answers.yaml"
    /// The output files the IAM and export screens' viewers show, rendered on entering them.
    public internal(set) var rendered: [RenderedFile] = []
    /// The answers `rendered` was made from: going from one of those screens to the other with
    /// the same answers renders nothing again (a render is some milliseconds, a key press must not be).
    var renderedAnswers: Answers?
    /// The review's marks (`Review.marks`) of each answer's path, planned on entering the
    /// review (the answers do not change on it).
    var marks: [String: Mark] = [:]
    /// Unit prices read from the AWS Price List API, by region, for the session: they replace the
    /// table's in every figure the wizard shows and exports (`Planner.plan`).
    public var onlinePrices: [String: [PriceKey: UnitPrice]] = [:] { didSet { plan = nil } }
    /// The plan of the answers for the screens that show what it costs and the review's marks,
    /// made again only when the answers (or the prices) changed.
    var plan: Plan?
    /// Set when a field was picked from the review: Enter or Esc on it returns to the review.
    var returnToReview = false
    /// The progress screen of the scripts run after export.
    public internal(set) var run: RunScreen?
    /// What the account holds, and the reads the driver is to start or stop.
    public internal(set) var discovery: Discovery

    /// `discover`: read the account (off with --offline); the first read is wanted at once.
    public init(answers: Answers, diagnostics: [Diagnostic], outputFolder: String, size: Size, discover: Bool = false) {
        self.answers = answers
        self.diagnostics = diagnostics
        self.outputFolder = outputFolder
        self.size = size
        focusByScreen = Screens.all(answers.language).map(\.entry)
        discovery = Discovery(enabled: discover)
        planDiscovery()
    }

    public var focus: Int {
        get { focusByScreen[screen.rawValue] }
        set { focusByScreen[screen.rawValue] = newValue }
    }

    /// The online prices of the answers' region.
    public var online: [PriceKey: UnitPrice] { onlinePrices[answers.region] ?? [:] }

    var currentScreen: Screen { Screens.screen(screen, language) }
    var focusedField: Field? {
        let fields = currentScreen.fields
        return fields.indices.contains(focus) ? fields[focus] : nil
    }
}

/// Editing state of the focused field only; reset whenever the focus moves.
struct FieldEdit: Equatable, Sendable {
    /// Insertion point in characters; nil: the end of the text.
    var cursor: Int?
    /// A select's filter, typed by the user.
    var filter = ""
    /// A multi-select's or the review's highlighted row.
    var highlight = 0
    /// A viewer's first line shown.
    var scroll = 0
    /// A viewer's first column shown.
    var column = 0
    /// A list of ids as typed, separators included, while the field has the focus.
    var buffer: String?
}
