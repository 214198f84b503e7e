import Planner
import XCTest
@testable import Wizard

/// The wizard says problems in the screen's terms: a list's item counted from 1 and named by
/// the field ("route table 1"), and what is expected exactly; the answers file's path stays
/// --headless's (AnswersFileTests).
final class ScreenTermsTests: XCTestCase {
    func testAListsItemIsNamedByItsFieldAndCountedFromOne() {
        var answers = Drive.networked
        answers.network.routeTables = ["rtb-0123456789ABCDEF0"]
        answers.network.subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef0"]
        // The words as read, whatever the wrapping.
        let text = view(Drive.on(.vpc, answers)).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("✗ route table 1: \"rtb-0123456789ABCDEF0\" is not a valid route table id (rtb- then 8 or 17 lower-case hex digits)"), text)
        XCTAssertTrue(text.contains("✗ subnet 2: subnet-0123456789abcdef0 is listed twice"), text)
        XCTAssertFalse(text.contains("[0]") || text.contains("[1]"), text)
        XCTAssertEqual(Layout.item("tags.Team", of: "tags", .en), "tag Team")
        XCTAssertEqual(Layout.item("version", of: "", .en), "version", "a key no field shows keeps its path")
        XCTAssertEqual(Layout.item("endpoints.existing[4]", of: "endpoints.existing", .en), "endpoint 5")
        // Japanese has no plural: the field's label, and the item.
        XCTAssertEqual(Layout.item("network.subnets[1]", of: "network.subnets", .ja), "サブネット 2")
        XCTAssertEqual(Layout.item("tags.Team", of: "tags", .ja), "タグ Team")
    }

    func testNoMessageOfTheRulesNamesAnAnswersFileKey() {
        // Answers breaking every cross-field rule: their messages read the same on a screen and in a file.
        var answers = Answers()
        answers.source.create = false
        answers.codeartifact.upstream = ""
        answers.codeartifact.externalConnection = "public:npmjs"
        let keys = AnswerSchema.leaves.map(\.path).filter { $0.contains(".") || $0.contains("_") }
        for diagnostic in Rules.check(answers) {
            for key in keys { XCTAssertFalse(diagnostic.message.contains(key), "\(diagnostic.path): \(diagnostic.message) names \(key)") }
            XCTAssertFalse(diagnostic.message.contains("sample_app") || diagnostic.message.contains("external_connection"), diagnostic.message)
        }
    }
}
