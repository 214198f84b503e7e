import TestSupport
import XCTest
@testable import Planner

/// What teardown.sh removes beyond what setup.sh created, and what it leaves on purpose.
final class TeardownTests: XCTestCase {
    /// The operations of a step's teardown, nested actions included, in order.
    private func operations(_ plan: Plan, _ id: StepID) -> [String] {
        plan.step(id)!.teardown.flatMap(\.commands).map(\.operation)
    }

    func testTheBuildGroupLosesTheInterfacesCodeBuildLeftBeforeItIsDeleted() throws {
        let plan = Planner.plan(Article.answers)
        XCTAssertEqual(operations(plan, .buildSecurityGroup), [
            "describe-security-groups", "describe-network-interfaces", "delete-network-interface",
            "describe-network-interfaces", "delete-security-group",
        ])
        guard case .ifFound("BUILD_SG", let actions) = plan.step(.buildSecurityGroup)!.teardown[1],
              case .deleteEach(let list, let fields, let delete) = actions[0] else {
            return XCTFail("the build group's teardown deletes no interfaces first")
        }
        XCTAssertEqual(list.value("filters"), #"[{"Name":"group-id","Values":["${BUILD_SG}"]}]"#)
        // Detached ones only, and never one AWS manages for another service.
        XCTAssertEqual(list.value("query"), "NetworkInterfaces[?Status=='available' && !RequesterManaged].[NetworkInterfaceId]")
        XCTAssertEqual(fields, ["INTERFACE"])
        XCTAssertEqual(delete.argv, ["aws", "ec2", "delete-network-interface", "--network-interface-id", "${INTERFACE}"])
        // The endpoints' interfaces are the endpoints': they go with them, and are only awaited.
        XCTAssertEqual(operations(plan, .endpointSecurityGroup),
                       ["describe-security-groups", "describe-network-interfaces", "delete-security-group"])
    }

    func testTeardownDeletesEachInterfaceItListsAndSaysTheVPCKeepsItsDNS() {
        let teardown = ScriptRenderer.render(.teardown, Planner.plan(Article.answers))
        XCTAssertTrue(teardown.contains("""
              while IFS=$'\\t' read -r INTERFACE; do
                if [ -n "$INTERFACE" ] && [ "$INTERFACE" != None ]; then
                  call ec2 delete-network-interface --network-interface-id "$INTERFACE"
                fi
              done <<< "$OUT"
            """), teardown)
        XCTAssertTrue(teardown.hasSuffix("""
            echo 'Teardown is complete.'
            echo 'DNS support and DNS host names stay on in vpc-0123456789abcdef0: setup.sh turned them on for the endpoints'\\'' private DNS, but they are the VPC'\\''s, and other workloads may rely on them; turn them off in the VPC'\\''s settings only if nothing needs them.'

            """), String(teardown.suffix(400)))
    }

    func testWithoutPrivateDNSTeardownSaysNothingOfTheVPCsDNS() {
        var answers = Article.answers
        answers.endpoints.privateDNS = false
        let teardown = ScriptRenderer.render(.teardown, Planner.plan(answers))
        XCTAssertTrue(teardown.hasSuffix("echo 'Teardown is complete.'\n"), String(teardown.suffix(200)))
    }
}
