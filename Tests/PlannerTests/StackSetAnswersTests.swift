import Foundation
import TestSupport
import XCTest
@testable import Planner

/// The optional `stackset` section (docs/answers.md): read, checked at its place in the file,
/// written back to the same answers; its list of accounts is the schema's list of mappings.
final class StackSetAnswersTests: XCTestCase {
    static let section = """

        stackset:
          organizational_units: [ou-ab12-cdef3456, r-ab12]
          regions: [us-west-2, eu-west-1]
          max_concurrent: 25%
          failure_tolerance: 1
          accounts:
            - account: "111122223333"
              vpc: vpc-0123456789abcdef0
              subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
              route_tables: [rtb-0123456789abcdef0]
              existing_endpoints: [logs]

        """

    /// The article's answers with a stackset section, as a test of another class may use them.
    static var answers: Answers {
        var answers = Article.answers
        var stackset = Answers.StackSet()
        stackset.organizationalUnits = ["ou-ab12-cdef3456", "r-ab12"]
        stackset.regions = ["us-west-2", "eu-west-1"]
        stackset.maxConcurrent = "25%"
        stackset.failureTolerance = "1"
        var account = Answers.AccountNetwork()
        account.account = "111122223333"
        account.vpc = "vpc-0123456789abcdef0"
        account.subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        account.routeTables = ["rtb-0123456789abcdef0"]
        account.existingEndpoints = ["logs"]
        stackset.accounts = [account]
        answers.stackset = stackset
        return answers
    }

    func testTheSectionIsReadAndWrittenBackToTheSameAnswers() throws {
        let read = AnswersFile.read(Article.text + Self.section)
        XCTAssertEqual(read.diagnostics.errors, [])
        XCTAssertEqual(read.answers, Self.answers)
        let written = AnswersFile.write(read.answers)
        XCTAssertTrue(written.contains("\nstackset:\n  organizational_units:\n    - ou-ab12-cdef3456\n"), written)
        XCTAssertTrue(written.contains("  accounts:\n    - account: \"111122223333\"\n      vpc: vpc-0123456789abcdef0\n      subnets:\n        - subnet-"), written)
        XCTAssertEqual(AnswersFile.read(written).answers, read.answers)
        XCTAssertEqual(AnswersFile.read(written).diagnostics.errors, [])
    }

    func testWithoutTheSectionTheAnswersAndTheirFileAreAsBefore() {
        let read = AnswersFile.read(Article.text)
        XCTAssertNil(read.answers.stackset)
        XCTAssertFalse(AnswersFile.write(read.answers).contains("stackset"))
        XCTAssertEqual(Rules.check(read.answers).filter { $0.path.hasPrefix("stackset") }, [])
    }

    private func errors(_ section: String) -> [String] {
        AnswersFile.read(Article.text + section).diagnostics.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.path): \($0.message)" }
    }

    func testEachProblemIsReportedAtItsKeyWithItsPath() {
        let base = Article.text.split(separator: "\n", omittingEmptySubsequences: false).count
        let found = errors("""

            stackset:
              organizational_units: [ou-ab12-cdef3456, ou-bad, ou-ab12-cdef3456]
              regions: []
              max_concurrent: 3
              failure_tolerance: 101%
              accounts:
                - account: "1234"
                  vpc: vpc-0123456789abcdef0
                  subnets: [subnet-0123456789abcdef0]
                  route_tables: [rtb-0123456789abcdef0]
                  existing_endpoints: [logs, ec2, logs]
                - 7

            """)
        let line = { (offset: Int) in base + offset }
        XCTAssertEqual(found, [
            "\(line(2)):44 stackset.organizational_units[1]: \"ou-bad\" is not a valid organizational unit id (ou-xxxx-yyyyyyyy or r-xxxx (lower-case letters and digits))",
            "\(line(2)):52 stackset.organizational_units[2]: ou-ab12-cdef3456 is listed twice (each organizational unit id once)",
            "\(line(3)):12 stackset.regions: required (a list of region codes such as us-west-2)",
            "\(line(5)):22 stackset.failure_tolerance: \"101%\" is not a valid failure tolerance (a count from 0, or a percentage from 0% to 100%)",
            "\(line(7)):16 stackset.accounts[0].account: \"1234\" is not a valid account id (12 digits)",
            "\(line(9)):16 stackset.accounts[0].subnets: 1 subnets where network.subnets has 2 (as many: the template's build role names each by its place)",
            "\(line(11)):34 stackset.accounts[0].existing_endpoints[1]: \"ec2\" is not a valid endpoint (an endpoint the template makes (logs, codeartifact.api, codeartifact.repositories, sts, s3))",
            "\(line(11)):39 stackset.accounts[0].existing_endpoints[2]: logs is listed twice (each endpoint once)",
            "\(line(12)):7 stackset.accounts[1]: found \"7\" (a mapping of account, vpc, subnets, route_tables, existing_endpoints)",
        ], found.joined(separator: "\n"))
    }

    /// An account whose VPC has its own S3 endpoint gets no gateway: its route tables may be left out.
    func testAnAccountWithItsOwnS3EndpointNeedsNoRouteTables() {
        let account = { (existing: String) in """

            stackset:
              organizational_units: [ou-ab12-cdef3456]
              regions: [us-west-2]
              accounts:
                - account: "111122223333"
                  vpc: vpc-0123456789abcdef0
                  subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
                  existing_endpoints: [\(existing)]

            """ }
        XCTAssertEqual(errors(account("s3")), [])
        XCTAssertEqual(errors(account("logs")).map { $0.split(separator: " ").dropFirst().first.map(String.init) }, ["stackset.accounts[0].route_tables:"])
    }

    func testOperationPreferencesFollowCloudFormationsRules() {
        func check(_ maximum: String, _ tolerance: String) -> [String] {
            var answers = Self.answers
            answers.stackset?.maxConcurrent = maximum
            answers.stackset?.failureTolerance = tolerance
            return Rules.check(answers).errors.map(\.path)
        }
        XCTAssertEqual(check("1", "0"), [])
        XCTAssertEqual(check("2", "1"), [])
        XCTAssertEqual(check("3", "1"), ["stackset.max_concurrent"], "a count at most one more than the tolerance")
        XCTAssertEqual(check("10", "10%"), [], "a percentage tolerance bounds no count")
        XCTAssertEqual(check("100%", "0"), [])
        XCTAssertEqual(check("0", "0"), ["stackset.max_concurrent"])
        XCTAssertEqual(check("0%", "0%"), ["stackset.max_concurrent"])
        XCTAssertEqual(check("1", "-1"), ["stackset.failure_tolerance"])
        XCTAssertEqual(check("1.5", "0"), ["stackset.max_concurrent"])
    }

    /// No value of the section reaches stackset.sh unchecked: a hostile one in any of its keys is
    /// an error at that key (YAML's double quotes hold any text: `\n` is a newline).
    func testAHostileValueInAnyKeyIsRefusedAtThatKey() {
        let slots: [(path: String, written: String, hostile: String)] = [
            ("stackset.organizational_units[0]", "[ou-ab12-cdef3456,", "[VALUE,"), ("stackset.regions[0]", "[us-west-2,", "[VALUE,"),
            ("stackset.max_concurrent", "max_concurrent: 25%", "max_concurrent: VALUE"),
            ("stackset.failure_tolerance", "failure_tolerance: 1", "failure_tolerance: VALUE"),
            ("stackset.accounts[0].account", "\"111122223333\"", "VALUE"), ("stackset.accounts[0].vpc", "vpc: vpc-0123456789abcdef0", "vpc: VALUE"),
            ("stackset.accounts[0].subnets[0]", "[subnet-0123456789abcdef0,", "[VALUE,"),
            ("stackset.accounts[0].route_tables[0]", "[rtb-0123456789abcdef0]", "[VALUE]"),
        ]
        for hostile in ["$(touch pwned)", "a'b", "`id`", "1; rm -rf /", "ou-ab12-cdef3456\\n", "r-\u{e9}t\u{e9}"] {
            for slot in slots {
                let text = Self.section.replacingOccurrences(of: slot.written, with: slot.hostile.replacingOccurrences(of: "VALUE", with: "\"\(hostile)\""))
                XCTAssertNotEqual(text, Self.section, slot.path)
                let errors = AnswersFile.read(Article.text + text).diagnostics.errors
                XCTAssertTrue(errors.contains { $0.path == slot.path }, "\(slot.path) \(hostile): \(errors)")
            }
        }
    }

    func testAStackSetCreatesItsSecurityGroups() {
        var answers = Self.answers
        answers.network.securityGroup = .vpcDefault
        XCTAssertEqual(Rules.check(answers).errors.map(\.path), ["network.security_group"])
        answers.stackset = nil
        XCTAssertEqual(Rules.check(answers).errors, [])
    }
}
