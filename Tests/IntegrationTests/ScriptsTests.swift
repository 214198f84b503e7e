import Foundation
import TestSupport
import XCTest

/// The built binary renders the article's answers for an emulated VPC; setup.sh then creates
/// every planned resource, a second run creates nothing, teardown.sh removes all of it but the
/// operator's network, and a second teardown is harmless.
final class ScriptsTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    func testSetupCreatesThePlanAndTeardownRemovesIt() async throws {

        try pipeline.runSucceeding("setup.sh")
        let created = try pipeline.assertPipeline()

        let callsBefore = try await emulator.calls().count
        try pipeline.runSucceeding("setup.sh")
        let secondRun = try await emulator.calls().dropFirst(callsBefore)
        XCTAssertEqual(try pipeline.snapshot(), created.ids, "a second setup.sh changed resources")
        let creations = secondRun.filter { call in
            let operation = call.split(separator: ":").last.map(String.init) ?? ""
            return operation.hasPrefix("Create") || ["PutFile", "AssociateExternalConnection"].contains(operation)
        }
        XCTAssertEqual(creations, [], "a second setup.sh created again")

        try pipeline.runSucceeding("teardown.sh")
        try pipeline.assertRemoved(roles: created.roles)
        XCTAssertTrue(try pipeline.network.exists(with: pipeline.aws), "teardown.sh removed the operator's VPC, subnets or route table")
        try pipeline.runSucceeding("teardown.sh")
    }
}
