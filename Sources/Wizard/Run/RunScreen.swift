import Planner

/// After export, the wizard offers to run what it wrote: setup.sh --yes, then verify.sh,
/// exactly as exported, on a progress screen fed by their progress streams. The driver runs the
/// processes (`RunRequest`) and reports what they say (`RunMessage`); this is the screen's
/// state, changed only by `update`.
public struct RunScreen: Equatable, Sendable {
    /// The output folder the scripts are in.
    public let folder: String
    /// setup.sh's run, then verify.sh's once setup.sh completed.
    public private(set) var runs: [ScriptRun]
    /// The last lines of the running script's output (the driver keeps them; the log has all).
    public internal(set) var output: [String] = []
    /// The driver's clock, for the times shown.
    public internal(set) var now: Double
    /// Ctrl-C was pressed: the screen asks whether to stop.
    var asksToStop = false
    /// The stop was asked for: the script stops after the step in progress.
    var stopping = false
    /// The output shown in place of the steps (`l`).
    var showsOutput = false

    static let setup = (script: Script.setup.file, arguments: ["--yes"])
    static let verify = (script: VerifyScript.file, arguments: [String]())

    init(folder: String, at now: Double) {
        self.folder = folder
        self.now = now
        runs = [ScriptRun(script: Self.setup.script, started: now)]
    }

    /// The script running, or the last that ran.
    public var current: ScriptRun { runs[runs.count - 1] }

    /// True once nothing more will run: a script did not complete, or verify.sh ended.
    public var isFinished: Bool {
        !current.isRunning && (current.outcome != .completed || current.script == Self.verify.script)
    }

    /// How it ended, as an exit status (0: the pipeline works); nil until finished.
    public var status: Int32? { isFinished ? current.status : nil }

    /// The whole output, for the screen to name.
    public var log: String { folder + "/" + runLogFile }

    /// The request that starts the current script.
    var start: RunRequest {
        let script = current.script == Self.setup.script ? Self.setup : Self.verify
        return .start(folder: folder, script: script.script, arguments: script.arguments)
    }

    /// A message from the driver; returns the next request, if any (verify.sh after setup.sh).
    mutating func receive(_ message: RunMessage) -> RunRequest? {
        switch message {
        case .started(let at):
            now = at
            runs[runs.count - 1] = ScriptRun(script: current.script, started: at)
        case .progress(let events, let at):
            now = at
            for event in events { runs[runs.count - 1].apply(event, at: at) }
        case .output(let lines):
            output = lines
        case .tick(let at):
            now = at
        case .couldNotStart(let reason, let at):
            now = at
            runs[runs.count - 1].couldNotStart(reason, at: at)
            asksToStop = false
        case .ended(let status, let at):
            now = at
            runs[runs.count - 1].exited(status, at: at)
            asksToStop = false
            stopping = false
            if current.script == Self.setup.script && current.outcome == .completed {
                runs.append(ScriptRun(script: Self.verify.script, started: at))
                output = []
                return start
            }
        }
        return nil
    }

    /// What the wizard prints once the terminal is restored, in its language.
    func farewell(_ l: Language) -> String {
        switch current.outcome {
        case .completed where current.script == Self.verify.script:
            WizardPhrase.farewellWorks.text(l, ["log": log])
        case .stopped(let before):
            WizardPhrase.farewellStopped.text(l, ["script": current.script, "step": String(before), "folder": folder, "log": log])
        default:
            WizardPhrase.farewellFailed.text(l, ["script": current.script, "status": String(current.status ?? 1),
                                                 "why": current.errors.first ?? WizardPhrase.seeTheLog.text(l), "log": log])
        }
    }
}

/// What the driver reports of the script it runs.
public enum RunMessage: Equatable, Sendable {
    /// The script started, at `at` (the driver's clock, in seconds).
    case started(at: Double)
    /// Events of the progress stream, read at `at` (the driver's clock, in seconds).
    case progress([ProgressEvent], at: Double)
    /// The last lines of the script's output.
    case output([String])
    /// Time passed with nothing read: the times shown move on.
    case tick(at: Double)
    /// The script ended with this exit status.
    case ended(status: Int32, at: Double)
    /// The script could not be started.
    case couldNotStart(String, at: Double)
}

/// What the wizard asks the driver to do with the scripts.
public enum RunRequest: Equatable, Sendable {
    /// Run `bash FOLDER/SCRIPT ARGUMENTS`, its output to the folder's setup.log.
    case start(folder: String, script: String, arguments: [String])
    /// Ask the running script to stop before its next step.
    case stop
}

extension WizardState {
    /// `y` on the exported folder's question: setup.sh starts, on the progress screen (its
    /// clock starts with the driver's `started`).
    mutating func startRun() {
        let screen = RunScreen(folder: outputFolder, at: 0)
        run = screen
        mode = .running
        request = .run(screen.start)
    }

    mutating func receive(_ message: RunMessage) {
        guard var screen = run else { return }
        if let next = screen.receive(message) { request = .run(next) }
        run = screen
    }

    /// Keys on the progress screen: Ctrl-C asks, then stops between steps; `l` shows the
    /// output; once finished, Enter, Esc or q leaves.
    mutating func pressInRun(_ key: Key) {
        guard var screen = run else { return }
        defer { run = screen }
        if screen.asksToStop {
            switch key {
            case .character("y"), .character("Y"):
                screen.asksToStop = false
                screen.stopping = true
                request = .run(.stop)
            case .character("n"), .character("N"), .escape, .ctrlC, .f10:
                screen.asksToStop = false
            default: break
            }
            return
        }
        if key == .character("l") || key == .character("L") {
            screen.showsOutput.toggle()
        } else if !screen.isFinished {
            if (key == .ctrlC || key == .f10) && !screen.stopping { screen.asksToStop = true }
        } else if [.enter, .escape, .character("q"), .character("Q"), .ctrlC, .f10].contains(key) {
            farewell = screen.farewell(language)
            exit = .exported
        }
    }
}
