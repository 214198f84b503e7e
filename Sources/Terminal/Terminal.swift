import CNcursesw
import Export
import Foundation
import Planner
import Wizard

/// The ncurses driver: a thin loop around the pure wizard. It reads keys, feeds them to
/// `update`, draws `view`, and carries out the wizard's requests (saving, exporting).
public enum Terminal {
    /// Nil when the wizard can run here; otherwise why not.
    public static func unavailableReason() -> String? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 || term.isEmpty || term == "dumb" {
            return "vpcpipe needs a terminal for the wizard; use --headless FILE for automation"
        }
        return nil
    }

    /// Runs the wizard. Exit codes: 0 exported, 130 quit by the user, 1 on failure,
    /// 128 + the signal after SIGHUP or SIGTERM (a draft of the answers is saved first).
    public static func runWizard(initial: Answers, diagnostics: [Diagnostic], outputFolder: String, force: Bool) -> Int32 {
        setlocale(LC_ALL, "")
        guard vp_start() != ERR else {
            // ncurses is linked in, but the description of the terminal is read at run time.
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            FileHandle.standardError.write(Data("""
                vpcpipe: the wizard cannot start: no terminfo description of TERM=\(term) (searched \
                $TERMINFO, ~/.terminfo, then $TERMINFO_DIRS or /etc/terminfo, /lib/terminfo, /usr/share/terminfo); \
                install the terminfo database (ncurses-base, or ncurses-term), point TERMINFO_DIRS at one, \
                or use --headless FILE

                """.utf8))
            return 1
        }
        vp_restore_at_exit()
        raw()  // Ctrl-C arrives as a key: the quit prompt, not a dead terminal
        noecho()
        nonl()
        vp_keypad()
        set_escdelay(25)
        vp_timeout(200)  // wake up to notice signals
        Signals.catchHangupAndTerm()
        let theme = Theme.start()

        var state = WizardState(answers: initial, diagnostics: diagnostics, outputFolder: outputFolder,
                                size: Size(columns: Int(vp_cols()), rows: Int(vp_lines())))
        state.saveName = Files.freeName("vpcpipe-answers.yaml")
        var dirty = true
        var replacedNote: String?  // said after the terminal is restored
        let runner = ScriptRunner()
        while state.exit == nil {
            if dirty { Screen.draw(view(state), theme: theme) }
            if let signal = Signals.caught() {
                runner.terminate()
                endwin()
                let saved = try? Files.writeNew("vpcpipe-draft.yaml", AnswersFile.write(state.answers))
                let note = saved.map { "saved the answers so far to \($0)" } ?? "could not save a draft of the answers"
                FileHandle.standardError.write(Data("vpcpipe: stopped by signal \(signal); \(note)\n".utf8))
                return 128 + signal
            }
            // While a script runs, the keyboard and its pipes are waited on together.
            let messages: [Message]
            if runner.isRunning {
                messages = runner.next(waiting: 250)
            } else if let key = Keys.next() {
                messages = [key]
            } else {
                dirty = false
                continue
            }
            for message in messages {
                state = update(state, message)
                if state.mode == .quitPrompt { state.saveName = Files.freeName("vpcpipe-answers.yaml") }
                while let request = state.request {
                    state = update(state, perform(request, state, force: force, runner: runner, replacedNote: &replacedNote))
                }
            }
            // Keys are read without waiting while a script runs: the poll waits instead.
            vp_timeout(runner.isRunning ? 0 : 200)
            dirty = true
        }
        endwin()
        if let replacedNote { FileHandle.standardError.write(Data((replacedNote + "\n").utf8)) }
        if let farewell = state.farewell { print(farewell) }
        guard state.exit == .exported else { return 130 }
        return state.run?.status ?? 0
    }

    private static func perform(_ request: Request, _ state: WizardState, force: Bool, runner: ScriptRunner,
                                replacedNote: inout String?) -> Message {
        switch request {
        case .run(.start(let folder, let script, let arguments)):
            return runner.start(folder: folder, script: script, arguments: arguments)
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
            let files = Outputs.render(state.answers)
            do {
                replacedNote = OutputFolder.replacedNote(try OutputFolder.write(files, to: folder, force: force), in: folder)
                return .exported(files: files.count, folder: folder)
            } catch {
                return .exportRefused("\(error)")
            }
        }
    }
}
