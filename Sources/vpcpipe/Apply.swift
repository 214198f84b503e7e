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
        abstract: spoken(.applyAbstract),
        discussion: spoken(.applyDiscussion)
    )

    /// Exit statuses of its own, as README.md documents them.
    enum Status {
        static let edited: Int32 = 65
        static let notAnOutputFolder: Int32 = 66
    }

    @Argument(help: ArgumentHelp(spoken(.applyDir), valueName: "DIR"), completion: .directory)
    var dir: String

    @Flag(name: .long, help: ArgumentHelp(spoken(.applyDryRun)))
    var dryRun = false

    private var folder: String { dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir }

    func run() throws {
        let scripts = [(Script.setup.file, dryRun ? ["--dry-run"] : ["--yes"]), (VerifyScript.file, dryRun ? ["--dry-run"] : [])]
        do {
            try OutputFolder.checkRunnable(scripts.map(\.0), in: folder)
        } catch let refusal as OutputFolder.RunRefusal {
            FileHandle.standardError.write(Data("vpcpipe apply: \(refusal.text(TerminalLanguage.current))\n".utf8))
            if case .edited = refusal { throw ExitCode(Status.edited) }
            throw ExitCode(Status.notAnOutputFolder)
        }
        let log = folder + "/" + OutputFolder.runLog
        Interrupts.catchInterrupt()
        let commands = scripts.map { ([folder + "/" + $0.0] + $0.1).joined(separator: " ") }
        say(spoken(.applyRunning, ["setup": commands[0], "verify": commands[1], "log": log]))
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
            FileHandle.standardError.write(Data("vpcpipe apply: \(TerminalLanguage.current.text(of: error))\n".utf8))
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
                    say(spoken(.applyCtrlC, ["script": script]))
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
            say(spoken(.applyDone, ["script": script, "steps": "\(run.steps.count)", "seconds": Self.seconds(run.elapsed(at: Clock.now))]))
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
            run.steps.indices.contains(number - 1) ? spoken(.applyStepDone, [
                "script": run.script, "number": "\(number)", "total": "\(run.steps.count)", "seconds": seconds(run.steps[number - 1].seconds ?? 0),
            ]) : nil
        case .wait(let text): spoken(.applyWaiting, ["what": text])
        default: nil
        }
    }

    /// What a run that did not complete comes to: said, and its exit status.
    private func report(_ run: ScriptRun, log: String) -> Int32 {
        let again = "vpcpipe apply \(folder)"
        switch run.outcome {
        case .stopped(let before):
            say(spoken(.applyStopped, ["script": run.script, "number": "\(before)", "total": "\(run.steps.count)", "again": again]))
            return 130
        case .failed(let number, let status):
            // Step 0: the account was read before the first step.
            let failed = run.steps.indices.contains(number - 1)
                ? spoken(.applyFailedAtStep, ["script": run.script, "number": "\(number)", "total": "\(run.steps.count)",
                                              "title": run.steps[number - 1].title, "status": "\(status)"])
                : spoken(.applyFailedBeforeFirstStep, ["script": run.script, "status": "\(status)"])
            var lines = [failed]
            lines += run.errors.map { "  " + $0 }
            lines.append(spoken(run.script == Script.setup.file ? .applyFixSetup : .applyFixVerify, ["again": again, "log": log]))
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            return status
        case .ended(let status):
            FileHandle.standardError.write(Data((spoken(.applyEnded, ["script": run.script, "status": "\(status)", "log": log]) + "\n").utf8))
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
