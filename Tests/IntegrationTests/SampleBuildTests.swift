import Foundation
import Planner
import TestSupport
import XCTest

/// Each format's sample app built here, its build phase run as the buildspec has it with the
/// rendered configuration, against a loopback CodeArtifact repository endpoint
/// (Tests/emulation/repository_endpoint.py) that demands the token and serves real packages.
/// Any other host is out of reach: the proxies point at a closed port. Not built here, their
/// files checked by PlannerTests.SampleAppTests instead: NuGet (Debian packages no .NET SDK),
/// Gradle (Debian's gradle 4.4.1 does not run on JDK 17) and Yarn Berry (Debian's yarnpkg is
/// Yarn 1, and Corepack's @yarnpkg/cli-dist comes from npm's registry, out of reach here).
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

    /// Runs `commands` in `folder` as the build does: with `environment` on top of this process's,
    /// HOME in `folder` (the login's configuration, the tools' caches), proxies closed, and none of
    /// this machine's pip or npm settings (a build's environment has none).
    static func runBuild(_ commands: [String], in folder: URL, _ environment: [String: String]) throws -> Finished {
        var env = ProcessInfo.processInfo.environment.filter { name, _ in
            !["PIP_", "NPM_CONFIG_", "YARN_"].contains { name.uppercased().hasPrefix($0) }
        }
        for name in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"] { env[name] = "http://127.0.0.1:9" }
        env["NO_PROXY"] = "127.0.0.1"
        env["no_proxy"] = "127.0.0.1"
        let home = folder.appendingPathComponent(".home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        env["HOME"] = home.path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        env.merge(environment) { $1 }
        return try runProgram("bash", ["-e", "-c", commands.joined(separator: "\n")], environment: env, in: folder, limit: 600)
    }

    /// What the pre_build phase's `aws codeartifact login --tool TOOL` does once it has the
    /// repository's endpoint and a token: the AWS CLI's own login code, run in the build's
    /// environment, configures the tool (npm config set, pip config set).
    static func login(_ tool: String, _ endpoint: String, in folder: URL, _ environment: [String: String] = [:]) throws -> Finished {
        let script = """
            import subprocess, sys
            from datetime import datetime, timedelta, timezone
            from awscli.customizations.codeartifact.login import NpmLogin, PipLogin
            tool, token, endpoint = sys.argv[1:]
            login = {"npm": NpmLogin, "pip": PipLogin}[tool]
            login(token, datetime.now(timezone.utc) + timedelta(hours=12), endpoint, "private", "Private", subprocess).login()
            """
        return try runBuild([["python3", "-c", script, tool, token, endpoint].map { Shell.quote(.text($0)) }.joined(separator: " ")], in: folder, environment)
    }

    /// npm with the configuration `aws codeartifact login --tool npm` writes (registry and
    /// `_authToken` in ~/.npmrc), installing mathjs from a tarball made here: a package of that
    /// name and version whose sqrt is JavaScript's.
    func testNpmSampleBuildsThroughTheLogin() throws {
        let folder = try temporaryFolder("npm-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tarballs = folder.appendingPathComponent("tarballs")
        let package = folder.appendingPathComponent("mathjs/package")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: tarballs, withIntermediateDirectories: true)
        try #"{"name": "mathjs", "version": "11.2.0", "main": "index.js"}"#.write(to: package.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        try "exports.sqrt = Math.sqrt;\n".write(to: package.appendingPathComponent("index.js"), atomically: true, encoding: .utf8)
        let tar = try runProgram("tar", ["-czf", tarballs.appendingPathComponent("mathjs-11.2.0.tgz").path, "-C", package.deletingLastPathComponent().path, "package"])
        XCTAssertEqual(tar.status, 0, tar.summary)
        let endpoint = try Endpoint(folder, ["--npm", tarballs.path])
        defer { endpoint.stop() }
        let repo = folder.appendingPathComponent("repo")
        let build = try Self.write(Article.answers(.npm), in: repo)
        XCTAssertEqual(build, ["npm install --no-audit --no-fund", "node index.js"])
        let login = try Self.login("npm", "http://127.0.0.1:\(endpoint.port)/npm/Private/", in: repo)
        XCTAssertEqual(login.status, 0, login.summary)
        XCTAssertTrue(login.stdout.hasPrefix(try XCTUnwrap(SampleApp.proof(Article.answers(.npm)).login)), login.summary)
        let finished = try Self.runBuild(build, in: repo, [:])
        XCTAssertEqual(finished.status, 0, finished.summary)
        XCTAssertEqual(finished.stdout.split(separator: "\n").last, "7", finished.summary)
        XCTAssertTrue(endpoint.requests.contains("200 GET /npm/Private/mathjs"), "\(endpoint.requests)")
        XCTAssertTrue(endpoint.requests.contains("200 GET /npm/Private/-/mathjs-11.2.0.tgz"), "\(endpoint.requests)")
    }

    /// pip, in a virtual environment (this machine's Python has mpmath already), with the
    /// configuration `aws codeartifact login --tool pip` writes (global.index-url with the token),
    /// installing the wheel pip downloads from PyPI here first.
    func testPipSampleBuildsThroughTheLogin() throws {
        let folder = try temporaryFolder("pip-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let wheels = folder.appendingPathComponent("wheels")
        let repo = folder.appendingPathComponent("repo")
        let build = try Self.write(Article.answers(.pypi), in: repo)
        XCTAssertEqual(build, ["pip install --disable-pip-version-check -r requirements.txt", "python app.py"])
        let download = try runProgram("python3", ["-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-d", wheels.path,
                                                  "-r", repo.appendingPathComponent("requirements.txt").path], limit: 300)
        XCTAssertEqual(download.status, 0, "PyPI: \(download.summary)")
        // A virtual environment with this machine's pip linked in: ensurepip would take 10 s.
        let venv = folder.appendingPathComponent("venv")
        let created = try runProgram("python3", ["-c", """
            import os, pip, subprocess, sys, venv
            venv.create(sys.argv[1], with_pip=False)
            python = os.path.join(sys.argv[1], "bin", "python")
            purelib = subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True).strip()
            os.symlink(os.path.dirname(pip.__file__), os.path.join(purelib, "pip"))
            with open(os.path.join(sys.argv[1], "bin", "pip"), "w") as script:
                script.write('#!/bin/sh\\nexec "$(dirname "$0")/python" -m pip "$@"\\n')
            os.chmod(os.path.join(sys.argv[1], "bin", "pip"), 0o755)
            """, venv.path])
        XCTAssertEqual(created.status, 0, created.summary)
        let endpoint = try Endpoint(folder, ["--pypi", wheels.path])
        defer { endpoint.stop() }
        let login = try Self.login("pip", "http://127.0.0.1:\(endpoint.port)/pypi/Private/", in: repo)
        XCTAssertEqual(login.status, 0, login.summary)
        XCTAssertTrue(login.stdout.hasPrefix(try XCTUnwrap(SampleApp.proof(Article.answers(.pypi)).login)), login.summary)
        let path = venv.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let finished = try Self.runBuild(build, in: repo, ["PATH": path])
        XCTAssertEqual(finished.status, 0, finished.summary)
        XCTAssertEqual(finished.stdout.split(separator: "\n").last, "7", finished.summary)
        XCTAssertTrue(endpoint.requests.contains("200 GET /pypi/Private/simple/mpmath/"), "\(endpoint.requests)")
        XCTAssertTrue(endpoint.requests.contains("200 GET /pypi/Private/files/mpmath-1.3.0-py3-none-any.whl"), "\(endpoint.requests)")
        XCTAssertFalse(endpoint.requests.contains { $0.contains("/simple/pip/") }, "pip asked for a newer pip: \(endpoint.requests)")
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
            "MAVEN_OPTS": "-Dmaven.repo.local=\(folder.appendingPathComponent("m2").path) \(Self.shortJVM.joined(separator: " "))",
        ])
        XCTAssertEqual(finished.status, 0, finished.summary)
        // Maven ends its output with a colour reset, on the line the app then prints to.
        XCTAssertEqual(finished.stdout.replacing(/\u{1B}\[[0-9;]*m/, with: "").split(separator: "\n").last, "7", finished.summary)
        XCTAssertTrue(endpoint.requests.contains("200 GET /maven/Private/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"))
        XCTAssertTrue(endpoint.requests.contains { $0.hasPrefix("401 ") }, "a request without the token is refused")
    }

    /// Options of a JVM that lives a few seconds: the JIT's first tier only, the serial collector.
    private static let shortJVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]

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
            let finished = try runProgram("javac", Self.shortJVM.map { "-J" + $0 } + ["--release", "\(release)", "-cp",
                                                    "/usr/share/java/commons-math3.jar", "-d", "out", "src/main/java/example/App.java"], in: folder)
            XCTAssertEqual(finished.status, 0, "release \(release): \(finished.summary)")
        }
    }
}
