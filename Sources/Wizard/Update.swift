import Planner

/// The wizard's one transition: a message in, the next state out. No terminal, no I/O.
public func update(_ state: WizardState, _ message: Message) -> WizardState {
    var next = state
    next.request = nil
    next.discovery.toStart = []
    next.discovery.toCancel = []
    switch message {
    case .resize(let size):
        next.size = size
    case .key(let key):
        // While too small the form does not show, so it takes no key: the input stays as it
        // was. Quitting still works: the quit keys ask, as everywhere, and the question shows.
        // The progress screen's keys work as they are (Ctrl-C asks to stop the script, not to quit).
        if next.size.isLargeEnough || next.mode == .quitPrompt || next.mode == .running {
            next.press(key)
        } else if [.ctrlC, .f10, .escape, .character("q"), .character("Q")].contains(key) {
            next.mode = .quitPrompt
        }
    case .saved(let path):
        next.farewell = next.say(.saved, ["path": path])
        next.exit = .quit
    case .saveFailed(let why):
        next.status = .init(text: next.say(.saveFailed, ["why": why]), isError: true)
        next.mode = .quitPrompt
    case .exported(let files, let folder):
        let done = next.say(.exported, ["files": String(files), "folder": folder])
        next.mode = .done(done)
        next.farewell = done
    case .exportRefused(let why):
        next.status = .init(text: next.say(.exportRefused, ["why": why]), isError: true)
    case .run(let message):
        next.receive(message)
    case .discovered(let job, let result):
        next.discovered(job, result)
    case .tick:
        next.discovery.spinner += 1
    }
    next.settle(from: state)
    return next
}

extension WizardState {
    /// After a change from `previous`: the defaults that follow refilled, the rules checked, and
    /// the plan and files of the screen shown made again for new answers, another screen, new
    /// prices (the plan dropped) or the lists read.
    mutating func settle(from previous: WizardState) {
        let before = previous.answers
        if answers != before {
            answers = AnswerSchema.refill(from: before, to: answers)
            answers = discovery.follow(from: before, to: answers)
            diagnostics = Rules.check(answers)
        }
        if answers != before || screen != previous.screen || plan == nil || discovery.resources != previous.discovery.resources {
            renderIfShown()
        }
        planDiscovery()
    }

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
            if let field = focusedField, let top = HelpPane(field, size: size, keyHelp: field.control.keyHelp(self), language).scroll(helpScroll, by: key) {
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
        case .escape:
            if !cancelDiscovery() { back() }
            return
        case .character("?") where !field.control.takesText: openHelp(); return
        default: break
        }
        if field.control.handle(key, &self) { return }
        switch key {
        case .enter: returnToReview ? go(to: .review, field: 0) : advance()
        case .tab, .down: move(by: 1)
        case .backTab, .up: move(by: -1)
        case .pageDown, .ctrlN: nextScreen()
        case .pageUp, .ctrlP: if screen.previous != nil || returnToReview { back() }
        default: break
        }
    }

    /// PgDn or Ctrl-N: the next screen, its answers as they stand, once none of this screen's
    /// fields has an error; else the focus goes to the first that has, and the status says so.
    /// From the review, the export (refused while any error remains).
    mutating func nextScreen() {
        if screen == .review { return continueToExport() }
        guard let next = screen.next else { return }
        let fields = currentScreen.fields, errors = diagnostics.errors
        if let wrong = fields.indices.first(where: { fields[$0].path.map { !errors.about($0).isEmpty } ?? false }) {
            let count = fields.compactMap(\.path).reduce(0) { $0 + errors.about($1).count }
            setFocus(wrong)
            status = .init(text: say(count == 1 ? .screenErrorOne : .screenErrors, ["count": String(count)]), isError: true)
            return
        }
        go(to: next, field: Screens.screen(next, language).entry)
    }

    private mutating func openHelp() {
        mode = .help
        helpScroll = 0
    }

    /// Esc, PgUp or Ctrl-P: back to the review when a field was picked from it, else the
    /// previous screen; on the first screen, the quit prompt. Never blocked by an invalid value.
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
            go(to: next, field: Screens.screen(next, language).entry)
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
            // Back on the review, the item that was changed stays highlighted; arriving, the
            // first error is, else "Continue to export", so Enter goes on.
            let items = Review.items(self)
            let changed = items.firstIndex { $0.screen == self.screen && $0.field == focus }
            edit = FieldEdit(highlight: returnToReview ? changed ?? 0 : Review.firstError(self) ?? items.count)
        } else {
            edit = FieldEdit()
        }
        returnToReview = false
        if self.screen != screen { forgetCancelled() }
        self.screen = screen
        focus = field
    }

    /// Opened with --answers: on the review, which lists the file's problems under their answers
    /// and highlights the first error; with none, "Continue to export", so Enter goes on.
    public mutating func openOnReview() {
        go(to: .review, field: 0)
        renderIfShown()
    }

    mutating func continueToExport() {
        guard refuseWhileErrors() else { return }
        go(to: .export, field: Screens.screen(.export, language).entry)
    }

    mutating func requestExport() {
        guard refuseWhileErrors() else { return }
        request = .export(folder: outputFolder)
    }

    /// Export is refused while errors remain: says so, and returns false.
    @discardableResult
    mutating func refuseWhileErrors() -> Bool {
        let errors = diagnostics.errors.count
        guard errors > 0 else { return true }
        status = .init(text: say(errors == 1 ? .exportRefusedOne : .exportRefusedErrors, ["count": String(errors)]), isError: true)
        return false
    }

    /// The screens that show the plan: what it costs (endpoints, review, export), its marks
    /// (review), its files (IAM, export), for valid answers only; and, once the account's lists
    /// are read, the screens whose names it would create (`namesInUse`). It is planned on
    /// arriving there and again only when the answers changed.
    mutating func renderIfShown() {
        let naming: [ScreenID] = discovery.resources == nil ? [] : [.source, .codeArtifact, .build, .pipeline]
        guard ([.endpoints, .iam, .review, .export] + naming).contains(screen) else { return }
        if plan?.answers != answers {
            plan = Planner.plan(answers, online: online)
            renderedAnswers = nil  // the files follow the new plan (new prices too)
        }
        guard let plan else { return }
        if screen == .review { marks = Review.marks(plan, findings: discovery.findings(for: answers)) }
        guard screen == .iam || screen == .export, renderedAnswers != answers else { return }
        rendered = diagnostics.hasErrors ? [] : Outputs.preview(plan)
        renderedAnswers = answers
    }
}
