import Foundation
import TestSupport
import XCTest

/// What the operator puts in an output folder survives a plain re-run, which refuses (exit 73);
/// --force replaces it and says what it replaced.
final class OutputFolderRerunTests: XCTestCase {
    private var work: URL!
    private var out: URL { work.appendingPathComponent("out") }

    override func setUpWithError() throws {
        work = try temporaryFolder("rerun")
        try vpcpipe(["--example"]).stdout.write(to: work.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    private func write(force: Bool = false) throws -> Finished {
        try vpcpipe(["--headless", work.appendingPathComponent("answers.yaml").path, "--out", out.path] + (force ? ["--force"] : []))
    }

    func testASymlinkAnEmptyFolderAndAFolderOfFoldersEachSurviveAPlainRerun() throws {
        let fm = FileManager.default
        let additions: [(name: String, listed: String, add: (URL) throws -> Void)] = [
            ("link", "link", { try fm.createSymbolicLink(at: $0, withDestinationURL: self.work.appendingPathComponent("answers.yaml")) }),
            ("empty", "empty/", { try fm.createDirectory(at: $0, withIntermediateDirectories: false) }),
            ("nest", "nest/", { try fm.createDirectory(at: $0.appendingPathComponent("a/b"), withIntermediateDirectories: true) }),
        ]
        for addition in additions {
            try? fm.removeItem(at: out)
            XCTAssertEqual(try write().status, 0)
            let added = out.appendingPathComponent(addition.name)
            try addition.add(added)
            let refused = try write()
            XCTAssertEqual(refused.status, 73, "\(addition.name): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains(addition.listed), refused.stderr)
            XCTAssertNotNil(try? fm.attributesOfItem(atPath: added.path), "\(addition.name) was removed")
            let forced = try write(force: true)
            XCTAssertEqual(forced.status, 0, forced.stderr)
            XCTAssertEqual(forced.stderr, "vpcpipe: --force replaced in \(out.path) what vpcpipe did not write or that was edited: \(addition.listed)\n")
            XCTAssertNil(try? fm.attributesOfItem(atPath: added.path), "\(addition.name) was not replaced")
        }
        XCTAssertTrue(fm.fileExists(atPath: work.appendingPathComponent("answers.yaml").path), "a symlink's target is not the folder's")
    }

    func testForceOnItsOwnFolderSaysNothing() throws {
        XCTAssertEqual(try write().status, 0)
        let forced = try write(force: true)
        XCTAssertEqual(forced.status, 0)
        XCTAssertEqual(forced.stderr, "")
    }
}
