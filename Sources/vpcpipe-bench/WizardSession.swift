import Planner
import Wizard

/// Replaying the scripted wizard session (`WizardRun.keys()`), as the terminal driver would:
/// each key is one update, then one view of the whole frame.
enum WizardSession {
    /// Every key press of `sessions` sessions, each timed on its own (update and view).
    static func pressTimes(_ keys: [Key], size: Size, sessions: Int) -> Samples {
        let clock = ContinuousClock()
        var durations: [Duration] = []
        durations.reserveCapacity(keys.count * sessions)
        for session in 0..<(sessions + 2) {
            var state = WizardRun.start(size)
            var frame = view(state)
            for key in keys {
                let took = clock.measure {
                    state = update(state, .key(key))
                    frame = view(state)
                }
                if session >= 2 { durations.append(took) }  // two sessions warm up
            }
            precondition(frame.size == size)
        }
        return Samples("key press at \(size.columns)x\(size.rows)", durations)
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
