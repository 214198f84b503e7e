import Export
import Foundation
import Planner
import TestSupport
import XCTest

final class OutputFolderTests: XCTestCase {
    private var parent: URL!
    private var folder: String { parent.appendingPathComponent("out").path }

    override func setUpWithError() throws {
        parent = try temporaryFolder("export")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: parent)
    }

    private let first = [
        RenderedFile(path: "setup.sh", contents: "echo one\n", executable: true),
        RenderedFile(path: "policies/trust.json", contents: "{}\n"),
    ]
    private let second = [
        RenderedFile(path: "setup.sh", contents: "echo two\n", executable: true),
        RenderedFile(path: "repo/index.js", contents: "console.log(7)\n"),
    ]

    private func read(_ relative: String) -> String? {
        try? String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
    }

    /// Everything in the parent folder except the output folder itself: staging leftovers.
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "out" }
    }

    func testWritesEveryFileWithModesAndLeavesNothingBeside() throws {
        try OutputFolder.write(first, to: folder, force: false)
        XCTAssertEqual(read("setup.sh"), "echo one\n")
        XCTAssertEqual(read("policies/trust.json"), "{}\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/setup.sh")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o755)
        XCTAssertEqual(try leftovers(), [])
    }

    func testReplacesItsOwnUneditedFolderWhole() throws {
        try OutputFolder.write(first, to: folder, force: false)
        try OutputFolder.write(second, to: folder, force: false)
        XCTAssertEqual(read("setup.sh"), "echo two\n")
        XCTAssertEqual(read("repo/index.js"), "console.log(7)\n")
        XCTAssertNil(read("policies/trust.json"), "a file of the old plan must not linger")
        XCTAssertEqual(try leftovers(), [])
    }

    func testRefusesEditedFileAndChangesNothing() throws {
        try OutputFolder.write(first, to: folder, force: false)
        try "echo edited\n".write(toFile: folder + "/setup.sh", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OutputFolder.write(second, to: folder, force: false)) { error in
            XCTAssertTrue("\(error)".contains("setup.sh"), "\(error)")
            XCTAssertTrue("\(error)".contains("--force"), "\(error)")
        }
        XCTAssertEqual(read("setup.sh"), "echo edited\n")
        XCTAssertEqual(try leftovers(), [])
    }

    func testRefusesFolderWithForeignFiles() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "mine\n".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OutputFolder.write(first, to: folder, force: false)) { error in
            XCTAssertTrue("\(error)".contains("notes.txt"), "\(error)")
        }
        XCTAssertEqual(read("notes.txt"), "mine\n")
        XCTAssertNil(read("setup.sh"))
    }

    func testForceReplacesForeignFolder() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "mine\n".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(try OutputFolder.write(first, to: folder, force: true), ["notes.txt"])
        XCTAssertEqual(read("setup.sh"), "echo one\n")
        XCTAssertNil(read("notes.txt"))
    }

    /// What the operator adds is foreign whatever it is: a symlink (even named as vpcpipe's
    /// own file, or pointing to a folder), an empty folder, a folder of folders. Each is kept by
    /// a plain run and listed; --force replaces it and says so, leaving what a symlink points to.
    func testAddedSymlinksAndFoldersAreForeign() throws {
        let outside = parent.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "theirs\n".write(to: outside.appendingPathComponent("kept.txt"), atomically: true, encoding: .utf8)
        let additions: [(made: String, listed: String, add: () throws -> Void)] = [
            ("link", "link", { try FileManager.default.createSymbolicLink(atPath: self.folder + "/link", withDestinationPath: outside.path) }),
            ("setup.sh", "setup.sh", {
                try FileManager.default.removeItem(atPath: self.folder + "/setup.sh")
                try "echo one\n".write(to: outside.appendingPathComponent("setup.sh"), atomically: true, encoding: .utf8)
                try FileManager.default.createSymbolicLink(atPath: self.folder + "/setup.sh",
                                                           withDestinationPath: outside.appendingPathComponent("setup.sh").path)
            }),
            ("empty", "empty/", { try FileManager.default.createDirectory(atPath: self.folder + "/empty", withIntermediateDirectories: false) }),
            ("policies/empty", "policies/empty/", {
                try FileManager.default.createDirectory(atPath: self.folder + "/policies/empty", withIntermediateDirectories: false)
            }),
            ("nest", "nest/", { try FileManager.default.createDirectory(atPath: self.folder + "/nest/a/b", withIntermediateDirectories: true) }),
        ]
        for addition in additions {
            try? FileManager.default.removeItem(atPath: folder)
            try OutputFolder.write(first, to: folder, force: false)
            try addition.add()
            XCTAssertEqual(try OutputFolder.foreignEntries(in: URL(fileURLWithPath: folder)), [addition.listed])
            XCTAssertThrowsError(try OutputFolder.write(second, to: folder, force: false)) { error in
                XCTAssertTrue("\(error)".contains(addition.listed), "\(error)")
            }
            XCTAssertNotNil(try? FileManager.default.attributesOfItem(atPath: folder + "/" + addition.made), addition.made)
            XCTAssertEqual(try OutputFolder.write(second, to: folder, force: true), [addition.listed])
            XCTAssertEqual(try OutputFolder.foreignEntries(in: URL(fileURLWithPath: folder)), [], addition.made)
            XCTAssertEqual(read("setup.sh"), "echo two\n")
        }
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("kept.txt"), encoding: .utf8), "theirs\n")
        XCTAssertEqual(try leftovers().sorted(), ["outside"])
    }

    func testNotesWhatForceReplaced() {
        XCTAssertNil(OutputFolder.replacedNote([], in: "out", language: .en))
        XCTAssertEqual(OutputFolder.replacedNote(["empty/", "notes.txt"], in: "out", language: .en),
                       "vpcpipe: --force replaced in out what vpcpipe did not write or that was edited: empty/, notes.txt")
        XCTAssertEqual(OutputFolder.replacedNote(["empty/", "notes.txt"], in: "out", language: .ja),
                       "vpcpipe: --force により、out の vpcpipe が書いていないもの、または編集されたものを置き換えました: empty/, notes.txt")
    }

    func testEmptyExistingFolderIsWritten() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try OutputFolder.write(first, to: folder, force: false)
        XCTAssertEqual(read("setup.sh"), "echo one\n")
    }

    /// A run killed while writing leaves `.out.vpcpipe-PID-RANDOM`: the next run removes it once
    /// that process is gone, and keeps a live writer's and anything else.
    func testRemovesStagingFoldersOfWritersThatAreGone() throws {
        let gone = try finishedProcess()
        let names = [".out.vpcpipe-\(gone)-0badf00d", ".out.vpcpipe-\(getpid())-0000beef", ".out.vpcpipe-old", ".other.vpcpipe-\(gone)-1"]
        for name in names {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name + "/policies"), withIntermediateDirectories: true)
        }
        try OutputFolder.write(first, to: folder, force: false)
        XCTAssertEqual(try leftovers().sorted(), names.dropFirst().sorted())
    }

    /// The id of a process that has ended.
    private func finishedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testRefusesAPlainFileEvenWithForce() throws {
        try "x".write(toFile: folder, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OutputFolder.write(first, to: folder, force: true))
        XCTAssertEqual(try String(contentsOfFile: folder, encoding: .utf8), "x")
    }
}
