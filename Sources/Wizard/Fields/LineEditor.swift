/// Editing one line of text at a cursor: shared by the text input and the list of ids.
enum LineEditor {
    /// Applies an editing key to `text`; returns false for keys that are not editing keys.
    static func apply(_ key: Key, to text: inout String, cursor: inout Int?) -> Bool {
        var characters = Array(text)
        var at = min(cursor ?? characters.count, characters.count)
        switch key {
        case .character(let c) where !c.isNewline && c != "\t":
            characters.insert(c, at: at); at += 1
        case .backspace:
            guard at > 0 else { return true }
            characters.remove(at: at - 1); at -= 1
        case .delete:
            guard at < characters.count else { return true }
            characters.remove(at: at)
        case .left: at = max(0, at - 1)
        case .right: at = min(characters.count, at + 1)
        case .home: at = 0
        case .end: at = characters.count
        default: return false
        }
        text = String(characters)
        cursor = at == characters.count ? nil : at
        return true
    }

    /// The visible part of `text` in `width` columns, scrolled so the cursor shows, and the
    /// cursor's column in it.
    static func window(_ text: String, cursor: Int?, width: Int) -> (shown: String, column: Int) {
        let characters = Array(text)
        let at = min(cursor ?? characters.count, characters.count)
        var start = 0
        while start < at, CellWidth.of(String(characters[start..<at])) > width - 1 { start += 1 }
        let column = CellWidth.of(String(characters[start..<at]))
        return (Text.fit(String(characters[start...]), width), column)
    }
}
