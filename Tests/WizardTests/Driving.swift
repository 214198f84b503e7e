import Planner
import TestSupport
@testable import Wizard

/// Feeding messages to the pure wizard, as the terminal driver would.
enum Drive {
    static let size = Size(columns: 80, rows: 24)

    static func start(_ answers: Answers = Answers(), diagnostics: [Diagnostic] = []) -> WizardState {
        WizardState(answers: answers, diagnostics: diagnostics, outputFolder: "vpcpipe-out", size: size)
    }

    static func keys(_ keys: [Key], from state: WizardState) -> WizardState {
        keys.reduce(state) { update($0, .key($1)) }
    }

    static func typing(_ text: String) -> [Key] { text.map(Key.character) }

    /// The article's answers: what a run accepting every default and typing the network ids
    /// below produces.
    static let networked = Article.answers

    /// The network ids the operator must type; everything else keeps its default.
    static let vpc = networked.network.vpc
    static let subnets = networked.network.subnets.joined(separator: " ")
    static let routeTables = networked.network.routeTables.joined(separator: " ")

    /// A state on `screen` with its first field focused.
    static func on(_ screen: ScreenID, _ answers: Answers = networked, diagnostics: [Diagnostic]? = nil) -> WizardState {
        var state = start(answers, diagnostics: diagnostics ?? Rules.check(answers))
        state.go(to: screen, field: Screens.screen(screen).focusable.first ?? 0)
        state.renderIfShown()
        return state
    }
}
