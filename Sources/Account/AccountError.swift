import Foundation

/// Why a read of the account failed, for a line a person can act on (Planner says it in each
/// language: AccountError+Wording).
public enum AccountError: Error, Equatable, Sendable {
    /// No `aws` on the PATH.
    case noCLI
    /// No credentials, an unknown profile, an expired SSO session or refused keys.
    case noCredentials(Credentials)
    /// AWS (or `AWS_ENDPOINT_URL`) cannot be reached: no network, or the endpoint is down. The
    /// CLI's line.
    case unreachable(String)
    /// The credentials may not make this call: `ec2:DescribeVpcs`.
    case accessDenied(action: String)
    /// The call took longer than the timeout and was killed: what it read (AWSCall's `what`),
    /// and its action (`ec2:DescribeVpcs`).
    case timeout(what: String, action: String, seconds: Double)
    /// Stopped on purpose (Esc in the wizard).
    case cancelled
    /// AWS answered with an error code: `(ResourceNotFoundException) when calling ...`.
    case service(code: String, action: String, message: String)
    /// The CLI failed otherwise: its first line.
    case cliFailed(String)
    /// The CLI failed with this status and said nothing.
    case cliSilent(status: Int32)
    /// The call (its action) printed what vpcpipe cannot read, and why.
    case unreadable(action: String, reason: String)
    /// `aws` could not be started, and why.
    case cannotRun(String)
    /// Anything else: an error's own description.
    case failed(String)

    /// Why there are no usable credentials; `profile` empty for the default profile.
    public enum Credentials: Equatable, Sendable {
        case none(profile: String)
        case unknownProfile(String)
        case ssoExpired(profile: String)
        case refused(profile: String, code: String)
    }

    /// The failure the CLI's exit `status` and `stderr` describe, for a call with `arguments`.
    /// The AWS CLI v1 and v2 word these alike.
    public static func classify(status: Int32, stderr: String, arguments: [String], profile: String) -> AccountError {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if let code = errorCode(in: text) {
            let message = text.components(separatedBy: "operation: ").dropFirst().joined(separator: "operation: ")
            if deniedCodes.contains(code) { return .accessDenied(action: AWSCall<Void>.action(arguments)) }
            if refusedCodes.contains(code) {
                return .noCredentials(.refused(profile: profile, code: code))
            }
            return .service(code: code, action: AWSCall<Void>.action(arguments), message: firstLine(message.isEmpty ? text : message))
        }
        if text.contains("Unable to locate credentials") || text.contains("Partial credentials found") {
            return .noCredentials(.none(profile: profile))
        }
        if text.contains("could not be found"), text.contains("config profile") {
            return .noCredentials(.unknownProfile(profile))
        }
        if text.contains("SSO") {
            return .noCredentials(.ssoExpired(profile: profile))
        }
        for marker in ["Could not connect to the endpoint URL", "Connect timeout on endpoint URL", "Read timeout on endpoint URL",
                       "Connection was closed before we received a valid response from endpoint URL"] where text.contains(marker) {
            return .unreachable(firstLine(text))
        }
        return text.isEmpty ? .cliSilent(status: status) : .cliFailed(firstLine(text))
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
