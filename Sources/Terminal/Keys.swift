import CNcursesw
import Foundation
import Wizard

/// The terminal's input, read here rather than by ncurses' getch: a read of zero bytes or an
/// error is a hangup (ncurses would report it as "no key" and the loop would spin). The bytes
/// go through the pure `KeyDecoder`, with this terminal's terminfo key sequences.
struct Input {
    enum Event {
        case message(Message)
        /// End of input or a read error: the terminal is gone.
        case hangup
        /// Nothing within the wait, or a signal interrupted it.
        case idle
    }

    private var decoder: KeyDecoder
    private var queue: [Key] = []
    /// How long to wait for the rest of an escape sequence before taking ESC as Esc.
    private let escapeDelay: Int32 = 50

    init() {
        // terminfo's names for the keys the wizard uses.
        let names: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", .home), ("kend", .end),
            ("kpp", .pageUp), ("knp", .pageDown), ("kcbt", .backTab), ("kdch1", .delete), ("kent", .enter),
            ("kf1", .f1), ("kf10", .f10),
        ]
        var terminfo: [[UInt8]: Key] = [:]
        for (name, key) in names {
            if let value = vp_string_capability(name) { terminfo[Array(String(cString: value).utf8)] = key }
        }
        decoder = KeyDecoder(terminfo: terminfo)
    }

    /// The next message, waiting at most `wait` milliseconds for input or for one of `others`
    /// (a script's pipes) to be readable, which is `.idle` here: one wait for both.
    mutating func next(wait: Int32, others: [Int32] = []) -> Event {
        if Signals.windowChanged(), vp_resize_to_terminal() != 0 {
            return .message(.resize(Size(columns: Int(vp_cols()), rows: Int(vp_lines()))))
        }
        if !queue.isEmpty { return .message(.key(queue.removeFirst())) }
        // The rest of an escape sequence is waited for on the terminal alone: a script that
        // prints without pause would otherwise keep the lone ESC from ever being taken as Esc.
        var pollers = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            + (decoder.isWaiting ? [] : others.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) })
        let ready = poll(&pollers, nfds_t(pollers.count), decoder.isWaiting ? escapeDelay : wait)
        if ready < 0 { return errno == EINTR ? .idle : .hangup }
        if ready > 0 && pollers[0].revents == 0 { return .idle }
        if ready == 0 {
            queue = decoder.flush()
            return queue.isEmpty ? .idle : .message(.key(queue.removeFirst()))
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        if count == 0 { return .hangup }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? .idle : .hangup }
        queue = decoder.feed(Array(buffer[..<count]))
        return queue.isEmpty ? .idle : .message(.key(queue.removeFirst()))
    }
}
