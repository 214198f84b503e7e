import Foundation
import TestSupport
import XCTest

/// The line mode through a pseudo-terminal (python3's pty), as a screen reader's user types:
/// TERM unset chooses it. The article's answers (every default, the network's ids typed) write
/// the folder --headless writes from the article's answers.yaml; on the way, help, an invalid
/// answer asked again, and going back.
final class PlainInPtyTests: XCTestCase {
    /// Reads the child's output until each step's text, then types its line (none: only waits).
    /// Prints the whole transcript; exits 3 when a text does not come within 20 s.
    private static let driver = #"""
    import json, os, pty, select, sys, time
    binary, folder, steps = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    env = {k: v for k, v in os.environ.items() if k not in ("TERM", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"  # English, whatever the machine's locale
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(folder)
        os.execve(binary, [binary, "--offline"], env)
    out, seen = b"", 0
    def more(timeout):
        global out
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        out += chunk
        return bool(chunk)
    for expect, line in steps:
        deadline = time.time() + 20
        while out.find(expect.encode(), seen) < 0:
            if time.time() > deadline or not more(deadline - time.time()):
                sys.stdout.write(out.decode(errors="replace") + "\n[NOT SHOWN: %s]\n" % expect)
                sys.exit(3)
        seen = out.find(expect.encode(), seen) + len(expect)
        if line is not None:
            os.write(fd, (line + "\r").encode())
    while more(20):
        pass
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode(errors="replace"))
    sys.exit(os.waitstatus_to_exitcode(status))
    """#

    func testTheArticlesAnswersWriteWhatHeadlessWritesWithHelpARetryAndGoingBack() throws {
        let folder = try temporaryFolder("plain")
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try vpcpipeBinary()
        let keep = ""  // Enter: the value in brackets
        let steps: [(String, String?)] = [
            ("Region [us-west-2]: ", "?"), ("The console's region selector", nil), ("Region [us-west-2]: ", keep),
            ("AWS CLI profile [", keep), ("Name [Private]: ", keep), ("Tags (Key=Value, comma between) [", keep),
            ("Language [English]: ", keep),
            // Going back: < on the branch asks the repository again.
            ("Repository [Private]: ", keep), ("Branch [main]: ", "<"), ("Repository [Private]: ", keep), ("Branch [main]: ", keep),
            ("1. create new", nil), ("New or existing [create new]: ", keep), ("Sample app [", keep),
            ("Domain [private]: ", keep), ("Domain owner [", keep), ("Repository [Private]: ", keep),
            ("Package format [npm]: ", keep), ("Upstream repository [npm-store]: ", keep), ("Public connection [public:npmjs]: ", keep),
            ("Project name [Private]: ", keep), ("Image [", keep), ("Runtime [nodejs:20]: ", keep), ("Build tool [", keep), ("Compute [", keep),
            ("Privileged [not privileged]: ", keep),
            // An answer the rules refuse is said, and asked again.
            ("Timeout (minutes) [60]: ", "3"), ("error: 3 is out of range", nil), ("Timeout (minutes) [3]: ", "60"),
            ("Buildspec [buildspec.yml]: ", keep), ("Service role [new]: ", keep), ("Logs [cloudwatch]: ", keep),
            ("Pipeline name [Private]: ", keep),
            // A number that is no choice.
            ("Type [V2]: ", "9"), ("error: 9 is not one of the choices", nil), ("Type [V2]: ", "2"),
            ("Artifact bucket [", keep), ("Service role [new]: ", keep), ("Trigger [events]: ", keep),
            // A required answer left blank is asked again.
            ("VPC id [", keep), ("error: required (your VPC's id", nil), ("VPC id [", "vpc-0123456789abcdef0"), ("Subnets (ids, space between) [", "subnet-0123456789abcdef0 subnet-0fedcba9876543210"),
            ("Route tables (ids, space between) [", "rtb-0123456789abcdef0"), ("Security group [create]: ", keep),
            ("Endpoints (", keep), ("Private DNS [", keep), ("Endpoint policies [account]: ", keep), ("Scope [resources]: ", keep),
            ("No errors or warnings.", nil), ("Enter goes on to export", keep),
            ("Output folder [vpcpipe-out]: ", "plain-out"), ("Next: bash plain-out/setup.sh", nil),
        ]
        let json = try JSONSerialization.data(withJSONObject: steps.map { [$0.0, $0.1 as Any? ?? NSNull()] })
        let run = try runProgram("python3", ["-c", Self.driver, binary, folder.path, String(decoding: json, as: UTF8.self)], limit: 300)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertFalse(run.stdout.contains("\u{1B}"), "no terminal control: lines only\n\(run.stdout)")

        try Article.text.write(to: folder.appendingPathComponent("article.yaml"), atomically: true, encoding: .utf8)
        let headless = try runProgram(binary, ["--headless", "article.yaml", "--out", "headless-out"], in: folder)
        XCTAssertEqual(headless.status, 0, headless.stderr)
        assertSameFolder(folder.appendingPathComponent("plain-out"), folder.appendingPathComponent("headless-out"))
    }
}
