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

    mutating func error(_ path: String, _ message: Wording) { diagnostics.append(.error(path, message)) }
    mutating func warning(_ path: String, _ message: Wording) { diagnostics.append(.warning(path, message)) }
    mutating func error(_ path: String, _ notice: Notice, _ values: [String: Wording] = [:]) { error(path, .notice(notice, values)) }
    mutating func warning(_ path: String, _ notice: Notice, _ values: [String: Wording] = [:]) { warning(path, .notice(notice, values)) }

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
            text(key.path, answers[keyPath: keyPath], RuleWords.words(key.path, \.what, english: what),
                 expected: RuleWords.words(key.path, \.expected, english: expected), blankAllowed: blankAllowed, problem: problem)
        case (.matching(let what, let expected, let blankAllowed, let valid)?, .text(let keyPath)):
            text(key.path, answers[keyPath: keyPath], RuleWords.words(key.path, \.what, english: what),
                 expected: RuleWords.words(key.path, \.expected, english: expected), blankAllowed: blankAllowed, valid: valid)
        case (.text?, _), (.matching?, _):
            preconditionFailure("\(key.path): a text rule on a key that holds no text")
        case (.custom(let rule)?, _):
            rule(&self, key.path, answers)
        case (nil, _):
            break
        }
        if case .integer(let keyPath, let range) = key.kind, !range.contains(answers[keyPath: keyPath]) {
            error(key.path, .outOfRange, ["value": .verbatim("\(answers[keyPath: keyPath])"), "expected": key.expected])
        }
    }

    /// The common shape of a string rule: no control character, then blank (required or not),
    /// then `problem`, which names what is expected when the value breaks its pattern.
    /// Returns whether the value passed, so that cross-field rules run only on sound values.
    @discardableResult
    mutating func text(_ path: String, _ value: String, _ what: Wording, expected: Wording,
                       blankAllowed: Bool = false, problem: (String) -> Wording?) -> Bool {
        if let message = Patterns.controlCharacterProblem(value) {
            error(path, message)
            return false
        }
        if value.isEmpty {
            if !blankAllowed { error(path, .required, ["expected": expected]) }
            return blankAllowed
        }
        if let reason = problem(value) {
            error(path, .notValid, ["value": quoted(value), "what": what, "reason": reason])
            return false
        }
        return true
    }

    /// `text` for a rule that is a single pattern: `expected` is also the reason given.
    @discardableResult
    mutating func text(_ path: String, _ value: String, _ what: Wording, expected: Wording,
                       blankAllowed: Bool = false, valid: (String) -> Bool) -> Bool {
        text(path, value, what, expected: expected, blankAllowed: blankAllowed) { valid($0) ? nil : expected }
    }

    // MARK: - Rules that read other answers, in the order of the answers file

    mutating func version(_ path: String, _ answers: Answers) {
        if answers.version != 1 {
            error(path, .versionUnsupported, ["version": .verbatim("\(answers.version)")])
        }
    }

    mutating func region(_ path: String, _ answers: Answers) {
        if text(path, answers.region, .notice(.regionCode), expected: Self.regionCodeSuchAs("us-west-2"), valid: Patterns.isRegion),
           !Catalog.codeArtifactRegions.contains(answers.region) {
            warning(path, .codeArtifactUnknownRegionPreflight,
                    ["region": .verbatim(answers.region), "regions": .verbatim(Catalog.codeArtifactRegions.joined(separator: ", "))])
        }
    }

    mutating func tags(_ path: String, _ answers: Answers) {
        let tags = answers.tags
        // AWS takes at most 50 tags a resource, and vpcpipe adds its own.
        guard tags.count <= 49 else {
            return error(path, .tooManyTags, ["count": .verbatim("\(tags.count)")])
        }
        var seen = Set<String>()
        for tag in tags {
            let tagPath = "\(path).\(tag.key)"
            if text(tagPath, tag.key, .notice(.tagKey), expected: .notice(.tagKeyRule, ["alphabet": .notice(.tagAlphabet)]),
                    valid: { Patterns.isTagText($0, maxLength: 127) }) {
                if tag.key.lowercased().hasPrefix("aws:") {
                    error(tagPath, .reservedForAWS, ["key": quoted(tag.key)])
                }
                if !seen.insert(tag.key).inserted {
                    error(tagPath, .tagKeyTwice, ["key": quoted(tag.key)])
                }
            }
            text(tagPath, tag.value, .notice(.tagValue), expected: .notice(.tagValueRule, ["alphabet": .notice(.tagAlphabet)]),
                 blankAllowed: true) { Patterns.isTagText($0, maxLength: 255) }
        }
    }

    /// setup.sh never commits to a repository it did not create: the sample app is only written.
    mutating func sampleApp(_ path: String, _ answers: Answers) {
        if !answers.source.create && answers.source.sampleApp {
            warning(path, .sampleAppNotCommitted)
        }
    }

    static let codeArtifactRepositoryRule = Wording.notice(.codeArtifactRepositoryRule).text(.en)

    mutating func upstream(_ path: String, _ answers: Answers) {
        let codeartifact = answers.codeartifact
        let valid = text(path, codeartifact.upstream, .notice(.repositoryName),
                         expected: .notice(.blankForNone, ["rule": .notice(.codeArtifactRepositoryRule)]), blankAllowed: true,
                         valid: Patterns.isCodeArtifactRepository)
        if valid, !codeartifact.upstream.isEmpty, codeartifact.upstream == codeartifact.repository {
            error(path, .upstreamIsRepository)
        }
    }

    /// The public connection sits on the upstream repository, so it needs one, and it must
    /// serve the repository's package format.
    mutating func externalConnection(_ path: String, _ answers: Answers) {
        let codeartifact = answers.codeartifact
        let suited = Catalog.format(codeartifact.format).externalConnections
        let expected = Wording.verbatim("\(codeartifact.format.rawValue): \(suited.joined(separator: " | "))")
        guard text(path, codeartifact.externalConnection, .notice(.externalConnection), expected: expected,
                   blankAllowed: true, valid: Catalog.externalConnections.contains),
              !codeartifact.externalConnection.isEmpty else { return }
        if codeartifact.upstream.isEmpty {
            error(path, .connectionNeedsUpstream)
        } else if !suited.contains(codeartifact.externalConnection) {
            error(path, .connectionDoesNotSuit, ["connection": quoted(codeartifact.externalConnection),
                                                 "format": .verbatim(codeartifact.format.rawValue), "expected": expected])
        }
    }

    mutating func image(_ path: String, _ answers: Answers) {
        let names = Catalog.images.map(\.name)
        text(path, answers.build.image, .notice(.image), expected: .verbatim(names.joined(separator: " | "))) { names.contains($0) }
        if let image = Catalog.image(named: answers.build.image), !image.maintained {
            warning(path, .imageUnmaintained, ["image": .verbatim(image.name), "successor": .verbatim(Catalog.defaultImage)])
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
        guard text(path, runtime, .notice(.runtime), expected: .notice(.runtimeRule, ["example": .verbatim(sameLanguage.first ?? "nodejs:20")]),
                   valid: Patterns.isRuntime) else { return }
        let runtimeLanguage = String(runtime.prefix { $0 != ":" })
        if !image.runtimes.contains(runtime) {
            let offered = image.runtimes.filter { $0.hasPrefix(runtimeLanguage + ":") }
            error(path, .runtimeNotPreinstalled, ["runtime": .verbatim(runtime), "image": .verbatim(image.name),
                                                  "offered": .verbatim((offered.isEmpty ? image.runtimes : offered).joined(separator: ", "))])
        } else if runtimeLanguage != language {
            // A committed sample would fail its first build; otherwise repo/ holds the buildspec alone.
            let values: [String: Wording] = ["format": .verbatim(answers.codeartifact.format.rawValue), "language": .verbatim(language),
                                             "runtimes": .verbatim(sameLanguage.joined(separator: ", "))]
            if answers.source.create && answers.source.sampleApp {
                error(path, .sampleBuildsWith, values)
            } else {
                warning(path, .sampleBuildsWithBuildspecOnly, values)
            }
        }
    }

    /// The sample builds with one of its format's tools: Gradle fetches Maven packages, Yarn npm's.
    mutating func buildTool(_ path: String, _ answers: Answers) {
        let format = answers.codeartifact.format
        let suited = Catalog.format(format).buildTools.map(\.name)
        let expected = "\(format.rawValue): \(suited.joined(separator: " | "))"
        let tools = Catalog.formats.flatMap(\.buildTools).map(\.name)
        guard text(path, answers.build.tool, .notice(.buildTool), expected: .verbatim(tools.joined(separator: " | ")),
                   valid: tools.contains) else { return }
        if !suited.contains(answers.build.tool) {
            error(path, .toolDoesNotBuild, ["tool": quoted(answers.build.tool), "format": .verbatim(format.rawValue),
                                            "expected": .verbatim(expected)])
        }
    }

    /// "new", or an existing role's ARN in the region's partition.
    mutating func role(_ path: String, _ choice: RoleChoice, region: String) {
        guard case .existing(let role) = choice,
              text(path, role, .notice(.role), expected: .notice(.roleRule), valid: Patterns.isRoleARN),
              Patterns.isRegion(region) else { return }
        let partition = String(role.split(separator: ":", omittingEmptySubsequences: false)[1])
        let regionPartition = Patterns.partition(region: region)
        if partition != regionPartition {
            error(path, .rolePartition, ["partition": .verbatim(partition), "region": .verbatim(region),
                                         "regionPartition": .verbatim(regionPartition)])
        }
    }

    /// A role given by ARN is used as it is: what it must allow, said where the answer is.
    mutating func givenRole(_ path: String, _ choice: RoleChoice) {
        guard case .existing(let arn) = choice, Patterns.isRoleARN(arn), let kind = RoleKind.given(by: path) else { return }
        warning(path, .roleUsedAsItIs, ["arn": .verbatim(arn), "requirement": .each { kind.requirement($0) }])
    }

    mutating func subnets(_ path: String, _ answers: Answers) {
        let subnets = answers.network.subnets
        if subnets.isEmpty {
            error(path, .subnetsRequired)
        } else if subnets.count == 1 {
            warning(path, .oneSubnet)
        }
        if subnets.count > 16 {
            error(path, .tooManySubnets, ["count": .verbatim("\(subnets.count)")])
        } else {
            ids(path, subnets, .subnetID, prefix: "subnet")
        }
    }

    static let vpcRule = "vpc- then 8 or 17 lower-case hex digits"

    /// `network.route_tables`, or an account's of `stackset.accounts`.
    /// `s3Exists`: the VPC's own S3 endpoint is used, and no gateway is made for the route tables.
    mutating func routeTables(_ path: String, _ routeTables: [String], s3Exists: Bool) {
        if routeTables.isEmpty, !s3Exists {
            error(path, .routeTablesRequired)
        }
        ids(path, routeTables, .routeTableID, prefix: "rtb")
    }

    /// A list of EC2 ids: each well formed, none twice.
    mutating func ids(_ path: String, _ ids: [String], _ what: Notice, prefix: String) {
        once(path, ids, what, expected: .notice(.resourceIDRule, ["prefix": .verbatim(prefix)])) { Patterns.isResourceID($0, prefix: prefix) }
    }

    /// A group given by id is used as it is: the warning says what it must allow. A StackSet's
    /// accounts each have their own groups, which the template cannot name: it creates them.
    mutating func securityGroup(_ path: String, _ answers: Answers) {
        let group = answers.network.securityGroup
        guard text(path, group.text, .notice(.securityGroup), expected: .notice(.securityGroupRule),
                   valid: { ["create", "default"].contains($0) || Patterns.isResourceID($0, prefix: "sg") }) else { return }
        if answers.stackset != nil, group != .create {
            return error(path, .stackSetGroups)
        }
        guard case .existing(let id) = group else { return }
        warning(path, .groupUsedAsItIs, ["group": .verbatim(id), "needs": .each {
            SecurityGroupSteps.givenGroupNeeds(vpc: answers.network.vpc, subnets: "network.subnets", $0)
        }])
    }

    /// The targets of `stackset`, each once: an OU id or the organization's root id, as
    /// CloudFormation's DeploymentTargets take them.
    mutating func organizationalUnits(_ path: String, _ answers: Answers) {
        let units = answers.stacksetKeys.organizationalUnits
        if units.isEmpty { error(path, .unitsRequired) }
        once(path, units, .organizationalUnitID, expected: .notice(.organizationalUnitRule), valid: Patterns.isOrganizationalUnit)
    }

    /// The StackSet's regions, each checked as `region` is.
    mutating func stacksetRegions(_ path: String, _ answers: Answers) {
        let regions = answers.stacksetKeys.regions
        if regions.isEmpty { error(path, .regionsRequired, ["example": .verbatim(answers.region)]) }
        once(path, regions, .regionCode, expected: Self.regionCodeSuchAs("us-west-2"), valid: Patterns.isRegion)
        for (index, region) in regions.enumerated() where Patterns.isRegion(region) && !Catalog.codeArtifactRegions.contains(region) {
            warning("\(path)[\(index)]", .codeArtifactUnknownRegion,
                    ["region": .verbatim(region), "regions": .verbatim(Catalog.codeArtifactRegions.joined(separator: ", "))])
        }
    }

    /// A list of values, each valid and once.
    private mutating func once(_ path: String, _ values: [String], _ what: Notice, expected: Wording, valid: (String) -> Bool) {
        var seen = Set<String>()
        for (index, value) in values.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if text(itemPath, value, .notice(what), expected: expected, valid: valid), !seen.insert(value).inserted {
                listedTwice(itemPath, value, what)
            }
        }
    }

    private mutating func listedTwice(_ path: String, _ value: String, _ what: Notice) {
        error(path, .listedTwice, ["value": .verbatim(value), "what": .notice(what)])
    }

    static func regionCodeSuchAs(_ example: String) -> Wording { .notice(.regionCodeSuchAs, ["example": .verbatim(example)]) }

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
        guard text(path, stackset.maxConcurrent, .notice(.maxConcurrent), expected: .notice(.countFrom1),
                   valid: { Self.operationPreference($0, least: 1) != (nil, nil) }),
              let count = Self.operationPreference(stackset.maxConcurrent, least: 1).count,
              let tolerance = Self.operationPreference(stackset.failureTolerance, least: 0).count,
              count > tolerance + 1 else { return }
        error(path, .tooManyAtOnce, ["count": .verbatim("\(count)"), "tolerance": .verbatim("\(tolerance)"),
                                     "most": .verbatim("\(tolerance + 1)")])
    }

    mutating func failureTolerance(_ path: String, _ answers: Answers) {
        text(path, answers.stacksetKeys.failureTolerance, .notice(.failureTolerance), expected: .notice(.countFrom0)) {
            Self.operationPreference($0, least: 0) != (nil, nil)
        }
    }

    /// An account's subnets stand where the answers' do, the build role's policy naming each by
    /// its place in the template's SubnetIds: as many.
    mutating func accountSubnets(_ path: String, _ subnets: [String], _ answers: Answers) {
        let expected = answers.network.subnets.count
        if subnets.isEmpty { return error(path, .accountSubnetsRequired, ["count": .verbatim("\(expected)")]) }
        if subnets.count != expected {
            error(path, .accountSubnetsCount, ["count": .verbatim("\(subnets.count)"), "expected": .verbatim("\(expected)")])
        }
        ids(path, subnets, .subnetID, prefix: "subnet")
    }

    /// Endpoints the template makes, each once: the account's stack makes none of these.
    mutating func accountEndpoints(_ path: String, _ services: [String], _ answers: Answers) {
        let made = Endpoints.decide(answers).filter(\.planned).map(\.service.rawValue)
        once(path, services, .endpoint, expected: .notice(.endpointTemplateMakes, ["endpoints": .verbatim(made.joined(separator: ", "))]),
             valid: made.contains)
    }

    /// Each account once.
    mutating func stacksetAccounts(_ path: String, _ answers: Answers) {
        var seen = Set<String>()
        for (index, item) in answers.stacksetKeys.accounts.enumerated() where Patterns.isAccount(item.account) {
            if !seen.insert(item.account).inserted {
                listedTwice("\(path)[\(index)].account", item.account, .account)
            }
        }
    }

    mutating func privateDNS(_ path: String, _ answers: Answers) {
        if !answers.endpoints.privateDNS {
            warning(path, .withoutPrivateDNS)
        }
    }

    mutating func existingEndpoints(_ path: String, _ answers: Answers) {
        var seen = Set<EndpointService>()
        for (index, service) in answers.endpoints.existing.enumerated() where !seen.insert(service).inserted {
            listedTwice("\(path)[\(index)]", service.rawValue, .endpoint)
        }
    }

    mutating func endpointPolicies(_ path: String, _ answers: Answers) {
        if Policies.leastPrivilegeWarning(answers) != nil {
            warning(path, .each { Policies.leastPrivilegeWarning(answers, $0) ?? "" })
        }
    }

    mutating func iamScope(_ path: String, _ answers: Answers) {
        if answers.iam.scope == .all {
            warning(path, .iamScopeAll)
        }
    }
}
