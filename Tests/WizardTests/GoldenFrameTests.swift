import Foundation
import Planner
import TestSupport
import XCTest
@testable import Wizard

/// Golden 80x24 frames of every screen, as text, in English and in Japanese (`ja-` files).
/// VPCPIPE_RECORD=1 re-records them.
final class GoldenFrameTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func assertGolden(_ frame: Frame, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Golden.assert(frame.text, equals: folder.appendingPathComponent(name + ".txt"), file: file, line: line)
    }

    /// The golden file's name in `language`: English's as it was, Japanese's prefixed.
    private func named(_ name: String, _ language: Language) -> String { language == .en ? name : "\(language)-\(name)" }

    func testEveryScreen() throws {
        for language in Language.allCases {
            for id in ScreenID.allCases {
                let slug = Screens.screen(id, .en).title.prefix { $0 != ":" && $0 != "(" }.lowercased()
                    .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
                try assertGolden(view(Drive.on(id, Drive.networked.in(language))), named(String(format: "%02d-", id.rawValue + 1) + slug, language))
            }
        }
    }

    func testOverlaysAndSizes() throws {
        for language in Language.allCases {
            let codeArtifact = Drive.on(.codeArtifact, Drive.networked.in(language))
            try assertGolden(view(Drive.on(.vpc, Answers().in(language))), named("vpc-required-ids", language))
            try assertGolden(view(update(codeArtifact, .key(.f1))), named("help-pane", language))
            try assertGolden(view(update(codeArtifact, .key(.ctrlC))), named("quit-prompt", language))
            try assertGolden(view(update(codeArtifact, .resize(Size(columns: 60, rows: 15)))), named("too-small", language))
        }
    }

    /// In Japanese, the screens English has no golden of: the help that scrolls, the status line
    /// of an error, the question after export, and the progress screen running, failed, and
    /// asking whether to stop.
    func testJapaneseStatesOfEveryScreen() throws {
        let ja = Drive.networked.in(.ja)
        try assertGolden(view(update(Drive.on(.endpoints, ja), .key(.f1))), "ja-help-pane-scrolls")
        var blank = ja
        blank.pipeline.name = ""
        try assertGolden(view(update(Drive.on(.pipeline, blank), .key(.pageDown))), "ja-screen-errors")
        let exported = update(Drive.on(.export, ja), .exported(files: 23, folder: "vpcpipe-out"))
        try assertGolden(view(exported), "ja-exported")
        var running = update(update(exported, .key(.character("y"))), .run(.started(at: 0)))
        let planned = ["plan 1/3 アカウントの読み取り", "plan 2/3 CodeBuild サービスロール", "plan 3/3 CodePipeline Private"]
        running = update(running, .run(.progress((planned + ["step 1/3 アカウントの読み取り", "step-done 1", "step 2/3 CodeBuild サービスロール",
                                                             "wait " + Phrase.propagating.text(.ja, ["delay": "2"])])
            .map { ProgressEvent(line: $0)! }, at: 3)))
        try assertGolden(view(running), "ja-run-running")
        try assertGolden(view(update(running, .key(.ctrlC))), "ja-run-stop-prompt")
        let failed = update(update(running, .run(.progress([
            "error An error occurred (AccessDenied) when calling the CreateRole operation: not allowed", "failed 2 254",
        ].map { ProgressEvent(line: $0)! }, at: 5))), .run(.ended(status: 254, at: 5)))
        try assertGolden(view(failed), "ja-run-failed")
        try assertGolden(view(update(failed, .resize(Size(columns: 60, rows: 15)))), "ja-run-too-small")
        // setup.sh completed, then verify.sh: the verdict and the build's log, as verify.sh says it in Japanese.
        var works = update(update(running, .run(.progress(["step-done 2", "step 3/3 CodePipeline Private", "step-done 3", "done"]
            .map { ProgressEvent(line: $0)! }, at: 9))), .run(.ended(status: 0, at: 9)))
        works = update(works, .run(.started(at: 10)))
        works = update(works, .run(.progress(["plan 1/1 ステージを待つ", "step 1/1 ステージを待つ", "step-done 1", "done"]
            .map { ProgressEvent(line: $0)! }, at: 40)))
        works = update(works, .run(.output(["  ビルド Private:1 は成功しました。ログの build フェーズ:", "  added 7 packages", "パイプラインは動いています。"])))
        works = update(works, .run(.ended(status: 0, at: 40)))
        XCTAssertTrue(view(works).text.contains("    added 7 packages"), "the build's log:\n\(view(works).text)")
        try assertGolden(view(works), "ja-run-works")
    }

    /// The review at the smallest size and a large one: the items under the article's headings,
    /// long values wrapped, not cut. With errors it opens on the first.
    func testReviewFrames() throws {
        var answers = Drive.networked
        answers.codeartifact.domainOwner = "123456789012"
        answers.build.role = .existing(arn: "arn:aws:iam::123456789012:role/service-role/codebuild-a-rather-long-role-name-for-wrapping")
        answers.network.subnets += ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
        answers.endpoints.existing = [.s3]
        for language in Language.allCases {
            let answers = answers.in(language)
            try assertGolden(view(update(Drive.on(.review, answers), .resize(Size(columns: 200, rows: 60)))), named("review-200x60", language))

            var broken = answers
            broken.network.routeTables = ["rtb-0123456789ABCDEF0"]
            broken.pipeline.name = ""
            let state = Drive.on(.review, broken)
            XCTAssertEqual(Review.items(state)[state.edit.highlight].path, "pipeline.name", "the review opens on the first error")
            try assertGolden(view(state), named("review-errors-80x24", language))
            let large = update(state, .resize(Size(columns: 200, rows: 60)))
            try assertGolden(view(large), named("review-errors-200x60", language))
        }
    }

    /// The ASCII theme (a locale that is not UTF-8, or --ascii): the start screen with its
    /// markers and arrows, and the quit prompt's box lines, in ASCII look-alikes.
    func testASCIIFrames() throws {
        let frames = [(view(Drive.on(.start)), "ascii-start"), (view(update(Drive.on(.endpoints), .key(.ctrlC))), "ascii-quit-prompt")]
        for (frame, name) in frames {
            let ascii = frame.inASCII()
            try assertGolden(ascii, name)
            XCTAssertTrue(ascii.text.allSatisfy(\.isASCII), ascii.text)
            XCTAssertEqual(ascii.rows.map { $0.map(\.style) }, frame.rows.map { $0.map(\.style) }, "every cell in its place and style")
            XCTAssertTrue(ascii.text.hasPrefix(" vpcpipe - "), "the title intact: \(ascii.text)")
        }
    }
}
