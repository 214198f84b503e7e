// The keys of the answers file, version 1, in the order of docs/answers.md, each declared once
// (AnswerKey): the reader decodes by it, the writer writes by it, `Rules.check` checks by it,
// the wizard's fields take their label and help from it, the "did you mean" suggestions and
// docs/answers.md's reference (checked by a test) list its keys. A new key is added here once.

public enum AnswerSchema {
    static let keys: [AnswerKey] = [
        AnswerKey("version", .version, required: "version: 1", rule: .custom { $0.version($1, $2) }),
        AnswerKey("region", .text(\.region), label: "Region", help: """
            The console's region selector, top right. Every resource of the article lives in one \
            region, and the VPC endpoints must be in the VPC's region: CodeArtifact is offered in \
            only some regions, listed here. Type to filter.
            """, required: "a region code such as us-west-2", rule: .custom { $0.region($1, $2) }),
        AnswerKey("profile", .text(\.profile), label: "AWS CLI profile", help: """
            The credentials the scripts use (aws --profile). In the article you are signed in to \
            the console; here the scripts run with this profile, or your default when blank.
            """, rule: .pattern("profile name", expected: "0-64 of A-Z a-z 0-9 _ . @ + -", blankAllowed: true) {
                Patterns.matches($0.utf8, 0...64, of: .profile)
            }),
        AnswerKey("name", .text(\.name), label: "Name", help: """
            The article calls everything "Private": the repository, the CodeArtifact domain and \
            repository, the build project and the pipeline. Change it here and those names follow, \
            unless you changed them yourself.
            """, rule: .pattern("name", expected: "1-32 of A-Z a-z 0-9 _ -, starting with a letter or digit") {
                Patterns.matches($0.utf8, 1...32, of: .name, first: .alphanumerics)
            }),
        AnswerKey("tags", .tags, label: "Tags", help: """
            Tags on every resource setup.sh creates, beside vpcpipe's own: Key=Value pairs \
            separated by commas (Team=web, CostCenter=42). A key once; none starting with aws:.
            """, rule: .custom { $0.tags($1, $2) }),
        AnswerKey("language", .choice(.of(\.language)), label: "Language", help: """
            The language of the wizard, of checklist.md and of the scripts' messages: en (English) \
            or ja (Japanese, with the Japanese console's labels). Names, commands and JSON stay as they are.
            """, omittedAtDefault: true),
        source, codeArtifact, build, pipeline, network, endpoints, iam, stackset,
    ]

    private static let source = AnswerKey.section("source", [
        AnswerKey("provider", .text(\.source.provider), rule: .oneOf("source provider", ["codecommit"])),
        AnswerKey("repository", .text(\.source.repository), label: "Repository", help: """
            CodeCommit > Repositories > Create repository. The pipeline's source stage watches \
            this repository; CodeCommit is reached by CodePipeline, not from inside the VPC.
            """, follow: .name, rule: .pattern("repository name", expected: "1-100 of A-Z a-z 0-9 . _ -, not ending in .git") {
                Patterns.matches($0.utf8, 1...100, of: .repository) && !$0.hasSuffix(".git")
            }),
        AnswerKey("branch", .text(\.source.branch), label: "Branch", help: """
            The branch the pipeline builds (the article commits to main). A push to it starts \
            the pipeline.
            """, rule: .text(what: "branch name", expected: "a git branch name such as main", blankAllowed: false,
                             problem: Patterns.branchProblem)),
        AnswerKey("create", .flag(\.source.create), label: "New or existing", help: """
            Create the repository, or use one you already have. With an existing one the scripts \
            only check it is there and never delete it.
            """),
        AnswerKey("sample_app", .flag(\.source.sampleApp), label: "Sample app", help: """
            The article commits buildspec.yml, package.json and index.js: an app whose build \
            installs packages through CodeArtifact, proving the build works without internet.
            """, rule: .custom { $0.sampleApp($1, $2) }),
    ])

    private static let codeArtifact = AnswerKey.section("codeartifact", [
        AnswerKey("domain", .text(\.codeartifact.domain), label: "Domain", help: """
            CodeArtifact > Domains > Create domain. A domain groups repositories and stores their \
            package assets (in an S3 bucket AWS owns, reached through the S3 gateway endpoint).
            """, follow: Follow(answer: "name", shown: "name, lower case") { Defaults.domain(name: $0.name) },
            rule: .pattern("domain name", expected: "2-50 of a-z 0-9 -, starting with a letter, not ending in -") {
                Patterns.matches($0.utf8, 2...50, of: .domain, first: .lowercase, last: .lowerAlphanumerics)
            }),
        AnswerKey("domain_owner", .text(\.codeartifact.domainOwner), label: "Domain owner", help: """
            The account that owns the domain: blank for your own, or a 12-digit account id for a \
            domain shared with you.
            """, rule: .pattern("account id", expected: "blank for your account, or 12 digits", blankAllowed: true,
                                valid: Patterns.isAccount)),
        AnswerKey("repository", .text(\.codeartifact.repository), label: "Repository", help: """
            CodeArtifact > Create repository: the repository the build installs from (the \
            article's "Private").
            """, follow: .name, rule: .pattern("repository name", expected: Checks.codeArtifactRepositoryRule,
                                              valid: Patterns.isCodeArtifactRepository)),
        AnswerKey("format", .choice(.of(\.codeartifact.format)), label: "Package format", help: """
            The package manager of your app: npm in the article. Changing it refills the upstream, \
            its public connection and the runtime while they hold their defaults.
            """),
        AnswerKey("upstream", .text(\.codeartifact.upstream), label: "Upstream repository", help: """
            "Public upstream repositories" in the console: a repository (npm-store) with a \
            connection to the public registry. CodeArtifact, not your build, goes to the internet.
            """, follow: Follow(answer: "codeartifact.format", shown: nil) { Defaults.upstream(format: $0.codeartifact.format) },
            rule: .custom { $0.upstream($1, $2) }),
        AnswerKey("external_connection", .text(\.codeartifact.externalConnection), label: "Public connection", help: """
            The public registry the upstream repository connects to, offered for the chosen \
            format (npm: public:npmjs).
            """, follow: Follow(answer: "codeartifact.upstream", shown: nil) {
                Defaults.externalConnection(format: $0.codeartifact.format, upstream: $0.codeartifact.upstream)
            }, rule: .custom { $0.externalConnection($1, $2) }),
    ])

    private static let build = AnswerKey.section("build", [
        AnswerKey("project", .text(\.build.project), label: "Project name", help: """
            CodeBuild > Create build project > Project name.
            """, follow: .name, rule: .pattern("project name", expected: "2-150 of A-Z a-z 0-9 _ -, starting with a letter or digit") {
                Patterns.matches($0.utf8, 2...150, of: .name, first: .alphanumerics)
            }),
        AnswerKey("image", .text(\.build.image), label: "Image", help: """
            Environment > Managed image. The article's Amazon Linux 2 standard:4.0 is no longer \
            maintained; the default is its Amazon Linux 2023 successor.
            """, rule: .custom { $0.image($1, $2) }),
        AnswerKey("runtime", .text(\.build.runtime), label: "Runtime", help: """
            The buildspec's runtime-versions. Only those preinstalled in the image are offered: \
            a build without internet cannot download another.
            """, follow: Follow(answer: "build.image", shown: nil) {
                Defaults.runtime(format: $0.codeartifact.format, image: $0.build.image)
            }, rule: .custom { $0.runtime($1, $2) }),
        AnswerKey("tool", .text(\.build.tool), label: "Build tool", help: """
            The sample's build tool, one of the package format's: npm or Yarn (Berry) for npm, \
            Maven or Gradle for maven. It follows the format; its configuration names only the \
            CodeArtifact repository.
            """, follow: Follow(answer: "codeartifact.format", shown: nil) {
            Defaults.buildTool(format: $0.codeartifact.format)
        }, rule: .custom { $0.buildTool($1, $2) }),
        AnswerKey("compute_type", .text(\.build.computeType), label: "Compute",
                  help: "Environment > Compute: the build machine's size (the article keeps the smallest).",
                  rule: .oneOf("compute type", Catalog.computeTypes)),
        AnswerKey("privileged", .flag(\.build.privileged), label: "Privileged", help: """
            Only needed to build Docker images. Keep it off otherwise.
            """),
        AnswerKey("timeout_minutes", .integer(\.build.timeoutMinutes, 5...2160), label: "Timeout (minutes)", help: """
            Environment > Additional configuration > Timeout: a build still running after this \
            many minutes is stopped (CodeBuild allows 5 to 2160; the console's default is 60).
            """),
        // A file in the repository: an empty or "." part ("ci/.", "a//b") names no file to write.
        AnswerKey("buildspec", .text(\.build.buildspec), label: "Buildspec", help: """
            Source > Buildspec: the buildspec file's path in the repository (the article's \
            buildspec.yml, at its root). The sample app's buildspec is written there.
            """, rule: .pattern(
            "buildspec path", expected: "a relative file path of A-Z a-z 0-9 . _ / -, no .., no leading /, no empty or . part") {
                Patterns.matches($0.utf8, 1..., of: .path) && !$0.contains("..")
                    && !$0.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." }
            }),
        // Headless only: the wizard shows what it saves (CostText names the key).
        AnswerKey("account_from_arn", .flag(\.build.accountFromARN)),
        AnswerKey("role", .text(\.build.role.text), label: "Service role", help: """
            "new" creates the role the console's "New service role" would, with the VPC and \
            CodeArtifact permissions the article adds; or type an existing role's ARN.
            """, rule: .custom { $0.role($1, $2.build.role, region: $2.region); $0.givenRole($1, $2.build.role) }),
        AnswerKey("logs", .choice(.of(\.build.logs)), label: "Logs", help: """
            CloudWatch logs, as in the article; they need the logs endpoint in the VPC. "none" \
            plans no logs endpoint.
            """),
    ])

    private static let pipeline = AnswerKey.section("pipeline", [
        AnswerKey("name", .text(\.pipeline.name), label: "Pipeline name", help: """
            CodePipeline > Create pipeline > Pipeline name.
            """, follow: .name, rule: .pattern("pipeline name", expected: "1-100 of A-Z a-z 0-9 . @ _ -") {
                Patterns.matches($0.utf8, 1...100, of: .pipeline)
            }),
        AnswerKey("type", .choice(.of(\.pipeline.type)), label: "Type",
                  help: "Pipeline type: V2 is the console's default and bills per action minute."),
        AnswerKey("artifact_bucket", .text(\.pipeline.artifactBucket), label: "Artifact bucket", help: """
            Advanced settings > Artifact store. The pipeline passes the source to the build \
            through this bucket; the build reaches it through the S3 gateway endpoint.
            """, rule: .text(what: "bucket name", expected: "blank to derive one, or an S3 bucket name", blankAllowed: true,
                             problem: Patterns.bucketProblem)),
        AnswerKey("role", .text(\.pipeline.role.text), label: "Service role", help: """
            "new" creates a role with only what the pipeline needs (the console's default role is \
            far broader); or type an existing role's ARN.
            """, rule: .custom { $0.role($1, $2.pipeline.role, region: $2.region); $0.givenRole($1, $2.pipeline.role) }),
        AnswerKey("trigger", .choice(.of(\.pipeline.trigger)), label: "Trigger", help: """
            "events": an EventBridge rule starts the pipeline on a push (the console's default). \
            "poll": CodePipeline polls the repository. "none": start it by hand.
            """),
    ])

    private static let network = AnswerKey.section("network", [
        AnswerKey("vpc", .text(\.network.vpc), label: "VPC id", help: """
            CodeBuild > Environment > Additional configuration > VPC. The VPC must have DNS \
            support and DNS hostnames; the scripts turn both on for private DNS.
            """, reference: "(required)", rule: .pattern("VPC id", expected: "your VPC's id: " + Checks.vpcRule) {
                Patterns.isResourceID($0, prefix: "vpc")
            }),
        AnswerKey("subnets", .texts(\.network.subnets), label: "Subnets", help: """
            Private subnets for the build and the interface endpoints. The article advises \
            subnets in several Availability Zones so a zone's outage does not stop builds; \
            each zone adds endpoint cost (the endpoints screen says how much).
            """, reference: "(required)", rule: .custom { $0.subnets($1, $2) }),
        AnswerKey("route_tables", .texts(\.network.routeTables), label: "Route tables", help: """
            The route tables of those subnets: the S3 gateway endpoint adds its route to them. \
            Needed unless the VPC already has an S3 endpoint.
            """, reference: "(required unless s3 exists)", rule: .custom { $0.routeTables($1, $2.network.routeTables, s3Exists: $2.endpoints.existing.contains(.s3)) }),
        AnswerKey("security_group", .text(\.network.securityGroup.text), label: "Security group", help: """
            "create": a group for the build and one for the endpoints, allowing 443 between them. \
            "default": the VPC's default group, as the article does. Or an existing sg-... id.
            """, rule: .custom { $0.securityGroup($1, $2) }),
    ])

    private static let endpoints = AnswerKey.section("endpoints", [
        AnswerKey("private_dns", .flag(\.endpoints.privateDNS), label: "Private DNS", help: """
            With private DNS the usual AWS host names resolve to the endpoints, so npm, pip and \
            the CLI work unchanged. codeartifact.repositories needs it.
            """, rule: .custom { $0.privateDNS($1, $2) }),
        AnswerKey("existing", .endpoints, label: "Endpoints", help: """
            The article creates one endpoint per service the build calls. If the VPC has one \
            already, tick it: a second endpoint with private DNS for the same service would \
            conflict. Interface endpoints cost per hour per Availability Zone: the figure above \
            the list says how much, and what a tick saves.
            """, rule: .custom { $0.existingEndpoints($1, $2) }),
        AnswerKey("policies", .choice(.of(\.endpoints.policies)), label: "Endpoint policies", help: """
            account: this account's principals to this account's resources, plus the \
            AWS-owned ones the build needs; other workloads of the VPC keep working. \
            least-privilege: only this pipeline's calls: every other workload in the VPC is \
            then limited to them. full-access: AWS's default policy.
            """, rule: .custom { $0.endpointPolicies($1, $2) }),
    ])

    private static let iam = AnswerKey.section("iam", [
        AnswerKey("scope", .choice(.of(\.iam.scope)), label: "Scope", help: """
            resources: the policies name this domain and repository (the article's advice). all: \
            "*", as the console's "All" checkbox.
            """, rule: .custom { $0.iamScope($1, $2) }),
    ])

    // Headless only (no labels): the section is for platform teams writing answers files.
    private static let stackset = AnswerKey.section("stackset", [
        AnswerKey("organizational_units", .texts(\.stacksetKeys.organizationalUnits),
                  reference: "(required)", rule: .custom { $0.organizationalUnits($1, $2) }),
        AnswerKey("regions", .texts(\.stacksetKeys.regions),
                  reference: "(required)", rule: .custom { $0.stacksetRegions($1, $2) }),
        AnswerKey("max_concurrent", .text(\.stacksetKeys.maxConcurrent), reference: "1",
                  rule: .custom { $0.maxConcurrent($1, $2) }),
        AnswerKey("failure_tolerance", .text(\.stacksetKeys.failureTolerance), reference: "0",
                  rule: .custom { $0.failureTolerance($1, $2) }),
        AnswerKey("accounts", .objects(.of(\.stacksetKeys.accounts, new: Answers.AccountNetwork()) { index in [
            AnswerKey("account", .text(\.stacksetKeys.accounts[index].account),
                      reference: "(required)", rule: .pattern("account id", expected: "12 digits", valid: Patterns.isAccount)),
            AnswerKey("vpc", .text(\.stacksetKeys.accounts[index].vpc), reference: "(required)",
                      rule: .pattern("VPC id", expected: Checks.vpcRule) { Patterns.isResourceID($0, prefix: "vpc") }),
            AnswerKey("subnets", .texts(\.stacksetKeys.accounts[index].subnets),
                      reference: "(required)", rule: .custom { $0.accountSubnets($1, $2.stacksetKeys.accounts[index].subnets, $2) }),
            AnswerKey("route_tables", .texts(\.stacksetKeys.accounts[index].routeTables), reference: "(required unless s3 exists)",
                      rule: .custom { checks, path, answers in
                          let account = answers.stacksetKeys.accounts[index]
                          checks.routeTables(path, account.routeTables,
                                             s3Exists: answers.endpoints.existing.contains(.s3) || account.existingEndpoints.contains("s3"))
                      }),
            AnswerKey("existing_endpoints", .texts(\.stacksetKeys.accounts[index].existingEndpoints), reference: "[]",
                      rule: .custom { $0.accountEndpoints($1, $2.stacksetKeys.accounts[index].existingEndpoints, $2) }),
        ] }), reference: "[]", rule: .custom { $0.stacksetAccounts($1, $2) }),
    ], present: \Answers.hasStackSet)

    /// Every key that holds a value, in the order of the file.
    public static let leaves = leaves(of: keys)

    static func leaves(of keys: [AnswerKey]) -> [AnswerKey] {
        keys.flatMap { key -> [AnswerKey] in
            if case .section(let children, _) = key.kind { return leaves(of: children) }
            return [key]
        }
    }

    /// The rows of docs/answers.md's reference: the leaves, and the keys of a list of mappings'
    /// items as `stackset.accounts[].vpc`.
    static let referenceKeys: [AnswerKey] = leaves.flatMap { key -> [AnswerKey] in
        guard case .objects(let objects) = key.kind else { return [key] }
        return [key] + objects.keys(0).map { $0.placed(under: key.path + "[]") }
    }

    /// Every key's dotted path, for suggesting a key the file put at the wrong level.
    static let allPaths: [String] = keys.flatMap { key -> [String] in
        if case .section(let children, _) = key.kind { return [key.path] + children.map(\.path) }
        return [key.path]
    }

    /// The declaration of the key that holds `answer`.
    public static func key(_ answer: PartialKeyPath<Answers>) -> AnswerKey? {
        byAnswer[answer]
    }

    /// The leaves by the answer they hold (the first, were two to hold one): every wizard field
    /// and rule looks its key up, thousands of times a session. Never changed after it is made
    /// (a key path as a dictionary key is not Sendable).
    nonisolated(unsafe) private static let byAnswer: [PartialKeyPath<Answers>: AnswerKey] = Dictionary(leaves.compactMap { key in key.answer.map { ($0, key) } }) { first, _ in first }

    /// The dotted path of the key that holds `answer`, as diagnostics and problems name it.
    public static func path(_ answer: PartialKeyPath<Answers>) -> String {
        guard let key = key(answer) else { preconditionFailure("\(answer) is not declared in AnswerSchema") }
        return key.path
    }

    /// The answers after a change from `old` to `new`, where each answer whose default follows
    /// another and that still held its default for `old` takes its default for `new` (a value
    /// the user typed stays). In the order of the file, so a default that follows a refilled
    /// one (the connection follows the upstream) sees it refilled.
    public static func refill(from old: Answers, to new: Answers) -> Answers {
        var answers = new
        for key in leaves {
            guard let follow = key.follow, case .text(let keyPath) = key.kind else { continue }
            let before = follow.value(old), after = follow.value(answers)
            if before != after, answers[keyPath: keyPath] == before { answers[keyPath: keyPath] = after }
        }
        return answers
    }
}
