import Foundation

// The policy documents (docs/permissions.md): trust policies with the confused-deputy
// condition, the roles' inline policies, the endpoint policies in the answers' mode, and the
// operator's policy derived from the plan's commands.

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

    /// The endpoint's policy in the answers' mode; nil for full-access, AWS's default policy
    /// (no --policy-document). With private DNS an interface endpoint's policy applies to every
    /// workload of the VPC, and the S3 gateway's to every subnet on its route tables.
    public func endpoint(_ service: EndpointService) -> JSONValue? {
        switch answers.endpoints.policies {
        case .account: accountPerimeter(service)
        case .leastPrivilege: pipelineOnly(service)
        case .fullAccess: nil
        }
    }

    /// The shape of AWS's data-perimeter examples (aws-samples/data-perimeter-policy-examples,
    /// VPC endpoint policies) with this account in place of the organization: its principals to
    /// its resources, AWS services acting for it, and named exceptions for the requests that
    /// carry another owner (AWS-owned buckets, a domain of another account) or none.
    private func accountPerimeter(_ service: EndpointService) -> JSONValue {
        let anyone: JSONValue = "*"
        var statements = [
            statement(sid: "AllowRequestsByAccountIdentitiesToAccountResources", principal: anyone, actions: ["*"],
                      resources: ["*"], condition: stringEquals([("aws:PrincipalAccount", Names.account),
                                                                 ("aws:ResourceAccount", Names.account)])),
            statement(sid: "AllowRequestsByAWSServicePrincipals", principal: anyone, actions: ["*"], resources: ["*"],
                      condition: .object([("Bool", .object([("aws:PrincipalIsAWSService", "true")]))])),
        ]
        switch service {
        case .s3:
            // CodeArtifact hands out package assets by URLs it presigns itself, and the Amazon
            // Linux repositories are read unsigned: neither caller is of this account.
            statements.append(statement(sid: "AllowRequestsToAWSOwnedResources", principal: anyone, actions: ["s3:GetObject"],
                                        resources: [Policies.assetsBucketArn + "/*"] + amazonLinuxRepositories))
        case .codeartifactAPI, .codeartifactRepositories:
            // A permission checked with GetAuthorizationToken, on no resource of any account.
            statements.append(statement(sid: "AllowServiceBearerTokensForAccountIdentities", principal: anyone,
                                        actions: ["sts:GetServiceBearerToken"], resources: ["*"],
                                        condition: stringEquals([("aws:PrincipalAccount", Names.account)])))
            if !answers.codeartifact.domainOwner.isEmpty {
                let owner = Arg.text(answers.codeartifact.domainOwner)
                let domain = answers.codeartifact.domain
                statements.append(statement(
                    sid: "AllowRequestsByAccountIdentitiesToTheDomain", principal: anyone, actions: ["codeartifact:*"],
                    resources: ["domain/\(domain)", "repository/\(domain)/*", "package/\(domain)/*"]
                        .map { names.arn("codeartifact", .text($0), account: owner) },
                    condition: stringEquals([("aws:PrincipalAccount", Names.account)])))
            }
        case .sts:
            statements += [
                // EKS pods and SAML users are not principals of an account yet: the role they
                // assume is (the examples' AllowRequestsToOrgRolesByFederatedPrincipals).
                statement(sid: "AllowFederatedPrincipalsToAccountRoles", principal: .object([("Federated", "*")]),
                          actions: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"], resources: ["*"],
                          condition: stringEquals([("aws:ResourceAccount", Names.account)])),
                // Calls on no resource, which no resource account can match.
                statement(sid: "AllowRequestsWithoutResourceByAccountIdentities", principal: anyone,
                          actions: ["sts:GetCallerIdentity", "sts:GetSessionToken"], resources: ["*"],
                          condition: stringEquals([("aws:PrincipalAccount", Names.account)])),
            ]
        case .logs:
            break
        }
        return document(statements)
    }

    /// The Amazon Linux package repositories (AWS-owned buckets the data-perimeter examples
    /// list) that a build on an Amazon Linux image reads with yum or dnf through the S3 gateway.
    private var amazonLinuxRepositories: [Arg] {
        let region = answers.region
        let buckets = if answers.build.image.contains("/amazonlinux2-") {
            ["packages.\(region).amazonaws.com", "repo.\(region).amazonaws.com",
             "amazonlinux.\(region).amazonaws.com", "amazonlinux-2-repos-\(region)"]
        } else if answers.build.image.contains("/amazonlinux-") {
            ["al2023-repos-\(region)-de612dc2"]
        } else {
            [String]()
        }
        return buckets.map { names.bucketArn(.text($0)) + "/*" }
    }

    /// Only this pipeline's requests, for a VPC that does nothing else.
    private func pipelineOnly(_ service: EndpointService) -> JSONValue {
        let buildRole: JSONValue = .object([("AWS", .string(names.codeBuildRoleArn))])
        return document(buildRequests(service).map { request in
            statement(principal: request.byBuildRole ? buildRole : "*", actions: request.actions, resources: request.resources)
        })
    }

    /// A kind of request the build sends through an endpoint: the actions, on what, as the
    /// least-privilege policy allows them; preflight asks an existing endpoint's policy the same.
    public struct BuildRequest: Sendable {
        /// Only the build's role sends it (else callers the policy need not name: presigned URLs).
        public var byBuildRole: Bool
        public var actions: [String]
        /// As the policy names them; `*`: a request on no resource.
        public var resources: [Arg]
        /// One resource of each kind a request is made on (a log stream of the group): what
        /// preflight asks a policy about.
        public var examples: [Arg]
        /// What the request carries besides its principal and resource (`sts:AWSServiceName`).
        public var context: [String: String] = [:]
    }

    /// What the build sends through `service`'s endpoint.
    public func buildRequests(_ service: EndpointService) -> [BuildRequest] {
        switch service {
        case .s3:
            let objects = names.artifactBucketArn + "/*"
            return [
                BuildRequest(byBuildRole: false, actions: ["s3:GetObject"], resources: [Policies.assetsBucketArn + "/*"],
                             examples: [Policies.assetsBucketArn + "/" + Policies.exampleName]),
                BuildRequest(byBuildRole: false, actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                             resources: [objects], examples: [names.artifactBucketArn + "/" + Policies.exampleName]),
                BuildRequest(byBuildRole: false, actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
                             resources: [names.artifactBucketArn], examples: [names.artifactBucketArn]),
            ]
        case .codeartifactAPI, .codeartifactRepositories:
            // The four actions of AWS's example CodeArtifact endpoint policy.
            return [
                BuildRequest(byBuildRole: true, actions: ["codeartifact:GetAuthorizationToken"], resources: [names.domainArn],
                             examples: [names.domainArn]),
                BuildRequest(byBuildRole: true, actions: ["codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository"],
                             resources: [names.repositoryArn], examples: [names.repositoryArn]),
                BuildRequest(byBuildRole: true, actions: ["sts:GetServiceBearerToken"], resources: ["*"], examples: ["*"],
                             context: ["sts:AWSServiceName": "codeartifact.amazonaws.com"]),
            ]
        case .logs:
            // The group and its streams, as the role's base policy names them.
            return [BuildRequest(byBuildRole: false, actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
                                 resources: [names.logGroupArn, names.logGroupArn + ":*"],
                                 examples: [names.logGroupArn, names.logGroupArn + ":log-stream:" + Policies.exampleName])]
        case .sts:
            return [BuildRequest(byBuildRole: false, actions: ["sts:GetCallerIdentity"], resources: ["*"], examples: ["*"])]
        }
    }

    /// The name of an object or stream in the examples: any name the build may use.
    static let exampleName = "vpcpipe-build"

    /// What least-privilege costs the VPC's other workloads, in plain words, for a plan that
    /// creates endpoints with it (setup.sh's question, checklist.md), in the answers' language; nil otherwise.
    public static func warning(_ plan: Plan) -> String? { leastPrivilegeWarning(plan.answers, plan.answers.language) }

    /// The same words for the answers alone: the reader's warning, which the wizard shows on
    /// the field and in the review.
    static func leastPrivilegeWarning(_ answers: Answers, _ l: Language = .en) -> String? {
        guard answers.endpoints.policies == .leastPrivilege, Endpoints.decide(answers).contains(where: \.planned) else { return nil }
        return Phrase.leastPrivilegeWarning.text(l, ["vpc": answers.network.vpc])
    }

    // MARK: Operator

    /// The least-privilege policy of the person or CI role that runs setup.sh and teardown.sh:
    /// every action of the plan's calls, each service's on the plan's resources of that service
    /// where IAM names them in advance; roles passed only to the service each serves, EC2 tags
    /// only with the resources they are created with.
    public func operatorPolicy(_ plan: Plan) -> JSONValue {
        let permissions = Permissions(names)
        var unscoped: [String] = []
        var services: [(prefix: String, actions: [String], resources: [Arg])] = []
        var passed: [(role: Arg, service: String)] = []
        var taggedCreates: [Arg] = []
        func add<T: Equatable>(_ item: T, to list: inout [T]) { if !list.contains(item) { list.append(item) } }
        for command in plan.allCommands {
            for action in permissions.actions(command) {
                let prefix = String(action.prefix { $0 != ":" })
                if action == "iam:PassRole", let role = permissions.passedRole(command) {
                    if !passed.contains(where: { $0 == role }) { passed.append(role) }
                } else if action == "ec2:CreateTags" {
                    add(.text(Permissions.own(command)[0].replacingOccurrences(of: "ec2:", with: "")), to: &taggedCreates)
                } else if let resources = permissions.resources(command) {
                    let index = services.firstIndex { $0.prefix == prefix } ?? {
                        services.append((prefix, [], []))
                        return services.count - 1
                    }()
                    add(action, to: &services[index].actions)
                    for resource in resources { add(resource, to: &services[index].resources) }
                } else {
                    add(action, to: &unscoped)
                }
            }
        }
        var statements = unscoped.isEmpty ? [] : [statement(sid: "CallsOnNoResourceOfThePlan", actions: unscoped, resources: ["*"])]
        statements += services.map {
            statement(sid: "\($0.prefix.prefix(1).uppercased() + $0.prefix.dropFirst())OnThePlansResources",
                      actions: $0.actions, resources: $0.resources)
        }
        statements += passed.map { role in
            statement(sid: "PassRoleTo" + role.service.prefix { $0 != "." }.capitalized, actions: ["iam:PassRole"],
                      resources: [role.role], condition: stringEquals([("iam:PassedToService", .text(role.service))]))
        }
        if !taggedCreates.isEmpty {
            statements.append(statement(sid: "TagOnCreate", actions: ["ec2:CreateTags"], resources: ["*"], condition: .object([
                ("StringEquals", .object([("ec2:CreateAction", .array(taggedCreates.map(JSONValue.string)))]))])))
        }
        return document(statements)
    }

    public static func endpointFile(_ service: EndpointService) -> String {
        "endpoint-\(service.rawValue.replacingOccurrences(of: ".", with: "-")).json"
    }

    // MARK: Shape

    private func document(_ statements: [JSONValue]) -> JSONValue {
        .object([("Version", "2012-10-17"), ("Statement", .array(statements))])
    }

    private func stringEquals(_ pairs: [(String, Arg)]) -> JSONValue {
        .object([("StringEquals", .object(pairs.map { ($0.0, .string($0.1)) }))])
    }

    private func statement(sid: String? = nil, principal: JSONValue? = nil, actions: [String], resources: [Arg]?,
                           condition: JSONValue? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = sid.map { [("Sid", .string(.text($0)))] } ?? []
        members.append(("Effect", "Allow"))
        if let principal { members.append(("Principal", principal)) }
        members.append(("Action", actions.count == 1 ? .string(.text(actions[0])) : .array(actions.map { .string(.text($0)) })))
        if let resources {
            members.append(("Resource", resources.count == 1 ? .string(resources[0]) : .array(resources.map(JSONValue.string))))
        }
        if let condition { members.append(("Condition", condition)) }
        return .object(members)
    }
}
