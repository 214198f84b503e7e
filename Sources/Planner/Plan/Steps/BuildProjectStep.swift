// The CodeBuild project, in the VPC's subnets, with the pipeline as its source and artifacts.

enum BuildProjectStep {
    static func make(_ c: PlanContext, securityGroup: Arg) -> PlanPart {
        let build = c.answers.build, network = c.network, names = c.names
        let project = Arg.text(build.project)
        let environment = JSONValue.object([
            ("type", "LINUX_CONTAINER"), ("image", .string(.text(build.image))),
            ("computeType", .string(.text(build.computeType))), ("privilegedMode", .bool(build.privileged)),
            ("environmentVariables", [.object([("name", "AWS_STS_REGIONAL_ENDPOINTS"), ("value", "regional"),
                                               ("type", "PLAINTEXT")])]),
        ])
        let vpc = JSONValue.object([
            ("vpcId", .string(.text(network.vpc))),
            ("subnets", .array(network.subnets.map { .string(.text($0)) })),
            ("securityGroupIds", [.string(securityGroup)]),
        ])
        let logs: JSONValue = build.logs == .cloudwatch
            ? .object([("cloudWatchLogs", .object([("status", "ENABLED"), ("groupName", .string(.text(names.logGroup)))]))])
            : .object([("cloudWatchLogs", .object([("status", "DISABLED")]))])
        let description = "Builds \(c.answers.source.repository) in \(network.vpc), created by vpcpipe"
        let source = JSONValue.object([("type", "CODEPIPELINE"), ("buildspec", .string(.text(build.buildspec)))])
        let artifacts = JSONValue.object([("type", "CODEPIPELINE")])
        let declaration = Declaration(Declaration.ID.buildProject, "AWS::CodeBuild::Project", [
            ("Name", .string(project)), ("Description", .string(.text(description))),
            // The one member whose capital is not the API's first letter alone.
            ("Source", .object([("Type", "CODEPIPELINE"), ("BuildSpec", .string(.text(build.buildspec)))])),
            ("Artifacts", artifacts.capitalizingKeys), ("Environment", environment.capitalizingKeys),
            ("ServiceRole", .string(names.codeBuildRoleArn)), ("VpcConfig", vpc.capitalizingKeys),
            ("LogsConfig", logs.capitalizingKeys), ("TimeoutInMinutes", .number(build.timeoutMinutes)), ("Tags", c.declaredTags),
        ], dependsOn: [Declaration.ID.codeBuildRole, Declaration.ID.logGroup])
        let resource = Resource(.kindBuildProject, project, answer: \Answers.build.project, declarations: [declaration])
        let projectTag = c.tagQuery("tags")
        let asRole = if case .existing(let arn) = build.role { ", as the existing role \(arn)" } else { "" }
        return PlanPart([Step(
            id: .buildProject, title: .stepBuildProject, ["project": build.project],
            why: "The build runs in the VPC's private subnets, installs packages through CodeArtifact and runs the app\(asRole).",
            resources: [resource],
            // The check's call returns the project's tags too; teardown's prints nothing for a project gone.
            check: Check(Command("codebuild", "batch-get-projects").with("names", project)
                .query("projects[0].[name, \(projectTag)]")).tagged(.found),
            create: [.call(Command("codebuild", "create-project", retriesPropagation: true).with("name", project)
                .with("description", .text(description))
                .with("source", source.arg)
                .with("artifacts", artifacts.arg)
                .with("environment", environment.arg)
                .with("service-role", names.codeBuildRoleArn)
                .with("vpc-config", vpc.arg)
                .with("logs-config", logs.arg)
                .with("timeout-in-minutes", .text(String(build.timeoutMinutes)))
                .with("tags", c.tags(key: "key", value: "value")))],
            teardown: [.ifTagged(Command("codebuild", "batch-get-projects").with("names", project).query("projects[].[\(projectTag)]"),
                                 resource: resource, [.call(Command("codebuild", "delete-project").with("name", project))])],
            foreign: Problem("build.project", .adviceChooseAnother, ["key": "build.project"]))])
    }
}
