import Yams

/// Decodes a composed answers file into `Answers` by `AnswerSchema`. Keeps going past every
/// problem: a missing or wrong key keeps its default, a string that breaks its pattern is kept
/// as written (for `Rules.check` to report), and each value's position is kept for the rules'
/// diagnostics.
struct AnswersDecoder {
    /// The path of problems with the file as a whole.
    static let documentPath = "document"

    private(set) var answers = Answers()
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each decoded path stands: a value's own position, a section's key.
    private(set) var positions: [String: Position] = [:]
    /// The keys whose value the reader refused (and so left at its default): a rule's problem
    /// with that default would say nothing new.
    private(set) var refused = Set<String>()
    /// The missing keys given a default that follows another answer, and the path of that answer.
    private(set) var followed: [String: String] = [:]
    private var present = Set<String>()
    /// The paths holding a key cut short, by their English, as each language shows them.
    private var shownPaths: [String: Wording] = [:]
    private var unknownKeys = 0
    /// Suggestions cost a fraction of a millisecond each: past this many unknown keys the file
    /// is no answers file, and the rest are only listed.
    static let suggestedUnknownKeys = 50
    private let duplicates: [Position: String]
    /// The keys decoded: the answers file's, or a test's own.
    private let keys: [AnswerKey]

    init(duplicates: [Position: String], keys: [AnswerKey] = AnswerSchema.keys) {
        self.duplicates = duplicates
        self.keys = keys
    }

    /// Decodes the document; false when it cannot be answers at all (not a mapping, or another
    /// version), so that checking the defaults would only add noise.
    mutating func decode(_ root: Node) -> Bool {
        positions[""] = root.position
        guard let mapping = root.mapping else {
            error(Self.documentPath, .notice(.found, ["found": Self.describe(root), "expected": .notice(.answersMapping)]), at: root)
            return false
        }
        if let version = mapping["version"], let number = Self.plainInteger(version), number != 1 {
            error("version", .notice(.versionUnsupported, ["version": .verbatim("\(number)")]), at: version)
            return false
        }
        decode(mapping, keys: keys, prefix: "", at: root)
        applyFollowDefaults()
        return true
    }

    // MARK: - Mappings and keys

    private mutating func decode(_ mapping: Node.Mapping, keys: [AnswerKey], prefix: String, at node: Node) {
        for entry in entries(of: mapping, prefix: prefix) {
            let path = prefix + entry.name
            guard let key = keys.first(where: { $0.name == entry.name }) else {
                unknownKeys += 1
                let suggestion = unknownKeys > Self.suggestedUnknownKeys ? nil
                    : KeySuggestion.nearest(to: entry.name, siblings: keys.map(\.name), prefix: prefix)
                let message = suggestion.map { Wording.notice(.unknownKeyDidYouMean, ["key": .verbatim($0)]) }
                    ?? .notice(.unknownKeyOneOf, ["keys": .verbatim(keys.map(\.name).joined(separator: ", "))])
                error(shown(prefix, entry.name), message, at: entry.key)
                continue
            }
            present.insert(path)
            let before = diagnostics.count
            decode(entry.value, as: key, path: path, keyNode: entry.key)
            if diagnostics.count > before { refused.insert(path) }
        }
        for key in keys where !present.contains(prefix + key.name) {
            if let expected = key.requiredWords { error(prefix + key.name, .notice(.required, ["expected": expected]), at: node) }
        }
    }

    /// The entries of a mapping by name, once each: a key given twice is an error at each later
    /// occurrence, and the last one counts, as in most YAML readers.
    private mutating func entries(of mapping: Node.Mapping, prefix: String) -> [(name: String, key: Node, value: Node)] {
        var order: [String] = []
        var occurrences: [String: [(key: Node, value: Node)]] = [:]
        for (key, value) in mapping {
            guard let scalar = key.scalar else {
                error(prefix + "?", .notice(.foundAsKey, ["found": Self.describe(key)]), at: key)
                continue
            }
            let name = key.position.flatMap { duplicates[$0] } ?? scalar.string
            if occurrences[name] == nil { order.append(name) }
            occurrences[name, default: []].append((key, value))
        }
        return order.map { name in
            let all = occurrences[name]!
            for later in all.dropFirst() {
                error(shown(prefix, name),
                      .notice(.duplicatedKeyFirstAt, ["line": .verbatim("\(all[0].key.position?.line ?? 0)")]), at: later.key)
            }
            return (name, all.last!.key, all.last!.value)
        }
    }

    /// A missing key whose default follows another answer takes it, in the order of the file.
    private mutating func applyFollowDefaults() {
        for key in AnswerSchema.leaves(of: keys) where !present.contains(key.path) {
            guard let follow = key.follow, case .text(let keyPath) = key.kind else { continue }
            answers[keyPath: keyPath] = follow.value(answers)
            followed[key.path] = follow.answer
        }
    }

    // MARK: - Values

    private mutating func decode(_ node: Node, as key: AnswerKey, path: String, keyNode: Node) {
        positions[path] = node.position
        switch key.kind {
        case .section(let children, let present):
            positions[path] = keyNode.position
            // A section the file may leave out is there once named, its required keys too.
            if let present { answers[keyPath: present] = true }
            if Self.isNull(node) {
                if present != nil { decode([:], keys: children, prefix: path + ".", at: keyNode) }
                return
            }
            guard let mapping = node.mapping else { return typeError(path, node, expected: key.expected) }
            decode(mapping, keys: children, prefix: path + ".", at: keyNode)
        case .version:
            if let version = integer(node, path: path, notice: .notVersionNumber, expected: key.expected) {
                answers.version = version
            }
        case .text(let keyPath):
            if let text = text(node, path: path, expected: key.expected) { answers[keyPath: keyPath] = text }
        case .flag(let keyPath):
            if let flag = flag(node, path: path) { answers[keyPath: keyPath] = flag }
        case .integer(let keyPath, _):
            if let number = integer(node, path: path, notice: .notWholeNumber, expected: key.expected) {
                answers[keyPath: keyPath] = number
            }
        case .choice(let choice):
            guard let text = text(node, path: path, expected: key.expected) else { return }
            if !choice.set(&answers, text) {
                let what = RuleWords.words(path, \.what, english: key.name.replacingOccurrences(of: "_", with: " "))
                error(path, .notice(.notValid, ["value": quoted(text), "what": what, "reason": key.expected]), at: node)
            }
        case .texts(let keyPath):
            answers[keyPath: keyPath] = list(node, path: path, expected: key.expected).map(\.text)
        case .endpoints:
            answers.endpoints.existing = list(node, path: path, expected: key.expected).compactMap { item in
                guard let service = EndpointService(rawValue: item.text) else {
                    error(item.path, .notice(.notPlannedEndpoint, [
                        "value": quoted(item.text),
                        "endpoints": .verbatim(EndpointService.allCases.map(\.rawValue).joined(separator: " | ")),
                    ]), at: item.node)
                    return nil
                }
                return service
            }
        case .tags:
            answers.tags = tags(node, path: path, expected: key.expected)
        case .objects(let objects):
            if Self.isNull(node) { return }
            guard let sequence = node.sequence else { return typeError(path, node, expected: key.expected) }
            for (index, item) in sequence.enumerated() {
                guard let mapping = item.mapping else {
                    typeError("\(path)[\(index)]", item,
                              expected: .notice(.aMappingOf, ["keys": .verbatim(objects.keys(0).map(\.name).joined(separator: ", "))]))
                    continue
                }
                // As in a list, the rules know the typed items, whose indexes skip those left out.
                let typed = objects.count(answers)
                objects.append(&answers)
                positions["\(path)[\(typed)]"] = item.position
                decode(mapping, keys: objects.fields(typed, under: path), prefix: "\(path)[\(typed)].", at: item)
            }
        }
    }

    /// A single value as text, exactly as written: `name: 0123` is "0123", `name: yes` is "yes".
    /// A plain null (`~`, `null`, nothing) is blank. A list or mapping is an error (nil).
    private mutating func text(_ node: Node, path: String, expected: Wording) -> String? {
        guard let scalar = node.scalar else {
            typeError(path, node, expected: expected)
            return nil
        }
        return Self.isNull(node) ? "" : scalar.string
    }

    /// Only YAML's true and false, unquoted and untagged: `yes`, `on`, `"true"` or `!!str true` are refused.
    private mutating func flag(_ node: Node, path: String) -> Bool? {
        guard let text = text(node, path: path, expected: .notice(.trueOrFalse)) else { return nil }
        let flags = ["true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false]
        if Self.isPlain(node), let flag = flags[text] { return flag }
        error(path, .notice(.notFlag, ["value": Self.shown(text, node)]), at: node)
        return nil
    }

    /// A whole number only as YAML's plain integer, as for a flag: `30`, not `"30"`, `30.0` or `!!str 30`.
    private mutating func integer(_ node: Node, path: String, notice: Notice, expected: Wording) -> Int? {
        guard let text = text(node, path: path, expected: expected) else { return nil }
        if let number = Self.plainInteger(node) { return number }
        error(path, .notice(notice, ["value": Self.shown(text, node), "expected": expected]), at: node)
        return nil
    }

    /// A plain, untagged scalar: what YAML reads by its form (a number, true) rather than as text.
    private static func isPlain(_ node: Node) -> Bool {
        node.scalar.map { $0.style == .plain && $0.tag.rawValue.isEmpty } ?? false
    }

    private static func plainInteger(_ node: Node) -> Int? {
        guard isPlain(node), let text = node.scalar?.string, Resolver.default.resolveTag(of: node) == .int else { return nil }
        return Int(text)
    }

    /// A refused flag or number as it was written, said "quoted" when quoting made it text.
    private static func shown(_ text: String, _ node: Node) -> Wording {
        node.scalar?.style == .plain ? quoted(text) : .notice(.quotedValue, ["value": quoted(text)])
    }

    /// A list of single values, each with its path (by its index in the file) and node.
    /// A null is an empty list; an item that is not a single value is an error and left out.
    private mutating func list(_ node: Node, path: String, expected: Wording) -> [(text: String, path: String, node: Node)] {
        if Self.isNull(node) { return [] }
        guard let sequence = node.sequence else {
            typeError(path, node, expected: expected)
            return []
        }
        var items: [(text: String, path: String, node: Node)] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let text = text(item, path: itemPath, expected: .notice(.aSingleValue)) else { continue }
            // The rules know the typed list, whose indexes skip the items left out.
            positions["\(path)[\(items.count)]"] = item.position
            items.append((text, itemPath, item))
        }
        return items
    }

    private mutating func tags(_ node: Node, path: String, expected: Wording) -> [Answers.Tag] {
        if Self.isNull(node) { return [] }
        guard let mapping = node.mapping else {
            typeError(path, node, expected: expected)
            return []
        }
        return entries(of: mapping, prefix: path + ".").compactMap { entry in
            let tagPath = shown(path + ".", entry.name)
            guard let value = text(entry.value, path: tagPath, expected: .notice(.aTagValue)) else { return nil }
            positions[tagPath] = entry.key.position
            return Answers.Tag(key: entry.name, value: value)
        }
    }

    /// A tag's path as the reader reports it: its key cut short, as a key of a megabyte would
    /// make a line of a megabyte.
    static func tagPath(_ key: String) -> Wording { path("tags.", key) }

    /// `prefix` and `key` as a path shows them (`shownKey`).
    private static func path(_ prefix: String, _ key: String) -> Wording {
        switch shownKey(key) {
        case .verbatim(let key): .verbatim(prefix + key)
        case let shown: .each { prefix + shown.text($0) }
        }
    }

    /// The path of `key` under `prefix`, in English, its other languages kept for `error`.
    private mutating func shown(_ prefix: String, _ key: String) -> String {
        let shown = Self.path(prefix, key), english = shown.text(.en)
        if shown != .verbatim(english) { shownPaths[english] = shown }
        return english
    }

    // MARK: - Problems

    private mutating func typeError(_ path: String, _ node: Node, expected: Wording) {
        error(path, .notice(.found, ["found": Self.describe(node), "expected": expected]), at: node)
    }

    private mutating func error(_ path: String, _ message: Wording, at node: Node) {
        let position = node.position
        diagnostics.append(Diagnostic(.error, shownPath: shownPaths[path] ?? .verbatim(path), message,
                                      line: position?.line, column: position?.column))
    }

    private static func describe(_ node: Node) -> Wording {
        switch node {
        case .mapping: return .notice(.aMapping)
        case .sequence: return .notice(.aList)
        case .scalar(let scalar): return isNull(node) ? .notice(.nothing) : quoted(scalar.string)
        case .alias: return .notice(.anAlias)
        }
    }

    private static func isNull(_ node: Node) -> Bool { node.scalar != nil && Resolver.default.resolveTag(of: node) == .null }
}

private extension Node {
    var position: Position? { mark.map(Position.init) }
}
