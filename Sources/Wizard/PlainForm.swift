import Planner

/// The line mode (--plain; chosen when TERM is dumb or unset): the wizard's own fields asked one
/// a line, in the screens' order, each by its control's line form (`choices`, `take`) and
/// checked by the same rules; then the same review and export. What it says is lines in order,
/// never a cursor move or a redraw, for a screen reader or a serial console.
public struct PlainForm {
    /// What to say, then the question waiting for a line (empty when nothing more is asked).
    public struct Turn: Equatable {
        public var lines: [String]
        public var prompt: String
    }

    enum Step: Equatable { case question(Int), review, folder, done }

    public private(set) var state: WizardState
    private var step: Step
    /// The screen whose title was said last: a question of another one says its own first.
    private var said: ScreenID?
    /// A question picked from the review: answered, the review comes back.
    private var fromReview = false

    /// Every answer's field, screen by screen, as the screens declare them.
    static let questions: [(screen: ScreenID, field: Int)] = ScreenID.allCases.prefix(ScreenID.review.rawValue).flatMap { id in
        let fields = Screens.screen(id).fields
        return fields.indices.filter { fields[$0].path != nil }.map { (id, $0) }
    }

    /// `fromFile`: opened with --answers, on the review.
    public init(_ state: WizardState, fromFile: Bool) {
        self.state = state
        step = fromFile ? .review : .question(0)
    }

    public var finished: Bool { step == .done }
    /// The export the driver is to carry out, answered with `receive`.
    public var request: Request? { state.request }

    public mutating func start() -> Turn {
        var turn = ask()
        turn.lines.insert(contentsOf: [
            "vpcpipe wizard, line mode: one question a line. Enter keeps the value in brackets; a number picks a",
            "numbered choice; - leaves an answer blank; ? says more about the question; < goes back.",
        ], at: 0)
        return turn
    }

    /// A line typed.
    public mutating func take(_ line: String) -> Turn {
        state.request = nil
        switch step {
        case .question(let index): return answer(line, to: index)
        case .review: return review(line)
        case .folder:
            if line == "?" { return ask(["The folder setup.sh, teardown.sh, verify.sh, checklist.md, plan.json, policies/, repo/ and answers.yaml are written to; one holding other files is refused."]) }
            if line == "<" { return go(.review) }
            if !line.isEmpty { state.outputFolder = line }
            state.requestExport()
            return Turn(lines: [], prompt: "")
        case .done: return Turn(lines: [], prompt: "")
        }
    }

    /// The outcome of the export asked for.
    public mutating func receive(_ message: Message) -> Turn {
        state = update(state, message)
        if case .done(let written) = state.mode {
            step = .done
            return Turn(lines: written.split(separator: "\n").map(String.init), prompt: "")
        }
        return ask(state.status.map { ["error: \($0.text)"] } ?? [])
    }

    // MARK: - Questions

    private mutating func answer(_ line: String, to index: Int) -> Turn {
        let (screen, fieldIndex) = Self.questions[index]
        let field = Screens.screen(screen).fields[fieldIndex]
        switch line {
        case "?": return ask([field.help])
        case "<":
            if fromReview { return go(.review) }
            return index == 0 ? ask(["This is the first question."]) : go(.question(index - 1))
        case "": break
        default:
            let before = state
            guard field.control.take(line == "-" ? "" : line, &state) else {
                let choices = field.control.choices(state) ?? []
                return ask(["error: \(line) is not one of the choices (a number from 1 to \(choices.count), or the choice itself)"])
            }
            state.settle(from: before)
        }
        guard let path = field.path else { return next(after: index) }
        let problems = state.shownDiagnostics.about(path).map { Self.line($0, field: path) }
        if !state.diagnostics.errors.about(path).isEmpty { return ask(problems) }
        var turn = next(after: index)
        turn.lines.insert(contentsOf: problems, at: 0)
        return turn
    }

    private mutating func next(after index: Int) -> Turn {
        fromReview || index + 1 == Self.questions.count ? go(.review) : go(.question(index + 1))
    }

    private mutating func go(_ step: Step) -> Turn {
        if step == .review { fromReview = false }
        self.step = step
        return ask()
    }

    /// The current step's question, after `before` and, on a new screen, its title and notes.
    private mutating func ask(_ before: [String] = []) -> Turn {
        var lines = before
        switch step {
        case .question(let index):
            let (screen, fieldIndex) = Self.questions[index]
            if state.screen != screen || state.focus != fieldIndex {
                let was = state
                state.go(to: screen, field: fieldIndex)
                state.settle(from: was)
            }
            if said != screen { lines += heading(screen) }
            let field = Screens.screen(screen).fields[fieldIndex]
            let choices = field.control.choices(state) ?? []
            lines += choices.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            return Turn(lines: lines, prompt: "\(field.label)\(Self.hint(field.control)) [\(field.control.summary(state))]: ")
        case .review:
            if state.screen != .review {
                state.go(to: .review, field: 0)
                state.renderIfShown()
            }
            if said != .review { lines += reviewLines() }
            let errors = state.diagnostics.errors.count
            return Turn(lines: lines, prompt: errors > 0
                        ? "\(errors) error\(errors == 1 ? "" : "s") remain: the number of an answer to change it, < goes back: "
                        : "Enter goes on to export; the number of an answer changes it; < goes back: ")
        case .folder:
            if state.screen != .export { state.go(to: .export, field: Screens.screen(.export).entry) }
            if said != .export {
                said = .export
                lines += ["", title(.export), Screens.screen(.export).intro]
            }
            return Turn(lines: lines, prompt: "Output folder [\(state.outputFolder)]: ")
        case .done:
            return Turn(lines: lines, prompt: "")
        }
    }

    private func title(_ screen: ScreenID) -> String {
        "Screen \(screen.rawValue + 1) of \(ScreenID.allCases.count): \(Screens.screen(screen).title)"
    }

    /// A screen's title, its advice, and the notes it shows (what it builds, what it costs).
    private mutating func heading(_ screen: ScreenID) -> [String] {
        said = screen
        var lines = ["", title(screen), Screens.screen(screen).intro]
        if let account = state.accountLine { lines.append(account.text) }
        for field in Screens.screen(screen).fields {
            guard let note = field.control as? Note else { continue }
            let text = note.text(state)
            if !text.isEmpty { lines += text.split(separator: "\n").map(String.init) }
        }
        return lines
    }

    /// What the question takes, where a bare label would not say.
    private static func hint(_ control: any Control) -> String {
        switch control {
        case is MultiSelect: " (the numbers of those the VPC already has, used as they are)"
        case is IdList, is MultiPick: " (ids, space between)"
        case is TagList: " (Key=Value, comma between)"
        default: ""
        }
    }

    private static func line(_ diagnostic: Diagnostic, field: String) -> String {
        let which = diagnostic.path == field ? "" : Layout.item(diagnostic.path, of: field) + ": "
        return "\(diagnostic.severity.rawValue): \(which)\(diagnostic.message)"
    }

    // MARK: - Review

    private mutating func review(_ line: String) -> Turn {
        let items = Review.items(state)
        switch line {
        case "?": return ask(["The review numbers every answer with its problems and what setup.sh does with it. Enter goes on to the export once no error remains."])
        case "<": return go(.question(Self.questions.count - 1))
        case "":
            guard state.diagnostics.errors.isEmpty else { return ask() }
            return go(.folder)
        default:
            guard let number = Int(line), items.indices.contains(number - 1),
                  let index = Self.questions.firstIndex(where: { $0.screen == items[number - 1].screen && $0.field == items[number - 1].field })
            else { return ask(["error: \(line) is not an answer's number (1 to \(items.count))"]) }
            said = nil
            var turn = go(.question(index))
            fromReview = true
            turn.lines.insert("Changing answer \(number); Enter keeps it, < returns to the review.", at: 0)
            return turn
        }
    }

    /// The review as lines: the counts, the problems no answer shows, then every answer under
    /// its screen's title with its mark and problems, and what it costs.
    private mutating func reviewLines() -> [String] {
        said = .review
        let diagnostics = state.shownDiagnostics
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        var lines = ["", title(.review), errors + warnings == 0 ? "No errors or warnings."
                        : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."]
        let items = Review.items(state)
        for diagnostic in diagnostics where !items.contains(where: { diagnostics.about($0.path).contains(diagnostic) }) {
            lines.append(Self.line(diagnostic, field: ""))
        }
        for (i, item) in items.enumerated() {
            if i == 0 || items[i - 1].heading != item.heading { lines.append(item.heading) }
            lines.append("  \(i + 1). \(item.label): \(item.summary)" + (item.mark.map { " \($0.rawValue)" } ?? ""))
            lines += diagnostics.about(item.path).map { "     " + Self.line($0, field: item.path) }
        }
        if let plan = state.plan { lines.append(CostText.headline(plan)) }
        return lines
    }
}
