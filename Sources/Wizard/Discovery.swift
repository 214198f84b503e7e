import Account
import Planner

// What the wizard knows of the account and asks of it. The wizard stays pure: it says which
// reads it wants (`toStart`, `toCancel`), the driver runs them through the account-reading
// layer off the key loop and answers with `Message.discovered`; a spinner names what is being
// read, Esc cancels it, and a failure is one line on the screen concerned, the fields staying
// typeable.

/// The profile and region the account is read with: what is found for one is not for another.
public struct AccountScope: Equatable, Sendable {
    public var profile: String
    public var region: String
}

/// A read the wizard wants.
public enum AccountQuery: Equatable, Sendable {
    /// Who the credentials are: read first, and without it nothing else is asked.
    case identity
    /// The AWS CLI's profiles, whatever the credentials of the one chosen.
    case profiles
    /// The regions the account has enabled, and those where CodeArtifact is offered.
    case regions
    /// The region's VPCs, subnets, route tables and security groups.
    case network
    /// What an existing choice can name: roles, CodeCommit repositories, CodeArtifact domains.
    case resources
    /// What setup.sh's preflight would find for these answers: the endpoints, names in use.
    case check(Answers)
    /// The region's unit prices, from the AWS Price List API (in its own region, us-east-1).
    case prices

    enum Kind: Hashable, Sendable { case identity, profiles, regions, network, resources, check, prices }

    var kind: Kind {
        switch self {
        case .identity: .identity
        case .profiles: .profiles
        case .regions: .regions
        case .network: .network
        case .resources: .resources
        case .check: .check
        case .prices: .prices
        }
    }

    /// What it reads, for the spinner and for a failure.
    func what(_ scope: AccountScope, _ l: Language) -> String {
        let region = ["region": scope.region]
        return switch self {
        case .identity: scope.profile.isEmpty ? WizardPhrase.readIdentityDefault.text(l)
            : WizardPhrase.readIdentityProfile.text(l, ["profile": scope.profile])
        case .profiles: WizardPhrase.readProfiles.text(l)
        case .regions: WizardPhrase.readRegions.text(l)
        case .network: WizardPhrase.readNetwork.text(l, region)
        case .resources: WizardPhrase.readResources.text(l, region)
        case .check: WizardPhrase.readCheck.text(l)
        case .prices: WizardPhrase.readPrices.text(l, region)
        }
    }
}

/// A read in its scope, as the driver runs it.
public struct AccountJob: Equatable, Sendable {
    public var scope: AccountScope
    public var query: AccountQuery
}

/// The regions the start screen offers: those the account has enabled, marked where
/// CodeArtifact is offered (AWS's public parameters of its global infrastructure).
public struct RegionFacts: Equatable, Sendable {
    public var enabled: [String]
    public var codeArtifact: [String]

    public init(enabled: [String], codeArtifact: [String]) { self.enabled = enabled; self.codeArtifact = codeArtifact }
}

/// The region's network, as the VPC screen offers it.
public struct NetworkFacts: Equatable, Sendable {
    public var vpcs: [VPC]
    public var dns: [String: VPCDNS]
    public var subnets: [Subnet]
    public var routeTables: [RouteTable]
    public var securityGroups: [SecurityGroup]

    public init(vpcs: [VPC], dns: [String: VPCDNS], subnets: [Subnet], routeTables: [RouteTable], securityGroups: [SecurityGroup]) {
        self.vpcs = vpcs; self.dns = dns; self.subnets = subnets; self.routeTables = routeTables; self.securityGroups = securityGroups
    }

    /// The route table a subnet uses: the one associated with it, else its VPC's main table.
    func table(of subnet: Subnet) -> RouteTable? {
        routeTables.first { $0.subnets.contains(subnet.id) } ?? routeTables.first { $0.vpc == subnet.vpc && $0.isMain }
    }

    /// Whether the subnet's traffic can leave for the internet: the article's VPC has no route out.
    func isPrivate(_ subnet: Subnet) -> Bool { table(of: subnet)?.internetTargets.isEmpty ?? true }

    func subnets(of vpc: String) -> [Subnet] {
        subnets.filter { $0.vpc == vpc }.sorted { ($0.zone, $0.id) < ($1.zone, $1.id) }
    }

    /// The subnets offered for a VPC: one private subnet a zone (the one with the most free
    /// addresses), so that the build and each endpoint get a zone each.
    func suggestedSubnets(of vpc: String) -> [String] {
        var best: [String: Subnet] = [:]
        for subnet in subnets(of: vpc) where isPrivate(subnet) {
            if let kept = best[subnet.zone], kept.freeAddresses >= subnet.freeAddresses { continue }
            best[subnet.zone] = subnet
        }
        return best.values.sorted { ($0.zone, $0.id) < ($1.zone, $1.id) }.map(\.id)
    }

    /// The route tables the subnets use, in their order; nil when one of them is not known.
    func tables(of ids: [String]) -> [String]? {
        var tables: [String] = []
        for id in ids {
            guard let subnet = subnets.first(where: { $0.id == id }), let table = table(of: subnet) else { return nil }
            if !tables.contains(table.id) { tables.append(table.id) }
        }
        return tables
    }

    /// The zones of the VPC's private subnets.
    func privateZones(of vpc: String) -> Int { Set(subnets(of: vpc).filter(isPrivate).map(\.zone)).count }

    /// The VPCs, those that suit the article first: the default VPC last (the article builds in
    /// a VPC of your own), then private subnets in the most zones, then by name.
    var rankedVPCs: [VPC] {
        vpcs.sorted { a, b in
            let left = (a.isDefault ? 1 : 0, -privateZones(of: a.id), a.name.isEmpty ? 1 : 0, a.name, a.id)
            let right = (b.isDefault ? 1 : 0, -privateZones(of: b.id), b.name.isEmpty ? 1 : 0, b.name, b.id)
            return left < right
        }
    }
}

/// What existing choices can name.
public struct AccountResources: Equatable, Sendable {
    public var roles: [IAMRole]
    public var repositories: [String]
    public var domains: [String]

    public init(roles: [IAMRole], repositories: [String], domains: [String]) {
        self.roles = roles; self.repositories = repositories; self.domains = domains
    }
}

/// A read's answer.
public enum AccountAnswer: Equatable, Sendable {
    case identity(Identity)
    case profiles([String])
    case regions(RegionFacts)
    case network(NetworkFacts)
    case resources(AccountResources)
    case check(AccountFindings)
    case prices([PriceKey: UnitPrice])
}

/// The wizard's knowledge of the account, for the scope of the answers' profile and region.
public struct Discovery: Equatable, Sendable {
    /// False with --offline: nothing is read, every id is typed.
    public let enabled: Bool
    var scope: AccountScope?
    var identity: Identity?
    /// Kept across profiles and regions: the list is the machine's.
    var profiles: [String]?
    /// Kept across regions: they are the account's.
    var regions: RegionFacts?
    var network: NetworkFacts?
    var resources: AccountResources?
    /// The last check, and the answers it was made for.
    var checked: (answers: Answers, findings: AccountFindings)?
    /// Why a read failed, by kind (said in the wizard's language): for the identity, why
    /// discovery is off.
    var failures: [AccountQuery.Kind: AccountError] = [:]
    /// Reads started and not answered yet.
    public internal(set) var running: [AccountJob] = []
    /// Set by `update` for the driver: reads to start, and to stop.
    public internal(set) var toStart: [AccountJob] = []
    public internal(set) var toCancel: [AccountJob] = []
    /// The spinner's frame, moved by `Message.tick`.
    var spinner = 0
    /// The endpoints the wizard ticked as existing, once each: one the operator unticks stays so.
    var ticked: Set<String> = []

    public init(enabled: Bool) { self.enabled = enabled }

    public static func == (lhs: Discovery, rhs: Discovery) -> Bool {
        lhs.enabled == rhs.enabled && lhs.scope == rhs.scope && lhs.identity == rhs.identity && lhs.profiles == rhs.profiles
            && lhs.regions == rhs.regions && lhs.network == rhs.network
            && lhs.resources == rhs.resources && lhs.checked?.answers == rhs.checked?.answers
            && lhs.checked?.findings == rhs.checked?.findings && lhs.failures == rhs.failures && lhs.running == rhs.running
            && lhs.toStart == rhs.toStart && lhs.toCancel == rhs.toCancel && lhs.spinner == rhs.spinner && lhs.ticked == rhs.ticked
    }

    /// The findings of the last check, if it was made for `answers`.
    func findings(for answers: Answers) -> AccountFindings? {
        checked.flatMap { $0.answers == answers ? $0.findings : nil }
    }

    /// `new` after a change from `old`, where the subnets and route tables that still held
    /// what the account suggested for the old VPC and subnets follow the new ones (a value the
    /// operator chose stays), as `AnswerSchema.refill` does for defaults.
    func follow(from old: Answers, to new: Answers) -> Answers {
        guard let network else { return new }
        var answers = new
        let vpc = new.network.vpc
        if vpc != old.network.vpc, network.vpcs.contains(where: { $0.id == vpc }),
           old.network.subnets.isEmpty || old.network.subnets == network.suggestedSubnets(of: old.network.vpc) {
            answers.network.subnets = network.suggestedSubnets(of: vpc)
        }
        if answers.network.subnets != old.network.subnets, let tables = network.tables(of: answers.network.subnets),
           old.network.routeTables.isEmpty || old.network.routeTables == network.tables(of: old.network.subnets) {
            answers.network.routeTables = tables
        }
        return answers
    }
}

extension WizardState {
    /// The reads the current screen wants, started unless running, answered or failed; reads of
    /// another profile or region are dropped.
    mutating func planDiscovery() {
        guard discovery.enabled else { return }
        let scope = AccountScope(profile: answers.profile, region: answers.region)
        if discovery.scope != scope {
            // What was read for another profile or region is dropped; the profiles are the
            // machine's, the regions the account's (the same for another region).
            let old = discovery
            let kept: [AccountQuery] = old.scope?.profile == scope.profile ? [.profiles, .regions] : [.profiles]
            discovery = Discovery(enabled: true)
            discovery.scope = scope
            discovery.profiles = old.profiles
            discovery.failures[.profiles] = old.failures[.profiles]
            if kept.contains(.regions) {
                discovery.regions = old.regions
                discovery.failures[.regions] = old.failures[.regions]
            }
            discovery.running = old.running.filter { kept.contains($0.query) }
            discovery.toCancel = old.running.filter { !kept.contains($0.query) }
        }
        // The profiles are offered even when the chosen one has no credentials.
        var wanted: [AccountQuery] = screen == .start && discovery.profiles == nil ? [.profiles] : []
        if discovery.identity == nil {
            wanted.append(.identity)
        } else {
            switch screen {
            case .start: wanted.append(.regions)
            case .source, .codeArtifact, .build, .pipeline: wanted.append(.resources)
            case .vpc: wanted.append(.network)
            case .endpoints, .review, .export:
                wanted.append(.network)
                // What it costs, priced online: they replace the table's (once a region).
                if onlinePrices[answers.region] == nil { wanted.append(.prices) }
                let network = answers.network
                if !network.vpc.isEmpty, !network.subnets.isEmpty, !diagnostics.about("network").hasErrors {
                    wanted.append(.check(answers))
                }
            case .iam: break
            }
        }
        for query in wanted {
            let kind = query.kind
            guard discovery.failures[kind] == nil, !discovery.running.contains(where: { $0.query == query }) else { continue }
            switch query {
            case .identity where discovery.identity != nil, .profiles where discovery.profiles != nil,
                 .regions where discovery.regions != nil, .network where discovery.network != nil,
                 .resources where discovery.resources != nil, .prices where onlinePrices[answers.region] != nil:
                continue
            case .check(let checked) where discovery.checked?.answers == checked:
                continue
            case .check:
                // A check for answers since changed is of no use.
                let stale = discovery.running.filter { $0.query.kind == .check }
                discovery.toCancel += stale
                discovery.running.removeAll { $0.query.kind == .check }
            default: break
            }
            let job = AccountJob(scope: scope, query: query)
            discovery.running.append(job)
            discovery.toStart.append(job)
        }
    }

    /// A read's answer: kept if it is of the answers' scope; a check's endpoints found fit are
    /// ticked as existing, once.
    mutating func discovered(_ job: AccountJob, _ result: Result<AccountAnswer, AccountError>) {
        guard let index = discovery.running.firstIndex(of: job) else { return }
        discovery.running.remove(at: index)
        switch result {
        case .failure(let error):
            discovery.failures[job.query.kind] = error
        case .success(.identity(let identity)): discovery.identity = identity
        case .success(.profiles(let profiles)): discovery.profiles = profiles
        case .success(.regions(let regions)): discovery.regions = regions
        case .success(.network(let network)): discovery.network = network
        case .success(.resources(let resources)): discovery.resources = resources
        case .success(.check(let findings)):
            guard case .check(let checked) = job.query else { return }
            discovery.checked = (checked, findings)
            guard checked == answers else { return }
            for (service, finding) in findings.endpoints.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard case .fit = finding, !discovery.ticked.contains(service.rawValue),
                      !answers.endpoints.existing.contains(service), Endpoints.need(service, answers).planned else { continue }
                answers.endpoints.existing.append(service)
                discovery.ticked.insert(service.rawValue)
            }
            if screen == .review { marks = Review.marks(Planner.plan(answers), findings: discovery.findings(for: answers)) }
        case .success(.prices(let prices)):
            onlinePrices[job.scope.region] = prices
        }
    }

    /// Esc while the screen waits on a read: the read stops, and the fields stay typeable.
    /// Returns false when nothing was being read for this screen.
    mutating func cancelDiscovery() -> Bool {
        let concerned = discovery.running.filter { screen.shows($0.query.kind) }
        guard !concerned.isEmpty else { return false }
        discovery.toCancel += concerned
        discovery.running.removeAll { concerned.contains($0) }
        for job in concerned { discovery.failures[job.query.kind] = .cancelled }
        return true
    }

    /// Leaving a screen forgets the reads cancelled there: coming back reads again. Who the
    /// credentials are is not asked again: Esc on it turns discovery off, until the profile or
    /// region changes.
    mutating func forgetCancelled() {
        discovery.failures = discovery.failures.filter { $0.key == .identity || $0.value != .cancelled }
    }

    /// Problems setup.sh would stop on (or, for an endpoint's policy, that would refuse the build), found in the account for these answers: shown as
    /// warnings on their answers (the account may change before setup.sh runs; export goes on;
    /// `--live` calls them errors). Before the check has read them, the names in use.
    var accountDiagnostics: [Diagnostic] {
        guard let findings = discovery.findings(for: answers) else { return namesInUse }
        return findings.problems.map { problem in
            .warning(problem.path, .each { WizardPhrase.accountProblem.text($0, ["problem": problem.text($0)]) })
        }
    }

    /// The names the plan would create that the account's lists hold already (a role, a
    /// CodeCommit repository, a CodeArtifact domain), on their answers as soon as the lists are
    /// read, on the screens that choose them: whether vpcpipe made them, only the check tells.
    var namesInUse: [Diagnostic] {
        guard let resources = discovery.resources, let plan, plan.answers == answers else { return [] }
        let held = ["IAM role": resources.roles.map(\.name), "CodeCommit repository": resources.repositories,
                    "CodeArtifact domain": resources.domains]
        return plan.steps.compactMap { step -> Diagnostic? in
            guard let foreign = step.foreign, let resource = step.resources.first, !resource.existing,
                  held[resource.kind]?.contains(resource.name.rendered { _ in "" }) == true else { return nil }
            return .warning(foreign.key, .each {
                WizardPhrase.nameInUse.text($0, ["resource": resource.label($0).rendered { _ in "" }, "advice": foreign.advice($0)])
            })
        }
    }

    /// The answers' problems, then the account's.
    var shownDiagnostics: [Diagnostic] { diagnostics + accountDiagnostics }
}

extension ScreenID {
    /// Whether the screen shows what a read of this kind finds (its spinner, its failure).
    func shows(_ kind: AccountQuery.Kind) -> Bool {
        switch kind {
        case .identity: true
        case .profiles, .regions: self == .start
        case .resources: [.source, .codeArtifact, .build, .pipeline].contains(self)
        case .network: [.vpc, .endpoints, .review, .export].contains(self)
        case .check, .prices: [.endpoints, .review, .export].contains(self)
        }
    }
}

extension WizardState {
    /// A read's failure as the screen says it: a cancelled read in the wizard's language, else
    /// the AWS CLI's or the reader's words.
    private func failure(_ error: AccountError) -> String { error == .cancelled ? say(.cancelled) : error.text(language) }

    /// The account's line under the screen's intro: what is being read, with the spinner; why
    /// a read failed (the fields stay typeable); or what was found.
    var accountLine: (text: String, isWarning: Bool)? {
        guard discovery.enabled else {
            return screen == .vpc ? (say(.offline), false) : nil
        }
        let scope = AccountScope(profile: answers.profile, region: answers.region)
        if let off = discovery.failures[.identity] {
            return (say(.discoveryOff, ["why": failure(off)]), true)
        }
        if let job = discovery.running.first(where: { screen.shows($0.query.kind) }) {
            let frame = Array("|/-\\")[discovery.spinner % 4]
            return (say(.reading, ["spinner": String(frame), "what": job.query.what(scope, language)]), false)
        }
        for kind in [AccountQuery.Kind.network, .resources, .check] where screen.shows(kind) {
            if let failure = discovery.failures[kind] {
                let what = [AccountQuery.network, .resources, .check(answers)].first { $0.kind == kind }!.what(scope, language)
                return (say(.couldNotRead, ["what": what, "why": self.failure(failure)]), true)
            }
        }
        guard let identity = discovery.identity else { return nil }
        switch screen {
        case .start:
            // Without the account's regions, the catalog's are offered.
            let values = ["account": identity.account, "arn": identity.arn]
            guard let regions = discovery.failures[.regions] else { return (say(.accountIdentity, values), false) }
            return (say(.accountIdentityCatalog, values.merging(["why": failure(regions)]) { $1 }), false)
        case .vpc:
            guard let network = discovery.network else { return nil }
            return (say(.vpcsFound, ["count": String(network.vpcs.count), "region": answers.region]), false)
        case .endpoints, .review, .export:
            guard let findings = discovery.findings(for: answers) else { return nil }
            let found = findings.found.count, problems = findings.problems.count
            let values = ["account": findings.account, "found": String(found), "count": String(problems)]
            return (say(problems == 0 ? .accountClean : problems == 1 ? .accountProblemOne : .accountProblems, values), problems > 0)
        default: return nil
        }
    }
}
