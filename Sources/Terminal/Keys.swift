import CNcursesw
import Wizard

/// ncurses key codes to the wizard's keys and resizes.
enum Keys {
    /// The next message, or nil when none came within the timeout (or the key means nothing).
    static func next() -> Message? {
        var code: wint_t = 0
        let result = vp_get_wch(&code)
        if result == OK { return character(Int32(bitPattern: code)).map(Message.key) }
        guard result == KEY_CODE_YES else { return nil }
        let key = Int32(bitPattern: code)
        if key == KEY_RESIZE { return .resize(Size(columns: Int(vp_cols()), rows: Int(vp_lines()))) }
        return function(key).map(Message.key)
    }

    private static func character(_ code: Int32) -> Key? {
        switch code {
        case 3: return .ctrlC
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0..<32: return nil
        default: return Unicode.Scalar(UInt32(code)).map { .character(Character($0)) }
        }
    }

    private static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case vp_key_f(1): return .f1
        case vp_key_f(10): return .f10
        default: return nil
        }
    }
}
