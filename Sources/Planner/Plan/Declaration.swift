// A resource as CloudFormation declares it: its type and properties, made by its step from the
// same values as the step's create command (names, tags, policy documents, settings), so that
// cloudformation.yaml and setup.sh come from one plan. The template renderer only reads them.

public struct Declaration: Equatable, Sendable {
    /// The template's logical id: `CodeBuildRole`.
    public var logicalID: String
    /// `AWS::IAM::Role`.
    public var type: String
    /// The properties in CloudFormation's shape; variables are what setup.sh learns at run time,
    /// which the template refers to (`Reference`).
    public var properties: [(String, JSONValue)]
    /// The script variable that holds this resource's id in setup.sh (`BUILD_SG`), and the
    /// attribute the template reads for it (`GroupId`), where other resources use it.
    public var variable: (name: String, attribute: String)?
    /// Resources it needs first that its properties name only by text (a role's ARN, a
    /// bucket's name), in logical ids; those the template does not declare are left out.
    public var dependsOn: [String]

    public init(_ logicalID: String, _ type: String, _ properties: [(String, JSONValue)],
                variable: (name: String, attribute: String)? = nil, dependsOn: [String] = []) {
        self.logicalID = logicalID; self.type = type; self.properties = properties
        self.variable = variable; self.dependsOn = dependsOn
    }

    public static func == (lhs: Declaration, rhs: Declaration) -> Bool {
        lhs.logicalID == rhs.logicalID && lhs.type == rhs.type && JSONValue.object(lhs.properties) == JSONValue.object(rhs.properties)
            && lhs.variable?.name == rhs.variable?.name && lhs.variable?.attribute == rhs.variable?.attribute
            && lhs.dependsOn == rhs.dependsOn
    }

    /// The logical ids steps name in `dependsOn`.
    public enum ID {
        public static let codeBuildRole = "CodeBuildRole", pipelineRole = "PipelineRole", eventsRole = "EventsRole"
        public static let buildSecurityGroup = "BuildSecurityGroup", endpointSecurityGroup = "EndpointSecurityGroup"
        public static let domain = "CodeArtifactDomain", upstream = "CodeArtifactUpstream", repository = "CodeArtifactRepository"
        public static let artifactBucket = "ArtifactBucket", artifactBucketPolicy = "ArtifactBucketPolicy"
        public static let sourceRepository = "SourceRepository", logGroup = "LogGroup", buildProject = "BuildProject"
        public static let pipeline = "Pipeline", rule = "PipelineTrigger"

        /// `LogsEndpoint`, `CodeartifactApiEndpoint`, `S3Endpoint`.
        public static func endpoint(_ service: EndpointService) -> String {
            service.rawValue.split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Endpoint"
        }
    }
}

extension PlanContext {
    /// Tags as CloudFormation lists them, vpcpipe's first: the same pairs as every create call.
    var declaredTags: JSONValue { tagList(key: "Key", value: "Value") }

    /// CloudFormation's CodeArtifact resources take no empty tag value, which the API takes:
    /// the template leaves such a tag out there (README: cloudformation.yaml).
    var declaredCodeArtifactTags: JSONValue {
        .array(tagPairs.filter { !$0.1.isEmpty }.map { .object([("Key", .string(.text($0.0))), ("Value", .string(.text($0.1)))]) })
    }
}

extension JSONValue {
    /// The members' names capitalized at every depth: CloudFormation names the members of
    /// CodeBuild's and CodePipeline's structures as their APIs do, with a capital (`computeType`
    /// is `ComputeType`).
    var capitalizingKeys: JSONValue {
        switch self {
        case .object(let members): .object(members.map { ($0.0.prefix(1).uppercased() + $0.0.dropFirst(), $0.1.capitalizingKeys) })
        case .array(let items): .array(items.map(\.capitalizingKeys))
        case .string, .bool, .number: self
        }
    }
}
