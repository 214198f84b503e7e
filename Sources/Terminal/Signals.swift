import CNcursesw

/// SIGHUP (the SSH connection dropped) and SIGTERM. The flag lives in shim.h; it is used from
/// this file only, because each Swift file would get its own copy of a header's static variable.
enum Signals {
    static func catchHangupAndTerm() { vp_catch_signals() }

    static func caught() -> Int32? {
        let signal = vp_caught()
        return signal == 0 ? nil : signal
    }
}
