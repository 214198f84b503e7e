import CNcursesw

/// SIGHUP (the SSH connection dropped), SIGTERM and SIGWINCH; SIGPIPE ignored. The flags live in
/// shim.h; they are used from this file only, because each Swift file would get its own copy
/// of a header's static variable.
enum Signals {
    static func catchHangupAndTerm() { vp_catch_signals() }

    static func caught() -> Int32? {
        let signal = vp_caught()
        return signal == 0 ? nil : signal
    }

    /// Whether the window changed size since the last call.
    static func windowChanged() -> Bool { vp_take_window_change() != 0 }
}
