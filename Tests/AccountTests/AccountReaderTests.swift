import Account
import Foundation
import TestSupport
import XCTest

/// The account-reading layer against a stand-in `aws` on the PATH: what it is given, how long
/// it may take, what is kept, and how its failures are said.
final class AccountReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("account")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A reader whose `aws` is the bash `body` (it sees its arguments as "$@").
    private func reader(_ body: String, profile: String = "", timeout: String = "5",
                        cancellation: Cancellation? = nil) throws -> AccountReader {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let aws = bin.appendingPathComponent("aws")
        try "#!/bin/bash\n\(body)\n".write(to: aws, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        let environment = ["PATH": bin.path + ":/usr/bin:/bin", "VPCPIPE_AWS_TIMEOUT": timeout, "HERE": folder.path]
        return AccountReader(AWSSettings(profile: profile, region: "eu-west-1", environment: environment), cancellation: cancellation)
    }

    func testACallIsTheCLIsWithTheScriptsRegionProfileAndJSON() throws {
        let aws = try reader(#"printf '%s\n' "$@" > "$HERE/argv"; echo "$AWS_PAGER|$AWS_CLI_AUTO_PROMPT" > "$HERE/env"; echo '{"Vpcs":[{"VpcId":"vpc-1","CidrBlock":"10.0.0.0/16","Tags":[{"Key":"Name","Value":"main"}]}]}'"#,
                             profile: "team")
        XCTAssertEqual(try aws.read(AccountReads.vpcs(region: "eu-west-1")), [VPC(id: "vpc-1", name: "main", cidr: "10.0.0.0/16", isDefault: false)])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("argv"), encoding: .utf8),
                       "ec2\ndescribe-vpcs\n--output\njson\n--region\neu-west-1\n--profile\nteam\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("env"), encoding: .utf8), "|off\n", "no pager, no prompt")
    }

    func testAnAnswerIsKeptForTheSessionAndANetworkFailureIsNot() throws {
        let aws = try reader(#"echo x >> "$HERE/calls"; if [ -e "$HERE/down" ]; then echo 'Could not connect to the endpoint URL: "https://ec2.eu-west-1.amazonaws.com/"' >&2; exit 255; fi; echo '{"Account":"1","Arn":"a"}'"#)
        XCTAssertEqual(try aws.read(AccountReads.identity).account, "1")
        XCTAssertEqual(try aws.read(AccountReads.identity).account, "1")
        XCTAssertEqual(try calls(), 1, "the second read is the first's answer")

        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("down").path, contents: nil)
        let other = aws.with(AWSSettings(profile: "other", region: "eu-west-1", environment: aws.settings.environment), cancellation: nil)
        for _ in 0..<2 {
            XCTAssertThrowsError(try other.read(AccountReads.identity)) { error in
                guard case AccountError.unreachable = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertEqual(try calls(), 3, "a failure of the network is asked again")
    }

    func testACallThatHangsIsKilledWithWhatItStartedAtTheTimeout() throws {
        let aws = try reader(#"sleep 600 & echo $! > "$HERE/child"; echo $$ > "$HERE/parent"; wait"#, timeout: "1")
        let started = Date()
        XCTAssertThrowsError(try aws.read(AccountReads.identity)) { error in
            XCTAssertEqual(error as? AccountError, .timeout(what: "who these credentials are", action: "sts:GetCallerIdentity", seconds: 1))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        for file in ["parent", "child"] {
            let pid = try XCTUnwrap(Int32(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
            // SIGKILL is acted on when the process is next scheduled: on a loaded machine, a moment later.
            let deadline = Date().addingTimeInterval(5)
            while running(pid) && Date() < deadline { usleep(20_000) }
            XCTAssertFalse(running(pid), "the \(file) still runs 5 s after the call was stopped")
        }
    }

    func testCancellingStopsTheCallRunning() throws {
        let cancellation = Cancellation()
        let aws = try reader("sleep 600", timeout: "60", cancellation: cancellation)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancellation.cancel() }
        let started = Date()
        XCTAssertThrowsError(try aws.read(AccountReads.identity)) { XCTAssertEqual($0 as? AccountError, .cancelled) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testNoCLIOnThePath() throws {
        let aws = AccountReader(AWSSettings(profile: "", region: "eu-west-1", environment: ["PATH": folder.path]))
        XCTAssertThrowsError(try aws.read(AccountReads.identity)) { XCTAssertEqual($0 as? AccountError, .noCLI) }
    }

    /// What the CLI said, classified (PlannerTests' AccountErrorWordsTests says each in words).
    func testFailuresAreClassified() {
        let cases: [(String, AccountError)] = [
            ("\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n",
             .noCredentials(.none(profile: "team"))),
            ("\nThe config profile (team) could not be found\n", .noCredentials(.unknownProfile("team"))),
            ("\nError loading SSO Token: Token for team does not exist\n", .noCredentials(.ssoExpired(profile: "team"))),
            ("\nAn error occurred (ExpiredToken) when calling the DescribeVpcs operation: The security token included in the request is expired\n",
             .noCredentials(.refused(profile: "team", code: "ExpiredToken"))),
            ("\nCould not connect to the endpoint URL: \"http://127.0.0.1:9/\"\n", .unreachable("Could not connect to the endpoint URL: \"http://127.0.0.1:9/\"")),
            ("\nAn error occurred (UnauthorizedOperation) when calling the DescribeVpcs operation: You are not authorized to perform this operation.\n",
             .accessDenied(action: "ec2:DescribeVpcs")),
            ("\nAn error occurred (InvalidVpcID.NotFound) when calling the DescribeVpcs operation: The vpc ID 'vpc-1' does not exist\n",
             .service(code: "InvalidVpcID.NotFound", action: "ec2:DescribeVpcs", message: "The vpc ID 'vpc-1' does not exist")),
            ("Traceback (most recent call last):\n  boom\n", .cliFailed("Traceback (most recent call last):")),
            ("\n", .cliSilent(status: 255)),
        ]
        for (stderr, expected) in cases {
            XCTAssertEqual(AccountError.classify(status: 255, stderr: stderr, arguments: ["ec2", "describe-vpcs"], profile: "team"), expected, stderr)
        }
        XCTAssertEqual(AccountError.classify(status: 255, stderr: "\nUnable to locate credentials.\n", arguments: ["ec2", "describe-vpcs"], profile: ""),
                       .noCredentials(.none(profile: "")))
    }

    func testTextRowsAreWhatTheCLIsTextOutputPrints() throws {
        func rows(_ json: String) throws -> [[String]] { try TextRows.rows(Data(json.utf8)) }
        XCTAssertEqual(try rows(#"[["a", true, null, 443, "x y"], ["b", false, "z", -1, ""]]"#),
                       [["a", "True", "None", "443", "x y"], ["b", "False", "z", "-1", ""]])
        XCTAssertEqual(try rows(#"["a", "b"]"#), [["a", "b"]])
        XCTAssertEqual(try rows(#"[]"#), [])
        XCTAssertEqual(try rows("null"), [["None"]])
        XCTAssertEqual(try rows(#""sg-1""#), [["sg-1"]])
        XCTAssertEqual(try rows(""), [], "a call that prints nothing (head-bucket)")
    }

    func testOnlyReadOperations() {
        XCTAssertTrue(AccountReads.identity.isReadOnly)
        XCTAssertFalse(TextRows.call(["ec2", "create-vpc"], what: "").isReadOnly)
        XCTAssertEqual(TextRows.call(["s3api", "head-bucket"], what: "").action, "s3:HeadBucket")
    }

    /// Whether the process runs: it exists, and is not a zombie left for init to reap.
    private func running(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return stat.split(separator: ")").last?.split(separator: " ").first != "Z"
    }

    /// The regions' two reads name operations, options and fields of botocore's models (the
    /// CLI follows GetParametersByPath's pages itself), and read what the CLI prints for them.
    func testTheRegionsReadsAreBotocoresAndReadWhatTheCLIPrints() throws {
        let script = """
            ec2, ssm = model('ec2', 'service-2'), model('ssm', 'service-2')
            def member(model, shape, name): return model['shapes'][shape]['members'][name]['shape']
            def items(model, shape, name): return model['shapes'][member(model, shape, name)]['member']['shape']
            regions = ec2['operations']['DescribeRegions']
            region = ec2['shapes'][items(ec2, regions['output']['shape'], 'Regions')]
            path = ssm['operations']['GetParametersByPath']
            parameter = ssm['shapes'][items(ssm, path['output']['shape'], 'Parameters')]
            print(json.dumps(['RegionName' in region['members'], 'Path' in ssm['shapes'][path['input']['shape']]['members'],
                              'Value' in parameter['members'], 'GetParametersByPath' in model('ssm', 'paginators-1')['pagination']]))
            """
        XCTAssertEqual(try Botocore.run(script, []).trimmingCharacters(in: .whitespacesAndNewlines), "[true, true, true, true]")
        XCTAssertEqual(AccountReads.regions.action, "ec2:DescribeRegions")
        XCTAssertEqual(AccountReads.codeArtifactRegions.action, "ssm:GetParametersByPath")
        XCTAssertEqual(AccountReads.codeArtifactRegions.arguments.last, "/aws/service/global-infrastructure/services/codeartifact/regions")

        let aws = try reader(#"""
            case "$1 $2" in
              "ec2 describe-regions") echo '{"Regions":[{"Endpoint":"ec2.us-west-2.amazonaws.com","RegionName":"us-west-2","OptInStatus":"opt-in-not-required"},{"Endpoint":"ec2.ap-southeast-3.amazonaws.com","RegionName":"ap-southeast-3","OptInStatus":"opted-in"}]}' ;;
              "ssm get-parameters-by-path") echo '{"Parameters":[{"Name":"/aws/service/global-infrastructure/services/codeartifact/regions/us-west-2","Type":"String","Value":"us-west-2","Version":1}]}' ;;
            esac
            """#)
        XCTAssertEqual(try aws.read(AccountReads.regions), ["ap-southeast-3", "us-west-2"])
        XCTAssertEqual(try aws.read(AccountReads.codeArtifactRegions), ["us-west-2"])
    }

    func testTheProfilesAreTheSectionsOfTheCLIsFiles() throws {
        let config = folder.appendingPathComponent("config"), credentials = folder.appendingPathComponent("credentials")
        try "[default]\nregion = us-west-2\n[profile team]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n"
            .write(to: config, atomically: true, encoding: .utf8)
        try "[default]\naws_access_key_id = x\n[ci]\naws_access_key_id = y\n".write(to: credentials, atomically: true, encoding: .utf8)
        let settings = AWSSettings(profile: "", region: "us-west-2",
                                   environment: ["AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path])
        XCTAssertEqual(settings.profiles, ["default", "team", "ci"])
        XCTAssertEqual(AWSSettings(profile: "", region: "us-west-2", environment: ["HOME": folder.path]).profiles, [])
    }

    private func calls() throws -> Int {
        try String(contentsOf: folder.appendingPathComponent("calls"), encoding: .utf8).split(separator: "\n").count
    }
}
