import Foundation
import TestSupport
import XCTest
@testable import Planner

/// The article's output folder, file by file, against Golden/article/. Re-record with
/// VPCPIPE_RECORD=1 after an intended change, and review the diff.
final class RenderGoldenTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/article")

    func testArticleOutputsMatchTheGoldenFiles() throws {
        let files = Outputs.render(Article.answers)
        try Golden.assert(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), equalFolder: Self.golden)
    }
}
