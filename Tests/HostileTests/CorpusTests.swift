import Foundation
import TestSupport
import XCTest
@testable import Planner

/// Invalid and hostile answers files through the real binary: each gives exit 1 within a second,
/// names its keys at their positions, writes nothing and never crashes.
final class CorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Corpus/*: a YAML file states its errors in leading `# expect: LINE:COLUMN PATH` lines; a file
    /// that cannot hold a comment (JSON) has them in NAME.expect, one a line.
    func testCommittedCorpusIsRefused() throws {
        let binary = try vpcpipeBinary()
        let folder = try temporaryFolder("corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
            .filter { !$0.hasSuffix(".expect") }.sorted()
        var refused = 0
        for name in names {
            let contents = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
            let expected = try Self.expectations(of: name, contents)
            XCTAssertFalse(expected.isEmpty, "\(name) states no expected error")
            if try assertRefused(HostileFile(name: name, contents: contents, expected: expected), binary: binary, in: folder) {
                refused += 1
            }
        }
        XCTAssertGreaterThanOrEqual(names.count, 60)
        print("hostile corpus: \(refused) of \(names.count) committed files refused correctly")
    }

    /// Empty files, random bytes (seeded), deep nesting and 1 MB values, made here rather than committed.
    func testGeneratedHostileFilesAreRefused() throws {
        let binary = try vpcpipeBinary()
        let folder = try temporaryFolder("generated")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = Self.emptyFiles() + Self.randomFiles(seed: testSeed(default: 0x5EED_0001)) + Self.deepFiles() + Self.longValueFiles()
            + Self.crowdedFiles()
        let refused = try files.filter { try assertRefused($0, binary: binary, in: folder) }.count
        print("hostile generated files: \(refused) of \(files.count) refused correctly")
    }

    /// A value carrying shell metacharacters in every scalar of the answers file, one file each.
    func testShellMetacharactersInEveryValueAreRefused() throws {
        let binary = try vpcpipeBinary()
        let folder = try temporaryFolder("metacharacters")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = #"x; touch /tmp/vpcpipe-hostile $(id) `id` 'q' "d" * ? ~ |&<>{a,b}"#
        let files = ValueSlots.all.map { slot in
            let (text, expected) = slot.replaced(with: hostile)
            return HostileFile(name: "metacharacters-\(slot.label).yaml", contents: Data(text.utf8), expected: [expected])
        }
        let refused = try files.filter { try assertRefused($0, binary: binary, in: folder) }.count
        XCTAssertGreaterThanOrEqual(files.count, 30)
        print("hostile metacharacter files: \(refused) of \(files.count) refused correctly")
    }

    /// A newline, tab, NUL or line separator in any value is refused at that value, in-process
    /// (the binary reads the same AnswersFile.read; the metacharacter test above covers the binary).
    func testControlCharactersInEveryValueAreRefusedInPlace() {
        for control in ["a\nb", "a\tb", "a\0b", "a\u{2028}b", "a\u{85}b"] {
            for slot in ValueSlots.all {
                let (text, expected) = slot.replaced(with: control)
                let errors = AnswersFile.read(text).diagnostics.errors
                XCTAssertEqual(errors.map { ExpectedError($0.path, line: $0.line, column: $0.column) }, [expected],
                               "\(slot.label) with \(control.debugDescription)")
            }
        }
    }

    // MARK: Generated files

    static func emptyFiles() -> [HostileFile] {
        [("empty", ""), ("blank-lines", "\n\n   \n"), ("comment-only", "# version: 1\n")].map {
            HostileFile(name: "\($0.0).yaml", contents: Data($0.1.utf8), expected: [ExpectedError("document", line: 1, column: 1)])
        }
    }

    /// Random bytes from a seed (named in the files' names): whatever libyaml makes of them is a
    /// problem of the document.
    static func randomFiles(seed: UInt64) -> [HostileFile] {
        var random = SplitMix64(seed: seed)
        return (0..<5).map { index in
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
            return HostileFile(name: "random-\(seed)-\(index).yaml", contents: Data(bytes), expected: [ExpectedError("document")])
        }
    }

    /// Nesting deeper than libyaml allows, as lists and as mappings.
    static func deepFiles() -> [HostileFile] {
        [("deep-lists", String(repeating: "[", count: 100_000)), ("deep-mappings", String(repeating: "{a: ", count: 100_000))].map {
            HostileFile(name: "\($0.0).yaml", contents: Data($0.1.utf8), expected: [ExpectedError("document")])
        }
    }

    static let megabyte = 1 << 20

    /// Values of a megabyte: where the reader, the rules and the key suggestions must stay linear.
    static func longValueFiles() -> [HostileFile] {
        let long = String(repeating: "a", count: megabyte)
        let core = "version: 1\nregion: us-west-2\n"
            + "network:\n  vpc: vpc-0123456789abcdef0\n  subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]\n"
            + "  route_tables: [rtb-0123456789abcdef0]\n"
        var files = ValueSlots.all.filter { ["region", "source.branch", "tags.Team", "network.subnets[0]", "build.role"].contains($0.path) }
            .map { slot in
                let (text, expected) = slot.replaced(with: long + ";")
                return HostileFile(name: "long-\(slot.label).yaml", contents: Data(text.utf8), expected: [expected])
            }
        // The name's defaults follow into the repository, domain, project and pipeline names
        // (the first three refuse a leading -): their errors stand at the name.
        let derived = ["build.project", "codeartifact.domain", "codeartifact.repository", "pipeline.name", "source.repository"]
        files.append(HostileFile(name: "long-name.yaml", contents: Data((core + "name: \(long)\n").utf8),
                                 expected: [ExpectedError("name", line: 7, column: 7)] + derived.map { ExpectedError($0, line: 7, column: 7) }))
        // Keys longer than YAML's 1024-character simple keys, written as explicit keys; messages
        // show them cut short.
        let shown = { (count: Int) in String(repeating: "a", count: 118) + "... (\(count) characters)" }
        files.append(HostileFile(name: "long-unknown-key.yaml", contents: Data((core + "? \(long)\n: 1\n").utf8),
                                 expected: [ExpectedError(shown(megabyte), line: 7, column: 3)]))
        files.append(HostileFile(name: "long-nested-unknown-key.yaml", contents: Data((core + "build:\n  ? \(long)\n  : 1\n").utf8),
                                 expected: [ExpectedError("build." + shown(megabyte), line: 8, column: 5)]))
        files.append(HostileFile(name: "long-tag-key.yaml", contents: Data((core + "tags:\n  ? \(long);\n  : x\n").utf8),
                                 expected: [ExpectedError("tags." + shown(megabyte + 1), line: 8, column: 5)]))
        files.append(HostileFile(name: "long-comment.yaml", contents: Data(("#" + long + "\n" + core + "name: -x\n").utf8),
                                 expected: [ExpectedError("name", line: 8, column: 7)]
                                     + derived.prefix(3).map { ExpectedError($0, line: 8, column: 7) }))
        return files
    }

    /// Thousands of entries: where a cost per problem (suggestions, passes over duplicated keys,
    /// rules per tag or subnet) would add up.
    static func crowdedFiles() -> [HostileFile] {
        let count = 5000
        let head = "version: 1\nregion: us-west-2\n"
        let network = "network:\n  vpc: vpc-0123456789abcdef0\n  subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]\n"
            + "  route_tables: [rtb-0123456789abcdef0]\n"
        let file = { (name: String, text: String, expected: [ExpectedError]) in
            HostileFile(name: name, contents: Data(text.utf8), expected: expected)
        }
        return [
            file("crowded-unknown-keys.yaml", head + network + (0..<count).map { "k\($0): 1\n" }.joined(),
                 (0..<count).map { ExpectedError("k\($0)", line: 7 + $0, column: 1) }),
            file("crowded-duplicated-tags.yaml", head + network + "tags:\n" + (0..<count).map { "  Team: v\($0)\n" }.joined(),
                 [ExpectedError("document")]),
            file("crowded-tags.yaml", head + network + "tags:\n" + (0..<count).map { "  Team\($0): v\n" }.joined(),
                 [ExpectedError("tags", line: 8, column: 3)]),
            file("crowded-subnets.yaml", head + "network:\n  vpc: vpc-0123456789abcdef0\n  route_tables: [rtb-0123456789abcdef0]\n"
                 + "  subnets:\n" + (0..<count).map { "    - subnet-\(String(format: "%08x", $0))\n" }.joined(),
                 [ExpectedError("network.subnets", line: 7, column: 5)]),
        ]
    }

    // MARK: Expectations

    static func expectations(of name: String, _ contents: Data) throws -> [ExpectedError] {
        let sidecar = corpus.appendingPathComponent(name + ".expect")
        if FileManager.default.fileExists(atPath: sidecar.path) {
            return try String(contentsOf: sidecar, encoding: .utf8).split(separator: "\n").map(ExpectedError.init)
        }
        let text = String(decoding: contents, as: UTF8.self).drop { $0 == "\u{FEFF}" }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .prefix { $0.hasPrefix("# expect: ") }
            .map { ExpectedError($0.dropFirst("# expect: ".count).trimmingCharacters(in: .whitespaces)[...]) }
    }
}
