// The keys of the answers file, version 1, in the order of answers-v1.md: what each holds and
// where it lives in `Answers`. The reader decodes by it, the writer writes by it, and the
// "did you mean" suggestions come from it, so a new key is added here once.

struct AnswerKey {
    enum Kind {
        case section([AnswerKey])
        case version
        case text(WritableKeyPath<Answers, String>)
        case flag(WritableKeyPath<Answers, Bool>)
        case choice(Choice)
        case texts(WritableKeyPath<Answers, [String]>)
        /// `endpoints.existing`: a list of `EndpointService` raw values.
        case endpoints
        case tags
    }

    let name: String
    let kind: Kind
    /// For a required key, what is expected: its absence is an error, not a default.
    var required: String?
    /// The path of the answer a missing key's default follows: a problem with the default is
    /// reported there.
    var follows: String?
    /// Sets the default of a missing key whose default follows other answers (see `Defaults`).
    var followDefault: ((inout Answers) -> Void)?

    init(_ name: String, _ kind: Kind, required: String? = nil, follows: String? = nil,
         followDefault: ((inout Answers) -> Void)? = nil) {
        self.name = name
        self.kind = kind
        self.required = required
        self.follows = follows
        self.followDefault = followDefault
    }

    /// What the key holds, for messages: "(a single value)", "(a list)".
    var expected: String {
        switch kind {
        case .section(let keys): return "a mapping of \(keys.map(\.name).joined(separator: ", "))"
        case .version: return "version: 1"
        case .text: return "a single value"
        case .flag: return "true or false"
        case .choice(let choice): return choice.options.joined(separator: " | ")
        case .texts: return "a list"
        case .endpoints: return "a list of \(EndpointService.allCases.map(\.rawValue).joined(separator: ", "))"
        case .tags: return "a mapping of tag keys to values"
        }
    }
}

/// A key whose value is one of an enum's raw values.
struct Choice {
    let options: [String]
    let get: (Answers) -> String
    /// Sets the answer from its file spelling; false if it is not one of the options.
    let set: (inout Answers, String) -> Bool

    static func of<Value: RawRepresentable & CaseIterable>(_ keyPath: WritableKeyPath<Answers, Value>) -> Choice
    where Value.RawValue == String {
        Choice(options: Value.allCases.map(\.rawValue), get: { $0[keyPath: keyPath].rawValue }) { answers, text in
            guard let value = Value(rawValue: text) else { return false }
            answers[keyPath: keyPath] = value
            return true
        }
    }
}

enum AnswerSchema {
    static var keys: [AnswerKey] {
        [
            AnswerKey("version", .version, required: "version: 1"),
            AnswerKey("region", .text(\.region), required: "a region code such as us-west-2"),
            AnswerKey("profile", .text(\.profile)),
            AnswerKey("name", .text(\.name)),
            AnswerKey("tags", .tags),
            AnswerKey("source", .section([
                AnswerKey("provider", .text(\.source.provider)),
                AnswerKey("repository", .text(\.source.repository), follows: "name") {
                    $0.source.repository = Defaults.resourceName(name: $0.name)
                },
                AnswerKey("branch", .text(\.source.branch)),
                AnswerKey("create", .flag(\.source.create)),
                AnswerKey("sample_app", .flag(\.source.sampleApp)),
            ])),
            AnswerKey("codeartifact", .section([
                AnswerKey("domain", .text(\.codeartifact.domain), follows: "name") {
                    $0.codeartifact.domain = Defaults.domain(name: $0.name)
                },
                AnswerKey("domain_owner", .text(\.codeartifact.domainOwner)),
                AnswerKey("repository", .text(\.codeartifact.repository), follows: "name") {
                    $0.codeartifact.repository = Defaults.resourceName(name: $0.name)
                },
                AnswerKey("format", .choice(.of(\.codeartifact.format))),
                AnswerKey("upstream", .text(\.codeartifact.upstream), follows: "codeartifact.format") {
                    $0.codeartifact.upstream = Defaults.upstream(format: $0.codeartifact.format)
                },
                AnswerKey("external_connection", .text(\.codeartifact.externalConnection),
                          follows: "codeartifact.upstream") {
                    $0.codeartifact.externalConnection = Defaults.externalConnection(
                        format: $0.codeartifact.format, upstream: $0.codeartifact.upstream)
                },
            ])),
            AnswerKey("build", .section([
                AnswerKey("project", .text(\.build.project), follows: "name") { $0.build.project = Defaults.resourceName(name: $0.name) },
                AnswerKey("image", .text(\.build.image)),
                AnswerKey("runtime", .text(\.build.runtime), follows: "build.image") {
                    $0.build.runtime = Defaults.runtime(format: $0.codeartifact.format, image: $0.build.image)
                },
                AnswerKey("compute_type", .text(\.build.computeType)),
                AnswerKey("privileged", .flag(\.build.privileged)),
                AnswerKey("buildspec", .text(\.build.buildspec)),
                AnswerKey("role", .text(\.build.role.text)),
                AnswerKey("logs", .choice(.of(\.build.logs))),
            ])),
            AnswerKey("pipeline", .section([
                AnswerKey("name", .text(\.pipeline.name), follows: "name") { $0.pipeline.name = Defaults.resourceName(name: $0.name) },
                AnswerKey("type", .choice(.of(\.pipeline.type))),
                AnswerKey("artifact_bucket", .text(\.pipeline.artifactBucket)),
                AnswerKey("role", .text(\.pipeline.role.text)),
                AnswerKey("trigger", .choice(.of(\.pipeline.trigger))),
            ])),
            AnswerKey("network", .section([
                AnswerKey("vpc", .text(\.network.vpc)),
                AnswerKey("subnets", .texts(\.network.subnets)),
                AnswerKey("route_tables", .texts(\.network.routeTables)),
                AnswerKey("security_group", .text(\.network.securityGroup.text)),
            ])),
            AnswerKey("endpoints", .section([
                AnswerKey("private_dns", .flag(\.endpoints.privateDNS)),
                AnswerKey("existing", .endpoints),
                AnswerKey("policies", .choice(.of(\.endpoints.policies))),
            ])),
            AnswerKey("iam", .section([
                AnswerKey("scope", .choice(.of(\.iam.scope))),
            ])),
        ]
    }

    /// Every key's dotted path, for suggesting a key the file put at the wrong level.
    static let allPaths: [String] = {
        func paths(_ keys: [AnswerKey], _ prefix: String) -> [String] {
            keys.flatMap { key -> [String] in
                let path = prefix + key.name
                if case .section(let children) = key.kind { return [path] + paths(children, path + ".") }
                return [path]
            }
        }
        return paths(keys, "")
    }()
}
