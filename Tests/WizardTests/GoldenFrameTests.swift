import Foundation
import Planner
import TestSupport
import XCTest
@testable import Wizard

/// Golden 80x24 frames of every screen, as text. VPCPIPE_RECORD=1 re-records them.
final class GoldenFrameTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func assertGolden(_ frame: Frame, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Golden.assert(frame.text, equals: folder.appendingPathComponent(name + ".txt"), file: file, line: line)
    }

    func testEveryScreen() throws {
        for id in ScreenID.allCases {
            let screen = Screens.screen(id)
            let slug = screen.title.prefix { $0 != ":" && $0 != "(" }.lowercased()
                .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
            try assertGolden(view(Drive.on(id)), String(format: "%02d-", id.rawValue + 1) + slug)
        }
    }

    func testOverlaysAndSizes() throws {
        try assertGolden(view(Drive.on(.vpc, Answers())), "vpc-required-ids")
        try assertGolden(view(update(Drive.on(.codeArtifact), .key(.f1))), "help-pane")
        try assertGolden(view(update(Drive.on(.codeArtifact), .key(.ctrlC))), "quit-prompt")
        try assertGolden(view(update(Drive.on(.codeArtifact), .resize(Size(columns: 60, rows: 15)))), "too-small")
    }

    /// The review at the smallest size and a large one: the items under the article's headings,
    /// long values wrapped, not cut. With errors it opens on the first.
    func testReviewFrames() throws {
        var answers = Drive.networked
        answers.codeartifact.domainOwner = "123456789012"
        answers.build.role = .existing(arn: "arn:aws:iam::123456789012:role/service-role/codebuild-a-rather-long-role-name-for-wrapping")
        answers.network.subnets += ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
        answers.endpoints.existing = [.s3]
        try assertGolden(view(update(Drive.on(.review, answers), .resize(Size(columns: 200, rows: 60)))), "review-200x60")

        var broken = answers
        broken.network.routeTables = ["rtb-0123456789ABCDEF0"]
        broken.pipeline.name = ""
        let state = Drive.on(.review, broken)
        XCTAssertEqual(Review.items(state)[state.edit.highlight].path, "pipeline.name", "the review opens on the first error")
        try assertGolden(view(state), "review-errors-80x24")
        let large = update(state, .resize(Size(columns: 200, rows: 60)))
        try assertGolden(view(large), "review-errors-200x60")
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
