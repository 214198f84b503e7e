import Planner
import XCTest
@testable import Wizard

/// After export, the progress screen as the driver feeds it (no process, no terminal): the
/// question, setup.sh then verify.sh, the marks, bar and times, the verdict, a failure with
/// AWS's error and what to do, a stop asked by Ctrl-C, and the output one key away.
final class RunScreenTests: XCTestCase {
    private func exported() -> WizardState {
        update(Drive.on(.export), .exported(files: 23, folder: "vpcpipe-out"))
    }

    private func run(_ lines: [String], at time: Double, on state: WizardState) -> WizardState {
        update(state, .run(.progress(lines.map { ProgressEvent(line: $0)! }, at: time)))
    }

    private let planned = ["plan 1/3 Read the account", "plan 2/3 CodeBuild service role", "plan 3/3 CodePipeline Private"]

    func testTheQuestionDefaultsToNo() {
        let state = exported()
        XCTAssertTrue(view(state).text.contains("Run setup.sh now, then verify.sh? [y/N]"))
        for key in [Key.enter, .escape, .character("n"), .character("x")] {
            XCTAssertEqual(update(state, .key(key)).exit, .exported, "\(key)")
        }
        let yes = update(state, .key(.character("y")))
        XCTAssertEqual(yes.mode, .running)
        XCTAssertNil(yes.exit)
        XCTAssertEqual(yes.request, .run(.start(folder: "vpcpipe-out", script: "setup.sh", arguments: ["--yes"])))
    }

    func testSetupThenVerifyEndOnTheVerdict() {
        var state = update(update(exported(), .key(.character("y"))), .run(.started(at: 100)))
        state = run(planned + ["step 1/3 Read the account", "command aws sts get-caller-identity"], at: 101, on: state)
        var text = view(state).text
        XCTAssertTrue(text.contains("running setup.sh in vpcpipe-out"), text)
        XCTAssertTrue(text.contains(" ▸   1  Read the account"), text)
        XCTAssertTrue(text.contains(" ·   3  CodePipeline Private"), "steps to come show before they run:\n\(text)")
        XCTAssertTrue(text.contains("running: aws sts get-caller-identity"), text)
        XCTAssertTrue(text.contains(" 0/3 0:01"), text)

        state = run(["step-done 1", "step 2/3 CodeBuild service role", "wait IAM changes are still propagating; trying again in 2s"],
                    at: 103.5, on: state)
        state = update(state, .run(.tick(at: 110)))
        text = view(state).text
        XCTAssertTrue(text.contains(" ✓   1  Read the account"), text)
        XCTAssertTrue(text.contains("   2.5 s"), "the first step's time:\n\(text)")
        XCTAssertTrue(text.contains(" ▸   2  CodeBuild service role"), text)
        XCTAssertTrue(text.contains("   6.5 s"), "the running step's time so far:\n\(text)")
        XCTAssertTrue(text.contains("waiting: IAM changes are still propagating"), text)
        XCTAssertTrue(text.contains(" 1/3 0:10"), text)
        XCTAssertEqual(update(state, .key(.enter)).exit, nil, "Enter does not leave while a script runs")

        state = run(["step-done 2", "step 3/3 CodePipeline Private", "step-done 3", "done"], at: 111, on: state)
        state = update(state, .run(.ended(status: 0, at: 111)))
        XCTAssertEqual(state.request, .run(.start(folder: "vpcpipe-out", script: "verify.sh", arguments: [])),
                       "verify.sh follows a setup.sh that completed")
        state = update(state, .run(.started(at: 112)))
        state = run(["plan 1/1 Wait for its stages", "step 1/1 Wait for its stages", "wait stage Build: InProgress", "step-done 1", "done"],
                    at: 120, on: state)
        state = update(state, .run(.output(["  the build Private:1 succeeded; its log's build phase:", "  7",
                                            "The pipeline works: its run e1 passed Source and Build."])))
        state = update(state, .run(.ended(status: 0, at: 120)))
        text = view(state).text
        XCTAssertTrue(text.contains("ran setup.sh and verify.sh in vpcpipe-out"), text)
        XCTAssertTrue(text.contains("✓ The pipeline works"), text)
        XCTAssertTrue(text.contains("    7\n"), text)
        XCTAssertTrue(text.contains(" verify.sh [") && text.contains(" 3/3 0:11"), "both bars, setup.sh's time kept:\n\(text)")
        state = update(state, .key(.enter))
        XCTAssertEqual(state.exit, .exported)
        XCTAssertEqual(state.run?.status, 0)
        XCTAssertEqual(state.farewell, "setup.sh and verify.sh ran: the pipeline works. The whole output: vpcpipe-out/setup.log")
    }

    func testAFailureShowsTheStepAWSsErrorAndWhatToDo() {
        var state = update(update(exported(), .key(.character("y"))), .run(.started(at: 0)))
        state = run(planned + ["step 1/3 Read the account", "step-done 1", "step 2/3 CodeBuild service role",
                               "error An error occurred (AccessDenied) when calling the CreateRole operation: not allowed",
                               "error setup failed at step 2: CodeBuild service role", "failed 2 254"], at: 5, on: state)
        state = update(state, .run(.output(["[2/3] CodeBuild service role", "An error occurred (AccessDenied) ..."])))
        state = update(state, .run(.ended(status: 254, at: 5)))
        XCTAssertNil(state.request, "verify.sh does not run after a failure")
        let text = view(state).text
        XCTAssertTrue(text.contains("✗ setup.sh failed at step 2/3: CodeBuild service role (exit status 254)"), text)
        XCTAssertTrue(text.contains("    An error occurred (AccessDenied) when calling the CreateRole operation:\n    not allowed"), text)
        XCTAssertTrue(text.contains("Next: fix the cause"), text)
        XCTAssertTrue(text.contains(" ✗   2  CodeBuild service role"), text)
        let output = view(update(state, .key(.character("l")))).text
        XCTAssertTrue(output.contains("the last lines of setup.sh's output"), output)
        XCTAssertTrue(output.contains("  An error occurred (AccessDenied) ..."), output)
        state = update(state, .key(.escape))
        XCTAssertEqual(state.exit, .exported)
        XCTAssertEqual(state.run?.status, 254)
    }

    func testCtrlCAsksThenStopsBetweenSteps() {
        var state = update(update(exported(), .key(.character("y"))), .run(.started(at: 0)))
        state = run(planned + ["step 1/3 Read the account"], at: 1, on: state)
        state = update(state, .key(.ctrlC))
        XCTAssertTrue(view(state).text.contains("Stop setup.sh?"))
        XCTAssertNil(update(state, .key(.character("n"))).request, "n goes on")
        state = update(state, .key(.character("y")))
        XCTAssertEqual(state.request, .run(.stop))
        XCTAssertTrue(view(state).text.contains("stops after the step in progress"))
        state = run(["step-done 1", "stopped 2"], at: 3, on: state)
        state = update(state, .run(.ended(status: 130, at: 3)))
        XCTAssertNil(state.request)
        let text = view(state).text
        XCTAssertTrue(text.contains("Stopped before step 2/3 as asked. Running setup.sh again goes on from"), text)
        XCTAssertEqual(state.run?.status, 130)
    }

    /// Too small a terminal hides the screen, not its keys: Ctrl-C asks to stop the script (the
    /// wizard's quit prompt would leave the progress screen while the script runs).
    func testTooSmallKeepsTheRunsKeys() {
        var state = update(update(exported(), .key(.character("y"))), .run(.started(at: 0)))
        state = run(planned + ["step 1/3 Read the account"], at: 1, on: state)
        state = update(state, .resize(Size(columns: 60, rows: 15)))
        XCTAssertTrue(view(state).text.contains("Ctrl-C: stop setup.sh after the step in progress."), view(state).text)
        state = update(state, .key(.ctrlC))
        XCTAssertEqual(state.mode, .running)
        XCTAssertTrue(view(state).text.contains("Stop setup.sh after the step in progress? y stops"), view(state).text)
        state = update(state, .key(.character("y")))
        XCTAssertEqual(state.request, .run(.stop))
        state = update(state, .run(.ended(status: 130, at: 3)))
        XCTAssertTrue(view(state).text.contains("setup.sh ended. Enter: leave."), view(state).text)
        XCTAssertEqual(update(state, .key(.enter)).exit, .exported)
    }

    /// The ASCII theme has a look-alike for each of the screen's marks and bars.
    func testTheScreenInASCII() {
        var state = update(update(exported(), .key(.character("y"))), .run(.started(at: 0)))
        state = run(planned + ["step 1/3 Read the account", "step-done 1", "step 2/3 CodeBuild service role",
                               "error An error occurred (AccessDenied)", "failed 2 254"], at: 5, on: state)
        state = update(state, .run(.ended(status: 254, at: 5)))
        let ascii = view(state).inASCII().text
        XCTAssertFalse(ascii.contains("?"), ascii)
        XCTAssertTrue(ascii.contains(" +   1  Read the account") && ascii.contains(" x   2  CodeBuild") && ascii.contains(" -   3  CodePipeline"), ascii)
        XCTAssertTrue(ascii.contains("[###") && ascii.contains("...]"), ascii)
    }
}
