import Planner
import XCTest
@testable import Wizard

/// The wizard's language from the locale's variables (LC_ALL, then LC_MESSAGES, then LANG) and
/// the theme: Japanese for a UTF-8 Japanese locale on a screen that draws it, English otherwise.
final class WizardLanguageTests: XCTestCase {
    private func detect(_ environment: [String: String], ascii: Bool = false) -> Language {
        WizardLanguage.detect(environment: environment, ascii: ascii)
    }

    func testAJapaneseUTF8LocaleGivesJapanese() {
        XCTAssertEqual(detect(["LANG": "ja_JP.UTF-8"]), .ja)
        XCTAssertEqual(detect(["LANG": "ja_JP.utf8"]), .ja)
        XCTAssertEqual(detect(["LANG": "ja"]), .ja)
        XCTAssertEqual(detect(["LC_MESSAGES": "ja_JP.UTF-8@cjknarrow", "LANG": "C"]), .ja)
    }

    func testTheFirstVariableSetWinsAsPOSIXReadsThem() {
        XCTAssertEqual(detect(["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"]), .en)
        XCTAssertEqual(detect(["LC_ALL": "ja_JP.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "C"]), .ja)
        XCTAssertEqual(detect(["LC_MESSAGES": "C", "LANG": "ja_JP.UTF-8"]), .en)
        XCTAssertEqual(detect(["LC_ALL": "", "LC_MESSAGES": "", "LANG": "ja_JP.UTF-8"]), .ja, "an empty variable is unset")
    }

    func testOtherLocalesAndNoneGiveEnglish() {
        XCTAssertEqual(detect([:]), .en)
        for locale in ["C", "POSIX", "C.UTF-8", "en_US.UTF-8", "de_DE.UTF-8", "jv_ID.UTF-8"] {
            XCTAssertEqual(detect(["LANG": locale]), .en, locale)
        }
    }

    func testJapaneseNeedsUTF8AndAScreenThatDrawsIt() {
        XCTAssertEqual(detect(["LANG": "ja_JP.eucJP"]), .en)
        XCTAssertEqual(detect(["LANG": "ja_JP.SJIS"]), .en)
        XCTAssertEqual(detect(["LANG": "ja_JP.UTF-8"], ascii: true), .en, "the ASCII theme falls back to English")
    }
}

/// The wizard speaks the start screen's Language answer: switching the row redraws every screen
/// in the other language, and what the wizard exports carries it.
final class WizardLanguageSwitchTests: XCTestCase {
    private func onLanguageRow(_ answers: Answers) throws -> WizardState {
        var state = Drive.on(.start, answers)
        state.focus = try XCTUnwrap(state.currentScreen.fields.firstIndex { $0.path == "language" })
        return state
    }

    func testSwitchingTheLanguageRowRedrawsInTheOtherLanguage() throws {
        let english = try onLanguageRow(Drive.networked)
        XCTAssertTrue(view(english).text.contains("Start: region and names"))
        XCTAssertTrue(view(english).text.contains("‹ English ›"), view(english).text)

        let japanese = update(english, .key(.right))
        XCTAssertEqual(japanese.answers.language, .ja)
        let text = view(japanese).text
        XCTAssertTrue(text.contains("開始: リージョンと名前"), text)
        XCTAssertTrue(text.contains("言語 (Language)       ‹ 日本語 ›"), text)
        XCTAssertTrue(text.contains("F1 ヘルプ"), "the key help too:\n\(text)")
        XCTAssertFalse(text.contains("Start: region"), text)
        // Every other screen follows.
        var next = japanese
        next.go(to: .review, field: 0)
        next.renderIfShown()
        XCTAssertTrue(view(next).text.contains("→ エクスポートへ進む"), view(next).text)

        let back = update(japanese, .key(.left))
        XCTAssertEqual(back.answers.language, .en)
        XCTAssertEqual(view(back), view(english), "switching back draws the English frame again")
    }

    func testTheExportCarriesTheLanguage() throws {
        let japanese = update(try onLanguageRow(Drive.networked), .key(.right))
        let answersFile = try XCTUnwrap(Outputs.render(japanese.answers).first { $0.path == "answers.yaml" }?.contents)
        XCTAssertTrue(answersFile.contains("\nlanguage: ja\n"), answersFile)
        XCTAssertEqual(AnswersFile.read(answersFile).answers.language, .ja)
        XCTAssertTrue(try XCTUnwrap(Outputs.render(japanese.answers).first { $0.path == "checklist.md" }?.contents).contains("チェックリスト"))
    }

    /// --answers FILE: a `language:` the file writes, if valid, is the wizard's; none, the locale's.
    func testTheLanguageAnAnswersFileWrites() {
        XCTAssertEqual(AnswersFile.language(in: "version: 1\nlanguage: ja\n"), .ja)
        XCTAssertEqual(AnswersFile.language(in: "version: 1\nlanguage: en\n"), .en)
        XCTAssertNil(AnswersFile.language(in: "version: 1\n"))
        XCTAssertNil(AnswersFile.language(in: "version: 1\nlanguage: fr\n"))
        XCTAssertNil(AnswersFile.language(in: "not: [yaml"))
    }

    /// The line mode asks in the same catalog's words.
    func testTheLineModeSpeaksTheLanguage() {
        var form = PlainForm(Drive.start(Answers().in(.ja)), fromFile: false)
        let turn = form.start()
        XCTAssertTrue(turn.lines.first?.hasPrefix("vpcpipe ウィザード、行モード") == true, "\(turn.lines)")
        XCTAssertTrue(turn.lines.contains("画面 1/10: 開始: リージョンと名前"), "\(turn.lines)")
        XCTAssertTrue(turn.prompt.hasPrefix("リージョン [us-west-2]"), turn.prompt)
        let language = (0..<4).reduce(turn) { _, _ in form.take("") }
        XCTAssertTrue(language.lines.contains("  2. 日本語"), "\(language.lines)")
        XCTAssertTrue(language.prompt.hasPrefix("言語 (Language) [日本語]"), language.prompt)
        let english = form.take("1")
        XCTAssertEqual(form.state.answers.language, .en)
        XCTAssertTrue(english.lines.contains("Screen 2 of 10: Source repository (CodeCommit)"), "\(english.lines)")
    }
}
