import Planner

/// The focused field's help in a box over the form. A help longer than the box scrolls:
/// ↑↓, PgUp PgDn, Home and End move it, and the footer says which lines show.
struct HelpPane {
    static let top = 4
    let field: Field
    let language: Language
    let width: Int
    let lines: [String]
    /// Lines shown at once: the rows between the box's top and the status line, less its borders.
    let height: Int

    /// `keyHelp`: the field's keys as it is now; `language`: the wizard's.
    init(_ field: Field, size: Size, keyHelp: String, _ language: Language) {
        self.field = field
        self.language = language
        width = min(72, size.columns - 4)
        lines = Text.wrap(field.help, width: width - 4) + [""]
            + Text.wrap(WizardPhrase.helpKeys.text(language, ["keys": keyHelp]), width: width - 4)
        height = max(1, size.rows - 2 - Self.top - 2)
    }

    var lastTop: Int { max(0, lines.count - height) }

    /// The first line shown after `key` from `top`, or nil for a key that does not scroll.
    func scroll(_ top: Int, by key: Key) -> Int? {
        let top = min(top, lastTop)
        let moved: Int
        switch key {
        case .down: moved = top + 1
        case .up: moved = top - 1
        case .pageDown: moved = top + max(1, height - 1)
        case .pageUp: moved = top - max(1, height - 1)
        case .home: moved = 0
        case .end: moved = lastTop
        default: return nil
        }
        return max(0, min(lastTop, moved))
    }

    func draw(top: Int, into frame: inout Frame) {
        let top = min(top, lastTop)
        let shown = lines.dropFirst(top).prefix(height)
        let footer = lines.count > height
            ? WizardPhrase.helpClosesScroll.text(language, ["first": String(top + 1), "last": String(top + shown.count), "count": String(lines.count)])
            : WizardPhrase.helpCloses.text(language)
        Layout.box(&frame, title: WizardPhrase.helpTitle.text(language, ["label": field.label]), lines: shown.map { ($0, Style.normal) }, footer: footer,
                   top: Self.top, width: width)
    }
}
