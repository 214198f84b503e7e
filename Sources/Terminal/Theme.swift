import CNcursesw
import Foundation
import Wizard

/// Roles to colours, or to attributes alone (mono) under NO_COLOR or without colours; ASCII
/// characters alone where the locale cannot show others.
struct Theme {
    let colour: Bool
    let ascii: Bool

    private static let foreground: [Role: Int16] = [
        .title: Int16(COLOR_BLUE), .focus: Int16(COLOR_CYAN), .error: Int16(COLOR_RED),
        .warning: Int16(COLOR_YELLOW), .created: Int16(COLOR_GREEN), .existing: Int16(COLOR_MAGENTA),
    ]

    /// `ascii`: asked for (--ascii); it is also chosen when the locale's codeset is not UTF-8,
    /// where ncurses would draw any other character blank or garbled.
    static func start(ascii: Bool) -> Theme {
        let ascii = ascii || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8"
        let noColour = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        guard !noColour, has_colors() else { return Theme(colour: false, ascii: ascii) }
        start_color()
        use_default_colors()
        for role in Role.allCases {
            if let fg = foreground[role] { init_pair(pair(role), fg, -1) }
        }
        return Theme(colour: true, ascii: ascii)
    }

    private static func pair(_ role: Role) -> Int16 { Int16(Role.allCases.firstIndex(of: role)!) }

    /// The attributes and colour pair of a style.
    func attributes(_ style: Style) -> (attr_t, Int16) {
        var attrs: attr_t = 0
        if style.bold { attrs |= vp_a_bold() }
        if style.reverse { attrs |= vp_a_reverse() }
        if style.role == .dim { attrs |= vp_a_dim() }
        guard colour else {
            // Mono: errors stand out by weight, the focus by reverse video.
            if style.role == .error || style.role == .warning { attrs |= vp_a_bold() }
            if style.role == .focus && !style.reverse { attrs |= vp_a_underline() }
            return (attrs, 0)
        }
        return (attrs, Self.foreground[style.role] == nil ? 0 : Self.pair(style.role))
    }
}
