import TestSupport
@testable import Planner

/// Random answers that the rules accept, drawn from every character each pattern allows, with
/// shell metacharacters wherever a rule lets them through (branch names take `;`, `$(...)`,
/// backticks, quotes and braces; tags take spaces, `=`, `+`, `:`, `/`, `@` and any letter).
struct ValidAnswers {
    var random: SplitMix64

    static let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let lower = Array("abcdefghijklmnopqrstuvwxyz")
    static let digits = Array("0123456789")
    static let alphanumeric = upper + lower + digits
    static let hex = Array("0123456789abcdef")
    /// Letters of other scripts, which tags allow.
    static let letters = Array("éßÆЖжλ日本語한글ǅ")
    /// Every printable ASCII character a git branch name allows, metacharacters first.
    static let branchCharacters = Array(";$()`'\"{},!&|<>#%=+@-_./") + alphanumeric + Array("é日")

    mutating func string(_ alphabet: [Character], _ count: ClosedRange<Int>) -> String {
        String((0..<Int.random(in: count, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }

    mutating func until(_ valid: (String) -> Bool, _ make: (inout ValidAnswers) -> String) -> String {
        while true {
            let value = make(&self)
            if valid(value) { return value }
        }
    }

    mutating func answers() -> Answers {
        var answers = Answers()
        answers.region = chance(70) ? pick(Catalog.codeArtifactRegions)
            : pick(["us-gov-west-1", "cn-north-1", "eusc-de-east-1", string(Self.lower, 2...4) + "-" + string(Self.lower, 1...9) + "-" + string(Self.digits, 1...2)])
        answers.profile = chance(20) ? "" : string(Self.alphanumeric + Array("_.@+-"), 1...64)
        answers.name = string(Self.alphanumeric, 1...1) + string(Self.alphanumeric + Array("_-"), 0...31)
        answers.tags = tags()

        answers.source.repository = until({ !$0.hasSuffix(".git") }) { $0.string(Self.alphanumeric + Array("._-"), 1...100) }
        answers.source.branch = until({ Patterns.branchProblem($0) == nil }) { $0.string(Self.branchCharacters, 1...60) }
        answers.source.create = chance(70)
        answers.source.sampleApp = chance(70)

        answers.codeartifact.domain = string(Self.lower, 1...1) + string(Self.lower + Self.digits + ["-"], 0...48) + string(Self.lower + Self.digits, 1...1)
        answers.codeartifact.domainOwner = chance(50) ? "" : string(Self.digits, 12...12)
        answers.codeartifact.repository = repositoryName()
        answers.codeartifact.upstream = chance(20) ? "" : until({ $0 != answers.codeartifact.repository }) { $0.repositoryName() }
        answers.codeartifact.format = pick(PackageFormat.allCases)
        let connections = Catalog.format(answers.codeartifact.format).externalConnections
        answers.codeartifact.externalConnection = answers.codeartifact.upstream.isEmpty || chance(10) ? "" : pick(connections)

        let image = pick(Catalog.images)
        answers.build.image = image.name
        let language = Catalog.format(answers.codeartifact.format).language
        answers.build.runtime = pick(answers.source.sampleApp ? image.runtimes.filter { $0.hasPrefix(language + ":") } : image.runtimes)
        answers.build.project = string(Self.alphanumeric, 1...1) + string(Self.alphanumeric + Array("_-"), 1...149)
        answers.build.computeType = pick(Catalog.computeTypes)
        answers.build.privileged = chance(50)
        answers.build.buildspec = (0..<Int.random(in: 1...3, using: &random)).map { _ in
            until({ $0 != "." && !$0.contains("..") }) { $0.string(Self.alphanumeric + Array("._-"), 1...20) }
        }.joined(separator: "/")
        answers.build.role = chance(60) ? .new : .existing(arn: role(region: answers.region))
        answers.build.logs = pick(LogsDestination.allCases)

        answers.pipeline.name = string(Self.alphanumeric + Array(".@_-"), 1...100)
        answers.pipeline.type = pick(PipelineType.allCases)
        answers.pipeline.artifactBucket = chance(50) ? "" : until({ Patterns.bucketProblem($0) == nil }) {
            $0.string(Self.lower + Self.digits, 1...1) + $0.string(Self.lower + Self.digits + Array(".-"), 1...61) + $0.string(Self.lower + Self.digits, 1...1)
        }
        answers.pipeline.role = chance(60) ? .new : .existing(arn: role(region: answers.region))
        answers.pipeline.trigger = pick(Trigger.allCases)

        answers.endpoints.privateDNS = chance(80)
        answers.endpoints.existing = EndpointService.allCases.filter { _ in chance(25) }.shuffled(using: &random)
        answers.endpoints.policies = pick(EndpointPolicies.allCases)
        answers.iam.scope = pick(IAMScope.allCases)

        answers.network.vpc = id("vpc")
        answers.network.subnets = ids("subnet", 1...4)
        answers.network.routeTables = ids("rtb", answers.endpoints.existing.contains(.s3) ? 0...3 : 1...3)
        answers.network.securityGroup = pick([.create, .vpcDefault, .existing(id: id("sg"))])
        // Last, so that the answers drawn before it stay those of the seed.
        answers.build.tool = pick(Catalog.format(answers.codeartifact.format).buildTools).name
        // After it, for the same reason: a StackSet, which creates its security groups.
        if answers.network.securityGroup == .create, chance(50) { answers.stackset = stackset(answers) }
        return answers
    }

    mutating func stackset(_ answers: Answers) -> Answers.StackSet {
        var stackset = Answers.StackSet()
        let alphabet = Self.lower + Self.digits
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let unit = chance(80) ? "ou-" + string(alphabet, 4...32) + "-" + string(alphabet, 8...32) : "r-" + string(alphabet, 4...32)
            if !stackset.organizationalUnits.contains(unit) { stackset.organizationalUnits.append(unit) }
        }
        stackset.regions = Array(Catalog.codeArtifactRegions.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
        let tolerance = Int.random(in: 0...5, using: &random)
        stackset.failureTolerance = chance(50) ? String(tolerance) : "\(Int.random(in: 0...100, using: &random))%"
        stackset.maxConcurrent = chance(50) ? "\(Int.random(in: 1...100, using: &random))%"
            : String(Int.random(in: 1...(stackset.failureTolerance.hasSuffix("%") ? 50 : tolerance + 1), using: &random))
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var account = Answers.AccountNetwork()
            account.account = string(Self.digits, 12...12)
            account.vpc = id("vpc")
            while account.subnets.count < answers.network.subnets.count {
                let subnet = id("subnet")
                if !account.subnets.contains(subnet) { account.subnets.append(subnet) }
            }
            account.routeTables = ids("rtb", answers.endpoints.existing.contains(.s3) ? 0...3 : 1...3)
            if !stackset.accounts.contains(where: { $0.account == account.account }) { stackset.accounts.append(account) }
        }
        return stackset
    }

    mutating func tags() -> [Answers.Tag] {
        let alphabet = Self.alphanumeric + Self.letters + Array(" _.:/=+-@")
        var keys: [String] = []
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let key = until({ !$0.lowercased().hasPrefix("aws:") && $0 != Names.tagKey }) { $0.string(alphabet, 1...30) }
            if !keys.contains(key) { keys.append(key) }
        }
        return keys.map { Answers.Tag(key: $0, value: string(alphabet, 0...40)) }
    }

    mutating func repositoryName() -> String {
        string(Self.alphanumeric, 1...1) + string(Self.alphanumeric + Array("._-"), 1...99)
    }

    mutating func role(region: String) -> String {
        let path = (0..<Int.random(in: 0...2, using: &random)).map { _ in string(Self.alphanumeric + Array("_+=,.@-"), 1...12) + "/" }.joined()
        return "arn:\(Patterns.partition(region: region)):iam::\(string(Self.digits, 12...12)):role/\(path)"
            + string(Self.alphanumeric + Array("_+=,.@-"), 1...64)
    }

    mutating func id(_ prefix: String) -> String { "\(prefix)-" + string(Self.hex, chance(80) ? 17...17 : 8...8) }

    mutating func ids(_ prefix: String, _ count: ClosedRange<Int>) -> [String] {
        var ids: [String] = []
        for _ in 0..<Int.random(in: count, using: &random) {
            let next = id(prefix)
            if !ids.contains(next) { ids.append(next) }
        }
        return ids
    }
}
