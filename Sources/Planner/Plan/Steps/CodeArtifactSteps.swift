// CodeArtifact: the domain (or the one another account shares), the upstream repository with
// its public connection, and the repository the build installs from.

enum CodeArtifactSteps {
    /// The domain's repositories by name; the call fails, finding nothing, before the domain exists.
    static func repositoryLookup(_ c: PlanContext) -> Lookup {
        Lookup("REPOSITORIES", scoped(c, Command("codeartifact", "list-repositories-in-domain")).query("repositories[].[name]"),
               absent: ["ResourceNotFoundException"])
    }

    /// A command on the plan's domain, in its owner's account.
    private static func scoped(_ c: PlanContext, _ command: Command) -> Command {
        command.with("domain", .text(c.answers.codeartifact.domain)).with("domain-owner", c.names.domainOwner)
    }

    /// Reads vpcpipe's tag of a CodeArtifact domain or repository.
    private static func tag(_ c: PlanContext, _ arn: Arg) -> Command {
        Command("codeartifact", "list-tags-for-resource").with("resource-arn", arn).query(c.tagQuery("tags"))
    }

    static func make(_ c: PlanContext) -> PlanPart {
        let ca = c.answers.codeartifact
        var steps = [domain(c)]
        if !ca.upstream.isEmpty {
            let associate = Action.call(scoped(c, Command("codeartifact", "associate-external-connection"))
                .with("repository", .text(ca.upstream)).with("external-connection", .text(ca.externalConnection)))
            steps.append(repository(
                c, id: .codeArtifactUpstream, title: .stepUpstream, ["upstream": ca.upstream, "connection": ca.externalConnection],
                name: ca.upstream, answer: \Answers.codeartifact.upstream,
                why: "The upstream repository holds the connection to the public registry, so packages not yet in the domain are fetched by CodeArtifact, not by the build.",
                logicalID: Declaration.ID.upstream, extra: [associate], connections: [ca.externalConnection],
                // A found repository may lack the connection when a run stopped before it.
                complete: [.capture("CONNECTIONS", scoped(c, Command("codeartifact", "describe-repository")).with("repository", .text(ca.upstream))
                               .query("repository.externalConnections[].[externalConnectionName]")),
                           .unlessListed("CONNECTIONS", key: .text(ca.externalConnection), [associate])],
                upstreams: []))
        }
        steps.append(repository(
            c, id: .codeArtifactRepository, title: .stepRepository, ["repository": ca.repository], name: ca.repository,
            answer: \Answers.codeartifact.repository,
            why: ca.upstream.isEmpty
                ? "The build installs its \(ca.format.rawValue) packages from this repository (no upstream: only packages published to it)."
                : "The build installs its \(ca.format.rawValue) packages from this repository, which reaches the public registry through \(ca.upstream).",
            logicalID: Declaration.ID.repository, extra: [], connections: [], complete: [],
            upstreams: ca.upstream.isEmpty ? [] : [ca.upstream]))
        return PlanPart(steps)
    }

    private static func domain(_ c: PlanContext) -> Step {
        let ca = c.answers.codeartifact
        let domain = Arg.text(ca.domain)
        let owned = ca.domainOwner.isEmpty
        // The S3 endpoint's policy names the domain's assets bucket in every mode but full access:
        // the check and the creation both return it, so it costs no call of its own.
        let assets = c.planned.contains(.s3) && c.policies.endpoint(.s3) != nil
        let createDomain = Command("codeartifact", "create-domain").with("domain", domain).with("tags", c.tags(key: "key", value: "value"))
        let declaration = Declaration(Declaration.ID.domain, "AWS::CodeArtifact::Domain",
                                      [("DomainName", .string(domain)), ("Tags", c.declaredCodeArtifactTags)])
        let resource = Resource(.kindDomain, domain, existing: !owned, answer: \Answers.codeartifact.domain,
                                declarations: owned ? [declaration] : [])
        let domainTag = tag(c, c.names.domainArn)
        let check = Check(scoped(c, Command("codeartifact", "describe-domain")).query(assets ? "domain.s3BucketArn" : "domain.name"),
                          absent: ["ResourceNotFoundException"], capture: assets ? "ASSETS_BUCKET_ARN" : nil, mustExist: !owned)
        return Step(
            id: .codeArtifactDomain, title: .stepDomain, ["domain": ca.domain],
            why: owned
                ? "The domain holds the private repository and keeps package assets in an S3 bucket the build reaches through the S3 endpoint."
                : "The domain belongs to account \(ca.domainOwner): it is checked and used, never created or removed here.",
            resources: [resource],
            check: owned ? check.tagged(.call(domainTag)) : check,
            create: owned ? [assets ? .capture("ASSETS_BUCKET_ARN", createDomain.query("domain.s3BucketArn")) : .call(createDomain)] : [],
            teardown: owned ? [.ifTagged(domainTag, resource: resource,
                                         [.call(scoped(c, Command("codeartifact", "delete-domain")))])] : [],
            foreign: owned
                ? Problem("codeartifact.domain", .adviceDomainOwner)
                : Problem("codeartifact.domain", .adviceDomainShared))
    }

    private static func repository(_ c: PlanContext, id: StepID, title: Phrase, _ values: [String: String], name: String,
                                   answer: PartialKeyPath<Answers> & Sendable, why: String, logicalID: String,
                                   extra: [Action], connections: [String], complete: [Action], upstreams: [String]) -> Step {
        let named = scoped(c, Command("codeartifact", "create-repository")).with("repository", .text(name))
        let description = "\(title.text(.en, values)), created by vpcpipe"
        var create = named.with("description", .text(description)).with("tags", c.tags(key: "key", value: "value"))
        var properties: [(String, JSONValue)] = [
            ("RepositoryName", .string(.text(name))), ("DomainName", .string(.text(c.answers.codeartifact.domain))),
            ("DomainOwner", .string(c.names.domainOwner)), ("Description", .string(.text(description))),
        ]
        if !connections.isEmpty { properties.append(("ExternalConnections", .array(connections.map { .string(.text($0)) }))) }
        if !upstreams.isEmpty {
            create = create.with("upstreams", JSONValue.array(upstreams.map { .object([("repositoryName", .string(.text($0)))]) }).arg)
            properties.append(("Upstreams", .array(upstreams.map { .string(.text($0)) })))
        }
        let declaration = Declaration(logicalID, "AWS::CodeArtifact::Repository", properties + [("Tags", c.declaredCodeArtifactTags)],
                                      dependsOn: [Declaration.ID.domain] + (upstreams.isEmpty ? [] : [Declaration.ID.upstream]))
        let resource = Resource(.kindRepository, .text(name), answer: answer, declarations: [declaration])
        let repositoryTag = tag(c, c.names.repositoryArn(name))
        return Step(
            id: id, title: title, values, why: why,
            resources: [resource],
            check: Check(in: repositoryLookup(c), key: .text(name)).tagged(.call(repositoryTag)),
            create: [.call(create)] + extra,
            complete: complete,
            teardown: [.ifTagged(repositoryTag, resource: resource,
                                 [.call(scoped(c, Command("codeartifact", "delete-repository")).with("repository", .text(name)))])],
            foreign: Problem(AnswerSchema.path(answer), .adviceChooseAnother, ["key": AnswerSchema.path(answer)]))
    }
}
