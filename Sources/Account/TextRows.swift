import Foundation

/// The rows `--output text` prints for a `--query`, made from the JSON of the same call: the
/// scripts' queries print rows (`ID<TAB>VPC<TAB>ZONE`) that bash reads; read here in JSON, each
/// value becomes the text the CLI would print (null `None`, true `True`), so that the same query
/// gives the same rows to both.
public enum TextRows {
    /// A call printing the rows of its query: a list of lists is a row each, a list of values
    /// one row, a value one row of one field.
    public static func call(_ arguments: [String], what: String) -> AWSCall<[[String]]> {
        AWSCall(arguments, what: what) { data in try rows(data) }
    }

    public static func rows(_ data: Data) throws -> [[String]] {
        // A call that answers nothing (head-bucket) prints nothing, in text as in JSON.
        guard data.contains(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else { return [] }
        switch try JSONDecoder().decode(Value.self, from: data) {
        case .list(let items):
            if items.contains(where: { if case .list = $0 { true } else { false } }) {
                return items.map { item in if case .list(let fields) = item { fields.map(\.text) } else { [item.text] } }
            }
            return items.isEmpty ? [] : [items.map(\.text)]
        case let scalar:
            return [[scalar.text]]
        }
    }

    /// A JSON value as the AWS CLI's text output prints it.
    indirect enum Value: Decodable {
        case null, bool(Bool), integer(Int), number(Double), string(String), list([Value]), object

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let integer = try? container.decode(Int.self) { self = .integer(integer) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if let list = try? container.decode([Value].self) { self = .list(list) }
            else { self = .object }
        }

        var text: String {
            switch self {
            case .null: "None"
            case .bool(let bool): bool ? "True" : "False"
            case .integer(let integer): String(integer)
            case .number(let number): String(number)
            case .string(let string): string
            case .list(let items): items.map(\.text).joined(separator: "\t")
            case .object: ""
            }
        }
    }
}
