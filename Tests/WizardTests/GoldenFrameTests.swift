import Foundation
import Planner
import XCTest
@testable import Wizard

/// Golden 80x24 frames of every screen, as text. VPCPIPE_RECORD=1 re-records them.
final class GoldenFrameTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func assertGolden(_ frame: Frame, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["VPCPIPE_RECORD"] == "1" {
            try frame.text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(frame.text, golden, "\(name): re-record with VPCPIPE_RECORD=1 if the change is meant", file: file, line: line)
    }

    func testEveryScreen() throws {
        for (index, screen) in Screens.all.enumerated() {
            let slug = screen.title.prefix { $0 != ":" && $0 != "(" }.lowercased()
                .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
            try assertGolden(view(Drive.on(index)), String(format: "%02d-", index + 1) + slug)
        }
    }

    func testOverlaysAndSizes() throws {
        try assertGolden(view(Drive.on(5, Answers())), "vpc-required-ids")
        try assertGolden(view(update(Drive.on(2), .key(.f1))), "help-pane")
        try assertGolden(view(update(Drive.on(2), .key(.ctrlC))), "quit-prompt")
        try assertGolden(view(update(Drive.on(2), .resize(Size(columns: 60, rows: 15)))), "too-small")
    }
}
