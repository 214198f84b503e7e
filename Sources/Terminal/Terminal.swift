import CNcursesw
import Export
import Foundation
import Planner
import Wizard

/// The ncurses driver: a thin loop around the pure wizard. It reads keys, feeds them to
/// `update`, draws `view`, and carries out the wizard's requests (saving, exporting, running
/// the exported scripts).
public enum Terminal {
    /// Nil when the wizard can run here; otherwise why not, in `language`.
    public static func unavailableReason(language: Language) -> String? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 || term.isEmpty || term == "dumb" {
            return Notice.terminalNeeded.text(language)
        }
        return nil
    }

    /// Runs the wizard. Exit codes: 0 exported (and the scripts it ran found the pipeline
    /// working), 130 quit by the user, 1 on failure, 128 + the signal after SIGHUP or SIGTERM,
    /// 129 when the terminal hung up (a draft of the answers is saved first, a script running is
    /// stopped); after a run of the scripts that did not complete, the failed script's status.
    /// `ascii`: draw ASCII characters only. `discover`: read the account (read-only) to offer
    /// what it holds; false with --offline. `fromFile`: the answers were read from a file
    /// (--answers): the wizard opens on the review. `language`: the wizard's language as given
    /// (--lang, or the answers file's `language:`); nil: the locale's, English in the ASCII theme.
    public static func runWizard(initial: Answers, diagnostics: [Diagnostic], outputFolder: String, force: Bool,
                                 ascii: Bool, discover: Bool, fromFile: Bool, language: Language?) -> Int32 {
        setlocale(LC_ALL, "")
        guard vp_start() != ERR else {
            // ncurses is linked in, but the description of the terminal is read at run time.
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            // In the language the wizard would have spoken: as given, else the locale's (English in ASCII).
            let spoken = language ?? WizardLanguage.detect(environment: ProcessInfo.processInfo.environment, ascii: ascii)
            Output.error(Notice.noTerminfo.text(spoken, ["term": term]))
            return 1
        }
        vp_restore_at_exit()
        raw()  // Ctrl-C arrives as a key: the quit prompt, not a dead terminal
        noecho()
        nonl()
        vp_keypad()
        Signals.catchHangupAndTerm()
        Output.bracketedPaste(true)
        var input = Input()
        let theme = Theme.start(ascii: ascii)

        var initial = initial
        initial.language = language ?? WizardLanguage.detect(environment: ProcessInfo.processInfo.environment, ascii: theme.ascii)
        var state = WizardState(answers: initial, diagnostics: diagnostics, outputFolder: outputFolder,
                                size: Size(columns: Int(vp_cols()), rows: Int(vp_lines())), discover: discover)
        state.saveName = Files.freeName("vpcpipe-answers.yaml")
        if fromFile { state.openOnReview() }
        let jobs = AccountJobs()
        defer { jobs.cancelAll() }
        jobs.carryOut(state.discovery)
        var dirty = true
        var replacedNote: String?  // said after the terminal is restored
        let runner = ScriptRunner()
        defer { runner.terminate() }  // a script running is stopped with the wizard
        // A message, then the requests it leads to (a script's end starts the next).
        func handle(_ message: Message) {
            state = update(state, message)
            jobs.carryOut(state.discovery)
            if state.mode == .quitPrompt { state.saveName = Files.freeName("vpcpipe-answers.yaml") }
            while let request = state.request {
                state = update(state, perform(request, state, force: force, runner: runner, replacedNote: &replacedNote))
                jobs.carryOut(state.discovery)
            }
        }
        while state.exit == nil {
            if dirty { Screen.draw(view(state), theme: theme) }
            if let signal = Signals.caught() {
                return stop(state, signal: signal, why: WizardPhrase.stoppedBySignal.text(state.language, ["signal": String(signal)]))
            }
            let answers = jobs.drain()
            for answer in answers {
                state = update(state, answer)
                jobs.carryOut(state.discovery)
            }
            // While a script runs, the keyboard and its pipes are waited on together.
            let event = input.next(wait: 200, others: runner.descriptors)  // wakes up to notice signals
            let said = runner.read()
            said.forEach(handle)
            switch event {
            case .message(let message): handle(message)
            case .idle:
                // While the account is read, the spinner turns.
                if !state.discovery.running.isEmpty { state = update(state, .tick) }
                dirty = !answers.isEmpty || !said.isEmpty || !state.discovery.running.isEmpty
                continue
            case .hangup: return stop(state, signal: SIGHUP, why: WizardPhrase.hungUp.text(state.language))
            }
            dirty = true
        }
        restore()
        if let replacedNote { Output.error(replacedNote) }
        if let farewell = state.farewell { Output.say(farewell) }
        guard state.exit == .exported else { return 130 }
        return state.run?.status ?? 0
    }

    /// The terminal as it was, as far as it can be: a dead one takes nothing, and is not waited for.
    private static func restore() {
        vp_clear_unless_alternate_screen()
        Output.bracketedPaste(false)
        endwin()
    }

    /// After a signal or a hangup: a draft of the answers saved, exit 128 + the signal.
    private static func stop(_ state: WizardState, signal: Int32, why: String) -> Int32 {
        restore()
        let saved = try? Files.writeNew("vpcpipe-draft.yaml", AnswersFile.write(state.answers))
        Output.error(saved.map { WizardPhrase.draftSaved.text(state.language, ["why": why, "file": $0]) }
                     ?? WizardPhrase.draftNotSaved.text(state.language, ["why": why]))
        return 128 + signal
    }

    private static func perform(_ request: Request, _ state: WizardState, force: Bool, runner: ScriptRunner,
                                replacedNote: inout String?) -> Message {
        switch request {
        case .run(.start(let folder, let script, let arguments)):
            return runner.start(folder: folder, script: script, arguments: arguments, language: state.language)
        case .run(.stop):
            runner.askToStop()
            return .run(.tick(at: Clock.now))
        case .saveAnswers:
            do {
                return .saved(path: try Files.writeNew(state.saveName, AnswersFile.write(state.answers)))
            } catch {
                return .saveFailed("\(error)")
            }
        case .export(let folder):
            return export(state, to: folder, force: force, replacedNote: &replacedNote)
        }
    }

    /// The output folder written as --headless writes it; `replacedNote` says what --force replaced.
    static func export(_ state: WizardState, to folder: String, force: Bool, replacedNote: inout String?) -> Message {
        let files = Outputs.render(state.answers, online: state.online)
        do {
            replacedNote = OutputFolder.replacedNote(try OutputFolder.write(files, to: folder, force: force), in: folder, language: state.language)
            return .exported(files: files.count, folder: folder)
        } catch {
            return .exportRefused(state.language.text(of: error))
        }
    }
}
