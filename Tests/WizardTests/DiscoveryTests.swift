import Account
import Planner
import TestSupport
import XCTest
@testable import Wizard

/// The wizard's side of discovery, without a terminal or an account: which reads it wants,
/// what their answers offer, and how a failure leaves the fields typed.
final class DiscoveryTests: XCTestCase {
    private let scope = AccountScope(profile: "", region: "us-west-2")
    private let identity = Identity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/operator")

    /// The article's VPC: subnets in zones a and b (two in a, the larger first) on a private
    /// table, one in c routed to a NAT gateway; and a VPC whose only subnet routes to the internet.
    private let network = NetworkFacts(
        vpcs: [VPC(id: "vpc-web", name: "web", cidr: "10.50.0.0/16", isDefault: false),
               VPC(id: "vpc-article", name: "Private", cidr: "10.42.0.0/16", isDefault: false)],
        dns: ["vpc-article": VPCDNS(support: true, hostnames: false)],
        subnets: [Subnet(id: "subnet-a1", name: "a1", vpc: "vpc-article", zone: "us-west-2a", cidr: "10.42.1.0/24", freeAddresses: 250),
                  Subnet(id: "subnet-a2", name: "a2", vpc: "vpc-article", zone: "us-west-2a", cidr: "10.42.4.0/24", freeAddresses: 100),
                  Subnet(id: "subnet-b", name: "b", vpc: "vpc-article", zone: "us-west-2b", cidr: "10.42.2.0/24", freeAddresses: 251),
                  Subnet(id: "subnet-c", name: "c", vpc: "vpc-article", zone: "us-west-2c", cidr: "10.42.3.0/24", freeAddresses: 251),
                  Subnet(id: "subnet-web", name: "w", vpc: "vpc-web", zone: "us-west-2a", cidr: "10.50.1.0/24", freeAddresses: 9)],
        routeTables: [RouteTable(id: "rtb-main", vpc: "vpc-article", isMain: true, subnets: [], internetTargets: []),
                      RouteTable(id: "rtb-private", vpc: "vpc-article", isMain: false, subnets: ["subnet-a1", "subnet-b"], internetTargets: []),
                      RouteTable(id: "rtb-nat", vpc: "vpc-article", isMain: false, subnets: ["subnet-c"], internetTargets: ["nat-1"]),
                      RouteTable(id: "rtb-web", vpc: "vpc-web", isMain: true, subnets: [], internetTargets: ["igw-1"])],
        securityGroups: [SecurityGroup(id: "sg-team", name: "team", vpc: "vpc-article")])

    /// A fresh wizard that reads the account, its identity and profiles answered.
    private func started(_ language: Language = .en) throws -> WizardState {
        let state = WizardState(answers: Answers().in(language), diagnostics: [], outputFolder: "out", size: Drive.size, discover: true)
        let profiles = try answer(state, .success(.profiles(["team"])))
        return try answer(profiles, .success(.identity(identity)))
    }

    /// The screen's text with wrapped lines joined, as a person reads it.
    private func shown(_ state: WizardState) -> String {
        view(state).text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    private func on(_ screen: ScreenID, _ state: WizardState) -> WizardState {
        var state = state
        state.go(to: screen, field: Screens.screen(screen, state.language).entry)
        return update(state, .resize(Drive.size))
    }

    /// Answers the running read of the answer's kind (of a failure: the first the screen shows) with `answer`.
    private func answer(_ state: WizardState, _ answer: Result<AccountAnswer, AccountError>) throws -> WizardState {
        let kind: AccountQuery.Kind? = switch answer {
        case .success(.identity): .identity
        case .success(.profiles): .profiles
        case .success(.regions): .regions
        case .success(.network): .network
        case .success(.resources): .resources
        case .success(.check): .check
        case .success(.prices): .prices
        case .failure: nil
        }
        let job = try XCTUnwrap(state.discovery.running.first { job in kind.map { job.query.kind == $0 } ?? state.screen.shows(job.query.kind) },
                                "no read running")
        return update(state, .discovered(job, answer))
    }

    func testWhoTheCredentialsAreIsReadFirstAndAlone() throws {
        let fresh = WizardState(answers: Answers(), diagnostics: [], outputFolder: "out", size: Drive.size, discover: true)
        XCTAssertEqual(fresh.discovery.toStart, [AccountJob(scope: scope, query: .profiles), AccountJob(scope: scope, query: .identity)])
        let onVPC = on(.vpc, fresh)
        XCTAssertEqual(onVPC.discovery.toStart, [], "nothing else is asked before the identity answers")
        XCTAssertTrue(shown(onVPC).contains("reading who the credentials of the default profile are… (Esc cancels)"))
        let offline = WizardState(answers: Answers(), diagnostics: [], outputFolder: "out", size: Drive.size)
        XCTAssertEqual(on(.vpc, offline).discovery.toStart, [], "--offline reads nothing")
        let started = try started()
        XCTAssertTrue(shown(started).contains("reading the account's regions, and where CodeArtifact is offered…"), shown(started))
        let regions = try answer(started, .success(.regions(RegionFacts(enabled: ["us-west-2"], codeArtifact: ["us-west-2"]))))
        XCTAssertTrue(shown(regions).contains("Account 123456789012 (arn:aws:iam::123456789012:user/operator)"), shown(regions))
        XCTAssertEqual(started.profileOptions?.map(\.value), ["", "team"], "the default credentials, then the profiles")
    }

    func testAFailedReadIsOneLineAndTheIdsAreTyped() throws {
        let fresh = WizardState(answers: Answers(), diagnostics: [], outputFolder: "out", size: Drive.size, discover: true)
        let identityJob = try XCTUnwrap(fresh.discovery.running.first { $0.query == .identity })
        let off = update(fresh, .discovered(identityJob, .failure(.noCredentials(.none(profile: "")))))
        let vpc = on(.vpc, off)
        XCTAssertEqual(vpc.discovery.toStart, [], "discovery is off for the session")
        XCTAssertTrue(shown(vpc).contains("Discovery is off: no usable AWS credentials: none found for the default profile"), shown(vpc))
        // In Japanese, why too.
        var japanese = Answers()
        japanese.language = .ja
        let freshJapanese = WizardState(answers: japanese, diagnostics: [], outputFolder: "out", size: Drive.size, discover: true)
        let japaneseJob = try XCTUnwrap(freshJapanese.discovery.running.first { $0.query == .identity })
        let offJapanese = on(.vpc, update(freshJapanese, .discovered(japaneseJob, .failure(.noCredentials(.none(profile: ""))))))
        // (Compared without spaces: the line wraps between Japanese words.)
        XCTAssertTrue(shown(offJapanese).filter { !$0.isWhitespace }.contains("使えるAWSの認証情報がありません:既定のプロファイルの認証情報が見つかりません"),
                      shown(offJapanese))
        let typed = Drive.keys(Drive.typing("vpc-0123456789abcdef0"), from: vpc)
        XCTAssertEqual(typed.answers.network.vpc, "vpc-0123456789abcdef0")

        // A read of one screen failing leaves the others'.
        let network = on(.vpc, try started())
        let failed = try answer(network, .failure(.timeout(what: "the VPCs of us-west-2", action: "ec2:DescribeVpcs", seconds: 20)))
        XCTAssertTrue(shown(failed).contains("Could not read the VPCs, subnets and route tables of us-west-2: no answer in 20 s"),
                      shown(failed))
        XCTAssertEqual(Drive.keys(Drive.typing("vpc-1"), from: failed).answers.network.vpc, "vpc-1")
    }

    func testEscCancelsTheScreensReadAndStays() throws {
        let reading = on(.vpc, try started())
        let job = try XCTUnwrap(reading.discovery.running.first { $0.query == .network })
        let cancelled = update(reading, .key(.escape))
        XCTAssertEqual(cancelled.screen, .vpc, "Esc stopped the read, not the screen")
        XCTAssertEqual(cancelled.discovery.toCancel, [job])
        XCTAssertTrue(shown(cancelled).contains("cancelled (Esc). Type the ids."))
        XCTAssertEqual(update(cancelled, .key(.escape)).screen, .pipeline, "a second Esc goes back")
        // The spinner turns while a read runs.
        XCTAssertNotEqual(shown(update(reading, .tick)), shown(reading))
    }

    func testChoosingAVPCBringsItsPrivateSubnetsOneAZoneAndTheirTables() throws {
        let vpc = try answer(on(.vpc, try started()), .success(.network(network)))
        XCTAssertEqual(vpc.vpcOptions?.map(\.value), ["vpc-article", "vpc-web"], "the article's VPC first")
        XCTAssertTrue(shown(vpc).contains("Private  10.42.0.0/16  private in 2 zones  DNS off"), shown(vpc))

        let chosen = update(vpc, .key(.enter))
        XCTAssertEqual(chosen.answers.network.vpc, "vpc-article")
        XCTAssertEqual(chosen.answers.network.subnets, ["subnet-a1", "subnet-b"], "one private subnet a zone, the largest")
        XCTAssertEqual(chosen.answers.network.routeTables, ["rtb-private"])
        let subnets = chosen.subnetOptions ?? []
        XCTAssertEqual(subnets.map(\.value), ["subnet-a1", "subnet-a2", "subnet-b", "subnet-c"])
        XCTAssertEqual(subnets.last?.warning, "routes to the internet (nat-1): allowed, but the article's VPC has no route out")

        // Ticking the second subnet of zone a: the build uses it, the endpoints do not; its
        // table (the VPC's main one) joins the route tables.
        let both = Drive.keys([.down, .character(" ")], from: chosen)
        XCTAssertEqual(both.answers.network.subnets, ["subnet-a1", "subnet-b", "subnet-a2"])
        XCTAssertEqual(both.answers.network.routeTables, ["rtb-private", "rtb-main"])
        XCTAssertEqual(both.subnetNote("subnet-a2"),
                       "shares us-west-2a with subnet-a1: the build uses both, the interface endpoints only subnet-a1 (one subnet a zone)")

        // Subnets the operator typed do not follow another VPC.
        var typed = vpc
        typed.answers.network.subnets = ["subnet-mine"]
        typed = update(typed, .key(.enter))
        XCTAssertEqual(typed.answers.network.subnets, ["subnet-mine"])
    }

    /// The account's lines and lists in Japanese, as golden 80x24 frames: the start screen
    /// reading, the VPCs, the subnets with a zone's second one ticked, the endpoints found.
    func testTheAccountsListsInJapanese() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        func assertGolden(_ state: WizardState, _ name: String) throws {
            try Golden.assert(view(state).text, equals: golden.appendingPathComponent("ja-discovery-\(name).txt"))
        }
        let started = try started(.ja)
        try assertGolden(started, "start-reading")
        let vpc = try answer(on(.vpc, started), .success(.network(network)))
        try assertGolden(vpc, "vpcs")
        let subnets = Drive.keys([.down, .character(" ")], from: update(vpc, .key(.enter)))
        XCTAssertEqual(subnets.answers.network.subnets, ["subnet-a1", "subnet-b", "subnet-a2"])
        try assertGolden(subnets, "subnets")

        var answers = Article.answers.in(.ja)
        answers.endpoints.existing = []
        var state = WizardState(answers: answers, diagnostics: Rules.check(answers), outputFolder: "out", size: Drive.size, discover: true)
        state = try answer(state, .success(.identity(identity)))
        state = on(.endpoints, state)
        let check = try XCTUnwrap(state.discovery.running.first { $0.query.kind == .check })
        state = update(state, .discovered(check, .success(.check(AccountFindings(
            account: "123456789012", problems: [], notes: [],
            endpoints: [.logs: .fit(id: "vpce-logs"), .sts: .unfit(id: "vpce-sts", problems: [.each { Phrase.preflightPrivateDNSOff.text($0, ["id": "vpce-sts", "service": "com.amazonaws.us-west-2.sts"]) }]),
                        .s3: .absent(other: "vpce-s3-interface")],
            found: [:])))))
        try assertGolden(Drive.keys([.tab], from: state), "endpoints")
    }

    func testEndpointsFoundFitAreTickedOnceAndAnUntickStays() throws {
        var answers = Article.answers
        answers.endpoints.existing = []
        var state = WizardState(answers: answers, diagnostics: Rules.check(answers), outputFolder: "out", size: Drive.size, discover: true)
        state = try answer(state, .success(.identity(identity)))
        state = on(.endpoints, state)
        let check = try XCTUnwrap(state.discovery.running.first { $0.query.kind == .check })
        let findings = AccountFindings(
            account: "123456789012",
            problems: [.error("build.role", "IAM role codebuild-Private-service-role exists but was not made by vpcpipe")],
            notes: [], endpoints: [.logs: .fit(id: "vpce-logs"), .sts: .unfit(id: "vpce-sts", problems: [.verbatim("vpce-sts ... has private DNS off")]),
                                   .s3: .absent(other: nil)],
            found: [.codeBuildRole: .theirs])
        state = update(state, .discovered(check, .success(.check(findings))))
        XCTAssertEqual(state.answers.endpoints.existing, [.logs])
        let text = shown(state)
        XCTAssertTrue(text.contains("vpce-logs is in the VPC and fits"), text)
        XCTAssertTrue(text.contains("vpce-sts is in the VPC but cannot serve the build"), text)
        // Unticked by the operator, it stays unticked when the next check answers.
        state = Drive.keys([.character(" ")], from: state)
        XCTAssertEqual(state.answers.endpoints.existing, [])
        if let next = state.discovery.running.first(where: { $0.query.kind == .check }) {
            state = update(state, .discovered(next, .success(.check(findings))))
        }
        XCTAssertEqual(state.answers.endpoints.existing, [])

        // What setup.sh would stop on is a warning on its answer: export goes on.
        state = on(.review, state)
        if let next = state.discovery.running.first(where: { $0.query.kind == .check }) {
            state = update(state, .discovered(next, .success(.check(findings))))
        }
        XCTAssertEqual(state.marks["build.role"], .taken)
        XCTAssertTrue(shown(state).contains("[name taken]") || state.shownDiagnostics.contains { $0.path == "build.role" })
        XCTAssertEqual(state.accountDiagnostics.map(\.severity), [.warning])
        state = update(state, .key(.end))
        XCTAssertEqual(update(state, .key(.enter)).screen, .export)
    }

    /// A name the plan would create that the account's lists hold is a warning on its answer on
    /// the screen that chooses it; once the check has read the account, its findings say instead.
    func testNamesInUseAreWarningsWhereTheyAreChosen() throws {
        var state = WizardState(answers: Article.answers, diagnostics: Rules.check(Article.answers), outputFolder: "out",
                                size: Drive.size, discover: true)
        state = on(.build, try answer(state, .success(.identity(identity))))
        XCTAssertEqual(state.namesInUse, [], "nothing read yet")
        let role = "codebuild-Private-service-role"
        state = try answer(state, .success(.resources(AccountResources(
            roles: [IAMRole(name: role, arn: "arn:aws:iam::123456789012:role/service-role/\(role)", trusts: ["codebuild.amazonaws.com"]),
                    IAMRole(name: "team-app", arn: "arn:aws:iam::123456789012:role/team-app", trusts: ["ec2.amazonaws.com"])],
            repositories: ["Private", "other"], domains: ["orders"]))))
        let warnings = state.shownDiagnostics.filter { $0.message.hasPrefix("in the account: ") }
        XCTAssertEqual(Set(warnings.map(\.path)), ["build.role", "source.create"])
        XCTAssertEqual(Set(warnings.map(\.severity)), [.warning])
        XCTAssertTrue(shown(state).contains("in the account: IAM role \(role) exists already; setup.sh stops unless vpcpipe made it for this pipeline: give its ARN as build.role"),
                      shown(state))
        // Used on purpose, a name is no clash.
        var chosen = state
        chosen.answers.source.create = false
        chosen.renderIfShown()
        XCTAssertEqual(chosen.namesInUse.map(\.path), ["build.role"])
        // The check's findings replace them.
        let findings = AccountFindings(account: "123456789012", problems: [], notes: [], endpoints: [:], found: [:])
        state.discovery.checked = (state.answers, findings)
        XCTAssertEqual(state.accountDiagnostics, [])
    }

    /// With discovery on, the screens that show the cost read the region's prices online, once a
    /// region, and their figures replace the table's; --offline prices from the table.
    func testTheCostIsPricedOnlineOnceARegion() throws {
        var state = WizardState(answers: Drive.networked, diagnostics: Rules.check(Drive.networked), outputFolder: "out",
                                size: Drive.size, discover: true)
        state = try answer(state, .success(.identity(identity)))
        XCTAssertFalse(state.discovery.running.contains { $0.query == .prices }, "the start screen shows no cost")
        state = on(.endpoints, state)
        let job = try XCTUnwrap(state.discovery.running.first { $0.query == .prices })
        XCTAssertEqual(job.scope, scope)
        XCTAssertTrue(shown(state).contains("x $0.01 (price table of "), shown(state))
        let online = UnitPrice(usd: 0.0105, origin: .online(date: "2026-12-01"))
        let priced = update(state, .discovered(job, .success(.prices([.endpointHour: online]))))
        XCTAssertEqual(priced.onlinePrices, ["us-west-2": [.endpointHour: online]])
        XCTAssertTrue(shown(priced).contains("x $0.0105 (online: AWS Price List API, read 2026-12-01)"), shown(priced))
        XCTAssertEqual(on(.review, priced).discovery.toStart.filter { $0.query == .prices }, [], "read once a region")

        // A read that fails leaves the table's figures, and is not asked again.
        let failed = update(state, .discovered(job, .failure(.accessDenied(action: "pricing:GetProducts"))))
        XCTAssertTrue(shown(failed).contains("x $0.01 (price table of "), shown(failed))
        XCTAssertEqual(on(.review, failed).discovery.toStart.filter { $0.query == .prices }, [])

        let offline = on(.endpoints, WizardState(answers: Drive.networked, diagnostics: [], outputFolder: "out", size: Drive.size))
        XCTAssertEqual(offline.discovery.toStart, [], "--offline reads no price")
    }

    func testAnotherRegionDropsWhatWasReadAndCancelsItsReads() throws {
        let reading = on(.vpc, try started())
        let job = try XCTUnwrap(reading.discovery.running.first { $0.query == .network })
        let regions = try XCTUnwrap(reading.discovery.running.first { $0.query == .regions })
        var moved = reading
        moved.answers.region = "eu-west-1"
        moved = update(moved, .resize(Drive.size))
        XCTAssertEqual(moved.discovery.toCancel, [job])
        XCTAssertEqual(moved.discovery.toStart, [AccountJob(scope: AccountScope(profile: "", region: "eu-west-1"), query: .identity)],
                       "the profiles, read already, are the machine's")
        // A late answer of the old region is not taken; the regions are the account's, kept.
        XCTAssertNil(update(moved, .discovered(job, .success(.network(network)))).discovery.network)
        XCTAssertTrue(moved.discovery.running.contains(regions))
        let facts = RegionFacts(enabled: ["eu-west-1"], codeArtifact: ["eu-west-1"])
        XCTAssertEqual(update(moved, .discovered(regions, .success(.regions(facts)))).discovery.regions, facts)
    }

    /// The start screen offers the account's enabled regions, CodeArtifact's first and marked;
    /// the catalog's when they cannot be read.
    func testTheRegionsAreTheAccountsMarkedWhereCodeArtifactIsOffered() throws {
        let started = try started()
        XCTAssertEqual(started.screen, .start)
        XCTAssertTrue(started.discovery.running.contains { $0.query == .regions }, "read once the identity is known")
        XCTAssertEqual(started.regionOptions.map(\.value), Catalog.codeArtifactRegions, "the catalog's while they are read")
        let facts = RegionFacts(enabled: ["ap-southeast-3", "eu-west-1", "us-west-2"], codeArtifact: ["eu-west-1", "us-east-1", "us-west-2"])
        let read = try answer(started, .success(.regions(facts)))
        XCTAssertEqual(read.regionOptions.map(\.value), ["eu-west-1", "us-west-2", "ap-southeast-3"])
        XCTAssertEqual(read.regionOptions.map(\.note), ["CodeArtifact offered", "CodeArtifact offered", "no CodeArtifact here"])
        XCTAssertTrue(shown(read).contains("‹ us-west-2 ›  CodeArtifact offered"), shown(read))
        XCTAssertEqual(read.discovery.toStart, [], "read once")
        // Choosing a region the list offers: ← from us-west-2 is eu-west-1.
        XCTAssertEqual(update(read, .key(.left)).answers.region, "eu-west-1")

        let denied = try answer(started, .failure(.accessDenied(action: "ssm:GetParametersByPath")))
        XCTAssertEqual(denied.regionOptions.map(\.value), Catalog.codeArtifactRegions)
        XCTAssertTrue(shown(denied).contains("regions from vpcpipe's catalog (could not read the account's: "), shown(denied))
    }
}
