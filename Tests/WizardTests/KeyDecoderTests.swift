import TestSupport
import XCTest
@testable import Wizard

/// The terminal's bytes to keys, as the clients send them, whatever TERM says.
final class KeyDecoderTests: XCTestCase {
    private func keys(_ text: String, terminfo: [[UInt8]: Key] = [:]) -> [Key] {
        KeyDecoder.keys(Array(text.utf8), terminfo: terminfo)
    }

    func testTheCommonClientsSequencesAreTheirKeys() {
        let sequences: [(String, Key)] = [
            // xterm and PuTTY, normal and application cursor modes.
            ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[C", .right), ("\u{1B}OD", .left),
            ("\u{1B}[H", .home), ("\u{1B}OF", .end), ("\u{1B}[Z", .backTab),
            // VT220 editing keys (PuTTY's default), rxvt's Home and End.
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp),
            ("\u{1B}[6~", .pageDown), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
            // F1: PuTTY and rxvt, xterm, the linux console; F10.
            ("\u{1B}[11~", .f1), ("\u{1B}OP", .f1), ("\u{1B}[[A", .f1), ("\u{1B}[21~", .f10),
            // Modified: Ctrl-Right, Shift-End, Ctrl-Delete.
            ("\u{1B}[1;5C", .right), ("\u{1B}[1;2F", .end), ("\u{1B}[3;5~", .delete),
            ("\u{1B}OM", .enter),
        ]
        for (sequence, key) in sequences {
            XCTAssertEqual(keys(sequence), [key], sequence.debugDescription)
        }
    }

    func testSequencesMeaningNothingHereOrUnknownAreDroppedWhole() {
        let dropped = [
            "\u{1B}[12~", "\u{1B}[13~", "\u{1B}[14~", "\u{1B}[15~", "\u{1B}[17~", "\u{1B}[24~",  // F2..F5, F6, F12
            "\u{1B}OQ", "\u{1B}OR", "\u{1B}OS",  // xterm F2..F4
            "\u{1B}[[B", "\u{1B}[[C", "\u{1B}[[D", "\u{1B}[[E",  // linux console F2..F5
            "\u{1B}[2~", "\u{1B}[2$", "\u{1B}[11^", "\u{1B}Oa", "\u{1B}[a",  // Insert, rxvt's modified keys
            "\u{1B}[E", "\u{1B}[G", "\u{1B}[99;9x", "\u{1B}[?1;2c", "\u{1B}[<0;1;2M",  // keypad 5, replies, mouse
            "\u{1B}x", "\u{1B}é",  // Alt and a key
        ]
        for sequence in dropped {
            XCTAssertEqual(keys(sequence), [], sequence.debugDescription)
            XCTAssertEqual(keys("a" + sequence + "b"), [.character("a"), .character("b")], sequence.debugDescription)
        }
    }

    func testALoneEscIsEscOnlyWhenNothingFollowsInTime() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed([0x1B]), [])
        XCTAssertTrue(decoder.isWaiting)
        XCTAssertEqual(decoder.flush(), [.escape])
        XCTAssertEqual(keys("\u{1B}\u{1B}"), [.escape, .escape])
        // A sequence cut at the escape delay is dropped, never typed.
        XCTAssertEqual(keys("\u{1B}[1"), [])
        XCTAssertEqual(keys("\u{1B}[[") + keys("\u{1B}O"), [])
    }

    func testASequenceSplitAcrossReadsIsOneKey() {
        var decoder = KeyDecoder()
        var got: [Key] = []
        for byte in Array("\u{1B}[11~x\u{1B}[4~".utf8) { got += decoder.feed([byte]) }
        XCTAssertEqual(got + decoder.flush(), [.f1, .character("x"), .end])
    }

    func testTheTerminfoDescriptionsSequencesWin() {
        XCTAssertEqual(keys("\u{1B}[Q", terminfo: [Array("\u{1B}[Q".utf8): .f10]), [.f10])
        XCTAssertEqual(keys("\u{1B}[11~", terminfo: [Array("\u{1B}[11~".utf8): .f10]), [.f10])
        XCTAssertEqual(keys("\u{1B}[Q"), [])
    }

    func testControlKeysAndText() {
        XCTAssertEqual(keys("\u{3}\t\r\n\u{7F}\u{8}\u{1}\u{E}\u{10}"), [.ctrlC, .tab, .enter, .enter, .backspace, .backspace, .ctrlN, .ctrlP])
        XCTAssertEqual(keys("aé日🙂"), ["a", "é", "日", "🙂"].map { .character(Character($0)) })
        var decoder = KeyDecoder()
        let bytes = Array("日".utf8)
        XCTAssertEqual(decoder.feed(Array(bytes.prefix(2))), [], "half a character waits for the rest")
        XCTAssertEqual(decoder.feed(Array(bytes.dropFirst(2))), [.character("日")])
        XCTAssertEqual(KeyDecoder.keys([0xFF, 0x80, 0x41]), [.character("A")], "invalid UTF-8 is dropped")
    }

    func testBracketedPasteIsTextNeverKeys() {
        let pasted = keys("\u{1B}[200~subnet-1\r\nsubnet-2\t\u{1B}[A\u{3}q\u{1B}[201~\r")
        XCTAssertEqual(pasted, Array("subnet-1 subnet-2 [Aq").map(Key.character) + [.enter],
                       "line ends and tabs are spaces, control bytes and sequences are not keys; after the paste, keys again")
        var decoder = KeyDecoder()
        var got: [Key] = []
        for byte in Array("\u{1B}[200~日x\u{1B}[201~\u{1B}[3~".utf8) { got += decoder.feed([byte]) }
        XCTAssertEqual(got + decoder.flush(), [.character("日"), .character("x"), .delete])
    }

    /// Random bytes never crash the decoder, and every printable ASCII byte outside escape
    /// sequences is typed as itself.
    func testRandomBytesDecodeWithoutCrashing() {
        let seed = testSeed(default: 0x6B3D_1A2C)
        var random = SplitMix64(seed: seed)
        let alphabet: [UInt8] = [0x1B, 0x5B, 0x4F, 0x7E, 0x3B, 0x31, 0x32, 0x7F, 0x0D, 0x61, 0xE6, 0x97, 0xA5]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 1...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            var decoder = KeyDecoder()
            var whole: [Key] = []
            for chunk in stride(from: 0, to: bytes.count, by: 3) {
                whole += decoder.feed(Array(bytes[chunk..<min(bytes.count, chunk + 3)]))
            }
            whole += decoder.flush()
            XCTAssertFalse(decoder.isWaiting, "seed \(seed): \(bytes) left bytes waiting")
            if !bytes.contains(0x1B) {
                XCTAssertEqual(whole.filter { if case .character(let c) = $0 { c.isASCII } else { false } }.count,
                               bytes.filter { (0x20..<0x7F).contains($0) }.count, "seed \(seed): \(bytes)")
            }
        }
    }
}
