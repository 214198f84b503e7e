import Foundation
import Planner
import TestSupport
import XCTest

/// Each format's sample app built here, its build phase run as the buildspec has it with the
/// rendered configuration, against a loopback CodeArtifact repository endpoint
/// (Tests/emulation/repository_endpoint.py) that demands the token and serves real packages.
/// Any other host is out of reach: the proxies point at a closed port. NuGet cannot be built
/// here (Debian packages no .NET SDK): PlannerTests.SampleAppTests checks its project files.
final class SampleBuildTests: XCTestCase {
    static let token = "sample-build-token"

    /// The repository endpoint, started for one test; its requests, "STATUS METHOD PATH".
    final class Endpoint {
        let child: Child
        let port: Int
        let log: URL
        init(_ folder: URL, _ options: [String]) throws {
            log = folder.appendingPathComponent("requests.log")
            let out = folder.appendingPathComponent("endpoint.out")
            let script = repositoryRoot.appendingPathComponent("Tests/emulation/repository_endpoint.py").path
            child = try Child(["python3", script, "--token", SampleBuildTests.token, "--log", log.path] + options, output: out)
            var port: Int?
            for _ in 0..<100 where port == nil {
                port = Int((try? String(contentsOf: out, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
                if port == nil { Thread.sleep(forTimeInterval: 0.1) }
            }
            self.port = try XCTUnwrap(port, "the repository endpoint did not start")
        }
        var requests: [String] { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
        func stop() { child.signal(SIGTERM); _ = child.wait(limit: 10) }
    }

    /// The sample's files in `folder`, and its build phase's commands.
    static func write(_ answers: Answers, in folder: URL) throws -> [String] {
        var build: [String] = []
        for file in SampleApp.files(answers) {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            if file.path == answers.build.buildspec {
                let phase = try XCTUnwrap(file.contents.components(separatedBy: "  build:\n    commands:\n").last)
                build = phase.split(separator: "\n").map { String($0.dropFirst("      - ".count)) }
            }
        }
        return build
    }

    /// Runs the build phase in `folder` with `environment` on top of this process's, proxies closed.
    static func runBuild(_ commands: [String], in folder: URL, _ environment: [String: String]) throws -> Finished {
        var env = ProcessInfo.processInfo.environment
        for name in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"] { env[name] = "http://127.0.0.1:9" }
        env["NO_PROXY"] = "127.0.0.1"
        env["no_proxy"] = "127.0.0.1"
        env.merge(environment) { $1 }
        return try runProgram("bash", ["-e", "-c", commands.joined(separator: "\n")], environment: env, in: folder, limit: 600)
    }

    func testMavenSampleBuildsFromDebiansRepository() throws {
        let folder = try temporaryFolder("maven-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let endpoint = try Endpoint(folder, ["--maven", "/usr/share/maven-repo"])
        defer { endpoint.stop() }
        let repo = folder.appendingPathComponent("repo")
        // The installed JDK (17) runs the build; testMavenSampleCompilesForEachCorrettoRuntime covers the others.
        let build = try Self.write(Article.answers(.maven, runtime: "java:corretto17"), in: repo)
        XCTAssertEqual(build, ["mvn -s settings.xml -q package", "java -jar target/sqrt-1.0.jar"])
        let finished = try Self.runBuild(build, in: repo, [
            "CODEARTIFACT_AUTH_TOKEN": Self.token,
            "CODEARTIFACT_REPO_URL": "http://127.0.0.1:\(endpoint.port)/maven/Private/",
            "MAVEN_OPTS": "-Dmaven.repo.local=\(folder.appendingPathComponent("m2").path)",
        ])
        XCTAssertEqual(finished.status, 0, finished.summary)
        // Maven ends its output with a colour reset, on the line the app then prints to.
        XCTAssertEqual(finished.stdout.replacing(/\u{1B}\[[0-9;]*m/, with: "").split(separator: "\n").last, "7", finished.summary)
        XCTAssertTrue(endpoint.requests.contains("200 GET /maven/Private/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"))
        XCTAssertTrue(endpoint.requests.contains { $0.hasPrefix("401 ") }, "a request without the token is refused")
    }

    /// `javac --release N` for each Corretto runtime the installed JDK can target.
    func testMavenSampleCompilesForEachCorrettoRuntime() throws {
        let version = try runProgram("javac", ["-version"])
        let major = try XCTUnwrap(Int(version.stdout.split(separator: " ").last?.split(separator: ".").first ?? ""), version.summary)
        let releases = Article.runtimes(.maven).compactMap { Int($0.dropFirst("java:corretto".count)) }.filter { $0 <= major }
        print("javac \(major) compiles the sample for Corretto \(releases); not here: newer runtimes")
        XCTAssertFalse(releases.isEmpty)
        for release in releases {
            let folder = try temporaryFolder("javac-\(release)")
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try Self.write(Article.answers(.maven, runtime: "java:corretto\(release)"), in: folder)
            let finished = try runProgram("javac", ["--release", "\(release)", "-cp", "/usr/share/java/commons-math3.jar", "-d", "out",
                                                    "src/main/java/example/App.java"], in: folder)
            XCTAssertEqual(finished.status, 0, "release \(release): \(finished.summary)")
        }
    }
}
