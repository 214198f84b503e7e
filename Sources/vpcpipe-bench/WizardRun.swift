import Planner
import Wizard

/// A whole wizard session as a user would type it: from an empty start, Enter through every
/// screen, typing the network ids on the VPC screen, a help pane opened and closed on the way,
/// the export screen paged, until export is requested.
enum WizardRun {
    static let vpc = "vpc-0123456789abcdef0"
    static let subnets = "subnet-0123456789abcdef0 subnet-0fedcba9876543210"
    static let routeTables = "rtb-0123456789abcdef0"

    static func start(_ size: Size) -> WizardState {
        WizardState(answers: Answers(), diagnostics: [], outputFolder: "vpcpipe-out", size: size)
    }

    /// The key presses of the session, found by driving the wizard once.
    static func keys() -> [Key] {
        var state = start(Size.minimum)
        var keys: [Key] = []
        func press(_ key: Key) { keys.append(key); state = update(state, .key(key)) }
        var helped = false, paged = false
        while state.request == nil, keys.count < 2_000 {
            if let text = networkID(for: state) { text.forEach { press(.character($0)) } }
            if !helped && state.screen == .build { press(.f1); press(.escape); helped = true }
            if !paged && view(state).text.prefix(80).contains("· Export") {
                // The screen opens on its button: ⇧Tab to setup.sh above it, to scroll it.
                press(.backTab)
                (0..<4).forEach { _ in press(.pageDown) }
                press(.pageUp)
                paged = true
            }
            press(.enter)
        }
        precondition(state.request != nil, "the scripted wizard session did not reach export")
        return keys
    }

    /// The network id to type when the focused field takes it and its answer is still empty:
    /// found by typing into a copy of the state (update is pure), so the script does not depend
    /// on the order of the fields.
    private static func networkID(for state: WizardState) -> String? {
        let network = state.answers.network
        let candidates: [(String, Bool, (Answers.Network) -> Bool)] = [
            (vpc, network.vpc.isEmpty, { $0.vpc == vpc }),
            (subnets, network.subnets.isEmpty, { $0.subnets.joined(separator: " ") == subnets }),
            (routeTables, network.routeTables.isEmpty, { $0.routeTables == [routeTables] }),
        ]
        for (text, empty, typed) in candidates where empty {
            let trial = text.reduce(state) { update($0, .key(.character($1))) }
            if typed(trial.answers.network) { return text }
        }
        return nil
    }
}
