// Names vpcpipe derives from the answers, and the ARNs built from them. Each derived name fits
// its AWS limit: one that would not is cut and ends with a short hash of the whole name, so
// two long names that share a prefix still differ, and the same answers give the same name.

public struct Names: Sendable {
    /// The tag every created resource carries, valued with the answers' name: teardown deletes
    /// only what carries it, so it never deletes a same-named resource it did not create.
    public static let tagKey = "vpcpipe"

    public let answers: Answers
    public init(_ answers: Answers) { self.answers = answers }

    private var region: String { answers.region }
    public var partition: String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// The caller's account, learnt by the script (`sts get-caller-identity`).
    public static let account = Arg.variable("ACCOUNT")
    /// The CodeArtifact domain's owner: the answer, or the caller's account.
    public var domainOwner: Arg {
        answers.codeartifact.domainOwner.isEmpty ? Names.account : .text(answers.codeartifact.domainOwner)
    }

    // MARK: Roles and policies (IAM: role names 64, policy names 128)

    public var codeBuildRole: String { Names.fit("codebuild-\(answers.build.project)-service-role", max: 64) }
    public var pipelineRole: String {
        Names.fit("AWSCodePipelineServiceRole-\(region)-\(answers.pipeline.name)", max: 64)
    }
    public var eventsRole: String { Names.fit("cwe-role-\(region)-\(answers.pipeline.name)", max: 64) }
    public static let rolePath = "/service-role/"

    public var codeBuildBasePolicy: String {
        Names.fit("CodeBuildBasePolicy-\(answers.build.project)-\(region)", max: 128)
    }
    public var codeBuildCodeArtifactPolicy: String {
        Names.fit("CodeArtifactAccess-\(answers.build.project)-\(region)", max: 128)
    }
    public var pipelinePolicy: String {
        Names.fit("AWSCodePipelineServicePolicy-\(region)-\(answers.pipeline.name)", max: 128)
    }
    public var eventsPolicy: String {
        Names.fit("start-pipeline-execution-\(region)-\(answers.pipeline.name)", max: 128)
    }

    public var codeBuildRoleArn: Arg { roleArn(answer: answers.build.role, name: codeBuildRole) }
    public var pipelineRoleArn: Arg { roleArn(answer: answers.pipeline.role, name: pipelineRole) }
    public var eventsRoleArn: Arg { roleArn(answer: .new, name: eventsRole) }

    private func roleArn(answer: RoleChoice, name: String) -> Arg {
        switch answer {
        case .new: roleArn(.text(name))
        case .existing(let arn): .text(arn)
        }
    }

    /// A role vpcpipe creates, under the path its roles use.
    public func roleArn(_ name: Arg) -> Arg { arn("iam", "role\(Names.rolePath)" + name) }

    // MARK: Other derived names

    /// EventBridge rule names: 64 of `.-_` letters and digits.
    public var rule: String {
        Names.fit("codepipeline-\(answers.pipeline.name)-source", max: 64, allowed: Names.ruleCharacters)
    }
    private static let ruleCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")

    public var buildSecurityGroup: String { Names.fit("vpcpipe-\(answers.name)-build", max: 255) }
    public var endpointSecurityGroup: String { Names.fit("vpcpipe-\(answers.name)-endpoints", max: 255) }
    public var logGroup: String { "/aws/codebuild/\(answers.build.project)" }

    /// The answer, or `codepipeline-REGION-ACCOUNT-name` (the console's pattern) within S3's 63
    /// characters; the account is 12 digits, known only when the script runs.
    public var artifactBucket: Arg {
        if !answers.pipeline.artifactBucket.isEmpty { return .text(answers.pipeline.artifactBucket) }
        let prefix = "codepipeline-\(region)-"
        let room = 63 - prefix.count - 12 - 1
        let base = String(answers.name.lowercased().map { $0 == "_" ? "-" : $0 })
        // A bucket name must end with a letter or digit: a trailing hyphen takes the hash form.
        let suffix = base.hasSuffix("-") ? Names.cut(base, max: room) : Names.fit(base, max: room)
        return prefix + Names.account + "-\(suffix)"
    }

    // MARK: ARNs

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`; IAM names no region, S3 neither region nor account.
    public func arn(_ service: String, _ resource: Arg, account: Arg? = Names.account) -> Arg {
        let region = service == "iam" || service == "s3" ? "" : self.region
        return "arn:\(partition):\(service):\(region):" + (account ?? "") + ":" + resource
    }

    public func bucketArn(_ bucket: Arg) -> Arg { arn("s3", bucket, account: nil) }
    public var artifactBucketArn: Arg { bucketArn(artifactBucket) }
    public var domainArn: Arg { arn("codeartifact", .text("domain/\(answers.codeartifact.domain)"), account: domainOwner) }
    public var repositoryArn: Arg { repositoryArn(answers.codeartifact.repository) }
    public func repositoryArn(_ repository: String) -> Arg {
        arn("codeartifact", .text("repository/\(answers.codeartifact.domain)/\(repository)"), account: domainOwner)
    }
    /// Every package of a repository of the domain: `package/DOMAIN/REPOSITORY/FORMAT/NAMESPACE/NAME`.
    public func packagesArn(_ repository: String) -> Arg {
        arn("codeartifact", .text("package/\(answers.codeartifact.domain)/\(repository)/*"), account: domainOwner)
    }
    public var sourceRepositoryArn: Arg { sourceRepositoryArn(.text(answers.source.repository)) }
    public func sourceRepositoryArn(_ repository: Arg) -> Arg { arn("codecommit", repository) }
    public var projectArn: Arg { projectArn(.text(answers.build.project)) }
    public func projectArn(_ project: Arg) -> Arg { arn("codebuild", "project/" + project) }
    public var pipelineArn: Arg { pipelineArn(.text(answers.pipeline.name)) }
    public func pipelineArn(_ pipeline: Arg) -> Arg { arn("codepipeline", pipeline) }
    public var ruleArn: Arg { ruleArn(.text(rule)) }
    public func ruleArn(_ rule: Arg) -> Arg { arn("events", "rule/" + rule) }
    public var logGroupArn: Arg { logGroupArn(.text(logGroup)) }
    public func logGroupArn(_ group: Arg) -> Arg { arn("logs", "log-group:" + group) }
    public var subnetArns: [Arg] { answers.network.subnets.map { arn("ec2", .text("subnet/\($0)")) } }

    // MARK: Fitting

    /// `name` when it fits in `max` characters of `allowed`; else its allowed characters cut
    /// short, a hyphen and `hash(name)`.
    public static func fit(_ name: String, max: Int, allowed: Set<Character>? = nil) -> String {
        let clean = allowed.map { set in String(name.map { set.contains($0) ? $0 : "-" }) } ?? name
        if clean == name && name.count <= max { return name }
        return cut(clean, max: max, hashOf: name)
    }

    static func cut(_ name: String, max: Int, hashOf original: String? = nil) -> String {
        let tag = hash(original ?? name)
        return String(name.prefix(max - tag.count - 1)) + "-" + tag
    }

    /// Six hex digits of FNV-1a (32 bit): short, stable across runs and platforms.
    public static func hash(_ text: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: 8 - hex.count) + hex).suffix(6))
    }
}
