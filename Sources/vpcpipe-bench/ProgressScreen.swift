import Export
import Foundation
import Planner
import Wizard

/// The wizard's progress screen after export: what one progress line costs it (update, then
/// view of the whole frame), and whether a script that prints without pause can hold it: the
/// driver's loop (poll, read what is there within a budget, update, view) timed iteration by
/// iteration while a script prints 10 MiB.
enum ProgressScreen {
    /// The article's setup.sh as its stream tells it: the steps planned, then each step with its
    /// calls, a wait, its end; then done.
    static func stream(_ plan: Plan) -> [ProgressEvent] {
        let total = plan.steps.count
        var events = plan.steps.enumerated().map { ProgressEvent.planned(number: $0 + 1, total: total, title: $1.title) }
        for (index, step) in plan.steps.enumerated() {
            events.append(.step(number: index + 1, total: total, title: step.title))
            for command in (step.create + step.always).flatMap(\.commands) {
                events.append(.command("aws \(command.service) \(command.operation)"))
            }
            events.append(.wait("1 not available yet; checking again in 15s"))
            events.append(.stepDone(index + 1))
        }
        return events + [.done]
    }

    /// The state on the progress screen, setup.sh just started.
    static func running(_ answers: Answers, size: Size) -> WizardState {
        var state = WizardState(answers: answers, diagnostics: [], outputFolder: "vpcpipe-out", size: size)
        state = update(state, .exported(files: 23, folder: "vpcpipe-out"))
        state = update(state, .key(.character("y")))
        return update(state, .run(.started(at: 0)))
    }

    /// Each progress line of the stream, fed alone and the frame drawn, over `sessions` runs.
    static func lineTimes(_ answers: Answers, size: Size, sessions: Int) -> Samples {
        let events = stream(Planner.plan(answers))
        let clock = ContinuousClock()
        var durations: [Duration] = []
        for _ in 0..<sessions {
            var state = running(answers, size: size)
            for (index, event) in events.enumerated() {
                durations.append(clock.measure {
                    state = update(state, .run(.progress([event], at: Double(index) * 0.1)))
                    _ = view(state)
                })
            }
        }
        return Samples("one progress line at \(size.columns)x\(size.rows) (\(events.count) lines a run)", durations)
    }

    /// A script printing `mebibytes` MiB of 100-byte lines, with a step each MiB, run as the
    /// wizard runs setup.sh; the work of each iteration of the loop, and the run's wall time.
    static func flood(_ answers: Answers, mebibytes: Int, in folder: URL) throws -> (iterations: Samples, wall: Duration, read: Int) {
        let script = folder.appendingPathComponent("flood.sh")
        try """
            for i in $(seq 1 \(mebibytes)); do
              echo "step $i/\(mebibytes) one MiB of output" >&3
              head -c 1048576 /dev/zero | tr '\\0' 'x' | fold -w 99
              echo "step-done $i" >&3
            done
            echo done >&3

            """.write(to: script, atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("flood.log")
        var state = running(answers, size: Size(columns: 200, rows: 60))
        let clock = ContinuousClock(), started = clock.now
        let process = try ScriptProcess(script: script.path, arguments: [], log: log.path)
        var durations: [Duration] = []
        while !process.isFinished {
            var waits = process.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&waits, nfds_t(waits.count), 250)
            durations.append(clock.measure {
                let events = process.read()
                if !events.isEmpty { state = update(state, .run(.progress(events, at: Clock.now))) }
                state = update(state, .run(.output(process.lastLines)))
                _ = view(state)
            })
        }
        let wall = clock.now - started
        let written = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        return (Samples("a loop iteration while a script prints \(mebibytes) MiB (\(durations.count) iterations)", durations), wall, written)
    }
}
