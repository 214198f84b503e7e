import Foundation
import TestSupport
import XCTest
@testable import Planner

/// Resources the operator chose on purpose (a role given by ARN, a security group given by id)
/// are used as they are, never changed; preflight reads what it can of them.
final class ChosenResourcesTests: XCTestCase {
    private static let account = PreflightBash.account

    private static func chosen() -> Answers {
        var answers = Article.answers
        answers.build.role = .existing(arn: "arn:aws:iam::\(account):role/team-build")
        answers.pipeline.role = .existing(arn: "arn:aws:iam::111122223333:role/team-pipeline")
        answers.network.securityGroup = .existing(id: "sg-0123456789abcdef0")
        return answers
    }

    func testPreflightReadsTheChosenRolesAndGroup() throws {
        let preflight = Planner.plan(Self.chosen()).step(.preflight)!.always
        let rules = preflight.compactMap { action -> String? in
            guard case .rule(let name, let arguments, _, _) = action else { return nil }
            return ([name.rawValue] + arguments.map(\.display)).joined(separator: " ")
        }
        XCTAssertTrue(rules.contains("own_role BUILD_ROLE arn:aws:iam::\(Self.account):role/team-build"), "\(rules)")
        XCTAssertTrue(rules.contains("judge_role build.role arn:aws:iam::\(Self.account):role/team-build codebuild.amazonaws.com codebuild-trust.json BUILD_ROLE"), "\(rules)")
        XCTAssertTrue(rules.contains("judge_role pipeline.role arn:aws:iam::111122223333:role/team-pipeline codepipeline.amazonaws.com codepipeline-trust.json PIPELINE_ROLE"), "\(rules)")
        XCTAssertTrue(rules.contains("judge_group sg-0123456789abcdef0 vpc-0123456789abcdef0"), "\(rules)")
        // The role's trust is read only when own_role found it of this account.
        let guarded = preflight.compactMap { action -> Command? in
            guard case .ifFound("BUILD_ROLE", let inner) = action, case .lookup(let lookup)? = inner.first else { return nil }
            XCTAssertEqual(lookup.variable, "BUILD_ROLE_TRUST")
            XCTAssertEqual(lookup.absent, ["NoSuchEntity"])
            return lookup.command
        }
        XCTAssertEqual(guarded.first?.argv.prefix(5), ["aws", "iam", "get-role", "--role-name", "team-build"])
        // Whoever runs setup.sh may read it, at its own path (policies/operator.json).
        XCTAssertEqual(guarded.first.flatMap { Permissions(Names(Self.chosen())).resources($0) }?.map(\.display),
                       ["arn:aws:iam::\(Self.account):role/team-build"])
        let group = preflight.compactMap { action -> Lookup? in
            if case .lookup(let lookup) = action, lookup.variable == "GIVEN_GROUP" { lookup } else { nil }
        }.first
        XCTAssertEqual(group?.command.value("filters"), #"[{"Name":"group-id","Values":["sg-0123456789abcdef0"]}]"#)

        // New roles and groups are vpcpipe's own: nothing chosen to read.
        let article = Planner.plan(Article.answers).step(.preflight)!.always
        XCTAssertFalse(article.contains { if case .rule(let name, _, _, _) = $0 { [.ownRole, .judgeRole, .judgeGroup].contains(name) } else { false } })
    }

    func testARoleOfThisAccountMustExistAndTrustItsService() throws {
        let build = "arn:aws:iam::\(Self.account):role/service-role/team-build"
        let trusting = try PreflightBash.run("""
            BUILD_ROLE_TRUST=$'team-build\\tec2.amazonaws.com codebuild.amazonaws.com'
            own_role BUILD_ROLE '\(build)'
            echo "name: $BUILD_ROLE"
            judge_role build.role '\(build)' codebuild.amazonaws.com codebuild-trust.json BUILD_ROLE
            """)
        XCTAssertEqual(trusting, "name: team-build\n")
        let other = try PreflightBash.run("""
            BUILD_ROLE_TRUST=$'team-build\\tec2.amazonaws.com'
            own_role BUILD_ROLE '\(build)'
            judge_role build.role '\(build)' codebuild.amazonaws.com codebuild-trust.json BUILD_ROLE
            """)
        XCTAssertEqual(other, "problem: build.role: \(build) does not trust codebuild.amazonaws.com (its trust policy allows ec2.amazonaws.com): codebuild.amazonaws.com cannot assume it; allow it as policies/codebuild-trust.json does\n")
        let missing = try PreflightBash.run("""
            BUILD_ROLE_TRUST=''
            own_role BUILD_ROLE '\(build)'
            judge_role build.role '\(build)' codebuild.amazonaws.com codebuild-trust.json BUILD_ROLE
            """)
        XCTAssertEqual(missing, "problem: build.role: \(build) was not found in account \(Self.account)\n")
    }

    func testARoleOfAnotherAccountIsNotRead() throws {
        let arn = "arn:aws:iam::111122223333:role/team-pipeline"
        let output = try PreflightBash.run("""
            PIPELINE_ROLE_TRUST=''
            own_role PIPELINE_ROLE '\(arn)'
            echo "name: '$PIPELINE_ROLE'"
            judge_role pipeline.role '\(arn)' codepipeline.amazonaws.com codepipeline-trust.json PIPELINE_ROLE
            """)
        XCTAssertEqual(output, "name: ''\n  note: \(arn) is not a role of account \(Self.account): whether it exists and trusts codepipeline.amazonaws.com is not read\n")
    }

    func testTheGivenGroupMustBeInTheVPC() throws {
        XCTAssertEqual(try PreflightBash.run("GIVEN_GROUP=$'sg-1\\tvpc-1'\njudge_group sg-1 vpc-1"), "")
        XCTAssertEqual(try PreflightBash.run("GIVEN_GROUP=$'sg-1\\tvpc-2'\njudge_group sg-1 vpc-1"),
                       "problem: network.security_group: sg-1 is in vpc-2, not in network.vpc vpc-1\n")
        XCTAssertEqual(try PreflightBash.run("GIVEN_GROUP=''\njudge_group sg-1 vpc-1"),
                       "problem: network.security_group: sg-1 was not found in us-west-2\n")
    }

    /// The reader warns what a given group must allow, in the checklist's words; a malformed id
    /// is an error, with no warning.
    func testAGivenGroupIsAWarningSayingWhatItMustAllow() throws {
        let answers = Self.chosen()
        let warnings = Rules.check(answers).filter { $0.path == "network.security_group" }
        XCTAssertEqual(warnings.map(\.severity), [.warning])
        let needs = "it must be in VPC vpc-0123456789abcdef0 and allow inbound HTTPS (443) from itself (or from network.subnets), and outbound HTTPS (443) to itself and to S3"
        XCTAssertTrue(warnings[0].message.hasPrefix("sg-0123456789abcdef0 is used as it is, for the build and the endpoints: " + needs), warnings[0].message)
        XCTAssertTrue(Checklist.render(Planner.plan(answers)).contains(
            "it must be in VPC `vpc-0123456789abcdef0` and allow inbound HTTPS (443) from itself (or from the subnets above), and outbound HTTPS (443) to itself and to S3"))
        for group in [SecurityGroupChoice.create, .vpcDefault] {
            var other = answers
            other.network.securityGroup = group
            XCTAssertEqual(Rules.check(other).filter { $0.path == "network.security_group" }, [], "\(group)")
        }
        var malformed = answers
        malformed.network.securityGroup = .existing(id: "sg-1")
        XCTAssertEqual(Rules.check(malformed).filter { $0.path == "network.security_group" }.map(\.severity), [.error])
    }

    func testADryRunJudgesNothingAndNamesTheRoleByItsPlaceholder() throws {
        let output = try PreflightBash.run("""
            BUILD_ROLE_TRUST=''
            GIVEN_GROUP=''
            own_role BUILD_ROLE 'arn:aws:iam::\(Self.account):role/x'
            echo "name: $BUILD_ROLE"
            judge_role build.role 'arn:aws:iam::\(Self.account):role/x' codebuild.amazonaws.com codebuild-trust.json BUILD_ROLE
            judge_group sg-1 vpc-1
            """, dryRun: true)
        XCTAssertEqual(output, "name: <build-role>\n")
    }
}
