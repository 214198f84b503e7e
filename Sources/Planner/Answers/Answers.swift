// The answers of version 1 (docs/answers.md): every choice the wizard asks for, typed.
// Both front ends fill one of these; `Rules.check` validates it; `Planner.plan` turns it into a Plan.

public struct Answers: Equatable, Sendable {
    public var version: Int = 1
    public var region: String = "us-west-2"
    public var profile: String = ""
    public var name: String = "Private"
    public var tags: [Tag] = []
    public var language: Language = .en
    public var source = Source()
    public var codeartifact = CodeArtifact()
    public var build = Build()
    public var pipeline = Pipeline()
    public var network = Network()
    public var endpoints = Endpoints()
    public var iam = IAM()
    /// The StackSet's targets; nil without a stackset section (and then no stackset.sh).
    public var stackset: StackSet?

    public init() {}

    public struct Tag: Equatable, Sendable {
        public var key: String
        public var value: String
        public init(key: String, value: String) { self.key = key; self.value = value }
    }

    public struct Source: Equatable, Sendable {
        public var provider: String = "codecommit"
        public var repository: String = "Private"
        public var branch: String = "main"
        public var create: Bool = true
        public var sampleApp: Bool = true
        public init() {}
    }

    public struct CodeArtifact: Equatable, Sendable {
        public var domain: String = "private"
        public var domainOwner: String = ""
        public var repository: String = "Private"
        public var format: PackageFormat = .npm
        public var upstream: String = "npm-store"
        public var externalConnection: String = "public:npmjs"
        public init() {}
    }

    public struct Build: Equatable, Sendable {
        public var project: String = "Private"
        public var image: String = Catalog.defaultImage
        public var runtime: String = "nodejs:20"
        /// The sample's build tool, one of the format's (Catalog.Format.buildTools).
        public var tool: String = "npm"
        public var computeType: String = "BUILD_GENERAL1_SMALL"
        public var privileged: Bool = false
        public var timeoutMinutes: Int = 60
        public var buildspec: String = "buildspec.yml"
        /// The sample buildspec reads the account from $CODEBUILD_BUILD_ARN, not from STS.
        public var accountFromARN: Bool = false
        public var role: RoleChoice = .new
        public var logs: LogsDestination = .cloudwatch
        public init() {}
    }

    public struct Pipeline: Equatable, Sendable {
        public var name: String = "Private"
        public var type: PipelineType = .v2
        /// Blank: derived from region, account and name (`Names.artifactBucket`).
        public var artifactBucket: String = ""
        public var role: RoleChoice = .new
        public var trigger: Trigger = .events
        public init() {}
    }

    /// The operator's own VPC: no defaults, a run without them is refused.
    public struct Network: Equatable, Sendable {
        public var vpc: String = ""
        public var subnets: [String] = []
        public var routeTables: [String] = []
        public var securityGroup: SecurityGroupChoice = .create
        public init() {}
    }

    public struct Endpoints: Equatable, Sendable {
        public var privateDNS: Bool = true
        public var existing: [EndpointService] = []
        public var policies: EndpointPolicies = .account
        public init() {}
    }

    public struct IAM: Equatable, Sendable {
        public var scope: IAMScope = .resources
        public init() {}
    }

    /// cloudformation.yaml as a service-managed StackSet of an AWS Organization.
    public struct StackSet: Equatable, Sendable {
        /// Organizational unit ids (ou-...) or the root's (r-...).
        public var organizationalUnits: [String] = []
        public var regions: [String] = []
        /// Accounts at once in a region: a count ("1") or a percentage ("25%").
        public var maxConcurrent: String = "1"
        /// Accounts that may fail in a region before the operation stops there: a count or a percentage.
        public var failureTolerance: String = "0"
        /// The network ids of each account the stack instances name (its own VPC, subnets, route tables).
        public var accounts: [AccountNetwork] = []
        public init() {}
    }

    /// One account's network ids, the parameters its stack instances override.
    public struct AccountNetwork: Equatable, Sendable {
        public var account: String = ""
        public var vpc: String = ""
        public var subnets: [String] = []
        public var routeTables: [String] = []
        /// The endpoint services whose endpoint the account's VPC has already: its stack makes none.
        public var existingEndpoints: [String] = []
        public init() {}
    }
}

extension Answers {
    /// The stackset section as the schema's key paths reach it: its defaults while the answers
    /// have none; a value set through it adds the section.
    var stacksetKeys: StackSet {
        get { stackset ?? StackSet() }
        set { stackset = newValue }
    }

    /// Whether the answers have a stackset section; set, it adds one of defaults.
    var hasStackSet: Bool {
        get { stackset != nil }
        set { stackset = newValue ? stacksetKeys : nil }
    }
}

// MARK: - Choices. Raw values and `text` are the answers file's spellings.

/// A service role: one vpcpipe creates, or one the operator has, used as it is.
public enum RoleChoice: Equatable, Sendable {
    case new
    case existing(arn: String)

    /// `new`, or the ARN, as the answers file spells it; anything but `new` is taken as an ARN
    /// (the rules check its shape).
    public var text: String {
        get { if case .existing(let arn) = self { arn } else { "new" } }
        set { self = newValue == "new" ? .new : .existing(arn: newValue) }
    }
}

/// The security groups of the build and the endpoints.
public enum SecurityGroupChoice: Equatable, Sendable {
    /// A group for the build and one for the endpoints, 443 between them.
    case create
    /// The VPC's default group, shared, as in the article.
    case vpcDefault
    /// An existing group, shared by the build and the endpoints.
    case existing(id: String)

    /// `create`, `default` or the group id, as the answers file spells it.
    public var text: String {
        get {
            switch self {
            case .create: "create"
            case .vpcDefault: "default"
            case .existing(let id): id
            }
        }
        set {
            switch newValue {
            case "create": self = .create
            case "default": self = .vpcDefault
            default: self = .existing(id: newValue)
            }
        }
    }
}

public enum PackageFormat: String, CaseIterable, Sendable {
    case npm, pypi, maven, nuget
}

public enum LogsDestination: String, CaseIterable, Sendable {
    case cloudwatch, none
}

public enum PipelineType: String, CaseIterable, Sendable {
    case v1 = "V1", v2 = "V2"
}

public enum Trigger: String, CaseIterable, Sendable {
    case events, poll, none
}

/// How far the endpoint policies reach: with private DNS they apply to every workload of the VPC.
public enum EndpointPolicies: String, CaseIterable, Sendable {
    /// This account's principals to this account's resources, plus what the pipeline needs elsewhere.
    case account
    /// Only this pipeline's requests: for a VPC that does nothing else.
    case leastPrivilege = "least-privilege"
    /// AWS's default policy.
    case fullAccess = "full-access"
}

public enum IAMScope: String, CaseIterable, Sendable {
    case resources, all
}

/// The VPC endpoints the article creates, by their answers-file names.
public enum EndpointService: String, CaseIterable, Sendable {
    case logs
    case codeartifactAPI = "codeartifact.api"
    case codeartifactRepositories = "codeartifact.repositories"
    case sts
    case s3

    /// The AWS service name in `region`, e.g. com.amazonaws.us-west-2.codeartifact.api.
    public func serviceName(region: String) -> String { "com.amazonaws.\(region).\(rawValue)" }

    /// S3 is reached through a gateway (route tables); the others are interface endpoints (ENIs).
    public var isGateway: Bool { self == .s3 }
}
