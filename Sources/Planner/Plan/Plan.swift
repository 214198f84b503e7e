// The plan: ordered steps, each with the article's reason, the resources it creates, the
// commands as argument lists, the check that finds an existing resource, and its teardown.
// Renderers (setup.sh, teardown.sh, plan.json, checklist.md) only read it.

public struct Plan: Equatable, Sendable {
    public var answers: Answers
    /// The call that learns the account before anything else (shown before the create prompt).
    public var identity: Command
    public var steps: [Step]
    /// The endpoints and why each is (or is not) planned.
    public var endpoints: [EndpointDecision]
    /// Policy documents by file name under policies/ (`codebuild-trust.json`).
    public var policies: [(file: String, document: JSONValue)]
    /// What it costs, at the prices of its region; nil where vpcpipe has none.
    public var cost: Estimate? = nil

    public static func == (lhs: Plan, rhs: Plan) -> Bool {
        lhs.answers == rhs.answers && lhs.identity == rhs.identity && lhs.steps == rhs.steps
            && lhs.endpoints == rhs.endpoints && lhs.cost == rhs.cost
            && lhs.policies.map(\.file) == rhs.policies.map(\.file)
            && lhs.policies.map(\.document) == rhs.policies.map(\.document)
    }

    /// Every runtime variable the commands read or capture, in first-use order.
    public var variables: [String] {
        var seen: [String] = []
        func add(_ names: [String]) { for name in names where !seen.contains(name) { seen.append(name) } }
        add(["ACCOUNT"])
        for step in steps {
            if let check = step.check { add(check.capture.map { [$0] } ?? []); add(check.variables) }
            for action in step.create + step.complete + step.always + step.teardown { add(action.variables) }
        }
        return seen
    }

    public func step(_ id: StepID) -> Step? { steps.first { $0.id == id } }

    /// What the plan uses as it is, with no step of its own: the operator's VPC and subnets,
    /// the route tables the S3 gateway joins, a role given by ARN, the VPC's default security
    /// group or one given by id, the endpoints the VPC has. Not in the scripts' lists of what
    /// they create or remove.
    public var used: [Resource] {
        let network = answers.network
        var used = [Resource(.kindVPC, .text(network.vpc), existing: true, answer: \Answers.network.vpc)]
        used += network.subnets.map { Resource(.kindSubnet, .text($0), existing: true, answer: \Answers.network.subnets) }
        if endpoints.contains(where: { $0.service.isGateway && $0.planned }) {
            used += network.routeTables.map { Resource(.kindRouteTable, .text($0), existing: true, answer: \Answers.network.routeTables) }
        }
        if case .existing(let arn) = answers.build.role {
            used.append(Resource(.kindIAMRole, .text(arn), existing: true, answer: \Answers.build.role.text))
        }
        if case .existing(let arn) = answers.pipeline.role {
            used.append(Resource(.kindIAMRole, .text(arn), existing: true, answer: \Answers.pipeline.role.text))
        }
        switch network.securityGroup {
        case .create: break
        case .vpcDefault:
            used.append(Resource(.kindSecurityGroup, "default", existing: true, answer: \Answers.network.securityGroup.text))
        case .existing(let id):
            used.append(Resource(.kindSecurityGroup, .text(id), existing: true, answer: \Answers.network.securityGroup.text))
        }
        used += answers.endpoints.existing.map {
            Resource(.kindEndpoint, .text($0.serviceName(region: answers.region)), existing: true,
                     answer: \Answers.endpoints.existing)
        }
        return used
    }

    /// Every AWS CLI call setup.sh, teardown.sh and verify.sh can make: the identity, then each
    /// step's check, tag read, create, always, complete and teardown actions, then verify.sh's.
    public var allCommands: [Command] {
        var commands = [identity]
        for step in steps {
            if let check = step.check {
                commands.append(check.command)
                if case .call(let read)? = check.tag { commands.append(read) }
            }
            let actions: [Action] = step.create + step.always + step.complete + step.teardown
            commands += actions.flatMap(\.commands)
        }
        return commands + Verification(answers).commands
    }
}

/// A step's identity; `rawValue` is its stable kebab-case name in plan.json and tests.
public enum StepID: Hashable, Sendable {
    case preflight, vpcDNS
    case codeBuildRole, pipelineRole, eventsRole
    case buildSecurityGroup, endpointSecurityGroup
    case codeArtifactDomain, codeArtifactUpstream, codeArtifactRepository
    case artifactBucket
    case endpoint(EndpointService)
    case endpointsAvailable
    case sourceRepository, sampleApp, logGroup, buildProject, pipeline, trigger

    public var rawValue: String {
        switch self {
        case .preflight: "preflight"
        case .vpcDNS: "vpc-dns"
        case .codeBuildRole: "codebuild-role"
        case .pipelineRole: "pipeline-role"
        case .eventsRole: "events-role"
        case .buildSecurityGroup: "build-security-group"
        case .endpointSecurityGroup: "endpoint-security-group"
        case .codeArtifactDomain: "codeartifact-domain"
        case .codeArtifactUpstream: "codeartifact-upstream"
        case .codeArtifactRepository: "codeartifact-repository"
        case .artifactBucket: "artifact-bucket"
        case .endpoint(let service): "endpoint-" + service.rawValue.replacingOccurrences(of: ".", with: "-")
        case .endpointsAvailable: "endpoints-available"
        case .sourceRepository: "source-repository"
        case .sampleApp: "sample-app"
        case .logGroup: "log-group"
        case .buildProject: "build-project"
        case .pipeline: "pipeline"
        case .trigger: "trigger"
        }
    }
}

public struct Step: Equatable, Sendable {
    public var id: StepID
    /// What the scripts say they are doing, in English (plan.json, the wizard's run screen).
    public var title: String
    /// The title as a message of the catalog, for the scripts in the answers' language.
    var heading: Phrase
    var headingValues: [String: String]
    /// One sentence: the article's reason for this step.
    public var why: String
    public var resources: [Resource]
    /// Finds the resource; nil when the step always runs its actions (preflight, lookups, waits).
    public var check: Check?
    /// Run when the check finds nothing (or always, without a check).
    public var create: [Action]
    /// Run after the check or the creation either way: learning a runtime value, keeping an
    /// inline policy in line with the plan.
    public var always: [Action]
    /// Run when the check found the resource: what `create` does after its first call, for a
    /// run that stopped in between (a repository's external connection, the sample app's files).
    public var complete: [Action]
    /// Removes what `create` made; empty for what exists already or is not ours to remove.
    public var teardown: [Action]
    /// What preflight says when the check finds a resource with this name that vpcpipe did not
    /// make (it lacks the plan's tag), or does not find one the answers list as existing:
    /// setup.sh then stops before creating anything, as it never changes what is not its own.
    /// Nil where a found resource is judged and used (an endpoint) or carries no tag (a branch).
    public var foreign: Problem?

    init(id: StepID, title: Phrase, _ values: [String: String] = [:], why: String, resources: [Resource] = [], check: Check? = nil,
         create: [Action] = [], always: [Action] = [], complete: [Action] = [], teardown: [Action] = [],
         foreign: Problem? = nil) {
        self.id = id; self.title = title.text(.en, values); self.heading = title; self.headingValues = values
        self.why = why; self.resources = resources
        self.check = check; self.create = create; self.always = always; self.complete = complete
        self.teardown = teardown; self.foreign = foreign
    }
}

extension Step {
    /// The title in `language`.
    func title(_ language: Language) -> String { heading.text(language, headingValues) }

    /// What preflight says when the check does not find what the answers list as existing.
    public var missingProblem: (key: String, message: Arg) { missingProblem(.en) }

    func missingProblem(_ l: Language) -> (key: String, message: Arg) {
        if let foreign { return (foreign.key, Phrase.problemNotFound.arg(l, ["resource": label(l), "advice": .text(foreign.advice(l))])) }
        return ("answers", Phrase.problemListedMissing.arg(l, ["resource": label(l)]))
    }

    /// What preflight says when the check finds a resource with this name that lacks the plan's
    /// tag (`PLAN_TAG`): someone else's, which setup.sh never changes.
    public var foreignProblem: (key: String, message: Arg)? { foreignProblem(.en) }

    func foreignProblem(_ l: Language) -> (key: String, message: Arg)? {
        foreign.map {
            ($0.key, Phrase.problemForeign.arg(l, ["resource": label(l), "tag": .text(Names.tagKey), "PLAN_TAG": .variable("PLAN_TAG"),
                                                   "advice": .text($0.advice(l))]))
        }
    }

    private func label(_ l: Language) -> Arg { resources.first?.label(l) ?? .text(title(l)) }
}

/// A problem preflight reports about a step's resource: the answer to change, and what to do.
public struct Problem: Equatable, Sendable {
    /// The answers file's key path: `build.role`.
    public var key: String
    /// What to do, after "RESOURCE exists but was not made by vpcpipe" (or "... was not found"):
    /// a message of the catalog, with the role whose requirement it names, if any.
    var words: Phrase
    var values: [String: String]
    var role: RoleKind?

    init(_ key: String, _ words: Phrase, _ values: [String: String] = [:], role: RoleKind? = nil) {
        self.key = key; self.words = words; self.values = values; self.role = role
    }

    /// What to do, in English (plan.json).
    public var advice: String { advice(.en) }

    public func advice(_ l: Language) -> String {
        var values = values
        if let role { values["requirement"] = role.requirement(l) }
        return words.text(l, values)
    }
}

public struct Resource: Equatable, Sendable {
    /// What AWS calls it, a message of the catalog: `IAM role`, `VPC endpoint`, `CodeArtifact domain`.
    var kindWords: Phrase
    public var name: Arg
    /// Listed in the answers as existing: checked, used, never created nor removed.
    public var existing: Bool
    /// The answer that names or chooses it, for the wizard's review to mark that answer
    /// "to be created" or "existing" as the plan does.
    public var answer: (PartialKeyPath<Answers> & Sendable)?
    /// What cloudformation.yaml declares for it (a bucket and its policy are two); none for what
    /// the plan uses as it is.
    public var declarations: [Declaration]
    init(_ kind: Phrase, _ name: Arg, existing: Bool = false, answer: (PartialKeyPath<Answers> & Sendable)? = nil,
         declarations: [Declaration] = []) {
        self.kindWords = kind; self.name = name; self.existing = existing; self.answer = answer
        self.declarations = declarations
    }

    /// What AWS calls it, in English (plan.json, the wizard).
    public var kind: String { kindWords.text(.en) }

    /// `IAM role codebuild-Private-service-role`, as the scripts name it, in `language`.
    public func label(_ language: Language) -> Arg { kindWords.text(language) + " " + name }

    /// The label in English (plan.json).
    public var label: Arg { label(.en) }
}

/// One call that lists several resources, a row each (`KEY<TAB>ID...`), run by preflight into
/// `variable` for the checks of later steps: one call instead of one a resource.
public struct Lookup: Equatable, Sendable {
    public var variable: String
    public var command: Command
    /// The error codes by which the call says that what it lists is not there yet (no domain):
    /// they find nothing; any other error stops setup.
    public var absent: [String]
    public init(_ variable: String, _ command: Command, absent: [String] = []) {
        self.variable = variable; self.command = command; self.absent = absent
    }
}

/// How a step finds its resource: the command succeeds and prints something other than `None`;
/// or, with `listed`, a row of a lookup that preflight ran once for several resources.
public struct Check: Equatable, Sendable {
    /// The call that finds the resource: its own, or the shared lookup's.
    public var command: Command
    /// The error codes by which the call says the resource is not there. Only these count as
    /// "absent": a denied or throttled call must stop setup, or a second run would create again
    /// what exists. Calls that filter or list answer an empty result instead and have none.
    public var absent: [String]
    /// The variable that takes the command's output (the id of a found security group).
    public var capture: String?
    /// True for a resource the answers list as existing: not finding it stops the script.
    public var mustExist: Bool
    /// Found by `key` among the rows of a lookup, with no call of its own.
    public var listed: Listed?
    /// How setup tells a resource it created from a same-named one it found and only uses;
    /// nil for what carries no tag (a branch) or what the answers list as existing.
    public var tag: TagRead?

    /// A row `KEY<TAB>ID` (or `KEY`) of the lookup held in `variable`.
    public struct Listed: Equatable, Sendable {
        public var variable: String
        public var key: Arg
    }

    public init(_ command: Command, absent: [String] = [], capture: String? = nil, mustExist: Bool = false) {
        self.command = command; self.absent = absent; self.capture = capture; self.mustExist = mustExist
    }

    /// Found among the rows of `lookup` (an action `.lookup` run earlier).
    public init(in lookup: Lookup, key: Arg, capture: String? = nil) {
        self.init(lookup.command, absent: lookup.absent, capture: capture)
        listed = Listed(variable: lookup.variable, key: key)
    }

    /// This check, with the way setup reads the vpcpipe tag of what it finds.
    public func tagged(_ read: TagRead) -> Check {
        var check = self
        check.tag = read
        return check
    }
}

/// Where setup reads the vpcpipe tag of a resource its check found: the tag's value is the
/// plan's name only on what vpcpipe created. Teardown reads it again (`Action.ifTagged`).
public enum TagRead: Equatable, Sendable {
    /// The last field of what the check found (its output, or its lookup's row): no call of its own.
    case found
    /// A call of its own that prints the tag's value, made only when the check found the resource.
    case call(Command)
}

public enum Action: Equatable, Sendable {
    /// An AWS CLI call whose output is not needed.
    case call(Command)
    /// `NAME=$(aws ... --query ... --output text)`.
    case capture(String, Command)
    /// `NAME=$(aws ...)` listing several resources, a row each (`KEY<TAB>ID`), for the checks
    /// of later steps. Only a not-found error (`Lookup.absent`: no domain yet) finds nothing;
    /// any other stops setup.
    case lookup(Lookup)
    /// Polls `ec2 describe-vpc-endpoints` until every endpoint's State is available.
    case awaitEndpoints([Arg])
    /// Polls `ec2 describe-network-interfaces` until no interface uses the group (teardown:
    /// CodeBuild's and the endpoints' interfaces linger after their owners are deleted).
    case awaitInterfacesGone(group: Arg)
    /// Teardown: `list` prints rows, and `delete` runs once for each, its `fields` (script
    /// variables) read from the row's columns (a bucket's object versions, for example).
    case deleteEach(list: Command, fields: [String], delete: Command)
    /// The actions run only when the variable (a looked-up id) was found.
    case ifFound(String, [Action])
    /// The actions run only when the rows held in the variable lack `key` (as `Check.Listed`).
    case unlessListed(String, key: Arg, [Action])
    /// A rule of the scripts' preflight library (Resources/scripts/preflight.bash, and its
    /// Swift twin PreflightRules) judging the rows that lookups read: it records problems, and
    /// may set the variables `sets` (the endpoints' subnets, one a zone). Setup stops once every
    /// rule has judged. `said`: a last argument in words, in each language (what an endpoint's
    /// policy must allow): setup.sh passes the answers' language's, plan.json the English.
    case rule(PreflightRule, [Arg], sets: [String], said: [Language: Arg] = [:])
    /// Teardown: the actions run only when the command prints the plan's name, the value of the
    /// resource's vpcpipe tag; a resource found without it was not created by vpcpipe and is kept.
    case ifTagged(Command, resource: Resource, [Action])

    public var variables: [String] {
        switch self {
        case .call(let command): command.variables
        case .capture(let name, let command): [name] + command.variables
        case .lookup(let lookup): [lookup.variable] + lookup.command.variables
        case .awaitEndpoints(let ids): ids.flatMap(\.variables)
        case .awaitInterfacesGone(let group): group.variables
        case .deleteEach(let list, let fields, let delete):
            list.variables + delete.variables.filter { !fields.contains($0) }
        case .ifFound(let name, let actions): [name] + actions.flatMap(\.variables)
        case .unlessListed(let name, let key, let actions): [name] + key.variables + actions.flatMap(\.variables)
        case .ifTagged(let command, let resource, let actions):
            command.variables + resource.name.variables + actions.flatMap(\.variables)
        case .rule(_, let args, let sets, let said): (args + (said[.en].map { [$0] } ?? [])).flatMap(\.variables) + sets
        }
    }

    /// The commands this action runs, for plan.json and tests: polls show their describe call.
    public var commands: [Command] {
        switch self {
        case .call(let command), .capture(_, let command): [command]
        case .lookup(let lookup): [lookup.command]
        case .awaitEndpoints(let ids):
            [Command("ec2", "describe-vpc-endpoints").with("vpc-endpoint-ids", ids).query("VpcEndpoints[].State")]
        case .awaitInterfacesGone(let group): [Action.interfacesUsing(group)]
        case .deleteEach(let list, _, let delete): [list, delete]
        case .ifFound(_, let actions), .unlessListed(_, _, let actions): actions.flatMap(\.commands)
        case .ifTagged(let command, _, let actions): [command] + actions.flatMap(\.commands)
        case .rule: []
        }
    }

    /// The network interfaces in the group, with `query` on them.
    static func interfacesUsing(_ group: Arg, query: String = "NetworkInterfaces[].NetworkInterfaceId") -> Command {
        Command("ec2", "describe-network-interfaces")
            .with("filters", JSONValue.array([.object([("Name", "group-id"), ("Values", .array([.string(group)]))])]).arg)
            .query(query)
    }
}

extension Check {
    /// What the check reads: its command's variables, or the lookup's.
    public var variables: [String] {
        (listed.map { [$0.variable] + $0.key.variables } ?? command.variables) + (tag?.variables ?? [])
    }
}

extension TagRead {
    public var variables: [String] {
        switch self {
        case .found: []
        case .call(let command): command.variables
        }
    }
}

extension Command {
    public var variables: [String] { options.flatMap { $0.values.flatMap(\.variables) } }
}

/// Why an endpoint is planned or not, in the article's terms.
public struct EndpointDecision: Equatable, Sendable {
    public var service: EndpointService
    public var planned: Bool
    /// Why, as a message of the catalog, with its values.
    var why: Phrase
    var values: [String: String] = [:]

    /// Why, in English: plan.json and CloudFormation's comments read it.
    public var reason: String { reason(.en) }

    /// Why, in `language`: the wizard's endpoints screen.
    public func reason(_ language: Language) -> String { why.text(language, values) }
}
