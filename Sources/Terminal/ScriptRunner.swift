import CNcursesw
import Export
import Foundation
import Wizard

/// The scripts the wizard runs after export, driven off the key loop: one wait (poll(2)) on
/// the keyboard and the script's pipes together, then whatever is there, read without
/// blocking. A script that prints without pause is read a budget at a time, so keys and
/// redraws go on between.
final class ScriptRunner {
    private var process: ScriptProcess?
    private var shown: [String] = []

    var isRunning: Bool { process != nil }

    /// Starts a script: the wizard's message in answer.
    func start(folder: String, script: String, arguments: [String]) -> Message {
        do {
            process = try ScriptProcess(script: folder + "/" + script, arguments: arguments, log: folder + "/" + OutputFolder.runLog)
            shown = []
            return .run(.started(at: Clock.now))
        } catch {
            return .run(.couldNotStart("\(error)", at: Clock.now))
        }
    }

    func askToStop() { process?.askToStop() }

    /// Stops the script and what it runs (the wizard itself is stopping).
    func terminate() { process?.terminate() }

    /// Waits at most `milliseconds` for a key or the script, then returns what came: keys, the
    /// script's events, its output's last lines when they changed, its end; a tick if nothing.
    func next(waiting milliseconds: Int32) -> [Message] {
        var waits = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            + (process?.descriptors ?? []).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&waits, nfds_t(waits.count), milliseconds)
        var messages: [Message] = []
        if let process {
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
        }
        while let key = Keys.next() { messages.append(key) }
        return messages.isEmpty ? [.run(.tick(at: Clock.now))] : messages
    }
}
