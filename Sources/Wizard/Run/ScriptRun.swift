import Planner

/// One of the output folder's scripts as it runs, from its progress stream (docs/progress.md):
/// the steps with their marks and times, what it waits for, the AWS call in progress, and how it
/// ended. Pure: the driver reads the stream and the clock, and feeds both in.
public struct ScriptRun: Equatable, Sendable {
    public enum Mark: Equatable, Sendable {
        case waiting, running, done, failed
    }

    public struct Step: Equatable, Sendable {
        public var number: Int
        public var title: String
        public var mark: Mark = .waiting
        /// When it started, and how long it took once it ended (seconds of the driver's clock).
        public var started: Double?
        public var seconds: Double?
    }

    public enum Outcome: Equatable, Sendable {
        case running
        /// The last step finished (`done`).
        case completed
        /// `failed K STATUS`: stopped during step K.
        case failed(step: Int, status: Int32)
        /// `stopped K`: stopped before step K, as asked.
        case stopped(before: Int)
        /// The process ended without saying how (declined, killed): its exit status.
        case ended(status: Int32)
    }

    /// `setup.sh`, `verify.sh`.
    public let script: String
    public let started: Double
    public private(set) var steps: [Step] = []
    public private(set) var outcome = Outcome.running
    /// What a poll waits for now (`wait TEXT`), until the next step or call.
    public private(set) var waiting: String?
    /// The AWS CLI call in progress (`aws SERVICE OPERATION`).
    public private(set) var command: String?
    /// Why it failed: AWS's message and what the script made of it (`error TEXT`).
    public private(set) var errors: [String] = []
    public private(set) var ended: Double?

    public init(script: String, started: Double) {
        self.script = script
        self.started = started
    }

    public var isRunning: Bool { outcome == .running }

    /// Steps finished, of those planned: for the progress bar.
    public var fraction: Double {
        steps.isEmpty ? 0 : Double(steps.filter { $0.mark == .done }.count) / Double(steps.count)
    }

    /// The step running, else the last that ran.
    public var current: Step? { steps.last { $0.mark == .running } ?? steps.last { $0.mark != .waiting } }

    public func elapsed(at now: Double) -> Double { (ended ?? now) - started }

    public mutating func apply(_ event: ProgressEvent, at now: Double) {
        switch event {
        case .planned(let number, let total, let title):
            reserve(total)
            if steps.indices.contains(number - 1) { steps[number - 1].title = title }
        case .step(let number, let total, let title):
            reserve(max(total, number))
            steps[number - 1].title = title
            steps[number - 1].mark = .running
            steps[number - 1].started = now
            waiting = nil
            command = nil
        case .stepDone(let number):
            guard steps.indices.contains(number - 1) else { return }
            finish(number - 1, .done, at: now)
            waiting = nil
        case .command(let text):
            command = text
        case .wait(let text):
            waiting = text
        case .error(let text):
            errors.append(text)
        case .failed(let number, let status):
            if let running = steps.lastIndex(where: { $0.mark == .running }) ?? (steps.indices.contains(number - 1) ? number - 1 : nil) {
                finish(running, .failed, at: now)
            }
            end(.failed(step: number, status: status), at: now)
        case .stopped(let before):
            end(.stopped(before: before), at: now)
        case .done:
            end(.completed, at: now)
        }
    }

    /// The process ended with `status`: an outcome it did not say is taken from the status.
    public mutating func exited(_ status: Int32, at now: Double) {
        guard outcome == .running else { return }
        if let running = steps.lastIndex(where: { $0.mark == .running }) { finish(running, .failed, at: now) }
        end(.ended(status: status), at: now)
    }

    /// The script could not be started (no bash, say): `reason` is its error, 127 its status.
    public mutating func couldNotStart(_ reason: String, at now: Double) {
        errors.append(reason)
        end(.ended(status: 127), at: now)
    }

    /// The outcome as a process exit status: 0 completed, else the script's.
    public var status: Int32? {
        switch outcome {
        case .running: nil
        case .completed: 0
        case .failed(_, let status), .ended(let status): status
        case .stopped: 130
        }
    }

    private mutating func reserve(_ total: Int) {
        while steps.count < total { steps.append(Step(number: steps.count + 1, title: "")) }
    }

    private mutating func finish(_ index: Int, _ mark: Mark, at now: Double) {
        steps[index].mark = mark
        steps[index].seconds = now - (steps[index].started ?? now)
    }

    private mutating func end(_ outcome: Outcome, at now: Double) {
        self.outcome = outcome
        ended = now
        waiting = nil
        command = nil
    }
}
