import ArgumentParser
import Export
import Foundation
import Planner
import Wizard
#if canImport(Glibc)
import Glibc
#endif

/// `vpcpipe apply DIR`: the exported setup.sh with --yes, then verify.sh, as they are, for an
/// SSH session that wants to watch without the forms: a plain line for each step, read from the
/// scripts' progress stream; their whole output in DIR/setup.log.
struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run DIR/setup.sh --yes, then DIR/verify.sh, exactly as exported, with a line for each step.",
        discussion: """
            The scripts' whole output goes to DIR/setup.log. Ctrl-C asks setup.sh to stop between \
            steps (Ctrl-C again stops it at once); apply DIR again goes on from there.
            Exit status: 0 the pipeline works, 64 usage error, 65 a script was edited since vpcpipe \
            wrote it, 66 DIR is not a vpcpipe output folder, 130 stopped by Ctrl-C; otherwise the \
            exit status of the script that failed (setup.sh: 1 a call failed, 3 problems in the \
            account; verify.sh: 1).
            """
    )

    /// Exit statuses of its own, as README.md documents them.
    enum Status {
        static let edited: Int32 = 65
        static let notAnOutputFolder: Int32 = 66
    }

    @Argument(help: ArgumentHelp("The output folder vpcpipe wrote.", valueName: "DIR"), completion: .directory)
    var dir: String

    @Flag(name: .long, help: "Run both scripts with --dry-run: they print their commands and call nothing.")
    var dryRun = false

    private var folder: String { dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir }

    func run() throws {
        let scripts = [(Script.setup.file, dryRun ? ["--dry-run"] : ["--yes"]), (VerifyScript.file, dryRun ? ["--dry-run"] : [])]
        do {
            try OutputFolder.checkRunnable(scripts.map(\.0), in: folder)
        } catch let refusal as OutputFolder.RunRefusal {
            FileHandle.standardError.write(Data("vpcpipe apply: \(refusal)\n".utf8))
            if case .edited = refusal { throw ExitCode(Status.edited) }
            throw ExitCode(Status.notAnOutputFolder)
        }
        let log = folder + "/" + OutputFolder.runLog
        Interrupts.catchInterrupt()
        say("vpcpipe apply: \(scripts.map { ([folder + "/" + $0.0] + $0.1).joined(separator: " ") }.joined(separator: ", then ")); the whole output goes to \(log)")
        for (script, arguments) in scripts {
            let run = try runScript(script, arguments: arguments, log: log)
            guard run.outcome == .completed else { throw ExitCode(report(run, log: log)) }
        }
    }

    /// Runs one script to its end, saying each step as the stream tells it.
    private func runScript(_ script: String, arguments: [String], log: String) throws -> ScriptRun {
        let process: ScriptProcess
        do {
            process = try ScriptProcess(script: folder + "/" + script, arguments: arguments, log: log)
        } catch {
            FileHandle.standardError.write(Data("vpcpipe apply: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var run = ScriptRun(script: script, started: Clock.now)
        var asked = 0
        while run.isRunning || !process.descriptors.isEmpty {
            let interrupts = Interrupts.count
            if interrupts > asked {
                asked = interrupts
                if asked == 1 {
                    process.askToStop()
                    say("Ctrl-C: \(script) stops after the step in progress; running vpcpipe apply again goes on from there (Ctrl-C again stops it now)")
                } else {
                    process.terminate()
                }
            }
            var waits = process.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if waits.isEmpty {
                if let status = process.exitStatus() { run.exited(status, at: Clock.now) } else { usleep(20_000) }
                continue
            }
            _ = poll(&waits, nfds_t(waits.count), 200)
            for event in process.read() {
                run.apply(event, at: Clock.now)
                if let line = Self.line(for: event, in: run) { say(line) }
            }
            if process.descriptors.isEmpty, let status = process.exitStatus() { run.exited(status, at: Clock.now) }
        }
        if run.outcome == .completed {
            say("\(script): done, \(run.steps.count) steps in \(Self.seconds(run.elapsed(at: Clock.now)))")
            // verify.sh's verdict, its last paragraph.
            if script == VerifyScript.file {
                for line in process.lastLines.reversed().drop(while: \.isEmpty).prefix(while: { !$0.isEmpty }).reversed() { say(line) }
            }
        }
        return run
    }

    /// The plain line an event makes, if any: steps starting and ending, and waits.
    static func line(for event: ProgressEvent, in run: ScriptRun) -> String? {
        switch event {
        case .step(let number, let total, let title): "[\(run.script) \(number)/\(total)] \(title)"
        case .stepDone(let number):
            run.steps.indices.contains(number - 1) ? "[\(run.script) \(number)/\(run.steps.count)] done in \(seconds(run.steps[number - 1].seconds ?? 0))" : nil
        case .wait(let text): "  waiting: \(text)"
        default: nil
        }
    }

    /// What a run that did not complete comes to: said, and its exit status.
    private func report(_ run: ScriptRun, log: String) -> Int32 {
        let again = "vpcpipe apply \(folder)"
        switch run.outcome {
        case .stopped(let before):
            say("\(run.script) stopped before step \(before)/\(run.steps.count), as asked: run \(again) to go on from there.")
            return 130
        case .failed(let number, let status):
            // Step 0: the account was read before the first step.
            let at = run.steps.indices.contains(number - 1) ? "at step \(number)/\(run.steps.count): " + run.steps[number - 1].title
                : "before its first step"
            var lines = ["\(run.script) failed \(at) (exit status \(status))"]
            lines += run.errors.map { "  " + $0 }
            lines.append(run.script == Script.setup.file
                ? "Fix the cause, then run \(again) again: setup.sh goes on from the step that failed (docs/troubleshooting.md). The whole output: \(log)"
                : "The pipeline runs but does not work yet (docs/troubleshooting.md, verify.sh). The whole output: \(log)")
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            return status
        case .ended(let status):
            FileHandle.standardError.write(Data("\(run.script) ended with exit status \(status) before its last step; the whole output: \(log)\n".utf8))
            return status == 0 ? 1 : status
        case .running, .completed:
            return 0
        }
    }

    /// A line on stdout at once, whether it is a terminal or a pipe.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
}

/// Ctrl-C while apply runs: counted by the handler, read by the loop.
enum Interrupts {
    nonisolated(unsafe) private static var caught: sig_atomic_t = 0

    static func catchInterrupt() {
        caught = 0  // initialized here, not first in the handler
        signal(SIGINT) { _ in Interrupts.caught += 1 }
    }

    static var count: Int { Int(caught) }
}
