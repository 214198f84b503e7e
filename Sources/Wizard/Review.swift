import Planner

/// The numbered summary (SAM's guided summary): every choice with its mark and its problems;
/// Enter on an item goes to its field, Enter on the last line goes on to export.
struct Review: Control {
    struct Item {
        let screen: ScreenID
        /// The screen's title: the article's heading the item is listed under.
        let heading: String
        let field: Int
        let label: String
        let path: String
        let summary: String
        let mark: Mark?
    }

    static func items(_ state: WizardState) -> [Item] {
        ScreenID.allCases.prefix(ScreenID.review.rawValue).flatMap { id in
            let screen = Screens.screen(id, state.language)
            return screen.fields.enumerated().compactMap { index, field -> Item? in
                guard let path = field.path else { return nil }
                return Item(screen: id, heading: screen.title, field: index, label: field.label, path: path,
                            summary: field.control.summary(state), mark: state.marks[path])
            }
        }
    }

    /// Each answer's mark, by its path, from the plan's resources (those it creates, and those
    /// it uses as they are): to be created when the plan creates every resource the answer
    /// names, existing when it creates none of them; no mark for an answer that names none,
    /// or some of each.
    /// With `findings` of the account, what it holds is marked beside: found (an earlier run's,
    /// or an endpoint of someone else's that fits) or name taken (someone else's: setup.sh stops).
    static func marks(_ plan: Plan, findings: AccountFindings? = nil) -> [String: Mark] {
        var existing: [String: Set<Bool>] = [:]
        for resource in plan.steps.flatMap(\.resources) + plan.used {
            guard let answer = resource.answer, let path = AnswerSchema.key(answer)?.path else { continue }
            existing[path, default: []].insert(resource.existing)
        }
        var marks = existing.compactMapValues { $0.count == 1 ? ($0.contains(true) ? Mark.existing : .created) : nil }
        for step in plan.steps {
            guard let whose = findings?.found[step.id] else { continue }
            let taken = whose == .theirs && step.foreign != nil
            for path in step.resources.compactMap({ $0.answer.flatMap { AnswerSchema.key($0)?.path } }) where marks[path] != .taken {
                marks[path] = taken ? .taken : .found
            }
        }
        return marks
    }

    let keyHelp: WizardPhrase? = .keysReview
    var fullWidth: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        let items = Self.items(state)
        let last = items.count  // the "Continue to export" line
        switch key {
        case .up: state.edit.highlight = max(0, state.edit.highlight - 1)
        case .down: state.edit.highlight = min(last, state.edit.highlight + 1)
        case .pageUp: state.edit.highlight = max(0, state.edit.highlight - 10)
        case .pageDown: state.edit.highlight = min(last, state.edit.highlight + 10)
        case .home: state.edit.highlight = 0
        case .end: state.edit.highlight = last
        case .enter:
            if state.edit.highlight < last {
                let item = items[state.edit.highlight]
                state.go(to: item.screen, field: item.field)
                state.returnToReview = true
            } else if let first = Self.firstError(state) {
                state.edit.highlight = first
                state.refuseWhileErrors()
            } else {
                state.continueToExport()
            }
        default: return false
        }
        return true
    }

    /// The first item with an error: where the review opens, and where "Continue to export"
    /// jumps, while errors remain.
    static func firstError(_ state: WizardState) -> Int? {
        let errors = state.shownDiagnostics.errors
        return items(state).firstIndex { errors.about($0.path).count > 0 }
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let items = Self.items(state)
        let diagnostics = state.shownDiagnostics
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        var lines: [Line] = []
        if errors + warnings == 0 {
            lines.append([Span(state.say(.noProblems), Style(.created))])
        } else {
            lines += Text.wrap(Self.counts(.problemCounts, errors: errors, warnings: warnings, state.language), width: width)
                .map { [Span($0, Style(errors > 0 ? .error : .warning, bold: true))] }
        }
        // Problems about keys no field shows (the version) are listed first.
        let shown = items.map(\.path)
        for diagnostic in diagnostics where !shown.contains(where: { diagnostics.about($0).contains(diagnostic) }) {
            lines += Layout.diagnosticLines(diagnostic, field: "", width: width, indent: 0, state.language)
        }
        var focusLine = 0
        // Number, label, value (wrapped), mark: the value takes what the others leave.
        let indent = 2, numberWidth = 4, labelWidth = Layout.labelWidth, markWidth = 16
        // The marks stand in a column just past the longest value, or at the edge.
        let longest = items.map { CellWidth.of($0.summary) }.max() ?? 0
        let valueWidth = max(10, min(longest, width - indent - numberWidth - labelWidth - markWidth - 1))
        let valueColumn = String(repeating: " ", count: indent + numberWidth + labelWidth)
        for (i, item) in items.enumerated() {
            if i == 0 || items[i - 1].heading != item.heading {
                lines.append([Span(item.heading, Style(.title, bold: true))])
            }
            let here = focused && i == state.edit.highlight
            if here { focusLine = lines.count }
            let number = Text.fit(String(repeating: " ", count: i + 1 < 10 ? 1 : 0) + "\(i + 1).", numberWidth)
            let value = Text.wrap(item.summary, width: valueWidth)
            let valueStyle = here ? Style(.focus, reverse: true) : Style(bold: true)
            var line: Line = [Span(String(repeating: " ", count: indent)),
                              Span(number + Text.fit(item.label, labelWidth), here ? Style(.focus, reverse: true) : .normal),
                              Span(Text.fit(value.first ?? "", valueWidth), valueStyle), Span(" ")]
            if let mark = item.mark {
                line.append(Span(state.say(mark.phrase), Style(mark == .created ? .created : mark == .taken ? .warning : .existing)))
            }
            lines.append(line)
            lines += value.dropFirst().map { [Span(valueColumn), Span($0, valueStyle)] }
            for diagnostic in diagnostics.about(item.path) {
                lines += Layout.diagnosticLines(diagnostic, field: item.path, width: width, indent: indent + numberWidth, state.language)
            }
        }
        if let plan = state.plan {
            lines += Text.wrap(CostText.headline(plan, state.language), width: width).map { [Span($0, Style(bold: true))] }
        }
        let here = focused && state.edit.highlight == items.count
        if here { focusLine = lines.count }
        lines.append([Span(state.say(.continueToExport), here ? Style(.focus, reverse: true) : Style(bold: true))])
        return Rendered(lines: lines, focusLine: focusLine)
    }

    /// "2 errors, 1 warning" in `phrase` (the review's head, the line mode's).
    static func counts(_ phrase: WizardPhrase, errors: Int, warnings: Int, _ l: Language) -> String {
        phrase.text(l, ["errors": (errors == 1 ? WizardPhrase.errorOne : .errors).text(l, ["count": String(errors)]),
                        "warnings": (warnings == 1 ? WizardPhrase.warningOne : .warnings).text(l, ["count": String(warnings)])])
    }
}
