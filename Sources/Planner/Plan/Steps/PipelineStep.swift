// The pipeline: a CodeCommit source stage and a CodeBuild build stage, no deploy stage.

enum PipelineStep {
    /// The pipeline's stages, in order; verify.sh awaits them by these names.
    static let sourceStage = "Source", buildStage = "Build"

    static func make(_ c: PlanContext) -> PlanPart {
        let pipeline = c.answers.pipeline, names = c.names
        let poll = pipeline.trigger == .poll ? "true" : "false"
        let declaration = JSONValue.object([
            ("name", .string(.text(pipeline.name))),
            ("roleArn", .string(names.pipelineRoleArn)),
            ("artifactStore", .object([("type", "S3"), ("location", .string(names.artifactBucket))])),
            ("stages", [
                .object([("name", .string(.text(sourceStage))), ("actions", [action("Source", "Source", "CodeCommit", configuration: [
                    ("RepositoryName", .string(.text(c.answers.source.repository))),
                    ("BranchName", .string(.text(c.answers.source.branch))),
                    ("PollForSourceChanges", .string(.text(poll))),
                    ("OutputArtifactFormat", "CODE_ZIP"),
                ], input: nil, output: "SourceArtifact")])]),
                .object([("name", .string(.text(buildStage))), ("actions", [action("Build", "Build", "CodeBuild", configuration: [
                    ("ProjectName", .string(.text(c.answers.build.project))),
                ], input: "SourceArtifact", output: "BuildArtifact")])]),
            ]),
            ("version", .number(1)),
            ("pipelineType", .string(.text(pipeline.type.rawValue))),
        ])
        let trigger = switch pipeline.trigger {
        case .events: "an EventBridge rule starts it on each push to \(c.answers.source.branch)"
        case .poll: "it polls \(c.answers.source.repository) for changes"
        case .none: "it starts only when released by hand"
        }
        let name = Arg.text(pipeline.name)
        // CloudFormation keeps the declaration's version itself; the first build needs the interface endpoints.
        let declared = declaration.capitalizingKeys
        guard case .object(let members) = declared else { preconditionFailure("a pipeline is an object") }
        let interfaces = c.planned.filter { !$0.isGateway }.map(Declaration.ID.endpoint)
        let resource = Resource(.kindPipeline, name, answer: \Answers.pipeline.name, declarations: [
            Declaration(Declaration.ID.pipeline, "AWS::CodePipeline::Pipeline",
                        members.filter { $0.0 != "Version" } + [("Tags", c.declaredTags)],
                        dependsOn: [Declaration.ID.pipelineRole, Declaration.ID.artifactBucket, Declaration.ID.sourceRepository,
                                    Declaration.ID.buildProject] + interfaces),
        ])
        let tag = Command("codepipeline", "list-tags-for-resource").with("resource-arn", names.pipelineArn)
            .firstPage().query(c.tagQuery("tags"))
        return PlanPart([Step(
            id: .pipeline, title: .stepPipeline, ["pipeline": pipeline.name, "type": pipeline.type.rawValue],
            why: "As in the article, the pipeline has a CodeCommit source stage and a CodeBuild build stage and no deploy stage; \(trigger).",
            resources: [resource],
            check: Check(Command("codepipeline", "get-pipeline").with("name", name).query("pipeline.name"),
                         absent: ["PipelineNotFoundException"]).tagged(.call(tag)),
            create: [.call(Command("codepipeline", "create-pipeline", retriesPropagation: true)
                .with("pipeline", declaration.arg).with("tags", c.tags(key: "key", value: "value")))],
            teardown: [.ifTagged(tag, resource: resource, [.call(Command("codepipeline", "delete-pipeline").with("name", name))])],
            foreign: Problem("pipeline.name", .adviceChooseAnother, ["key": "pipeline.name"]))])
    }

    private static func action(_ name: String, _ category: String, _ provider: String, configuration: [(String, JSONValue)],
                               input: String?, output: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(.text(name))),
            ("actionTypeId", .object([("category", .string(.text(category))), ("owner", "AWS"),
                                      ("provider", .string(.text(provider))), ("version", "1")])),
            ("runOrder", .number(1)),
            ("configuration", .object(configuration)),
        ]
        if let input { members.append(("inputArtifacts", [.object([("name", .string(.text(input)))])])) }
        members.append(("outputArtifacts", [.object([("name", .string(.text(output)))])]))
        return .object(members)
    }
}
