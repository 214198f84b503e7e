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

    /// A state on `screen` with its entry field focused, as arriving there.
    static func on(_ screen: ScreenID, _ answers: Answers = networked, diagnostics: [Diagnostic]? = nil) -> WizardState {
        var state = start(answers, diagnostics: diagnostics ?? Rules.check(answers))
        state.go(to: screen, field: Screens.screen(screen, state.language).entry)
        state.renderIfShown()
        return state
    }
}

extension Answers {
    /// The same answers in `language`: the wizard speaks the start screen's Language answer.
    func `in`(_ language: Language) -> Answers {
        var answers = self
        answers.language = language
        return answers
    }
}

/// The pure wizard driven by labels (TestSupport's `WizardDriver`): the fields and the focus
/// are read from the screen's own declarations, and each key is handled on return. It counts
/// the keys it presses, typed characters aside.
struct InMemoryWizard: WizardDriver {
    private(set) var state: WizardState
    private(set) var presses = 0
    let patience = 0.0

    init(_ state: WizardState = Drive.start()) { self.state = state }

    func read() -> WizardView {
        let screen = state.currentScreen
        let text: String? = switch state.focusedField?.control {
        case let input as TextInput: input.value.get(state)
        case let list as IdList: state.edit.buffer ?? list.value.get(state).joined(separator: " ")
        case let tags as TagList: state.edit.buffer ?? TagList.text(tags.value.get(state))
        case let pick as Pick: pick.typed(state)
        case let pick as MultiPick: pick.typed(state)
        default: nil
        }
        let exported = if case .export = state.request { true } else { false }
        return WizardView(screen: state.screen, labels: screen.focusable.map { screen.fields[$0].label },
                          focused: state.focusedField?.label, text: text, exported: exported, shown: view(state).text)
    }

    mutating func send(_ keys: [Key]) {
        for key in keys {
            if case .character = key {} else { presses += 1 }
            state = update(state, .key(key))
        }
    }

    /// On the review, picks the first item labelled `label` (↑↓ to it, Enter): its field opens.
    mutating func pick(_ label: String) throws {
        guard state.screen == .review, let index = Review.items(state).firstIndex(where: { $0.label == label }) else {
            throw Failure("no review item labelled \(label) on screen \(state.screen)")
        }
        send([.home] + Array(repeating: .down, count: index) + [.enter])
    }
}
