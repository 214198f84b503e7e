import Planner
import XCTest
@testable import Wizard

/// A script's run as its progress stream tells it, without a process: marks, times, waits,
/// the call in progress, and each way it ends.
final class ScriptRunTests: XCTestCase {
    private func run(_ lines: [String], at times: [Double]? = nil) -> ScriptRun {
        var run = ScriptRun(script: "setup.sh", started: 0)
        for (index, line) in lines.enumerated() {
            run.apply(ProgressEvent(line: line)!, at: times?[index] ?? Double(index))
        }
        return run
    }

    func testStepsArePlannedThenMarkedAsTheyRun() {
        let partway = run(["plan 1/3 Read", "plan 2/3 Create", "plan 3/3 Wait", "step 1/3 Read", "command aws sts get-caller-identity",
                           "step-done 1", "step 2/3 Create", "wait IAM changes are still propagating; trying again in 2s"],
                          at: [0, 0, 0, 1, 1.5, 4, 4, 5])
        XCTAssertEqual(partway.steps.map(\.title), ["Read", "Create", "Wait"])
        XCTAssertEqual(partway.steps.map(\.mark), [.done, .running, .waiting])
        XCTAssertEqual(partway.steps[0].seconds, 3)
        XCTAssertEqual(partway.steps[1].started, 4)
        XCTAssertEqual(partway.waiting, "IAM changes are still propagating; trying again in 2s")
        XCTAssertNil(partway.command, "a new step clears the call of the one before")
        XCTAssertEqual(partway.fraction, 1.0 / 3.0)
        XCTAssertEqual(partway.current?.number, 2)
        XCTAssertTrue(partway.isRunning)
        XCTAssertEqual(partway.elapsed(at: 9), 9)
    }

    func testEachEnding() {
        let done = run(["plan 1/1 Only", "step 1/1 Only", "step-done 1", "done"])
        XCTAssertEqual(done.outcome, .completed)
        XCTAssertEqual(done.status, 0)
        XCTAssertEqual(done.fraction, 1)

        let failed = run(["plan 1/2 A", "plan 2/2 B", "step 1/2 A", "step-done 1", "step 2/2 B", "command aws iam create-role",
                          "error An error occurred (AccessDenied) when calling the CreateRole operation: no", "error setup failed at step 2: B",
                          "failed 2 254"])
        XCTAssertEqual(failed.outcome, .failed(step: 2, status: 254))
        XCTAssertEqual(failed.steps.map(\.mark), [.done, .failed])
        XCTAssertEqual(failed.errors, ["An error occurred (AccessDenied) when calling the CreateRole operation: no", "setup failed at step 2: B"])
        XCTAssertNil(failed.command)
        XCTAssertEqual(failed.status, 254)

        // Preflight reading a later step's check fails within the step running.
        let reading = run(["plan 1/3 Read", "step 1/3 Read", "failed 3 1"])
        XCTAssertEqual(reading.steps.map(\.mark), [.failed, .waiting, .waiting])

        let stopped = run(["plan 1/2 A", "step 1/2 A", "step-done 1", "stopped 2"])
        XCTAssertEqual(stopped.outcome, .stopped(before: 2))
        XCTAssertEqual(stopped.status, 130)
        XCTAssertEqual(stopped.steps.map(\.mark), [.done, .waiting])

        var killed = run(["plan 1/2 A", "step 1/2 A"])
        killed.exited(143, at: 10)
        XCTAssertEqual(killed.outcome, .ended(status: 143))
        XCTAssertEqual(killed.steps.map(\.mark), [.failed, .waiting])
        var after = done
        after.exited(0, at: 10)
        XCTAssertEqual(after.outcome, .completed, "the process's end changes no outcome the stream gave")
    }
}
