import CNcursesw
import Wizard

/// Draws a frame: runs of same-style cells, each as one wide string (a wide character is one
/// wchar_t that ncurses lays over two columns, so continuation cells are skipped).
enum Screen {
    static func draw(_ frame: Frame, theme: Theme) {
        let frame = theme.ascii ? frame.inASCII() : frame
        vp_erase()
        for (y, row) in frame.rows.enumerated() {
            var x = 0
            while x < row.count {
                let style = row[x].style
                var text: [wchar_t] = []
                var end = x
                while end < row.count, row[end].style == style {
                    if !row[end].isContinuation {
                        text += row[end].character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                    }
                    end += 1
                }
                let (attrs, pair) = theme.attributes(style)
                vp_put(Int32(y), Int32(x), text, Int32(text.count), attrs, pair)
                x = end
            }
        }
        if let cursor = frame.cursor {
            curs_set(1)
            vp_move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        vp_refresh()
    }
}
