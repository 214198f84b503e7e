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
