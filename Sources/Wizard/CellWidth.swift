/// How many terminal columns a character takes: 2 for East Asian wide and fullwidth characters
/// (Japanese, Chinese, Korean, fullwidth forms, most emoji), 0 for combining marks, else 1.
/// A small table instead of wcwidth(3) keeps the wizard pure and its frames the same on every libc.
public enum CellWidth {
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initials
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, CJK compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE30...0xFE4F,   // CJK compatibility forms
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x1F300...0x1F64F, // pictographs and emoticons
        0x1F900...0x1F9FF, // supplemental pictographs
        0x20000...0x2FFFD, // CJK extension B and later
        0x30000...0x3FFFD,
    ]

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        // Below the combining marks every character is narrow: most text, and the fast path.
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if value == 0x200B { return 0 }  // zero width space
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// A character's width is its base scalar's; the marks that follow it add nothing.
    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.first.map { of($0) } ?? 0
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }
}
