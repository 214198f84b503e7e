import Planner
import XCTest
@testable import Wizard

final class HelpPaneTests: XCTestCase {
    /// A field whose help is longer than the pane at 80x24.
    private let long = Field("Long", Note { _ in "" },
                             help: (1...40).map { "Paragraph \($0)." }.joined(separator: "\n"))

    private func drawn(_ pane: HelpPane, top: Int) -> String {
        var frame = Frame(size: Drive.size)
        pane.draw(top: top, into: &frame)
        return frame.text
    }

    func testALongHelpScrollsByLineAndPageAndStopsAtItsEnds() throws {
        let pane = HelpPane(long, size: Drive.size, keyHelp: "", .en)
        XCTAssertEqual(pane.height, 16)
        XCTAssertEqual(pane.lines.count, 42, "40 paragraphs, a blank line, the keys")
        var top = 0
        XCTAssertTrue(drawn(pane, top: top).contains("Paragraph 16."))
        XCTAssertFalse(drawn(pane, top: top).contains("Paragraph 17."))
        XCTAssertTrue(drawn(pane, top: top).contains("lines 1-16 of 42"))

        top = try XCTUnwrap(pane.scroll(top, by: .pageDown))
        XCTAssertEqual(top, 15, "a page less one line, so the last line stays in sight")
        XCTAssertTrue(drawn(pane, top: top).contains("Paragraph 16."))
        XCTAssertFalse(drawn(pane, top: top).contains("Paragraph 15."))
        top = try XCTUnwrap(pane.scroll(top, by: .down))
        XCTAssertEqual(top, 16)
        top = try XCTUnwrap(pane.scroll(top, by: .end))
        XCTAssertTrue(drawn(pane, top: top).contains("Paragraph 40."))
        XCTAssertTrue(drawn(pane, top: top).contains("Keys:"))
        XCTAssertTrue(drawn(pane, top: top).contains("lines 27-42 of 42"))
        XCTAssertEqual(pane.scroll(top, by: .pageDown), top, "no scrolling past the end")
        XCTAssertEqual(pane.scroll(top, by: .down), top)
        top = try XCTUnwrap(pane.scroll(top, by: .pageUp))
        XCTAssertEqual(top, 11)
        XCTAssertEqual(pane.scroll(3, by: .up), 2)
        XCTAssertEqual(pane.scroll(top, by: .home), 0)
        XCTAssertEqual(pane.scroll(0, by: .up), 0)
        XCTAssertNil(pane.scroll(0, by: .escape), "Esc closes; it does not scroll")
    }

    func testAShortHelpDoesNotScrollAndItsKeysLeaveItOpen() {
        var state = update(Drive.on(.codeArtifact), .key(.f1))
        let before = view(state)
        XCTAssertFalse(before.text.contains("lines 1-"), "the whole help fits: no line count")
        state = Drive.keys([.pageDown, .down, .end], from: state)
        XCTAssertEqual(state.mode, .help)
        XCTAssertEqual(view(state), before)
        XCTAssertEqual(update(state, .key(.escape)).mode, .form)
    }

    func testTheWizardScrollsTheHelpAndReopensItAtTheTop() {
        var state = update(Drive.on(.codeArtifact), .key(.f1))
        state.helpScroll = 5
        state = Drive.keys([.escape, .f1], from: state)
        XCTAssertEqual(state.helpScroll, 0)
    }
}
