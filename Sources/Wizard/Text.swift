/// Word wrapping by terminal columns (wide characters count twice).
enum Text {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = CellWidth.of(String(word))
                if line.isEmpty, wordWidth <= width {
                    line = String(word); used = wordWidth
                } else if used + 1 + wordWidth <= width {
                    line += " " + word; used += 1 + wordWidth
                } else if wordWidth <= width {
                    lines.append(line)
                    line = String(word); used = wordWidth
                } else {
                    // A word wider than a line (an ARN, a long id) goes on where the line is, cut where it must be.
                    if !line.isEmpty { line += " "; used += 1 }
                    for character in word {
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
