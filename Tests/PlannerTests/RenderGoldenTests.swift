import Foundation
import TestSupport
import XCTest
@testable import Planner

/// The article's output folder, file by file, against Golden/article/; in Japanese, what a
/// person reads (checklist.md and the scripts) against Golden/article-ja/ and Golden/stackset-ja/. Re-record with
/// VPCPIPE_RECORD=1 after an intended change, and review the diff.
final class RenderGoldenTests: XCTestCase {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let golden = goldens.appendingPathComponent("article")

    func testArticleOutputsMatchTheGoldenFiles() throws {
        let files = Outputs.render(Article.answers)
        try Golden.assert(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), equalFolder: Self.golden)
    }

    /// The other files do not depend on the language (RenderScriptTests checks it).
    func testJapaneseArticleChecklistAndScriptsMatchTheGoldenFiles() throws {
        var answers = Article.answers
        answers.language = .ja
        let read = ["checklist.md", "setup.sh", "teardown.sh", "verify.sh", StackScript.file]
        let files = Outputs.render(answers).filter { read.contains($0.path) }
        try Golden.assert(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }),
                          equalFolder: Self.goldens.appendingPathComponent("article-ja"))
    }

    /// stackset.sh in Japanese, against Golden/stackset-ja/.
    func testJapaneseStacksetShMatchesTheGoldenFile() throws {
        var answers = StackSetAnswersTests.answers
        answers.language = .ja
        let files = Outputs.render(answers).filter { $0.path == StackSetScript.file }
        try Golden.assert(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }),
                          equalFolder: Self.goldens.appendingPathComponent("stackset-ja"))
    }

    /// The article's answers with a stackset section: the files that differ from the article's
    /// (answers.yaml, and stackset.sh, which only it has) against Golden/stackset/.
    func testAStacksetSectionAddsStacksetShAndChangesNothingElse() throws {
        let article = Dictionary(uniqueKeysWithValues: Outputs.render(Article.answers).map { ($0.path, $0.contents) })
        let differing = Outputs.render(StackSetAnswersTests.answers).filter { article[$0.path] != $0.contents }
        XCTAssertEqual(differing.map(\.path).sorted(), ["answers.yaml", StackSetScript.file])
        try Golden.assert(Dictionary(uniqueKeysWithValues: differing.map { ($0.path, $0.contents) }),
                          equalFolder: Self.goldens.appendingPathComponent("stackset"))
    }
}
