// The IAM view of an AWS CLI call, in one place: the actions that authorize it and the plan's
// resources it acts on. policies/operator.json is derived from the plan's commands through it.

public struct Permissions: Sendable {
    public let names: Names
    public init(_ names: Names) { self.names = names }

    /// The IAM actions `command` needs: its own, then those its arguments imply.
    public func actions(_ command: Command) -> [String] {
        var actions = Permissions.own(command)
        if passedRole(command) != nil { actions.append("iam:PassRole") }
        if let tagging = Permissions.tagging(command) { actions.append(tagging) }
        // CreateRepository with an upstream also checks the upstream's side of the link.
        if command.service == "codeartifact" && command.operation == "create-repository" && command.argument("upstreams") != nil {
            actions.append("codeartifact:AssociateWithDownstreamRepository")
        }
        // Private DNS associates the VPC with the endpoint service's private hosted zone
        // (a dependent action of ec2:CreateVpcEndpoint in the Service Authorization Reference).
        if command.operation == "create-vpc-endpoint" && command.options.contains(where: { $0.name == "private-dns-enabled" }) {
            actions.append("route53:AssociateVPCWithHostedZone")
        }
        return actions
    }

    /// The service's IAM prefix and the operation in PascalCase, but for the calls IAM names
    /// otherwise.
    static func own(_ command: Command) -> [String] {
        switch (command.service, command.operation) {
        // No permission: it is allowed even against an explicit deny.
        case ("sts", "get-caller-identity"): []
        case ("s3api", "head-bucket"): ["s3:ListBucket"]
        case ("s3api", "list-object-versions"): ["s3:ListBucketVersions"]
        case ("s3api", "put-public-access-block"): ["s3:PutBucketPublicAccessBlock"]
        case ("s3api", "delete-object") where command.argument("version-id") != nil: ["s3:DeleteObjectVersion"]
        default: [prefix(command.service) + ":" + command.operation.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()]
        }
    }

    static func prefix(_ service: String) -> String { service == "s3api" ? "s3" : service }

    /// The tagging action a create call needs besides its own when it is given tags. CodeBuild
    /// takes a project's tags with CreateProject alone.
    static func tagging(_ command: Command) -> String? {
        if command.argument("tag-specifications") != nil { return "ec2:CreateTags" }
        if command.service == "s3api" && command.operation == "create-bucket" {
            return command.argument("create-bucket-configuration")?.display.contains("\"Tags\"") == true ? "s3:TagResource" : nil
        }
        guard command.argument("tags") != nil else { return nil }
        switch command.service {
        case "iam": return "iam:TagRole"
        case "codebuild": return nil
        default: return prefix(command.service) + ":TagResource"
        }
    }

    /// The ARN of the role named `name`: one the answers give by ARN keeps its own path (preflight
    /// reads it), vpcpipe's are under its role path.
    private func roleArn(_ name: Arg) -> Arg {
        let given: [String] = [names.answers.build.role, names.answers.pipeline.role].compactMap {
            if case .existing(let arn) = $0 { arn } else { nil }
        }
        return given.first { $0.hasSuffix("/" + name.display) }.map(Arg.text) ?? names.roleArn(name)
    }

    /// The role the call hands to a service, and that service: iam:PassRole is granted for it alone.
    public func passedRole(_ command: Command) -> (role: Arg, service: String)? {
        switch (command.service, command.operation) {
        case ("codebuild", "create-project"): (names.codeBuildRoleArn, "codebuild.amazonaws.com")
        case ("codepipeline", "create-pipeline"): (names.pipelineRoleArn, "codepipeline.amazonaws.com")
        case ("events", "put-targets"): (names.eventsRoleArn, "events.amazonaws.com")
        default: nil
        }
    }

    /// The plan's resources the call acts on, as IAM matches them; nil where they cannot be named
    /// in advance: EC2's (ids created at run time, and resource types that vary action by
    /// action), and listings by prefix.
    public func resources(_ command: Command) -> [Arg]? {
        if let arn = command.argument("resource-arn") { return [arn] }
        switch command.service {
        case "iam":
            return command.argument("role-name").map { [roleArn($0)] }
        case "s3api":
            return command.argument("bucket").map { [names.bucketArn($0), names.bucketArn($0) + "/*"] }
        case "logs":
            return command.argument("log-group-name").map { [names.logGroupArn($0), names.logGroupArn($0) + ":*"] }
        case "codecommit":
            return command.argument("repository-name").map { [names.sourceRepositoryArn($0)] }
        case "codebuild":
            // IAM authorizes reading a build on its project's ARN.
            if command.operation == "batch-get-builds" { return [names.projectArn] }
            return (command.argument("name") ?? command.argument("names")).map { [names.projectArn($0)] }
        case "codepipeline":
            // create-pipeline names its pipeline inside the declaration.
            return command.operation == "create-pipeline" ? [names.pipelineArn]
                : (command.argument("name") ?? command.argument("pipeline-name")).map { [names.pipelineArn($0)] }
        case "events":
            return (command.argument("name") ?? command.argument("rule")).map { [names.ruleArn($0)] }
        case "codeartifact":
            guard command.argument("domain") != nil else { return nil }
            // A package's versions are authorized on the package's ARN, in its repository.
            if let repository = command.argument("repository"), command.argument("package") != nil {
                return [names.packagesArn(repository.display)]
            }
            var arns = [command.argument("repository").map { names.repositoryArn($0.display) } ?? names.domainArn]
            if command.argument("upstreams") != nil { arns.append(names.repositoryArn(names.answers.codeartifact.upstream)) }
            return arns
        default:
            return nil
        }
    }
}

extension Command {
    /// The first value of an option, if the command has it.
    func argument(_ option: String) -> Arg? { options.first { $0.name == option }?.values.first }
}
