import Planner
import XCTest
@testable import Wizard

/// The policy and setup.sh viewers take the rows their screen leaves, and scroll sideways.
final class ViewerTests: XCTestCase {
    private func onSetupScript(_ size: Size, _ language: Language = .en) throws -> WizardState {
        var state = update(Drive.on(.export, Drive.networked.in(language)), .resize(size))
        let index = try XCTUnwrap(Screens.screen(.export, .en).fields.firstIndex { $0.label == "setup.sh" })
        state.go(to: .export, field: index)
        return state
    }

    func testTheViewerFillsTheWindowAtAnySize() throws {
        for size in [Size.minimum, Size(columns: 200, rows: 60), Size(columns: 120, rows: 40)] {
            let frame = view(try onSetupScript(size)).text
            // Title, intro, the fields before and after, the status and key lines: the rest is the script's.
            XCTAssertTrue(frame.contains("── setup.sh (lines 1-\(size.rows - 12) of "), "\(size):\n\(frame)")
            XCTAssertTrue(frame.contains("[ Write the output folder ]"), "the button below still shows at \(size):\n\(frame)")
        }
    }

    func testLeftAndRightScrollSideways() throws {
        let state = try onSetupScript(Size.minimum)
        let script = try XCTUnwrap(state.rendered.first { $0.path == "setup.sh" }).contents
        let widest = try XCTUnwrap(script.split(separator: "\n").max { $0.count < $1.count })
        XCTAssertGreaterThan(widest.count, 80, "setup.sh has a line wider than the window")
        let right = update(state, .key(.right))
        XCTAssertEqual(right.edit.column, Viewer.step)
        XCTAssertTrue(view(right).text.contains("from column \(Viewer.step + 1)"), view(right).text)
        let first = try XCTUnwrap(script.split(separator: "\n", omittingEmptySubsequences: false).first)
        XCTAssertTrue(view(right).text.contains(String(first.dropFirst(Viewer.step)).prefix(20)), view(right).text)
        XCTAssertEqual(update(right, .key(.left)).edit.column, 0)
        XCTAssertEqual(update(state, .key(.left)), state, "not left of the first column")
        // As far as the widest line's end, no further.
        let far = (0...widest.count / Viewer.step + 1).reduce(state) { state, _ in update(state, .key(.right)) }
        XCTAssertEqual(far.edit.column, widest.count - (Size.minimum.columns - 3))
    }

    /// A Japanese line is wider than its characters: the viewer goes as far as its widest line's
    /// end in cells, and that end shows.
    func testAJapaneseLineScrollsAsFarAsItsEndInCells() {
        let line = String(repeating: "日本語の行", count: 12) + "終わり"
        let viewer = Viewer(title: "ja", content: { _ in "# a\n" + line }, around: 12)
        var state = Drive.start(Answers().in(.ja))
        for _ in 0...CellWidth.of(line) / Viewer.step + 1 { _ = viewer.handle(.right, &state) }
        XCTAssertEqual(state.edit.column, CellWidth.of(line) - (Size.minimum.columns - 3))
        let shown = viewer.render(state, focused: true, width: Size.minimum.columns - 3).lines.map { $0.map(\.text).joined() }
        XCTAssertTrue(shown.contains { $0.hasSuffix("終わり") }, "\(shown)")
    }
}
