import Foundation
@testable import Planner

/// What a dry run of setup.sh, teardown.sh or verify.sh must print, derived from the plan alone: each
/// command's argument list as argv words, with runtime variables as the script holds them in a
/// dry run (a captured value is its `<placeholder>`, a value a check would have found is blank).
struct DryRunOracle {
    private let awsArguments: [String]
    private var values: [String: String]
    private(set) var commands: [[String]] = []

    /// `here`: the folder of the scripts, which they learn at run time as HERE.
    init(_ plan: Plan, here: String) {
        awsArguments = ["--region", plan.answers.region] + (plan.answers.profile.isEmpty ? [] : ["--profile", plan.answers.profile])
        values = ["HERE": here]
        show(plan.identity)
        capture("ACCOUNT")
    }

    static func setup(_ plan: Plan, here: String) -> [[String]] {
        var oracle = DryRunOracle(plan, here: here)
        let preflight = plan.steps.filter { $0.id == .preflight }, acting = plan.steps.filter { $0.id != .preflight }
        // Read before create: preflight, then every check, then the steps.
        for step in preflight { oracle.run(step.always) }
        for check in acting.compactMap(\.check) where check.listed == nil {
            // A check among a lookup's rows calls nothing: preflight showed the lookup.
            oracle.show(check.command)
        }
        for step in acting {
            // A dry run finds nothing: the create actions run, except for what must exist.
            if !(step.check?.mustExist ?? false) { oracle.run(step.create) }
            oracle.run(step.always)
        }
        return oracle.commands
    }

    static func teardown(_ plan: Plan, here: String) -> [[String]] {
        var oracle = DryRunOracle(plan, here: here)
        for step in plan.steps.reversed() { oracle.run(step.teardown) }
        return oracle.commands
    }

    /// verify.sh: its calls in order; a dry run follows no run, so it starts one.
    static func verify(_ plan: Plan, here: String) -> [[String]] {
        var oracle = DryRunOracle(plan, here: here)
        let verification = Verification(plan.answers)
        oracle.show(verification.inProgress)
        oracle.show(verification.start)
        oracle.capture("EXECUTION")
        oracle.show(verification.status)
        oracle.show(verification.stages)
        oracle.capture("BUILD")
        oracle.capture("LOG_STREAM")
        for command in [verification.build, verification.failedPhase] + [verification.log, verification.package].compactMap({ $0 }) {
            oracle.show(command)
        }
        return oracle.commands
    }

    private mutating func show(_ command: Command) {
        commands.append(["aws"] + command.arguments.map { $0.rendered { values[$0] ?? "" } } + awsArguments)
    }

    private mutating func capture(_ name: String) {
        values[name] = "<" + name.lowercased().replacingOccurrences(of: "_", with: "-") + ">"
    }

    private mutating func run(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .call(let command):
                show(command)
            case .capture(let name, let command):
                show(command)
                capture(name)
            case .lookup(let lookup):
                // A dry run's lookup finds nothing.
                show(lookup.command)
                values[lookup.variable] = ""
            case .awaitEndpoints, .awaitInterfacesGone, .deleteEach:
                // Polls print their first call; a dry run lists nothing to delete.
                show(action.commands[0])
            case .unlessListed(_, _, let inner):
                // A dry run's lookup found nothing: the actions run.
                run(inner)
            case .ifFound(let name, let inner):
                if let value = values[name], !value.isEmpty, value != "None" { run(inner) }
            case .rule(_, _, let sets, _):
                // A dry run's rule judges nothing and sets placeholders.
                for name in sets { capture(name) }
            case .ifTagged(let read, _, let inner):
                // A dry run shows the tag's read and goes on as if the resource carried it.
                show(read)
                run(inner)
            }
        }
    }
}
