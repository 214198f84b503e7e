import Planner
import TestSupport
import XCTest
@testable import Wizard

/// README's table of the wizard's keys against the wizard: the keys each field's key line
/// (what the wizard shows at the bottom, and in its help) names, and what each key does.
final class KeyTableTests: XCTestCase {
    /// The keys as README and the key lines spell them.
    private static let spelled: [String: Key] = [
        "Tab": .tab, "⇧Tab": .backTab, "↑": .up, "↓": .down, "←": .left, "→": .right, "Enter": .enter, "Esc": .escape,
        "Space": .character(" "), "?": .character("?"), "Home": .home, "End": .end, "PgUp": .pageUp, "PgDn": .pageDown,
        "Backspace": .backspace, "Delete": .delete, "F1": .f1, "F10": .f10, "Ctrl-C": .ctrlC, "Ctrl-N": .ctrlN, "Ctrl-P": .ctrlP,
    ]

    /// The key names in a text: its words and arrows that are keys, or look like one.
    private static func keys(in text: String) -> Set<String> {
        let words = text.split { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }
            .flatMap { word in word.allSatisfy("←→↑↓".contains) ? word.map(String.init) : [String(word)] }
        return Set(words.filter { spelled[$0] != nil || $0.wholeMatch(of: /F[0-9]+|Ctrl-.+|⇧.+/) != nil })
    }

    private func readmeTable() throws -> [[String]] {
        let rows = Readme.table("| key | does |", in: try Readme().section("## The wizard"))
        XCTAssertFalse(rows.isEmpty, "README's table of the wizard's keys")
        return rows
    }

    func testTheTableNamesEveryKeyTheWizardsKeyLinesName() throws {
        let documented = try readmeTable().reduce(into: Set<String>()) { $0.formUnion(Self.keys(in: $1.joined(separator: " "))) }
        let lines = Set(Screens.all(.en).flatMap(\.fields).compactMap { $0.control.keyHelp?.text(.en) })
        XCTAssertGreaterThan(lines.count, 5)
        for line in lines {
            for key in Self.keys(in: line) where !documented.contains(key) {
                XCTFail("README's table of keys lacks \(key), which the wizard shows: \(line)")
            }
        }
        XCTAssertEqual(documented.subtracting(Self.spelled.keys), [], "README names keys the wizard does not know")
    }

    /// Each key of README's first column changes the wizard's state on some field of some screen
    /// (from the start or the end of a text, list or viewer, for the keys that move in one).
    func testEveryKeyOfTheTableDoesSomething() throws {
        let named = try readmeTable().reduce(into: Set<String>()) { $0.formUnion(Self.keys(in: $1[0])) }
        XCTAssertTrue(named.contains("Enter") && named.contains("F10"), "\(named)")
        for name in named.sorted() {
            let key = try XCTUnwrap(Self.spelled[name], name)
            let acts = ScreenID.allCases.contains { screen in
                Screens.screen(screen, .en).focusable.contains { field in
                    [[], [Key.home], [Key.end]].contains { before in
                        var state = Drive.on(screen)
                        state.go(to: screen, field: field)
                        state = Drive.keys(before, from: state)
                        return update(state, .key(key)) != state
                    }
                }
            }
            XCTAssertTrue(acts, "\(name), which README's table documents, does nothing anywhere")
        }
    }
}
