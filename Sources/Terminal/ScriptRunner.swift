import Export
import Foundation
import Planner
import Wizard

/// The scripts the wizard runs after export, driven off the key loop: the loop's one wait
/// (`Input.next`) covers the keyboard and the script's pipes, then whatever the script said is
/// read without blocking. A script that prints without pause is read a budget at a time, so
/// keys and redraws go on between.
final class ScriptRunner {
    private var process: ScriptProcess?
    private var shown: [String] = []

    var isRunning: Bool { process != nil }

    /// The running script's pipes still open, for the loop's wait.
    var descriptors: [Int32] { process?.descriptors ?? [] }

    /// Starts a script: the wizard's message in answer, said in `language` if it could not start.
    func start(folder: String, script: String, arguments: [String], language: Language) -> Message {
        do {
            process = try ScriptProcess(script: folder + "/" + script, arguments: arguments, log: folder + "/" + OutputFolder.runLog)
            shown = []
            return .run(.started(at: Clock.now))
        } catch {
            return .run(.couldNotStart(language.text(of: error), at: Clock.now))
        }
    }

    func askToStop() { process?.askToStop() }

    /// Stops the script and what it runs (the wizard itself is stopping).
    func terminate() { process?.terminate() }

    /// What the running script said since the last call: its events, its output's last lines
    /// when they changed, its end; a tick when it said nothing, so the times shown move on.
    /// Nothing when no script runs.
    func read() -> [Message] {
        guard let process else { return [] }
        var messages: [Message] = []
        let events = process.read()
        if !events.isEmpty { messages.append(.run(.progress(events, at: Clock.now))) }
        if process.lastLines != shown {
            shown = process.lastLines
            messages.append(.run(.output(shown)))
        }
        if process.descriptors.isEmpty, let status = process.exitStatus() {
            self.process = nil
            messages.append(.run(.ended(status: status, at: Clock.now)))
        }
        return messages.isEmpty ? [.run(.tick(at: Clock.now))] : messages
    }
}
