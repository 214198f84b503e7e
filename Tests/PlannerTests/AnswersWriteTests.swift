import TestSupport
import XCTest
@testable import Planner

/// The writer: the normalised file, every key filled in, that reads back to the same answers.
final class AnswersWriteTests: XCTestCase {
    func testTheArticlesAnswersWriteAsTheExampleFile() throws {
        let written = AnswersFile.write(Article.answers)
        let example = Article.text
        // The example's own comment lines aside, the two files are the same, key for key.
        let body = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") } }
        XCTAssertEqual(Array(body(written)), Array(body(example)))
        XCTAssertTrue(written.hasPrefix("# vpcpipe answers, version 1 (described in vpcpipe's docs/answers.md): every key filled in, to replay with --headless\nversion: 1\n"))
        // In the answers' language.
        var japanese = Article.answers
        japanese.language = .ja
        XCTAssertTrue(AnswersFile.write(japanese).hasPrefix(
            "# vpcpipe の回答、バージョン 1 (vpcpipe の docs/answers.md で説明しています): すべてのキーを記入済みで、--headless で再現できます\nversion: 1\n"))
    }

    func testWritingIsStable() {
        XCTAssertEqual(AnswersFile.write(Article.answers), AnswersFile.write(Article.answers))
    }

    func testEveryKeyIsWrittenInTheContractsOrder() {
        let keys = AnswersFile.write(Answers()).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("  -") }
            .map { $0.prefix { $0 != ":" } }
        XCTAssertEqual(keys.map { $0.trimmingCharacters(in: .whitespaces) }, [
            "version", "region", "profile", "name", "tags",
            "source", "provider", "repository", "branch", "create", "sample_app",
            "codeartifact", "domain", "domain_owner", "repository", "format", "upstream", "external_connection",
            "build", "project", "image", "runtime", "tool", "compute_type", "privileged", "timeout_minutes", "buildspec", "account_from_arn", "role", "logs",
            "pipeline", "name", "type", "artifact_bucket", "role", "trigger",
            "network", "vpc", "subnets", "route_tables", "security_group",
            "endpoints", "private_dns", "existing", "policies",
            "iam", "scope",
        ])
    }

    func testOddValuesReadBackUnchanged() {
        let odd = ["a: b", "a #b", "it's", "say \"hi\"", "two\nlines", " leading", "trailing ", "yes", "no", "null",
                   "~", "", "0123", "1e3", "0x1F", "true", "-", "- item", "[x]", "{x}", "*x", "&x", "!x", "%x", "@x",
                   "`x`", "a\\b", "tab\there", "nul\0", "cr\r\n", "\u{85}\u{2028}\u{2029}\u{FEFF}", "日本語", "🚀",
                   "key:", "1:20", ".inf", "=", "<<", "?", "#"]
        var answers = Article.answers
        for (index, value) in odd.enumerated() {
            answers.name = value
            answers.profile = value + "!"
            answers.source.branch = value
            answers.codeartifact.domainOwner = value
            answers.build.runtime = value
            answers.pipeline.artifactBucket = value
            answers.network.subnets = [value, "x" + value]
            answers.tags = [.init(key: value + "\(index)", value: value), .init(key: "k", value: value)]
            XCTAssertEqual(AnswersFile.read(AnswersFile.write(answers)).answers, answers, value.debugDescription)
        }
    }

    func testEveryChoiceReadsBackUnchanged() {
        var answers = Article.answers
        answers.codeartifact.format = .nuget
        answers.build.logs = .none
        answers.build.privileged = true
        answers.source.create = false
        answers.source.sampleApp = false
        answers.pipeline.type = .v1
        answers.pipeline.trigger = .none
        answers.endpoints.privateDNS = false
        answers.endpoints.existing = EndpointService.allCases
        answers.endpoints.policies = .fullAccess
        answers.iam.scope = .all
        answers.network.routeTables = []
        answers.language = .ja
        XCTAssertEqual(AnswersFile.read(AnswersFile.write(answers)).answers, answers)
    }

    /// `language` came after version 1's first files: at its default it is not written, so a file
    /// without it replays to the same answers.yaml; `ja` is written after the tags.
    func testTheLanguageIsWrittenOnlyWhenItIsNotTheDefault() {
        XCTAssertFalse(AnswersFile.write(Article.answers).contains("language"))
        var answers = Article.answers
        answers.language = .ja
        let written = AnswersFile.write(answers)
        XCTAssertTrue(written.contains("tags: {}\nlanguage: ja\n\nsource:"), written)
        XCTAssertEqual(AnswersFile.read(Article.text).answers.language, .en)
        let read = AnswersFile.read(Article.text.replacingOccurrences(of: "version: 1\n", with: "version: 1\nlanguage: ja\n"))
        XCTAssertEqual(read.diagnostics, [])
        XCTAssertEqual(read.answers.language, .ja)
        let wrong = AnswersFile.read(Article.text.replacingOccurrences(of: "version: 1\n", with: "version: 1\nlanguage: fr\n"))
        XCTAssertEqual(wrong.diagnostics.map(\.message), ["\"fr\" is not a valid language (en | ja)"])
    }
}
