import TestSupport
import XCTest
@testable import Planner

/// The reader: YAML and JSON in, best-effort answers and every problem with its position out.
final class AnswersFileTests: XCTestCase {
    /// A file with the required keys, then `rest`.
    private func read(_ rest: String) -> (answers: Answers, diagnostics: [Diagnostic]) {
        AnswersFile.read("""
            version: 1
            region: us-west-2
            network:
              vpc: vpc-0123456789abcdef0
              subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]
              route_tables: [rtb-0123456789abcdef0]

            """ + rest)
    }

    private func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { $0.formatted(file: "a.yaml") } }

    func testTheArticleExampleIsClean() {
        let (answers, diagnostics) = AnswersFile.read(Article.text)
        XCTAssertEqual(diagnostics, [])
        // The article's values are the defaults; only the network ids have none.
        var defaults = Answers()
        defaults.network = answers.network
        XCTAssertEqual(answers, defaults)
        XCTAssertEqual(answers.network.subnets.count, 2)
    }

    func testAMissingKeyIsReportedOnItsSection() {
        let found = AnswersFile.read("version: 1\nregion: us-west-2\nnetwork:\n  security_group: create\n").diagnostics
        XCTAssertEqual(lines(found.errors), [
            "a.yaml:3:1: error: network.route_tables: required for the S3 gateway endpoint "
                + "(the subnets' route table ids, unless the VPC's own S3 endpoint is used as existing)",
            "a.yaml:3:1: error: network.subnets: required (a list of subnet ids; two or more AZs are recommended)",
            "a.yaml:3:1: error: network.vpc: required (your VPC's id: vpc- then 8 or 17 lower-case hex digits)",
        ])
    }

    func testUnknownKeysAtEveryLevelSuggestTheNearest() {
        let found = read("""
            regoin: eu-west-1
            branch: main
            source:
              sampleApp: false
            codeartifact:
              upstreams: x
            build:
              Compute-Type: BUILD_GENERAL1_SMALL
            endpoints:
              exist: []
            iam:
              zzz: 1
            """).diagnostics
        XCTAssertEqual(found.map { "\($0.path): \($0.message)" }, [
            "regoin: unknown key (did you mean \"region\"?)",
            "branch: unknown key (did you mean \"source.branch\"?)",
            "source.sampleApp: unknown key (did you mean \"sample_app\"?)",
            "codeartifact.upstreams: unknown key (did you mean \"upstream\"?)",
            "build.Compute-Type: unknown key (did you mean \"compute_type\"?)",
            "endpoints.exist: unknown key (did you mean \"existing\"?)",
            "iam.zzz: unknown key (one of: scope)",
        ])
    }

    func testWrongTypesAreErrorsAndKeepTheDefaults() {
        let (answers, found) = read("""
            name: [a, b]
            tags: [x]
            source: codecommit
            codeartifact:
              domain: {a: b}
            build:
              privileged: yes
            pipeline:
              type: [V1]
            endpoints:
              private_dns: "true"
              existing: logs
            """)
        XCTAssertEqual(found.map { "\($0.path): \($0.message)" }, [
            "name: found a list (a single value)",
            "tags: found a list (a mapping of tag keys to values)",
            "source: found \"codecommit\" (a mapping of provider, repository, branch, create, sample_app)",
            "codeartifact.domain: found a mapping (a single value)",
            "build.privileged: \"yes\" is not true or false (true | false, unquoted)",
            "pipeline.type: found a list (V1 | V2)",
            "endpoints.private_dns: quoted \"true\" is not true or false (true | false, unquoted)",
            "endpoints.existing: found \"logs\" (a list of logs, codeartifact.api, codeartifact.repositories, sts, s3)",
        ])
        XCTAssertEqual(answers.name, "Private")
        XCTAssertEqual(answers.build.privileged, false)
        XCTAssertEqual(answers.endpoints.privateDNS, true)
    }

    func testListItemsMustBeSingleValues() {
        let (answers, found) = read("""
            endpoints:
              existing: [logs, [sts], ec2, s3]
            """)
        XCTAssertEqual(found.map { "\($0.path): \($0.message)" }, [
            "endpoints.existing[1]: found a list (a single value)",
            "endpoints.existing[2]: \"ec2\" is not an endpoint vpcpipe plans "
                + "(logs | codeartifact.api | codeartifact.repositories | sts | s3)",
        ])
        XCTAssertEqual(answers.endpoints.existing, [.logs, .s3])

        // The rules see the list without the refused item, and their paths count its items.
        let subnets = AnswersFile.read("""
            version: 1
            region: us-west-2
            network:
              vpc: vpc-0123456789abcdef0
              subnets: [[subnet-0123456789abcdef0], subnet-1, subnet-0fedcba9876543210]
              route_tables: [rtb-0123456789abcdef0]
            """).diagnostics
        XCTAssertEqual(lines(subnets), [
            "a.yaml:5:13: error: network.subnets[0]: found a list (a single value)",
            "a.yaml:5:41: error: network.subnets[0]: \"subnet-1\" is not a valid subnet id (subnet- then 8 or 17 lower-case hex digits)",
        ])
    }

    func testARefusedValueIsReportedOnce() {
        let found = AnswersFile.read("version: 1\nregion: us-west-2\nnetwork:\n  vpc: [vpc-0123456789abcdef0]\n"
                                     + "  subnets: subnet-0123456789abcdef0\n  route_tables: []\n").diagnostics
        XCTAssertEqual(found.map { "\($0.path): \($0.message)" }, [
            "network.vpc: found a list (a single value)",
            "network.subnets: found \"subnet-0123456789abcdef0\" (a list)",
            "network.route_tables: required for the S3 gateway endpoint (the subnets' route table ids, "
                + "unless the VPC's own S3 endpoint is used as existing)",
        ])
    }

    func testScalarsAreTakenAsWrittenForStringFields() {
        let (answers, found) = read("""
            name: 0123
            profile: ~
            source:
              branch: yes
            codeartifact:
              domain: d0123
              domain_owner: 012345678901
            pipeline:
              name: 1e3
            """)
        XCTAssertEqual(found, [])
        XCTAssertEqual(answers.name, "0123")
        XCTAssertEqual(answers.profile, "")
        XCTAssertEqual(answers.source.branch, "yes")
        XCTAssertEqual(answers.codeartifact.domainOwner, "012345678901")
        XCTAssertEqual(answers.pipeline.name, "1e3")
    }

    func testAPatternBreakIsKeptAsWritten() {
        let (answers, found) = read("name: Private!\n")
        XCTAssertEqual(answers.name, "Private!")
        XCTAssertTrue(found.contains { $0.path == "name" && $0.line == 7 && $0.column == 7 })
    }

    func testBadChoices() {
        let (answers, found) = read("codeartifact:\n  format: go\npipeline:\n  trigger: push\n")
        XCTAssertEqual(found.map { "\($0.path): \($0.message)" }, [
            "codeartifact.format: \"go\" is not a valid format (npm | pypi | maven | nuget)",
            "pipeline.trigger: \"push\" is not a valid trigger (events | poll | none)",
        ])
        XCTAssertEqual(answers.codeartifact.format, .npm)
    }

    func testDuplicatedKeysAreReportedWithEverythingElse() {
        let (answers, found) = read("""
            name: First
            source:
              branch: main
              branch: dev
              branch: prod
            name: Second
            tags:
              Team: a
              Team: b
            pipeline:
              nmae: x
            """)
        XCTAssertEqual(lines(found), [
            "a.yaml:10:3: error: source.branch: duplicated key (each key once; first at line 9)",
            "a.yaml:11:3: error: source.branch: duplicated key (each key once; first at line 9)",
            "a.yaml:12:1: error: name: duplicated key (each key once; first at line 7)",
            "a.yaml:15:3: error: tags.Team: duplicated key (each key once; first at line 14)",
            "a.yaml:17:3: error: pipeline.nmae: unknown key (did you mean \"name\"?)",
        ])
        XCTAssertEqual(answers.name, "Second")
        XCTAssertEqual(answers.source.branch, "prod")
        XCTAssertEqual(answers.tags, [.init(key: "Team", value: "b")])
    }

    func testDuplicatedKeysInJSON() {
        let found = AnswersFile.read(#"{"version": 1, "region": "us-west-2", "region": "eu-west-1"}"#).diagnostics
        XCTAssertEqual(found.filter { $0.path == "region" }, [Diagnostic(.error, "region", "duplicated key (each key once; first at line 1)",
                                               line: 1, column: 39)])
    }

    func testPastTwentyDuplicatedKeysTheReaderStops() {
        let text = "version: 1\ntags:\n" + String(repeating: "  Team: a\n", count: 30)
        XCTAssertEqual(lines(AnswersFile.read(text).diagnostics),
                       ["a.yaml:23:3: error: document: duplicated key \"Team\" (each key once)"])
    }

    func testAByteOrderMarkIsIgnored() throws {
        let (answers, found) = AnswersFile.read("\u{FEFF}" + Article.text)
        XCTAssertEqual(found, [])
        XCTAssertEqual(answers, Article.answers)
        XCTAssertEqual(AnswersFile.read("\u{FEFF}&a x: 1\n").diagnostics.map(\.message),
                       ["anchors and aliases are not supported (write each value out)"])
    }

    /// "Billion laughs": nine levels of ten aliases. Expanded it would be 10^9 nodes; the reader
    /// refuses anchors and aliases before anything is expanded or hashed.
    func testAnAliasBombIsRefusedUnexpanded() {
        var bomb = "version: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        bomb += "? *a9\n: key\n"
        XCTAssertEqual(lines(AnswersFile.read(bomb).diagnostics),
                       ["a.yaml:2:5: error: document: anchors and aliases are not supported (write each value out)"])
    }

    func testAnyAliasIsRefused() {
        for text in ["name: &n Private\npipeline:\n  name: *n\n", "version: 1\nname: !!str &n x\n",
                     "{\"version\": 1, \"name\":*n}", "- - *x\n"] {
            XCTAssertEqual(AnswersFile.read(text).diagnostics.map(\.message),
                           ["anchors and aliases are not supported (write each value out)"], text)
        }
        // A * or & inside a value is no alias.
        XCTAssertEqual(read("tags:\n  Team: a*b&c\n# see: *note\n").diagnostics.map(\.path), ["tags.Team"])
    }

    func testAnEmptyFile() {
        for text in ["", "\n", "# just a comment\n"] {
            XCTAssertEqual(lines(AnswersFile.read(text).diagnostics),
                           ["a.yaml:1:1: error: document: the file is empty (answers, starting with version: 1)"])
        }
    }

    func testTextThatIsNotYAML() {
        let found = AnswersFile.read("version: 1\nregion: [us-west-2\nname: x\n").diagnostics
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].path, "document")
        XCTAssertTrue(found[0].message.hasPrefix("not valid YAML: "), found[0].message)
        XCTAssertNotNil(found[0].line)
        XCTAssertEqual(AnswersFile.read("version: 1\nname: a\u{1}b\n").diagnostics.map { "\($0.line ?? 0) \($0.message)" },
                       ["2 not valid YAML: control characters are not allowed (printable UTF-8 text)"])
    }

    func testTheTopLevelMustBeAMapping() {
        XCTAssertEqual(lines(AnswersFile.read("- version: 1\n").diagnostics),
                       ["a.yaml:1:1: error: document: found a list (a mapping of answers, starting with version: 1)"])
    }

    func testVersion() {
        XCTAssertEqual(lines(AnswersFile.read("version: 2\nregion: x\nfuture_key: 1\n").diagnostics),
                       ["a.yaml:1:10: error: version: version 2 is not supported by this vpcpipe (version: 1)"])
        XCTAssertEqual(read("").diagnostics, [])
        let missing = AnswersFile.read("region: us-west-2\n").diagnostics.filter { $0.path == "version" }
        XCTAssertEqual(lines(missing), ["a.yaml:1:1: error: version: required (version: 1)"])
        let words = AnswersFile.read("version: one\n").diagnostics.filter { $0.path == "version" }
        XCTAssertEqual(words.map(\.message), ["\"one\" is not a version number (version: 1)"])
    }

    func testRegionIsRequired() {
        let found = AnswersFile.read("version: 1\n").diagnostics.filter { $0.path == "region" }
        XCTAssertEqual(found.map(\.message), ["required (a region code such as us-west-2)"])
    }

    func testJSONIsAccepted() {
        let json = """
            {"version": 1, "region": "us-west-2", "name": "Private",
             "source": {"branch": "main", "create": true},
             "network": {"vpc": "vpc-0123456789abcdef0",
                         "subnets": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
                         "route_tables": ["rtb-0123456789abcdef0"]},
             "endpoints": {"private_dns": true, "existing": []}}
            """
        let (answers, found) = AnswersFile.read(json)
        XCTAssertEqual(found, [])
        XCTAssertEqual(answers, Article.answers)
    }

    func testMissingKeysFollowTheAnswersTheyDependOn() {
        let (answers, found) = read("""
            name: Demo_App
            codeartifact:
              format: pypi
            """)
        XCTAssertEqual(found, [])
        XCTAssertEqual(answers.source.repository, "Demo_App")
        XCTAssertEqual(answers.codeartifact.repository, "Demo_App")
        XCTAssertEqual(answers.build.project, "Demo_App")
        XCTAssertEqual(answers.pipeline.name, "Demo_App")
        XCTAssertEqual(answers.codeartifact.domain, "demo-app")
        XCTAssertEqual(answers.codeartifact.upstream, "pypi-store")
        XCTAssertEqual(answers.codeartifact.externalConnection, "public:pypi")
        XCTAssertEqual(answers.build.runtime, "python:3.12")
    }

    func testAProblemWithADefaultIsReportedAtTheAnswerItFollows() {
        XCTAssertEqual(lines(read("name: a\nbuild:\n  image: aws/codebuild/standard:7.0\n").diagnostics.errors), [
            "a.yaml:7:7: error: build.project: \"a\" is not a valid project name "
                + "(2-150 of A-Z a-z 0-9 _ -, starting with a letter or digit) (defaulted from name)",
            "a.yaml:7:7: error: codeartifact.domain: \"a\" is not a valid domain name "
                + "(2-50 of a-z 0-9 -, starting with a letter, not ending in -) (defaulted from name)",
            "a.yaml:7:7: error: codeartifact.repository: \"a\" is not a valid repository name "
                + "(2-100 of A-Z a-z 0-9 . _ -, starting with a letter or digit) (defaulted from name)",
        ])
        // Given in the file, the same value is reported at its own key.
        XCTAssertEqual(lines(read("name: ab\nbuild:\n  project: a\n").diagnostics.errors), [
            "a.yaml:9:12: error: build.project: \"a\" is not a valid project name "
                + "(2-150 of A-Z a-z 0-9 _ -, starting with a letter or digit)",
        ])
    }

    func testLongKeysAreShownCutShort() {
        let key = String(repeating: "k", count: 1 << 20)
        let shown = String(repeating: "k", count: 118) + "... (1048576 characters)"
        let found = read("? \(key)\n: 1\nbuild:\n  ? \(key)\n  : 1\ntags:\n  ? \(key)\n  : x\n").diagnostics
        XCTAssertEqual(found.map(\.path), [shown, "build." + shown, "tags." + shown])
        XCTAssertEqual(found.map { [$0.line, $0.column] }, [[7, 3], [10, 5], [13, 5]])
        // In Japanese, the length too; the path the fields know stays one.
        let japanese = String(repeating: "k", count: 118) + "... (1048576 文字)"
        XCTAssertEqual(found.map { $0.shownPath.text(.ja) }, [japanese, "build." + japanese, "tags." + japanese])
        XCTAssertEqual(found.map { $0.shownPath.text(.en) }, found.map(\.path))
        XCTAssertEqual(found.last?.formatted(file: "a.yaml", language: .ja),
                       "a.yaml:13:5: エラー: tags.\(japanese): " + found[2].text(.ja))
        let duplicated = read("\(String(repeating: "d", count: 200)): 1\n\(String(repeating: "d", count: 200)): 2\n").diagnostics.errors
        XCTAssertEqual(duplicated.map { $0.formatted(file: "a.yaml", language: .ja) }.first { $0.contains("重複") },
                       "a.yaml:8:1: エラー: \(String(repeating: "d", count: 118))... (200 文字): キーが重複しています (各キーは一度だけ。最初は 7 行目)")
        // A duplicated key too (short enough for the reader to report duplicates one by one),
        // and a tag key as long as AWS takes, whole.
        let long = String(repeating: "d", count: 200), tag = String(repeating: "t", count: 127)
        XCTAssertEqual(Set(read("\(long): 1\n\(long): 2\n").diagnostics.errors.map(\.path)),
                       [String(repeating: "d", count: 118) + "... (200 characters)"])
        XCTAssertEqual(read("tags:\n  \(tag): x\n  \(tag): y\n").diagnostics.errors.map(\.path), ["tags." + tag])
        XCTAssertTrue(lines(found).allSatisfy { $0.utf8.count < 400 }, "\(lines(found).map(\.utf8.count))")
    }

    /// A long value is cut short and said with its length, in each language's words.
    func testLongValuesAreShownCutShortWithTheirLength() {
        let found = read("profile: \(String(repeating: "p", count: 100))\n").diagnostics.errors
        let cut = "\"" + String(repeating: "p", count: 50) + "...\""
        XCTAssertEqual(found.map { $0.text(.en) }, ["\(cut) (100 characters) is not a valid profile name (0-64 of A-Z a-z 0-9 _ . @ + -)"])
        XCTAssertEqual(found.map { $0.text(.ja) }, ["\(cut) (100 文字) は正しいプロファイル名ではありません (A-Z a-z 0-9 _ . @ + - の 0-64 文字)"])
    }

    func testNoUpstreamMeansNoExternalConnectionByDefault() {
        let (answers, found) = read("codeartifact:\n  upstream: \"\"\n")
        XCTAssertEqual(found, [])
        XCTAssertEqual(answers.codeartifact.externalConnection, "")
    }

    func testEveryProblemIsReportedAtOnceInFileOrder() {
        let found = AnswersFile.read("""
            region: Oregon
            name: demo
            build:
              image: ubuntu
              privileged: maybe
            network:
              vpc: vpc-1
            iam:
              scope: all
            """).diagnostics
        XCTAssertEqual(found.map { "\($0.line ?? 0):\($0.severity.rawValue):\($0.path)" }, [
            "1:error:version", "1:error:region", "4:error:build.image", "5:error:build.privileged",
            "6:error:network.route_tables", "6:error:network.subnets", "7:error:network.vpc", "9:warning:iam.scope",
        ])
    }
}
