import Foundation

// The policy documents of aws-notes.md "Policies": trust policies with the confused-deputy
// condition, the roles' inline policies, and least-privilege endpoint policies.

public struct Policies: Sendable {
    public let names: Names
    public init(_ names: Names) { self.names = names }
    private var answers: Answers { names.answers }

    /// The S3 bucket CodeArtifact keeps package assets in (AWS-owned), learnt from describe-domain.
    public static let assetsBucketArn = Arg.variable("ASSETS_BUCKET_ARN")

    // MARK: Trust

    public func trust(service: String) -> JSONValue {
        document([statement(
            principal: .object([("Service", .string(.text(service)))]),
            actions: ["sts:AssumeRole"], resources: nil,
            condition: .object([("StringEquals", .object([("aws:SourceAccount", .string(Names.account))]))]))])
    }

    // MARK: Roles

    /// What the console's "new service role" attaches, plus what a build in a VPC needs.
    public var codeBuildBase: JSONValue {
        var statements: [JSONValue] = []
        if answers.build.logs == .cloudwatch {
            statements.append(statement(
                actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                resources: [names.logGroupArn, names.logGroupArn + ":*"]))
        }
        statements += [
            statement(actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                      resources: [names.artifactBucketArn + "/*"]),
            statement(actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"], resources: [names.artifactBucketArn]),
            statement(actions: ["ec2:CreateNetworkInterface", "ec2:DescribeDhcpOptions",
                                "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
                                "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
                      resources: ["*"]),
            statement(
                actions: ["ec2:CreateNetworkInterfacePermission"],
                resources: [names.arn("ec2", "network-interface/*")],
                condition: .object([("StringEquals", .object([
                    ("ec2:AuthorizedService", "codebuild.amazonaws.com"),
                    ("ec2:Subnet", .array(names.subnetArns.map(JSONValue.string))),
                ]))])),
        ]
        return document(statements)
    }

    /// The article's inline policy: a token for the domain, reads from the repository.
    public var codeBuildCodeArtifact: JSONValue {
        let all = answers.iam.scope == .all
        return document([
            statement(actions: ["codeartifact:GetAuthorizationToken"], resources: [all ? "*" : names.domainArn]),
            statement(actions: ["codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository"],
                      resources: [all ? "*" : names.repositoryArn]),
            statement(actions: ["sts:GetServiceBearerToken"], resources: ["*"],
                      condition: .object([("StringEquals", .object([("sts:AWSServiceName", "codeartifact.amazonaws.com")]))])),
        ])
    }

    /// The minimum for a CodeCommit source and a CodeBuild build (not the console's broad default).
    public var pipeline: JSONValue {
        document([
            statement(actions: ["codecommit:CancelUploadArchive", "codecommit:GetBranch", "codecommit:GetCommit",
                                "codecommit:GetRepository", "codecommit:GetUploadArchiveStatus",
                                "codecommit:UploadArchive"],
                      resources: [names.sourceRepositoryArn]),
            statement(actions: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"], resources: [names.projectArn]),
            statement(actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"],
                      resources: [names.artifactBucketArn + "/*"]),
            statement(actions: ["s3:GetBucketVersioning", "s3:GetBucketAcl", "s3:GetBucketLocation"],
                      resources: [names.artifactBucketArn]),
        ])
    }

    public var events: JSONValue {
        document([statement(actions: ["codepipeline:StartPipelineExecution"], resources: [names.pipelineArn])])
    }

    // MARK: Endpoints

    /// The least-privilege policy of an endpoint.
    public func endpoint(_ service: EndpointService) -> JSONValue {
        let anyone: JSONValue = "*"
        let buildRole: JSONValue = .object([("AWS", .string(names.codeBuildRoleArn))])
        switch service {
        case .s3:
            return document([
                statement(principal: anyone, actions: ["s3:GetObject"], resources: [Policies.assetsBucketArn + "/*"]),
                statement(principal: anyone, actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                          resources: [names.artifactBucketArn + "/*"]),
                statement(principal: anyone, actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
                          resources: [names.artifactBucketArn]),
            ])
        case .codeartifactAPI, .codeartifactRepositories:
            return document([
                statement(principal: buildRole, actions: ["codeartifact:GetAuthorizationToken"], resources: [names.domainArn]),
                statement(principal: buildRole,
                          actions: ["codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository"],
                          resources: [names.repositoryArn]),
            ])
        case .logs:
            return document([statement(principal: anyone, actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
                                       resources: [names.logGroupArn + ":*"])])
        case .sts:
            return document([statement(principal: anyone, actions: ["sts:GetCallerIdentity"], resources: ["*"])])
        }
    }

    public static func endpointFile(_ service: EndpointService) -> String {
        "endpoint-\(service.rawValue.replacingOccurrences(of: ".", with: "-")).json"
    }

    // MARK: Shape

    private func document(_ statements: [JSONValue]) -> JSONValue {
        .object([("Version", "2012-10-17"), ("Statement", .array(statements))])
    }

    private func statement(principal: JSONValue? = nil, actions: [String], resources: [Arg]?,
                           condition: JSONValue? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("Effect", "Allow")]
        if let principal { members.append(("Principal", principal)) }
        members.append(("Action", actions.count == 1 ? .string(.text(actions[0])) : .array(actions.map { .string(.text($0)) })))
        if let resources {
            members.append(("Resource", resources.count == 1 ? .string(resources[0]) : .array(resources.map(JSONValue.string))))
        }
        if let condition { members.append(("Condition", condition)) }
        return .object(members)
    }
}
