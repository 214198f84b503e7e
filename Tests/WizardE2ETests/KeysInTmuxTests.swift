import Foundation
import TestSupport
import XCTest

/// The keys as each terminal type sends them, through tmux's keys and raw bytes (send-keys -H):
/// PuTTY's, rxvt's and the linux console's sequences whatever TERM says. Keys the wizard does
/// not use and unknown sequences change nothing; Home, End and Delete edit; F1 and F10 are
/// theirs; the cursor is where the next character goes.
final class KeysInTmuxTests: TmuxTestCase {
    /// Sequences that mean nothing here (F2..F12 as xterm, PuTTY and the linux console send
    /// them, Insert, modified ones) and some no table knows.
    private let nothing = [
        "F2", "F3", "F5", "F9", "F12", "IC",
        "\u{1B}[12~", "\u{1B}[15~", "\u{1B}[24~", "\u{1B}OQ", "\u{1B}OS", "\u{1B}[[B", "\u{1B}[[E", "\u{1B}[2~",
        "\u{1B}[2$", "\u{1B}[11^", "\u{1B}Oa", "\u{1B}[1;5P", "\u{1B}[99~", "\u{1B}[5;7z", "\u{1B}[E",
    ]
    private let homes = ["Home", "\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"]
    private let ends = ["End", "\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"]
    private let deletes = ["DC", "\u{1B}[3~"]
    private let f1s = ["F1", "\u{1B}[11~", "\u{1B}OP", "\u{1B}[[A"]
    private let f10s = ["F10", "\u{1B}[21~"]

    /// Where the Name field's value starts: after the marker and the 22-column label.
    private let valueColumn = 24

    func testXterm256color() throws { try keys(term: "xterm-256color") }
    func testXterm() throws { try keys(term: "xterm") }
    func testScreen() throws { try keys(term: "screen") }
    func testLinux() throws { try keys(term: "linux") }
    func testVT100() throws { try keys(term: "vt100") }

    /// A tmux key name, or raw bytes.
    private func press(_ key: String) throws {
        if key.hasPrefix("\u{1B}") {
            try tmux(["send-keys", "-t", session, "-H"] + key.utf8.map { String(format: "%02x", $0) })
        } else {
            try tmux("send-keys", "-t", session, key)
        }
    }

    private func cursor() throws -> String { try tmux("display-message", "-p", "-t", session, "#{cursor_x},#{cursor_y}") }

    /// Presses `key`, then types `marker` and waits for `shown`: the keys before it were read.
    /// Returns the cursor's column with the marker typed, then takes the marker back.
    private func pressThenType(_ key: String, _ marker: String, until shown: String) throws -> Int {
        try press(key)
        try type(marker)
        try waitFor(shown)
        let column = try XCTUnwrap(Int(cursor().split(separator: ",")[0]))
        try press("BSpace")
        return column
    }

    /// Esc, and waits for `overlay` to go: a key typed at once after Esc would be Alt and that key.
    private func close(_ overlay: String) throws {
        try press("Escape")
        let deadline = Date().addingTimeInterval(10)
        while try screen().contains(overlay), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    private func keys(term: String) throws {
        try startShell()
        try shell("TERM=\(term) LANG=C.UTF-8 '\(binary)' --offline")
        try waitFor("1/10")
        var wizard = TmuxWizard(self)
        try wizard.focus("Name")
        let row = try waitFor("▸ Name")
        let before = (pane: row, cursor: try cursor())
        XCTAssertEqual(before.cursor.split(separator: ",").first.map(String.init), "\(valueColumn + 7)",
                       "\(term): the cursor after Private, where the next character goes")

        func unchanged(_ what: String) throws {
            try type("Z")
            try waitFor("PrivateZ")
            try press("BSpace")
            let deadline = Date().addingTimeInterval(10)
            while try screen() != before.pane || cursor() != before.cursor, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertEqual(try screen(), before.pane, "\(term): \(what) changed the screen")
            XCTAssertEqual(try cursor(), before.cursor, "\(term): \(what) moved the cursor")
        }
        for key in nothing { try press(key) }
        try unchanged("keys meaning nothing")
        for key in deletes { try press(key) }
        try unchanged("Delete at the end")

        for (home, end) in zip(homes, ends) {
            XCTAssertEqual(try pressThenType(home, "<", until: "<Private"), valueColumn + 1, "\(term): \(home.debugDescription)")
            XCTAssertEqual(try pressThenType(end, ">", until: "Private>"), valueColumn + 8, "\(term): \(end.debugDescription)")
        }
        try unchanged("Home and End")
        for delete in deletes {
            try press("Home")
            try press(delete)
            try type("P")
            try press("End")
        }
        try unchanged("Delete at the start, P typed back")

        for f1 in f1s {
            try press(f1)
            try waitFor("Help: Name")
            try close("Help: Name")
            try unchanged("F1 \(f1.debugDescription) and Esc")
        }
        for f10 in f10s {
            try press(f10)
            try waitFor("Quit the wizard?")
            try close("Quit the wizard?")
            try unchanged("F10 \(f10.debugDescription) and Esc")
        }
    }
}
