import Foundation
import TestSupport
import VpcpipeResources
import XCTest
@testable import Planner

/// The message catalog (Sources/Planner/Messages): every language has every message (Phrase) and
/// every notice (Notice), with the English placeholders, and the bash library says only messages
/// the catalog has.
final class PhraseCatalogTests: XCTestCase {
    func testEveryLanguageHasEveryMessageWithTheEnglishPlaceholders() {
        for language in Language.allCases {
            XCTAssertEqual(Catalogs.differences(language.catalog, from: English.messages), [], "\(language)")
            XCTAssertEqual(Catalogs.differences(language.notices, from: English.notices), [], "\(language) notices")
        }
    }

    func testAMissingNoticeOrAChangedPlaceholderIsFound() {
        var broken = Japanese.notices
        broken[.oneSubnet] = nil
        broken[.listedTwice] = "{value} が 2 回書かれています"
        XCTAssertEqual(Catalogs.differences(broken, from: English.notices), [
            "oneSubnet: missing",
            "listedTwice: placeholders [\"value\"], in English [\"value\", \"what\"]",
        ].sorted { lhs, rhs in
            Notice.allCases.firstIndex { lhs.hasPrefix("\($0):") }! < Notice.allCases.firstIndex { rhs.hasPrefix("\($0):") }!
        })
    }

    /// A notice recognized in its text gives back the values that fill it (how the command line
    /// finds swift-argument-parser's English words), and nothing from another text.
    func testANoticeIsRecognizedInItsText() {
        let values = ["value": "x'y", "option": "--lang <en|ja>", "choices": "'en' and 'ja'"]
        for language in Language.allCases {
            XCTAssertEqual(Notice.parserInvalidValue.values(in: Notice.parserInvalidValue.text(language, values), language: language), values)
        }
        XCTAssertEqual(Notice.parserError.values(in: "Error: Error: x", language: .en), ["message": "Error: x"])
        XCTAssertEqual(Notice.parserOptions.values(in: "OPTIONS:", language: .en), [:])
        XCTAssertNil(Notice.parserOptions.values(in: "OPTIONS: ", language: .en))
        XCTAssertNil(Notice.parserUnknownOption.values(in: "Unknown option '--x'. Did you mean '--out'?", language: .en))
        XCTAssertNil(Notice.parserError.values(in: "error: x", language: .en))
    }

    func testAMissingMessageOrAChangedPlaceholderIsFound() {
        var broken = Japanese.messages
        broken[.checklistDomainCreate] = nil
        broken[.checklistRepository] = "- [ ] **リポジトリの作成** `{repo}`"
        broken[.failedAtStep] = "{script} はステップ {STEP} で失敗しました"
        XCTAssertEqual(Catalogs.differences(broken, from: English.messages), [
            "checklistDomainCreate: missing",
            "checklistRepository: placeholders [\"repo\"], in English [\"repository\", \"tool\"]",
            "failedAtStep: placeholders [\"STEP\", \"script\"], in English [\"STEP\", \"STEP_TITLE\", \"script\"]",
        ].sorted { lhs, rhs in
            Phrase.allCases.firstIndex { lhs.hasPrefix("\($0):") }! < Phrase.allCases.firstIndex { rhs.hasPrefix("\($0):") }!
        })
    }

    /// `@say:KEY@` of Resources/scripts: a message of the catalog, whose translations hold no
    /// quote, `$`, backtick or backslash the English does not (they stand between its quotes).
    func testTheBashLibrarySaysCatalogMessagesQuotedAsInEnglish() throws {
        var said: Set<Phrase> = []
        for part in BashLibrary.allCases {
            for match in part.text(script: "setup").matches(of: /@say:([A-Za-z0-9]+)@/) {
                said.insert(try XCTUnwrap(Phrase(rawValue: String(match.output.1)), "\(part): \(match.output.1)"))
            }
        }
        XCTAssertGreaterThan(said.count, 40)
        func quoting(_ text: String) -> [Character] {
            TextTemplate(text).pieces.flatMap { piece -> [Character] in
                if case .text(let literal) = piece { return literal.filter { "'\"$`\\".contains($0) } }
                return []
            }
        }
        for phrase in said.sorted(by: { $0.rawValue < $1.rawValue }) {
            let english = quoting(English.messages[phrase]!)
            for language in Language.allCases {
                let translated = quoting(language.catalog[phrase]!)
                for character in Set(translated) {
                    XCTAssertLessThanOrEqual(translated.count { $0 == character }, english.count { $0 == character },
                                             "\(language) \(phrase): \(character)")
                }
            }
        }
    }

    /// For English the bash placeholders give back the library's text as it was written: `$STEP`,
    /// and `${delay}s` where a letter follows.
    func testBashPlaceholdersAreTheExpansionsTheyName() {
        XCTAssertEqual(Phrase.failedAtStep.bash(.en, literal: ["script": "setup"]), "setup failed at step $STEP: $STEP_TITLE")
        XCTAssertEqual(Phrase.propagating.bash(.en), "IAM changes are still propagating; trying again in ${delay}s")
        XCTAssertEqual(Phrase.problemsFound.bash(.ja), "setup.sh は何も作成せずに止まります。アカウントに ${#PROBLEMS[@]} 件の問題があります:")
        XCTAssertEqual(Phrase.stoppedBeforeStep.bash(.ja, literal: ["script": "teardown"]),
                       "teardown.sh は求めに応じてステップ $1 の前で止まりました。もう一度実行するとそこから続けます。")
    }

    /// setup.sh's preflight words in every language: each bash function, called with its
    /// arguments in the English order, puts each where the translation names it.
    func testPreflightWordsPutTheirArgumentsWhereEachLanguageNamesThem() throws {
        for language in Language.allCases {
            var program = "problem() { printf '%s: %s\\n' \"$1\" \"$2\"; }\nnote() { printf '%s\\n' \"$1\"; }\n"
            program += PreflightWords.bash(language)
            var expected = ""
            for words in PreflightWords.all {
                let arguments = words.parameters.map { "<\($0)>" }
                program += ([words.function] + (words.kind == .problem ? ["key"] : []) + arguments.map { "'\($0)'" }).joined(separator: " ") + "\n"
                let text = words.words.template(language).filled { name, _ in "<\(name)>" }
                expected += (words.kind == .problem ? "key: " : "") + text + "\n"
            }
            let run = try runProgram("/bin/bash", ["-c", program])
            XCTAssertEqual(run.status, 0, run.summary)
            XCTAssertEqual(run.stdout, expected, "\(language)")
        }
    }
}
