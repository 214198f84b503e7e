import Planner

/// Reads and writes one value of the wizard's state: an answer, or the output folder.
struct Binding<Value> {
    let get: (WizardState) -> Value
    let set: (inout WizardState, Value) -> Void

    static func answer(_ path: WritableKeyPath<Answers, Value>) -> Binding {
        Binding(get: { $0.answers[keyPath: path] }, set: { $0.answers[keyPath: path] = $1 })
    }
}

extension Binding where Value: RawRepresentable, Value.RawValue == String {
    /// A closed choice (an enum of Answers) as its answers-file spelling.
    var spelled: Binding<String> {
        Binding<String>(get: { get($0).rawValue },
                        set: { state, raw in if let value = Value(rawValue: raw) { set(&state, value) } })
    }
}

extension Binding {
    /// A list of closed choices as their answers-file spellings; a spelling of none is left out.
    func spellings<Choice: RawRepresentable>() -> Binding<[String]> where Value == [Choice], Choice.RawValue == String {
        Binding<[String]>(get: { get($0).map(\.rawValue) },
                          set: { state, raw in set(&state, raw.compactMap(Choice.init(rawValue:))) })
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
    /// The keys it takes, in one line of the wizard's catalog; nil for a control that takes none.
    var keyHelp: WizardPhrase? { get }
    /// The key help as the field is now (a list of the account's, or a text input without it),
    /// in the wizard's language.
    func keyHelp(_ state: WizardState) -> String
    var focusable: Bool { get }
    /// Controls without a label use the whole width (notes, viewers, lists).
    var fullWidth: Bool { get }
    /// A full-width control that still wants its label on a line above it (a list).
    var titled: Bool { get }
    /// As the field is now: a list of the account's is full width, typed ids are not.
    func fullWidth(_ state: WizardState) -> Bool
    func titled(_ state: WizardState) -> Bool
    /// A text input takes `?` as a character: F1 is its help key.
    var takesText: Bool { get }
    /// Handles `key` or returns false to let the form move (Enter, Tab, arrows).
    func handle(_ key: Key, _ state: inout WizardState) -> Bool
    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered
    /// The value in one line, for the review.
    func summary(_ state: WizardState) -> String
    /// The line mode (--plain): the choices it numbers, or nil for an answer typed as text.
    func choices(_ state: WizardState) -> [String]?
    /// The line mode: the answer from a line typed (a choice's number, or the text); false
    /// when the line is not one the field takes.
    func take(_ line: String, _ state: inout WizardState) -> Bool
}

extension Control {
    func keyHelp(_ state: WizardState) -> String { keyHelp.map { state.say($0) } ?? "" }
    func fullWidth(_ state: WizardState) -> Bool { fullWidth }
    func titled(_ state: WizardState) -> Bool { titled }
    var focusable: Bool { true }
    var fullWidth: Bool { false }
    var titled: Bool { false }
    var takesText: Bool { false }
    func summary(_ state: WizardState) -> String { "" }
    func choices(_ state: WizardState) -> [String]? { nil }
    func take(_ line: String, _ state: inout WizardState) -> Bool { false }
}

/// A line typed for a field with choices: a choice's number (from 1) or its words.
func numbered(_ line: String, _ choices: [String]) -> String? {
    if let number = Int(line), choices.indices.contains(number - 1) { return choices[number - 1] }
    return choices.first { $0 == line }
}

/// Will the plan create it, or does it exist already: the review's marks.
enum Mark {
    case created
    case existing
    /// Found in the account: made by an earlier run (vpcpipe's), or an endpoint of someone
    /// else's that fits, used as it is.
    case found
    /// Found in the account with the name setup.sh would create, not vpcpipe's: setup.sh stops.
    case taken

    /// "[to be created]", "[existing]"...
    var phrase: WizardPhrase {
        switch self {
        case .created: .markCreated
        case .existing: .markExisting
        case .found: .markFound
        case .taken: .markTaken
        }
    }
}

/// A field of a screen: a label, the answers key path its diagnostics are about, help in the
/// article's terms, and its control.
struct Field {
    let label: String
    /// Dotted key path (`codeartifact.domain`); nil for fields that are not answers.
    let path: String?
    let help: String
    let control: any Control

    /// A field that is not an answer: a note, a viewer, an action.
    init(_ label: String, _ control: any Control, help: String) {
        self.label = label; self.path = nil; self.control = control; self.help = help
    }

    /// The field of an answer: its label, help and path are the answer's declaration
    /// (AnswerSchema), in `language`, and its control edits the answer through `binding`.
    init<Value>(_ answer: WritableKeyPath<Answers, Value>, _ language: Language,
                _ control: (_ binding: Binding<Value>) -> any Control) {
        guard let key = AnswerSchema.key(answer), let label = key.label(language) else {
            preconditionFailure("\(answer) is declared with no field label in AnswerSchema")
        }
        self.label = label; self.path = key.path; self.control = control(.answer(answer)); self.help = key.help(language)
    }
}

struct Screen {
    let title: String
    /// The article's advice for the screen, shown under the title.
    let intro: String
    let fields: [Field]
    /// The field focused on arriving, by its label; nil: the first that takes the focus.
    var entryLabel: String?

    var focusable: [Int] { fields.indices.filter { fields[$0].control.focusable } }
    /// The field focused on arriving.
    var entry: Int { entryLabel.flatMap { label in fields.firstIndex { $0.label == label } } ?? focusable.first ?? 0 }
}
