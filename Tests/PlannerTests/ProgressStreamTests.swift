import Foundation
import TestSupport
import XCTest
@testable import Planner

/// The scripts' progress stream (docs/progress.md), read back from dry runs: the steps planned,
/// then every step in order with its title, each done, then `done`; nothing anywhere without VPCPIPE_PROGRESS_FD.
/// (IntegrationTests read it from runs against the emulation: calls, waits, failures, stops.)
final class ProgressStreamTests: XCTestCase {
    func testEachLineParses() {
        XCTAssertEqual(ProgressEvent(line: "step 3/21 CodeBuild service role"), .step(number: 3, total: 21, title: "CodeBuild service role"))
        XCTAssertEqual(ProgressEvent(line: "step 1/2 "), .step(number: 1, total: 2, title: ""))
        XCTAssertEqual(ProgressEvent(line: "plan 2/21 CodePipeline service role"), .planned(number: 2, total: 21, title: "CodePipeline service role"))
        XCTAssertEqual(ProgressEvent(line: "step-done 3"), .stepDone(3))
        XCTAssertEqual(ProgressEvent(line: "command aws iam create-role"), .command("aws iam create-role"))
        XCTAssertEqual(ProgressEvent(line: "wait 2 not available yet; checking again in 15s"), .wait("2 not available yet; checking again in 15s"))
        XCTAssertEqual(ProgressEvent(line: "error An error occurred (AccessDenied) when calling"), .error("An error occurred (AccessDenied) when calling"))
        XCTAssertEqual(ProgressEvent(line: "failed 7 254"), .failed(step: 7, status: 254))
        XCTAssertEqual(ProgressEvent(line: "stopped 8"), .stopped(before: 8))
        XCTAssertEqual(ProgressEvent(line: "done"), .done)
        for line in ["", "step", "step x/2 t", "step 1 t", "step-done", "failed 1", "done now", "finished 1", "stopped x"] {
            XCTAssertNil(ProgressEvent(line: line), line)
        }
    }

    /// Setup's, teardown's and verify's dry runs for every mix of answers.
    func testADryRunStreamsEveryStepInOrderThenDone() throws {
        let work = try temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(at: work) }
        let sandbox = try DryRunSandbox(in: work)
        for (label, answers) in RenderScriptTests.mixes() {
            let folder = try write(Outputs.render(answers), to: work.appendingPathComponent(label))
            let plan = Planner.plan(answers)
            let titles: [String: [String]] = [
                "setup.sh": plan.steps.map(\.title),
                "teardown.sh": plan.steps.reversed().filter { !$0.teardown.isEmpty }.map { "Remove: " + $0.title },
            ]
            for script in ["setup.sh", "teardown.sh", "verify.sh"] {
                let stream = work.appendingPathComponent("\(label)-\(script).progress")
                let run = try runProgram("/bin/bash", ProgressStream.arguments(running: ["/bin/bash", folder.appendingPathComponent(script).path, "--dry-run"], to: stream),
                                         environment: sandbox.environment.merging(ProgressStream.variable) { $1 }, in: sandbox.folder)
                XCTAssertEqual(run.status, 0, "\(label) \(script): \(run.summary)")
                let events = ProgressEvent.events(try String(contentsOf: stream, encoding: .utf8))
                let steps = events.compactMap { if case .step(let number, let total, let title) = $0 { (number, total, title) } else { nil } }
                XCTAssertFalse(steps.isEmpty, "\(label) \(script)")
                XCTAssertEqual(steps.map(\.0), Array(1...steps.count), "\(label) \(script): steps in order")
                XCTAssertEqual(Set(steps.map(\.1)), [steps.count], "\(label) \(script): N is the count of steps")
                if let expected = titles[script] { XCTAssertEqual(steps.map(\.2), expected, "\(label) \(script)") }
                var expected: [ProgressEvent] = steps.map { .planned(number: $0.0, total: $0.1, title: $0.2) }
                for (number, total, title) in steps { expected += [.step(number: number, total: total, title: title), .stepDone(number)] }
                XCTAssertEqual(events, expected + [.done], "\(label) \(script): the steps planned, each done, then done")
            }
        }
        XCTAssertFalse(sandbox.awsWasCalled)
    }

    /// Without VPCPIPE_PROGRESS_FD the descriptor stays untouched, and a value that is not a
    /// number is no file name: nothing is written anywhere.
    func testNothingIsWrittenWithoutANumberedDescriptor() throws {
        let work = try temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(at: work) }
        let sandbox = try DryRunSandbox(in: work)
        let folder = try write(Outputs.render(Article.answers), to: work.appendingPathComponent("article"))
        let stream = work.appendingPathComponent("stream")
        for value in [nil, "", "x", "3 ", "progress.txt"] {
            var environment = sandbox.environment
            environment["VPCPIPE_PROGRESS_FD"] = value
            let run = try runProgram("/bin/bash", ProgressStream.arguments(running: ["/bin/bash", folder.appendingPathComponent("setup.sh").path, "--dry-run"], to: stream),
                                     environment: environment, in: sandbox.folder)
            XCTAssertEqual(run.status, 0, "\(value ?? "unset"): \(run.summary)")
            XCTAssertEqual(try Data(contentsOf: stream), Data(), "\(value ?? "unset")")
            XCTAssertEqual(try sandbox.leftovers(), [], "\(value ?? "unset")")
        }
    }
}
