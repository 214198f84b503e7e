import Account

// setup.sh's reading of the account, before anything is created, done from Swift through the
// account-reading layer: the plan's identity call, its preflight lookups and rules, then every
// step's check, each call the one setup.sh makes (in JSON, read as the rows its text would be).
// What setup.sh would refuse, this finds, with the same answer keys and words.

/// Whose a resource found by a step's check is.
public enum Whose: Equatable, Sendable {
    /// vpcpipe's, made by an earlier run for this plan (it carries the plan's tag).
    case ours
    /// Someone else's: setup.sh stops, as it never changes what it did not make.
    case theirs
    /// Found, with no tag to tell (a branch), or listed as existing.
    case found
}

/// What the account holds that the plan meets.
public struct AccountFindings: Equatable, Sendable {
    public var account: String
    /// What setup.sh would stop on, each on the answer to change.
    public var problems: [Diagnostic]
    /// What it would say and go on (a second subnet in a zone, an S3 interface endpoint left
    /// alone), in no language yet.
    public var noteWordings: [Wording]
    /// The notes in English.
    public var notes: [String] { noteWordings.map { $0.text(.en) } }
    /// The judged endpoints already in the VPC, by service.
    public var endpoints: [EndpointService: EndpointFinding]
    /// The steps whose resource exists already, and whose it is.
    public var found: [StepID: Whose]

    public init(account: String, problems: [Diagnostic], notes: [Wording], endpoints: [EndpointService: EndpointFinding],
                found: [StepID: Whose]) {
        self.account = account; self.problems = problems; self.noteWordings = notes; self.endpoints = endpoints; self.found = found
    }
}

public enum AccountCheck {
    /// Reads the account for `plan` as setup.sh does before it asks to create anything: every
    /// problem, not only the first. Throws the `AccountError` of a call that failed otherwise
    /// than by finding nothing.
    public static func run(_ plan: Plan, reader: AWSReading) throws -> AccountFindings {
        let account = try text(of: plan.identity, [:], reader) ?? ""
        var run = PreflightRun(region: plan.answers.region, account: account, planTag: plan.answers.name,
                               policies: Policies(Names(plan.answers)))
        run.variables["ACCOUNT"] = account
        run.variables["PLAN_TAG"] = plan.answers.name
        let acting = plan.steps.filter { $0.id != .preflight }
        // Side by side first, each call that needs only the account; then in setup.sh's order.
        let preflight = plan.step(.preflight)?.always ?? []
        let independent = preflight.compactMap { action -> Command? in
            switch action {
            case .lookup(let lookup): lookup.command
            case .capture(_, let command): command
            default: nil
            }
        } + acting.compactMap { $0.check }.filter { $0.listed == nil }.map(\.command)
        reader.prefetch(independent.filter { Set($0.variables).isSubset(of: ["ACCOUNT"]) }.map { AWSCall(raw: call($0, run.variables)) })
        try perform(preflight, &run, reader)
        try judgePolicies(plan, &run, reader)

        var found: [StepID: Whose] = [:]
        for step in acting {
            guard let check = step.check, let seen = try self.found(check, &run, reader) else {
                if step.check?.mustExist == true {
                    let variables = run.variables
                    run.problems.append(.error(step.missingProblem.key, .each { step.missingProblem($0).message.rendered { variables[$0] ?? "" } }))
                }
                continue
            }
            guard let tag = try self.tag(check, seen: seen, run, reader) else { found[step.id] = .found; continue }
            if tag == plan.answers.name {
                found[step.id] = .ours
            } else {
                found[step.id] = .theirs
                if let foreign = step.foreignProblem {
                    let variables = run.variables
                    run.problems.append(.error(foreign.key, .each { step.foreignProblem($0)?.message.rendered { variables[$0] ?? "" } ?? "" }))
                }
            }
        }
        var endpoints: [EndpointService: EndpointFinding] = [:]
        for (name, finding) in run.endpoints { if let service = EndpointService(rawValue: name) { endpoints[service] = finding } }
        return AccountFindings(account: account, problems: run.problems, notes: run.notes, endpoints: endpoints, found: found)
    }

    /// Every command `run` may call for `plan`: the identity, preflight's lookups, each step's
    /// check and tag read (for docs/permissions.md's policy, checked by a test).
    public static func commands(_ plan: Plan) -> [Command] {
        func reads(_ actions: [Action]) -> [Command] {
            actions.flatMap { action -> [Command] in
                switch action {
                case .lookup(let lookup): [lookup.command]
                case .capture(_, let command): [command]
                case .ifFound(_, let inner): reads(inner)
                default: []
                }
            }
        }
        let checks = plan.steps.compactMap(\.check).flatMap { check -> [Command] in
            var commands = check.listed == nil ? [check.command] : []
            if case .call(let read)? = check.tag { commands.append(read) }
            return commands
        }
        return [plan.identity] + reads(plan.step(.preflight)?.always ?? []) + checks + [policyRead([.variable("ENDPOINT_IDS")])]
    }

    /// The policy documents of endpoints already in the VPC, by id.
    static func policyRead(_ ids: [Arg]) -> Command {
        Command("ec2", "describe-vpc-endpoints").with("vpc-endpoint-ids", ids).query("VpcEndpoints[].[VpcEndpointId, PolicyDocument]")
    }

    /// What setup.sh cannot: each endpoint of someone else's that the plan would use is asked
    /// whether its policy lets the build's requests through. One that refuses them is a problem
    /// on the answer naming it; one read and allowing them needs no note.
    private static func judgePolicies(_ plan: Plan, _ run: inout PreflightRun, _ reader: AWSReading) throws {
        var foreign: [(service: EndpointService, id: String)] = []
        for (name, finding) in run.endpoints.sorted(by: { $0.key < $1.key }) {
            guard let service = EndpointService(rawValue: name) else { continue }
            switch finding {
            case .fit(let id), .unfit(let id, _): foreign.append((service, id))
            case .absent, .ours: break
            }
        }
        let documents = try EndpointPolicyCheck.documents(foreign.map(\.id), reader)
        for (service, id) in foreign {
            guard let document = documents[id] else { continue }
            let serviceName = service.serviceName(region: plan.answers.region)
            let requests = EndpointPolicyCheck.requests(service, run.policies, account: run.account, endpoint: id, vpc: plan.answers.network.vpc)
            guard let refused = EndpointPolicyCheck.refused(document, requests) else { continue }
            // A condition it cannot decide (the organization's id) keeps the note.
            if !refused.contains(where: { $0.1 == .undecided }) {
                let unread = EndpointPolicyCheck.unread(service, id: id, serviceName: serviceName, run.policies, account: run.account)
                run.notes.removeAll { $0 == unread }
            }
            let denied = refused.filter { $0.1 != .undecided }
            guard !denied.isEmpty else { continue }
            let words = PreflightWords.policyRefuses.text { language in
                [id, serviceName, EndpointPolicyCheck.words(denied, language),
                 EndpointPolicyCheck.requirement(service, run.policies, language, account: run.account)]
            }
            let listed = plan.answers.endpoints.existing.firstIndex(of: service)
            run.problems.append(.error(listed.map { "endpoints.existing[\($0)]" } ?? "endpoints", words))
            if case .unfit(_, let problems) = run.endpoints[service.rawValue] {
                run.endpoints[service.rawValue] = .unfit(id: id, problems: problems + [words])
            } else {
                run.endpoints[service.rawValue] = .unfit(id: id, problems: [words])
            }
        }
    }

    /// setup.sh's preflight actions, in order: lookups, captures, rules.
    private static func perform(_ actions: [Action], _ run: inout PreflightRun, _ reader: AWSReading) throws {
        for action in actions {
            switch action {
            case .lookup(let lookup):
                run.variables[lookup.variable] = try text(of: lookup.command, run.variables, reader, absent: lookup.absent) ?? ""
            case .capture(let name, let command):
                run.variables[name] = try text(of: command, run.variables, reader) ?? ""
            case .rule(let rule, let arguments, _, _):
                run.apply(rule, arguments.map { $0.rendered { run.variables[$0] ?? "" } })
            case .ifFound(let name, let inner):
                if let value = run.variables[name], !value.isEmpty, value != "None" { try perform(inner, &run, reader) }
            case .call, .awaitEndpoints, .awaitInterfacesGone, .deleteEach, .unlessListed, .ifTagged:
                preconditionFailure("preflight only reads: \(action)")
            }
        }
    }

    /// What a step's check finds, as setup.sh's `listed` or `found` has it (FOUND); nil: nothing.
    private static func found(_ check: Check, _ run: inout PreflightRun, _ reader: AWSReading) throws -> String? {
        if let listed = check.listed {
            let key = listed.key.rendered { run.variables[$0] ?? "" }
            return run.row(listed.variable, key)?.joined(separator: "\t")
        }
        let out = try text(of: check.command, run.variables, reader, absent: check.absent)
        return out == nil || out == "None" ? nil : out
    }

    /// The vpcpipe tag of what a check found, as setup.sh's `seen` reads it; nil when the check
    /// reads none (what carries no tag, what the answers list as existing).
    private static func tag(_ check: Check, seen: String, _ run: PreflightRun, _ reader: AWSReading) throws -> String? {
        switch check.tag {
        case nil: nil
        case .found: String(seen.split(separator: "\t", omittingEmptySubsequences: false).last ?? "")
        case .call(let read): try text(of: read, run.variables, reader, absent: ["NoSuchTagSet"]) ?? "None"
        }
    }

    /// The text `--output text` would print for the command, read in JSON; nil when the call
    /// failed with one of the `absent` codes (it found nothing).
    private static func text(of command: Command, _ variables: [String: String], _ reader: AWSReading,
                             absent: [String] = []) throws -> String? {
        do {
            return try reader.read(call(command, variables)).map { $0.joined(separator: "\t") }.joined(separator: "\n")
        } catch AccountError.service(let code, _, _) where absent.contains(code) {
            return nil
        }
    }

    /// The command as the account-reading layer runs it: its variables filled in, its output JSON.
    static func call(_ command: Command, _ variables: [String: String]) -> AWSCall<[[String]]> {
        var json = command
        json.options.removeAll { $0.name == "output" }
        return TextRows.call(json.arguments.map { $0.rendered { variables[$0] ?? "" } },
                             what: "the account (aws \(command.service) \(command.operation))")
    }
}
