import TestSupport
import XCTest
@testable import Planner

/// Each resource setup.sh creates carries vpcpipe's tag from the call that creates it: a fault
/// between a create and a later tagging call would leave it looking like someone else's, which
/// the next run refuses and teardown keeps.
final class TagOnCreateTests: XCTestCase {
    func testEveryTaggedResourceIsTaggedByTheCallThatCreatesIt() {
        for (label, answers) in RenderScriptTests.mixes() {
            var extra = answers
            extra.tags = [Answers.Tag(key: "Team", value: "a b")]
            let plan = Planner.plan(extra)
            var checked: [String] = []
            for step in plan.steps where step.check?.tag != nil {
                let create = step.create.first?.commands.first
                let tags = create?.options.first { ["tags", "tag-specifications", "create-bucket-configuration"].contains($0.name) }
                let text = tags?.values.map(\.display).joined() ?? ""
                XCTAssertTrue(text.contains("vpcpipe") && text.contains("Private") && text.contains("Team") && text.contains("a b"),
                              "\(label): \(step.id.rawValue) is created untagged: \(create?.argv ?? [])")
                checked.append(step.id.rawValue)
            }
            XCTAssertTrue(checked.contains("artifact-bucket"), label)
            let actions: [Action] = plan.steps.flatMap { $0.create + $0.always + $0.complete }
            let tagging: [String] = actions.flatMap(\.commands).map(\.operation).filter { $0.contains("tag") }
            XCTAssertEqual(tagging, [], "\(label): tagged after the create")
        }
    }
}
