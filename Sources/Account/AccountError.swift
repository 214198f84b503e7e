import Foundation

/// Why a read of the account failed, said in one line a person can act on.
public enum AccountError: Error, Equatable, Sendable {
    /// No `aws` on the PATH.
    case noCLI
    /// No credentials, an unknown profile, an expired SSO session or refused keys.
    case noCredentials(String)
    /// AWS (or `AWS_ENDPOINT_URL`) cannot be reached: no network, or the endpoint is down.
    case unreachable(String)
    /// The credentials may not make this call: `ec2:DescribeVpcs`.
    case accessDenied(action: String)
    /// The call took longer than the timeout and was killed.
    case timeout(what: String, seconds: Double)
    /// Stopped on purpose (Esc in the wizard).
    case cancelled
    /// AWS answered with an error code: `(ResourceNotFoundException) when calling ...`.
    case service(code: String, action: String, message: String)
    /// Anything else the CLI said, or output that is not what the call expects.
    case failed(String)

    /// The one line: what happened, then what to do.
    public var line: String {
        switch self {
        case .noCLI:
            "the AWS CLI (aws) is not on the PATH: install it (v1 >= 1.42 or v2) to read the account"
        case .noCredentials(let why):
            "no usable AWS credentials: \(why)"
        case .unreachable(let why):
            "AWS cannot be reached: \(why) (no network, or the endpoint is down)"
        case .accessDenied(let action):
            "access denied: these credentials may not call \(action) (README's Discovery lists the read-only actions to grant)"
        case .timeout(let what, let seconds):
            "no answer in \(Self.seconds(seconds)) s while reading \(what): the call was stopped (VPCPIPE_AWS_TIMEOUT sets the limit)"
        case .cancelled:
            "reading the account was cancelled"
        case .service(let code, let action, let message):
            "\(action) failed: \(code): \(message)"
        case .failed(let why):
            why
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The failure the CLI's exit `status` and `stderr` describe, for a call with `arguments`.
    /// The AWS CLI v1 and v2 word these alike.
    public static func classify(status: Int32, stderr: String, arguments: [String], profile: String) -> AccountError {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        let profileName = profile.isEmpty ? "the default profile" : "profile \(profile)"
        if let code = errorCode(in: text) {
            let message = text.components(separatedBy: "operation: ").dropFirst().joined(separator: "operation: ")
            if deniedCodes.contains(code) { return .accessDenied(action: AWSCall<Void>.action(arguments)) }
            if refusedCodes.contains(code) {
                return .noCredentials("AWS refused the credentials of \(profileName) (\(code)): renew them, or run aws sso login")
            }
            return .service(code: code, action: AWSCall<Void>.action(arguments), message: firstLine(message.isEmpty ? text : message))
        }
        if text.contains("Unable to locate credentials") || text.contains("Partial credentials found") {
            return .noCredentials("none found for \(profileName): run aws configure, aws sso login, or set AWS_PROFILE")
        }
        if text.contains("could not be found"), text.contains("config profile") {
            return .noCredentials("\(profileName) is not in the AWS CLI's configuration (~/.aws/config, ~/.aws/credentials)")
        }
        if text.contains("SSO") {
            return .noCredentials("the SSO session of \(profileName) has expired: run aws sso login\(profile.isEmpty ? "" : " --profile \(profile)")")
        }
        for marker in ["Could not connect to the endpoint URL", "Connect timeout on endpoint URL", "Read timeout on endpoint URL",
                       "Connection was closed before we received a valid response from endpoint URL"] where text.contains(marker) {
            return .unreachable(firstLine(text))
        }
        return .failed(text.isEmpty ? "aws exited with status \(status) and said nothing" : "aws failed: " + firstLine(text))
    }

    /// `CODE` of "An error occurred (CODE) when calling the X operation".
    static func errorCode(in text: String) -> String? {
        guard let start = text.range(of: "An error occurred ("),
              let end = text[start.upperBound...].range(of: ") when calling") else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    private static let deniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError",
    ]
    private static let refusedCodes: Set<String> = [
        "InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure", "SignatureDoesNotMatch", "ExpiredToken",
        "ExpiredTokenException", "InvalidAccessKeyId", "RequestExpired",
    ]

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
            .trimmingCharacters(in: .whitespaces)
    }
}
