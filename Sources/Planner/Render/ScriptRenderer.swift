import Foundation
import VpcpipeResources

// setup.sh and teardown.sh from the plan. Commands reach the text only through `Shell.quote`;
// the bash library pasted into both (Resources/scripts: call, capture, found, ...) adds region
// and profile, prints commands in a dry run, retries IAM propagation errors and reports
// failures, so the steps stay plain lists.

/// The two scripts, and all that tells them apart but the steps they run.
public enum Script: CaseIterable, Sendable {
    case setup, teardown

    /// As its failure message names it: "setup failed at step 3: ...".
    public var name: String {
        switch self {
        case .setup: "setup"
        case .teardown: "teardown"
        }
    }

    public var file: String { name + ".sh" }

    /// Its first comment: "setup.sh (vpcpipe VERSION): creates the private CI/CD pipeline ...".
    var does: String {
        switch self {
        case .setup: "creates"
        case .teardown: "removes what setup.sh created from"
        }
    }

    /// The question before it changes anything (default No), which `--yes` skips.
    var confirmation: Phrase {
        switch self {
        case .setup: .confirmSetup
        case .teardown: .confirmTeardown
        }
    }

    var declined: Phrase {
        switch self {
        case .setup: .declinedSetup
        case .teardown: .declinedTeardown
        }
    }

    var completed: Phrase {
        switch self {
        case .setup: .completedSetup
        case .teardown: .completedTeardown
        }
    }

    /// The parts of the bash library it carries, in order: its own calls between the shared parts.
    var library: [BashLibrary] {
        switch self {
        case .setup: [.run, .setup, .preflight, .actions]
        case .teardown: [.run, .teardown, .actions]
        }
    }

    /// The library as pasted into the script in `language`, made once: the wizard renders
    /// setup.sh at a key press.
    func libraryText(_ language: Language) -> String {
        switch self {
        case .setup: Script.setupLibrary[language]!
        case .teardown: Script.teardownLibrary[language]!
        }
    }

    private static let setupLibrary = Script.setup.pastedLibraries()
    private static let teardownLibrary = Script.teardown.pastedLibraries()

    private func pastedLibraries() -> [Language: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            (language, library.map { "\n" + Script.text($0, script: name, language) }.joined())
        })
    }

    /// A part of the library as the script carries it, its messages in `language`: preflight's
    /// rules after the words they say, which vpcpipe declares (PreflightWords).
    static func text(_ part: BashLibrary, script name: String, _ language: Language) -> String {
        let text = part.text(script: name, language)
        return part == .preflight ? PreflightWords.bash(language) + "\n" + text : text
    }

    /// Only setup creates roles and what uses them, so only it waits for IAM changes to propagate.
    var retriesPropagation: Bool { self == .setup }
}

extension BashLibrary {
    /// The file's text for the script `name`, its messages (`@say:KEY@`) in `language`.
    func text(script name: String, _ language: Language) -> String {
        Phrase.said(in: text(script: name), language, script: name)
    }
}

public enum ScriptRenderer {
    public static func render(_ script: Script, _ plan: Plan) -> String {
        let l = plan.answers.language
        let steps = self.steps(script, plan)
        var out = header(script, plan)
        out += script.libraryText(l)
        let titles = script == .setup ? steps.map { $0.title(l) } : steps.map { Phrase.removeTitle.text(l, ["title": $0.title(l)]) }
        out += "\nTOTAL=\(steps.count)\n" + planned(titles) + identity(plan)
        switch script {
        case .setup:
            // Read before create: preflight, then every step's check, then the problems, if any,
            // all at once; only then the question, with what was found.
            let acting = steps.filter { $0.id != .preflight }
            if let preflight = steps.first(where: { $0.id == .preflight }) {
                out += "\nstep 1 \(Shell.quote(.text(preflight.title(l))))\n" + preflight.always.flatMap { lines(for: $0, l) }.joined(separator: "\n") + "\n"
            }
            out += "\n# What exists already, and whose it is.\n" + acting.enumerated().compactMap { read($1, number: $0 + 2, l) }.joined(separator: "\n") + "\nrefuse_if_problems\n"
            out += confirmation(script, l, heading: Phrase.setupHeading.text(l),
                                resources: acting.flatMap { step in step.resources.map { (step, $0) } },
                                notes: [Policies.warning(plan), CostText.headline(plan, l), CostText.more(l)].compactMap { $0 })
            for (index, step) in acting.enumerated() {
                out += "\nstep \(index + 2) \(Shell.quote(.text(step.title(l))))\n" + act(step, l).joined(separator: "\n") + "\n"
            }
        case .teardown:
            out += confirmation(script, l, heading: Phrase.teardownHeading.text(l, ["tag": "\(Names.tagKey)=\(plan.answers.name)"]),
                                resources: steps.flatMap { step in step.resources.filter { !$0.existing }.map { (step, $0) } })
            for (index, step) in steps.enumerated() {
                out += "\nstep \(index + 1) \(Shell.quote(.text(titles[index])))\n"
                    + step.teardown.flatMap { lines(for: $0, l) }.joined(separator: "\n") + "\n"
            }
        }
        out += "\ncompleted\necho\necho \(Shell.quote(.text(script.completed.text(l))))\n"
        if script == .teardown, plan.step(.vpcDNS) != nil {
            out += "echo \(Shell.quote(.text(Phrase.vpcDNSLeftOn.text(l, ["vpc": plan.answers.network.vpc]))))\n"
        }
        return out
    }

    /// The steps the script runs, in its order: teardown undoes setup's backwards, skipping
    /// the steps that leave nothing to remove.
    private static func steps(_ script: Script, _ plan: Plan) -> [Step] {
        switch script {
        case .setup: plan.steps
        case .teardown: plan.steps.reversed().filter { !$0.teardown.isEmpty }
        }
    }

    // MARK: Parts

    private static func header(_ script: Script, _ plan: Plan) -> String {
        let retries = script.retriesPropagation
        let retry = ScriptHead.Setting(variable: "VPCPIPE_RETRY_SECONDS", help: .helpRetrySeconds)
        let question = script.confirmation.text(plan.answers.language)
        return ScriptHead(
            file: script.file, does: script.does,
            options: [.init(name: "--yes", variable: "YES", help: Phrase.helpYes.text(plan.answers.language, ["question": question]))],
            environment: (retries ? [retry] : []) + [ScriptHead.poll, ScriptHead.wait, ScriptHead.progress],
            settings: ["# What setup.sh creates carries the tag \(Names.tagKey)=$PLAN_TAG; teardown.sh deletes nothing else.",
                       "PLAN_TAG=\(Shell.quote(.text(plan.answers.name)))"],
            waits: (retries ? ["RETRY_SECONDS=\"${VPCPIPE_RETRY_SECONDS:-120}\""] : []) + ScriptHead.waitLines,
            runtime: runtimeVariables(script, plan)
        ).render(plan)
    }

    private static func runtimeVariables(_ script: Script, _ plan: Plan) -> [String] {
        var names: [String] = ["ACCOUNT"]
        let actions = switch script {
        case .setup: plan.steps.flatMap { $0.create + $0.always }
        case .teardown: plan.steps.flatMap(\.teardown)
        }
        let checks = script == .setup ? plan.steps.compactMap(\.check) : []
        for name in checks.flatMap({ ($0.capture.map { [$0] } ?? []) + $0.variables })
            + actions.flatMap(\.variables) where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// The steps' titles, for the progress stream before anything else.
    static func planned(_ titles: [String]) -> String {
        "planned " + titles.map { Shell.quote(.text($0)) }.joined(separator: " \\\n  ") + "\n"
    }

    /// The account and region the script works in, learnt before anything else.
    static func identity(_ plan: Plan) -> String {
        let l = plan.answers.language
        var out = "capture ACCOUNT \(Shell.words(plan.identity).joined(separator: " "))\n"
        out += "echo \"\(Phrase.identityAccount.bash(l))\"\necho \"\(Phrase.identityRegion.bash(l))\"\n"
        if !plan.answers.profile.isEmpty { out += "echo \"\(Phrase.identityProfile.bash(l))\"\n" }
        return out
    }

    /// What the script will change, each resource with its mark, then its notes (a warning,
    /// what it costs), then the question (default No).
    private static func confirmation(_ script: Script, _ l: Language, heading: String, resources: [(Step, Resource)],
                                     notes: [String] = []) -> String {
        var out = "\necho \(Shell.quote(.text(heading)))\n"
        for (step, resource) in resources {
            let what = Shell.quote(resource.label(l))
            let line = switch script {
            case .setup where resource.existing: "echo \(Shell.quote(Phrase.markExisting.arg(l, ["resource": resource.label(l)])))\n"
            case .setup: "mark \(Shell.quote(.text(step.id.rawValue))) \(what)\n"
            case .teardown: "echo \(Shell.quote(Phrase.markToBeDeleted.arg(l, ["resource": resource.label(l)])))\n"
            }
            out += line
        }
        for note in notes { out += "echo \(Shell.quote(.text(note)))\n" }
        out += """
        if [ "$DRY_RUN" = 1 ]; then
          echo \(Shell.quote(.text(Phrase.dryRun.text(l))))
        elif [ "$YES" != 1 ]; then
          read -r -p \(Shell.quote(.text(script.confirmation.text(l) + " "))) answer || answer=''
          case "$answer" in
            [yY] | [yY][eE][sS]) ;;
            *) echo \(Shell.quote(.text(script.declined.text(l)))); exit 0 ;;
          esac
        fi

        """
        return out
    }

    // MARK: Steps and actions

    /// Setup's reading of a step's check, before anything is created: `SEEN[STEP]` says whether
    /// it found the resource, and whose it is; a resource vpcpipe did not make, or one listed as
    /// existing that is missing, is a problem for `refuse_if_problems`.
    private static func read(_ step: Step, number: Int, _ l: Language) -> String? {
        guard let check = step.check else { return nil }
        let reading = "reading \(number) \(Shell.quote(.text(step.title(l))))\n"
        let id = Shell.quote(.text(step.id.rawValue))
        let found = check.listed.map { "listed \(check.capture ?? "-") \($0.variable) \(Shell.quote($0.key))" }
            ?? command(check.command, indent: "  ", prefix: "found \(check.capture ?? "-") \(absent(check.absent)) ")
        if check.mustExist {
            let missing = step.missingProblem(l)
            let problem = "problem \(Shell.quote(.text(missing.key))) \(Shell.quote(missing.message))"
            return reading + ["if " + found + "; then", "  SEEN[\(id)]=found", "else", "  " + problem, "fi"].joined(separator: "\n")
        }
        let seen = switch check.tag {
        case nil: "SEEN[\(id)]=found"
        case .found, .call:
            "seen \(id) " + (step.foreignProblem(l).map { "\(Shell.quote(.text($0.key))) \(Shell.quote($0.message))" } ?? "- -") + (check.tag.flatMap { if case .call(let read) = $0 { " " + command(read, indent: "  ") } else { nil } } ?? "")
        }
        return reading + ["if " + found + "; then", "  " + seen, "fi"].joined(separator: "\n")
    }

    /// Setup's work for a step once preflight passed: complete what was found, or create it.
    private static func act(_ step: Step, _ l: Language) -> [String] {
        var out: [String] = []
        if let check = step.check, !check.mustExist {
            let id = Shell.quote(.text(step.id.rawValue))
            if step.complete.isEmpty {
                out += ["if ! existing \(id); then"] + indented(step.create, l) + ["fi"]
            } else {
                out += ["if existing \(id); then"] + indented(step.complete, l) + ["else"] + indented(step.create, l) + ["fi"]
            }
        } else if step.check == nil {
            out += step.create.flatMap { lines(for: $0, l) }
        }
        out += step.always.flatMap { lines(for: $0, l) }
        return out
    }

    /// The script lines of an action; what they say to people in `l`.
    static func lines(for action: Action, _ l: Language = .en) -> [String] {
        switch action {
        case .call(let cmd):
            return ["call " + command(cmd, indent: "")]
        case .capture(let name, let cmd):
            return ["capture \(name) " + command(cmd, indent: "")]
        case .lookup(let lookup):
            return ["lookup \(lookup.variable) \(absent(lookup.absent)) " + command(lookup.command, indent: "")]
        case .awaitEndpoints:
            return ["await_available " + command(action.commands[0], indent: "")]
        case .awaitInterfacesGone:
            return ["await_gone " + command(action.commands[0], indent: "")]
        case .deleteEach(let list, let fields, let delete):
            let first = fields.first ?? "_"
            return [
                "call " + command(list, indent: ""),
                "while IFS=$'\\t' read -r \(fields.joined(separator: " ")); do",
                "  if [ -n \"$\(first)\" ] && [ \"$\(first)\" != None ]; then",
                "    call " + command(delete, indent: "    "),
                "  fi",
                "done <<< \"$OUT\"",
            ]
        case .ifFound(let name, let actions):
            return ["if [ -n \"$\(name)\" ] && [ \"$\(name)\" != None ]; then"] + indented(actions, l) + ["fi"]
        case .unlessListed(let name, let key, let actions):
            return ["if ! listed - \(name) \(Shell.quote(key)); then"] + indented(actions, l) + ["fi"]
        case .ifTagged(let read, let resource, let actions):
            return ["if " + command(read, indent: "  ", prefix: "owned \(Shell.quote(resource.label(l))) ") + "; then"]
                + indented(actions, l) + ["fi"]
        case .rule(let name, let args, _, let said):
            return [([name.rawValue] + (args + (said[l].map { [$0] } ?? [])).map(Shell.quote)).joined(separator: " ")]
        }
    }

    /// The error codes by which a check or lookup says "not there", as one word for `found` and `lookup`.
    private static func absent(_ codes: [String]) -> String {
        Shell.quote(.text(codes.map { $0.replacingOccurrences(of: ".", with: "\\.") }.joined(separator: "|")))
    }

    /// Each line of the actions' commands two spaces in, continuation lines included.
    private static func indented(_ actions: [Action], _ l: Language) -> [String] {
        actions.flatMap { lines(for: $0, l) }.map { line in
            "  " + line.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n  ")
        }
    }

    /// `[--retry] SERVICE OPERATION --option value...`, one option a line when long.
    static func command(_ command: Command, indent: String, prefix: String = "") -> String {
        let tolerates = command.tolerates.isEmpty ? "" : "--tolerate \(Shell.quote(.text(command.tolerates.joined(separator: "|")))) "
        let head = (command.retriesPropagation ? "--retry " : "") + tolerates + "\(command.service) \(command.operation)"
        let options = command.options.map { option in
            (["--" + option.name] + option.values.map(Shell.quote)).joined(separator: " ")
        }
        let single = ([head] + options).joined(separator: " ")
        if (indent + prefix + single).count <= 100 { return prefix + single }
        return prefix + ([head] + options).joined(separator: " \\\n" + indent + "    ")
    }
}
