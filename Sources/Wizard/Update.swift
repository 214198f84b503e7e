import Planner

/// The wizard's one transition: a message in, the next state out. No terminal, no I/O.
public func update(_ state: WizardState, _ message: Message) -> WizardState {
    var next = state
    next.request = nil
    let before = state.answers
    switch message {
    case .resize(let size):
        next.size = size
    case .key(let key):
        // While too small nothing shows, so nothing is done: the input stays as it was.
        guard next.size.isLargeEnough else { break }
        next.press(key)
    case .saved(let path):
        next.farewell = "Saved the answers so far to \(path). Go on with: vpcpipe --answers \(path)"
        next.exit = .quit
    case .saveFailed(let why):
        next.status = .init(text: "Could not save the answers: \(why)", isError: true)
        next.mode = .quitPrompt
    case .exported(let files, let folder):
        let done = "Wrote \(files) files to \(folder), answers.yaml included.\nNext: bash \(folder)/setup.sh"
        next.mode = .done(done)
        next.farewell = done
    case .exportRefused(let why):
        next.status = .init(text: "Not written: \(why)", isError: true)
    case .run(let message):
        next.receive(message)
    }
    if next.answers != before {
        next.answers = AnswerSchema.refill(from: before, to: next.answers)
        next.diagnostics = Rules.check(next.answers)
    }
    if next.answers != before || next.screen != state.screen { next.renderIfShown() }
    return next
}

extension WizardState {
    mutating func press(_ key: Key) {
        switch mode {
        case .done:
            // "Run setup.sh now?": y runs it; any other key leaves (the default, No).
            if key == .character("y") || key == .character("Y") { startRun() } else { exit = .exported }
        case .running:
            pressInRun(key)
        case .quitPrompt:
            switch key {
            case .character("s"), .character("S"): request = .saveAnswers
            case .character("q"), .character("Q"), .character("y"), .character("Y"): exit = .quit
            case .escape, .character("n"), .character("N"), .ctrlC, .f10: mode = .form
            default: break
            }
        case .help:
            if let field = focusedField, let top = HelpPane(field, size: size).scroll(helpScroll, by: key) {
                helpScroll = top
                return
            }
            if [.escape, .f1, .enter, .character("?")].contains(key) { mode = .form }
            if key == .ctrlC || key == .f10 { mode = .quitPrompt }
        case .form:
            pressInForm(key)
        }
    }

    private mutating func pressInForm(_ key: Key) {
        if key != .enter { status = nil }
        guard let field = focusedField else { return }
        switch key {
        case .ctrlC, .f10: mode = .quitPrompt; return
        case .f1: openHelp(); return
        case .escape: back(); return
        case .character("?") where !field.control.takesText: openHelp(); return
        default: break
        }
        if field.control.handle(key, &self) { return }
        switch key {
        case .enter: returnToReview ? go(to: .review, field: 0) : advance()
        case .tab, .down: move(by: 1)
        case .backTab, .up: move(by: -1)
        default: break
        }
    }

    private mutating func openHelp() {
        mode = .help
        helpScroll = 0
    }

    /// Esc: back to the review when a field was picked from it, else the previous screen;
    /// on the first screen, the quit prompt. Never blocked by an invalid value.
    mutating func back() {
        if returnToReview {
            go(to: .review, field: 0)
        } else if let previous = screen.previous {
            go(to: previous, field: focusByScreen[previous.rawValue])
        } else {
            mode = .quitPrompt
        }
    }

    /// Enter: the next field, or the next screen after the last one.
    mutating func advance() {
        let order = currentScreen.focusable
        if let at = order.firstIndex(of: focus), at + 1 < order.count {
            setFocus(order[at + 1])
        } else if let next = screen.next {
            go(to: next, field: Screens.screen(next).focusable.first ?? 0)
        }
    }

    private mutating func move(by step: Int) {
        let order = currentScreen.focusable
        guard let at = order.firstIndex(of: focus) else { return }
        setFocus(order[max(0, min(order.count - 1, at + step))])
    }

    private mutating func setFocus(_ field: Int) {
        if field != focus { edit = FieldEdit() }
        focus = field
    }

    mutating func go(to screen: ScreenID, field: Int) {
        if screen == .review, self.screen != screen || returnToReview {
            // Back on the review, the item that was changed stays highlighted; arriving,
            // "Continue to export" is, so Enter goes on.
            let items = Review.items(self)
            let changed = items.firstIndex { $0.screen == self.screen && $0.field == focus }
            edit = FieldEdit(highlight: returnToReview ? changed ?? 0 : items.count)
        } else {
            edit = FieldEdit()
        }
        returnToReview = false
        self.screen = screen
        focus = field
    }

    mutating func continueToExport() {
        guard refuseWhileErrors() else { return }
        go(to: .export, field: Screens.screen(.export).focusable.first ?? 0)
    }

    mutating func requestExport() {
        guard refuseWhileErrors() else { return }
        request = .export(folder: outputFolder)
    }

    /// Export is refused while errors remain: says so, and returns false.
    private mutating func refuseWhileErrors() -> Bool {
        let errors = diagnostics.errors.count
        guard errors > 0 else { return true }
        status = .init(text: "Export refused: \(errors) error\(errors == 1 ? "" : "s") remain; pick one in the review to fix it.",
                       isError: true)
        return false
    }

    /// The IAM and export screens show rendered files, for valid answers only, made on arriving
    /// there and again only when the answers changed; the review shows the plan's marks.
    mutating func renderIfShown() {
        if screen == .review { marks = Review.marks(Planner.plan(answers)) }
        guard screen == .iam || screen == .export, renderedAnswers != answers else { return }
        rendered = diagnostics.hasErrors ? [] : Outputs.preview(answers)
        renderedAnswers = answers
    }
}
