/// One file of the output folder, as rendered in memory.
public struct RenderedFile: Equatable, Sendable {
    /// Relative to the output folder: `setup.sh`, `policies/codebuild-trust.json`, `repo/index.js`.
    public var path: String
    public var contents: String
    public var executable: Bool
    public init(path: String, contents: String, executable: Bool = false) {
        self.path = path; self.contents = contents; self.executable = executable
    }
}

public enum Outputs {
    /// Every file of the output folder for valid answers (callers check `Rules` first), their
    /// cost at the table's prices or at `online` ones (`Planner.plan`).
    public static func render(_ answers: Answers, online: [PriceKey: UnitPrice] = [:]) -> [RenderedFile] {
        let plan = Planner.plan(answers, online: online)
        return [
            script(.setup, plan),
            script(.teardown, plan),
            RenderedFile(path: VerifyScript.file, contents: VerifyScript.render(plan), executable: true),
            RenderedFile(path: "checklist.md", contents: Checklist.render(plan)),
            RenderedFile(path: "answers.yaml", contents: AnswersFile.write(answers)),
            RenderedFile(path: "plan.json", contents: PlanJSON.render(plan)),
            RenderedFile(path: CloudFormation.file, contents: CloudFormation.render(plan)),
            RenderedFile(path: StackScript.file, contents: StackScript.render(plan), executable: true),
        ]
        + (StackSetScript.render(plan).map { [RenderedFile(path: StackSetScript.file, contents: $0, executable: true)] } ?? [])
        + policies(plan)
        + SampleApp.files(answers).map { RenderedFile(path: "repo/\($0.path)", contents: $0.contents) }
    }

    /// The files the wizard shows before export, setup.sh and the policy documents, as `render`
    /// makes them from the same plan: a third of its time, which a key press spends.
    public static func preview(_ plan: Plan) -> [RenderedFile] {
        [script(.setup, plan)] + policies(plan)
    }

    private static func script(_ script: Script, _ plan: Plan) -> RenderedFile {
        RenderedFile(path: script.file, contents: ScriptRenderer.render(script, plan), executable: true)
    }

    /// The plan's policy documents, then the operator's, derived from the plan's commands.
    private static func policies(_ plan: Plan) -> [RenderedFile] {
        (plan.policies + [("operator.json", Policies(Names(plan.answers)).operatorPolicy(plan))])
            .map { RenderedFile(path: "policies/\($0.file)", contents: $0.document.document()) }
    }
}
