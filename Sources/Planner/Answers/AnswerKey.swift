// One key of the answers file, declared once (AnswerSchema): where it lives in `Answers`, what
// it holds, its default and what that default follows, its rule, and the wizard's label and
// help for it. The reader, the writer, `Rules.check`, the wizard and the README's reference
// all read this declaration.

public struct AnswerKey: Sendable {
    enum Kind: Sendable {
        /// Keys under one name; `present`, for a section the file may leave out (whose absence
        /// is not its defaults: `stackset`), says whether the answers have it, and adds it when set.
        case section([AnswerKey], present: (WritableKeyPath<Answers, Bool> & Sendable)?)
        case version
        case text(WritableKeyPath<Answers, String> & Sendable)
        case flag(WritableKeyPath<Answers, Bool> & Sendable)
        /// A whole number, written unquoted; `Rules.check` keeps it in its range.
        case integer(WritableKeyPath<Answers, Int> & Sendable, ClosedRange<Int>)
        case choice(Choice)
        case texts(WritableKeyPath<Answers, [String]> & Sendable)
        /// `endpoints.existing`: a list of `EndpointService` raw values.
        case endpoints
        case tags
        /// A list of mappings, each of the same keys (`stackset.accounts`).
        case objects(Objects)
    }

    /// The dotted path, as diagnostics name the key: `codeartifact.domain`.
    public private(set) var path: String
    /// The key as the file writes it: the last part of the path.
    let name: String
    let kind: Kind
    /// The wizard's field label; nil for a key no field shows (the version, the tags).
    public let label: String?
    /// The field's help, in the article's terms.
    public let help: String
    /// For a required key, what is expected: its absence is an error, not a default.
    let required: String?
    /// The answer a missing key's default follows, for the reader and the wizard's refill.
    let follow: Follow?
    /// What the README's reference shows as the default where it is not a value: "(required)"
    /// for what a rule requires.
    let reference: String?
    /// How `Rules.check` validates the key.
    let rule: Rule?
    /// A key added to version 1 after its first files: the writer leaves it out while it holds
    /// its default, so that replaying an older file writes the same answers.yaml.
    let omittedAtDefault: Bool

    init(_ name: String, _ kind: Kind, label: String? = nil, help: String = "", required: String? = nil,
         follow: Follow? = nil, reference: String? = nil, rule: Rule? = nil, omittedAtDefault: Bool = false) {
        self.path = name
        self.name = name
        self.kind = kind
        self.label = label
        self.help = help
        self.required = required
        self.follow = follow
        self.reference = reference
        self.rule = rule
        self.omittedAtDefault = omittedAtDefault
    }

    /// A section of keys, each placed under its name.
    static func section(_ name: String, _ keys: [AnswerKey],
                        present: (WritableKeyPath<Answers, Bool> & Sendable)? = nil) -> AnswerKey {
        AnswerKey(name, .section(keys.map { $0.placed(under: name) }, present: present))
    }

    func placed(under prefix: String) -> AnswerKey {
        var key = self
        key.path = prefix + "." + path
        return key
    }

    /// The answer the key holds, by which the wizard's fields and the plan's resources name it.
    public var answer: (PartialKeyPath<Answers> & Sendable)? {
        switch kind {
        case .section: nil
        case .version: \Answers.version
        case .text(let keyPath): keyPath
        case .flag(let keyPath): keyPath
        case .integer(let keyPath, _): keyPath
        case .choice(let choice): choice.answer
        case .texts(let keyPath): keyPath
        case .endpoints: \Answers.endpoints.existing
        case .tags: \Answers.tags
        case .objects(let objects): objects.answer
        }
    }

    /// What the key holds, for messages: "(a single value)", "(a list)".
    var expected: Wording {
        func names(_ keys: [AnswerKey]) -> Wording { .verbatim(keys.map(\.name).joined(separator: ", ")) }
        switch kind {
        case .section(let keys, _): return .notice(.aMappingOf, ["keys": names(keys)])
        case .version: return .verbatim("version: 1")
        case .text: return .notice(.aSingleValue)
        case .flag: return .notice(.trueOrFalse)
        case .integer(_, let range):
            return .notice(.wholeNumberFrom, ["lowest": .verbatim("\(range.lowerBound)"), "highest": .verbatim("\(range.upperBound)")])
        case .choice(let choice): return .verbatim(choice.options.joined(separator: " | "))
        case .texts: return .notice(.aList)
        case .endpoints: return .notice(.aListOf, ["items": .verbatim(EndpointService.allCases.map(\.rawValue).joined(separator: ", "))])
        case .tags: return .notice(.tagMapping)
        case .objects(let objects): return .notice(.aListOfMappingsOf, ["keys": names(objects.keys(0))])
        }
    }

    /// What a required key's absence expects, in each language.
    var requiredWords: Wording? {
        required.map { RuleWords.words(path, \.required, english: $0) }
    }
}

/// The items of a list of mappings: how many the answers hold, how one is added, and the keys of
/// the item at an index, whose key paths reach into that item and whose paths are placed under
/// the list's (`stackset.accounts[0].vpc`) where the list is read, written and checked.
struct Objects: Sendable {
    let answer: PartialKeyPath<Answers> & Sendable
    let count: @Sendable (Answers) -> Int
    let append: @Sendable (inout Answers) -> Void
    let keys: @Sendable (Int) -> [AnswerKey]

    static func of<Item: Sendable>(_ list: WritableKeyPath<Answers, [Item]> & Sendable, new: Item,
                                   fields: @escaping @Sendable (Int) -> [AnswerKey]) -> Objects {
        Objects(answer: list, count: { $0[keyPath: list].count }, append: { $0[keyPath: list].append(new) }, keys: fields)
    }

    /// The keys of the item at `index` of the list at `path`.
    func fields(_ index: Int, under path: String) -> [AnswerKey] {
        keys(index).map { $0.placed(under: "\(path)[\(index)]") }
    }
}

/// A text answer whose default follows another answer: the names follow `name`, the upstream
/// follows the format. The reader sets a missing key with `value`; the wizard refills a field
/// that still holds `value` of the answers before a change.
struct Follow: Sendable {
    /// The path of the answer followed: a problem with the default is reported there.
    let answer: String
    /// What the README's reference shows as the default; nil: the default for the article's answers.
    let shown: String?
    let value: @Sendable (Answers) -> String

    /// The repository, build project and pipeline take the base name as it is.
    static let name = Follow(answer: "name", shown: "name") { Defaults.resourceName(name: $0.name) }
}

/// A key whose value is one of an enum's raw values.
struct Choice: Sendable {
    let options: [String]
    let answer: PartialKeyPath<Answers> & Sendable
    let get: @Sendable (Answers) -> String
    /// Sets the answer from its file spelling; false if it is not one of the options.
    let set: @Sendable (inout Answers, String) -> Bool

    static func of<Value: RawRepresentable & CaseIterable & SendableMetatype>(_ keyPath: WritableKeyPath<Answers, Value> & Sendable) -> Choice
    where Value.RawValue == String {
        Choice(options: Value.allCases.map(\.rawValue), answer: keyPath, get: { $0[keyPath: keyPath].rawValue }) { answers, text in
            guard let value = Value(rawValue: text) else { return false }
            answers[keyPath: keyPath] = value
            return true
        }
    }
}

/// How `Rules.check` validates one key. Messages read "what is wrong (what is expected)"; the
/// words are English here, and RuleWords gives them in Japanese by the key's path.
enum Rule: Sendable {
    /// A text answer: no control character, then blank (allowed or "required (expected)"), then
    /// `problem`, which says why the value is not a valid `what`.
    case text(what: String, expected: String, blankAllowed: Bool, problem: @Sendable (String) -> Wording?)
    /// A text rule that is a single pattern: `expected` is also the reason given.
    case matching(what: String, expected: String, blankAllowed: Bool, valid: @Sendable (String) -> Bool)
    /// A rule that reads other answers too (Rules.swift), given the key's path.
    case custom(@Sendable (inout Checks, String, Answers) -> Void)

    static func pattern(_ what: String, expected: String, blankAllowed: Bool = false,
                        valid: @escaping @Sendable (String) -> Bool) -> Rule {
        .matching(what: what, expected: expected, blankAllowed: blankAllowed, valid: valid)
    }

    /// A value picked from a closed list (a catalog): the message names the choices.
    static func oneOf(_ what: String, _ choices: [String]) -> Rule {
        pattern(what, expected: choices.joined(separator: " | ")) { choices.contains($0) }
    }
}
