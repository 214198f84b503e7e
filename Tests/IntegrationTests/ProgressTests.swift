import Foundation
import Planner
import TestSupport
import XCTest

/// The progress stream (docs/progress.md) of setup.sh and teardown.sh running against the
/// emulation: every step in order with the calls it makes, a wait, a failure with AWS's message,
/// and a stop between steps that a second run resumes from. (ProgressStreamTests read dry runs.)
final class ProgressTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    private func read(_ file: URL) throws -> [ProgressEvent] {
        ProgressEvent.events(try String(contentsOf: file, encoding: .utf8))
    }

    private func steps(_ events: [ProgressEvent]) -> [Int] {
        events.compactMap { if case .step(let number, _, _) = $0 { number } else { nil } }
    }

    func testSetupAndTeardownStreamEveryStepItsCallsAndAWait() async throws {
        let plan = Planner.plan(try AnswersFile.read(String(contentsOf: pipeline.out.appendingPathComponent("answers.yaml"), encoding: .utf8)).answers)
        try await emulator.inject(.init(operation: "codebuild:CreateProject", error: "InvalidInputException",
                                        message: "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/x", times: 1))
        let stream = work.appendingPathComponent("setup.progress")
        let setup = try pipeline.run("setup.sh", progress: stream)
        XCTAssertEqual(setup.status, 0, setup.summary)
        let events = try read(stream)
        XCTAssertEqual(steps(events), Array(1...plan.steps.count))
        XCTAssertEqual(events.compactMap { if case .step(_, _, let title) = $0 { title } else { nil } }, plan.steps.map(\.title))
        XCTAssertEqual(events.last, .done)
        XCTAssertTrue(events.contains(.wait("IAM changes are still propagating; trying again in 2s")), "\(events)")
        // Each step's calls come between its start and its end.
        let project = try XCTUnwrap(plan.steps.firstIndex { $0.id == .buildProject }) + 1
        let start = try XCTUnwrap(events.firstIndex { if case .step(project, _, _) = $0 { true } else { false } })
        let end = try XCTUnwrap(events.firstIndex(of: .stepDone(project)))
        XCTAssertTrue(events[start..<end].contains(.command("aws codebuild create-project")), "\(events[start..<end])")
        // Each call named is one the emulation served.
        let served = Set(try await emulator.calls())
        for case .command(let command) in events {
            let words = command.split(separator: " ")
            let service: String = words[1] == "s3api" ? "s3" : String(words[1])
            let action: String = words[2].split(separator: "-").map { (word: Substring) -> String in word.prefix(1).uppercased() + word.dropFirst() }.joined()
            let operation = service + ":" + action
            XCTAssertTrue(served.contains(operation), "\(command) was not served")
        }

        let down = work.appendingPathComponent("teardown.progress")
        XCTAssertEqual(try pipeline.run("teardown.sh", progress: down).status, 0)
        XCTAssertEqual(try read(down).last, .done)
    }

    /// A failed call: AWS's message as `error` lines, then the step and status; a second run,
    /// the fault gone, completes.
    func testAFailureStreamsAWSsMessageAndTheStep() async throws {
        let refusal = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: logs:CreateLogGroup"
        try await emulator.inject(.init(operation: "logs:CreateLogGroup", error: "AccessDeniedException", message: refusal, times: 1))
        let stream = work.appendingPathComponent("setup.progress")
        let setup = try pipeline.run("setup.sh", progress: stream)
        XCTAssertNotEqual(setup.status, 0)
        let plan = Planner.plan(try AnswersFile.read(String(contentsOf: pipeline.out.appendingPathComponent("answers.yaml"), encoding: .utf8)).answers)
        let step = try XCTUnwrap(plan.steps.firstIndex { $0.id == .logGroup }) + 1
        let events = try read(stream)
        XCTAssertEqual(events.last, .failed(step: step, status: setup.status), "\(events.suffix(5))")
        XCTAssertTrue(events.contains(.error("An error occurred (AccessDeniedException) when calling the CreateLogGroup operation: \(refusal)")),
                      "\(events.suffix(5))")
        XCTAssertTrue(events.contains(.error("setup failed at step \(step): \(plan.steps[step - 1].title)")), "\(events.suffix(5))")
        XCTAssertEqual(try pipeline.run("setup.sh", progress: stream).status, 0)
        XCTAssertEqual(try read(stream).last, .done)
    }

    /// SIGUSR1 during a step: the step finishes, the script stops before the next with status
    /// 130 and `stopped K`; a second run resumes and completes the pipeline.
    func testAStopBetweenStepsIsResumedByASecondRun() throws {
        let stream = work.appendingPathComponent("setup.progress")
        let environment = pipeline.aws.environment.merging(ProgressStream.variable) { $1 }
        let child = try Child(["/bin/bash"] + ProgressStream.arguments(running: ["bash", pipeline.out.appendingPathComponent("setup.sh").path, "--yes"], to: stream),
                              environment: environment, in: work, output: work.appendingPathComponent("setup.out"))
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !((try? read(stream)) ?? []).contains(where: { if case .step(3, _, _) = $0 { true } else { false } }) {
            usleep(50_000)
        }
        child.signal(SIGUSR1)
        let status = child.wait(limit: 300)
        XCTAssertEqual(status.exitStatus, 130, (try? String(contentsOf: work.appendingPathComponent("setup.out"), encoding: .utf8)) ?? "")
        let stopped = try read(stream)
        guard case .stopped(let before)? = stopped.last else { return XCTFail("not stopped: \(stopped.suffix(4))") }
        XCTAssertGreaterThanOrEqual(before, 4)
        XCTAssertEqual(stopped.dropLast().last, .stepDone(before - 1), "the step before finished: \(stopped.suffix(4))")
        XCTAssertFalse(stopped.contains { if case .failed = $0 { true } else { false } })
        let output = try String(contentsOf: work.appendingPathComponent("setup.out"), encoding: .utf8)
        XCTAssertTrue(output.hasSuffix("setup.sh stopped before step \(before) as asked; run it again to go on from there.\n"), output)

        let resumed = try pipeline.run("setup.sh", progress: stream)
        XCTAssertEqual(resumed.status, 0, resumed.summary)
        XCTAssertEqual(try read(stream).last, .done)
        _ = try pipeline.assertPipeline()
    }
}
