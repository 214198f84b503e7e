import TestSupport
import XCTest
@testable import Planner

/// A diagnostic is said in the language of whoever shows it: the same problem, at the same
/// place (FILE:LINE:COLUMN of the key or value at fault) and key path, in English or Japanese. AnswerSchema's rule words have their Japanese in
/// RuleWords, by key path.
final class DiagnosticLanguageTests: XCTestCase {
    private let mistakes = """
        version: 1
        region: us-west-2
        profile: "my profile"
        network:
          vpc: vpc-123
          subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef0]
          route_tables: [rtb-0123456789abcdef0]
        source:
          repo: x
          create: "yes"
        build:
          timeout_minutes: 3
        pipeline:
          trigger: hourly
        """

    func testAFileWithMistakesReadsInJapaneseAtTheSamePlaces() {
        let diagnostics = AnswersFile.read(mistakes).diagnostics
        XCTAssertEqual(diagnostics.map { $0.formatted(file: "a.yaml", language: .ja) }, [
            "a.yaml:3:10: エラー: profile: \"my profile\" は正しいプロファイル名ではありません (A-Z a-z 0-9 _ . @ + - の 0-64 文字)",
            "a.yaml:5:8: エラー: network.vpc: \"vpc-123\" は正しい VPC ID ではありません (あなたの VPC の ID: vpc- に続く 8 桁か 17 桁の小文字の 16 進数)",
            "a.yaml:6:39: エラー: network.subnets[1]: subnet-0123456789abcdef0 が 2 回書かれています (サブネット ID はそれぞれ一度だけ)",
            "a.yaml:9:3: エラー: source.repo: 不明なキーです (\"repository\" のことですか?)",
            "a.yaml:10:11: エラー: source.create: 引用符付きの \"yes\" は true でも false でもありません (引用符なしの true | false)",
            "a.yaml:12:20: エラー: build.timeout_minutes: 3 は範囲外です (5 から 2160 までの整数)",
            "a.yaml:14:12: エラー: pipeline.trigger: \"hourly\" は正しいトリガーではありません (events | poll | none)",
        ])
        XCTAssertEqual(diagnostics.map { $0.formatted(file: "a.yaml") }, [
            "a.yaml:3:10: error: profile: \"my profile\" is not a valid profile name (0-64 of A-Z a-z 0-9 _ . @ + -)",
            "a.yaml:5:8: error: network.vpc: \"vpc-123\" is not a valid VPC id (your VPC's id: vpc- then 8 or 17 lower-case hex digits)",
            "a.yaml:6:39: error: network.subnets[1]: subnet-0123456789abcdef0 is listed twice (each subnet id once)",
            "a.yaml:9:3: error: source.repo: unknown key (did you mean \"repository\"?)",
            "a.yaml:10:11: error: source.create: quoted \"yes\" is not true or false (true | false, unquoted)",
            "a.yaml:12:20: error: build.timeout_minutes: 3 is out of range (a whole number from 5 to 2160)",
            "a.yaml:14:12: error: pipeline.trigger: \"hourly\" is not a valid trigger (events | poll | none)",
        ], "English as before")
    }

    /// A warning, a default that follows another answer, and a file that is not YAML.
    func testWarningsDefaultsAndTheDocumentInJapanese() {
        var answers = Article.answers
        answers.network.subnets = ["subnet-0123456789abcdef0"]
        answers.iam.scope = .all
        XCTAssertEqual(Rules.check(answers).map { "\($0.severityWord(.ja)): \($0.path): \($0.text(.ja))" }, [
            "警告: network.subnets: サブネットが 1 つでは AZ も 1 つです (2 つ以上の AZ をお勧めします)",
            "警告: iam.scope: \"*\" ではビルドがすべての CodeArtifact ドメインとリポジトリを使えます (記事が勧めるとおり resources: このドメインとリポジトリだけ)",
        ])
        answers = Article.answers
        answers.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        XCTAssertTrue(Rules.check(answers).contains { $0.text(.ja).contains("自身 (または network.subnets) からの HTTPS (443)") },
                      "a given group's needs, a space between Japanese and the key path: \(Rules.check(answers).map { $0.text(.ja) })")
        let empty = AnswersFile.read("").diagnostics
        XCTAssertEqual(empty.map { $0.formatted(file: "a.yaml", language: .ja) }, ["a.yaml:1:1: エラー: document: ファイルが空です (version: 1 で始まる回答)"])
        let alias = AnswersFile.read("version: 1\nregion: &r us-west-2\n").diagnostics
        XCTAssertEqual(alias.map { $0.text(.ja) }, ["アンカーとエイリアスには対応していません (値をそれぞれ書き出してください)"])
    }

    /// What a tag may hold is said in Japanese too, not only its length.
    func testATagsAlphabetInJapanese() {
        var answers = Article.answers
        answers.tags = [Answers.Tag(key: "Team", value: "ci; rm -rf ~"), Answers.Tag(key: "a*b", value: "x")]
        XCTAssertEqual(Rules.check(answers).map { "\($0.path): \($0.text(.ja))" }, [
            "tags.Team: \"ci; rm -rf ~\" は正しいタグの値ではありません (各言語の文字、数字、スペース、_ . : / = + - @ の 0-255 文字)",
            "tags.a*b: \"a*b\" は正しいタグキーではありません (各言語の文字、数字、スペース、_ . : / = + - @ の 1-127 文字)",
        ])
        XCTAssertEqual(Rules.check(answers).first?.text(.en),
                       "\"ci; rm -rf ~\" is not a valid tag value (0-255 of letters, digits, space and _ . : / = + - @)")
    }

    /// Every key AnswerSchema gives rule words (a text rule's what and expected, a required
    /// key's expected, a choice's name) has them in Japanese, and RuleWords names no other key.
    func testEveryKeysRuleWordsHaveJapanese() {
        var missing: [String] = []
        var named = Set<String>()
        for key in AnswerSchema.referenceKeys {
            let words = RuleWords.japanese[key.path]
            if words != nil { named.insert(key.path) }
            func need(_ part: KeyPath<RuleWords.Words, String?>, _ name: String) {
                if words?[keyPath: part] == nil { missing.append("\(key.path) \(name)") }
            }
            switch key.rule {
            case .text(_, let expected, _, _)?, .matching(_, let expected, _, _)?:
                need(\.what, "what")
                // A list of choices is the same in every language.
                if !expected.split(separator: " | ").allSatisfy({ !$0.contains(" ") }) { need(\.expected, "expected") }
            default: break
            }
            if case .choice = key.kind { need(\.what, "what") }
            if key.required != nil { need(\.required, "required") }
        }
        XCTAssertEqual(missing, [])
        XCTAssertEqual(Set(RuleWords.japanese.keys).subtracting(named), [], "words for no key")
    }

    func testWordsAreFoundForAListsItems() {
        XCTAssertEqual(RuleWords.itemless("stackset.accounts[12].vpc"), "stackset.accounts[].vpc")
        XCTAssertEqual(RuleWords.words("stackset.accounts[3].account", \.what, english: "account id").text(.ja), "アカウント ID")
    }
}
