// Codable values as a `JSONValue`, so that a Codable document (plan.json) is written by the same
// writer as the policy documents: JSONEncoder's pretty output differs (`"key" : value`, an
// empty array over two lines).

extension JSONValue {
    /// The value as its `Encodable` conformance writes it. `JSONValue` holds no null and no
    /// fraction: a nil written other than by `encodeIfPresent` (which leaves the key out), or a
    /// floating-point number, is an error.
    public init(encoding value: some Encodable) throws {
        let node = Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        self = node.value
    }
}

/// One value being encoded: a container hands out its members' nodes before they are written.
private final class Node {
    var single: JSONValue?
    var members: [(String, Node)]?
    var items: [Node]?

    /// What was written; nothing at all is an empty object, as JSONEncoder has it.
    var value: JSONValue {
        if let single { return single }
        if let items { return .array(items.map(\.value)) }
        return .object((members ?? []).map { ($0.0, $0.1.value) })
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(Members(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return Items(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { single }

    var single: Single { Single(node: node, codingPath: codingPath) }
}

/// Strings, booleans and integers end here; the standard library's other primitives and the
/// `encode(_:forKey:)` of each primitive come through the generic `encode` by default.
private struct Single: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    func encodeNil() throws { throw unsupported(Optional<Any>.none as Any, "null") }

    func encode<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String: node.single = .string(.text(text))
        case let flag as Bool: node.single = .bool(flag)
        case let integer as any BinaryInteger:
            guard let number = Int(exactly: integer) else { throw unsupported(value, "an integer beyond Int") }
            node.single = .number(number)
        case is any BinaryFloatingPoint: throw unsupported(value, "a floating-point number")
        default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }

    private func unsupported(_ value: Any, _ what: String) -> EncodingError {
        .invalidValue(value, EncodingError.Context(codingPath: codingPath, debugDescription: "JSONValue holds no \(what)"))
    }
}

private struct Members<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func member(_ name: String, _ key: any CodingKey) -> NodeEncoder {
        let child = Node()
        node.members?.append((name, child))
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }

    private func member(_ key: Key) -> NodeEncoder { member(key.stringValue, key) }

    func encodeNil(forKey key: Key) throws { try member(key).single.encodeNil() }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: member(key)) }

    func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { member(key).unkeyedContainer() }

    func superEncoder() -> any Encoder { member("super", Index(0)) }

    func superEncoder(forKey key: Key) -> any Encoder { member(key) }
}

private struct Items: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    var count: Int { node.items?.count ?? 0 }

    private func item() -> NodeEncoder {
        let child = Node()
        let index = count
        node.items?.append(child)
        return NodeEncoder(node: child, codingPath: codingPath + [Index(index)])
    }

    func encodeNil() throws { try item().single.encodeNil() }

    func encode<T: Encodable>(_ value: T) throws { try value.encode(to: item()) }

    func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
        item().container(keyedBy: type)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { item().unkeyedContainer() }

    func superEncoder() -> any Encoder { item() }
}

/// An array item's place in a coding path, for error messages.
private struct Index: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init(intValue: Int) { self.init(intValue) }
    init?(stringValue: String) { nil }
}
