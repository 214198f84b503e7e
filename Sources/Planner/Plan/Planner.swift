// From answers to the plan, in the order of aws-notes.md: preflight, VPC DNS, IAM roles early
// (their propagation overlaps the rest), security groups, CodeArtifact, the artifact bucket,
// endpoints (created back to back), CodeCommit, logs, CodeBuild, the endpoints awaited once,
// CodePipeline, the EventBridge trigger. Preflight's lookups find several resources a call.

public enum Planner {
    public static func plan(_ answers: Answers) -> Plan {
        Derivation(answers).plan()
    }
}

private final class Derivation {
    let answers: Answers
    let names: Names
    let policies: Policies
    let decisions: [EndpointDecision]
    var steps: [Step] = []
    var documents: [(file: String, document: JSONValue)] = []

    init(_ answers: Answers) {
        self.answers = answers
        names = Names(answers)
        policies = Policies(names)
        decisions = Endpoints.decide(answers)
    }

    var network: Answers.Network { answers.network }
    var ca: Answers.CodeArtifact { answers.codeartifact }
    var planned: [EndpointService] { decisions.filter(\.planned).map(\.service) }
    var leastPrivilege: Bool { answers.endpoints.policies == .leastPrivilege }

    // MARK: Lookups: one call finds several resources for the checks of later steps

    typealias Lookup = (variable: String, command: Command)

    /// The new roles, by name, under the path their ARNs use.
    lazy var roleLookup: Lookup? = {
        let roles = [answers.build.role == "new" ? names.codeBuildRole : nil,
                     answers.pipeline.role == "new" ? names.pipelineRole : nil,
                     answers.pipeline.trigger == .events ? names.eventsRole : nil].compactMap { $0 }
        guard !roles.isEmpty else { return nil }
        return ("ROLES", Command("iam", "list-roles").with("path-prefix", .text(Names.rolePath))
            .query("Roles[?contains(\(jmesList(roles)), RoleName)].[RoleName]"))
    }()

    /// The build's and the endpoints' security groups: group name, id, then vpcpipe's tag.
    lazy var groupLookup: Lookup? = {
        guard network.securityGroup == "create" else { return nil }
        return ("SECURITY_GROUPS", Command("ec2", "describe-security-groups")
            .with("filters", filters([("vpc-id", [.text(network.vpc)]),
                                      ("group-name", [.text(names.buildSecurityGroup), .text(names.endpointSecurityGroup)])]))
            .query("SecurityGroups[].[GroupName,GroupId,\(tagQuery("Tags", key: "Key", value: "Value"))]"))
    }()

    /// The domain's repositories by name; the call fails, finding nothing, before the domain exists.
    lazy var repositoryLookup: Lookup? = ("REPOSITORIES", Command("codeartifact", "list-repositories-in-domain")
        .with("domain", .text(ca.domain)).with("domain-owner", names.domainOwner).query("repositories[].[name]"))

    /// The planned endpoints that are not being deleted: service name, id, then vpcpipe's tag.
    lazy var endpointLookup: Lookup? = {
        guard !planned.isEmpty else { return nil }
        return ("ENDPOINTS", Command("ec2", "describe-vpc-endpoints")
            .with("filters", filters([("vpc-id", [.text(network.vpc)]),
                                      ("service-name", planned.map { .text($0.serviceName(region: answers.region)) })]))
            .query("VpcEndpoints[?!contains(['deleted','deleting','Deleted','Deleting','failed','Failed'], State)].[ServiceName,VpcEndpointId,\(tagQuery("Tags", key: "Key", value: "Value"))]"))
    }()

    /// The sample app's branch: a row `.<TAB>COMMIT` for its head, then a row for each file and
    /// folder at its root. Nothing before the repository or the branch exists.
    lazy var sampleFileLookup: Lookup? = {
        guard answers.source.create && answers.source.sampleApp else { return nil }
        return ("SAMPLE_FILES", Command("codecommit", "get-folder").with("repository-name", .text(answers.source.repository))
            .with("commit-specifier", .text(answers.source.branch)).with("folder-path", "/")
            .query("[[['.', commitId]], files[].[absolutePath], subFolders[].[absolutePath]][]"))
    }()

    /// A JMESPath list of raw string literals (names here never hold a quote).
    func jmesList(_ values: [String]) -> String { "[" + values.map { "'\($0)'" }.joined(separator: ",") + "]" }

    func plan() -> Plan {
        preflight()
        vpcDNS()
        roles()
        let groups = securityGroups()
        codeArtifact()
        artifactBucket()
        let interfaces = endpoints(securityGroup: groups.endpoint)
        sourceRepository()
        logGroup()
        buildProject(securityGroup: groups.build)
        // Awaited as late as can be, so that their minutes overlap the steps above; but before
        // the pipeline, whose creation starts a first build that needs them.
        awaitEndpoints(interfaces)
        pipeline()
        trigger()
        return Plan(answers: answers, identity: Command("sts", "get-caller-identity").query("Account"),
                    steps: steps, endpoints: decisions, policies: documents)
    }

    // MARK: Steps

    func preflight() {
        // Every subnet found in the VPC proves the VPC too: no call of its own.
        var checks: [Action] = [
            .expect(Command("ec2", "describe-subnets").with("subnet-ids", network.subnets.map(Arg.text))
                        .with("filters", filters(("vpc-id", .text(network.vpc)))).query("length(Subnets)"),
                    equals: String(network.subnets.count),
                    message: "some subnets of network.subnets are not in \(network.vpc), or that VPC does not exist"),
        ]
        let codeArtifactServices = planned.filter { $0 == .codeartifactAPI || $0 == .codeartifactRepositories }
        if !codeArtifactServices.isEmpty {
            checks.append(.call(Command("ec2", "describe-vpc-endpoint-services")
                .with("service-names", codeArtifactServices.map { .text($0.serviceName(region: answers.region)) })
                .query("ServiceNames")))
        }
        checks += [roleLookup, groupLookup, repositoryLookup, endpointLookup, sampleFileLookup].compactMap { $0.map { .lookup($0.variable, $0.command) } }
        steps.append(Step(
            id: "preflight", title: "Check the VPC, its subnets and CodeArtifact endpoints in \(answers.region); find what exists",
            why: "The article builds in your own private VPC; a wrong id or a region without CodeArtifact endpoints is cheaper to find before anything is created, and one call finding several resources is cheaper than one call each.",
            always: checks))
    }

    func vpcDNS() {
        guard answers.endpoints.privateDNS else { return }
        let modify = Command("ec2", "modify-vpc-attribute").with("vpc-id", .text(network.vpc))
        steps.append(Step(
            id: "vpc-dns", title: "Turn on DNS support and DNS host names in \(network.vpc)",
            why: "Private DNS names of interface endpoints resolve only in a VPC with both attributes on; they belong to your VPC, so teardown leaves them.",
            always: [.call(modify.with("enable-dns-support", #"{"Value":true}"#)),
                     .call(modify.with("enable-dns-hostnames", #"{"Value":true}"#))]))
    }

    func roles() {
        if answers.build.role == "new" {
            role(id: "codebuild-role", title: "CodeBuild service role", name: names.codeBuildRole,
                 service: "codebuild.amazonaws.com", trustFile: "codebuild-trust.json",
                 why: "The build project runs as this role: it writes the log, reads and writes artifacts, creates network interfaces in the VPC and reads from CodeArtifact.",
                 inline: [(names.codeBuildBasePolicy, "codebuild-base.json", policies.codeBuildBase),
                          (names.codeBuildCodeArtifactPolicy, "codebuild-codeartifact.json", policies.codeBuildCodeArtifact)])
        }
        if answers.pipeline.role == "new" {
            role(id: "pipeline-role", title: "CodePipeline service role", name: names.pipelineRole,
                 service: "codepipeline.amazonaws.com", trustFile: "codepipeline-trust.json",
                 why: "The pipeline runs as this role: it reads the CodeCommit branch, starts the build and keeps artifacts in the bucket (far less than the console's default role).",
                 inline: [(names.pipelinePolicy, "codepipeline.json", policies.pipeline)])
        }
        if answers.pipeline.trigger == .events {
            role(id: "events-role", title: "EventBridge role that starts the pipeline", name: names.eventsRole,
                 service: "events.amazonaws.com", trustFile: "events-trust.json",
                 why: "The EventBridge rule starts the pipeline on a push to the branch, as this role, which the console creates with the pipeline.",
                 inline: [(names.eventsPolicy, "events.json", policies.events)])
        }
    }

    func role(id: String, title: String, name: String, service: String, trustFile: String, why: String,
                       inline: [(name: String, file: String, document: JSONValue)]) {
        let trust = policies.trust(service: service)
        documents.append((trustFile, trust))
        documents += inline.map { ($0.file, $0.document) }
        let roleName: Arg = .text(name)
        let role = Resource("IAM role", roleName)
        // list-roles leaves tags out: get-role has them.
        let tag = Command("iam", "get-role").with("role-name", roleName).query(tagQuery("Role.Tags", key: "Key", value: "Value"))
        steps.append(Step(
            id: id, title: title, why: why,
            resources: [role] + inline.map { Resource("IAM inline policy", .text($0.name)) },
            check: Check(in: roleLookup!, key: roleName).tagged(.call(tag)),
            create: [.call(Command("iam", "create-role").with("role-name", roleName).with("path", .text(Names.rolePath))
                .with("description", .text("\(title) for \(answers.name), created by vpcpipe"))
                .with("assume-role-policy-document", trust.arg).with("tags", tags(key: "Key", value: "Value")))],
            // Put every run, so a run stopped between the role and its policies is completed.
            always: inline.map { .call(Command("iam", "put-role-policy").with("role-name", roleName)
                .with("policy-name", .text($0.name)).with("policy-document", $0.document.arg)) },
            // A role vpcpipe did not create keeps the policies setup put, as it keeps the role.
            teardown: [.ifTagged(tag, resource: role.label,
                                 inline.map { .call(Command("iam", "delete-role-policy").with("role-name", roleName)
                                     .with("policy-name", .text($0.name))) }
                                 + [.call(Command("iam", "delete-role").with("role-name", roleName))])]))
    }

    /// The build's group and the endpoints' group, as arguments.
    func securityGroups() -> (build: Arg, endpoint: Arg) {
        switch network.securityGroup {
        case "create":
            let build = securityGroup(
                id: "build-security-group", title: "Security group of the build", name: names.buildSecurityGroup,
                variable: "BUILD_SG",
                why: "The build's network interfaces need HTTPS out to the endpoints and S3 and nothing in.",
                rules: [
                    .call(Command("ec2", "revoke-security-group-egress", tolerates: ["InvalidPermission.NotFound"]).with("group-id", .variable("BUILD_SG"))
                        .with("ip-permissions", permissions(protocol: "-1", port: nil, to: .cidr))),
                    .call(Command("ec2", "authorize-security-group-egress", tolerates: ["InvalidPermission.Duplicate"]).with("group-id", .variable("BUILD_SG"))
                        .with("ip-permissions", permissions(protocol: "tcp", port: 443, to: .cidr))),
                ],
                waitsFor: "CodeBuild's network interfaces")
            let endpoint = securityGroup(
                id: "endpoint-security-group", title: "Security group of the interface endpoints",
                name: names.endpointSecurityGroup, variable: "ENDPOINT_SG",
                why: "The interface endpoints accept HTTPS from the build's security group only.",
                rules: [.call(Command("ec2", "authorize-security-group-ingress", tolerates: ["InvalidPermission.Duplicate"]).with("group-id", .variable("ENDPOINT_SG"))
                    .with("ip-permissions", permissions(protocol: "tcp", port: 443, to: .group(build))))],
                waitsFor: "the endpoints' network interfaces")
            return (build, endpoint)
        case "default":
            steps.append(Step(
                id: "default-security-group", title: "Find the default security group of \(network.vpc)",
                why: "As in the article, the build and the endpoints share the VPC's default group, whose members reach each other.",
                resources: [Resource("security group", "default", existing: true)],
                always: [.capture("DEFAULT_SG", Command("ec2", "describe-security-groups")
                    .with("filters", filters(("vpc-id", .text(network.vpc)), ("group-name", "default")))
                    .query("SecurityGroups[0].GroupId"))]))
            return (.variable("DEFAULT_SG"), .variable("DEFAULT_SG"))
        default:
            return (.text(network.securityGroup), .text(network.securityGroup))
        }
    }

    enum Peer { case cidr, group(Arg) }

    func permissions(protocol ipProtocol: String, port: Int?, to peer: Peer) -> Arg {
        var rule: [(String, JSONValue)] = [("IpProtocol", .string(.text(ipProtocol)))]
        if let port { rule += [("FromPort", .number(port)), ("ToPort", .number(port))] }
        switch peer {
        case .cidr: rule.append(("IpRanges", [.object([("CidrIp", "0.0.0.0/0")])]))
        case .group(let group): rule.append(("UserIdGroupPairs", [.object([("GroupId", .string(group))])]))
        }
        return JSONValue.array([.object(rule)]).arg
    }

    func securityGroup(id: String, title: String, name: String, variable: String, why: String,
                                rules: [Action], waitsFor interfaces: String) -> Arg {
        let group = Arg.variable(variable)
        let find = { [self] (extra: [(String, Arg)]) in
            Command("ec2", "describe-security-groups")
                .with("filters", filters([("vpc-id", .text(network.vpc)), ("group-name", .text(name))] + extra))
                .query("SecurityGroups[0].GroupId")
        }
        steps.append(Step(
            id: id, title: title, why: why,
            resources: [Resource("security group", .text(name))],
            check: Check(in: groupLookup!, key: .text(name), capture: variable).tagged(.found),
            create: [.capture(variable, Command("ec2", "create-security-group").with("group-name", .text(name))
                .with("description", .text("\(title) (\(answers.name)), created by vpcpipe"))
                .with("vpc-id", .text(network.vpc)).with("tag-specifications", tagSpecifications("security-group"))
                .query("GroupId"))],
            // Every run, so a run stopped between the group and its rules is completed; a rule
            // already in place (or already revoked) is not an error.
            always: rules,
            // Only a group with vpcpipe's tag is deleted, once \(interfaces) have left it.
            teardown: [.capture(variable, find([("tag:\(Names.tagKey)", .text(answers.name))])),
                       .ifFound(variable, [.awaitInterfacesGone(group: group),
                                           .call(Command("ec2", "delete-security-group").with("group-id", group))])]))
        return group
    }

    func codeArtifact() {
        let domain = Arg.text(ca.domain)
        let owned = ca.domainOwner.isEmpty
        let scoped = { [self] (command: Command) in command.with("domain", domain).with("domain-owner", names.domainOwner) }
        let assets = planned.contains(.s3) && leastPrivilege
        let createDomain = Command("codeartifact", "create-domain").with("domain", domain).with("tags", tags(key: "key", value: "value"))
        let domainResource = Resource("CodeArtifact domain", domain, existing: !owned)
        let domainTag = codeArtifactTag(names.domainArn)
        let domainCheck = Check(scoped(Command("codeartifact", "describe-domain")).query(assets ? "domain.s3BucketArn" : "domain.name"),
                                capture: assets ? "ASSETS_BUCKET_ARN" : nil, mustExist: !owned)
        steps.append(Step(
            id: "codeartifact-domain", title: "CodeArtifact domain \(ca.domain)",
            why: owned
                ? "The domain holds the private repository and keeps package assets in an S3 bucket the build reaches through the S3 endpoint."
                : "The domain belongs to account \(ca.domainOwner): it is checked and used, never created or removed here.",
            resources: [domainResource],
            // The check and the creation both return the assets bucket: no call of its own.
            check: owned ? domainCheck.tagged(.call(domainTag)) : domainCheck,
            create: owned ? [assets ? .capture("ASSETS_BUCKET_ARN", createDomain.query("domain.s3BucketArn")) : .call(createDomain)] : [],
            teardown: owned ? [.ifTagged(domainTag, resource: domainResource.label,
                                         [.call(scoped(Command("codeartifact", "delete-domain")))])] : []))

        let repository = { [self] (id: String, title: String, name: String, why: String, extra: [Action], complete: [Action],
                                   upstreams: [String]) in
            let named = scoped(Command("codeartifact", "create-repository")).with("repository", .text(name))
            var create = named.with("description", .text("\(title), created by vpcpipe")).with("tags", tags(key: "key", value: "value"))
            if !upstreams.isEmpty {
                create = create.with("upstreams", JSONValue.array(upstreams.map { .object([("repositoryName", .string(.text($0)))]) }).arg)
            }
            let resource = Resource("CodeArtifact repository", .text(name))
            let tag = codeArtifactTag(names.repositoryArn(name))
            return Step(
                id: id, title: title, why: why,
                resources: [resource],
                check: Check(in: repositoryLookup!, key: .text(name)).tagged(.call(tag)),
                create: [.call(create)] + extra,
                complete: complete,
                teardown: [.ifTagged(tag, resource: resource.label,
                                     [.call(scoped(Command("codeartifact", "delete-repository")).with("repository", .text(name)))])])
        }
        if !ca.upstream.isEmpty {
            let associate = Action.call(scoped(Command("codeartifact", "associate-external-connection"))
                .with("repository", .text(ca.upstream)).with("external-connection", .text(ca.externalConnection)))
            steps.append(repository(
                "codeartifact-upstream", "CodeArtifact repository \(ca.upstream) with \(ca.externalConnection)",
                ca.upstream,
                "The upstream repository holds the connection to the public registry, so packages not yet in the domain are fetched by CodeArtifact, not by the build.",
                [associate],
                // A found repository may lack the connection when a run stopped before it.
                [.capture("CONNECTIONS", scoped(Command("codeartifact", "describe-repository")).with("repository", .text(ca.upstream))
                    .query("repository.externalConnections[].[externalConnectionName]")),
                 .unlessListed("CONNECTIONS", key: .text(ca.externalConnection), [associate])], []))
        }
        steps.append(repository(
            "codeartifact-repository", "CodeArtifact repository \(ca.repository)", ca.repository,
            ca.upstream.isEmpty
                ? "The build installs its \(ca.format.rawValue) packages from this repository (no upstream: only packages published to it)."
                : "The build installs its \(ca.format.rawValue) packages from this repository, which reaches the public registry through \(ca.upstream).",
            [], [], ca.upstream.isEmpty ? [] : [ca.upstream]))
    }

    func artifactBucket() {
        let bucket = names.artifactBucket
        let base = Command("s3api", "put-bucket-versioning").with("bucket", bucket)
        var create = Command("s3api", "create-bucket").with("bucket", bucket)
        if answers.region != "us-east-1" {
            create = create.with("create-bucket-configuration", .text(#"{"LocationConstraint":"\#(answers.region)"}"#))
        }
        let denyInsecure = JSONValue.object([("Version", "2012-10-17"), ("Statement", [.object([
            ("Sid", "DenyInsecureTransport"), ("Effect", "Deny"), ("Principal", "*"), ("Action", "s3:*"),
            ("Resource", [.string(names.artifactBucketArn), .string(names.artifactBucketArn + "/*")]),
            ("Condition", .object([("Bool", .object([("aws:SecureTransport", "false")]))])),
        ])])])
        let tagSet = JSONValue.object([("TagSet", .array(tagPairs.map {
            .object([("Key", .string(.text($0.0))), ("Value", .string(.text($0.1)))]) }))])
        let resource = Resource("S3 bucket", bucket)
        let tag = Command("s3api", "get-bucket-tagging").with("bucket", bucket).query(tagQuery("TagSet", key: "Key", value: "Value"))
        steps.append(Step(
            id: "artifact-bucket", title: "S3 artifact bucket of the pipeline",
            why: "CodePipeline hands the source to the build and keeps the build's output in this bucket, which the console would create silently.",
            resources: [resource],
            check: Check(Command("s3api", "head-bucket").with("bucket", bucket).with("expected-bucket-owner", Names.account))
                .tagged(.call(tag)),
            // Tagged at once, as create-bucket takes no tags on every CLI the scripts support: a run
            // stopped before the tag leaves a bucket that teardown keeps.
            create: [.call(create),
                     .call(Command("s3api", "put-bucket-tagging").with("bucket", bucket).with("tagging", tagSet.arg))],
            // Settings are idempotent PUTs, made every run: a run stopped after the bucket completes them.
            always: [.call(base.with("versioning-configuration", #"{"Status":"Enabled"}"#)),
                     .call(Command("s3api", "put-public-access-block").with("bucket", bucket)
                        .with("public-access-block-configuration",
                              #"{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}"#)),
                     .call(Command("s3api", "put-bucket-policy").with("bucket", bucket).with("policy", denyInsecure.arg))],
            teardown: [.ifTagged(tag, resource: resource.label,
                                 [.emptyBucket(bucket), .call(Command("s3api", "delete-bucket").with("bucket", bucket))])]))
    }

    /// The endpoints, created back to back; returns the interface endpoints' ids to await.
    func endpoints(securityGroup: Arg) -> [Arg] {
        var interfaces: [Arg] = []
        for decision in decisions where decision.planned {
            let service = decision.service
            let variable = Endpoints.variable(service)
            let serviceName = service.serviceName(region: answers.region)
            let find = { [self] (extra: [(String, Arg)]) in
                Command("ec2", "describe-vpc-endpoints")
                    .with("filters", filters([("vpc-id", .text(network.vpc)), ("service-name", .text(serviceName))] + extra))
                    .query("VpcEndpoints[?!contains(['deleted','deleting','Deleted','Deleting','failed','Failed'], State)] | [0].VpcEndpointId")
            }
            var create = Command("ec2", "create-vpc-endpoint").with("vpc-id", .text(network.vpc))
                .with("vpc-endpoint-type", service.isGateway ? "Gateway" : "Interface")
                .with("service-name", .text(serviceName))
            if service.isGateway {
                create = create.with("route-table-ids", network.routeTables.map(Arg.text))
            } else {
                create = create.with("subnet-ids", network.subnets.map(Arg.text)).with("security-group-ids", securityGroup)
                    .with(answers.endpoints.privateDNS ? "private-dns-enabled" : "no-private-dns-enabled")
                interfaces.append(.variable(variable))
            }
            if leastPrivilege {
                let policy = policies.endpoint(service)
                documents.append((Policies.endpointFile(service), policy))
                create = create.with("policy-document", policy.arg)
            }
            create = create.with("tag-specifications", tagSpecifications("vpc-endpoint")).query("VpcEndpoint.VpcEndpointId")
            steps.append(Step(
                id: "endpoint-" + service.rawValue.replacingOccurrences(of: ".", with: "-"),
                title: "\(service.isGateway ? "Gateway" : "Interface") VPC endpoint \(serviceName)",
                why: "Without internet, \(decision.reason); this endpoint is the only way there.",
                resources: [Resource("VPC endpoint", .text(serviceName))],
                check: Check(in: endpointLookup!, key: .text(serviceName), capture: variable).tagged(.found),
                create: [.capture(variable, create)],
                teardown: [.capture(variable, find([("tag:\(Names.tagKey)", .text(answers.name))])),
                           .ifFound(variable, [.call(Command("ec2", "delete-vpc-endpoints")
                                                    .with("vpc-endpoint-ids", .variable(variable)))])]))
        }
        return interfaces
    }

    func awaitEndpoints(_ interfaces: [Arg]) {
        guard !interfaces.isEmpty else { return }
        steps.append(Step(
            id: "endpoints-available", title: "Wait until the interface endpoints are available",
            why: "Interface endpoints take minutes to come up, and a build started earlier cannot reach its services.",
            always: [.awaitEndpoints(interfaces)]))
    }

    func sourceRepository() {
        let source = answers.source
        let repository = Arg.text(source.repository)
        let get = Command("codecommit", "get-repository").with("repository-name", repository)
            .query("repositoryMetadata.repositoryName")
        let resource = Resource("CodeCommit repository", repository, existing: !source.create)
        let tag = Command("codecommit", "list-tags-for-resource").with("resource-arn", names.sourceRepositoryArn)
            .query("tags.\(Names.tagKey)")
        steps.append(Step(
            id: "source-repository", title: "CodeCommit repository \(source.repository)",
            why: source.create
                ? "The pipeline's source stage watches this repository's \(source.branch) branch."
                : "The repository exists already (source.create is false): it is checked and used, never created, committed to or removed.",
            resources: [resource],
            check: source.create ? Check(get).tagged(.call(tag)) : Check(get, mustExist: true),
            create: source.create ? [.call(Command("codecommit", "create-repository").with("repository-name", repository)
                .with("repository-description", .text("Source of the \(answers.pipeline.name) pipeline, created by vpcpipe"))
                .with("tags", tagMap))] : [],
            teardown: source.create ? [.ifTagged(tag, resource: resource.label,
                                                 [.call(Command("codecommit", "delete-repository").with("repository-name", repository))])] : []))

        // Never commit into a repository vpcpipe did not create: its history is the operator's.
        guard source.create && source.sampleApp else { return }
        let branch = Arg.text(source.branch)
        // A file is found by its root entry: the sample apps keep at most one file in each folder.
        var commits: [(key: String, put: Action, onBranch: Action)] = []
        for (index, file) in SampleApp.files(answers).enumerated() {
            let put = Command("codecommit", "put-file").with("repository-name", repository).with("branch-name", branch)
                .with("file-path", .text(file.path))
                .with("file-content", "fileb://" + Arg.variable("HERE") + "/repo/\(file.path)")
                .with("commit-message", .text("Add \(file.path) (vpcpipe sample app)"))
            let onBranch = Action.capture("COMMIT", put.with("parent-commit-id", .variable("COMMIT")).query("commitId"))
            let key = String(file.path.split(separator: "/").first ?? "")
            commits.append((key, index == 0 ? .capture("COMMIT", put.query("commitId")) : onBranch, onBranch))
        }
        steps.append(Step(
            id: "sample-app", title: "Commit the sample app to \(source.repository) on \(source.branch)",
            why: "The article commits a buildspec and a small app that installs its dependency through CodeArtifact; only a branch that does not exist yet (or that a stopped run began) gets it.",
            resources: [Resource("CodeCommit branch", branch)],
            check: Check(in: sampleFileLookup!, key: ".", capture: "COMMIT"),
            create: commits.map { $0.put },
            // A branch a stopped run began gets the files it lacks, each on the previous commit.
            complete: commits.map { .unlessListed("SAMPLE_FILES", key: .text($0.key), [$0.onBranch]) }))
    }

    func logGroup() {
        guard answers.build.logs == .cloudwatch else { return }
        let group = Arg.text(names.logGroup)
        let resource = Resource("CloudWatch log group", group)
        let tag = Command("logs", "list-tags-for-resource").with("resource-arn", names.logGroupArn).query("tags.\(Names.tagKey)")
        steps.append(Step(
            id: "log-group", title: "CloudWatch log group \(names.logGroup)",
            why: "The build log, where the article reads the square root of 49, goes to this group.",
            resources: [resource],
            check: Check(Command("logs", "describe-log-groups").with("log-group-name-prefix", group)
                .query("logGroups[?logGroupName=='\(names.logGroup)'] | [0].logGroupName")).tagged(.call(tag)),
            create: [.call(Command("logs", "create-log-group").with("log-group-name", group).with("tags", tagMap))],
            teardown: [.ifTagged(tag, resource: resource.label,
                                 [.call(Command("logs", "delete-log-group").with("log-group-name", group))])]))
    }

    func buildProject(securityGroup: Arg) {
        let build = answers.build
        let project = Arg.text(build.project)
        let environment = JSONValue.object([
            ("type", "LINUX_CONTAINER"), ("image", .string(.text(build.image))),
            ("computeType", .string(.text(build.computeType))), ("privilegedMode", .bool(build.privileged)),
            ("environmentVariables", [.object([("name", "AWS_STS_REGIONAL_ENDPOINTS"), ("value", "regional"),
                                               ("type", "PLAINTEXT")])]),
        ])
        let vpc = JSONValue.object([
            ("vpcId", .string(.text(network.vpc))),
            ("subnets", .array(network.subnets.map { .string(.text($0)) })),
            ("securityGroupIds", [.string(securityGroup)]),
        ])
        let logs: JSONValue = build.logs == .cloudwatch
            ? .object([("cloudWatchLogs", .object([("status", "ENABLED"), ("groupName", .string(.text(names.logGroup)))]))])
            : .object([("cloudWatchLogs", .object([("status", "DISABLED")]))])
        let resource = Resource("CodeBuild project", project)
        let projectTag = tagQuery("tags")
        steps.append(Step(
            id: "build-project", title: "CodeBuild project \(build.project) in the VPC",
            why: "The build runs in the VPC's private subnets, installs packages through CodeArtifact and runs the app\(build.role == "new" ? "" : ", as the existing role \(build.role)").",
            resources: [resource],
            // The check's call returns the project's tags too; teardown's prints nothing for a project gone.
            check: Check(Command("codebuild", "batch-get-projects").with("names", project)
                .query("projects[0].[name, \(projectTag)]")).tagged(.found),
            create: [.call(Command("codebuild", "create-project", retriesPropagation: true).with("name", project)
                .with("description", .text("Builds \(answers.source.repository) in \(network.vpc), created by vpcpipe"))
                .with("source", JSONValue.object([("type", "CODEPIPELINE"), ("buildspec", .string(.text(build.buildspec)))]).arg)
                .with("artifacts", #"{"type":"CODEPIPELINE"}"#)
                .with("environment", environment.arg)
                .with("service-role", names.codeBuildRoleArn)
                .with("vpc-config", vpc.arg)
                .with("logs-config", logs.arg)
                .with("tags", tags(key: "key", value: "value")))],
            teardown: [.ifTagged(Command("codebuild", "batch-get-projects").with("names", project).query("projects[].[\(projectTag)]"),
                                 resource: resource.label, [.call(Command("codebuild", "delete-project").with("name", project))])]))
    }

    func pipeline() {
        let pipeline = answers.pipeline
        let poll = pipeline.trigger == .poll ? "true" : "false"
        func action(_ name: String, _ category: String, _ provider: String, configuration: [(String, JSONValue)],
                    input: String?, output: String) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("name", .string(.text(name))),
                ("actionTypeId", .object([("category", .string(.text(category))), ("owner", "AWS"),
                                          ("provider", .string(.text(provider))), ("version", "1")])),
                ("runOrder", .number(1)),
                ("configuration", .object(configuration)),
            ]
            if let input { members.append(("inputArtifacts", [.object([("name", .string(.text(input)))])])) }
            members.append(("outputArtifacts", [.object([("name", .string(.text(output)))])]))
            return .object(members)
        }
        let declaration = JSONValue.object([
            ("name", .string(.text(pipeline.name))),
            ("roleArn", .string(names.pipelineRoleArn)),
            ("artifactStore", .object([("type", "S3"), ("location", .string(names.artifactBucket))])),
            ("stages", [
                .object([("name", "Source"), ("actions", [action("Source", "Source", "CodeCommit", configuration: [
                    ("RepositoryName", .string(.text(answers.source.repository))),
                    ("BranchName", .string(.text(answers.source.branch))),
                    ("PollForSourceChanges", .string(.text(poll))),
                    ("OutputArtifactFormat", "CODE_ZIP"),
                ], input: nil, output: "SourceArtifact")])]),
                .object([("name", "Build"), ("actions", [action("Build", "Build", "CodeBuild", configuration: [
                    ("ProjectName", .string(.text(answers.build.project))),
                ], input: "SourceArtifact", output: "BuildArtifact")])]),
            ]),
            ("version", .number(1)),
            ("pipelineType", .string(.text(pipeline.type.rawValue))),
        ])
        let trigger = switch pipeline.trigger {
        case .events: "an EventBridge rule starts it on each push to \(answers.source.branch)"
        case .poll: "it polls \(answers.source.repository) for changes"
        case .none: "it starts only when released by hand"
        }
        let name = Arg.text(pipeline.name)
        let resource = Resource("CodePipeline pipeline", name)
        let tag = Command("codepipeline", "list-tags-for-resource").with("resource-arn", names.pipelineArn).query(tagQuery("tags"))
        steps.append(Step(
            id: "pipeline", title: "CodePipeline \(pipeline.name) (\(pipeline.type.rawValue)): source, then build",
            why: "As in the article, the pipeline has a CodeCommit source stage and a CodeBuild build stage and no deploy stage; \(trigger).",
            resources: [resource],
            check: Check(Command("codepipeline", "get-pipeline").with("name", name).query("pipeline.name")).tagged(.call(tag)),
            create: [.call(Command("codepipeline", "create-pipeline", retriesPropagation: true)
                .with("pipeline", declaration.arg).with("tags", tags(key: "key", value: "value")))],
            teardown: [.ifTagged(tag, resource: resource.label, [.call(Command("codepipeline", "delete-pipeline").with("name", name))])]))
    }

    func trigger() {
        guard answers.pipeline.trigger == .events else { return }
        let rule = Arg.text(names.rule)
        let resource = Resource("EventBridge rule", rule)
        let tag = Command("events", "list-tags-for-resource").with("resource-arn", names.ruleArn)
            .query(tagQuery("Tags", key: "Key", value: "Value"))
        let pattern = JSONValue.object([
            ("source", ["aws.codecommit"]),
            ("detail-type", ["CodeCommit Repository State Change"]),
            ("resources", [.string(names.sourceRepositoryArn)]),
            ("detail", .object([
                ("event", ["referenceCreated", "referenceUpdated"]),
                ("referenceType", ["branch"]),
                ("referenceName", [.string(.text(answers.source.branch))]),
            ])),
        ])
        let targets = JSONValue.array([.object([
            ("Id", "codepipeline"), ("Arn", .string(names.pipelineArn)), ("RoleArn", .string(names.eventsRoleArn)),
        ])])
        steps.append(Step(
            id: "trigger", title: "EventBridge rule \(names.rule) on \(answers.source.branch)",
            why: "A push to the branch starts the pipeline through EventBridge, so the source stage does not poll (PollForSourceChanges is false).",
            resources: [resource],
            check: Check(Command("events", "describe-rule").with("name", rule).query("Name")).tagged(.call(tag)),
            create: [.call(Command("events", "put-rule").with("name", rule).with("event-pattern", pattern.arg)
                .with("description", .text("Starts \(answers.pipeline.name) on a push to \(answers.source.branch)"))
                .with("tags", tags(key: "Key", value: "Value")))],
            always: [.call(Command("events", "put-targets", retriesPropagation: true).with("rule", rule)
                .with("targets", targets.arg))],
            teardown: [.ifTagged(tag, resource: resource.label,
                                 [.call(Command("events", "remove-targets").with("rule", rule).with("ids", "codepipeline")),
                                  .call(Command("events", "delete-rule").with("name", rule))])]))
    }

    // MARK: Arguments

    /// A query printing the value of vpcpipe's tag among a list's pairs (None without one).
    func tagQuery(_ list: String, key: String = "key", value: String = "value") -> String {
        "\(list)[?\(key)=='\(Names.tagKey)'].\(value) | [0]"
    }

    /// Reads vpcpipe's tag of a CodeArtifact domain or repository.
    func codeArtifactTag(_ arn: Arg) -> Command {
        Command("codeartifact", "list-tags-for-resource").with("resource-arn", arn).query(tagQuery("tags"))
    }

    /// vpcpipe's own tag, then the answers' tags.
    var tagPairs: [(String, String)] {
        [(Names.tagKey, answers.name)] + answers.tags.filter { $0.key != Names.tagKey }.map { ($0.key, $0.value) }
    }

    func tags(key: String, value: String) -> Arg {
        JSONValue.array(tagPairs.map { .object([(key, .string(.text($0.0))), (value, .string(.text($0.1)))]) }).arg
    }

    var tagMap: Arg { JSONValue.object(tagPairs.map { ($0.0, .string(.text($0.1))) }).arg }

    func tagSpecifications(_ resourceType: String) -> Arg {
        JSONValue.array([.object([("ResourceType", .string(.text(resourceType))),
                                  ("Tags", .array(tagPairs.map { .object([("Key", .string(.text($0.0))),
                                                                          ("Value", .string(.text($0.1)))]) }))])]).arg
    }

    func filters(_ pairs: (String, Arg)...) -> Arg { filters(pairs) }

    func filters(_ pairs: [(String, Arg)]) -> Arg { filters(pairs.map { ($0.0, [$0.1]) }) }

    func filters(_ pairs: [(String, [Arg])]) -> Arg {
        JSONValue.array(pairs.map { .object([("Name", .string(.text($0.0))), ("Values", .array($0.1.map { .string($0) }))]) }).arg
    }
}
