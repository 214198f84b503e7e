/// A scrollable text: setup.sh before export, the policy documents of the IAM screen.
struct Viewer: Control {
    let title: String
    let content: (WizardState) -> String
    /// Lines of text shown at once.
    let height: Int

    let keyHelp = "PgUp PgDn scroll  Enter next  Tab ⇧Tab fields  Esc back  F1 help  F10 quit"
    var fullWidth: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        let count = lines(state).count
        let last = max(0, count - height)
        switch key {
        case .pageDown: state.edit.scroll = min(last, state.edit.scroll + height - 1)
        case .pageUp: state.edit.scroll = max(0, state.edit.scroll - (height - 1))
        case .home: state.edit.scroll = 0
        case .end: state.edit.scroll = last
        default: return false
        }
        return true
    }

    /// Split at the newline byte: splitting by Character walks every grapheme of setup.sh
    /// (30 KB) at each key press.
    private func lines(_ state: WizardState) -> [Substring] {
        content(state).utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        let all = lines(state)
        let top = focused ? min(state.edit.scroll, max(0, all.count - height)) : 0
        let shown = all.dropFirst(top).prefix(height)
        let range = all.isEmpty ? "empty" : "lines \(top + 1)-\(top + shown.count) of \(all.count)"
        let header = Text.fit("── \(title) (\(range)) " + String(repeating: "─", count: width), width)
        var rendered: [Line] = [[Span(header, focused ? Style(.focus, bold: true) : Style(.dim))]]
        rendered += shown.map { [Span(String($0))] }
        rendered += Array(repeating: [], count: height - shown.count)
        return Rendered(lines: rendered)
    }
}

/// Text that explains, with no value: not focusable.
struct Note: Control {
    /// Dim for an explanation; what the answers cost is a figure to read.
    var style = Style(.dim)
    let text: (WizardState) -> String

    let keyHelp = ""
    var focusable: Bool { false }
    var fullWidth: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool { false }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        Rendered(lines: Text.wrap(text(state), width: width).map { [Span($0, style)] })
    }
}

/// A button: Enter does it.
struct Action: Control {
    let title: String
    let perform: (inout WizardState) -> Void

    let keyHelp = "Enter do it  Tab ⇧Tab fields  Esc back  F1 help  F10 quit"
    var fullWidth: Bool { true }

    func handle(_ key: Key, _ state: inout WizardState) -> Bool {
        guard key == .enter else { return false }
        perform(&state)
        return true
    }

    func render(_ state: WizardState, focused: Bool, width: Int) -> Rendered {
        Rendered(lines: [[Span("[ \(title) ]", focused ? Style(.focus, reverse: true) : Style(bold: true))]])
    }
}
