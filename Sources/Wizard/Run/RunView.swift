import Planner

/// The progress screen: each script's bar and time, the running script's steps with their marks
/// and times, what runs or waits now; at the end the verdict, or the failure with AWS's error
/// and what to do; the output one key away.
extension Layout {
    static func run(_ screen: RunScreen, into frame: inout Frame, _ l: Language) {
        let size = frame.size, width = size.columns
        let current = screen.current
        let title = screen.isFinished
            ? WizardPhrase.runTitleRan.text(l, ["scripts": screen.runs.map(\.script).joined(separator: WizardPhrase.andSeparator.text(l)),
                                                "folder": screen.folder])
            : WizardPhrase.runTitleRunning.text(l, ["script": current.script, "folder": screen.folder])
        let clock = Self.clock(current.elapsed(at: screen.now)) + " "
        frame.put(Text.fit(title, width - clock.count) + clock, row: 0, column: 0, style: Style(.title, bold: true, reverse: true))
        for (index, run) in screen.runs.enumerated() { bar(run, now: screen.now, row: 1 + index, into: &frame) }

        let top = 4
        let keysRow = size.rows - 1, logRow = size.rows - 2, nowRow = size.rows - 3
        var bottom = nowRow - 1  // the rows above it are the steps' and the panel's
        let panel = panelLines(screen, width: width - 4, l)
        if screen.showsOutput {
            let shown = screen.output.suffix(bottom - top)
            frame.put(WizardPhrase.runOutputTitle.text(l, ["script": current.script]), row: top - 1, column: 1, style: Style(.dim))
            for (index, line) in shown.enumerated() { frame.put(line, row: top + index, column: 2) }
        } else {
            if !panel.head.isEmpty {
                // Once it ended the panel takes all but a few rows of steps; its head always
                // shows, then as much of the end of its body as fits.
                let room = max(panel.head.count, bottom - top - (screen.isFinished ? 3 : (bottom - top) / 2))
                let lines = panel.head + panel.body.suffix(max(0, room - panel.head.count))
                for (index, line) in lines.enumerated() {
                    frame.put(line.text, row: bottom - lines.count + index, column: 2, style: line.style)
                }
                bottom -= lines.count + 1
            }
            steps(current, now: screen.now, rows: top..<bottom, into: &frame)
        }

        if current.isRunning {
            let doing = current.waiting.map { WizardPhrase.runWaiting.text(l, ["what": $0]) }
                ?? current.command.map { WizardPhrase.runRunning.text(l, ["command": $0]) }
                ?? (screen.stopping ? WizardPhrase.runStopping.text(l) : "")
            frame.put(doing, row: nowRow, column: 1, style: Style(.dim), limit: width - 2)
        }
        frame.put(WizardPhrase.runLog.text(l, ["log": screen.log]), row: logRow, column: 1, style: Style(.dim), limit: width - 2)
        let keys: WizardPhrase = screen.isFinished ? .runKeysFinished : screen.stopping ? .runKeysStopping : .runKeysRunning
        frame.put(Text.fit(keys.text(l), width), row: keysRow, column: 0, style: Style(.keyHelp, reverse: true))
        if screen.asksToStop { stopPrompt(screen, into: &frame, l) }
        frame.cursor = nil
    }

    /// `setup.sh  [█████░░░░░]  12/23  0:42`, coloured by how it ended.
    private static func bar(_ run: ScriptRun, now: Double, row: Int, into frame: inout Frame) {
        let done = run.steps.filter { $0.mark == .done }.count
        let counts = " \(done)/\(run.steps.count) " + clock(run.elapsed(at: now))
        let label = " " + run.script.padding(toLength: 10, withPad: " ", startingAt: 0)
        // At most 40 cells: a wider bar tells no more, and each of its cells costs a Unicode lookup.
        let room = max(10, min(40, frame.size.columns - label.count - counts.count - 4))
        let filled = Int((run.fraction * Double(room)).rounded(.down))
        let role: Role = switch run.outcome {
        case .running: .focus
        case .completed: .created
        default: .error
        }
        var x = frame.put(label, row: row, column: 0, style: Style(bold: true))
        x += frame.put("[", row: row, column: x)
        x += frame.put(String(repeating: "█", count: filled), row: row, column: x, style: Style(role))
        x += frame.put(String(repeating: "░", count: room - filled), row: row, column: x, style: Style(.dim))
        x += frame.put("]", row: row, column: x)
        frame.put(counts, row: row, column: x)
    }

    /// The steps in `rows`, scrolled so that the running (or failed) step shows.
    private static func steps(_ run: ScriptRun, now: Double, rows: Range<Int>, into frame: inout Frame) {
        guard !rows.isEmpty else { return }
        let width = frame.size.columns
        let focus = run.steps.lastIndex { $0.mark == .running || $0.mark == .failed } ?? run.steps.lastIndex { $0.mark == .done } ?? 0
        let first = max(0, min(focus - rows.count / 2, run.steps.count - rows.count))
        for (offset, step) in run.steps.dropFirst(first).prefix(rows.count).enumerated() {
            let row = rows.lowerBound + offset
            let (mark, style): (String, Style) = switch step.mark {
            case .done: ("✓", Style(.created))
            case .running: ("▸", Style(.focus, bold: true))
            case .failed: ("✗", Style(.error, bold: true))
            case .waiting: ("·", Style(.dim))
            }
            let seconds = step.seconds ?? step.started.map { now - $0 }
            let time = seconds.map { String(format: "%6.1f s", $0) } ?? ""
            let number = String(step.number)
            let head = " " + mark + " " + String(repeating: " ", count: max(0, 3 - number.count)) + number + "  "
            frame.put(head, row: row, column: 0, style: style)
            // Clipped, not padded: a wide terminal's row is mostly blank, and blanks cost cells.
            frame.put(step.title, row: row, column: head.count,
                      style: step.mark == .waiting ? Style(.dim) : step.mark == .running ? Style(bold: true) : .normal,
                      limit: width - head.count - time.count - 2)
            frame.put(time, row: row, column: width - time.count - 1, style: Style(.dim))
        }
    }

    /// What ended, once something did: the verdict and the build's log, or the failure, AWS's
    /// error and what to do next. The head always shows; of the body, its end.
    private static func panelLines(_ screen: RunScreen, width: Int, _ l: Language)
        -> (head: [(text: String, style: Style)], body: [(text: String, style: Style)]) {
        let run = screen.current
        let values = ["script": run.script, "folder": screen.folder, "count": String(run.steps.count)]
        func say(_ phrase: WizardPhrase, _ more: [String: String] = [:]) -> String { phrase.text(l, values.merging(more) { $1 }) }
        func wrapped(_ text: String, _ style: Style, indent: String = "") -> [(text: String, style: Style)] {
            Text.wrap(text, width: width - indent.count).map { (indent + $0, style) }
        }
        let errors = run.errors.flatMap { wrapped($0, .normal, indent: "  ") }
        switch run.outcome {
        case .running:
            return ([], [])
        case .completed:
            guard screen.isFinished else { return ([], []) }
            // verify.sh's last lines: the build's log, from the line that heads it (in the
            // language the scripts were written in, the wizard's), then the verdict.
            let head = String(Phrase.buildSucceededLog.text(l, ["BUILD": "\u{0}"]).prefix { $0 != "\u{0}" }.drop { $0 == " " })
            return (wrapped(say(.runWorks), Style(.created, bold: true)),
                    screen.output.drop { !$0.contains(head) }.map { (Text.fit("  " + $0, width), Style.normal) })
        case .stopped(let before):
            return (wrapped(say(.runStopped, ["step": String(before)]), Style(.warning, bold: true)), [])
        case .failed(let number, let status):
            let failed = run.steps.indices.contains(number - 1)
                ? say(.runFailedAt, ["step": String(number), "title": run.steps[number - 1].title, "status": String(status)])
                : say(.runFailedBefore, ["status": String(status)])
            return (wrapped(failed, Style(.error, bold: true)) + wrapped(say(next(run.script)), Style(bold: true)), errors)
        case .ended(let status):
            return (wrapped(say(.runEnded, ["status": String(status)]), Style(.error, bold: true))
                    + wrapped(say(next(run.script)), Style(bold: true)), errors)
        }
    }

    private static func next(_ script: String) -> WizardPhrase {
        script == RunScreen.setup.script ? .runNextSetup : .runNextVerify
    }

    private static func stopPrompt(_ screen: RunScreen, into frame: inout Frame, _ l: Language) {
        let script = ["script": screen.current.script]
        let lines: [(String, Style)] = [
            (WizardPhrase.stopQuestion.text(l, script), Style(bold: true)),
            (WizardPhrase.stopExplained.text(l), .normal),
            ("", .normal),
            (WizardPhrase.stopYes.text(l), .normal),
            (WizardPhrase.stopNo.text(l), .normal),
        ]
        box(&frame, title: WizardPhrase.stopTitle.text(l), lines: lines, footer: WizardPhrase.stopFooter.text(l), top: 7,
            width: min(76, frame.size.columns - 2))
    }

    /// The keys' line of "too small" on the progress screen: they keep working there.
    static func runKeysWhenSmall(_ screen: RunScreen, _ l: Language) -> String {
        let script = ["script": screen.current.script]
        if screen.asksToStop { return WizardPhrase.smallStopQuestion.text(l, script) }
        if screen.isFinished { return WizardPhrase.smallEnded.text(l, script) }
        return (screen.stopping ? WizardPhrase.smallStopping : .smallStop).text(l, script)
    }

    /// Minutes and seconds: `1:05`.
    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds))
        let rest = whole % 60
        return "\(whole / 60):\(rest < 10 ? "0" : "")\(rest)"
    }
}
