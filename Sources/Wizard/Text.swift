/// Word wrapping by terminal columns (wide characters count twice).
enum Text {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = CellWidth.of(String(word))
                if line.isEmpty {
                    line = String(word); used = wordWidth
                } else if used + 1 + wordWidth <= width {
                    line += " " + word; used += 1 + wordWidth
                } else {
                    lines.append(line)
                    line = String(word); used = wordWidth
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
