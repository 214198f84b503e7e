import XCTest
@testable import Wizard

/// Wrapping Japanese, which has no spaces: lines break between characters, by columns (a wide
/// character counts two), never before a closing bracket or punctuation nor after an opening
/// one, and never inside an English word or id that fits a line.
final class TextWrapTests: XCTestCase {
    static let paragraph = "VPC コンソールで「エンドポイントを作成」を選び、サービス名に com.amazonaws.us-west-2.codeartifact.api を入力します。"
        + "（プライベート DNS 名を有効にする）をオンにし、サブネットはアベイラビリティーゾーンごとに 1 つ選びます。ビルドは CodeArtifact から"
        + "パッケージを取得できます！「setup.sh」を実行する前に、内容を確認してください。"

    func testJapaneseBreaksBetweenCharactersByKinsokuAtEveryWidth() {
        let pieces: [Substring] = Self.paragraph.split(separator: " ").flatMap { $0.split(whereSeparator: { CellWidth.of($0) == 2 }) }
        let words: [String] = pieces.map(String.init).filter { $0.allSatisfy(\.isASCII) }
        for width in 8...80 {
            let lines = Text.wrap(Self.paragraph, width: width)
            let label = "width \(width):\n" + lines.joined(separator: "\n")
            XCTAssertEqual(lines.joined().filter { $0 != " " }, Self.paragraph.filter { $0 != " " }, "text lost or added, \(label)")
            for (index, line) in lines.enumerated() {
                XCTAssertLessThanOrEqual(CellWidth.of(line), width, label)
                XCTAssertFalse(line.hasPrefix(" ") || line.hasSuffix(" "), label)
                // (An id wider than the line is cut anywhere, a "." of it too: Japanese marks only here.)
                if index > 0, let first = line.first, !first.isASCII {
                    XCTAssertFalse(Text.noLineStart.contains(first), "a line starts with \(first), \(label)")
                }
                if index < lines.count - 1, let last = line.last, !last.isASCII {
                    XCTAssertFalse(Text.noLineEnd.contains(last), "a line ends with \(last), \(label)")
                }
            }
            // With room for the brackets and punctuation that stay with a word.
            for word in words where CellWidth.of(word) + 4 <= width {
                XCTAssertTrue(lines.contains { $0.contains(word) }, "\(word) was split, \(label)")
            }
        }
        // Ten columns would take "設定します" and leave "。」" to start the next line: "す" goes with them.
        XCTAssertEqual(Text.wrap("設定します。」", width: 10), ["設定しま", "す。」"])
        XCTAssertEqual(Text.wrap("「設定」を", width: 4), ["「設", "定」", "を"])
    }
}
