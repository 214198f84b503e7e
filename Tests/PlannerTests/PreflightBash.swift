import Foundation
import TestSupport
import XCTest
@testable import Planner

/// setup.sh's preflight library in bash, as the script carries it (the words vpcpipe declares,
/// then Resources/scripts/preflight.bash), for the tests of its rules.
enum PreflightBash {
    static let account = "123456789012"

    /// Runs `lines` after the library in bash, as setup.sh does (set -euo pipefail, the account
    /// and region known); prints what the lines print, then each problem recorded as
    /// `problem: KEY: WORDS`; the words in `language`.
    static func run(_ lines: String, dryRun: Bool = false, planTag: String = "Private", language: Language = .en) throws -> String {
        let script = """
            set -euo pipefail
            DRY_RUN=\(dryRun ? 1 : 0) REGION=us-west-2 ACCOUNT=\(account) STEP=0 PLAN_TAG=\(Shell.quote(.text(planTag)))
            \(Script.text(.preflight, script: "setup", language))
            \(lines)
            for problem in "${PROBLEMS[@]}"; do echo "problem: $problem"; done
            """
        let result = try runProgram("bash", ["-c", script])
        XCTAssertEqual(result.status, 0, result.summary)
        return result.stdout + result.stderr
    }
}
