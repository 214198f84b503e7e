import Foundation
import Planner
import Wizard

extension Terminal {
    /// Whether the wizard runs in the line mode by itself: TERM dumb or unset, where no screen
    /// can be drawn.
    public static var wantsPlain: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return term.isEmpty || term == "dumb"
    }

    /// The line mode (`PlainForm`): questions on stdout, answers read a line at a time from
    /// stdin, no terminal control. Exit codes: 0 exported; 130 when the input ends first (the
    /// answers so far saved to a new file, as the quit prompt's `s` does).
    /// `language`: as the drawn wizard's (nil: the locale's).
    public static func runPlain(initial: Answers, diagnostics: [Diagnostic], outputFolder: String, force: Bool,
                                fromFile: Bool, language: Language?) -> Int32 {
        var initial = initial
        initial.language = language ?? WizardLanguage.detect(environment: ProcessInfo.processInfo.environment, ascii: false)
        let state = WizardState(answers: initial, diagnostics: diagnostics, outputFolder: outputFolder, size: Size.minimum)
        var form = PlainForm(state, fromFile: fromFile)
        var turn = form.start()
        var replacedNote: String?
        while true {
            for line in turn.lines { Output.say(line) }
            if form.finished {
                if let replacedNote { Output.error(replacedNote) }
                return 0
            }
            Output.ask(turn.prompt)
            guard let line = readLine(strippingNewline: true) else {
                Output.say("")
                do {
                    let saved = try Files.writeNew("vpcpipe-answers.yaml", AnswersFile.write(form.state.answers))
                    Output.error(WizardPhrase.inputEndedSaved.text(form.state.language, ["file": saved]))
                } catch {
                    Output.error(WizardPhrase.inputEndedNotSaved.text(form.state.language, ["why": "\(error)"]))
                }
                return 130
            }
            turn = form.take(line)
            if case .export(let folder)? = form.request {
                turn = form.receive(export(form.state, to: folder, force: force, replacedNote: &replacedNote))
            }
        }
    }
}
