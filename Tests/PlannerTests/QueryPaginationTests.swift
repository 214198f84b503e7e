import Foundation
import TestSupport
import XCTest
@testable import Planner

/// With `--output text`, the AWS CLI runs `--query` on each page of an operation it pages
/// through: a query that picks one value (`[0]`) must see one page (`--no-paginate`), or it
/// prints a line a page; a query listing rows needs every page, or it misses resources.
final class QueryPaginationTests: XCTestCase {
    /// The operations the plans query that the CLI pages through, as `SERVICE OPERATION` in the
    /// CLI's names: checked against botocore's paginators below.
    static let paginated: Set<String> = [
        "codeartifact list-package-versions", "codeartifact list-repositories-in-domain",
        "codepipeline list-action-executions", "codepipeline list-pipeline-executions", "codepipeline list-tags-for-resource",
        "ec2 describe-network-interfaces", "ec2 describe-route-tables", "ec2 describe-security-group-rules",
        "ec2 describe-security-groups", "ec2 describe-subnets", "ec2 describe-vpc-endpoint-services",
        "ec2 describe-vpc-endpoints", "iam list-roles", "logs describe-log-groups", "s3api list-object-versions",
    ]

    /// Every command with a query, of the plans of every mix of answers.
    private static func queries() -> [(label: String, command: Command)] {
        RenderScriptTests.mixes().flatMap { label, answers in
            Planner.plan(answers).allCommands.filter { $0.has("query") }.map { (label, $0) }
        }
    }

    private static func name(_ command: Command) -> String { command.service + " " + command.operation }

    func testThePaginatedOperationsAreThoseBotocorePagesThrough() throws {
        let operations = Set(Self.queries().map { Self.name($0.command) }).sorted()
        let script = """
            out = []
            for pair in sys.argv[1:]:
                service, operation = pair.split(' ')
                pages = model({'s3api': 's3'}.get(service, service), 'paginators-1').get('pagination', {})
                if any(botocore.xform_name(name, '-') == operation for name in pages):
                    out.append(pair)
            print(json.dumps(out))
            """
        let printed = try Botocore.run(script, operations)
        let paged = try JSONDecoder().decode([String].self, from: Data(printed.utf8))
        XCTAssertEqual(Set(paged), Self.paginated, "the plans query \(operations)")
    }

    func testAQueryOnAPaginatedOperationSeesOnePageOnlyWhenItPicksOneValue() {
        var checked = 0
        for (label, command) in Self.queries() where Self.paginated.contains(Self.name(command)) {
            let query = command.value("query") ?? ""
            XCTAssertEqual(command.has("no-paginate"), Self.picksOneValue(query),
                           "\(label): \(Self.name(command)) --query \(query)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testPicksOneValueSeesOnlyTheOutermostIndex() {
        XCTAssertTrue(Self.picksOneValue("SecurityGroups[0].GroupId"))
        XCTAssertTrue(Self.picksOneValue("logGroups[?logGroupName=='/a[0]'] | [0].logGroupName"))
        XCTAssertTrue(Self.picksOneValue("tags[?key=='vpcpipe'].value | [0]"))
        XCTAssertFalse(Self.picksOneValue("SecurityGroups[].[GroupName,GroupId,Tags[?Key=='vpcpipe'].Value | [0]]"))
        XCTAssertFalse(Self.picksOneValue("Roles[?contains(['a[0]'], RoleName)].[RoleName]"))
        XCTAssertFalse(Self.picksOneValue("NetworkInterfaces[].NetworkInterfaceId"))
    }

    /// True when the expression indexes `[0]` outside every list it builds (`.[a, b | [0]]`
    /// picks per row) and outside quoted literals.
    static func picksOneValue(_ query: String) -> Bool {
        var depth = 0, quote: Character?
        let characters = Array(query)
        for (index, character) in characters.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "`", "\"": quote = character
            case "[":
                if depth == 0, characters.dropFirst(index + 1).starts(with: "0]") { return true }
                depth += 1
            case "]": depth -= 1
            default: break
            }
        }
        return false
    }
}
