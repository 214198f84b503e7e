import VpcpipeResources

// verify.sh from the plan: the article's last console steps as a script. It releases a change
// (or follows the run in progress), waits for each stage, reads the build's log and checks what
// the article reads there: the sample app's answer after the login to CodeArtifact, and its
// package fetched through the upstream. Calls come from `Verification`, quoted by `Shell.quote`;
// the waits and judgements are the bash library's (Resources/scripts/verify.bash).

public enum VerifyScript {
    public static let file = "verify.sh"

    /// The parts of the bash library it carries: `capture` of actions.bash goes through its `call`.
    static let library: [BashLibrary] = [.run, .call, .verify, .actions]
    private static let libraryText = library.map { "\n" + $0.text(script: "verify") }.joined()

    /// How many of the log's last lines a failed build shows.
    static let tailLines = 20

    public static func render(_ plan: Plan) -> String {
        let answers = plan.answers
        let verification = Verification(answers)
        let command = { (command: Command) in ScriptRenderer.command(command, indent: "  ") }
        var steps: [(title: String, lines: [String])] = []
        steps.append(("Start a run of the pipeline \(answers.pipeline.name), or follow the one in progress", [
            "call " + command(verification.inProgress),
            "follow_or_start " + command(verification.start),
        ]))
        let stages = Verification.stageNames
        steps.append(("Wait for its stages: \(stages.joined(separator: ", then "))", [
            "await_run \(Shell.quote(.text(stages.joined(separator: " ")))) " + command(verification.status) + " \\\n  -- "
                + command(verification.stages),
            "judge_run",
        ]))
        var build = [
            "build_of",
            "read_build " + command(verification.build),
            "if build_failed; then\n  capture FAILED_PHASE " + ScriptRenderer.command(verification.failedPhase, indent: "    ") + "\nfi",
        ]
        if let log = verification.log {
            build.append("read_log \(Shell.quote(.text(Names(answers).logGroup))) " + command(log))
        }
        build.append("judge_build \(tailLines)")
        steps.append((verification.log == nil ? "Find the build of stage \(Verification.buildStage)"
                      : "Find the build of stage \(Verification.buildStage) and read its log", build))
        if let proof = verification.proof {
            if verification.log != nil {
                steps.append(("The sample app printed \(proof.line)" + (proof.login == nil ? "" : ", after logging in to CodeArtifact"), [
                    "expect_line \(Shell.quote(.text(proof.line)))" + (proof.login.map { " " + Shell.quote(.text($0)) } ?? ""),
                ]))
            }
            if let package = verification.package {
                let ca = answers.codeartifact
                let through = ca.upstream.isEmpty ? "" : " through the upstream \(ca.upstream)"
                steps.append(("\(proof.package) came\(through) into \(ca.repository)", [
                    "expect_package \(Shell.quote(.text("\(ca.format.rawValue) package \(proof.package)"))) " + command(package),
                ]))
            }
        }

        var out = ScriptHead(
            file: file, does: "runs and checks",
            options: [], environment: [ScriptHead.poll, ScriptHead.wait, ScriptHead.progress],
            settings: ["BUILD_STAGE=\(Shell.quote(.text(Verification.buildStage)))"],
            waits: ScriptHead.waitLines,
            runtime: ["ACCOUNT", "EXECUTION", "BUILD", "FAILED_PHASE"]
        ).render(plan)
        out += libraryText
        out += "\nTOTAL=\(steps.count)\n" + ScriptRenderer.planned(steps.map(\.title)) + ScriptRenderer.identity(plan)
        for (index, step) in steps.enumerated() {
            out += "\nstep \(index + 1) \(Shell.quote(.text(step.title)))\n" + step.lines.joined(separator: "\n") + "\n"
        }
        out += "\ncompleted\necho\nif [ \"$DRY_RUN\" = 1 ]; then\n  echo 'Dry run: the commands are printed, nothing is called.'\n  exit 0\nfi\n" + verdict(answers, verification).map { "echo \(Shell.quote($0))\n" }.joined()
        return out
    }

    /// What a run that passed proves, and what it could not check.
    private static func verdict(_ answers: Answers, _ verification: Verification) -> [Arg] {
        let stages = Verification.stageNames.joined(separator: " and ")
        var lines: [Arg] = ["The pipeline works: its run " + Arg.variable("EXECUTION") + " passed \(stages)."]
        guard let proof = verification.proof else {
            lines.append("No sample app was committed (source.create and source.sample_app), so only the run was checked: read the build's log for your own app's output.")
            return lines
        }
        let ca = answers.codeartifact
        if verification.log == nil {
            lines.append("build.logs is none: the build's log is not in CloudWatch Logs, so the app's output was not checked.")
        } else {
            lines.append(.text("The build printed \(proof.line), the square root of 49" + (proof.login == nil ? "." : ", after logging in to CodeArtifact.")))
        }
        lines.append(.text("\(proof.package) is in \(ca.domain)/\(ca.repository), fetched" + (ca.upstream.isEmpty ? "" : " through \(ca.upstream)") + " without internet access."))
        return lines
    }
}
