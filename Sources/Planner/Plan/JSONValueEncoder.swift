// Codable values as a `JSONValue`, so that a Codable document (plan.json) is written by the same
// writer as the policy documents: JSONEncoder's pretty output differs (`"key" : value`, an
// empty array over two lines).

extension JSONValue {
    /// The value as its `Encodable` conformance writes it. `JSONValue` holds no null and no
    /// fraction: a nil written other than by `encodeIfPresent` (which leaves the key out), or a
    /// floating-point number, is an error.
    public init(encoding value: some Encodable) throws {
        let node = Node(parent: nil, key: nil)
        try value.encode(to: NodeEncoder(node: node))
        self = node.value
    }
}

/// One value being encoded. A member or item is done when its `encode` returns; only a nested
/// container is handed out before it is written, and stays open until the end.
private final class Node {
    enum Entry {
        case done(JSONValue)
        case open(Node)

        var value: JSONValue {
            switch self {
            case .done(let value): value
            case .open(let node): node.value
            }
        }
    }

    var single: JSONValue?
    var members: [(String, Entry)]?
    var items: [Entry]?
    /// Where the node is, for the coding path of an error: asked for only then.
    let parent: Node?
    let key: (any CodingKey)?

    init(parent: Node?, key: (any CodingKey)?) { self.parent = parent; self.key = key }

    func codingPath(_ last: (any CodingKey)? = nil) -> [any CodingKey] {
        (parent?.codingPath() ?? []) + [key, last].compactMap { $0 }
    }

    /// What was written; nothing at all is an empty object, as JSONEncoder has it.
    var value: JSONValue {
        if let single { return single }
        if let items { return .array(items.map(\.value)) }
        return .object((members ?? []).map { ($0.0, $0.1.value) })
    }

    /// `value` written into a new node under this one.
    func encoded(_ value: some Encodable, key: any CodingKey) throws -> JSONValue {
        if let scalar = try scalar(value, path: codingPath(key)) { return scalar }
        let child = Node(parent: self, key: key)
        try value.encode(to: NodeEncoder(node: child))
        return child.value
    }
}

/// The one place where a value becomes a `JSONValue`; nil for a value that writes itself through
/// a container. Strings, booleans and `Int` come straight from every container, the other
/// primitives through the generic `encode`, by default.
private func scalar(_ value: some Encodable, path: @autoclosure () -> [any CodingKey]) throws -> JSONValue? {
    switch value {
    case let text as String: return .string(.text(text))
    case let flag as Bool: return .bool(flag)
    case let integer as any BinaryInteger:
        guard let number = Int(exactly: integer) else { throw refusal("integer beyond Int", value, path()) }
        return .number(number)
    case is any BinaryFloatingPoint: throw refusal("floating-point number", value, path())
    default: return nil
    }
}

private func refusal(_ what: String, _ value: Any, _ path: [any CodingKey]) -> EncodingError {
    .invalidValue(value, EncodingError.Context(codingPath: path, debugDescription: "JSONValue holds no \(what)"))
}

private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { node.codingPath() }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(Members(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return Items(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }
}

private struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { node.codingPath() }

    func encodeNil() throws { throw refusal("null", Int?.none as Any, codingPath) }
    func encode(_ value: String) throws { node.single = .string(.text(value)) }
    func encode(_ value: Bool) throws { node.single = .bool(value) }
    func encode(_ value: Int) throws { node.single = .number(value) }

    func encode<T: Encodable>(_ value: T) throws {
        if let scalar = try scalar(value, path: codingPath) {
            node.single = scalar
        } else {
            try value.encode(to: NodeEncoder(node: node))
        }
    }
}

private struct Members<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { node.codingPath() }

    private func add(_ key: any CodingKey, _ entry: Node.Entry) { node.members?.append((key.stringValue, entry)) }

    private func open(_ key: any CodingKey) -> NodeEncoder {
        let child = Node(parent: node, key: key)
        add(key, .open(child))
        return NodeEncoder(node: child)
    }

    func encodeNil(forKey key: Key) throws { throw refusal("null", Int?.none as Any, node.codingPath(key)) }
    func encode(_ value: String, forKey key: Key) throws { add(key, .done(.string(.text(value)))) }
    func encode(_ value: Bool, forKey key: Key) throws { add(key, .done(.bool(value))) }
    func encode(_ value: Int, forKey key: Key) throws { add(key, .done(.number(value))) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(key, .done(try node.encoded(value, key: key))) }

    func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        open(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { open(key).unkeyedContainer() }
    func superEncoder() -> any Encoder { open(Index(stringValue: "super")) }
    func superEncoder(forKey key: Key) -> any Encoder { open(key) }
}

private struct Items: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { node.codingPath() }
    var count: Int { node.items?.count ?? 0 }

    private var next: Index { Index(intValue: count) }
    private func add(_ entry: Node.Entry) { node.items?.append(entry) }

    private func open() -> NodeEncoder {
        let child = Node(parent: node, key: next)
        add(.open(child))
        return NodeEncoder(node: child)
    }

    func encodeNil() throws { throw refusal("null", Int?.none as Any, node.codingPath(next)) }
    func encode(_ value: String) throws { add(.done(.string(.text(value)))) }
    func encode(_ value: Bool) throws { add(.done(.bool(value))) }
    func encode(_ value: Int) throws { add(.done(.number(value))) }
    func encode<T: Encodable>(_ value: T) throws { add(.done(try node.encoded(value, key: next))) }

    func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
        open().container(keyedBy: type)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { open().unkeyedContainer() }
    func superEncoder() -> any Encoder { open() }
}

/// A place in a coding path that is not the document's own key: an array item, `super`.
private struct Index: CodingKey {
    let intValue: Int?
    private let name: String
    var stringValue: String { intValue.map { "Index \($0)" } ?? name }
    init(intValue: Int) { self.intValue = intValue; name = "" }
    init(stringValue: String) { intValue = nil; name = stringValue }
}
