import Foundation

/// Where the calls go: the profile and region of the answers, the environment the scripts would
/// run in (credential chain, SSO, `AWS_ENDPOINT_URL*`), and how long a call may take.
public struct AWSSettings: Equatable, Sendable {
    /// Blank: the CLI's default credentials, as setup.sh without `--profile`.
    public var profile: String
    public var region: String
    public var environment: [String: String]
    /// Seconds before a call is killed (`VPCPIPE_AWS_TIMEOUT`, default 20).
    public var timeout: Double

    public init(profile: String, region: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.profile = profile
        self.region = region
        self.environment = environment
        timeout = environment["VPCPIPE_AWS_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 20
    }

    /// The argv of `call`, as setup.sh runs it (`aws ARGS "${AWS_ARGS[@]}"`), in JSON.
    public func argv<Value>(_ call: AWSCall<Value>) -> [String] {
        var argv = ["aws"] + call.arguments + ["--output", "json"]
        guard call.scoped else { return argv }
        argv += ["--region", region]
        if !profile.isEmpty { argv += ["--profile", profile] }
        return argv
    }

    /// The child's environment: the CLI v2 must not page its output or prompt.
    var childEnvironment: [String: String] {
        environment.merging(["AWS_PAGER": "", "AWS_CLI_AUTO_PROMPT": "off"]) { $1 }
    }
}
