/// Word wrapping by terminal columns (wide characters count twice).
enum Text {
    /// Lines of at most `width` columns. A line breaks at a space, and in Japanese (which has none)
    /// between two characters, but never before a closing bracket or punctuation nor after an
    /// opening bracket (kinsoku: no "。" or "」" starts a line, no "「" ends one). A word wider
    /// than a line (an ARN, a long id) goes on where the line is, cut where it must be.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for unit in units(paragraph) {
                let unitWidth = CellWidth.of(unit.text)
                let gap = !line.isEmpty && unit.spaced ? 1 : 0
                if used + gap + unitWidth <= width {
                    line += (gap == 1 ? " " : "") + unit.text; used += gap + unitWidth
                } else if unitWidth <= width {
                    lines.append(line)
                    line = unit.text; used = unitWidth
                } else {
                    // Where the line is, when its first character fits there (a line never ends in a space).
                    if !line.isEmpty, used + gap + CellWidth.of(unit.text.first!) > width {
                        lines.append(line)
                        line = ""; used = 0
                    } else if gap == 1 {
                        line += " "; used += 1
                    }
                    for character in unit.text {
                        let w = CellWidth.of(character)
                        if used + w > width, !line.isEmpty { lines.append(line); line = ""; used = 0 }
                        line.append(character); used += w
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Characters no line starts with: closing brackets, punctuation, small kana, the long vowel mark.
    static let noLineStart = Set("、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝」』】〕〉》〙〗ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)]},.:;!?%")
    /// Characters no line ends with: opening brackets.
    static let noLineEnd = Set("（［｛「『【〔〈《〘〖([{")

    /// The paragraph's unbreakable units, each with whether a space came before it: words between
    /// spaces, cut further where a wide (Japanese) character meets another character and kinsoku allows.
    private static func units(_ paragraph: Substring) -> [(text: String, spaced: Bool)] {
        var units: [(text: String, spaced: Bool)] = []
        var current = "", spaced = false
        var previous: Character?
        for character in paragraph {
            if character == " " {
                if !current.isEmpty { units.append((current, spaced)); current = "" }
                spaced = true
                previous = nil
                continue
            }
            if let previous, !current.isEmpty, CellWidth.of(previous) == 2 || CellWidth.of(character) == 2,
               !noLineStart.contains(character), !noLineEnd.contains(previous) {
                units.append((current, spaced)); current = ""
                spaced = false
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { units.append((current, spaced)) }
        return units
    }

    /// `text` cut or padded to exactly `width` columns.
    static func fit(_ text: String, _ width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = CellWidth.of(character)
            if used + w > width { break }
            out.append(character); used += w
        }
        return out + String(repeating: " ", count: max(0, width - used))
    }
}
