import Foundation
import TestSupport
import XCTest
@testable import Planner

final class PlanShellTests: XCTestCase {
    func testEveryLiteralIsSingleQuotedEvenWhenSafe() {
        XCTAssertEqual(Shell.quote("main"), "'main'")
        XCTAssertEqual(Shell.quote(""), "''")
        XCTAssertEqual(Shell.quote("it's"), #"'it'\''s'"#)
    }

    func testRuntimeParts() {
        let arn: Arg = "arn:aws:iam::" + Arg.variable("ACCOUNT") + ":role/x"
        XCTAssertEqual(Shell.quote(arn), #"'arn:aws:iam::'"$ACCOUNT"':role/x'"#)
        XCTAssertEqual(arn.display, "arn:aws:iam::${ACCOUNT}:role/x")
        XCTAssertEqual(Shell.quote(.variable("BUILD_SG")), #""$BUILD_SG""#)
    }

    func testCommandWordsQuoteValuesOnly() {
        let command = Command("ec2", "create-vpc-endpoint").with("subnet-ids", "subnet-1", "subnet-2").with("private-dns-enabled")
        XCTAssertEqual(Shell.words(command), ["ec2", "create-vpc-endpoint", "--subnet-ids", "'subnet-1'", "'subnet-2'",
                                              "--private-dns-enabled"])
        XCTAssertEqual(command.argv, ["aws", "ec2", "create-vpc-endpoint", "--subnet-ids", "subnet-1", "subnet-2",
                                      "--private-dns-enabled"])
    }

    /// Each hostile value, quoted, reaches printf unchanged; a runtime variable is expanded once.
    func testQuotedValuesRoundTripThroughBash() throws {
        let values = ["two words", "it's", #"say "hi""#, "$(touch /tmp/vpcpipe-pwned)", "`id`", "line\nbreak",
                      "tab\there", #"back\slash"#, "$HOME", "*", "!x", "'", "''", "-n", ""]
        for value in values {
            let arg: Arg = Arg.text(value) + Arg.variable("V") + Arg.text(value)
            let line = "V='$(x)'; printf '%s\\n' \(Shell.quote(arg))"
            let result = try runProgram("/bin/bash", ["-c", line])
            XCTAssertEqual(result.status, 0, result.summary)
            XCTAssertEqual(result.stdout, value + "$(x)" + value + "\n", value)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/vpcpipe-pwned"))
    }

    func testJSONStringsAreEscapedAndKeepRuntimeParts() {
        let document = JSONValue.object([("a", .string("x\"y\n" + Arg.variable("ACCOUNT"))), ("b", .bool(true))])
        XCTAssertEqual(document.arg.display, #"{"a":"x\"y\n${ACCOUNT}","b":true}"#)
        XCTAssertEqual(document.document(), "{\n  \"a\": \"x\\\"y\\n${ACCOUNT}\",\n  \"b\": true\n}\n")
        XCTAssertEqual(JSONValue.object([("b", 1), ("a", 2)].map { ($0.0, .number($0.1)) })
            .rendered(pretty: false, sortedKeys: true).display, #"{"a":2,"b":1}"#)
    }

    /// Codable values reach `JSONValue` as JSONEncoder would write them, nil members left out;
    /// what `JSONValue` cannot hold is refused, not written as something else.
    func testEncodableValuesBecomeJSONValues() throws {
        struct Inner: Encodable { var flag = true; var count: UInt8 = 7 }
        struct Outer: Encodable {
            var text = "x\"y"
            var none: String? = nil
            var inner = Inner()
            var list: [[Int]] = [[1], []]
            var empty: [String: Int] = [:]
        }
        XCTAssertEqual(try JSONValue(encoding: Outer()).rendered(pretty: false, sortedKeys: true).display,
                       #"{"empty":{},"inner":{"count":7,"flag":true},"list":[[1],[]],"text":"x\"y"}"#)
        // A nested container is written after its key was placed, and keeps that place.
        struct Nested: Encodable {
            enum Keys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var outer = encoder.container(keyedBy: Keys.self)
                var list = outer.nestedUnkeyedContainer(forKey: .a)
                try outer.encode("after", forKey: .b)
                try list.encode(1)
                var inner = list.nestedContainer(keyedBy: Keys.self)
                try inner.encode(true, forKey: .b)
            }
        }
        XCTAssertEqual(try JSONValue(encoding: Nested()).arg.display, #"{"a":[1,{"b":true}],"b":"after"}"#)
        XCTAssertThrowsError(try JSONValue(encoding: [1.5]))
        XCTAssertThrowsError(try JSONValue(encoding: [UInt64.max]))
        XCTAssertThrowsError(try JSONValue(encoding: [Int?.none]))
    }
}
