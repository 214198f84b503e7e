/// Word wrapping by terminal columns (wide characters count twice).
enum Text {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if CellWidth.of(candidate) <= width || line.isEmpty {
                    line = candidate
                } else {
                    lines.append(line)
                    line = String(word)
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
