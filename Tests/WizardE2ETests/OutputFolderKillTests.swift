import Foundation
import TestSupport
import XCTest

/// kill -9 of `vpcpipe --headless` while it replaces an output folder: afterwards the folder is
/// the old rendering or the new one, file for file, never a mix; the next run is not refused,
/// and it removes the staging folder the killed run left beside the output folder.
final class OutputFolderKillTests: XCTestCase {
    static let kills = 60

    private var work: URL!
    private var binary = ""

    override func setUpWithError() throws {
        binary = try vpcpipeBinary()
        work = try temporaryFolder("kill")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: work)
    }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    /// Runs vpcpipe to its end; returns its exit status and output.
    private func vpcpipe(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try runProgram(binary, arguments)
        return (result.status, result.stdout + result.stderr)
    }

    /// A large plan, so that writing takes as long as it can: 16 subnets and route tables (the
    /// most the rules take), 49 long tags (likewise), all in every resource's commands.
    private func largeAnswers(name: String, seed: Int) throws -> String {
        let example = try vpcpipe(["--example"])
        XCTAssertEqual(example.status, 0)
        let ids = { (prefix: String) in (0..<16).map { "    - \(prefix)-\(String(format: "%017x", seed * 1000 + $0))\n" }.joined() }
        let tags = (0..<49).map { "  team-\(seed)-\($0): \"\(String(repeating: "value ", count: 30))\($0)\"\n" }.joined()
        var text = example.output.replacingOccurrences(of: "tags: {}\n", with: "tags:\n" + tags)
            .replacingOccurrences(of: "name: Private\n", with: "name: \(name)\n")
        for (key, prefix) in [("subnets", "subnet"), ("route_tables", "rtb")] {
            let list = try XCTUnwrap(text.range(of: "  \(key):\n(    - .*\n)+", options: .regularExpression))
            text.replaceSubrange(list, with: "  \(key):\n" + ids(prefix))
        }
        return text
    }

    private func staging() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".out.vpcpipe-") }
    }

    func testKillNineLeavesTheOldFolderOrTheNewOneAndTheNextRunCleansUp() throws {
        let seed = testSeed(default: 0x0000_6B11)
        var random = SplitMix64(seed: seed)

        try largeAnswers(name: "Old", seed: 1).write(toFile: path("old.yaml"), atomically: true, encoding: .utf8)
        try largeAnswers(name: "New", seed: 2).write(toFile: path("new.yaml"), atomically: true, encoding: .utf8)
        for which in ["old", "new"] {
            let run = try vpcpipe(["--headless", path("\(which).yaml"), "--out", path("reference-\(which)")])
            XCTAssertEqual(run.status, 0, run.output)
        }
        let old = tree(work.appendingPathComponent("reference-old"))
        let new = tree(work.appendingPathComponent("reference-new"))
        XCTAssertNotEqual(old, new)

        // How long a whole run takes here, so that the kills spread over all of it.
        let started = Date()
        XCTAssertEqual(try vpcpipe(["--headless", path("new.yaml"), "--out", path("timed")]).status, 0)
        let runTime = Date().timeIntervalSince(started)

        let out = work.appendingPathComponent("out")
        var midWrite = 0, swapped = 0
        for kill in 0..<Self.kills {
            // The old folder, written by a run that must not be refused by what the last kill
            // left, and that removes the killed run's staging folder.
            let reset = try vpcpipe(["--headless", path("old.yaml"), "--out", out.path])
            XCTAssertEqual(reset.status, 0, "after kill \(kill - 1), seed \(seed): \(reset.output)")
            XCTAssertEqual(try staging(), [], "a stale staging folder survived the next run (seed \(seed))")
            XCTAssertTrue(tree(out) == old, "kill \(kill), seed \(seed): the reset run did not write the old folder")

            let child = try Child([binary, "--headless", path("new.yaml"), "--out", out.path], output: work.appendingPathComponent("killed.log"))
            if kill % 2 == 0 {
                // Anywhere in the run: mostly before writing, which must leave the old folder.
                usleep(useconds_t(Double.random(in: 0..<1, using: &random) * runTime * 1_000_000))
            } else {
                // Aimed at the write: once the staging folder shows, within a few milliseconds.
                while try staging().isEmpty && child.isRunning { usleep(100) }
                usleep(useconds_t(Double.random(in: 0..<1, using: &random) * 3_000))
            }
            child.signal(SIGKILL)
            child.wait()

            let left = tree(out)
            XCTAssertTrue(left == old || left == new, "kill \(kill), seed \(seed): the folder is neither the old nor the new one")
            if try !staging().isEmpty { midWrite += 1 }
            if left == new { swapped += 1 }
        }
        XCTAssertEqual(try vpcpipe(["--headless", path("new.yaml"), "--out", out.path]).status, 0)
        XCTAssertEqual(try staging(), [])
        XCTAssertTrue(tree(out) == new)
        print("kill -9: \(Self.kills) kills of a \(Int(runTime * 1000)) ms run; \(midWrite) landed mid-write (staging folder present), "
              + "\(swapped) after the swap (new folder), \(Self.kills - swapped) before it (old folder)")
    }
}
