import Foundation
import TestSupport
import XCTest

/// The binary stands alone on Linux: ncursesw and tinfo are linked in, and only the terminfo
/// database is read at run time, by the wizard alone.
final class StandaloneBinaryTests: XCTestCase {
    func testNoNcursesOrTinfoAmongTheLibrariesItNeeds() throws {
        let dynamic = try runProgram("/usr/bin/readelf", ["-d", try vpcpipeBinary()])
        XCTAssertEqual(dynamic.status, 0, dynamic.stderr)
        let needed = dynamic.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        XCTAssertTrue(needed.contains { $0.contains("libc.so") }, dynamic.stdout)
        XCTAssertEqual(needed.filter { $0.contains("ncurses") || $0.contains("tinfo") }, [],
                       "linked to a shared ncurses; after changing Sources/CNcursesw, objects built before keep "
                       + "their link entries: touch Sources/Terminal/*.swift or build from clean")
    }

    /// ncurses reads its compiled-in terminfo folders whatever TERMINFO_DIRS says; the commands
    /// that need no terminal never read them.
    func testTheHeadlessCommandsIgnoreTheTerminal() throws {
        let plain = try vpcpipe(["--example"])
        let elsewhere = try vpcpipe(["--example"], environment: ["TERMINFO_DIRS": "/nonexistent", "TERM": "xterm"])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stderr)
        XCTAssertEqual(elsewhere.stdout, plain.stdout)
    }

    /// A root holding the binary and the libraries `ldd` lists, and nothing else (no ncurses, no
    /// terminfo): --example and --headless work; the wizard says it cannot start, then runs once
    /// one terminfo description is there.
    func testRunsInARootOfTheBinaryAndItsLibrariesOnly() throws {
        guard getuid() == 0 else { throw XCTSkip("chroot and a private mount of /proc need root") }
        let root = try temporaryFolder("root")
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try vpcpipeBinary()
        let libraries = try runProgram("/usr/bin/ldd", [binary]).stdout.split(separator: "\n")
            .compactMap { $0.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("/") }.map(String.init) }
        XCTAssertEqual(libraries.filter { $0.contains("ncurses") || $0.contains("tinfo") }, [])
        for path in libraries + [binary] {
            let copy = root.appendingPathComponent(path == binary ? "vpcpipe" : path)
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: path).resolvingSymlinksInPath(), to: copy)
        }
        // Swift reads the arguments from /proc/self/cmdline: a mount private to the run.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("proc"), withIntermediateDirectories: false)
        let environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "TERM": "xterm"]
        func inRoot(_ command: String, keys: String? = nil) throws -> Finished {
            let run = "unshare --mount --propagation private sh -c 'mount -t proc proc \(root.path)/proc && exec chroot \(root.path) \(command)'"
            return try keys.map { try inTerminal(run, keys: $0, environment: environment) }
                ?? runProgram("/bin/sh", ["-c", run], environment: environment)
        }

        let example = try inRoot("/vpcpipe --example")
        XCTAssertEqual(example.status, 0, example.stderr)
        XCTAssertEqual(example.stdout, try vpcpipe(["--example"]).stdout)
        try example.stdout.write(to: root.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        let headless = try inRoot("/vpcpipe --headless /answers.yaml --out /out")
        XCTAssertEqual(headless.status, 0, headless.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/setup.sh").path))

        let noTerminfo = try inRoot("/vpcpipe --out /wizard-out", keys: "")
        XCTAssertEqual(noTerminfo.status, 1, noTerminfo.stdout + noTerminfo.stderr)
        XCTAssertTrue(noTerminfo.stdout.contains("vpcpipe: the wizard cannot start: no terminfo description of TERM=xterm"),
                      noTerminfo.stdout)

        let terminfo = try XCTUnwrap(["/usr/share/terminfo/x/xterm", "/lib/terminfo/x/xterm", "/etc/terminfo/x/xterm"]
            .first { FileManager.default.fileExists(atPath: $0) }, "no xterm description on this machine")
        let copy = root.appendingPathComponent("usr/share/terminfo/x/xterm")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: terminfo, toPath: copy.path)
        // F10 asks before quitting; q quits without saving.
        let wizard = try inRoot("/vpcpipe --out /wizard-out", keys: "\\033[21~q")
        XCTAssertEqual(wizard.status, 130, wizard.stdout + wizard.stderr)
        XCTAssertTrue(wizard.stdout.contains("1/10"), "the wizard's first screen was not drawn")
    }
}
