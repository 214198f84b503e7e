import Foundation
import TestSupport
import Wizard

/// The binary's wizard in a tmux pane, driven by labels (TestSupport's `WizardDriver`): the
/// screen, the fields and the focus are read from the captured pane.
struct TmuxWizard: WizardDriver {
    let test: TmuxTestCase
    let session: String
    let patience = 20.0

    init(_ test: TmuxTestCase, session: String? = nil) {
        self.test = test
        self.session = session ?? test.session
    }

    func read() throws -> WizardView {
        let pane = try test.screen(session)
        let lines = pane.split(separator: "\n", omittingEmptySubsequences: false)
        var labels: [String] = [], focused: String?, text: String?
        for line in lines.dropFirst() {
            guard let field = Self.field(Array(line)) else { continue }
            labels.append(field.label)
            if field.focused { (focused, text) = (field.label, field.text) }
        }
        return WizardView(screen: lines.first.flatMap(Self.screen), labels: labels, focused: focused, text: text,
                          exported: pane.contains("Next: bash "), shown: pane)
    }

    /// The title line's " · N/10 · ".
    private static func screen(_ title: Substring) -> ScreenID? {
        let parts = title.components(separatedBy: " · ")
        guard parts.count > 2, let number = Int(parts[1].prefix { $0 != "/" }) else { return nil }
        return ScreenID(rawValue: number - 1)
    }

    /// A field's line as the wizard lays it out: "▸ " on the focused one (else two spaces), its
    /// label from the third column in 22, then its value (a list's title line: the label alone).
    /// The value of a choice, "‹ value ›", is no text. A note's line may pass for a field's: its
    /// "label" is no field's, so no test names it.
    private static func field(_ line: [Character]) -> (label: String, focused: Bool, text: String?)? {
        let valueColumn = 24
        let marker = String(line.prefix(2))
        guard line.count > 2, marker == "▸ " || marker == "  ", line[2] != " " else { return nil }
        let label = String(line[2..<min(line.count, valueColumn)]).trimmingCharacters(in: .whitespaces)
        let value = line.count > valueColumn ? String(line[valueColumn...]).trimmingCharacters(in: .whitespaces) : ""
        return (label, marker == "▸ ", value.hasPrefix("‹") ? nil : value)
    }

    func send(_ keys: [Key]) throws {
        var typed = ""
        func flush() throws {
            if !typed.isEmpty { try test.type(typed, session: session) }
            typed = ""
        }
        for key in keys {
            if case .character(let character) = key {
                typed.append(character)
                continue
            }
            try flush()
            try test.tmux("send-keys", "-t", session, Self.name(key))
        }
        try flush()
    }

    /// The key as tmux's send-keys names it.
    private static func name(_ key: Key) -> String {
        switch key {
        case .character(let character): String(character)
        case .enter: "Enter"
        case .escape: "Escape"
        case .tab: "Tab"
        case .backTab: "BTab"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PPage"
        case .pageDown: "NPage"
        case .backspace: "BSpace"
        case .delete: "DC"
        case .f1: "F1"
        case .f10: "F10"
        case .ctrlC: "C-c"
        case .ctrlN: "C-n"
        case .ctrlP: "C-p"
        }
    }
}
