import Foundation
import TestSupport
import XCTest
@testable import Planner

/// The one declaration of each answer key (AnswerSchema) against what reads it: the answers
/// reference (docs/answers.md), the reader's typed values, the defaults that follow other answers.
final class AnswerSchemaTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/answers.md").standardized

    /// The rows of docs/answers.md's "Answers reference" table: key and default.
    static func referenceRows() throws -> [(key: String, default: String)] {
        let text = try String(contentsOf: reference, encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "\n## Answers reference\n").dropFirst().first)
        let table = section.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("| key |") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        return table.map { row in
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[1], cells[2])
        }
    }

    func testTheReferenceHasARowForEveryKeyWithItsDeclaredDefault() throws {
        let rows = try Self.referenceRows()
        XCTAssertEqual(rows.map(\.key), AnswerSchema.referenceKeys.map(\.path), "docs/answers.md's rows, in the order of the file")
        for (row, key) in zip(rows, AnswerSchema.referenceKeys) where row.key == key.path {
            XCTAssertEqual(row.default, key.referenceDefault, "docs/answers.md default of \(key.path)")
        }
    }

    /// The article's answers as the writer writes them, with one key's value replaced.
    private func written(_ key: AnswerKey, as value: String) -> String {
        let parts = key.path.split(separator: ".")
        var section = ""
        return AnswersFile.write(Article.answers).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if !line.hasPrefix(" "), line.hasSuffix(":") { section = String(line.dropLast()) }
            let indent = parts.count == 2 ? "  " : ""
            let here = parts.count == 1 || section == parts[0]
            return here && line.hasPrefix("\(indent)\(parts.last!): ") ? "\(indent)\(parts.last!): \(value)" : String(line)
        }.joined(separator: "\n")
    }

    func testAQuotedOrTaggedNumberOrBooleanIsRefusedForEveryKeyThatHoldsOne() throws {
        let typed = AnswerSchema.leaves.filter { key in
            switch key.kind {
            case .flag, .integer, .version: true
            default: false
            }
        }
        XCTAssertGreaterThanOrEqual(typed.count, 5, "version and the four flags at least")
        for key in typed {
            let plain = AnswersFile.write(Article.answers).split(separator: "\n")
                .first { $0.hasPrefix("\(key.name): ") || $0.hasPrefix("  \(key.name): ") }
            let value = try XCTUnwrap(plain?.split(separator: " ").last.map(String.init), key.path)
            XCTAssertEqual(AnswersFile.read(written(key, as: value)).diagnostics.errors, [], "\(key.path): \(value) plain")
            for (spelled, quoted) in [("\"\(value)\"", true), ("'\(value)'", true), ("!!str \(value)", false)] {
                let errors = AnswersFile.read(written(key, as: spelled)).diagnostics.errors
                XCTAssertEqual(errors.map(\.path), [key.path], "\(key.path): \(spelled)")
                XCTAssertEqual(errors.first?.message.hasPrefix("quoted \"\(value)\" is not "), quoted, "\(key.path): \(spelled)")
                XCTAssertEqual(errors.first?.message.hasPrefix("\"\(value)\" is not "), !quoted, "\(key.path): \(spelled)")
            }
        }
    }

    func testVersionIsAPlainNumber() {
        let errors = AnswersFile.read(written(AnswerSchema.leaves[0], as: "\"1\"")).diagnostics.errors
        XCTAssertEqual(errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.path): \($0.message)" },
                       ["2:10 version: quoted \"1\" is not a version number (version: 1)"])
    }

    /// The integer kind, on a schema of one key (the answers hold no whole number but the
    /// version): read unquoted only, written plain, kept in its range by `Rules.check`.
    func testAWholeNumberIsReadUnquotedWrittenPlainAndKeptInItsRange() throws {
        let key = AnswerKey("minutes", .integer(\Answers.version, 5...480), rule: nil)
        func read(_ value: String) throws -> (Int, [String]) {
            var decoder = AnswersDecoder(duplicates: [:], keys: [key])
            let root = try XCTUnwrap(YAMLSource.compose("minutes: \(value)\n").root)
            XCTAssertTrue(decoder.decode(root))
            return (decoder.answers.version, decoder.diagnostics.map(\.message))
        }
        XCTAssertEqual(try read("30").0, 30)
        XCTAssertEqual(try read("30").1, [])
        XCTAssertEqual(try read("\"30\"").1, ["quoted \"30\" is not a whole number (a whole number from 5 to 480, unquoted)"])
        XCTAssertEqual(try read("30.5").1, ["\"30.5\" is not a whole number (a whole number from 5 to 480, unquoted)"])
        XCTAssertEqual(try read("!!str 30").1, ["\"30\" is not a whole number (a whole number from 5 to 480, unquoted)"])
        XCTAssertEqual(try read("[30]").1, ["found a list (a whole number from 5 to 480)"])

        var answers = Answers()
        answers.version = 481
        XCTAssertEqual(AnswersWriter.lines(key, of: answers, indent: ""), ["minutes: 481"])
        var checks = Checks()
        checks.apply(key, answers)
        XCTAssertEqual(checks.diagnostics, [.error("minutes", "481 is out of range (a whole number from 5 to 480)")])
        answers.version = 5
        checks = Checks()
        checks.apply(key, answers)
        XCTAssertEqual(checks.diagnostics, [])
    }

    func testTheDefaultsThatFollowAnAnswerAreTheAnswersDefaults() {
        let defaults = Answers()
        for key in AnswerSchema.leaves {
            guard let follow = key.follow, case .text(let keyPath) = key.kind else { continue }
            XCTAssertEqual(follow.value(defaults), defaults[keyPath: keyPath], key.path)
        }
    }

    /// The reader's default for a missing key and the wizard's refill are one function: a file
    /// without the following keys reads as the refill of the same change gives.
    func testTheReaderAndTheRefillFollowAnAnswerAlike() {
        let following = AnswerSchema.leaves.filter { $0.follow != nil }
        let changes: [(String, (inout Answers) -> Void)] = [
            ("name", { $0.name = "Web_App" }),
            ("format", { $0.codeartifact.format = .pypi }),
            ("image", { $0.build.image = "aws/codebuild/amazonlinux-x86_64-standard:6.0" }),
            ("no upstream", { $0.codeartifact.upstream = "" }),
        ]
        let base = Article.answers
        for (what, change) in changes {
            var changed = base
            change(&changed)
            let refilled = AnswerSchema.refill(from: base, to: changed)
            let kept = AnswersFile.write(refilled).split(separator: "\n", omittingEmptySubsequences: false).filter { line in
                !following.contains { line.hasPrefix("  \($0.name): ") } || (what == "no upstream" && line.hasPrefix("  upstream: "))
            }
            let read = AnswersFile.read(kept.joined(separator: "\n")).answers
            XCTAssertEqual(read, refilled, what)
            XCTAssertNotEqual(refilled, changed, "\(what) refills something")
        }
    }

    func testTheConnectionFollowsTheUpstreamBothWays() {
        var answers = Article.answers
        answers.codeartifact.upstream = ""
        answers = AnswerSchema.refill(from: Article.answers, to: answers)
        XCTAssertEqual(answers.codeartifact.externalConnection, "")
        var back = answers
        back.codeartifact.upstream = "npm-store"
        XCTAssertEqual(AnswerSchema.refill(from: answers, to: back).codeartifact.externalConnection, "public:npmjs")
        // A connection the user chose stays.
        var chosen = Article.answers
        chosen.codeartifact.format = .pypi
        chosen.codeartifact.externalConnection = "public:pypi"
        var typed = chosen
        typed.codeartifact.upstream = "my-store"
        XCTAssertEqual(AnswerSchema.refill(from: chosen, to: typed).codeartifact.externalConnection, "public:pypi")
    }

    func testEveryKeyIsFoundByItsAnswer() {
        for key in AnswerSchema.leaves {
            let answer = try? XCTUnwrap(key.answer, key.path)
            XCTAssertEqual(answer.flatMap { AnswerSchema.key($0)?.path }, key.path)
        }
    }
}
