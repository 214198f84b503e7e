import Foundation
import TestSupport
import XCTest

/// AWS fails setup.sh in the middle: at a call of the plan the emulator answers once with an
/// access error or throttling. setup.sh must stop, naming the step and AWS's error; run again,
/// it must go on from there and complete, with nothing created twice. teardown.sh after a
/// partial setup removes what exists and exits 0.
///
/// CI runs a chained sweep: faults at points in plan order, each run stopping at the next
/// point, so that all of them cost about one setup; then a fault during teardown.
/// `VPCPIPE_FULL_SWEEP=1 swift test --filter FaultSweep` fails every call of the plan, each
/// followed by a full rerun.
final class FaultSweepTests: EmulatorTestCase {
    override class var rendersArticlePipeline: Bool { true }

    /// The AWS CLI's own retries are off, so that the one failure the emulator injects reaches
    /// the script (its default would retry a throttled call and hide it).
    private let oneAttempt = ["AWS_MAX_ATTEMPTS": "1"]

    func testSetupStopsAtEachFaultAndResumes() async throws {
        let started = Date()
        let plan = try PlannedSetup.read(from: pipeline.out)
        let all = try plan.points()
        var sweep = Sweep(pipeline: pipeline, emulator: emulator, creating: try plan.creatingOperations(),
                          roles: try plan.roles(account: pipeline.account), environment: oneAttempt)
        if ProcessInfo.processInfo.environment["VPCPIPE_FULL_SWEEP"] == "1" {
            try await fullSweep(all, sweep: &sweep, started: started)
        } else {
            try await chainedSweep(all, sweep: &sweep, started: started)
        }
    }

    /// One run a point: each stops at its point and resumes past the previous one. The last run
    /// completes; every creating call reached AWS once; teardown, failed once, stops naming its
    /// step, and run again removes everything; a third run finds nothing to do.
    private func chainedSweep(_ all: [FaultPoint], sweep: inout Sweep, started: Date) async throws {
        let chain = all.chain()
        for (index, point) in chain.enumerated() {
            try await sweep.fail(point, with: FaultPoint.ErrorKind.allCases[index % 2])
        }
        try await sweep.complete()
        _ = try pipeline.assertPipeline()

        // A fault during teardown: the build project's deletion, in the middle of the removal.
        try await emulator.inject(Emulator.Fault(operation: "codebuild:DeleteProject", error: "ThrottlingException",
                                                 message: "Rate exceeded (injected in teardown)", times: 1))
        let stopped = try pipeline.run("teardown.sh", environment: oneAttempt)
        try await emulator.clearFaults()
        XCTAssertNotEqual(stopped.status, 0, "teardown.sh went on after a failed delete-project")
        XCTAssertTrue(stopped.stderr.contains("ThrottlingException") && stopped.stderr.contains("Rate exceeded (injected in teardown)"),
                      "teardown.sh did not show AWS's error:\n\(stopped.stderr)")
        XCTAssertTrue(stopped.stderr.contains("teardown failed at step") && stopped.stderr.contains("Remove: CodeBuild project"),
                      "teardown.sh did not name its step:\n\(stopped.stderr)")
        for run in ["second", "third"] {
            let result = try pipeline.run("teardown.sh", environment: oneAttempt)
            XCTAssertEqual(result.status, 0, "the \(run) teardown.sh failed: \(result.summary)")
            try pipeline.assertRemoved(roles: sweep.roles)
        }

        let report = sweep.report(of: chain, total: all.count, seconds: Date().timeIntervalSince(started))
        print(report)
        XCTAssertEqual(sweep.bugs, [], report)
        XCTAssertEqual(sweep.survived.count, chain.count, report)
    }

    /// Every point on its own: a failing run and a full rerun each, with teardowns along the way.
    private func fullSweep(_ points: [FaultPoint], sweep: inout Sweep, started: Date) async throws {

        // While setup is being built: every call that runs when something is created.
        let building = points.filter { !$0.role.needsCompleteSetup }
        // A teardown early in the sample, when little exists, costs the least to build up again.
        let firstCreation = building.firstIndex { $0.role == .create } ?? 0
        let teardownAfter = Set(stride(from: firstCreation, to: building.count, by: 10))
        for (index, point) in building.enumerated() {
            try await sweep.fail(point, with: FaultPoint.ErrorKind.allCases[index % 2])
            if teardownAfter.contains(index) { try await sweep.tearDownPartialSetup() }
        }
        try await sweep.complete()
        let built = try pipeline.assertPipeline()

        // Once setup is complete: every check, which a run that finds everything still makes,
        // and the calls made only when something is found.
        let standing = points.filter { $0.role.needsCompleteSetup }
        let callsBefore = try await emulator.callLog().calls.count
        for (index, point) in standing.enumerated() {
            try await sweep.fail(point, with: FaultPoint.ErrorKind.allCases[index % 2])
        }
        try await sweep.complete()
        let creates = try await emulator.callLog().served(from: callsBefore).filter { sweep.creating[$0] != nil }
        XCTAssertEqual(creates, [], "setup.sh created again after a failed check on a complete setup")
        XCTAssertEqual(try pipeline.snapshot(), built.ids, "faults on a complete setup changed its resources")

        let report = sweep.report(of: points, total: points.count, seconds: Date().timeIntervalSince(started))
        print(report)
        XCTAssertEqual(sweep.bugs, [], report)
    }
}

/// Runs setup.sh once per fault point, each run resuming from where the previous one stopped,
/// and keeps what went wrong in words a script author can act on.
private struct Sweep {
    let pipeline: ArticlePipeline
    let emulator: Emulator
    /// Operations only creating calls use, and how many such calls the plan has.
    let creating: [String: Int]
    /// The ARNs of the roles setup.sh creates.
    let roles: Set<String>
    let environment: [String: String]

    private(set) var bugs: [String] = []
    private(set) var survived: [(point: FaultPoint, kind: FaultPoint.ErrorKind, how: String)] = []
    /// Where in the call log the current attempt at a complete setup began.
    private var segmentStart = 0
    /// Whether the last run completed, so that creating calls of later points will not run.
    private var complete = false

    init(pipeline: ArticlePipeline, emulator: Emulator, creating: [String: Int], roles: Set<String>, environment: [String: String]) {
        self.pipeline = pipeline; self.emulator = emulator; self.creating = creating; self.roles = roles
        self.environment = environment
    }

    /// Fails `point` once and runs setup.sh, which must stop there naming the step and the error.
    mutating func fail(_ point: FaultPoint, with kind: FaultPoint.ErrorKind) async throws {
        if complete && !point.role.needsCompleteSetup && !point.role.everyRun {
            try await startOver()
        }
        let before = try await emulator.callLog().calls.count, survivedBefore = survived.count
        try await emulator.inject(point.fault(kind))
        let result = try pipeline.run("setup.sh", environment: environment)
        let log = try await emulator.callLog()
        try await emulator.clearFaults()
        let fired = log.faulted.contains { $0 >= before }
        let (code, message) = point.error(kind)
        let named = point.step == 0 || result.stderr.contains("step \(point.step): \(point.title)")
        let place = "\(point) with \(code)"

        switch (fired, result.status == 0) {
        case (true, false):
            // A HEAD request's error has no body: the AWS CLI shows only its HTTP status.
            let shown = point.operation.hasPrefix("Head")
                ? result.stderr.contains("when calling the \(point.operation) operation")
                : result.stderr.contains(code) && result.stderr.contains(message)
            if named && shown {
                survived.append((point, kind, "stopped"))
            } else {
                bugs.append("\(place): setup.sh stopped but did not name \(named ? "" : "step \(point.step) (\(point.title)) ")"
                            + "\(result.stderr.contains(message) ? "" : "AWS's error") :\n\(tail(result.stderr))")
            }
        case (true, true):
            if result.stdout.contains("trying again") {
                survived.append((point, kind, "retried"))
            } else {
                bugs.append("\(place): setup.sh went on as if the call had succeeded and completed")
            }
        case (false, true):
            bugs.append("\(place): setup.sh completed without making this call (a rerun skipped it)")
        case (false, false):
            bugs.append("\(place): setup.sh stopped before reaching the call:\n\(tail(result.stderr))")
        }
        print("fault sweep: \(place): \(survived.count > survivedBefore ? survived[survivedBefore].how : "BUG")")
        if result.status == 0 {
            try await completed(at: log)
        } else if !fired {
            try await startOver()  // stopped somewhere unplanned: begin again from nothing
        }
    }

    /// Runs setup.sh with no fault: it must complete what the previous runs began.
    mutating func complete() async throws {
        let result = try pipeline.run("setup.sh", environment: environment)
        guard result.status == 0 else {
            throw Failure("setup.sh did not complete after the faults: \(result.summary)")
        }
        try await completed(at: try await emulator.callLog())
    }

    /// A complete setup: every creating call since the last start must have reached AWS exactly once.
    private mutating func completed(at log: Emulator.CallLog) async throws {
        if !complete {
            var counts: [String: Int] = [:]
            for call in log.served(from: segmentStart) where creating[call] != nil { counts[call, default: 0] += 1 }
            for (operation, planned) in creating.sorted(by: { $0.key < $1.key }) where counts[operation, default: 0] != planned {
                bugs.append("\(operation) reached AWS \(counts[operation, default: 0]) times while the plan creates with it \(planned) times")
            }
        }
        complete = true
    }

    /// teardown.sh after a partial setup: it exits 0 and removes all that setup.sh had made.
    mutating func tearDownPartialSetup() async throws {
        let result = try pipeline.run("teardown.sh", environment: environment)
        if result.status != 0 {
            bugs.append("teardown.sh after a partial setup failed: \(tail(result.stderr))")
        }
        try pipeline.assertRemoved(roles: roles)
        try await begin()
    }

    /// Removes everything (teardown.sh must manage) so that creating calls run again.
    private mutating func startOver() async throws {
        let result = try pipeline.run("teardown.sh", environment: environment)
        if result.status != 0 {
            bugs.append("teardown.sh failed: \(tail(result.stderr))")
        }
        try await begin()
    }

    private mutating func begin() async throws {
        segmentStart = try await emulator.callLog().calls.count
        complete = false
    }

    private func tail(_ text: String) -> String {
        text.split(separator: "\n").suffix(4).joined(separator: "\n")
    }

    /// The counts the issue asks for: fault points survived, by step, service and error kind.
    func report(of points: [FaultPoint], total: Int, seconds: TimeInterval) -> String {
        func counted(_ key: (FaultPoint, FaultPoint.ErrorKind) -> String) -> String {
            Dictionary(grouping: survived, by: { key($0.point, $0.kind) }).map { "\($0.key) \($0.value.count)" }.sorted()
                .joined(separator: ", ")
        }
        return """
            Fault sweep: \(points.count) of \(total) fault points in \(Int(seconds))s; \(survived.count) survived, \(bugs.count) bugs.
              by step: \(counted { point, _ in point.stepID })
              by service: \(counted { point, _ in point.service })
              by error: \(counted { point, kind in "\(kind.rawValue) (\(point.error(kind).code))" })
              by outcome: \(Dictionary(grouping: survived, by: \.how).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", "))
            \(bugs.map { "BUG " + $0 }.joined(separator: "\n"))
            """
    }
}
