import Foundation
import TestSupport
import XCTest
@testable import Planner

/// cloudformation.yaml of every answers set (TemplateAnswers) passes cfn-lint with no error or
/// warning, and checkov with no failed check (those the plan does not meet on purpose are
/// skipped in the template, each with its reason). Each tool runs once over all the templates.
final class TemplateLintTests: XCTestCase {
    func testEveryTemplatePassesCfnLintAndCheckov() throws {
        let seed = testSeed(default: 0x00C0_FFEE)
        let work = try temporaryFolder("templates")
        // Kept when a check fails, for a look at the templates.
        defer { if testRun?.hasSucceeded == true { try? FileManager.default.removeItem(at: work) } }
        var paths: [String] = []
        for (label, answers) in TemplateAnswers.sets(seed: seed, every: ScriptPropertyTests.shellcheckEvery) {
            let path = work.appendingPathComponent("\(label).yaml").path
            try Data(CloudFormation.render(Planner.plan(answers)).utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let cfnLint = try XCTUnwrap(PythonTools.path("cfn-lint"), "cfn-lint is not installed (scripts/test installs it)")
        let lint = try runProgram(cfnLint, ["--format", "parseable", "--"] + paths)
        XCTAssertEqual(lint.status, 0, "cfn-lint (seed \(seed), templates in \(work.path)): \(lint.summary)")

        let checkov = try XCTUnwrap(PythonTools.path("checkov"), "checkov is not installed (scripts/test installs it)")
        // Offline: no download of guidelines or policies, no report sent anywhere.
        let scan = try runProgram(checkov, ["--directory", work.path, "--framework", "cloudformation", "--compact", "--quiet",
                                            "--skip-download", "--output", "cli"],
                                  environment: ProcessInfo.processInfo.environment.merging(["BC_SKIP_MAPPING": "TRUE"]) { $1 })
        XCTAssertEqual(scan.status, 0, "checkov (seed \(seed)): \(scan.summary)")
        XCTAssertTrue(scan.stdout.contains("Failed checks: 0") || !scan.stdout.contains("Failed checks"), scan.summary)
        print("template lint: \(paths.count) templates, cfn-lint \(String(format: "%.1f", lint.seconds)) s, checkov \(String(format: "%.1f", scan.seconds)) s")
    }
}
