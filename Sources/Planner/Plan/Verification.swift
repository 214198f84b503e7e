// What verify.sh calls to prove the pipeline works, as the article ends: a run of the pipeline,
// its build, the build's log and the CodeArtifact repository. Commands are argument lists here,
// like the steps'; VerifyScript renders them, and operator.json grants them (Plan.allCommands).

public struct Verification: Equatable, Sendable {
    /// The run in progress, if any (its id), which verify.sh follows rather than start another.
    public var inProgress: Command
    /// Starts a run; prints its id.
    public var start: Command
    /// The run's status.
    public var status: Command
    /// A row a stage: STAGE, its action's status, the external id (the build's) and AWS's error.
    public var stages: Command
    /// The build's status and log stream.
    public var build: Command
    /// The phase that failed: PHASE, CodeBuild's code and message.
    public var failedPhase: Command
    /// The build's log lines, from CloudWatch Logs (nil: build.logs is none).
    public var log: Command?
    /// What must be in the build's log and the repository (nil: no sample app is committed).
    public var proof: SampleApp.Proof?
    /// The versions of the sample app's package in the repository, and where each came from.
    public var package: Command?

    /// The pipeline's stages in order, and the one whose action is the build.
    public static let stageNames = [PipelineStep.sourceStage, PipelineStep.buildStage]
    public static let buildStage = PipelineStep.buildStage

    public init(_ answers: Answers) {
        let names = Names(answers)
        let pipeline = Arg.text(answers.pipeline.name)
        let execution = Arg.variable("EXECUTION"), build = Arg.variable("BUILD")
        inProgress = Command("codepipeline", "list-pipeline-executions").with("pipeline-name", pipeline).with("max-results", "1")
            .firstPage().query("pipelineExecutionSummaries[?status=='InProgress'] | [0].pipelineExecutionId")
        start = Command("codepipeline", "start-pipeline-execution").with("name", pipeline).query("pipelineExecutionId")
        status = Command("codepipeline", "get-pipeline-execution").with("pipeline-name", pipeline)
            .with("pipeline-execution-id", execution).query("pipelineExecution.status")
        stages = Command("codepipeline", "list-action-executions").with("pipeline-name", pipeline)
            .with("filter", JSONValue.object([("pipelineExecutionId", .string(execution))]).arg)
            .query("actionExecutionDetails[].[stageName, status, output.executionResult.externalExecutionId, output.executionResult.errorDetails.message]")
        let builds = Command("codebuild", "batch-get-builds").with("ids", build)
        self.build = builds.query("builds[0].[buildStatus, logs.streamName]")
        failedPhase = builds.query("builds[0].phases[?phaseStatus=='FAILED'] | [0].[phaseType, contexts[0].statusCode, contexts[0].message]")
        log = answers.build.logs == .cloudwatch
            ? Command("logs", "get-log-events").with("log-group-name", .text(names.logGroup))
                .with("log-stream-name", .variable("LOG_STREAM")).with("start-from-head").query("events[].[message]")
            : nil
        guard answers.source.create && answers.source.sampleApp else { proof = nil; package = nil; return }
        let ca = answers.codeartifact
        let proof = SampleApp.proof(answers)
        self.proof = proof
        var package = Command("codeartifact", "list-package-versions").with("domain", .text(ca.domain))
            .with("domain-owner", names.domainOwner).with("repository", .text(ca.repository)).with("format", .text(ca.format.rawValue))
        if let namespace = proof.namespace { package = package.with("namespace", .text(namespace)) }
        self.package = package.with("package", .text(proof.package)).query("versions[].[version, origin.originType]")
    }

    /// Every call verify.sh can make.
    public var commands: [Command] { [inProgress, start, status, stages, build, failedPhase] + [log, package].compactMap { $0 } }
}
