import Foundation

// The account-reading layer: the AWS CLI the scripts use, run read-only, each call bounded in
// time, its result cached for the session and its failure said in one line. A call is an
// argument list and what to make of the JSON the CLI prints; this target knows nothing of the
// plan, so any read (the VPC's subnets, a price list) is one more `AWSCall`.

/// One read-only AWS CLI call: `aws ARGUMENTS --output json` in the session's region and
/// profile, and how to decode what it prints.
public struct AWSCall<Value>: Sendable {
    /// After `aws`: service, operation, options (`ec2 describe-vpcs --filters ...`).
    public let arguments: [String]
    /// What it asks, for a person waiting on it: "the VPCs of us-west-2".
    public let what: String
    public let decode: @Sendable (Data) throws -> Value

    public init(_ arguments: [String], what: String, decode: @escaping @Sendable (Data) throws -> Value) {
        self.arguments = arguments; self.what = what; self.decode = decode
    }

    /// `service:Operation` as IAM names the action (`ec2:DescribeVpcs`), for a denied call.
    public var action: String { AWSCall<Value>.action(arguments) }

    static func action(_ arguments: [String]) -> String {
        guard arguments.count >= 2 else { return arguments.joined(separator: " ") }
        let service = arguments[0] == "s3api" ? "s3" : arguments[0]
        let operation = arguments[1].split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return "\(service):\(operation)"
    }

    /// Whether the operation only reads: the CLI's names of AWS's read-only verbs, the only calls
    /// this layer makes.
    public var isReadOnly: Bool {
        guard arguments.count >= 2 else { return false }
        return AWSCall<Value>.readVerbs.contains { arguments[1].hasPrefix($0) }
    }

    static var readVerbs: [String] { ["describe-", "get-", "list-", "batch-get-", "head-"] }
}
