import Foundation

/// What reads the account: the AWS CLI in `AccountReader`, hand-written facts in tests.
public protocol AWSReading: Sendable {
    /// The call's decoded answer; an `AccountError` otherwise.
    func read<Value>(_ call: AWSCall<Value>) throws -> Value
    /// Reads the calls ahead, side by side, for the reads that follow; failures come again then.
    func prefetch(_ calls: [AWSCall<Data>])
}

extension AWSReading {
    public func prefetch(_ calls: [AWSCall<Data>]) {}
}

/// The AWS CLI, read-only, for one session: each call killed past the timeout, what AWS
/// answered (a result, or an error such as "no such domain") kept and given again for the
/// same argv; what may pass (no network, a timeout) is asked again next time.
public final class AccountReader: AWSReading, @unchecked Sendable {
    public let settings: AWSSettings
    private let cancellation: Cancellation?
    private let cache: Cache

    /// `cancellation`: cancelling it kills the calls running and fails those to come.
    public init(_ settings: AWSSettings, cancellation: Cancellation? = nil) {
        self.settings = settings
        self.cancellation = cancellation
        cache = Cache()
    }

    private init(_ settings: AWSSettings, cancellation: Cancellation?, cache: Cache) {
        self.settings = settings; self.cancellation = cancellation; self.cache = cache
    }

    /// The same session's cache, with other settings (a profile or region chosen since) or
    /// another cancellation (a wizard's job).
    public func with(_ settings: AWSSettings? = nil, cancellation: Cancellation?) -> AccountReader {
        AccountReader(settings ?? self.settings, cancellation: cancellation, cache: cache)
    }

    public func read<Value>(_ call: AWSCall<Value>) throws -> Value {
        precondition(call.isReadOnly, "the account is only read: \(call.arguments.prefix(2))")
        let argv = settings.argv(call)
        let data = try cache.answer(for: argv) { try run(call, argv) }
        do {
            return try call.decode(data)
        } catch {
            throw AccountError.unreadable(action: call.action, reason: "\(error)")
        }
    }

    /// Runs the calls side by side (a few at a time: the CLI's start is CPU), so that their
    /// answers are cached for the reads that follow; their failures come again when read.
    public func prefetch(_ calls: [AWSCall<Data>]) {
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 4
        for call in calls { queue.addOperation { _ = try? self.read(call) } }
        queue.waitUntilAllOperationsAreFinished()
    }

    private func run<Value>(_ call: AWSCall<Value>, _ argv: [String]) throws -> Data {
        if cancellation?.isCancelled == true { throw AccountError.cancelled }
        let output: CLIProcess.Output
        do {
            output = try CLIProcess.run(argv, environment: settings.childEnvironment, timeout: settings.timeout,
                                        cancellation: cancellation)
        } catch CLIProcess.Stop.notFound {
            throw AccountError.noCLI
        } catch CLIProcess.Stop.timedOut {
            throw AccountError.timeout(what: call.what, action: call.action, seconds: settings.timeout)
        } catch CLIProcess.Stop.cancelled {
            throw AccountError.cancelled
        } catch {
            throw AccountError.cannotRun("\(error)")
        }
        guard output.status == 0 else {
            throw AccountError.classify(status: output.status, stderr: output.stderr, arguments: call.arguments,
                                        profile: settings.profile)
        }
        return output.stdout
    }

    /// Answers by argv. An answer of AWS's, success or error, is kept; one call at a time runs
    /// for a given argv, the others wait for its answer.
    private final class Cache: @unchecked Sendable {
        private let lock = NSCondition()
        private var answers: [[String]: Result<Data, AccountError>] = [:]
        private var running: Set<[String]> = []

        func answer(for argv: [String], _ make: () throws -> Data) throws -> Data {
            lock.lock()
            while running.contains(argv) { lock.wait() }
            if let kept = answers[argv] { lock.unlock(); return try kept.get() }
            running.insert(argv)
            lock.unlock()
            let result: Result<Data, AccountError>
            do { result = .success(try make()) } catch let error as AccountError { result = .failure(error) } catch {
                result = .failure(.failed("\(error)"))
            }
            lock.lock()
            running.remove(argv)
            let kept = switch result {
            case .success: true
            case .failure(let error): error.isAnswer
            }
            if kept { answers[argv] = result }
            lock.broadcast()
            lock.unlock()
            return try result.get()
        }
    }
}

extension AccountError {
    /// An answer AWS gave (no such resource, access denied), which stays true for the session,
    /// unlike a network or time failure.
    public var isAnswer: Bool {
        switch self {
        case .service, .accessDenied: true
        default: false
        }
    }
}

extension AWSCall where Value == Data {
    /// The call's JSON as it is, for `prefetch`.
    public init<Other>(raw call: AWSCall<Other>) {
        self.init(call.arguments, what: call.what) { $0 }
    }
}
