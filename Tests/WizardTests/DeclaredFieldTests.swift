import Planner
import XCTest
@testable import Wizard

/// The fields of the answers, bound by their declaration (AnswerSchema), and the review's marks,
/// taken from the plan's resources.
final class DeclaredFieldTests: XCTestCase {
    func testEveryAnswerWithAFieldLabelHasOneFieldThatShowsItsDeclaration() {
        let fields = Screens.all(.en).flatMap(\.fields).filter { $0.path != nil }
        for key in AnswerSchema.leaves {
            let shown = fields.filter { $0.path == key.path }
            XCTAssertEqual(shown.count, key.label == nil ? 0 : 1, key.path)
            XCTAssertEqual(shown.first?.label, key.label, key.path)
            XCTAssertEqual(shown.first?.help, key.label.map { _ in key.help }, key.path)
        }
    }

    private func marks(_ change: (inout Answers) -> Void) -> [String: String] {
        var answers = Drive.networked
        change(&answers)
        var marks: [String: String] = [:]
        for item in Review.items(Drive.on(.review, answers)) { marks[item.path] = item.mark?.phrase.text(.en) ?? "" }
        return marks
    }

    func testTheReviewMarksWhatThePlanCreatesAndWhatItUsesAsItIs() {
        let article = marks { _ in }
        XCTAssertEqual(article.filter { $0.value == Mark.created.phrase.text(.en) }.keys.sorted(), [
            "build.project", "build.role", "codeartifact.domain", "codeartifact.repository", "codeartifact.upstream",
            "endpoints.existing", "network.security_group", "pipeline.artifact_bucket", "pipeline.name", "pipeline.role",
            "source.branch", "source.repository",
        ])
        XCTAssertEqual(article.filter { $0.value == Mark.existing.phrase.text(.en) }.keys.sorted(),
                       ["network.route_tables", "network.subnets", "network.vpc"])

        // The plan uses a domain shared by another account as it is: so does the review.
        XCTAssertEqual(marks { $0.codeartifact.domainOwner = "123456789012" }["codeartifact.domain"], Mark.existing.phrase.text(.en))
        let given = marks {
            $0.build.role = .existing(arn: "arn:aws:iam::123456789012:role/build")
            $0.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
            $0.source.create = false
            $0.codeartifact.upstream = ""
            $0.endpoints.existing = [.s3]
        }
        XCTAssertEqual(given["build.role"], Mark.existing.phrase.text(.en))
        XCTAssertEqual(given["pipeline.role"], Mark.created.phrase.text(.en))
        XCTAssertEqual(given["network.security_group"], Mark.existing.phrase.text(.en))
        XCTAssertEqual(given["source.repository"], Mark.existing.phrase.text(.en))
        XCTAssertEqual(given["source.branch"], "", "no sample app is committed to a repository vpcpipe did not create")
        XCTAssertEqual(given["codeartifact.upstream"], "", "no upstream")
        XCTAssertEqual(given["network.route_tables"], "", "no S3 gateway joins them")
        XCTAssertEqual(given["endpoints.existing"], "", "some created, one existing")
        XCTAssertEqual(marks { $0.network.securityGroup = .vpcDefault }["network.security_group"], Mark.existing.phrase.text(.en))
    }

    func testTheMarksFollowTheAnswersWhenTheReviewIsLeftAndEntered() {
        var state = Drive.on(.review)
        XCTAssertEqual(Review.items(state).first { $0.path == "codeartifact.domain" }?.mark, .created)
        state.answers.codeartifact.domainOwner = "123456789012"
        state.go(to: .review, field: 0)
        state.renderIfShown()
        XCTAssertEqual(Review.items(state).first { $0.path == "codeartifact.domain" }?.mark, .existing)
    }

    /// The wizard's whole-number field, on the one whole number the answers hold.
    func testAnIntegerInputTakesDigitsOnly() {
        let input = IntegerInput(value: .answer(\.version))
        var state = Drive.start()
        for key in [Key.backspace, .character("4"), .character("x"), .character("-"), .character("2")] {
            XCTAssertTrue(input.handle(key, &state))
        }
        XCTAssertEqual(state.answers.version, 42)
        XCTAssertFalse(input.handle(.enter, &state))
        for _ in 0..<2 { XCTAssertTrue(input.handle(.backspace, &state)) }
        XCTAssertEqual(state.edit.buffer, "")
        XCTAssertEqual(state.answers.version, 4, "an empty field keeps the last number it made")
        for _ in 0..<12 { XCTAssertTrue(input.handle(.character("9"), &state)) }
        XCTAssertEqual(state.answers.version, 999_999_999)
        XCTAssertEqual(input.summary(state), "999999999")
    }
}
