import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Local AWS on 127.0.0.1: Tests/emulation/emulator.py, one for each test (each on ports of its
/// own, so that tests run side by side), stopped after it.
///
/// The emulator exits when its standard input closes, so even a test process that crashes
/// leaves nothing running.
public final class Emulator {
    public struct Ports: Decodable {
        public var moto: Int
        public var standin: Int
        /// The folder of the warm AWS CLI's `aws` (Tests/emulation/warm_cli.py); nil with VPCPIPE_COLD_CLI=1.
        public var bin: String?
    }

    public let ports: Ports
    private let process: Process
    private let stdin: Pipe
    private let log: URL
    private let logHandle: FileHandle

    /// The folder where pip put the AWS CLI for the python3 that runs moto, put first on the
    /// PATH so that each call skips a version manager's shim (pyenv's costs about 0.15 s a
    /// call); fails, saying what to install, when python3, moto or the AWS CLI is missing.
    static let tools: Result<String, Failure> = {
        let scripts = "import moto.server, botocore, werkzeug, sysconfig; print(sysconfig.get_path('scripts'))"
        guard let python = try? runProgram("python3", ["-c", scripts]) else {
            return .failure(Failure("python3 is missing: install Python 3.11 (apt-get install python3)"))
        }
        guard python.status == 0 else {
            return .failure(Failure("moto is missing: pip install 'moto[server]==5.2.1'\n\(python.stderr)"))
        }
        let folder = python.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = [folder, ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"].joined(separator: ":")
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/aws") }) else {
            return .failure(Failure("the AWS CLI is missing: pip install awscli (v1 >= 1.42) or install AWS CLI v2"))
        }
        return .success(path)
    }()

    /// `environment`: more of the emulator's environment (e.g. VPCPIPE_CLI_WORKERS, for a warm
    /// AWS CLI of its own that runs that many calls at once).
    public init(environment more: [String: String] = [:]) throws {
        let path = try Emulator.tools.get()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-emulator-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        logHandle = try FileHandle(forWritingTo: log)
        stdin = Pipe()
        let stdout = Pipe()
        process = Process()
        // scripts/test serves emulators from a process that imported moto once (emulator.py
        // --fork-server): the same emulator, started in a tenth of the time.
        if let served = ProcessInfo.processInfo.environment["VPCPIPE_EMULATOR"] {
            process.executableURL = URL(fileURLWithPath: served)
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/emulation/emulator.py").path]
        }
        process.environment = ProcessInfo.processInfo.environment.merging(more.merging(["PATH": path]) { $1 }) { $1 }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = logHandle
        try process.run()

        // The first line says the ports, once both servers listen.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the emulator ended before it was ready
            line.append(chunk)
        }
        guard let decoded = try? JSONDecoder().decode(Ports.self, from: line) else {
            process.waitUntilExit()
            throw Failure("the emulator did not start:\n\(String(decoding: line, as: UTF8.self))\n\(Emulator.read(log))")
        }
        ports = decoded
    }

    /// Stops the emulator: closing its input ends it; SIGTERM if it lingers.
    public func stop() {
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        try? logHandle.close()
        try? FileManager.default.removeItem(at: log)
    }

    /// What the emulator wrote to stderr, for failure messages.
    public var logText: String { Emulator.read(log) }

    private static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The environment the AWS CLI and the scripts run with: every service on 127.0.0.1, fixed
    /// test credentials, and no configuration files of the machine. `warm`: the emulation's warm
    /// CLI first on the PATH; without it, the AWS CLI itself runs each call (a call killed is
    /// then the whole call).
    public func environment(home: URL, warm: Bool = true) -> [String: String] {
        let moto = "http://127.0.0.1:\(ports.moto)", standin = "http://127.0.0.1:\(ports.standin)"
        return [
            "PATH": ((warm ? [ports.bin].compactMap { $0 } : []) + [(try? Emulator.tools.get()) ?? "/usr/local/bin:/usr/bin:/bin"])
                .joined(separator: ":"),
            "HOME": home.path,
            "LANG": "C.UTF-8",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-west-2",
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_PAGER": "",
            "AWS_ENDPOINT_URL": moto,
            "AWS_ENDPOINT_URL_CODEARTIFACT": standin, "AWS_ENDPOINT_URL_CODECOMMIT": standin,
            "AWS_ENDPOINT_URL_CODEBUILD": standin, "AWS_ENDPOINT_URL_PRICING": standin,
        ]
    }

    // The control endpoint (see Tests/emulation/standin.py).

    public struct Fault: Codable, Equatable {
        public var operation: String
        public var error: String
        public var message: String
        public var times: Int
        /// Parameters the call must carry, by AWS CLI option name; nil or empty: any call.
        public var match: [String: MatchValue]?

        public init(operation: String, error: String, message: String, times: Int, match: [String: MatchValue]? = nil) {
            self.operation = operation; self.error = error; self.message = message; self.times = times; self.match = match
        }
    }

    /// A parameter a fault waits for, as the AWS CLI was given it: one word (JSON text is
    /// compared parsed), several words, or any value at all.
    public enum MatchValue: Codable, Equatable {
        case word(String), words([String]), any

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .any }
            else if let word = try? container.decode(String.self) { self = .word(word) }
            else { self = .words(try container.decode([String].self)) }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .word(let word): try container.encode(word)
            case .words(let words): try container.encode(words)
            case .any: try container.encodeNil()
            }
        }
    }

    public func inject(_ fault: Fault) async throws {
        _ = try await control("POST", "faults", body: try JSONEncoder().encode(fault), expect: 201)
    }

    public func pendingFaults() async throws -> [Fault] {
        struct Pending: Decodable { var faults: [Fault] }
        return try JSONDecoder().decode(Pending.self, from: try await control("GET", "faults")).faults
    }

    /// Every operation served so far, in order, as "service:Operation".
    public func calls() async throws -> [String] {
        try await callLog().calls
    }

    /// The operations served so far, and the indices in `calls` of those a fault answered.
    public struct CallLog: Decodable {
        public var calls: [String]
        public var faulted: [Int]

        /// The calls that reached the service, from index `start` on.
        public func served(from start: Int = 0) -> [String] {
            let faulted = Set(faulted)
            return calls.indices.filter { $0 >= start && !faulted.contains($0) }.map { calls[$0] }
        }
    }

    public func callLog() async throws -> CallLog {
        try JSONDecoder().decode(CallLog.self, from: try await control("GET", "calls"))
    }

    public func clearFaults() async throws {
        _ = try await control("DELETE", "faults")
    }

    /// Keeps the pipeline runs started from now on from starting a stage (a pipeline that never
    /// starts), or lets them start again.
    public func holdRuns(_ hold: Bool) async throws {
        _ = try await control("POST", "runs", body: try JSONEncoder().encode(["hold": hold]))
    }

    private func control(_ method: String, _ route: String, body: Data? = nil, expect: Int = 200) async throws -> Data {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(ports.standin)/_emulator/\(route)")!)
        request.httpMethod = method
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == expect else {
            throw Failure("\(method) /_emulator/\(route): HTTP \(status) \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}
