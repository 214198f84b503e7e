import Account
import Foundation
import TestSupport
import XCTest
@testable import Planner

/// setup.sh's preflight rules exist twice, in bash (setup.sh) and in Swift (`--check --live`,
/// the wizard): fed the same rows, as the plan's lookups would read them from an account, both
/// find the same problems and notes, word for word. Each state also names what it must find, so
/// that two rules that agree in being wrong fail too.
final class PreflightParityTests: XCTestCase {
    private static let vpc = "vpc-0123456789abcdef0", first = "subnet-0123456789abcdef0", second = "subnet-0fedcba9876543210"
    private static let table = "rtb-0123456789abcdef0"

    /// One state of an account: the answers, the rows their lookups read, and what must be found.
    private struct State {
        var name: String
        var answers = Article.answers
        var rows = PreflightParityTests.article
        var problems: [String] = []
        var notes: [String] = []
    }

    /// The article's account: its two subnets in two zones on one route table, every service
    /// offered in zones a to c, nothing of vpcpipe's names.
    private static let article: [String: String] = [
        "SUBNETS": rows([first, vpc, "us-west-2a", "10.42.1.0/24"], [second, vpc, "us-west-2b", "10.42.2.0/24"]),
        "ROUTE_TABLES": rows(["rtb-main", "1", "none"], [table, "0", "\(first) \(second)"]),
        "ENDPOINT_ZONES": rows(["com.amazonaws.us-west-2.logs", "us-west-2a us-west-2b us-west-2c"],
                               ["com.amazonaws.us-west-2.codeartifact.api", "us-west-2a us-west-2b us-west-2c"],
                               ["com.amazonaws.us-west-2.codeartifact.repositories", "us-west-2a us-west-2b us-west-2c"],
                               ["com.amazonaws.us-west-2.sts", "us-west-2a us-west-2b us-west-2c"]),
    ]

    /// setup.sh's note on someone else's endpoint, whose policy it does not read.
    private static func unread(_ id: String, _ service: String) -> String {
        "\(id), the VPC's com.amazonaws.us-west-2.\(service) endpoint, is used as it is, and setup.sh does not read its policy: it must allow the build's requests ("
    }

    private static func rows(_ rows: [String]...) -> String { rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") }

    private static func with(_ changes: [String: String]) -> [String: String] { article.merging(changes) { $1 } }

    private static let states: [State] = {
        var states = [State(name: "the article's account")]

        var twoInOneZone = State(name: "two subnets in one zone", notes: [
            "subnet-0aaaaaaaaaaaaaaaa is in us-west-2a, as \(first) is: the build uses both, the interface endpoints only \(first)"])
        twoInOneZone.answers.network.subnets.append("subnet-0aaaaaaaaaaaaaaaa")
        twoInOneZone.rows["SUBNETS"]! += "\n" + rows(["subnet-0aaaaaaaaaaaaaaaa", vpc, "us-west-2a", "10.42.3.0/24"])
        twoInOneZone.rows["ROUTE_TABLES"] = rows(["rtb-main", "1", "none"], [table, "0", "\(first) \(second) subnet-0aaaaaaaaaaaaaaaa"])
        states.append(twoInOneZone)

        var zoneD = State(name: "a zone an endpoint service does not offer", problems: [
            "network.subnets[1]: \(second) is in us-west-2d, where com.amazonaws.us-west-2.sts has no endpoint"])
        zoneD.rows["SUBNETS"] = rows([first, vpc, "us-west-2a", "10.42.1.0/24"], [second, vpc, "us-west-2d", "10.42.2.0/24"])
        zoneD.rows["ENDPOINT_ZONES"] = article["ENDPOINT_ZONES"]!.replacingOccurrences(
            of: "sts\tus-west-2a us-west-2b us-west-2c", with: "sts\tus-west-2a us-west-2b")
            .replacingOccurrences(of: "us-west-2c", with: "us-west-2c us-west-2d")
        states.append(zoneD)

        var unusedTable = State(name: "a route table no subnet uses", problems: [
            "network.route_tables[0]: rtb-0bbbbbbbbbbbbbbbb is the route table of none of network.subnets (they use \(table))",
            "network.route_tables: \(table), the route table of \(first) and \(second), is missing"])
        unusedTable.answers.network.routeTables = ["rtb-0bbbbbbbbbbbbbbbb"]
        states.append(unusedTable)

        var mainTable = State(name: "subnets on the VPC's main table", problems: [
            "network.route_tables[0]: \(table) is the route table of none of network.subnets (they use rtb-main)",
            "network.route_tables: rtb-main, the route table of \(first) and \(second), is missing"])
        mainTable.rows["ROUTE_TABLES"] = rows(["rtb-main", "1", "none"], [table, "0", "none"])
        states.append(mainTable)

        var missing = State(name: "a missing VPC and a subnet of another VPC", problems: [
            "network.vpc: \(vpc) was not found in us-west-2", "network.subnets[0]: \(first) was not found in us-west-2",
            "network.subnets[1]: \(second) is in vpc-0ccccccccccccccccc, not in network.vpc \(vpc)",
            "network.route_tables[0]: \(table) is the route table of none of network.subnets"])
        missing.rows["ROUTE_TABLES"] = ""
        missing.rows["SUBNETS"] = rows([second, "vpc-0ccccccccccccccccc", "us-west-2b", "10.43.2.0/24"])
        states.append(missing)

        var s3Interface = State(name: "an S3 interface endpoint", notes: [
            "vpce-s3 is an Interface endpoint of com.amazonaws.us-west-2.s3, not the Gateway endpoint the build needs"])
        s3Interface.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.s3/Interface", "vpce-s3", "False", "sg-team", "none", "None"])
        states.append(s3Interface)

        let admitting = rows(["sg-team", "tcp", "443", "443", "10.42.0.0/16", "none"])
        var noDNS = State(name: "an endpoint without private DNS", problems: [
            "endpoints: vpce-logs, the VPC's com.amazonaws.us-west-2.logs endpoint, has private DNS off"], notes: [unread("vpce-logs", "logs")])
        noDNS.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.logs/Interface", "vpce-logs", "False", "sg-team", "none", "None"])
        noDNS.rows["ENDPOINT_RULES"] = admitting
        states.append(noDNS)

        var closed = State(name: "a group not admitting 443", problems: [
            "endpoints: vpce-sts, the VPC's com.amazonaws.us-west-2.sts endpoint, does not admit HTTPS (tcp 443) from the build: its security groups (sg-sts sg-other) need an inbound rule from the build's security group"],
            notes: [unread("vpce-sts", "sts")])
        closed.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.sts/Interface", "vpce-sts", "True", "sg-sts sg-other", "none", "None"])
        closed.rows["ENDPOINT_RULES"] = rows(["sg-sts", "tcp", "443", "443", "10.99.0.0/16", "none"], ["sg-sts", "tcp", "22", "22", "10.42.0.0/16", "none"],
                                             ["sg-other", "udp", "443", "443", "10.42.0.0/16", "none"], ["sg-elsewhere", "-1", "-1", "-1", "0.0.0.0/0", "none"])
        states.append(closed)

        var ranges = State(name: "rules from /0 and /32", problems: [
            "endpoints: vpce-narrow, the VPC's com.amazonaws.us-west-2.codeartifact.repositories endpoint, does not admit HTTPS"],
            notes: [unread("vpce-wide", "logs"), unread("vpce-all", "sts"), unread("vpce-narrow", "codeartifact.repositories")])
        ranges.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.logs/Interface", "vpce-wide", "True", "sg-wide", "none", "None"],
                                        ["com.amazonaws.us-west-2.sts/Interface", "vpce-all", "True", "sg-all", "none", "None"],
                                        ["com.amazonaws.us-west-2.codeartifact.repositories/Interface", "vpce-narrow", "True", "sg-narrow", "none", "None"])
        ranges.rows["ENDPOINT_RULES"] = rows(["sg-wide", "tcp", "0", "65535", "0.0.0.0/0", "none"], ["sg-all", "-1", "-1", "-1", "10.42.0.0/16", "none"],
                                             ["sg-narrow", "tcp", "443", "443", "10.42.1.7/32", "none"], ["sg-narrow", "6", "443", "443", "10.42.2.0/24", "none"])
        states.append(ranges)

        var gateway = State(name: "a gateway off the subnets' table", problems: [
            "endpoints: vpce-gw, the VPC's com.amazonaws.us-west-2.s3 gateway endpoint, is not on route table \(table)"],
            notes: [unread("vpce-gw", "s3")])
        gateway.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.s3/Gateway", "vpce-gw", "False", "none", "rtb-main", "None"])
        states.append(gateway)

        var ours = State(name: "endpoints of an earlier run and someone else's fitting one", notes: [unread("vpce-fit", "logs")])
        ours.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.s3/Gateway", "vpce-ours", "False", "none", "rtb-main", "Private"],
                                      ["com.amazonaws.us-west-2.logs/Interface", "vpce-fit", "True", "sg-team", "none", "team-logs"])
        ours.rows["ENDPOINT_RULES"] = admitting
        states.append(ours)

        var listed = State(name: "an endpoint listed as existing that is not there", problems: [
            "endpoints.existing: lists sts, but the VPC has no Interface endpoint of com.amazonaws.us-west-2.sts"])
        listed.answers.endpoints.existing = [.sts]
        states.append(listed)

        var chosen = State(name: "a role and a group chosen on purpose", problems: [
            "build.role: arn:aws:iam::\(PreflightBash.account):role/team-build does not trust codebuild.amazonaws.com (its trust policy allows ec2.amazonaws.com)",
            "network.security_group: sg-0123456789abcdef0 is in vpc-0ccccccccccccccccc, not in network.vpc \(vpc)"],
            notes: [unread("vpce-sts", "sts"), "arn:aws:iam::111122223333:role/team-pipeline is not a role of account \(PreflightBash.account)"])
        chosen.answers.build.role = .existing(arn: "arn:aws:iam::\(PreflightBash.account):role/team-build")
        chosen.answers.pipeline.role = .existing(arn: "arn:aws:iam::111122223333:role/team-pipeline")
        chosen.answers.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        chosen.rows["BUILD_ROLE_TRUST"] = rows(["team-build", "ec2.amazonaws.com"])
        chosen.rows["GIVEN_GROUP"] = rows(["sg-0123456789abcdef0", "vpc-0ccccccccccccccccc"])
        chosen.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.sts/Interface", "vpce-sts", "True", "sg-sts", "none", "None"])
        chosen.rows["ENDPOINT_RULES"] = rows(["sg-sts", "tcp", "443", "443", "10.99.0.0/16", "sg-0123456789abcdef0"])
        states.append(chosen)

        var trustsNone = State(name: "a chosen role trusting no service", problems: [
            "build.role: arn:aws:iam::\(PreflightBash.account):role/team-build does not trust codebuild.amazonaws.com (its trust policy allows no service)"])
        trustsNone.answers.build.role = .existing(arn: "arn:aws:iam::\(PreflightBash.account):role/team-build")
        trustsNone.rows["BUILD_ROLE_TRUST"] = rows(["team-build", ""])
        states.append(trustsNone)

        var missingRole = State(name: "a chosen role that is not there", problems: [
            "build.role: arn:aws:iam::\(PreflightBash.account):role/team-build was not found in account \(PreflightBash.account)"])
        missingRole.answers.build.role = .existing(arn: "arn:aws:iam::\(PreflightBash.account):role/team-build")
        states.append(missingRole)

        var defaultGroup = State(name: "the VPC's default group, admitted by someone else's endpoint", notes: [unread("vpce-logs", "logs")])
        defaultGroup.answers.network.securityGroup = .vpcDefault
        defaultGroup.rows["DEFAULT_SG"] = "sg-default"
        defaultGroup.rows["ENDPOINTS"] = rows(["com.amazonaws.us-west-2.logs/Interface", "vpce-logs", "True", "sg-team", "none", "None"])
        defaultGroup.rows["ENDPOINT_RULES"] = rows(["sg-team", "tcp", "443", "443", "none", "sg-default"])
        states.append(defaultGroup)
        return states
    }()

    func testBashAndSwiftFindTheSameInEveryState() throws {
        for state in Self.states {
            let plan = Planner.plan(state.answers)
            let bash = try bashFindings(plan, state.rows)
            let swift = try AccountCheck.run(plan, reader: Rows(plan: plan, rows: state.rows))
            let problems = swift.problems.map { "\($0.path): \($0.message)" }
            XCTAssertEqual(bash.problems, problems, state.name)
            XCTAssertEqual(bash.notes, swift.notes, state.name)
            XCTAssertEqual(problems.count, state.problems.count, "\(state.name): \(problems)")
            for expected in state.problems {
                XCTAssertTrue(problems.contains { $0.hasPrefix(expected) }, "\(state.name): missing \(expected) in \(problems)")
            }
            XCTAssertEqual(swift.notes.count, state.notes.count, "\(state.name): \(swift.notes)")
            for expected in state.notes {
                XCTAssertTrue(swift.notes.contains { $0.hasPrefix(expected) }, "\(state.name): missing \(expected) in \(swift.notes)")
            }
        }
    }

    /// `--live` says the problems and notes in the terminal's language: in Japanese, the words
    /// setup.sh says with `language: ja`.
    func testBashAndSwiftFindTheSameInJapanese() throws {
        for state in Self.states {
            let plan = Planner.plan(state.answers)
            let bash = try bashFindings(plan, state.rows, .ja)
            let swift = try AccountCheck.run(plan, reader: Rows(plan: plan, rows: state.rows))
            XCTAssertEqual(bash.problems, swift.problems.map { "\($0.path): \($0.text(.ja))" }, state.name)
            XCTAssertEqual(bash.notes, swift.noteWordings.map { $0.text(.ja) }, state.name)
            XCTAssertEqual(bash.problems.count, state.problems.count, state.name)
            for problem in swift.problems { XCTAssertNotEqual(problem.text(.ja), problem.message, "\(state.name): said in Japanese") }
            // No English words put into a Japanese sentence.
            for said in bash.problems + bash.notes {
                for english in ["none of network.vpc", "the build's security group", "no service"] {
                    XCTAssertFalse(said.contains(english), "\(state.name): \(said)")
                }
            }
            for said in bash.problems + bash.notes {
                for english in [" and ", " on arn:", "; "] { XCTAssertFalse(said.contains(english), "\(state.name): \(said)") }
            }
        }
    }

    func testEveryRuleThePlanCallsIsOneOfBoth() throws {
        let library = Script.text(.preflight, script: "setup", .en)
        for rule in PreflightRule.allCases {
            XCTAssertTrue(library.contains("\n\(rule.rawValue)() {"), "preflight.bash has no \(rule.rawValue)")
        }
        for words in PreflightWords.all {
            XCTAssertTrue(library.contains("\(words.function) "), "no rule says \(words.function)")
        }
    }

    func testEndpointFindingsTellWhatTheWizardTicks() throws {
        let plan = Planner.plan(Article.answers)
        var rows = Self.article
        rows["ENDPOINTS"] = Self.rows(["com.amazonaws.us-west-2.logs/Interface", "vpce-fit", "True", "sg-team", "none", "None"],
                                      ["com.amazonaws.us-west-2.sts/Interface", "vpce-dark", "False", "sg-team", "none", "None"],
                                      ["com.amazonaws.us-west-2.s3/Interface", "vpce-s3", "False", "sg-team", "none", "None"])
        rows["ENDPOINT_RULES"] = Self.rows(["sg-team", "tcp", "443", "443", "10.42.0.0/16", "none"])
        let findings = try AccountCheck.run(plan, reader: Rows(plan: plan, rows: rows))
        XCTAssertEqual(findings.endpoints[.logs], .fit(id: "vpce-fit"))
        XCTAssertEqual(findings.endpoints[.s3], .absent(other: "vpce-s3"))
        XCTAssertEqual(findings.endpoints[.codeartifactAPI], .absent(other: nil))
        guard case .unfit(let id, let problems) = findings.endpoints[.sts] else { return XCTFail("\(findings.endpoints)") }
        XCTAssertEqual(id, "vpce-dark")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].text(.en).contains("has private DNS off"), problems[0].text(.en))
        // The wizard says them in its language.
        XCTAssertEqual(problems[0].text(.ja), "VPC の com.amazonaws.us-west-2.sts エンドポイント vpce-dark はプライベート DNS がオフです: ビルドが通常のホスト名に送るリクエストは届かず、プライベート DNS を持つ 2 つ目のエンドポイントも並べて作れません。オンにしてください (aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-dark --private-dns-enabled)")
    }

    // MARK: The two

    /// setup.sh's preflight lines for `plan`, in bash, its lookups answered with `rows`.
    private func bashFindings(_ plan: Plan, _ rows: [String: String], _ language: Language = .en) throws -> (problems: [String], notes: [String]) {
        let actions = plan.step(.preflight)?.always ?? []
        let facts = rows.map { "[\($0.key)]=\(Shell.quote(.text($0.value)))" }.sorted().joined(separator: " ")
        let blank: [String] = plan.variables.filter { $0 != "ACCOUNT" }.map { "\($0)=''" }
        let answered: [String] = [
            "declare -A FACTS=(\(facts))",
            #"lookup() { printf -v "$1" '%s' "${FACTS[$1]-}"; }"#,
            #"capture() { printf -v "$1" '%s' "${FACTS[$1]-}"; }"#,
        ]
        let lines: [String] = blank + answered + actions.flatMap { ScriptRenderer.lines(for: $0, language) }
        let output = try PreflightBash.run(lines.joined(separator: "\n"), language: language)
        let said = output.split(separator: "\n").map(String.init)
        let note = Phrase.note.text(language, ["1": ""])
        return (said.filter { $0.hasPrefix("problem: ") }.map { String($0.dropFirst("problem: ".count)) },
                said.filter { $0.hasPrefix(note) }.map { String($0.dropFirst(note.count)) })
    }

    /// An account that answers each of the plan's lookups with the rows of its variable, the
    /// caller's identity with the test's account, and every other call (the steps' checks) with
    /// nothing found.
    private struct Rows: AWSReading {
        let plan: Plan
        let rows: [String: String]

        func read<Value>(_ call: AWSCall<Value>) throws -> Value {
            let query = call.arguments.firstIndex(of: "--query").map { call.arguments[$0 + 1] }
            var answer: Any = NSNull()
            if call.arguments.starts(with: ["sts", "get-caller-identity"]) {
                answer = PreflightBash.account
            } else if let found = Self.actions(plan.step(.preflight)?.always ?? []).first(where: { $0.command.value("query") == query }) {
                let text = rows[found.variable] ?? ""
                answer = found.rows ? text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) } : text
            }
            return try call.decode(try JSONSerialization.data(withJSONObject: answer, options: .fragmentsAllowed))
        }

        /// The lookups (rows) and captures (one value) among the actions, however nested.
        private static func actions(_ actions: [Action]) -> [(variable: String, command: Command, rows: Bool)] {
            actions.flatMap { action -> [(variable: String, command: Command, rows: Bool)] in
                switch action {
                case .lookup(let lookup): [(lookup.variable, lookup.command, true)]
                case .capture(let name, let command): [(name, command, false)]
                case .ifFound(_, let inner): Self.actions(inner)
                default: []
                }
            }
        }
    }
}
