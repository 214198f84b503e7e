/// Every rule of the answers file (docs/answers.md) on typed answers: patterns, cross-field
/// rules and warnings. The headless reader and the wizard both call this. A key's rule is
/// declared with the key (AnswerSchema); the rules that read other answers too are written here, once.
/// Paths are the answers file's dotted keys; messages read "what is wrong (what is expected)".
public enum Rules {
    public static func check(_ answers: Answers) -> [Diagnostic] {
        var checks = Checks()
        checks.apply(AnswerSchema.keys, answers)
        return checks.diagnostics
    }
}

/// Collects the diagnostics of one `Rules.check`, in the order of the answers file.
struct Checks {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ path: String, _ message: String) { diagnostics.append(.error(path, message)) }
    mutating func warning(_ path: String, _ message: String) { diagnostics.append(.warning(path, message)) }

    /// The keys' rules, in the order of the file: those of a section the answers leave out are
    /// not checked, and each item of a list of mappings has its keys' own.
    mutating func apply(_ keys: [AnswerKey], _ answers: Answers) {
        for key in keys {
            switch key.kind {
            case .section(let children, let present):
                if present.map({ answers[keyPath: $0] }) ?? true { apply(children, answers) }
            case .objects(let objects):
                for index in 0..<objects.count(answers) { apply(objects.fields(index, under: key.path), answers) }
                apply(key, answers)
            default:
                apply(key, answers)
            }
        }
    }

    /// The key's declared rule, and the range of a whole number.
    mutating func apply(_ key: AnswerKey, _ answers: Answers) {
        switch (key.rule, key.kind) {
        case (.text(let what, let expected, let blankAllowed, let problem)?, .text(let keyPath)):
            text(key.path, answers[keyPath: keyPath], what, expected: expected, blankAllowed: blankAllowed, problem: problem)
        case (.text?, _):
            preconditionFailure("\(key.path): a text rule on a key that holds no text")
        case (.custom(let rule)?, _):
            rule(&self, key.path, answers)
        case (nil, _):
            break
        }
        if case .integer(let keyPath, let range) = key.kind, !range.contains(answers[keyPath: keyPath]) {
            error(key.path, "\(answers[keyPath: keyPath]) is out of range (\(key.expected))")
        }
    }

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

    // MARK: - Rules that read other answers, in the order of the answers file

    mutating func version(_ path: String, _ answers: Answers) {
        if answers.version != 1 {
            error(path, "version \(answers.version) is not supported by this vpcpipe (version: 1)")
        }
    }

    mutating func region(_ path: String, _ answers: Answers) {
        if text(path, answers.region, "region code", expected: "a region code such as us-west-2", valid: Patterns.isRegion),
           !Catalog.codeArtifactRegions.contains(answers.region) {
            warning(path, "CodeArtifact is not known in \(answers.region) (a region of "
                    + "\(Catalog.codeArtifactRegions.joined(separator: ", ")); the setup script's preflight checks it)")
        }
    }

    mutating func tags(_ path: String, _ answers: Answers) {
        let tags = answers.tags
        // AWS takes at most 50 tags a resource, and vpcpipe adds its own.
        guard tags.count <= 49 else {
            return error(path, "\(tags.count) tags are too many (at most 49: AWS takes 50 a resource, one is vpcpipe's)")
        }
        var seen = Set<String>()
        for tag in tags {
            let tagPath = "\(path).\(tag.key)"
            if text(tagPath, tag.key, "tag key", expected: "1-127 of \(Patterns.tagAlphabet)",
                    valid: { Patterns.isTagText($0, maxLength: 127) }) {
                if tag.key.lowercased().hasPrefix("aws:") {
                    error(tagPath, "\(quoted(tag.key)) is reserved for AWS (a key not starting with aws:)")
                }
                if !seen.insert(tag.key).inserted {
                    error(tagPath, "tag key \(quoted(tag.key)) appears twice (each key once)")
                }
            }
            text(tagPath, tag.value, "tag value", expected: "0-255 of \(Patterns.tagAlphabet)", blankAllowed: true) {
                Patterns.isTagText($0, maxLength: 255)
            }
        }
    }

    /// setup.sh never commits to a repository it did not create: the sample app is only written.
    mutating func sampleApp(_ path: String, _ answers: Answers) {
        if !answers.source.create && answers.source.sampleApp {
            warning(path, "nothing is committed to a repository that exists already: "
                    + "the sample app is only written to repo/ (commit it yourself, or choose no sample app)")
        }
    }

    static let codeArtifactRepositoryRule = "2-100 of A-Z a-z 0-9 . _ -, starting with a letter or digit"

    mutating func upstream(_ path: String, _ answers: Answers) {
        let codeartifact = answers.codeartifact
        let valid = text(path, codeartifact.upstream, "repository name",
                         expected: "blank for none, or \(Self.codeArtifactRepositoryRule)", blankAllowed: true,
                         valid: Patterns.isCodeArtifactRepository)
        if valid, !codeartifact.upstream.isEmpty, codeartifact.upstream == codeartifact.repository {
            error(path, "the upstream cannot be the repository itself (another name, or blank for none)")
        }
    }

    /// The public connection sits on the upstream repository, so it needs one, and it must
    /// serve the repository's package format.
    mutating func externalConnection(_ path: String, _ answers: Answers) {
        let codeartifact = answers.codeartifact
        let suited = Catalog.format(codeartifact.format).externalConnections
        let expected = "\(codeartifact.format.rawValue): \(suited.joined(separator: " | "))"
        guard text(path, codeartifact.externalConnection, "external connection", expected: expected,
                   blankAllowed: true, valid: Catalog.externalConnections.contains),
              !codeartifact.externalConnection.isEmpty else { return }
        if codeartifact.upstream.isEmpty {
            error(path, "a public connection needs an upstream repository (an upstream, or no public connection)")
        } else if !suited.contains(codeartifact.externalConnection) {
            error(path, "\(quoted(codeartifact.externalConnection)) does not suit \(codeartifact.format.rawValue) (\(expected))")
        }
    }

    mutating func image(_ path: String, _ answers: Answers) {
        let names = Catalog.images.map(\.name)
        text(path, answers.build.image, "image", expected: names.joined(separator: " | ")) { names.contains($0) }
        if let image = Catalog.image(named: answers.build.image), !image.maintained {
            warning(path, "\(image.name) is no longer maintained by AWS (\(Catalog.defaultImage))")
        }
    }

    /// A build in a VPC without internet cannot download a runtime: only preinstalled ones work.
    /// Checked only with an image of the catalog, whose runtimes are known. A language not the
    /// format's fails the committed sample (an error), and is a warning otherwise.
    mutating func runtime(_ path: String, _ answers: Answers) {
        guard let image = Catalog.image(named: answers.build.image) else { return }
        let runtime = answers.build.runtime
        let language = Catalog.format(answers.codeartifact.format).language
        let sameLanguage = image.runtimes.filter { $0.hasPrefix(language + ":") }
        guard text(path, runtime, "runtime", expected: "LANGUAGE:VERSION, such as \(sameLanguage.first ?? "nodejs:20")",
                   valid: Patterns.isRuntime) else { return }
        let runtimeLanguage = String(runtime.prefix { $0 != ":" })
        if !image.runtimes.contains(runtime) {
            let offered = image.runtimes.filter { $0.hasPrefix(runtimeLanguage + ":") }
            error(path, "\(runtime) is not preinstalled in \(image.name) "
                  + "(\((offered.isEmpty ? image.runtimes : offered).joined(separator: ", ")))")
        } else if runtimeLanguage != language {
            // A committed sample would fail its first build; otherwise repo/ holds the buildspec alone.
            let message = "the \(answers.codeartifact.format.rawValue) sample app builds with \(language) "
                + "(\(sameLanguage.joined(separator: ", ")))"
            if answers.source.create && answers.source.sampleApp {
                error(path, message)
            } else {
                warning(path, message + "; repo/ gets the buildspec only")
            }
        }
    }

    /// The sample builds with one of its format's tools: Gradle fetches Maven packages, Yarn npm's.
    mutating func buildTool(_ path: String, _ answers: Answers) {
        let format = answers.codeartifact.format
        let suited = Catalog.format(format).buildTools.map(\.name)
        let expected = "\(format.rawValue): \(suited.joined(separator: " | "))"
        let tools = Catalog.formats.flatMap(\.buildTools).map(\.name)
        guard text(path, answers.build.tool, "build tool", expected: tools.joined(separator: " | "), valid: tools.contains) else { return }
        if !suited.contains(answers.build.tool) {
            error(path, "\(quoted(answers.build.tool)) does not build \(format.rawValue) packages (\(expected))")
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

    /// A role given by ARN is used as it is: what it must allow, said where the answer is.
    mutating func givenRole(_ path: String, _ choice: RoleChoice) {
        guard case .existing(let arn) = choice, Patterns.isRoleARN(arn), let kind = RoleKind.given(by: path) else { return }
        warning(path, "\(arn) is used as it is: \(kind.requirement)")
    }

    mutating func subnets(_ path: String, _ answers: Answers) {
        let subnets = answers.network.subnets
        if subnets.isEmpty {
            error(path, "required (a list of subnet ids; two or more AZs are recommended)")
        } else if subnets.count == 1 {
            warning(path, "one subnet is one AZ (two or more AZs are recommended)")
        }
        if subnets.count > 16 {
            error(path, "\(subnets.count) subnets are too many (at most 16, as CodeBuild takes)")
        } else {
            ids(path, subnets, "subnet id", prefix: "subnet")
        }
    }

    static let vpcRule = "vpc- then 8 or 17 lower-case hex digits"

    /// `network.route_tables`, or an account's of `stackset.accounts`.
    /// `s3Exists`: the VPC's own S3 endpoint is used, and no gateway is made for the route tables.
    mutating func routeTables(_ path: String, _ routeTables: [String], s3Exists: Bool) {
        if routeTables.isEmpty, !s3Exists {
            error(path, "required for the S3 gateway endpoint (the subnets' route table ids, "
                  + "unless the VPC's own S3 endpoint is used as existing)")
        }
        ids(path, routeTables, "route table id", prefix: "rtb")
    }

    /// A list of EC2 ids: each well formed, none twice.
    mutating func ids(_ path: String, _ ids: [String], _ what: String, prefix: String) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if text(itemPath, id, what, expected: "\(prefix)- then 8 or 17 lower-case hex digits",
                    valid: { Patterns.isResourceID($0, prefix: prefix) }),
               !seen.insert(id).inserted {
                error(itemPath, "\(id) is listed twice (each \(what) once)")
            }
        }
    }

    /// A group given by id is used as it is: the warning says what it must allow. A StackSet's
    /// accounts each have their own groups, which the template cannot name: it creates them.
    mutating func securityGroup(_ path: String, _ answers: Answers) {
        let group = answers.network.securityGroup
        guard text(path, group.text, "security group", expected: "create | default | sg- then 8 or 17 lower-case hex digits",
                   valid: { ["create", "default"].contains($0) || Patterns.isResourceID($0, prefix: "sg") }) else { return }
        if answers.stackset != nil, group != .create {
            return error(path, "a StackSet's accounts each have their own security groups, which one answer cannot name "
                         + "(create, with a stackset section)")
        }
        guard case .existing(let id) = group else { return }
        warning(path, "\(id) is used as it is, for the build and the endpoints: "
                + SecurityGroupSteps.givenGroupNeeds(vpc: answers.network.vpc, subnets: "network.subnets"))
    }

    /// The targets of `stackset`, each once: an OU id or the organization's root id, as
    /// CloudFormation's DeploymentTargets take them.
    mutating func organizationalUnits(_ path: String, _ answers: Answers) {
        let units = answers.stacksetKeys.organizationalUnits
        if units.isEmpty { error(path, "required (a list of ou- or r- ids)") }
        once(path, units, "organizational unit id", expected: "ou-xxxx-yyyyyyyy or r-xxxx (lower-case letters and digits)",
             valid: Patterns.isOrganizationalUnit)
    }

    /// The StackSet's regions, each checked as `region` is.
    mutating func stacksetRegions(_ path: String, _ answers: Answers) {
        let regions = answers.stacksetKeys.regions
        if regions.isEmpty { error(path, "required (a list of region codes such as \(answers.region))") }
        once(path, regions, "region code", expected: "a region code such as us-west-2", valid: Patterns.isRegion)
        for (index, region) in regions.enumerated() where Patterns.isRegion(region) && !Catalog.codeArtifactRegions.contains(region) {
            warning("\(path)[\(index)]", "CodeArtifact is not known in \(region) (a region of "
                    + "\(Catalog.codeArtifactRegions.joined(separator: ", ")))")
        }
    }

    /// A list of values, each valid and once.
    private mutating func once(_ path: String, _ values: [String], _ what: String, expected: String, valid: (String) -> Bool) {
        var seen = Set<String>()
        for (index, value) in values.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if text(itemPath, value, what, expected: expected, valid: valid), !seen.insert(value).inserted {
                error(itemPath, "\(value) is listed twice (each \(what) once)")
            }
        }
    }

    /// An operation preference: a count from `least`, or a percentage ("25%") from `least` to 100.
    static func operationPreference(_ text: String, least: Int) -> (count: Int?, percentage: Int?) {
        let digits = text.hasSuffix("%") ? text.dropLast() : Substring(text)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let number = Int(digits), number >= least else { return (nil, nil) }
        if text.hasSuffix("%") { return number <= 100 ? (nil, number) : (nil, nil) }
        return (number, nil)
    }

    /// `stackset.max_concurrent`: with both counts, CloudFormation takes at most one more
    /// account at once than may fail (StackSetOperationPreferences).
    mutating func maxConcurrent(_ path: String, _ answers: Answers) {
        let stackset = answers.stacksetKeys
        guard text(path, stackset.maxConcurrent, "max concurrent", expected: "a count from 1, or a percentage from 1% to 100%",
                   valid: { Self.operationPreference($0, least: 1) != (nil, nil) }),
              let count = Self.operationPreference(stackset.maxConcurrent, least: 1).count,
              let tolerance = Self.operationPreference(stackset.failureTolerance, least: 0).count,
              count > tolerance + 1 else { return }
        error(path, "\(count) accounts at once with a failure tolerance of \(tolerance) "
              + "(at most \(tolerance + 1): CloudFormation takes at most one more than failure_tolerance, or a percentage)")
    }

    mutating func failureTolerance(_ path: String, _ answers: Answers) {
        text(path, answers.stacksetKeys.failureTolerance, "failure tolerance", expected: "a count from 0, or a percentage from 0% to 100%") {
            Self.operationPreference($0, least: 0) != (nil, nil)
        }
    }

    /// An account's subnets stand where the answers' do, the build role's policy naming each by
    /// its place in the template's SubnetIds: as many.
    mutating func accountSubnets(_ path: String, _ subnets: [String], _ answers: Answers) {
        let expected = answers.network.subnets.count
        if subnets.isEmpty { return error(path, "required (\(expected) subnet ids, as network.subnets lists)") }
        if subnets.count != expected {
            error(path, "\(subnets.count) subnets where network.subnets has \(expected) (as many: the template's build role names each by its place)")
        }
        ids(path, subnets, "subnet id", prefix: "subnet")
    }

    /// Endpoints the template makes, each once: the account's stack makes none of these.
    mutating func accountEndpoints(_ path: String, _ services: [String], _ answers: Answers) {
        let made = Endpoints.decide(answers).filter(\.planned).map(\.service.rawValue)
        once(path, services, "endpoint", expected: "an endpoint the template makes (\(made.joined(separator: ", ")))",
             valid: made.contains)
    }

    /// Each account once.
    mutating func stacksetAccounts(_ path: String, _ answers: Answers) {
        var seen = Set<String>()
        for (index, item) in answers.stacksetKeys.accounts.enumerated() where Patterns.isAccount(item.account) {
            if !seen.insert(item.account).inserted {
                error("\(path)[\(index)].account", "\(item.account) is listed twice (each account once)")
            }
        }
    }

    mutating func privateDNS(_ path: String, _ answers: Answers) {
        if !answers.endpoints.privateDNS {
            warning(path, "without private DNS, builds cannot reach CodeArtifact "
                    + "by its usual names (the article requires true)")
        }
    }

    mutating func existingEndpoints(_ path: String, _ answers: Answers) {
        var seen = Set<EndpointService>()
        for (index, service) in answers.endpoints.existing.enumerated() where !seen.insert(service).inserted {
            error("\(path)[\(index)]", "\(service.rawValue) is listed twice (each endpoint once)")
        }
    }

    mutating func endpointPolicies(_ path: String, _ answers: Answers) {
        if let caveat = Policies.leastPrivilegeWarning(answers) { warning(path, caveat) }
    }

    mutating func iamScope(_ path: String, _ answers: Answers) {
        if answers.iam.scope == .all {
            warning(path, "\"*\" lets the build use every CodeArtifact domain and repository "
                    + "(resources: only this domain and repository, as the article advises)")
        }
    }
}
