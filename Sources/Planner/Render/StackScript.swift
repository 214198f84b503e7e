import Foundation
import VpcpipeResources

// deploy-stack.sh: cloudformation.yaml as one account's stack, what `aws cloudformation deploy`
// does in explicit steps: a change set previewed before it runs, the waits, the stack's failed
// events when it fails; `--delete` removes the stack. What it needs beyond the template (the
// assets bucket, the VPC's default group, the sample app's commits, the bucket's emptying) is
// the plan's own calls.

public enum StackScript {
    public static let file = "deploy-stack.sh"
    public static let library: [BashLibrary] = [.run, .call, .learn, .stack, .actions]

    /// The stack's name: `vpcpipe-NAME` (a stack name takes letters, digits and hyphens).
    public static func stackName(_ answers: Answers) -> String {
        "vpcpipe-" + String(answers.name.map { $0 == "_" ? "-" : $0 })
    }

    public static func render(_ plan: Plan) -> String {
        let answers = plan.answers, l = answers.language
        let stack = stackName(answers)
        let deploy = deploySteps(plan, stack: stack), delete = deleteSteps(plan, stack: stack)
        var out = ScriptHead(
            file: file, does: "deploys cloudformation.yaml, as the stack \(stack), of",
            options: [.init(name: "--yes", variable: "YES", help: Phrase.helpYes.text(l, ["question": Phrase.stackConfirmChangeSet.text(l)])),
                      .init(name: "--delete", variable: "DELETE", help: Phrase.stackHelpDelete.text(l))],
            environment: [.init(variable: "VPCPIPE_ASSETS_BUCKET_ARN",
                                help: .helpAssetsBucket),
                          ScriptHead.progress],
            settings: ["# The stack and the resources it makes carry the tag \(Names.tagKey)=$PLAN_TAG.",
                       "PLAN_TAG=\(Shell.quote(.text(answers.name)))", "STACK=\(Shell.quote(.text(stack)))"],
            waits: ScriptHead.waitLines,
            runtime: runtime(deploy + delete)
        ).render(plan)
        out += library.map { "\n" + $0.text(script: "deploy-stack", answers.language) }.joined()
        out += "\nTEMPLATE=\"$HERE/\(CloudFormation.file)\"\nPARAMETERS=()\n"
        out += ScriptRenderer.identity(plan)
        out += "if [ \"$DELETE\" = 1 ]; then\n" + body(delete) + "else\n" + body(deploy) + "fi\n"
        out += "\ncompleted\n"
        return out
    }

    /// A step: its title, its lines, and the variables it learns.
    typealias Part = (title: String, lines: [String], variables: [String])

    /// The steps as the script runs them, announced first (stackset.sh's too).
    static func body(_ parts: [Part]) -> String {
        var out = "  TOTAL=\(parts.count)\n  " + ScriptRenderer.planned(parts.map(\.title)).replacingOccurrences(of: "\n  ", with: "\n    ")
        for (index, part) in parts.enumerated() {
            out += "  step \(index + 1) \(Shell.quote(.text(part.title)))\n"
            out += part.lines.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") + "\n" }.joined()
        }
        return out
    }

    private static func deploySteps(_ plan: Plan, stack: String) -> [Part] {
        let l = plan.answers.language
        var parts: [Part] = []
        var reads: [String] = []
        // The VPC's default group, found as preflight finds it.
        if let preflight = plan.step(.preflight) {
            for case .capture(let name, let command) in preflight.always where name == "DEFAULT_SG" {
                reads += ["capture DEFAULT_SG " + ScriptRenderer.command(command, indent: ""),
                          "PARAMETERS+=(\"ParameterKey=SecurityGroupId,ParameterValue=$DEFAULT_SG\")"]
            }
        }
        // The assets bucket, as the domain's check reads it; the environment's first.
        if let check = plan.step(.codeArtifactDomain)?.check, check.capture == Policies.assetsBucketArn.variables[0] {
            let absent = check.absent.joined(separator: "|")
            reads += [
                "ASSETS_BUCKET_ARN=\"${VPCPIPE_ASSETS_BUCKET_ARN:-}\"",
                "if [ -z \"$ASSETS_BUCKET_ARN\" ]; then",
                "  learn ASSETS_BUCKET_ARN \(Shell.quote(.text(absent))) " + ScriptRenderer.command(check.command, indent: "  "),
                "fi",
                "if [ -z \"$ASSETS_BUCKET_ARN\" ] || [ \"$ASSETS_BUCKET_ARN\" = None ]; then",
                "  say_errors <<< \(Shell.quote(.text(Phrase.stackDomainNotYet.text(l, ["domain": plan.answers.codeartifact.domain]))))",
                "  exit 1",
                "fi",
                "PARAMETERS+=(\"ParameterKey=CodeArtifactAssetsBucketArn,ParameterValue=$ASSETS_BUCKET_ARN\")",
            ]
        }
        if !reads.isEmpty {
            parts.append((Phrase.stackReadParameters.text(l), reads,
                          ["DEFAULT_SG", "ASSETS_BUCKET_ARN"].filter { name in reads.contains { $0.contains(name + "=") || $0.hasPrefix("capture " + name) } }))
        }
        parts.append((Phrase.stackPreview.text(l, ["stack": stack]), [
            "stack_status",
            "preview",
            "if [ -z \"$CHANGES\" ] && [ \"$DRY_RUN\" != 1 ]; then",
            "  completed",
            "  exit 0",
            "fi",
            "confirm \(Shell.quote(.text(Phrase.stackConfirmChangeSet.text(l))))",
        ], []))
        parts.append((Phrase.stackCreateOrUpdate.text(l, ["stack": stack]), [
            "call cloudformation execute-change-set --stack-name \"$STACK\" --change-set-name \"$CHANGE_SET\"",
            "case \"$STATUS\" in",
            "  NONE | REVIEW_IN_PROGRESS) settle stack-create-complete ;;",
            "  *) settle stack-update-complete ;;",
            "esac",
            "call cloudformation describe-stacks --stack-name \"$STACK\" --query 'Stacks[0].Outputs[].[OutputKey, OutputValue]' --output text",
            "printf '%s\\n' \"$OUT\" | sed 's/^/  /'",
        ], []))
        // The sample app, which CloudFormation cannot commit without an archive in S3: the plan's
        // commits, onto a branch that does not exist yet, once the stack made the repository.
        if let sample = plan.step(.sampleApp), let listed = sample.check?.listed,
           let lookup = plan.steps.flatMap(\.always).compactMap({ action -> Lookup? in
               if case .lookup(let lookup) = action, lookup.variable == listed.variable { lookup } else { nil } }).first {
            let source = plan.answers.source
            parts.append((sample.title(l), [
                "learn \(lookup.variable) \(Shell.quote(.text(lookup.absent.joined(separator: "|")))) " + ScriptRenderer.command(lookup.command, indent: ""),
                "if [ -n \"$\(lookup.variable)\" ]; then",
                "  echo \(Shell.quote(.text(Phrase.stackBranchHasCommits.text(l, ["branch": source.branch, "repository": source.repository]))))",
                "else",
            ] + sample.create.flatMap { ScriptRenderer.lines(for: $0) }.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") } + ["fi"],
                          [lookup.variable] + sample.create.flatMap(\.variables)))
        }
        return parts
    }

    private static func deleteSteps(_ plan: Plan, stack: String) -> [Part] {
        let l = plan.answers.language
        var parts: [Part] = []
        // A versioned bucket with objects would keep the stack from being deleted: emptied as teardown.sh does.
        if let bucket = plan.step(.artifactBucket) {
            let emptying = bucket.teardown.flatMap { action -> [Action] in
                if case .ifTagged(_, _, let actions) = action { actions.filter { if case .deleteEach = $0 { true } else { false } } } else { [] }
            }
            parts.append((Phrase.stackEmptyBucket.text(l),
                          ["stack_status", "if [ \"$STATUS\" != NONE ]; then"]
                            + emptying.flatMap { ScriptRenderer.lines(for: $0) }.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
                            + ["fi"], emptying.flatMap(\.variables)))
        }
        parts.append((Phrase.stackDelete.text(l, ["stack": stack]), [
            "confirm \(Shell.quote(.text(Phrase.stackConfirmDelete.text(l))))",
            "call cloudformation delete-stack --stack-name \"$STACK\"",
            "settle stack-delete-complete",
        ], []))
        return parts
    }

    /// The variables the script learns, in first-use order, for the head's list.
    private static func runtime(_ parts: [Part]) -> [String] {
        var names = ["HERE", "ACCOUNT", "STATUS", "CHANGE_SET", "CHANGES"]
        for name in parts.flatMap(\.variables) where !names.contains(name) { names.append(name) }
        return names
    }
}
