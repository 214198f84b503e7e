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
