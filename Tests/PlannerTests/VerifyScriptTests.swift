import Foundation
import TestSupport
import VpcpipeResources
import XCTest
@testable import Planner

/// verify.sh as rendered for each kind of answers, and its judgement of a failed build: the
/// stage, the phase, the log's last lines and the likely cause, for each cause it knows.
/// (IntegrationTests.VerifyTests run it against the emulation.)
final class VerifyScriptTests: XCTestCase {
    private func script(_ change: (inout Answers) -> Void = { _ in }) -> String {
        var answers = Article.answers
        change(&answers)
        return VerifyScript.render(Planner.plan(answers))
    }

    func testTheArticlesChecksAreTheSampleAppsLineLoginAndPackage() {
        let verify = script()
        XCTAssertTrue(verify.contains("expect_line '7' 'Successfully configured npm to use AWS CodeArtifact repository'"))
        XCTAssertTrue(verify.contains("--format 'npm' \\\n      --package 'mathjs'"), verify)
        XCTAssertTrue(verify.contains("--domain-owner \"$ACCOUNT\""))
        XCTAssertTrue(verify.contains("read_log '/aws/codebuild/Private' logs get-log-events"))
        XCTAssertTrue(verify.contains("TOTAL=5\n"))
        XCTAssertTrue(verify.contains("AWS_ARGS=(--region \"$REGION\")\n"))
        XCTAssertTrue(script { $0.profile = "dev.team" }.contains("AWS_ARGS=(--region \"$REGION\" --profile 'dev.team')"))
    }

    func testEachFormatHasItsLineLoginAndPackage() {
        let expected: [PackageFormat: (login: String?, package: String)] = [
            .pypi: ("'Successfully configured pip to use AWS CodeArtifact repository'", "--format 'pypi' \\\n      --package 'mpmath'"),
            .maven: (nil, "--format 'maven' \\\n      --namespace 'org.apache.commons' \\\n      --package 'commons-math3'"),
            .nuget: (nil, "--format 'nuget' \\\n      --package 'MathNet.Numerics'"),
        ]
        for (format, want) in expected {
            let verify = script {
                $0.codeartifact.format = format
                $0.codeartifact.upstream = Defaults.upstream(format: format)
                $0.codeartifact.externalConnection = Defaults.externalConnection(format: format)
                $0.build.runtime = Defaults.runtime(format: format, image: $0.build.image)
            }
            XCTAssertTrue(verify.contains("expect_line '7'" + (want.login.map { " " + $0 } ?? "") + "\n"), "\(format)")
            XCTAssertTrue(verify.contains(want.package), "\(format)")
        }
    }

    func testWithoutASampleAppOnlyTheRunIsCheckedAndItSaysSo() {
        for change in [{ (a: inout Answers) in a.source.sampleApp = false }, { (a: inout Answers) in a.source.create = false; a.source.sampleApp = false }] {
            let verify = script(change)
            XCTAssertTrue(verify.contains("TOTAL=3\n"))
            XCTAssertFalse(verify.contains("\nexpect_line "))
            XCTAssertFalse(verify.contains("list-package-versions"))
            XCTAssertTrue(verify.contains("No sample app was committed"))
        }
        let noLogs = script { $0.build.logs = .none }
        XCTAssertFalse(noLogs.contains("get-log-events"))
        XCTAssertFalse(noLogs.contains("\nexpect_line "))
        XCTAssertTrue(noLogs.contains("\nexpect_package "))
        XCTAssertTrue(noLogs.contains("build.logs is none"))
    }

    // MARK: Judging a failed build

    /// judge_build on a build that failed in `phase` with `log`: what verify.sh says, and its status.
    private func judge(phase: String, log: String) throws -> Finished {
        let work = try temporaryFolder("verify-judge")
        defer { try? FileManager.default.removeItem(at: work) }
        try log.write(to: work.appendingPathComponent("log"), atomically: true, encoding: .utf8)
        try phase.write(to: work.appendingPathComponent("phase"), atomically: true, encoding: .utf8)
        let program = "set -euo pipefail\nDRY_RUN=0\nTOTAL=3\nBUILD_STAGE=Build\n"
            + BashLibrary.run.text(script: "verify", .en) + "\n" + BashLibrary.verify.text(script: "verify", .en)
            + "\nstep 3 'Find the build'\nBUILD=Private:b1\nBUILD_STATUS=FAILED\nLOG=$(cat log)\nFAILED_PHASE=$(cat phase)\njudge_build 3\n"
        return try runProgram("/bin/bash", ["-c", program], environment: ["PATH": "/usr/bin:/bin"], in: work)
    }

    func testAFailedBuildNamesTheStageThePhaseTheLastLinesAndTheLikelyCause() throws {
        let cases: [(String, String, String, String)] = [
            ("denied", "PRE_BUILD\tCOMMAND_EXECUTION_ERROR\tError while executing command: aws codeartifact login. Reason: exit status 255",
             "[Container] Running command aws codeartifact login --tool npm\n\nAn error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::1:assumed-role/r/x is not authorized to perform: codeartifact:GetAuthorizationToken because no VPC endpoint policy allows the codeartifact:GetAuthorizationToken action\n",
             "likely cause: a VPC endpoint policy denies the call"),
            ("timeout", "PRE_BUILD\tCOMMAND_EXECUTION_ERROR\tError while executing command: ACCOUNT=$(aws sts get-caller-identity). Reason: exit status 255",
             "[Container] Running command ACCOUNT=$(aws sts get-caller-identity --query Account --output text)\n\nConnect timeout on endpoint URL: \"https://sts.us-west-2.amazonaws.com/\"\n",
             "likely cause: a timeout to an endpoint (https://sts.us-west-2.amazonaws.com)"),
            ("runtime", "INSTALL\tYAML_FILE_ERROR\tUnknown runtime version named '14' of nodejs. This build image has the following versions: 18, 20",
             "[Container] Entering phase INSTALL\n[Container] Phase complete: INSTALL State: FAILED\n",
             "likely cause: a runtime not in the image"),
        ]
        for (label, phase, log, cause) in cases {
            let run = try judge(phase: phase, log: log)
            XCTAssertEqual(run.status, 1, "\(label): \(run.summary)")
            let phaseName = String(phase.prefix { $0 != "\t" })
            XCTAssertTrue(run.stderr.contains("stage Build: the build Private:b1 is FAILED, in phase \(phaseName): "), "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("the last lines of its log:\n  "), "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(log.split(separator: "\n").last.map(String.init) ?? ""), "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(cause), "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasSuffix("verify failed at step 3: Find the build\n"), "\(label): \(run.stderr)")
        }
        let unknown = try judge(phase: "BUILD\tCOMMAND_EXECUTION_ERROR\tError while executing command: node index.js. Reason: exit status 1",
                                log: "a\nb\nc\nd\nTypeError: sqrt is not a function\n")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertFalse(unknown.stderr.contains("likely cause"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("the last lines of its log:\n  c\n  d\n  TypeError: sqrt is not a function\n"),
                      "the last 3 lines: \(unknown.stderr)")
    }
}
