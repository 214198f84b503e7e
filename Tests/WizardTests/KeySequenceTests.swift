import Planner
import XCTest
@testable import Wizard

final class KeySequenceTests: XCTestCase {
    /// Enter through every screen, typing only the network ids, until export is requested.
    /// Returns the state and the key presses it took, typed characters aside.
    private func runWithDefaults() -> (WizardState, Int) {
        var state = Drive.start()
        var presses = 0
        var guardrail = 0
        while state.request == nil, guardrail < 200 {
            guardrail += 1
            let label = state.focusedField?.label
            if state.screen == .vpc, let label, ["VPC id", "Subnets", "Route tables"].contains(label) {
                let text = label == "VPC id" ? Drive.vpc : label == "Subnets" ? Drive.subnets : Drive.routeTables
                if state.answers.network.vpc.isEmpty || label != "VPC id" {
                    let bound = label == "VPC id" ? state.answers.network.vpc.isEmpty
                        : label == "Subnets" ? state.answers.network.subnets.isEmpty : state.answers.network.routeTables.isEmpty
                    if bound { state = Drive.keys(Drive.typing(text), from: state) }
                }
            }
            state = update(state, .key(.enter))
            presses += 1
        }
        return (state, presses)
    }

    func testAcceptingDefaultsReachesExportWithTheNetworkTyped() {
        let (state, presses) = runWithDefaults()
        XCTAssertEqual(state.request, .export(folder: "vpcpipe-out"))
        XCTAssertEqual(state.answers, Drive.networked)
        // Reported in the task: the key presses of a run with every default, the ids aside.
        print("key presses from start to export with every default: \(presses)")
        XCTAssertEqual(presses, 39)
    }

    func testExportedMessageNamesTheFolderAndTheNextCommand() {
        var state = runWithDefaults().0
        state = update(state, .exported(files: 9, folder: "vpcpipe-out"))
        XCTAssertTrue(view(state).text.contains("Next: bash vpcpipe-out/setup.sh"))
        state = update(state, .key(.enter))
        XCTAssertEqual(state.exit, .exported)
        XCTAssertEqual(state.farewell?.contains("answers.yaml included"), true)
    }

    func testTypingEditsTheFocusedTextAtTheCursor() {
        var state = Drive.start()
        state = Drive.keys([.tab, .tab] + [.backspace, .backspace] + Drive.typing("x") + [.left, .left] + Drive.typing("?"), from: state)
        XCTAssertEqual(state.answers.name, "Priv?ax")
        XCTAssertEqual(state.mode, .form, "? is a character in a text input")
    }

    func testChangingTheNameRefillsTheNamesThatStillHoldItsDefault() {
        var state = Drive.on(.source)
        state = Drive.keys([.end] + Drive.typing("Web") + [.escape, .tab, .tab] + Array(repeating: .backspace, count: 7) + Drive.typing("Team_A"),
                           from: state)
        XCTAssertEqual(state.answers.name, "Team_A")
        XCTAssertEqual(state.answers.source.repository, "PrivateWeb", "typed by the user: kept")
        XCTAssertEqual(state.answers.codeartifact.domain, "team-a")
        XCTAssertEqual(state.answers.codeartifact.repository, "Team_A")
        XCTAssertEqual(state.answers.build.project, "Team_A")
        XCTAssertEqual(state.answers.pipeline.name, "Team_A")
    }

    func testChangingTheFormatRefillsUpstreamConnectionAndRuntime() {
        var state = Drive.on(.codeArtifact)
        state = Drive.keys([.tab, .tab, .tab] + Drive.typing("py"), from: state)
        XCTAssertEqual(state.answers.codeartifact.format, .pypi)
        XCTAssertEqual(state.answers.codeartifact.upstream, "pypi-store")
        XCTAssertEqual(state.answers.codeartifact.externalConnection, "public:pypi")
        XCTAssertEqual(state.answers.build.runtime, "python:3.12")
        state = Drive.keys([.backspace, .backspace, .right, .right], from: state)  // no filter: pypi -> maven -> nuget
        XCTAssertEqual(state.answers.codeartifact.format, .nuget)
        XCTAssertEqual(state.answers.codeartifact.externalConnection, "public:nuget-org")
    }

    func testEmptyingTheUpstreamEmptiesItsConnectionAndRetypingItRefillsIt() {
        var state = Drive.on(.codeArtifact)
        state = Drive.keys([.tab, .tab, .tab, .tab] + Array(repeating: .backspace, count: 9), from: state)
        XCTAssertEqual(state.answers.codeartifact.upstream, "")
        XCTAssertEqual(state.answers.codeartifact.externalConnection, "", "the connection sits on the upstream")
        XCTAssertEqual(state.diagnostics.errors, [])
        state = Drive.keys(Drive.typing("store"), from: state)
        XCTAssertEqual(state.answers.codeartifact.externalConnection, "public:npmjs")
    }

    func testTheRuntimeListHoldsOnlyWhatTheImagePreinstalls() {
        var state = Drive.on(.build)
        state = Drive.keys([.tab] + Drive.typing("6.0"), from: state)
        XCTAssertEqual(state.answers.build.image, "aws/codebuild/amazonlinux-x86_64-standard:6.0")
        XCTAssertEqual(state.answers.build.runtime, "nodejs:22", "nodejs:20 is not in the 6.0 image")
        state = Drive.keys([.tab] + Drive.typing("python"), from: state)
        XCTAssertEqual(state.answers.build.runtime, "python:3.10")
    }

    func testSpaceTogglesAndTicksEndpointsTheVpcHas() {
        var state = Drive.on(.source)
        state = Drive.keys([.tab, .tab, .character(" ")], from: state)
        XCTAssertFalse(state.answers.source.create)
        state = Drive.on(.endpoints)
        state = Drive.keys([.down, .character(" "), .character("s"), .down, .character(" ")], from: state)
        XCTAssertEqual(state.answers.endpoints.existing, [.codeartifactAPI, .s3])
        XCTAssertTrue(view(state).text.contains("already in the VPC"))
    }

    func testLogsNoneDropsTheLogsEndpoint() {
        var answers = Drive.networked
        answers.build.logs = .none
        let listed = { (answers: Answers) in view(Drive.on(.endpoints, answers)).text }
        XCTAssertFalse(listed(answers).contains("[ ] logs"))
        XCTAssertTrue(listed(Drive.networked).contains("[ ] logs"))
        XCTAssertTrue(listed(Drive.networked).contains("the build sends its log to CloudWatch Logs"),
                      "the reason is the planner's")
    }

    func testHelpOpensWithF1OrQuestionMarkOutsideTextAndClosesWithEsc() {
        var state = Drive.start()
        state = update(state, .key(.character("?")))  // the region select
        XCTAssertEqual(state.mode, .help)
        XCTAssertTrue(view(state).text.contains("region selector"))
        state = update(state, .key(.escape))
        XCTAssertEqual(state.mode, .form)
        XCTAssertEqual(state.screen, .start)
        state = Drive.keys([.tab, .f1], from: state)
        XCTAssertEqual(state.mode, .help)
    }

    func testQuitAsksAndOffersToSaveToAFreeName() {
        var state = Drive.on(.build)
        state.saveName = "vpcpipe-answers-2.yaml"
        state = update(state, .key(.ctrlC))
        XCTAssertEqual(state.mode, .quitPrompt)
        XCTAssertTrue(view(state).text.contains("./vpcpipe-answers-2.yaml"))
        state = update(state, .key(.escape))
        XCTAssertEqual(state.mode, .form)
        state = Drive.keys([.f10, .character("s")], from: state)
        XCTAssertEqual(state.request, .saveAnswers)
        state = update(state, .saved(path: "vpcpipe-answers-2.yaml"))
        XCTAssertEqual(state.exit, .quit)
        XCTAssertEqual(Drive.keys([.ctrlC, .character("q")], from: Drive.start()).exit, .quit)
    }

    func testFreeNamesNeverTakeAnExistingFile() {
        let taken: Set = ["vpcpipe-draft.yaml", "vpcpipe-draft-2.yaml"]
        XCTAssertEqual(FreeName.pick("vpcpipe-draft.yaml", exists: taken.contains), "vpcpipe-draft-3.yaml")
        XCTAssertEqual(FreeName.pick("vpcpipe-answers.yaml", exists: taken.contains), "vpcpipe-answers.yaml")
        XCTAssertEqual(FreeName.pick(".draft", exists: { $0 == ".draft" }), ".draft-2")
    }
}
