import Foundation
import TestSupport
import XCTest

/// The real binary's language in tmux: a Japanese locale (LANG=ja_JP.UTF-8) opens it in
/// Japanese, drawn in a real terminal, and what it saves carries `language: ja`; --lang wins
/// over the locale, and an --answers file's `language:` too.
final class WizardLanguageInTmuxTests: TmuxTestCase {
    /// ja_JP.UTF-8 compiled into the test's folder with localedef (LOCPATH), whatever locales the
    /// machine has installed: the variables a shell line sets before the binary.
    private func japaneseLocale() throws -> String {
        let locales = folder.appendingPathComponent("locales")
        try FileManager.default.createDirectory(at: locales, withIntermediateDirectories: true)
        let compiled = try runProgram("localedef", ["-i", "ja_JP", "-f", "UTF-8", locales.appendingPathComponent("ja_JP.UTF-8").path])
        guard compiled.status == 0 else { throw Failure("localedef ja_JP.UTF-8: \(compiled.summary)") }
        return "LOCPATH='\(locales.path)' LANG=ja_JP.UTF-8"
    }

    func testAJapaneseLocaleOpensTheWizardInJapanese() throws {
        let japanese = try japaneseLocale()
        try startShell()
        try shell("\(japanese) '\(binary)' --offline; echo EXIT=$?")
        // The key line, the screen's last row, is drawn last: the pane may show the title alone before it.
        let start = try waitFor("F1 ヘルプ")
        XCTAssertTrue(start.contains("開始: リージョンと名前"), start)
        XCTAssertTrue(start.contains("言語 (Language)       日本語"), start)
        try tmux("resize-window", "-t", session, "-x", "60", "-y", "15")
        try waitFor("画面が小さすぎます: 60x15、必要なのは 80x24")
        try tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        try waitFor("開始: リージョンと名前")
        try quit(asking: "ウィザードを終了しますか?", with: "s", then: "EXIT=130")
        try waitFor("に保存しました")
        let saved = try read("vpcpipe-answers.yaml")
        XCTAssertTrue(saved.contains("\nlanguage: ja\n"), saved)
    }

    func testLangWinsOverTheLocaleAndAnAnswersFilesLanguageOverTheLocale() throws {
        let japanese = try japaneseLocale()
        let example = try runProgram(binary, ["--example"])
        XCTAssertEqual(example.status, 0, example.summary)
        try (example.stdout + "language: ja\n").write(to: folder.appendingPathComponent("ja.yaml"), atomically: true, encoding: .utf8)
        try startShell()

        try shell("clear; \(japanese) '\(binary)' --offline --lang en; echo EXIT=$?")
        try waitFor("Start: region and names")
        try quit(asking: "Quit the wizard?", then: "EXIT=130")

        try shell("clear; '\(binary)' --offline --lang ja; echo EXIT=$?")
        try waitFor("開始: リージョンと名前")
        try quit(asking: "ウィザードを終了しますか?", then: "EXIT=130")

        // LANG=C.UTF-8 (English) and a file that writes language: ja: the file's, on the review.
        try shell("clear; '\(binary)' --offline --answers ja.yaml; echo EXIT=$?")
        let review = try waitFor("→ エクスポートへ進む")
        XCTAssertTrue(review.contains("9/10 · 確認"), review)
        try quit(asking: "ウィザードを終了しますか?", then: "EXIT=130")
    }
}
