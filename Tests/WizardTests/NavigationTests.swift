import Planner
import TestSupport
import XCTest
@testable import Wizard

/// Going from screen to screen without Enter on every field: PgDn or Ctrl-N on, once the screen
/// holds no error; PgUp or Ctrl-P back; --answers opens on the review.
final class NavigationTests: XCTestCase {
    func testPgDnAndCtrlNGoOnOnlyFromAScreenWithoutErrors() {
        for key in [Key.pageDown, .ctrlN] {
            XCTAssertEqual(update(Drive.on(.start), .key(key)).screen, .source)
            // The VPC screen with no ids: it stays, the focus on the first field in error.
            var blank = Drive.on(.vpc, Answers())
            blank.focus = Screens.screen(.vpc, .en).fields.firstIndex { $0.label == "Security group" }!
            let refused = update(blank, .key(key))
            XCTAssertEqual(refused.screen, .vpc)
            XCTAssertEqual(refused.focusedField?.label, "VPC id")
            XCTAssertEqual(refused.status?.text, "3 errors on this screen: fix them to go on (Esc goes back).")
            XCTAssertTrue(view(refused).text.contains("3 errors on this screen"))
        }
        // Errors of another screen do not hold this one.
        XCTAssertEqual(update(Drive.on(.start, Answers()), .key(.ctrlN)).screen, .source)
    }

    func testInAViewerOrTheReviewPgDnScrollsAndCtrlNGoesOn() throws {
        var iam = Drive.on(.iam)
        iam.focus = try XCTUnwrap(Screens.screen(.iam, .en).fields.firstIndex { $0.label == "Policies" })
        XCTAssertEqual(update(iam, .key(.pageDown)).screen, .iam)
        XCTAssertGreaterThan(update(iam, .key(.pageDown)).edit.scroll, 0)
        XCTAssertEqual(update(iam, .key(.ctrlN)).screen, .review)
        XCTAssertEqual(update(Drive.on(.review), .key(.ctrlN)).screen, .export, "from the review, the export")
        let refused = update(Drive.on(.review, Answers()), .key(.ctrlN))
        XCTAssertEqual(refused.screen, .review, "not with errors")
    }

    func testPgUpAndCtrlPGoBackButNotFromTheFirstScreen() {
        for key in [Key.pageUp, .ctrlP] {
            XCTAssertEqual(update(Drive.on(.vpc, Answers()), .key(key)).screen, .pipeline, "back, even from errors")
            let first = update(Drive.on(.start), .key(key))
            XCTAssertEqual(first.screen, .start)
            XCTAssertEqual(first.mode, .form, "no quit prompt")
        }
    }

    func testOpenedFromAValidFileTheReviewGoesOnToExport() {
        var state = Drive.start(Drive.networked, diagnostics: Rules.check(Drive.networked))
        state.openOnReview()
        XCTAssertEqual(state.screen, .review)
        XCTAssertEqual(state.edit.highlight, Review.items(state).count, "Continue to export")
        state = update(state, .key(.enter))
        XCTAssertEqual(state.screen, .export)
        XCTAssertEqual(state.focusedField?.label, "Write", "the export screen opens on its button, setup.sh above it")
        XCTAssertTrue(view(state).text.contains("── setup.sh"))
        state = update(state, .key(.enter))
        XCTAssertEqual(state.request, .export(folder: "vpcpipe-out"))
    }

    func testOpenedFromAFileWithProblemsTheReviewListsThemFromTheFirst() {
        var answers = Drive.networked
        answers.network.subnets = ["subnet-0123456789ABCDEF0"]
        answers.build.timeoutMinutes = 3
        var state = Drive.start(answers, diagnostics: Rules.check(answers))
        state.openOnReview()
        let items = Review.items(state)
        XCTAssertEqual(items[state.edit.highlight].path, "build.timeout_minutes", "the first error, in the screens' order")
        let text = view(update(state, .key(.home))).text
        XCTAssertTrue(text.contains("2 errors, 1 warning"), text)
        state = update(state, .key(.enter))
        XCTAssertEqual(state.screen, .build)
        XCTAssertEqual(state.focusedField?.label, "Timeout (minutes)")
    }
}
