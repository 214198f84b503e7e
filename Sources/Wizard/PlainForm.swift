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

    /// Every answer's field, screen by screen, as the screens declare them (in every language alike).
    static let questions: [(screen: ScreenID, field: Int)] = ScreenID.allCases.prefix(ScreenID.review.rawValue).flatMap { id in
        let fields = Screens.screen(id, .en).fields
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
        turn.lines.insert(contentsOf: state.say(.plainIntro).split(separator: "\n").map(String.init), at: 0)
        return turn
    }

    /// A line typed.
    public mutating func take(_ line: String) -> Turn {
        state.request = nil
        switch step {
        case .question(let index): return answer(line, to: index)
        case .review: return review(line)
        case .folder:
            if line == "?" { return ask([state.say(.plainFolderHelp)]) }
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
        return ask(state.status.map { [state.say(.plainError, ["text": $0.text])] } ?? [])
    }

    // MARK: - Questions

    private mutating func answer(_ line: String, to index: Int) -> Turn {
        let (screen, fieldIndex) = Self.questions[index]
        let field = Screens.screen(screen, state.language).fields[fieldIndex]
        switch line {
        case "?": return ask([field.help])
        case "<":
            if fromReview { return go(.review) }
            return index == 0 ? ask([state.say(.plainFirstQuestion)]) : go(.question(index - 1))
        case "": break
        default:
            let before = state
            guard field.control.take(line == "-" ? "" : line, &state) else {
                let choices = field.control.choices(state) ?? []
                return ask([state.say(.plainNotAChoice, ["line": line, "count": String(choices.count)])])
            }
            state.settle(from: before)
        }
        guard let path = field.path else { return next(after: index) }
        let problems = state.shownDiagnostics.about(path).map { Self.line($0, field: path, state.language) }
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
            let field = Screens.screen(screen, state.language).fields[fieldIndex]
            let choices = field.control.choices(state) ?? []
            lines += choices.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            return Turn(lines: lines, prompt: "\(field.label)\(Self.hint(field.control, state.language)) [\(field.control.summary(state))]: ")
        case .review:
            if state.screen != .review {
                state.go(to: .review, field: 0)
                state.renderIfShown()
            }
            if said != .review { lines += reviewLines() }
            let errors = state.diagnostics.errors.count
            return Turn(lines: lines, prompt: errors > 0 ? state.say(errors == 1 ? .plainErrorsOne : .plainErrors, ["count": String(errors)])
                        : state.say(.plainGoOn))
        case .folder:
            if state.screen != .export { state.go(to: .export, field: Screens.screen(.export, state.language).entry) }
            if said != .export {
                said = .export
                lines += ["", title(.export), Screens.screen(.export, state.language).intro]
            }
            return Turn(lines: lines, prompt: "\(state.say(.outputFolderLabel)) [\(state.outputFolder)]: ")
        case .done:
            return Turn(lines: lines, prompt: "")
        }
    }

    private func title(_ screen: ScreenID) -> String {
        state.say(.plainScreen, ["number": String(screen.rawValue + 1), "count": String(ScreenID.allCases.count),
                                 "title": Screens.screen(screen, state.language).title])
    }

    /// A screen's title, its advice, and the notes it shows (what it builds, what it costs).
    private mutating func heading(_ screen: ScreenID) -> [String] {
        said = screen
        let declared = Screens.screen(screen, state.language)
        var lines = ["", title(screen), declared.intro]
        if let account = state.accountLine { lines.append(account.text) }
        for field in declared.fields {
            guard let note = field.control as? Note else { continue }
            let text = note.text(state)
            if !text.isEmpty { lines += text.split(separator: "\n").map(String.init) }
        }
        return lines
    }

    /// What the question takes, where a bare label would not say.
    private static func hint(_ control: any Control, _ l: Language) -> String {
        switch control {
        case is MultiSelect: WizardPhrase.plainHintEndpoints.text(l)
        case is IdList, is MultiPick: WizardPhrase.plainHintIds.text(l)
        case is TagList: WizardPhrase.plainHintTags.text(l)
        default: ""
        }
    }

    private static func line(_ diagnostic: Diagnostic, field: String, _ l: Language) -> String {
        let which = diagnostic.path == field ? "" : Layout.item(diagnostic.shownPath.text(l), of: field, l) + ": "
        let severity = (diagnostic.severity == .error ? WizardPhrase.severityError : .severityWarning).text(l)
        return "\(severity): \(which)\(diagnostic.text(l))"
    }

    // MARK: - Review

    private mutating func review(_ line: String) -> Turn {
        let items = Review.items(state)
        switch line {
        case "?": return ask([state.say(.plainReviewHelp)])
        case "<": return go(.question(Self.questions.count - 1))
        case "":
            guard state.diagnostics.errors.isEmpty else { return ask() }
            return go(.folder)
        default:
            guard let number = Int(line), items.indices.contains(number - 1),
                  let index = Self.questions.firstIndex(where: { $0.screen == items[number - 1].screen && $0.field == items[number - 1].field })
            else { return ask([state.say(.plainNotAnAnswer, ["line": line, "count": String(items.count)])]) }
            said = nil
            var turn = go(.question(index))
            fromReview = true
            turn.lines.insert(state.say(.plainChanging, ["number": String(number)]), at: 0)
            return turn
        }
    }

    /// The review as lines: the counts, the problems no answer shows, then every answer under
    /// its screen's title with its mark and problems, and what it costs.
    private mutating func reviewLines() -> [String] {
        said = .review
        let diagnostics = state.shownDiagnostics
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        var lines = ["", title(.review), errors + warnings == 0 ? state.say(.noProblems)
                        : Review.counts(.plainCounts, errors: errors, warnings: warnings, state.language)]
        let items = Review.items(state)
        for diagnostic in diagnostics where !items.contains(where: { diagnostics.about($0.path).contains(diagnostic) }) {
            lines.append(Self.line(diagnostic, field: "", state.language))
        }
        for (i, item) in items.enumerated() {
            if i == 0 || items[i - 1].heading != item.heading { lines.append(item.heading) }
            lines.append("  \(i + 1). \(item.label): \(item.summary)" + (item.mark.map { " " + state.say($0.phrase) } ?? ""))
            lines += diagnostics.about(item.path).map { "     " + Self.line($0, field: item.path, state.language) }
        }
        if let plan = state.plan { lines.append(CostText.headline(plan, state.language)) }
        return lines
    }
}
