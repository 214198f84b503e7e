import Foundation
import XCTest
@testable import Planner

/// The article's output folder, file by file, against Golden/article/. Re-record with
/// VPCPIPE_RECORD=1 after an intended change, and review the diff.
final class RenderGoldenTests: XCTestCase {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden/article")
    static let example = here.appendingPathComponent("../../Resources/examples/article.yaml").standardizedFileURL

    func testArticleOutputsMatchTheGoldenFiles() throws {
        let text = try String(contentsOf: Self.example, encoding: .utf8)
        let (answers, diagnostics) = AnswersFile.read(text)
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics)")
        let files = Outputs.render(answers)
        if ProcessInfo.processInfo.environment["VPCPIPE_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            for file in files {
                let url = Self.golden.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        let recorded = try FileManager.default.subpathsOfDirectory(atPath: Self.golden.path).filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.golden.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }
        XCTAssertEqual(Set(recorded), Set(files.map(\.path)), "files of the output folder")
        for file in files {
            let expected = try? String(contentsOf: Self.golden.appendingPathComponent(file.path), encoding: .utf8)
            XCTAssertEqual(file.contents, expected, "\(file.path) differs; re-record with VPCPIPE_RECORD=1 if intended")
        }
    }
}
