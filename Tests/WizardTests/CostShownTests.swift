import Foundation
import Planner
import TestSupport
import XCTest
@testable import Wizard

/// What the answers cost, where a person sees it: the endpoints screen's running figure follows
/// what is ticked and the zones, and the wizard's endpoints, review and export screens,
/// setup.sh's confirmation, checklist.md and plan.json say the same total for the same answers.
final class CostShownTests: XCTestCase {
    /// A frame's text with its wrapped lines joined, to find a sentence the view wrapped.
    private func unwrapped(_ frame: Frame) -> String {
        frame.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func testTheEndpointsScreensFigureFollowsTicksAndZones() {
        var state = Drive.on(.endpoints)
        XCTAssertTrue(unwrapped(view(state)).contains("Standing cost: $58.40 a month, 4 interface endpoints x 2 zones"))
        // Space ticks logs, the first endpoint: the VPC has it, none is created.
        state = update(state, .key(.character(" ")))
        let ticked = unwrapped(view(state))
        XCTAssertTrue(ticked.contains("Standing cost: $43.80 a month, 3 interface endpoints x 2 zones"), ticked)
        XCTAssertTrue(ticked.contains("Ticked as existing, not created: logs: $14.60 a month saved."), ticked)
        // One subnet is one zone.
        state.answers.network.subnets = [Drive.networked.network.subnets[0]]
        state.go(to: .endpoints, field: 1)
        state.renderIfShown()
        let oneZone = unwrapped(view(state))
        XCTAssertTrue(oneZone.contains("Standing cost: $21.90 a month, 3 interface endpoints x 1 zone x 730 h x $0.01"), oneZone)
        XCTAssertFalse(oneZone.contains("One zone"), "no zone fewer than one")
    }

    func testTheSameTotalEverywhereForTheSameAnswers() throws {
        var existing = Drive.networked
        existing.endpoints.existing = [.sts]
        var frankfurt = Drive.networked
        frankfurt.region = "eu-central-1"
        frankfurt.network.subnets.append("subnet-0aaaaaaaaaaaaaaa1")
        let online: [String: [PriceKey: UnitPrice]] = ["us-west-2": [.endpointHour: UnitPrice(usd: 0.0105, origin: .online(date: "2026-12-01"))]]
        for (name, answers, prices) in [("article", Drive.networked, [:]), ("sts existing", existing, [:]),
                                        ("eu-central-1, 3 zones", frankfurt, [:]), ("online prices", Drive.networked, online)] {
            let plan = Planner.plan(answers, online: prices[answers.region] ?? [:])
            let headline = CostText.headline(plan)
            XCTAssertTrue(headline.hasPrefix("Standing cost: $"), "\(name): \(headline)")
            for screen in [ScreenID.endpoints, .review, .export] {
                var state = Drive.on(screen, answers)
                state.onlinePrices = prices
                state.renderIfShown()
                XCTAssertTrue(unwrapped(view(state)).contains(headline), "\(name): the \(screen) screen shows \(headline)")
            }
            let files = Dictionary(uniqueKeysWithValues: Outputs.render(answers, online: prices[answers.region] ?? [:]).map { ($0.path, $0.contents) })
            XCTAssertTrue(files["setup.sh"]!.contains("echo \(Shell.quote(.text(headline)))\n"), "\(name): setup.sh's confirmation")
            XCTAssertTrue(files["checklist.md"]!.contains(headline + "\n"), "\(name): checklist.md")
            let json = try JSONDecoder().decode(PlanJSON.Document.self, from: Data(files["plan.json"]!.utf8))
            XCTAssertEqual(json.cost?.standing, headline, "\(name): plan.json")
            XCTAssertEqual(json.cost?.standingMonthly, CostText.cents(plan.cost!.standingMonthly), "\(name): plan.json")
        }
    }

    func testTheConfirmationSaysTheCostJustBeforeTheQuestion() throws {
        let setup = Outputs.render(Drive.networked).first { $0.path == "setup.sh" }!.contents
        let question = try XCTUnwrap(setup.range(of: "read -r -p 'Create these resources? [y/N] '"))
        let cost = try XCTUnwrap(setup.range(of: "echo 'Standing cost: $58.40 a month"))
        let before = setup[cost.lowerBound..<question.lowerBound]
        XCTAssertFalse(before.contains("mark "), "no resource listed between the cost and the question:\n\(before)")
    }
}
