import Planner

/// Reads and writes one value of the wizard's state: an answer, or the output folder.
struct Binding<Value> {
    let get: (WizardState) -> Value
    let set: (inout WizardState, Value) -> Void

    static func answer(_ path: WritableKeyPath<Answers, Value>) -> Binding {
        Binding(get: { $0.answers[keyPath: path] }, set: { $0.answers[keyPath: path] = $1 })
    }
}

extension Binding where Value == String {
    /// A closed choice (an enum of Answers) as its answers-file spelling.
    static func choice<E: RawRepresentable>(_ path: WritableKeyPath<Answers, E>) -> Binding
    where E.RawValue == String {
        Binding(get: { $0.answers[keyPath: path].rawValue },
                set: { state, raw in if let value = E(rawValue: raw) { state.answers[keyPath: path] = value } })
    }
}

/// A run of text in one style, and a line of runs.
struct Span {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
}
typealias Line = [Span]

/// What a control draws: its lines, the line to keep visible, and where the cursor goes.
struct Rendered {
    var lines: [Line]
    var focusLine = 0
    var cursor: (line: Int, column: Int)?
}

/// One field type: its key map, its one-line key help, and how it draws.
protocol Control {
    var keyHelp: String { get }
    var focusable: Bool { get }
    /// Controls without a label use the whole width (notes, viewers, lists).
    var fullWidth: Bool { get }
    /// A full-width control that still wants its label on a line above it (a list).
    var titled: Bool { get }
    /// A text input takes `?` as a character: F1 is its help key.
    var takesText: Bool { get }
    /// Handles `key` or returns false to let the form move (Enter, Tab, arrows).
    func handle(_ key: Key, _ state: inout WizardState) -> Bool
    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered
    /// The value in one line, for the review.
    func summary(_ state: WizardState) -> String
}

extension Control {
    var focusable: Bool { true }
    var fullWidth: Bool { false }
    var titled: Bool { false }
    var takesText: Bool { false }
    func summary(_ state: WizardState) -> String { "" }
}

/// Will the plan create it, or does it exist already: the review's marks.
enum Mark: String {
    case created = "[to be created]"
    case existing = "[existing]"
}

/// A field of a screen: a label, the answers key path its diagnostics are about, help in the
/// article's terms, and its control.
struct Field {
    let label: String
    /// Dotted key path (`codeartifact.domain`); nil for fields that are not answers.
    let path: String?
    let help: String
    let control: any Control
    var mark: ((Answers) -> Mark?)?

    init(_ label: String, _ path: String?, _ control: any Control, help: String, mark: ((Answers) -> Mark?)? = nil) {
        self.label = label; self.path = path; self.control = control; self.help = help; self.mark = mark
    }
}

struct Screen {
    let title: String
    /// The article's advice for the screen, shown under the title.
    let intro: String
    let fields: [Field]

    var focusable: [Int] { fields.indices.filter { fields[$0].control.focusable } }
}
