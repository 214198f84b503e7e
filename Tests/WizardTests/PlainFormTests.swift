import Planner
import TestSupport
import XCTest
@testable import Wizard

/// The line mode without a terminal: the same fields as the screens, the review's numbers.
final class PlainFormTests: XCTestCase {
    func testItAsksEveryAnswerFieldOfTheScreensInTheirOrder() {
        let asked = PlainForm.questions.map { Screens.screen($0.screen, .en).fields[$0.field].label }
        let shown = Review.items(Drive.on(.review)).map(\.label)
        XCTAssertEqual(asked, shown)
        XCTAssertEqual(Set(PlainForm.questions.map(\.screen)).count, ScreenID.review.rawValue, "every screen before the review")
    }

    func testFromAFileWithProblemsTheReviewListsThemAndANumberChangesThatAnswer() throws {
        var answers = Drive.networked
        answers.network.routeTables = ["rtb-0123456789ABCDEF0"]
        var form = PlainForm(Drive.start(answers, diagnostics: Rules.check(answers)), fromFile: true)
        var turn = form.start()
        XCTAssertTrue(turn.lines.contains("1 error, 0 warnings."), "\(turn.lines)")
        let item = try XCTUnwrap(turn.lines.firstIndex { $0.contains(". Route tables: rtb-0123456789ABCDEF0") })
        XCTAssertTrue(turn.lines[item + 1].contains("error: route table 1: \"rtb-0123456789ABCDEF0\" is not a valid route table id"),
                      turn.lines[item + 1])
        XCTAssertTrue(turn.prompt.hasPrefix("1 error remain"), turn.prompt)
        XCTAssertEqual(form.take("").prompt, turn.prompt, "no export while an error remains")
        let number = String(turn.lines[item].drop { $0 == " " }.prefix { $0 != "." })
        turn = form.take(number)
        XCTAssertTrue(turn.prompt.hasPrefix("Route tables (ids, space between) [rtb-0123456789ABCDEF0]"), turn.prompt)
        turn = form.take("rtb-0123456789abcdef0")
        XCTAssertTrue(turn.lines.contains("No errors or warnings."), "back on the review:\n\(turn.lines)")
        XCTAssertTrue(form.take("").prompt.hasPrefix("Output folder [vpcpipe-out]"))
        _ = form.take("")
        XCTAssertEqual(form.request, .export(folder: "vpcpipe-out"))
        turn = form.receive(.exported(files: 9, folder: "vpcpipe-out"))
        XCTAssertTrue(form.finished)
        XCTAssertTrue(turn.lines.contains("Next: bash vpcpipe-out/setup.sh"), "\(turn.lines)")
    }

    func testNoLineHasACursorMoveOrAColour() {
        var form = PlainForm(Drive.start(), fromFile: false)
        var said = form.start().lines
        for _ in 0..<60 { let turn = form.take(""); said += turn.lines + [turn.prompt] }
        XCTAssertFalse(said.joined().contains("\u{1B}"))
    }
}
