/// Every rule of answers-v1.md on typed answers: patterns, cross-field rules and warnings.
/// The headless reader and the wizard both call this; it is the one place a rule is written.
/// Paths are the answers file's dotted keys; messages read "what is wrong (what is expected)".
public enum Rules {
    public static func check(_ answers: Answers) -> [Diagnostic] {
        var checks = Checks()
        checks.general(answers)
        checks.source(answers.source)
        checks.codeArtifact(answers.codeartifact)
        checks.build(answers.build, answers: answers)
        checks.pipeline(answers.pipeline, region: answers.region)
        checks.network(answers.network, existing: answers.endpoints.existing)
        checks.endpoints(answers.endpoints)
        checks.iam(answers.iam)
        return checks.diagnostics
    }
}

/// Collects the diagnostics of one `Rules.check`, in the order of the answers file.
private struct Checks {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ path: String, _ message: String) { diagnostics.append(.error(path, message)) }
    mutating func warning(_ path: String, _ message: String) { diagnostics.append(.warning(path, message)) }

    /// The common shape of a string rule: no control character, then blank (required or not),
    /// then `problem`, which names what is expected when the value breaks its pattern.
    /// Returns whether the value passed, so that cross-field rules run only on sound values.
    @discardableResult
    mutating func text(_ path: String, _ value: String, _ what: String, expected: String,
                       blankAllowed: Bool = false, problem: (String) -> String?) -> Bool {
        if let message = Patterns.controlCharacterProblem(value) {
            error(path, message)
            return false
        }
        if value.isEmpty {
            if !blankAllowed { error(path, "required (\(expected))") }
            return blankAllowed
        }
        if let reason = problem(value) {
            error(path, "\(quoted(value)) is not a valid \(what) (\(reason))")
            return false
        }
        return true
    }

    /// `text` for a rule that is a single pattern: `expected` is also the reason given.
    @discardableResult
    mutating func text(_ path: String, _ value: String, _ what: String, expected: String,
                       blankAllowed: Bool = false, valid: (String) -> Bool) -> Bool {
        text(path, value, what, expected: expected, blankAllowed: blankAllowed) { valid($0) ? nil : expected }
    }

    /// A value picked from a closed list (a catalog): the message names the choices.
    mutating func oneOf(_ path: String, _ value: String, _ what: String, _ choices: [String]) {
        text(path, value, what, expected: choices.joined(separator: " | ")) { choices.contains($0) }
    }

    // MARK: - The file's keys, section by section

    mutating func general(_ answers: Answers) {
        if answers.version != 1 {
            error("version", "version \(answers.version) is not supported by this vpcpipe (version: 1)")
        }
        if text("region", answers.region, "region code", expected: "a region code such as us-west-2",
                valid: Patterns.isRegion),
           !Catalog.codeArtifactRegions.contains(answers.region) {
            warning("region", "CodeArtifact is not known in \(answers.region) (a region of "
                    + "\(Catalog.codeArtifactRegions.joined(separator: ", ")); the setup script's preflight checks it)")
        }
        text("profile", answers.profile, "profile name", expected: "0-64 of A-Z a-z 0-9 _ . @ + -",
             blankAllowed: true) { Patterns.matches($0.utf8, 0...64, of: .profile) }
        text("name", answers.name, "name", expected: "1-32 of A-Z a-z 0-9 _ -, starting with a letter or digit") {
            Patterns.matches($0.utf8, 1...32, of: .name, first: .alphanumerics)
        }
        tags(answers.tags)
    }

    mutating func tags(_ tags: [Answers.Tag]) {
        // AWS takes at most 50 tags a resource, and vpcpipe adds its own.
        guard tags.count <= 49 else {
            return error("tags", "\(tags.count) tags are too many (at most 49: AWS takes 50 a resource, one is vpcpipe's)")
        }
        var seen = Set<String>()
        for tag in tags {
            let path = "tags.\(tag.key)"
            if text(path, tag.key, "tag key", expected: "1-127 of \(Patterns.tagAlphabet)",
                    valid: { Patterns.isTagText($0, maxLength: 127) }) {
                if tag.key.lowercased().hasPrefix("aws:") {
                    error(path, "\(quoted(tag.key)) is reserved for AWS (a key not starting with aws:)")
                }
                if !seen.insert(tag.key).inserted {
                    error(path, "tag key \(quoted(tag.key)) appears twice (each key once)")
                }
            }
            text(path, tag.value, "tag value", expected: "0-255 of \(Patterns.tagAlphabet)", blankAllowed: true) {
                Patterns.isTagText($0, maxLength: 255)
            }
        }
    }

    mutating func source(_ source: Answers.Source) {
        oneOf("source.provider", source.provider, "source provider", ["codecommit"])
        text("source.repository", source.repository, "repository name",
             expected: "1-100 of A-Z a-z 0-9 . _ -, not ending in .git") {
            Patterns.matches($0.utf8, 1...100, of: .repository) && !$0.hasSuffix(".git")
        }
        text("source.branch", source.branch, "branch name", expected: "a git branch name such as main",
             problem: Patterns.branchProblem)
    }

    mutating func codeArtifact(_ codeartifact: Answers.CodeArtifact) {
        text("codeartifact.domain", codeartifact.domain, "domain name",
             expected: "2-50 of a-z 0-9 -, starting with a letter, not ending in -") {
            Patterns.matches($0.utf8, 2...50, of: .domain, first: .lowercase, last: .lowerAlphanumerics)
        }
        text("codeartifact.domain_owner", codeartifact.domainOwner, "account id",
             expected: "blank for your account, or 12 digits", blankAllowed: true, valid: Patterns.isAccount)
        let repositoryRule = "2-100 of A-Z a-z 0-9 . _ -, starting with a letter or digit"
        text("codeartifact.repository", codeartifact.repository, "repository name",
             expected: repositoryRule, valid: Patterns.isCodeArtifactRepository)
        let upstreamValid = text("codeartifact.upstream", codeartifact.upstream, "repository name",
                                 expected: "blank for none, or \(repositoryRule)", blankAllowed: true,
                                 valid: Patterns.isCodeArtifactRepository)
        if upstreamValid, !codeartifact.upstream.isEmpty, codeartifact.upstream == codeartifact.repository {
            error("codeartifact.upstream",
                  "the upstream cannot be the repository itself (another name, or blank for none)")
        }
        externalConnection(codeartifact)
    }

    /// The public connection sits on the upstream repository, so it needs one, and it must
    /// serve the repository's package format.
    mutating func externalConnection(_ codeartifact: Answers.CodeArtifact) {
        let path = "codeartifact.external_connection"
        let suited = Catalog.format(codeartifact.format).externalConnections
        let expected = "\(codeartifact.format.rawValue): \(suited.joined(separator: " | "))"
        guard text(path, codeartifact.externalConnection, "external connection", expected: expected,
                   blankAllowed: true, valid: Catalog.externalConnections.contains),
              !codeartifact.externalConnection.isEmpty else { return }
        if codeartifact.upstream.isEmpty {
            error(path, "an external connection needs an upstream repository (set upstream, or leave this blank)")
        } else if !suited.contains(codeartifact.externalConnection) {
            error(path, "\(quoted(codeartifact.externalConnection)) does not suit \(codeartifact.format.rawValue) (\(expected))")
        }
    }

    mutating func build(_ build: Answers.Build, answers: Answers) {
        text("build.project", build.project, "project name",
             expected: "2-150 of A-Z a-z 0-9 _ -, starting with a letter or digit") {
            Patterns.matches($0.utf8, 2...150, of: .name, first: .alphanumerics)
        }
        oneOf("build.image", build.image, "image", Catalog.images.map(\.name))
        if let image = Catalog.image(named: build.image) {
            if !image.maintained {
                warning("build.image", "\(image.name) is no longer maintained by AWS (\(Catalog.defaultImage))")
            }
            runtime(build.runtime, image: image, answers: answers)
        }
        oneOf("build.compute_type", build.computeType, "compute type", Catalog.computeTypes)
        // A file in the repository: an empty or "." part ("ci/.", "a//b") names no file to write.
        text("build.buildspec", build.buildspec, "buildspec path",
             expected: "a relative file path of A-Z a-z 0-9 . _ / -, no .., no leading /, no empty or . part") {
            Patterns.matches($0.utf8, 1..., of: .path) && !$0.contains("..")
                && !$0.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." }
        }
        role("build.role", build.role, region: answers.region)
    }

    /// A build in a VPC without internet cannot download a runtime: only preinstalled ones work.
    mutating func runtime(_ runtime: String, image: Catalog.Image, answers: Answers) {
        let path = "build.runtime"
        let language = Catalog.format(answers.codeartifact.format).language
        let sameLanguage = image.runtimes.filter { $0.hasPrefix(language + ":") }
        guard text(path, runtime, "runtime", expected: "LANGUAGE:VERSION, such as \(sameLanguage.first ?? "nodejs:20")",
                   valid: Patterns.isRuntime) else { return }
        let runtimeLanguage = String(runtime.prefix { $0 != ":" })
        if !image.runtimes.contains(runtime) {
            let offered = image.runtimes.filter { $0.hasPrefix(runtimeLanguage + ":") }
            error(path, "\(runtime) is not preinstalled in \(image.name) "
                  + "(\((offered.isEmpty ? image.runtimes : offered).joined(separator: ", ")))")
        } else if answers.source.sampleApp, runtimeLanguage != language {
            error(path, "the \(answers.codeartifact.format.rawValue) sample app builds with \(language) "
                  + "(\(sameLanguage.joined(separator: ", ")))")
        }
    }

    /// "new", or an existing role's ARN in the region's partition.
    mutating func role(_ path: String, _ choice: RoleChoice, region: String) {
        guard case .existing(let role) = choice,
              text(path, role, "role", expected: "new, or arn:aws:iam::ACCOUNT:role/NAME", valid: Patterns.isRoleARN),
              Patterns.isRegion(region) else { return }
        let partition = String(role.split(separator: ":", omittingEmptySubsequences: false)[1])
        let regionPartition = Patterns.partition(region: region)
        if partition != regionPartition {
            error(path, "the role is in partition \(partition), the region \(region) in \(regionPartition) "
                  + "(an ARN of \(regionPartition))")
        }
    }

    mutating func pipeline(_ pipeline: Answers.Pipeline, region: String) {
        text("pipeline.name", pipeline.name, "pipeline name", expected: "1-100 of A-Z a-z 0-9 . @ _ -") {
            Patterns.matches($0.utf8, 1...100, of: .pipeline)
        }
        text("pipeline.artifact_bucket", pipeline.artifactBucket, "bucket name",
             expected: "blank to derive one, or an S3 bucket name", blankAllowed: true, problem: Patterns.bucketProblem)
        role("pipeline.role", pipeline.role, region: region)
    }

    mutating func network(_ network: Answers.Network, existing: [EndpointService]) {
        text("network.vpc", network.vpc, "VPC id", expected: "your VPC's id: vpc- then 8 or 17 hex digits") {
            Patterns.isResourceID($0, prefix: "vpc")
        }
        if network.subnets.isEmpty {
            error("network.subnets", "required (a list of subnet ids; two or more AZs are recommended)")
        } else if network.subnets.count == 1 {
            warning("network.subnets", "one subnet is one AZ (two or more AZs are recommended)")
        }
        if network.subnets.count > 16 {
            error("network.subnets", "\(network.subnets.count) subnets are too many (at most 16, as CodeBuild takes)")
        } else {
            ids("network.subnets", network.subnets, "subnet id", prefix: "subnet")
        }
        if network.routeTables.isEmpty, !existing.contains(.s3) {
            error("network.route_tables", "required for the S3 gateway endpoint (a list of route table ids, "
                  + "unless s3 is under endpoints.existing)")
        }
        ids("network.route_tables", network.routeTables, "route table id", prefix: "rtb")
        text("network.security_group", network.securityGroup.text, "security group",
             expected: "create | default | sg- then 8 or 17 hex digits") {
            ["create", "default"].contains($0) || Patterns.isResourceID($0, prefix: "sg")
        }
    }

    /// A list of EC2 ids: each well formed, none twice.
    mutating func ids(_ path: String, _ ids: [String], _ what: String, prefix: String) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if text(itemPath, id, what, expected: "\(prefix)- then 8 or 17 hex digits",
                    valid: { Patterns.isResourceID($0, prefix: prefix) }),
               !seen.insert(id).inserted {
                error(itemPath, "\(id) is listed twice (each \(what) once)")
            }
        }
    }

    mutating func endpoints(_ endpoints: Answers.Endpoints) {
        if !endpoints.privateDNS {
            warning("endpoints.private_dns", "without private DNS, builds cannot reach CodeArtifact "
                    + "by its usual names (the article requires true)")
        }
        var seen = Set<EndpointService>()
        for (index, service) in endpoints.existing.enumerated() where !seen.insert(service).inserted {
            error("endpoints.existing[\(index)]", "\(service.rawValue) is listed twice (each endpoint once)")
        }
    }

    mutating func iam(_ iam: Answers.IAM) {
        if iam.scope == .all {
            warning("iam.scope", "\"*\" lets the build use every CodeArtifact domain and repository "
                    + "(resources: only this domain and repository, as the article advises)")
        }
    }
}
