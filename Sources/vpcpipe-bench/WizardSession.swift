import Planner
import Wizard

/// Replaying the scripted wizard session (`WizardRun.keys()`), as the terminal driver would:
/// each key is one update, then one view of the whole frame.
enum WizardSession {
    /// Every key press of `sessions` sessions, each timed on its own (update and view), and the
    /// `slowest` keys of the session by their median: the screen they lead to, the key, the median.
    static func pressTimes(_ keys: [Key], size: Size, sessions: Int, slowest: Int = 3)
        -> (all: Samples, slowest: [String]) {
        let clock = ContinuousClock()
        var durations = [[Duration]](repeating: [], count: keys.count)
        var screens = [ScreenID](repeating: .start, count: keys.count)
        for session in 0..<(sessions + 2) {
            var state = WizardRun.start(size)
            var frame = view(state)
            for (index, key) in keys.enumerated() {
                let took = clock.measure {
                    state = update(state, .key(key))
                    frame = view(state)
                }
                if session >= 2 { durations[index].append(took) }  // two sessions warm up
                screens[index] = state.screen
            }
            precondition(frame.size == size)
        }
        let medians = durations.map { Samples("", $0).median }
        let worst = medians.indices.sorted { medians[$0] > medians[$1] }.prefix(slowest).map { index in
            "key \(index + 1) (\(keys[index])) to screen \(screens[index].rawValue + 1): \(medians[index].text)"
        }
        return (Samples("key press at \(size.columns)x\(size.rows)", durations.flatMap { $0 }), worst)
    }

    /// One session, then the export's rendering, in this process: the child whose peak memory
    /// stands for a full wizard run (the terminal driver's ncurses buffers aside).
    static func runOnce(size: Size) {
        var state = WizardRun.start(size)
        for key in WizardRun.keys() {
            state = update(state, .key(key))
            _ = view(state)
        }
        precondition(state.request != nil)
        _ = Outputs.render(state.answers)
    }
}
