import Foundation
import Wizard

/// What a driver reads of the wizard: the screen, the fields by their labels and the focus, so
/// that a test names the field it means instead of counting the presses that reach it.
public struct WizardView: Equatable, Sendable {
    /// The screen shown; nil while none is (a terminal too small).
    public var screen: ScreenID?
    /// The labels of the screen's fields, in their order (in a terminal: those it shows).
    public var labels: [String]
    /// The focused field's label; nil when the focused field shows none (a viewer, a button).
    public var focused: String?
    /// The focused field's text, for a field that takes text.
    public var text: String?
    /// The export was asked for (the pure wizard) or done (the binary).
    public var exported: Bool
    /// All that is shown, for failure messages and to tell one view from the next.
    public var shown: String

    public init(screen: ScreenID?, labels: [String], focused: String?, text: String?, exported: Bool, shown: String) {
        self.screen = screen; self.labels = labels; self.focused = focused; self.text = text
        self.exported = exported; self.shown = shown
    }
}

/// Drives the wizard as a user would, by labels and screens: the pure wizard in memory
/// (WizardTests) or the binary in tmux (WizardE2ETests) read and press their own way, and
/// share what is done with that here. Adding a field to a screen changes no test that names
/// the fields it uses.
public protocol WizardDriver {
    /// What the wizard shows now.
    func read() throws -> WizardView
    /// Presses the keys (characters typed as they are), without waiting for them to show.
    mutating func send(_ keys: [Key]) throws
    /// How long a key may take to show: 0 in memory, where a key is handled on return.
    var patience: Double { get }
}

extension WizardDriver {
    public mutating func type(_ text: String) throws { try send(text.map(Key.character)) }

    /// Moves the focus to the field labelled `label` on the current screen, with Tab or ⇧Tab
    /// whichever way it lies (both, where the focused field shows no label).
    @discardableResult
    public mutating func focus(_ label: String) throws -> WizardView {
        var view = try read()
        let directions: [Key]
        if let target = view.labels.firstIndex(of: label), let from = view.focused.flatMap(view.labels.firstIndex) {
            directions = [target < from ? .backTab : .tab]
        } else {
            directions = [.tab, .backTab]
        }
        for direction in directions {
            while view.focused != label {
                let before = view
                try send([direction])
                // At the first or last field the focus stays: try the other way.
                guard let moved = try? wait("the focus to move from \(before.focused ?? "its field")", until: { $0 != before }) else { break }
                view = moved
            }
            if view.focused == label { return view }
        }
        throw Failure("no field labelled \(label) on screen \(view.screen.map { "\($0)" } ?? "none"); labels: \(view.labels)\n\(view.shown)")
    }

    /// Replaces the text of the field labelled `label` with `value`.
    public mutating func fill(_ label: String, with value: String) throws {
        var view = try focus(label)
        // A long text shows only its end: erase what shows until nothing does.
        for _ in 0..<20 {
            guard let text = view.text else { throw Failure("\(label) takes no text:\n\(view.shown)") }
            if text.isEmpty { break }
            try send([.end] + Array(repeating: .backspace, count: text.count))
            view = try wait("\(label) to be erased", until: { $0.text != text })
        }
        guard view.text == "" else { throw Failure("\(label) could not be erased:\n\(view.shown)") }
        try type(value)
        try wait("\(value) in \(label)", until: { $0.text == value })
    }

    /// Types `text` at the end of the field labelled `label`.
    public mutating func append(_ text: String, to label: String) throws {
        try focus(label)
        try send([.end])
        try type(text)
        try wait("\(text) at the end of \(label)", until: { $0.text?.hasSuffix(text) == true })
    }

    /// Goes to `screen` as a user does: Enter, accepting each field as it stands, to go on;
    /// Esc to go back. However many fields a screen has, nothing past `screen` is pressed.
    @discardableResult
    public mutating func go(to screen: ScreenID) throws -> WizardView {
        var view = try read()
        while view.screen != screen {
            let before = view
            let back = (view.screen?.rawValue ?? 0) > screen.rawValue
            try send([back ? .escape : .enter])
            view = try wait("\(back ? "Esc" : "Enter") on the way to \(screen) to show", until: { $0 != before })
        }
        return view
    }

    /// Goes on to `screen` a screen at a time with Ctrl-N (PgDn, also where PgDn scrolls), each
    /// screen's answers as they stand; fails where a screen's errors hold it.
    @discardableResult
    public mutating func next(to screen: ScreenID) throws -> WizardView {
        var view = try read()
        while view.screen != screen {
            let before = view
            try send([.ctrlN])
            view = try wait("Ctrl-N on the way to \(screen) to show", until: { $0.screen != before.screen })
        }
        return view
    }

    /// Goes to the export screen and accepts its fields, the last of which writes the folder.
    public mutating func export() throws {
        var view = try go(to: .export)
        while !view.exported {
            let before = view
            try send([.enter])
            view = try wait("Enter on the way to the export to show", until: { $0 != before })
        }
    }

    /// Reads until `condition` holds for two reads in a row (a terminal may be caught
    /// mid-redraw), or fails after `patience` seconds with what shows.
    @discardableResult
    public func wait(_ what: String, until condition: (WizardView) -> Bool) throws -> WizardView {
        let deadline = Date().addingTimeInterval(patience)
        var view = try read()
        while true {
            if condition(view) {
                if patience == 0 { return view }
                Thread.sleep(forTimeInterval: 0.03)
                let again = try read()
                if again == view { return view }
                view = again
                continue
            }
            guard Date() < deadline else {
                throw Failure("waited \(patience) s for \(what); the wizard shows:\n\(view.shown)")
            }
            Thread.sleep(forTimeInterval: 0.02)
            view = try read()
        }
    }
}
