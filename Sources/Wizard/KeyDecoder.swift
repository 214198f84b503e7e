/// The terminal's bytes to the wizard's keys. The driver reads the bytes itself, so that it
/// sees end-of-input, and feeds them here; nothing here does I/O.
///
/// Escape sequences are looked up whole: those the terminal's terminfo description names (the
/// driver passes them in) and those common clients send whatever TERM says (xterm, PuTTY,
/// rxvt, the linux console). A sequence known to mean nothing the wizard uses (F2, Insert)
/// or not known at all is dropped whole: it never reaches a field as Esc plus text.
public struct KeyDecoder: Sendable {
    /// Sequences to keys, after ESC. Terminfo's win over the common ones.
    private let table: [[UInt8]: Key]
    private var pending: [UInt8] = []
    /// Inside a bracketed paste: everything up to its end is text.
    private var pasting = false

    /// Longer than any key's sequence: a run this long without its final byte is noise.
    private static let longest = 32
    private static let esc: UInt8 = 0x1B
    private static let pasteEnd = Array("\u{1B}[201~".utf8)

    /// `terminfo`: the terminal's own key sequences (kf1, khome, ...), each with its ESC.
    public init(terminfo: [[UInt8]: Key] = [:]) {
        var table = Self.common
        for (sequence, key) in terminfo where sequence.count > 1 && sequence.first == Self.esc {
            table[Array(sequence.dropFirst())] = key
        }
        self.table = table
    }

    /// Sequences (after ESC) that common clients send; those meaning nothing here are absent.
    static let common: [[UInt8]: Key] = {
        var table: [String: Key] = [
            // CSI (normal cursor mode) and SS3 (application mode; xterm, vt100, screen).
            "[A": .up, "[B": .down, "[C": .right, "[D": .left, "[H": .home, "[F": .end, "[Z": .backTab,
            "OA": .up, "OB": .down, "OC": .right, "OD": .left, "OH": .home, "OF": .end, "OM": .enter,
            // VT220 editing keys (xterm, PuTTY, screen, linux); 7 and 8 are rxvt's Home and End.
            "[1~": .home, "[3~": .delete, "[4~": .end, "[5~": .pageUp, "[6~": .pageDown, "[7~": .home, "[8~": .end,
            // F1 and F10: PuTTY's and rxvt's `[11~`, xterm's `OP`, the linux console's `[[A`.
            "[11~": .f1, "OP": .f1, "[[A": .f1, "[21~": .f10,
        ]
        // xterm's modified keys (`[1;5C` Ctrl-Right, `[5;2~` Shift-PgUp) act as the key alone.
        for (sequence, key) in table where sequence.hasPrefix("[") {
            let body = sequence.dropFirst().dropLast(), final = sequence.last!
            guard body.allSatisfy(\.isNumber) else { continue }
            for modifier in 2...8 { table["[\(body.isEmpty ? "1" : String(body));\(modifier)\(final)"] = key }
        }
        return Dictionary(uniqueKeysWithValues: table.map { (Array($0.key.utf8), $0.value) })
    }()

    /// Bytes that may still be the start of a sequence, waiting for the rest.
    public var isWaiting: Bool { !pending.isEmpty }

    /// The keys the bytes complete; an unfinished sequence or character waits for more.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        return decode(final: false)
    }

    /// No more bytes came within the escape delay: a lone ESC is Esc; a cut sequence is dropped.
    public mutating func flush() -> [Key] {
        decode(final: true)
    }

    /// All of `bytes` at once, as if nothing followed them: for tests.
    public static func keys(_ bytes: [UInt8], terminfo: [[UInt8]: Key] = [:]) -> [Key] {
        var decoder = KeyDecoder(terminfo: terminfo)
        return decoder.feed(bytes) + decoder.flush()
    }

    private mutating func decode(final: Bool) -> [Key] {
        var keys: [Key] = []
        var at = 0
        while at < pending.count {
            if pasting {
                guard let end = pasteText(from: at, final: final, into: &keys) else { break }
                at = end
                continue
            }
            guard let (length, key) = next(at, final: final) else { break }
            if let key { keys.append(key) }
            at += length
        }
        pending.removeFirst(at)
        return keys
    }

    /// The length of the key or sequence at `at` and its key (nil: dropped); nil when more bytes are needed.
    private mutating func next(_ at: Int, final: Bool) -> (Int, Key?)? {
        let byte = pending[at]
        if byte == Self.esc { return escape(at, final: final) }
        if byte < 0x80 { return (1, Self.control(byte) ?? (byte >= 0x20 ? .character(Character(Unicode.Scalar(byte))) : nil)) }
        return character(at, final: final).map { ($0.length, $0.character.map(Key.character)) }
    }

    private static func control(_ byte: UInt8) -> Key? {
        switch byte {
        case 3: .ctrlC
        case 0x0E: .ctrlN
        case 0x10: .ctrlP
        case 9: .tab
        case 10, 13: .enter
        case 8, 0x7F: .backspace
        default: nil
        }
    }

    /// ESC and what follows it: a sequence, Esc itself, or Alt plus a key (dropped).
    private mutating func escape(_ at: Int, final: Bool) -> (Int, Key?)? {
        let rest = pending.count - at - 1
        guard rest > 0 else { return final ? (1, .escape) : nil }
        let second = pending[at + 1]
        if second == Self.esc { return (1, .escape) }
        guard second == UInt8(ascii: "[") || second == UInt8(ascii: "O") else {
            // Alt plus a key: the key's bytes go with the ESC.
            guard let (length, _) = next(at + 1, final: final) else { return nil }
            return (1 + length, nil)
        }
        guard let length = Self.sequenceLength(pending[(at + 1)...]) else {
            if final || rest >= Self.longest { return (1 + rest, nil) }
            return nil
        }
        let sequence = Array(pending[(at + 1)..<(at + 1 + length)])
        if sequence == Array("[200~".utf8) {
            pasting = true
            return (1 + length, nil)
        }
        return (1 + length, table[sequence])
    }

    /// The length of a CSI (`[` parameters final) or SS3 (`O` parameters final) sequence
    /// after ESC, or nil while it is unfinished. rxvt's `$` ends one; the linux console's
    /// function keys are `[[` and a letter. A byte no sequence holds ends it there.
    private static func sequenceLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        let start = bytes.startIndex
        if bytes.count >= 2, bytes[start] == UInt8(ascii: "["), bytes[start + 1] == UInt8(ascii: "[") {
            return bytes.count >= 3 ? 3 : nil
        }
        for index in bytes.indices.dropFirst() {
            let byte = bytes[index]
            switch byte {
            case 0x30...0x3F: continue  // parameters
            case UInt8(ascii: "$"), 0x40...0x7E: return index - start + 1
            case 0x20...0x2F: continue  // intermediates
            default: return index - start  // not part of a sequence: the sequence ends before it
            }
        }
        return nil
    }

    /// One UTF-8 character at `at`: its length and the character (nil: invalid, dropped), or nil while cut.
    private func character(_ at: Int, final: Bool) -> (length: Int, character: Character?)? {
        let lead = pending[at]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        let continuation = pending[(at + 1)..<min(pending.count, at + length)]
        if length == 1 || continuation.contains(where: { $0 & 0xC0 != 0x80 }) { return (1, nil) }
        guard at + length <= pending.count else { return final ? (1, nil) : nil }
        var decoded = String(decoding: pending[at..<(at + length)], as: UTF8.self)
        if decoded.unicodeScalars.contains("\u{FFFD}") { return (1, nil) }
        decoded = String(decoded.prefix(1))
        return (length, decoded.first)
    }

    /// Pasted bytes from `at` up to the paste's end, as typed characters: line breaks and tabs
    /// as spaces (a pasted line ending never presses Enter), other control bytes dropped.
    /// Returns where decoding goes on, or nil while the rest may be the start of the end marker.
    private mutating func pasteText(from at: Int, final: Bool, into keys: inout [Key]) -> Int? {
        var index = at
        while index < pending.count {
            let byte = pending[index]
            if byte == Self.esc {
                let available = pending[index...].prefix(Self.pasteEnd.count)
                if Array(available) == Self.pasteEnd {
                    pasting = false
                    return index + Self.pasteEnd.count
                }
                if !final && Self.pasteEnd.starts(with: available) { return index == at ? nil : index }
                index += 1
                continue
            }
            if byte < 0x80 {
                if byte == 13, index + 1 < pending.count, pending[index + 1] == 10 { index += 1 }
                if [9, 10, 13].contains(byte) { keys.append(.character(" ")) }
                else if byte >= 0x20 && byte != 0x7F { keys.append(.character(Character(Unicode.Scalar(byte)))) }
                index += 1
                continue
            }
            guard let (length, character) = character(index, final: final) else { return index == at ? nil : index }
            if let character { keys.append(.character(character)) }
            index += length
        }
        return index
    }
}
