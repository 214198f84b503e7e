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
        var argv = ["aws"] + call.arguments + ["--output", "json", "--region", region]
        if !profile.isEmpty { argv += ["--profile", profile] }
        return argv
    }

    /// The AWS CLI's profiles, as `aws configure list-profiles` (CLI v2 only) lists them: the
    /// sections of its configuration and credentials files, read where the CLI reads them. No
    /// call: the files are this machine's.
    public var profiles: [String] {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let files = [(environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config", true),
                     (environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials", false)]
        var names: [String] = []
        for (path, isConfig) in files {
            let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            for line in text.split(whereSeparator: \.isNewline) {
                let section = line.trimmingCharacters(in: .whitespaces)
                guard section.hasPrefix("["), section.hasSuffix("]") else { continue }
                var name = section.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                // The config file names profiles `[profile NAME]`, but the default; its other
                // sections (sso-session, services) are not profiles.
                if isConfig && name != "default" {
                    guard name.hasPrefix("profile ") else { continue }
                    name = name.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
                }
                if !name.isEmpty && !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The child's environment: the CLI v2 must not page its output or prompt.
    var childEnvironment: [String: String] {
        environment.merging(["AWS_PAGER": "", "AWS_CLI_AUTO_PROMPT": "off"]) { $1 }
    }
}
