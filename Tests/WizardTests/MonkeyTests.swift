import Foundation
import Planner
import TestSupport
import XCTest
@testable import Wizard

/// 100,000 random messages to the wizard's logic, half in each language it speaks: every key, typed
/// characters (wide, combining, control), resizes to random sizes (some below 80x24), and the
/// driver's answers to its requests. After each message the state's invariants must hold. The
/// seed is fixed and printed; VPCPIPE_SEED=N runs another.
final class MonkeyTests: XCTestCase {
    /// A language's run: the two languages' runs walk the same screens, controls and sizes.
    static let messages = 50_000
    /// Drawing the frame and listing the review would cost most of a debug build's run: the
    /// invariants on the frame, the review and the rules are checked after every 100th message
    /// and every resize; the others after every message.
    static let deepEvery = 100

    func testRandomMessagesKeepEveryInvariant() {
        Self.run(.en, seed: testSeed(default: 0x3A9C_57E1))
    }

    static func run(_ language: Language, seed: UInt64) {
        var monkey = Monkey(random: SplitMix64(seed: seed), language: language)
        let invariants = Invariants()
        var state = monkey.fresh()
        var reviewed: [Diagnostic]?
        var checked = 0, deep = 0, restarts = 0
        for index in 0..<Self.messages {
            let message = monkey.message(for: state)
            var next = update(state, message)
            var problems = invariants.after(message, from: state, to: next)
            // The driver carries out a request at once and answers it.
            if let request = next.request {
                let answer = monkey.answer(to: request)
                let answered = update(next, answer)
                problems += invariants.after(answer, from: next, to: answered)
                next = answered
            }
            if index % Self.deepEvery == 0 || { if case .resize = message { true } else { false } }() {
                problems += Invariants.frame(view(next), of: next)
                if next.diagnostics != reviewed {
                    problems += Invariants.rules(next)
                    reviewed = next.diagnostics
                }
                deep += 1
            }
            checked += 1
            guard problems.isEmpty else {
                XCTFail("\(language), seed \(seed), message \(index) \(message) on screen \(state.screen) (\(state.mode)): "
                        + problems.joined(separator: "; "))
                return
            }
            state = next
            if state.exit != nil {
                state = monkey.fresh()
                restarts += 1
            }
        }
        print("monkey (\(language)): \(checked) messages, each followed by the state invariants; \(deep) also by the frame, rules and review ones; \(restarts) runs ended by quit or export")
    }
}

/// The same in Japanese, a job of its own beside the English one: its wider words and wrapping
/// on every screen and at every size (the Language row may switch it back, as a person may).
final class MonkeyInJapaneseTests: XCTestCase {
    func testRandomMessagesKeepEveryInvariant() {
        MonkeyTests.run(.ja, seed: testSeed(default: 0x5EED_0015))
    }
}

/// Picks the next message. Enter is more likely than Esc, so that the later screens are reached.
struct Monkey {
    var random: SplitMix64
    /// The language each fresh wizard starts in.
    var language: Language

    static let keys: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .home, .end,
                              .pageUp, .pageDown, .backspace, .delete, .f1, .f10, .ctrlC]
    /// Plain, id-like, wide (Japanese, Korean, emoji), combining, zero-width and control characters.
    static let characters: [Character] = Array("abcxyzABC019-_.:/ ?sqnyS") + Array("日本語ｶ한😀") + [
        "e\u{301}", "\u{301}", "\u{200B}", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\t", "\n", "\r\n", "\u{2028}",
    ]

    mutating func fresh() -> WizardState {
        let answers = (Bool.random(using: &random) ? Drive.networked : Answers()).in(language)
        return WizardState(answers: answers, diagnostics: Rules.check(answers), outputFolder: "vpcpipe-out", size: Drive.size)
    }

    mutating func message(for state: WizardState) -> Message {
        switch Int.random(in: 0..<1000, using: &random) {
        case 0..<4:
            return .resize(Size(columns: .random(in: 1...79, using: &random), rows: .random(in: 1...60, using: &random)))
        case 4..<10:
            // Back to a usable size soon after, so that keys are not all ignored.
            return .resize(Bool.random(using: &random) ? Drive.size
                           : Size(columns: .random(in: 80...200, using: &random), rows: .random(in: 24...60, using: &random)))
        case 10..<200: return .key(.enter)
        case 200..<250: return .key(.escape)
        case 250..<600: return .key(.character(Self.characters.randomElement(using: &random)!))
        default: return .key(Self.keys.randomElement(using: &random)!)
        }
    }

    mutating func answer(to request: Request) -> Message {
        let fails = Int.random(in: 0..<4, using: &random) == 0
        switch request {
        case .saveAnswers: return fails ? .saveFailed("disk full (monkey)") : .saved(path: "vpcpipe-answers.yaml")
        case .export(let folder): return fails ? .exportRefused("\(folder) holds other files (monkey)") : .exported(files: 20, folder: folder)
        // A script the monkey "runs" ends at once, as if killed.
        case .run(.start): return .run(.ended(status: 143, at: 1))
        case .run(.stop): return .run(.tick(at: 2))
        }
    }
}

/// What must hold after every message, each as a problem to report.
struct Invariants {
    /// Each screen's focusable fields, built once.
    let focusable = Screens.all(.en).map { Set($0.focusable) }

    func after(_ message: Message, from before: WizardState, to state: WizardState) -> [String] {
        var problems: [String] = []
        func expect(_ holds: Bool, _ what: @autoclosure () -> String) { if !holds { problems.append(what()) } }

        for (index, fields) in focusable.enumerated() {
            expect(fields.contains(state.focusByScreen[index]),
                   "focus \(state.focusByScreen[index]) of screen \(index) is not a focusable field")
        }
        if let field = state.focusedField {
            problems += Self.control(field.control, state)
        }
        expect(state.helpScroll >= 0, "help scrolled to \(state.helpScroll)")

        if state.answers == before.answers {
            expect(state.diagnostics == before.diagnostics, "diagnostics changed with the answers unchanged")
        }
        if case .export = state.request { expect(!state.diagnostics.hasErrors, "export requested with errors") }
        if state.screen == .export && before.screen != .export {
            expect(!state.diagnostics.hasErrors, "reached the export screen with errors")
        }

        guard case .key(let key) = message else { return problems }
        guard before.size.isLargeEnough else {
            // Only the quit question acts while too small: it opens, closes, saves or quits.
            var same = before
            (same.mode, same.exit, same.status) = (state.mode, state.exit, state.status)
            same.request = state.request == .saveAnswers ? .saveAnswers : nil
            expect(state == same, "a key changed the state while the terminal is too small")
            return problems
        }
        if key == .escape { problems += Self.escape(from: before, to: state) }
        return problems
    }

    /// Esc is never blocked: it moves back, or on the first screen offers to quit; it closes overlays.
    static func escape(from before: WizardState, to state: WizardState) -> [String] {
        switch before.mode {
        case .done:
            return state.exit == .exported ? [] : ["Esc after export did not leave"]
        case .running:
            // Esc leaves the progress screen only once the scripts have ended.
            return before.run?.isFinished == true && state.exit != .exported ? ["Esc after the run did not leave"] : []
        case .help, .quitPrompt:
            return state.mode == .form && state.screen == before.screen ? [] : ["Esc did not close the overlay"]
        case .form:
            if before.returnToReview {
                return state.screen == .review ? [] : ["Esc from a picked item did not return to the review"]
            }
            guard let previous = before.screen.previous else {
                return state.screen == .start && state.mode == .quitPrompt ? [] : ["Esc on the first screen did not stay and ask"]
            }
            return state.screen == previous ? [] : ["Esc moved from screen \(before.screen) to \(state.screen)"]
        }
    }

    /// The focused control's own state: the cursor within its text, the highlight within its list.
    static func control(_ control: any Control, _ state: WizardState) -> [String] {
        let cursor = state.edit.cursor
        switch control {
        case let input as TextInput:
            let count = input.value.get(state).count
            if let cursor, !(0...count).contains(cursor) { return ["cursor \(cursor) outside a text of \(count)"] }
        case let list as IdList:
            let count = (state.edit.buffer ?? list.value.get(state).joined(separator: " ")).count
            if let cursor, !(0...count).contains(cursor) { return ["cursor \(cursor) outside ids of \(count)"] }
        case let select as MultiSelect:
            let count = select.options(state).count
            if !(0..<max(1, count)).contains(state.edit.highlight) { return ["highlight \(state.edit.highlight) of \(count) options"] }
        case is Review:
            let count = Review.items(state).count
            if !(0...count).contains(state.edit.highlight) { return ["review highlight \(state.edit.highlight) of \(count) items"] }
        default:
            break
        }
        if cursor != nil && !control.takesText { return ["a cursor in a field that takes no text"] }
        if state.edit.scroll < 0 { return ["viewer scrolled to \(state.edit.scroll)"] }
        return []
    }

    /// The frame is exactly the size asked: every row as many cells as columns, a wide character's
    /// right half always a continuation, no control character drawn, the cursor on screen.
    static func frame(_ frame: Frame, of state: WizardState) -> [String] {
        let size = state.size
        guard frame.size == size, frame.rows.count == size.rows else { return ["frame of \(frame.rows.count) rows for \(size)"] }
        for (y, row) in frame.rows.enumerated() {
            guard row.count == size.columns else { return ["row \(y) has \(row.count) cells for \(size.columns) columns"] }
            var x = 0
            while x < row.count {
                let cell = row[x]
                if cell.isContinuation { return ["row \(y) column \(x): a continuation without its wide character"] }
                if cell.character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    return ["row \(y) column \(x): a control character drawn"]
                }
                let width = CellWidth.of(cell.character)
                guard width == 1 || width == 2 else { return ["row \(y) column \(x): a character of width \(width)"] }
                if width == 2 {
                    guard x + 1 < row.count, row[x + 1].isContinuation else { return ["row \(y) column \(x): a wide character cut"] }
                }
                x += width
            }
        }
        if let cursor = frame.cursor, !(0..<size.rows).contains(cursor.row) || !(0..<size.columns).contains(cursor.column) {
            return ["cursor \(cursor) off a \(size) frame"]
        }
        // Below ten columns or three rows the message is cut, as any text would be. Japanese has no
        // spaces to wrap at: the words are looked for with the wrapping's blanks taken out.
        let tooSmall = WizardPhrase.tooSmall.text(state.language, ["columns": "", "rows": "", "needed_columns": "", "needed_rows": ""])
            .prefix { $0 != ":" }.filter { !$0.isWhitespace }
        if !size.isLargeEnough, size.columns >= 10, size.rows >= 3, !frame.text.filter({ !$0.isWhitespace }).contains(tooSmall) {
            return ["too small, and not said"]
        }
        return []
    }

    /// The answers pass the rules, or every problem the rules find is listed in the review,
    /// and their count heads it.
    static func rules(_ state: WizardState) -> [String] {
        guard state.diagnostics == Rules.check(state.answers) else { return ["diagnostics are not Rules.check of the answers"] }
        let lines = Review().render(state, focused: false, width: 77).lines
        let text = collapse(lines.map { $0.map(\.text).joined() }.joined(separator: " "))
        let errors = state.diagnostics.errors.count
        let counted = (errors == 1 ? WizardPhrase.errorOne : .errors).text(state.language, ["count": String(errors)])
        if errors > 0, !text.contains(counted) { return ["the review does not count \(errors) errors"] }
        // Japanese wraps between any two characters, with no space to mark the break: the words
        // are looked for without their blanks.
        let words = text.filter { !$0.isWhitespace }
        for diagnostic in state.diagnostics where !words.contains(diagnostic.text(state.language).filter { !$0.isWhitespace }) {
            return ["the review does not show \(diagnostic.path): \(diagnostic.text(state.language))"]
        }
        return []
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
