import Planner
import TestSupport
import XCTest
@testable import Wizard

/// The wizard's catalog (Sources/Wizard/Messages): every language has every text with the
/// English placeholders, every answer a field shows has its Japanese label and help, and the
/// texts that must fit a line or a box of the 80x24 screen fit it in every language.
final class WizardCatalogTests: XCTestCase {
    func testEveryLanguageHasEveryTextWithTheEnglishPlaceholders() {
        for language in Language.allCases {
            XCTAssertEqual(Catalogs.differences(WizardPhrase.catalog(language), from: WizardEnglish.messages), [], "\(language)")
        }
        var broken = WizardJapanese.messages
        broken[.quitTitle] = nil
        broken[.quitSave] = "s    ./{name} に保存して終了"
        XCTAssertEqual(Catalogs.differences(broken, from: WizardEnglish.messages),
                       ["quitTitle: missing", "quitSave: placeholders [\"name\"], in English [\"file\"]"])
    }

    func testEveryAnswerAFieldShowsHasAJapaneseLabelAndHelp() {
        let shown = AnswerSchema.leaves.filter { $0.label != nil }
        XCTAssertGreaterThan(shown.count, 30)
        for key in shown {
            guard let japanese = JapaneseAnswerLabels.byPath[key.path] else { XCTFail("\(key.path) has no Japanese label and help"); continue }
            XCTAssertFalse(japanese.label.isEmpty || japanese.help.isEmpty, key.path)
            XCTAssertNotEqual(japanese.help, key.help, "\(key.path): the help is not translated")
            // The form's label column is 22 cells; a space stays between label and value.
            XCTAssertLessThanOrEqual(CellWidth.of(japanese.label), Layout.labelWidth - 1, key.path)
        }
        XCTAssertEqual(Set(JapaneseAnswerLabels.byPath.keys).subtracting(shown.map(\.path)), [], "labels of keys no field shows")
    }

    /// The key help line at the foot of the screen, and the lines of the quit and stop boxes,
    /// are cut at their width, not wrapped: in each language each fits whole (a list's line
    /// leaves out F10 quit or F1 help, which every other line shows, rather than lose a key's
    /// last letters).
    func testLinesThatAreCutFitTheSmallestScreen() {
        let keyLines = WizardPhrase.allCases.filter { $0.rawValue.hasPrefix("keys") || $0.rawValue.hasPrefix("runKeys") }
            + [.runNowKeys]
        let quitBox: [WizardPhrase] = [.quitQuestion, .quitSave, .quitWithoutSaving, .quitBack, .quitFooter]
        let stopBox: [WizardPhrase] = [.stopQuestion, .stopExplained, .stopYes, .stopNo, .stopFooter]
        let values = ["file": "vpcpipe-answers-10.yaml", "script": "setup.sh"]
        for language in Language.allCases {
            for phrase in keyLines {
                XCTAssertLessThanOrEqual(CellWidth.of(" " + phrase.text(language)), Drive.size.columns, "\(phrase) in \(language)")
            }
            for (phrases, inner) in [(quitBox, 72 - 4), (stopBox, 76 - 4)] {
                for phrase in phrases {
                    XCTAssertLessThanOrEqual(CellWidth.of(phrase.text(language, values)), inner, "\(phrase) in \(language)")
                }
            }
        }
    }
}
