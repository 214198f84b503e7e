/// Durations of many runs of one job, sorted once, for medians and tail percentiles.
struct Samples {
    let label: String
    private let sorted: [Duration]

    init(_ label: String, _ durations: [Duration]) {
        self.label = label
        sorted = durations.sorted()
    }

    var count: Int { sorted.count }
    var median: Duration { percentile(50) }
    var p99: Duration { percentile(99) }
    var max: Duration { sorted.last ?? .zero }

    /// Nearest-rank percentile: the smallest sample with at least `p`% of the samples at or below it.
    func percentile(_ p: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }

    /// One table row: label, runs, median, p99, max.
    var row: String {
        label.padding(60) + String(count).leftPadding(7) + median.text.leftPadding(11)
            + p99.text.leftPadding(11) + max.text.leftPadding(11)
    }

    static let header = "job".padding(60) + "runs".leftPadding(7) + "median".leftPadding(11)
        + "p99".leftPadding(11) + "max".leftPadding(11)

    /// Runs `job` `warmup` times unmeasured, then `runs` times, each timed on its own.
    static func measure(_ label: String, runs: Int, warmup: Int = 3, _ job: () throws -> Void) rethrows -> Samples {
        for _ in 0..<warmup { try job() }
        let clock = ContinuousClock()
        var durations: [Duration] = []
        durations.reserveCapacity(runs)
        for _ in 0..<runs { durations.append(try clock.measure(job)) }
        return Samples(label, durations)
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    }

    /// Microseconds below a millisecond, milliseconds above.
    var text: String {
        let ms = milliseconds
        return ms < 1 ? "\(fixed(ms * 1000, 1)) us" : "\(fixed(ms, 2)) ms"
    }
}

/// `value` with `digits` decimals, without Foundation's formatters.
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    var text = String((value * scale).rounded() / scale)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        text += String(repeating: "0", count: Swift.max(0, digits - decimals))
    }
    return text
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
