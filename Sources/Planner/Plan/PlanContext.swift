// What every step reads: the answers, the names and policies derived from them, which endpoints
// are planned, and the shapes of arguments the AWS CLI takes (tags, filters, queries).

struct PlanContext {
    let answers: Answers
    let names: Names
    let policies: Policies
    let decisions: [EndpointDecision]

    init(_ answers: Answers) {
        self.answers = answers
        names = Names(answers)
        policies = Policies(names)
        decisions = Endpoints.decide(answers)
    }

    var network: Answers.Network { answers.network }
    var planned: [EndpointService] { decisions.filter(\.planned).map(\.service) }

    // MARK: Queries

    /// A query printing the value of vpcpipe's tag among a list's pairs (None without one).
    func tagQuery(_ list: String, key: String = "key", value: String = "value") -> String {
        "\(list)[?\(key)=='\(Names.tagKey)'].\(value) | [0]"
    }

    /// A JMESPath list of raw string literals (names here never hold a quote).
    func jmesList(_ values: [String]) -> String { "[" + values.map { "'\($0)'" }.joined(separator: ",") + "]" }

    // MARK: Tags

    /// vpcpipe's own tag, then the answers' tags.
    var tagPairs: [(String, String)] {
        [(Names.tagKey, answers.name)] + answers.tags.filter { $0.key != Names.tagKey }.map { ($0.key, $0.value) }
    }

    /// Tags as a list of pairs, with the key and value names the service uses.
    func tags(key: String, value: String) -> Arg { tagList(key: key, value: value).arg }

    func tagList(key: String, value: String) -> JSONValue {
        .array(tagPairs.map { .object([(key, .string(.text($0.0))), (value, .string(.text($0.1)))]) })
    }

    /// Tags as one object, key to value.
    var tagMap: Arg { JSONValue.object(tagPairs.map { ($0.0, .string(.text($0.1))) }).arg }

    /// EC2's `--tag-specifications` for a resource type.
    func tagSpecifications(_ resourceType: String) -> Arg {
        JSONValue.array([.object([("ResourceType", .string(.text(resourceType))), ("Tags", tagList(key: "Key", value: "Value"))])]).arg
    }

    /// The filter that finds only what carries vpcpipe's tag with the plan's name (teardown).
    var ownTagFilter: (String, Arg) { ("tag:\(Names.tagKey)", .text(answers.name)) }

    // MARK: Filters

    func filters(_ pairs: (String, Arg)...) -> Arg { filters(pairs) }

    func filters(_ pairs: [(String, Arg)]) -> Arg { filters(pairs.map { ($0.0, [$0.1]) }) }

    func filters(_ pairs: [(String, [Arg])]) -> Arg {
        JSONValue.array(pairs.map { .object([("Name", .string(.text($0.0))), ("Values", .array($0.1.map { .string($0) }))]) }).arg
    }
}
