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
    private static let libraryText = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        (language, library.map { "\n" + $0.text(script: "verify", language) }.joined())
    })

    /// How many of the log's last lines a failed build shows.
    static let tailLines = 20

    public static func render(_ plan: Plan) -> String {
        let answers = plan.answers, l = answers.language
        let verification = Verification(answers)
        let command = { (command: Command) in ScriptRenderer.command(command, indent: "  ") }
        var steps: [(title: String, lines: [String])] = []
        steps.append((Phrase.verifyStartTitle.text(l, ["pipeline": answers.pipeline.name]), [
            "call " + command(verification.inProgress),
            "follow_or_start " + command(verification.start),
        ]))
        let stages = Verification.stageNames
        let stageValues = ["source": stages[0], "build": stages[1]]
        steps.append((Phrase.verifyStagesTitle.text(l, stageValues), [
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
        steps.append(((verification.log == nil ? Phrase.verifyBuildTitle : .verifyBuildLogTitle).text(l, ["stage": Verification.buildStage]), build))
        if let proof = verification.proof {
            if verification.log != nil {
                steps.append(((proof.login == nil ? Phrase.verifyLineTitle : .verifyLineLoginTitle).text(l, ["line": proof.line]), [
                    "expect_line \(Shell.quote(.text(proof.line)))" + (proof.login.map { " " + Shell.quote(.text($0)) } ?? ""),
                ]))
            }
            if let package = verification.package {
                let ca = answers.codeartifact
                let values = ["package": proof.package, "upstream": ca.upstream, "repository": ca.repository, "format": ca.format.rawValue]
                steps.append(((ca.upstream.isEmpty ? Phrase.verifyPackageTitle : .verifyPackageUpstreamTitle).text(l, values), [
                    "expect_package \(Shell.quote(.text(Phrase.verifyPackageWhat.text(l, values)))) " + command(package),
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
        out += libraryText[l]!
        out += "\nTOTAL=\(steps.count)\n" + ScriptRenderer.planned(steps.map(\.title)) + ScriptRenderer.identity(plan)
        for (index, step) in steps.enumerated() {
            out += "\nstep \(index + 1) \(Shell.quote(.text(step.title)))\n" + step.lines.joined(separator: "\n") + "\n"
        }
        out += "\ncompleted\necho\nif [ \"$DRY_RUN\" = 1 ]; then\n  echo \(Shell.quote(.text(Phrase.dryRun.text(l))))\n  exit 0\nfi\n"
            + verdict(answers, verification).map { "echo \(Shell.quote($0))\n" }.joined()
        return out
    }

    /// What a run that passed proves, and what it could not check.
    private static func verdict(_ answers: Answers, _ verification: Verification) -> [Arg] {
        let l = answers.language, stages = Verification.stageNames
        var lines = [Phrase.verdictRun.arg(l, ["EXECUTION": .variable("EXECUTION"), "source": .text(stages[0]), "build": .text(stages[1])])]
        guard let proof = verification.proof else {
            lines.append(.text(Phrase.verdictNoSampleApp.text(l)))
            return lines
        }
        let ca = answers.codeartifact
        let values = ["line": proof.line, "package": proof.package, "domain": ca.domain, "repository": ca.repository, "upstream": ca.upstream]
        if verification.log == nil {
            lines.append(.text(Phrase.verdictNoLogs.text(l)))
        } else {
            lines.append(.text((proof.login == nil ? Phrase.verdictPrinted : .verdictPrintedLogin).text(l, values)))
        }
        lines.append(.text((ca.upstream.isEmpty ? Phrase.verdictPackage : .verdictPackageUpstream).text(l, values)))
        return lines
    }
}
