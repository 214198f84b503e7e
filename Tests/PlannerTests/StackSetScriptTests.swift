import Foundation
import TestSupport
import XCTest
@testable import Planner
import VpcpipeResources

/// stackset.sh's calls against botocore's models: every call its dry runs print goes through the
/// AWS CLI's own parsing and botocore's validation (answered before it is sent), and every
/// operation its library names is CloudFormation's. The run against the emulation's StackSets
/// is StackSetTests'.
final class StackSetScriptTests: XCTestCase {
    /// The mixes of answers with a stackset section.
    static let sets = RenderScriptTests.mixes().filter { $0.1.stackset != nil }

    /// The `aws ...` lines a dry run of stackset.sh prints.
    private func dryRun(_ folder: URL, _ options: [String], environment: [String: String] = [:]) throws -> (lines: [String], run: Finished) {
        let run = try runProgram("/bin/bash", [folder.appendingPathComponent(StackSetScript.file).path, "--dry-run"] + options,
                                 environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        let lines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  aws ") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "'<account>'", with: "'123456789012'") }
        return (lines, run)
    }

    /// Each line through the CLI's parser and botocore's validation: [operation, status, error].
    static func checked(_ lines: [String]) throws -> [[String]] {
        let script = """
            import contextlib, io, shlex
            from awscli.clidriver import create_clidriver
            from botocore.awsrequest import AWSResponse
            os.environ.setdefault('AWS_ACCESS_KEY_ID', 'checked'); os.environ.setdefault('AWS_SECRET_ACCESS_KEY', 'checked')
            out = []
            driver = create_clidriver()
            # Answered before it is sent: what gets here passed the parsing and the validation.
            driver.session.register('before-call', lambda **_: (AWSResponse('http://127.0.0.1/', 200, {}, None), {}))
            for line in sys.argv[1:]:
                words = shlex.split(line)
                errors = io.StringIO()
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(errors):
                    status = driver.main(words[1:])
                out.append([' '.join(words[1:3]), str(status), errors.getvalue().strip()[-300:]])
            print(json.dumps(out))
            """
        return try JSONDecoder().decode([[String]].self, from: Data(Botocore.run(script, lines).utf8))
    }

    func testEveryCallOfItsDryRunsPassesTheCLIAndBotocoresValidation() throws {
        XCTAssertEqual(Self.sets.count, 2)
        let work = try temporaryFolder("stackset")
        defer { try? FileManager.default.removeItem(at: work) }
        var lines: [(label: String, line: String)] = []
        for (label, answers) in Self.sets {
            let folder = try write(Outputs.render(answers), to: work.appendingPathComponent(label))
            for options in [[], ["--delete"]] {
                let run = try dryRun(folder, options)
                XCTAssertEqual(run.run.status, 0, "\(label) \(options): \(run.run.summary)")
                lines += run.lines.map { ("\(label) \(options)", $0) }
            }
        }
        // One Python for them all: the CLI takes a second to start.
        var operations = Set<String>()
        for (line, result) in zip(lines, try Self.checked(lines.map(\.line))) {
            XCTAssertEqual(result[1], "0", "\(line.label): \(result[0]): \(result[2])")
            operations.insert(result[0])
        }
        XCTAssertEqual(operations, ["sts get-caller-identity", "codeartifact describe-domain", "cloudformation describe-stack-set",
                                    "cloudformation create-stack-set", "cloudformation list-stack-instances",
                                    "cloudformation create-stack-instances", "cloudformation delete-stack-instances",
                                    "cloudformation delete-stack-set"])
    }

    /// The calls a dry run does not print (the update, the operation's progress and results) run
    /// against the emulation (StackSetTests); here, each names an operation of CloudFormation's model.
    func testEveryOperationOfItsLibraryIsCloudFormations() throws {
        let library = BashLibrary.stackset.text(script: "stackset")
        let named = Set(library.matches(of: /cloudformation ([a-z-]+)/).map { String($0.output.1) })
        XCTAssertEqual(named.count, 8, "\(named.sorted())")
        let script = """
            names = {botocore.xform_name(name, '-') for name in model('cloudformation', 'service-2')['operations']}
            print(json.dumps(sorted(set(sys.argv[1:]) - names)))
            """
        XCTAssertEqual(try Botocore.run(script, named.sorted()).trimmingCharacters(in: .whitespacesAndNewlines), "[]")
    }

    /// CloudFormation takes a template body of 51,200 bytes at most: past it, the script says the
    /// template must come from S3, and passes VPCPIPE_TEMPLATE_URL's once it is set.
    func testATemplateOverTheInlineLimitComesFromS3() throws {
        let work = try temporaryFolder("stackset")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = try write(Outputs.render(StackSetAnswersTests.answers), to: work)
        let template = folder.appendingPathComponent(CloudFormation.file)
        let size = try Data(contentsOf: template).count
        XCTAssertLessThan(size, 51_200, "the article's template is sent inline")
        XCTAssertTrue(try dryRun(folder, []).lines.contains { $0.contains("--template-body 'file://") })

        let handle = try FileHandle(forWritingTo: template)
        handle.seekToEndOfFile()
        handle.write(Data(("# " + String(repeating: "x", count: 51_200 - size) + "\n").utf8))
        try handle.close()
        let refused = try dryRun(folder, []).run
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("more than the 51200 CloudFormation takes inline") && refused.stderr.contains("VPCPIPE_TEMPLATE_URL"),
                      refused.stderr)
        let url = "https://example-bucket.s3.us-west-2.amazonaws.com/cloudformation.yaml"
        let fromS3 = try dryRun(folder, [], environment: ["VPCPIPE_TEMPLATE_URL": url])
        XCTAssertEqual(fromS3.run.status, 0, fromS3.run.summary)
        let create = try XCTUnwrap(fromS3.lines.first { $0.contains("create-stack-set") })
        XCTAssertTrue(create.contains("--template-url '\(url)'") && !create.contains("--template-body"), create)
        XCTAssertEqual(try Self.checked([create]).first?[1], "0")
    }
}
