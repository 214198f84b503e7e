// The scripts' progress stream (docs/progress.md), read back: one event a line, as the bash
// library writes them (Resources/scripts/run.bash: progress, step, waiting, say_errors, finish).

/// The file of the output folder where `vpcpipe apply` and the wizard write the whole output of
/// the scripts they run.
public let runLogFile = "setup.log"

public enum ProgressEvent: Equatable, Sendable {
    /// `plan K/N TITLE`: a step to come, announced before the first starts.
    case planned(number: Int, total: Int, title: String)
    /// `step K/N TITLE`
    case step(number: Int, total: Int, title: String)
    /// `step-done K`
    case stepDone(Int)
    /// `command aws SERVICE OPERATION`
    case command(String)
    /// `wait TEXT`
    case wait(String)
    /// `error TEXT`: a line of why the script stops.
    case error(String)
    /// `failed K STATUS`
    case failed(step: Int, status: Int32)
    /// `stopped K`: stopped before step K, as asked.
    case stopped(before: Int)
    /// `done`
    case done

    /// The event of one line, without its newline; nil for a line that is none (a stream is
    /// read as it is written, so a later version's new words are skipped, not fatal).
    public init?(line: Substring) {
        let word = line.prefix { $0 != " " }
        let rest = line.dropFirst(word.count + 1)
        switch word {
        case "plan", "step":
            let fraction = rest.prefix { $0 != " " }
            let parts = fraction.split(separator: "/")
            guard parts.count == 2, let number = Int(parts[0]), let total = Int(parts[1]) else { return nil }
            let title = String(rest.dropFirst(fraction.count + 1))
            self = word == "plan" ? .planned(number: number, total: total, title: title) : .step(number: number, total: total, title: title)
        case "step-done":
            guard let number = Int(rest) else { return nil }
            self = .stepDone(number)
        case "command": self = .command(String(rest))
        case "wait": self = .wait(String(rest))
        case "error": self = .error(String(rest))
        case "failed":
            let parts = rest.split(separator: " ")
            guard parts.count == 2, let number = Int(parts[0]), let status = Int32(parts[1]) else { return nil }
            self = .failed(step: number, status: status)
        case "stopped":
            guard let number = Int(rest) else { return nil }
            self = .stopped(before: number)
        case "done" where rest.isEmpty: self = .done
        default: return nil
        }
    }

    public init?(line: String) { self.init(line: line[...]) }

    /// Every event of a stream's text, in order.
    public static func events(_ text: String) -> [ProgressEvent] {
        text.split(separator: "\n").compactMap { ProgressEvent(line: $0) }
    }
}
