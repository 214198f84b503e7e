import Account

// Why a read of the account failed, in the catalog of notices: the command line (`--live`) and
// the wizard say it in their language. What the AWS CLI itself said (an endpoint it could not
// reach, AWS's message) stays as it said it.

extension AccountError {
    /// The one line: what happened, then what to do.
    public var wording: Wording {
        switch self {
        case .noCLI:
            .notice(.accountNoCLI)
        case .noCredentials(let why):
            .notice(.accountNoCredentials, ["why": why.wording])
        case .unreachable(let why):
            .notice(.accountUnreachable, ["why": .verbatim(why)])
        case .accessDenied(let action):
            .notice(.accountAccessDenied, ["action": .verbatim(action)])
        case .timeout(let what, let action, let seconds):
            // Japanese names the call by its action: `what` is English words.
            .notice(.accountTimeout, ["seconds": .verbatim(Self.seconds(seconds)), "what": .words(en: what, ja: action)])
        case .cancelled:
            .notice(.accountCancelled)
        case .service(let code, let action, let message):
            .notice(.accountService, ["action": .verbatim(action), "code": .verbatim(code), "message": .verbatim(message)])
        case .cliFailed(let line):
            .notice(.accountCLIFailed, ["line": .verbatim(line)])
        case .cliSilent(let status):
            .notice(.accountCLISilent, ["status": .verbatim(String(status))])
        case .unreadable(let action, let reason):
            .notice(.accountUnreadable, ["action": .verbatim(action), "reason": .verbatim(reason)])
        case .cannotRun(let reason):
            .notice(.accountCannotRun, ["reason": .verbatim(reason)])
        case .failed(let why):
            .verbatim(why)
        }
    }

    /// The line in `language`.
    public func text(_ language: Language) -> String { wording.text(language) }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension AccountError.Credentials {
    var wording: Wording {
        switch self {
        case .none(let profile): .notice(.credentialsNone, ["profile": Self.profile(profile)])
        case .unknownProfile(let profile): .notice(.credentialsUnknownProfile, ["profile": Self.profile(profile)])
        case .ssoExpired(let profile):
            .notice(.credentialsSSOExpired, ["profile": Self.profile(profile), "option": .verbatim(profile.isEmpty ? "" : " --profile \(profile)")])
        case .refused(let profile, let code): .notice(.credentialsRefused, ["profile": Self.profile(profile), "code": .verbatim(code)])
        }
    }

    private static func profile(_ name: String) -> Wording {
        name.isEmpty ? .notice(.defaultProfile) : .notice(.namedProfile, ["profile": .verbatim(name)])
    }
}
