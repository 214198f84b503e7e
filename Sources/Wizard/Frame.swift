/// What a cell means on screen; the driver's theme turns a role into a colour pair,
/// or into attributes alone in the mono theme.
public enum Role: CaseIterable, Sendable {
    case normal, title, focus, error, warning, dim, created, existing, keyHelp
}

public struct Style: Equatable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false) {
        self.role = role; self.bold = bold; self.reverse = reverse
    }
    public static let normal = Style()
}

public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style
    /// The right half of a wide character: the driver draws nothing there.
    public var isContinuation: Bool
    public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
}

/// The whole screen as a grid of cells: what `view` returns and what the driver draws.
public struct Frame: Equatable, Sendable {
    public let size: Size
    public private(set) var rows: [[Cell]]
    /// Where the terminal cursor goes (a text input's insertion point), or nil to hide it.
    public var cursor: Position?

    public struct Position: Equatable, Sendable {
        public var row: Int
        public var column: Int
    }

    public init(size: Size) {
        self.size = size
        rows = Array(repeating: Array(repeating: .blank, count: size.columns), count: size.rows)
    }

    /// Writes `text` from `column`, clipped to `limit` columns (default: the row's end).
    /// A wide character that would not fit is replaced by a space. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < size.rows, column >= 0 else { return 0 }
        let end = min(size.columns, column + (limit ?? size.columns))
        guard column < end, !text.isEmpty else { return 0 }
        // Writing over half of a wide character blanks its other half: no cell is half a character.
        if rows[row][column].isContinuation {
            rows[row][column - 1].character = " "
            rows[row][column].isContinuation = false
        }
        var x = column
        defer { if x < size.columns && rows[row][x].isContinuation { rows[row][x].isContinuation = false } }
        for character in text {
            // A control character would reach the terminal raw (ncurses shows ^A in two columns).
            // Printable ASCII, most of every frame, is shown as it is without a Unicode lookup.
            let shown: Character = character.asciiValue.map { $0 >= 0x20 && $0 != 0x7F } == true ? character
                : character.isNewline || character == "\t" ? " "
                : character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "\u{FFFD}" : character
            let width = CellWidth.of(shown)
            if width == 0 { continue }
            if x + width > end {
                if x < end { rows[row][x] = Cell(character: " ", style: style, isContinuation: false) ; x += 1 }
                break
            }
            rows[row][x] = Cell(character: shown, style: style, isContinuation: false)
            if width == 2 { rows[row][x + 1] = Cell(character: " ", style: style, isContinuation: true) }
            x += width
        }
        return x - column
    }

    /// The characters alone, one line per row, trailing blanks trimmed: golden files and tmux captures.
    public var text: String {
        rows.map { row in
            var line = String(row.filter { !$0.isContinuation }.map(\.character))
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

extension Frame {
    /// Marks, arrows and lines to ASCII look-alikes of the same width: `inASCII` draws with it.
    static let asciiLookAlikes: [Character: Character] = [
        "▸": ">", "‹": "<", "›": ">", "✗": "x", "▲": "^", "▼": "v", "↑": "^", "↓": "v", "←": "<", "→": ">",
        "⇧": "<", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "·": "-", "…": ".",
        "✓": "+", "█": "#", "░": ".",
    ]

    /// The frame for a terminal that shows ASCII only (a locale whose codeset is not UTF-8, or
    /// --ascii): every cell in the same place, marks and lines as their look-alikes, any other
    /// character as `?` (a wide one as `??`), so the layout holds and nothing shows blank.
    public func inASCII() -> Frame {
        var ascii = self
        for (y, row) in rows.enumerated() {
            for (x, cell) in row.enumerated() where !cell.character.isASCII || cell.isContinuation {
                let shown = cell.isContinuation ? "?" : Self.asciiLookAlikes[cell.character] ?? "?"
                ascii.rows[y][x] = Cell(character: shown, style: cell.style, isContinuation: false)
            }
        }
        return ascii
    }
}
