import XCTest
@testable import Planner

/// What hardening the reader and rules against hostile files changed, each pinned by a case.
final class RegressionTests: XCTestCase {
    /// AWS takes 50 tags a resource (vpcpipe adds one) and CodeBuild 16 subnets; past those, the
    /// rules used to accept thousands, and rendering them took minutes.
    func testTagsAndSubnetsStayWithinAWSLimits() {
        var answers = ValueSlots.baseAnswers
        answers.tags = (0..<49).map { Answers.Tag(key: "Key\($0)", value: "v") }
        answers.network.subnets = (0..<16).map { "subnet-\(String(repeating: "0", count: 6))\(String(format: "%02x", $0))" }
        XCTAssertEqual(Rules.check(answers).errors, [])
        answers.tags.append(Answers.Tag(key: "Key49", value: "v"))
        answers.network.subnets.append("subnet-000000ff")
        XCTAssertEqual(Rules.check(answers).errors.map(\.path), ["tags", "network.subnets"])
    }

    /// Suggesting a key costs a fraction of a millisecond: the first 50 unknown keys get one,
    /// the rest the list of keys, so that thousands of them stay fast.
    func testOnlyTheFirstUnknownKeysGetASuggestion() {
        // name_, name__, ...: each the same words as "name" in another spelling.
        let text = "version: 1\n" + (1...60).map { "name\(String(repeating: "_", count: $0)): 1\n" }.joined()
        let unknown = AnswersFile.read(text).diagnostics.filter { $0.message.hasPrefix("unknown key") }
        XCTAssertEqual(unknown.count, 60)
        XCTAssertTrue(unknown[0].message.contains(#"did you mean "name"?"#), unknown[0].message)
        XCTAssertEqual(unknown.filter { $0.message.contains("did you mean") }.count, AnswersDecoder.suggestedUnknownKeys)
        XCTAssertTrue(unknown[59].message.contains("one of: version, region"), unknown[59].message)
    }

    /// Found by the property test (seed 2): a valid branch such as "a,&b" is written quoted in
    /// answers.yaml, and the reader took the quoted `&b` for an anchor, so the file did not replay.
    func testQuotedAmpersandsReplay() {
        for branch in ["a,&b", "x-&y", "{&z}", "q&'r\"s"] {
            var answers = ValueSlots.baseAnswers
            answers.source.branch = branch
            let replay = AnswersFile.read(AnswersFile.write(answers))
            XCTAssertEqual(replay.diagnostics.errors, [], branch)
            XCTAssertEqual(replay.answers, answers, branch)
        }
        // Anchors and aliases outside quotes are still found, after a quoted key too.
        for text in [#"{"version": 1, "name":*n}"#, "name: 'it''s' \n", "a: \"x\\\"\"\nb: &c d\n"] {
            let refused = AnswersFile.read(text).diagnostics.map(\.message)
            XCTAssertEqual(refused.contains("anchors and aliases are not supported (write each value out)"),
                           text.contains("*n") || text.contains("&c"), text)
        }
    }
}
