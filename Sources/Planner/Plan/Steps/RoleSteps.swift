// The service roles of the pipeline: CodeBuild's, CodePipeline's and EventBridge's, each with
// its trust policy and inline policies. vpcpipe creates them, but for a role given by ARN,
// which is used as it is (preflight reads it, checklist.md says what it must allow).

/// What a service role is for, known from the answers' keys alone: the service that assumes it,
/// the files of its trust and inline policies, and the answer that may give one by ARN instead.
struct RoleKind: Equatable, Sendable {
    let key: String?, service: String, trustFile: String, files: [String]

    static let codeBuild = RoleKind(key: "build.role", service: "codebuild.amazonaws.com", trustFile: "codebuild-trust.json",
                                    files: ["codebuild-base.json", "codebuild-codeartifact.json"])
    static let pipeline = RoleKind(key: "pipeline.role", service: "codepipeline.amazonaws.com", trustFile: "codepipeline-trust.json",
                                   files: ["codepipeline.json"])
    static let events = RoleKind(key: nil, service: "events.amazonaws.com", trustFile: "events-trust.json", files: ["events.json"])

    /// The kind of role the answer `key` may give by ARN.
    static func given(by key: String) -> RoleKind? { [codeBuild, pipeline].first { $0.key == key } }

    /// What a role given in place of a new one must do (checklist.md, the reader's warning that
    /// the review shows, the advice on a same-named role).
    var requirement: String { requirement(.en) }

    func requirement(_ l: Language) -> String {
        let files = files.map { "policies/\($0)" }
        return (files.count == 1 ? Phrase.roleRequirement : .roleRequirementFiles).text(l, [
            "service": service, "trust": "policies/\(trustFile)",
            "files": files.dropFirst().reduce(files[0]) { Phrase.bothOf.text(l, ["first": $0, "second": $1]) },
        ])
    }
}

enum RoleSteps {
    /// A service role of the plan, in plan order.
    struct ServiceRole {
        var id: StepID, title: Phrase, name: String, kind: RoleKind, why: String
        var foreign: Problem
        /// The answer that chose a new role (the events role follows the trigger).
        var answer: (PartialKeyPath<Answers> & Sendable)?
        /// The inline policies' names and documents, in the order of the kind's files.
        var policies: [(name: String, document: JSONValue)]
        /// The answer's key and the ARN of a role the answers give: used as it is, never created.
        var given: (key: String, arn: String)?

        var service: String { kind.service }
        /// Its logical id in cloudformation.yaml.
        var logicalID: String {
            switch id {
            case .pipelineRole: Declaration.ID.pipelineRole
            case .eventsRole: Declaration.ID.eventsRole
            default: Declaration.ID.codeBuildRole
            }
        }
        var trustFile: String { kind.trustFile }
        var inline: [(name: String, file: String, document: JSONValue)] {
            zip(kind.files, policies).map { ($1.name, $0, $1.document) }
        }
    }

    /// The answer's key and ARN of a role the answers give, nil for a new one.
    private static func given(_ key: String, _ choice: RoleChoice) -> (key: String, arn: String)? {
        if case .existing(let arn) = choice { (key, arn) } else { nil }
    }

    static func roles(_ c: PlanContext) -> [ServiceRole] {
        let names = c.names, policies = c.policies
        var roles = [
            ServiceRole(
                id: .codeBuildRole, title: .stepCodeBuildRole, name: names.codeBuildRole, kind: .codeBuild,
                why: "The build project runs as this role: it writes the log, reads and writes artifacts, creates network interfaces in the VPC and reads from CodeArtifact.",
                foreign: Problem("build.role", .adviceBuildRole, role: .codeBuild),
                answer: \Answers.build.role.text,
                policies: [(names.codeBuildBasePolicy, policies.codeBuildBase),
                           (names.codeBuildCodeArtifactPolicy, policies.codeBuildCodeArtifact)],
                given: given("build.role", c.answers.build.role)),
            ServiceRole(
                id: .pipelineRole, title: .stepPipelineRole, name: names.pipelineRole, kind: .pipeline,
                why: "The pipeline runs as this role: it reads the CodeCommit branch, starts the build and keeps artifacts in the bucket (far less than the console's default role).",
                foreign: Problem("pipeline.role", .advicePipelineRole, role: .pipeline),
                answer: \Answers.pipeline.role.text,
                policies: [(names.pipelinePolicy, policies.pipeline)],
                given: given("pipeline.role", c.answers.pipeline.role)),
        ]
        if c.answers.pipeline.trigger == .events {
            roles.append(ServiceRole(
                id: .eventsRole, title: .stepEventsRole, name: names.eventsRole, kind: .events,
                why: "The EventBridge rule starts the pipeline on a push to the branch, as this role, which the console creates with the pipeline.",
                foreign: Problem("pipeline.name", .adviceEventsNames),
                answer: nil, policies: [(names.eventsPolicy, policies.events)], given: nil))
        }
        return roles
    }

    private static func newRoles(_ c: PlanContext) -> [ServiceRole] { roles(c).filter { $0.given == nil } }

    /// The new roles, by name, under the path their ARNs use.
    static func lookup(_ c: PlanContext) -> Lookup? {
        let roles = newRoles(c).map(\.name)
        guard !roles.isEmpty else { return nil }
        return Lookup("ROLES", Command("iam", "list-roles").with("path-prefix", .text(Names.rolePath))
            .query("Roles[?contains(\(c.jmesList(roles)), RoleName)].[RoleName]"))
    }

    static func make(_ c: PlanContext) -> PlanPart {
        var part = PlanPart()
        for role in roles(c) {
            let trust = c.policies.trust(service: role.service)
            // A given role's too: checklist.md points to what it must allow.
            part.documents.append((role.trustFile, trust))
            part.documents += role.inline.map { ($0.file, $0.document) }
            guard role.given == nil, let lookup = lookup(c) else { continue }
            let roleName: Arg = .text(role.name)
            let description = "\(role.title.text(.en)) for \(c.answers.name), created by vpcpipe"
            let declaration = Declaration(role.logicalID, "AWS::IAM::Role", [
                ("RoleName", .string(roleName)), ("Path", .string(.text(Names.rolePath))),
                ("Description", .string(.text(description))), ("AssumeRolePolicyDocument", trust),
                ("Policies", .array(role.inline.map { .object([("PolicyName", .string(.text($0.name))), ("PolicyDocument", $0.document)]) })),
                ("Tags", c.declaredTags),
            ])
            let resource = Resource(.kindIAMRole, roleName, answer: role.answer, declarations: [declaration])
            // list-roles leaves tags out: get-role has them.
            let tag = Command("iam", "get-role").with("role-name", roleName).query(c.tagQuery("Role.Tags", key: "Key", value: "Value"))
            part.steps.append(Step(
                id: role.id, title: role.title, why: role.why,
                resources: [resource] + role.inline.map { Resource(.kindInlinePolicy, .text($0.name)) },
                check: Check(in: lookup, key: roleName).tagged(.call(tag)),
                create: [.call(Command("iam", "create-role").with("role-name", roleName).with("path", .text(Names.rolePath))
                    .with("description", .text(description))
                    .with("assume-role-policy-document", trust.arg).with("tags", c.tags(key: "Key", value: "Value")))],
                // Put every run, so a run stopped between the role and its policies is completed.
                always: role.inline.map { .call(Command("iam", "put-role-policy").with("role-name", roleName)
                    .with("policy-name", .text($0.name)).with("policy-document", $0.document.arg)) },
                // A role vpcpipe did not create keeps the policies setup put, as it keeps the role.
                teardown: [.ifTagged(tag, resource: resource,
                                     role.inline.map { .call(Command("iam", "delete-role-policy").with("role-name", roleName)
                                         .with("policy-name", .text($0.name))) }
                                     + [.call(Command("iam", "delete-role").with("role-name", roleName))])],
                foreign: role.foreign))
        }
        return part
    }
}
