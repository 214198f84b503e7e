import Planner
import TestSupport
import XCTest
@testable import Wizard

final class BackAndExportTests: XCTestCase {
    /// An error on every field's key path, as a faulty answers file would give.
    private var errorOnEveryField: [Diagnostic] {
        Screens.all(.en).flatMap(\.fields).compactMap(\.path).map { .error($0, "is wrong (test)") }
    }

    func testEscGoesBackFromEveryFieldOfEveryScreenEvenInvalid() {
        for screen in ScreenID.allCases {
            for field in Screens.screen(screen, .en).focusable {
                var state = Drive.start(Answers(), diagnostics: errorOnEveryField)
                state.go(to: screen, field: field)
                // Half-typed input and an open help pane must not trap the user either.
                state = Drive.keys([.character("-"), .f1, .escape], from: state)
                XCTAssertEqual(state.mode, .form)
                state = update(state, .key(.escape))
                if let previous = screen.previous {
                    XCTAssertEqual(state.screen, previous, "screen \(screen) field \(field)")
                } else {
                    XCTAssertEqual(state.mode, .quitPrompt, "field \(field)")
                }
            }
        }
    }

    func testReviewListsEveryErrorAndRefusesExport() throws {
        let diagnostics: [Diagnostic] = [.error("network.vpc", "is required (vpc-...)"),
                                         .warning("build.image", "is no longer maintained"),
                                         .error("tags.aws:x", "uses the aws: prefix"),
                                         .error("version", "version 2 is not supported")]
        var state = Drive.on(.review, Answers(), diagnostics: diagnostics)
        let text = view(update(state, .key(.home))).text
        XCTAssertTrue(text.contains("3 errors, 1 warning"))
        XCTAssertTrue(text.contains("✗ version: version 2 is not supported"), "a key no field shows, first: \(text)")
        XCTAssertTrue(text.contains("✗ tag aws:x: uses the aws: prefix"), text)
        state = update(state, .key(.end))
        let all = Drive.keys([.home, .pageDown, .pageDown, .pageDown], from: Drive.on(.review, Answers(), diagnostics: diagnostics))
        XCTAssertTrue(view(all).text.contains("✗ is required (vpc-...)"))
        state = update(state, .key(.enter))
        XCTAssertEqual(state.screen, .review)
        XCTAssertTrue(view(state).text.contains("Export refused: 3 errors remain"))
        // The export screen's button refuses too.
        var export = InMemoryWizard(Drive.on(.export, Answers(), diagnostics: diagnostics))
        try export.focus("Write")
        export.send([.enter])
        XCTAssertNil(export.state.request)
        XCTAssertEqual(export.state.status?.isError, true)
    }

    func testPickingAReviewItemEditsItAndReturns() throws {
        var wizard = InMemoryWizard(Drive.on(.review))
        try wizard.pick("Name")
        XCTAssertEqual(wizard.state.screen, .start)
        XCTAssertEqual(wizard.state.focusedField?.label, "Name")
        wizard.send(Drive.typing("X") + [.enter])
        XCTAssertEqual(wizard.state.screen, .review)
        XCTAssertEqual(Review.items(wizard.state)[wizard.state.edit.highlight].label, "Name", "the item changed stays highlighted")
        XCTAssertTrue(view(wizard.state).text.contains("PrivateX"))
    }

    func testReviewMarksWhatIsCreatedAndWhatExists() {
        var answers = Drive.networked
        answers.source.create = false
        let text = view(update(Drive.on(.review, answers), .key(.home))).text
        XCTAssertTrue(text.contains("Repository"))
        let lines = text.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("Repository") && $0.contains("[existing]") })
        XCTAssertTrue(lines.contains { $0.contains("Domain ") && $0.contains("[to be created]") })
    }

    func testExportRequestsTheFolderAsEdited() throws {
        var wizard = InMemoryWizard(Drive.on(.export))
        try wizard.fill("Output folder", with: "out")
        try wizard.export()
        XCTAssertEqual(wizard.state.request, .export(folder: "out"))
        let state = update(wizard.state, .exportRefused("out holds files vpcpipe did not write"))
        XCTAssertTrue(view(state).text.contains("Not written: out holds files vpcpipe did not write"))
    }

    func testTooSmallShowsTheSizeNeededAndKeepsTheInput() throws {
        var wizard = InMemoryWizard(Drive.on(.start))
        try wizard.append("Web", to: "Name")
        var state = wizard.state
        let before = view(state)
        state = update(state, .resize(Size(columns: 60, rows: 15)))
        XCTAssertTrue(view(state).text.contains("too small: 60x15, needs 80x24"))
        state = Drive.keys(Drive.typing("zz") + [.enter, .tab, .f1, .pageDown], from: state)
        state = update(state, .resize(Drive.size))
        XCTAssertEqual(view(state), before)
        XCTAssertEqual(state.answers.name, "PrivateWeb")
    }

    /// The quit keys work on the "too small" screen too: they ask there, and the answer is taken.
    func testQuitWorksOnTheTooSmallScreen() throws {
        let small = update(Drive.on(.source), .resize(Size(columns: 60, rows: 15)))
        XCTAssertTrue(view(small).text.contains("Ctrl-C, F10, Esc or q: quit."), view(small).text)
        for key in [Key.ctrlC, .f10, .escape, .character("q")] {
            let asking = update(small, .key(key))
            XCTAssertEqual(asking.mode, .quitPrompt, "\(key)")
            XCTAssertTrue(view(asking).text.contains("too small: 60x15"), view(asking).text)
            XCTAssertTrue(Invariants.collapse(view(asking).text).contains("Quit? s saves the answers so far to ./vpcpipe-answers.yaml, q quits, Esc stays."),
                          view(asking).text)
            XCTAssertEqual(update(asking, .key(.character("q"))).exit, .quit)
            XCTAssertEqual(update(asking, .key(.character("s"))).request, .saveAnswers)
            let stayed = update(asking, .key(.escape))
            XCTAssertEqual(stayed.mode, .form)
            XCTAssertNil(stayed.exit)
            XCTAssertEqual(view(update(stayed, .resize(Drive.size))), view(update(small, .resize(Drive.size))))
        }
    }

    func testLargerTerminalsUseTheSpace() {
        var state = Drive.on(.review)
        state = update(state, .resize(Size(columns: 120, rows: 40)))
        let frame = view(state)
        XCTAssertEqual(frame.rows.count, 40)
        XCTAssertTrue(frame.text.contains("Continue to export"))
    }
}
