import Planner
import TestSupport
import XCTest
@testable import Wizard

final class FrameTests: XCTestCase {
    func testEastAsianWideCharactersTakeTwoColumns() {
        XCTAssertEqual(CellWidth.of("日本語"), 6)
        XCTAssertEqual(CellWidth.of("ｶﾀｶﾅ"), 4, "halfwidth katakana is narrow")
        XCTAssertEqual(CellWidth.of("ＡＢ"), 4, "fullwidth forms are wide")
        XCTAssertEqual(CellWidth.of("한국"), 4)
        XCTAssertEqual(CellWidth.of("e\u{301}"), 1, "a combining mark adds nothing")
        XCTAssertEqual(CellWidth.of("abc"), 3)
    }

    func testAWideCharacterFillsTwoCellsAndNeverOverflows() {
        var frame = Frame(size: Size(columns: 5, rows: 1))
        XCTAssertEqual(frame.put("a日本", row: 0, column: 0), 5)
        XCTAssertTrue(frame.rows[0][2].isContinuation)
        XCTAssertEqual(frame.text, "a日本\n")
        var cut = Frame(size: Size(columns: 4, rows: 1))
        cut.put("a日本", row: 0, column: 0)
        XCTAssertEqual(cut.text, "a日\n", "the half that does not fit becomes a blank")
    }

    func testTypedJapaneseShowsAndTheCursorCountsColumns() throws {
        var wizard = InMemoryWizard()
        try wizard.fill("Name", with: "日本")
        let state = wizard.state
        let frame = view(state)
        XCTAssertEqual(state.answers.name, "日本")
        let row = frame.rows.firstIndex { String($0.map(\.character)).contains("Name") }!
        XCTAssertEqual(frame.cursor, Frame.Position(row: row, column: Layout.inlineColumn + 4), "after 日本, where the next character goes")
        XCTAssertTrue(frame.text.contains("日本"))
    }

    /// In every text field of every screen, the cursor sits where the next character goes:
    /// just after the last one typed, and on the first one after Home.
    func testTheCursorSitsWhereTheNextCharacterGoesInEveryTextField() {
        var checked = 0
        for screen in ScreenID.allCases {
            for index in Screens.screen(screen, .en).focusable where Screens.screen(screen, .en).fields[index].control.takesText {
                var state = Drive.on(screen)
                state.go(to: screen, field: index)
                let label = "\(screen) \(Screens.screen(screen, .en).fields[index].label)"
                state = Drive.keys([.end, .character("7")], from: state)
                var frame = view(state)
                guard let end = frame.cursor else { XCTFail("\(label): no cursor"); continue }
                XCTAssertEqual(frame.rows[end.row][end.column - 1].character, "7", "\(label): \(frame.text)")
                frame = view(update(state, .key(.home)))
                guard let home = frame.cursor else { XCTFail("\(label): no cursor after Home"); continue }
                XCTAssertEqual(home.row, end.row, label)
                XCTAssertEqual(frame.rows[home.row][home.column - 1].character, " ", "\(label): the value starts at the cursor")
                XCTAssertNotEqual(frame.rows[home.row][home.column].character, " ", label)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10, "text fields checked")
    }

    func testTheFocusedFieldIsMarkedAndTheKeyHelpIsAtTheBottom() {
        let frame = view(Drive.start())
        let last = frame.text.split(separator: "\n").last!
        XCTAssertTrue(last.contains("Esc back"))
        XCTAssertEqual(frame.rows[23][0].style.role, .keyHelp)
        XCTAssertTrue(frame.text.contains("▸ Region"))
    }
}

final class FrameOverwriteTests: XCTestCase {
    func testWritingOverHalfAWideCharacterBlanksItsOtherHalf() {
        var frame = Frame(size: Size(columns: 6, rows: 2))
        frame.put("日本語", row: 0, column: 0)
        frame.put("x", row: 0, column: 1)  // the right half of 日
        XCTAssertEqual(frame.text.split(separator: "\n").first, " x本語")
        XCTAssertFalse(frame.rows[0][0].isContinuation)
        frame.put("日本語", row: 1, column: 0)
        frame.put("y", row: 1, column: 2)  // the left half of 本
        XCTAssertEqual(frame.text.split(separator: "\n").last, "日y 語")
        XCTAssertFalse(frame.rows[1][3].isContinuation)
    }

    func testInASCIIEveryCellStaysInPlace() {
        var frame = Frame(size: Size(columns: 12, rows: 1))
        frame.put("▸ a日‹x›┌─…é", row: 0, column: 0)
        XCTAssertEqual(frame.inASCII().text, "> a??<x>+-.?\n", "a wide character as two ?, any other as one")
        XCTAssertFalse(frame.inASCII().rows[0].contains(where: \.isContinuation))
    }

    func testControlCharactersAreNeverDrawn() {
        var frame = Frame(size: Size(columns: 6, rows: 1))
        frame.put("a\u{1B}b\u{7F}", row: 0, column: 0)
        XCTAssertEqual(frame.text, "a\u{FFFD}b\u{FFFD}\n")
    }
}
