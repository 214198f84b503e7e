import Account
import Foundation

// Whether an endpoint already in the VPC, someone else's, lets the build's requests through its
// policy. setup.sh cannot read the policy document (a JSON string inside the rows bash reads),
// so it only says what the policy must allow (PreflightWords.policyUnread); `--live` and the
// wizard read each document and ask PolicyEvaluator the requests the plan's own least-privilege
// policies allow (`Policies.buildRequests`).

enum EndpointPolicyCheck {
    /// What the policy of `service`'s endpoint must allow, in `language`'s words: `ACTIONS on
    /// RESOURCES; ...` (the domain's assets bucket, learnt later, by its name). `ACCOUNT` is the
    /// only variable.
    static func requirement(_ service: EndpointService, _ policies: Policies, _ language: Language) -> Arg {
        let pieces = policies.buildRequests(service).map { request -> Arg in
            let actions = Arg.text(request.actions.joined(separator: ", "))
            guard request.resources != ["*"] else { return actions }
            let resources = request.resources.map {
                $0 == Policies.assetsBucketArn + "/*" ? .text(Phrase.policyAssetsBucket.text(language)) : $0
            }
            let listed = resources.dropFirst().reduce(resources[0]) { $0 + Phrase.listAnd.text(language) + $1 }
            return Phrase.policyRequest.arg(language, ["actions": actions, "resources": listed])
        }
        return pieces.dropFirst().reduce(pieces[0]) { $0 + Phrase.listRequests.text(language) + $1 }
    }

    /// `requirement` in `account`: Swift's words (`--live`, the wizard).
    static func requirement(_ service: EndpointService, _ policies: Policies, _ language: Language, account: String) -> String {
        requirement(service, policies, language).rendered { $0 == "ACCOUNT" ? account : "" }
    }

    /// setup.sh's note on someone else's endpoint of `service` (`serviceName`), whose policy it
    /// does not read, in every language.
    static func unread(_ service: EndpointService, id: String, serviceName: String, _ policies: Policies, account: String) -> Wording {
        PreflightWords.policyUnread.text { language in
            [id, serviceName, requirement(service, policies, language, account: account)]
        }
    }

    /// The requests to ask about, for the build's role in `account` through `endpoint` of `vpc`:
    /// those on resources known before anything is created (not the domain's assets bucket).
    static func requests(_ service: EndpointService, _ policies: Policies, account: String, endpoint: String,
                         vpc: String) -> [PolicyRequest] {
        let fill = { (arg: Arg) -> String? in
            var known = true
            let text = arg.rendered { name in
                if name == "ACCOUNT" { return account }
                known = false
                return ""
            }
            return known ? text : nil
        }
        guard let role = fill(policies.names.codeBuildRoleArn) else { return [] }
        return policies.buildRequests(service).flatMap { request in
            request.actions.flatMap { action in
                request.examples.compactMap { example -> PolicyRequest? in
                    guard let resource = fill(example) else { return nil }
                    // An S3 ARN names no account: the artifact bucket is this account's.
                    let owner: PolicyRequest.Owner = resource == "*" ? .none
                        : resource.hasPrefix("arn:aws:s3:::") ? .account(account) : .arn
                    return PolicyRequest(.aws(role), action, resource, owner: owner,
                                         extra: request.context.merging(["aws:SourceVpce": endpoint, "aws:SourceVpc": vpc]) { $1 })
                }
            }
        }
    }

    /// What the document decides for each request it does not allow; nil: it cannot be read,
    /// and so is not judged.
    static func refused(_ document: String, _ requests: [PolicyRequest]) -> [(PolicyRequest, PolicyDecision)]? {
        guard let policy = try? IAMPolicy(json: document, kind: .resource, lenient: true) else { return nil }
        return requests.map { ($0, policy.evaluate($0)) }.filter { $0.1 != .allow }
    }

    /// The refused requests in `language`'s words, once each: `logs:PutLogEvents on ARN`.
    static func words(_ refused: [(PolicyRequest, PolicyDecision)], _ language: Language) -> String {
        var said: [String] = []
        for (request, _) in refused {
            let words = request.resource == "*" ? request.action
                : Phrase.policyRequest.text(language, ["actions": request.action, "resources": request.resource])
            if !said.contains(words) { said.append(words) }
        }
        return said.joined(separator: Phrase.listRefused.text(language))
    }

    /// The endpoints' policy documents, by id, in one read (`describe-vpc-endpoints`, as
    /// preflight's lookup); nil where the account gives none.
    static func documents(_ ids: [String], _ reader: AWSReading) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let call = AWSCall(AccountCheck.policyRead(ids.map(Arg.text)).arguments.map { $0.rendered { _ in "" } },
                           what: "the policies of the VPC's endpoints") { data -> [[String?]]? in
            try JSONDecoder().decode([[String?]]?.self, from: data)
        }
        var documents: [String: String] = [:]
        for row in try reader.read(call) ?? [] {
            if row.count == 2, let id = row[0], let document = row[1] { documents[id] = document }
        }
        return documents
    }
}
