import Foundation

/// The AWS CLI pointed at the emulator. Values are read with `--query` and decoded into
/// Swift types, so each assertion names exactly the field it checks.
public struct AWSCLI {
    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var result: Finished
        public var description: String { "aws \(arguments.joined(separator: " ")) failed: \(result.summary)" }
    }

    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    /// Runs `aws ARGUMENTS`; whatever the exit status.
    public func run(_ arguments: [String]) throws -> Finished {
        try runProgram("aws", arguments, environment: environment)
    }

    /// Runs `aws ARGUMENTS --output json` and decodes what it prints; throws if it fails.
    public func json<T: Decodable>(_ type: T.Type, _ arguments: String...) throws -> T {
        try json(type, arguments)
    }

    public func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let all = arguments + ["--output", "json"]
        let result = try run(all)
        guard result.status == 0 else { throw Failure(arguments: all, result: result) }
        do {
            return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
        } catch {
            var undecodable = result
            undecodable.stderr = "cannot decode \(T.self): \(error)"
            throw Failure(arguments: all, result: undecodable)
        }
    }

    /// Runs `aws ARGUMENTS --output text` and returns what it prints, trimmed; throws if it fails.
    @discardableResult
    public func text(_ arguments: String...) throws -> String { try text(arguments) }

    @discardableResult
    public func text(_ arguments: [String]) throws -> String {
        let all = arguments + ["--output", "text"]
        let result = try run(all)
        guard result.status == 0 else { throw Failure(arguments: all, result: result) }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What `aws ARGUMENTS` prints in JSON, as text to compare; throws if it fails.
    public func described(_ arguments: String...) throws -> String {
        let all = arguments + ["--output", "json"]
        let result = try run(all)
        guard result.status == 0 else { throw Failure(arguments: all, result: result) }
        return result.stdout
    }

    /// Runs `aws ARGUMENTS` expecting failure; returns the result (non-zero status, stderr).
    public func failure(_ arguments: String...) throws -> Finished {
        let result = try run(arguments)
        guard result.status != 0 else { throw Failure(arguments: arguments, result: result) }
        return result
    }
}

/// An IAM policy document, as the CLI prints one: Statement and Action may be one or a list.
public struct PolicyDocument: Decodable {
    public struct Statement: Decodable {
        public var effect: String
        public var actions: [String]
        public var services: [String]

        enum CodingKeys: String, CodingKey { case Effect, Action, Principal }
        struct Principal: Decodable { var Service: OneOrMany? }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            effect = try container.decode(String.self, forKey: .Effect)
            actions = try container.decodeIfPresent(OneOrMany.self, forKey: .Action)?.values ?? []
            services = (try? container.decodeIfPresent(Principal.self, forKey: .Principal))??.Service?.values ?? []
        }
    }

    public var statements: [Statement]

    enum CodingKeys: String, CodingKey { case Statement }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let many = try? container.decode([Statement].self, forKey: .Statement) {
            statements = many
        } else {
            statements = [try container.decode(Statement.self, forKey: .Statement)]
        }
    }

    /// Parses a document the CLI printed as a JSON string (endpoint and bucket policies).
    public init(text: String) throws {
        self = try JSONDecoder().decode(PolicyDocument.self, from: Data(text.utf8))
    }

    public var allowedActions: Set<String> {
        Set(statements.filter { $0.effect == "Allow" }.flatMap(\.actions))
    }

    public var trustedServices: Set<String> {
        Set(statements.filter { $0.effect == "Allow" }.flatMap(\.services))
    }
}

/// A JSON value that is one string or a list of strings.
public struct OneOrMany: Decodable {
    public var values: [String]
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            values = [one]
        } else {
            values = try container.decode([String].self)
        }
    }
}
