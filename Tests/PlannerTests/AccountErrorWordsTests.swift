import Account
import XCTest
@testable import Planner

/// Why a read of the account failed, in one line a person can act on, in each language: English
/// as the command line and the wizard always said it, and Japanese with nothing of it left in
/// English but what the AWS CLI said and the names of calls, files and commands.
final class AccountErrorWordsTests: XCTestCase {
    private let cases: [(AccountError, en: String, ja: String)] = [
        (.noCLI, "the AWS CLI (aws) is not on the PATH: install it (v1 >= 1.42 or v2) to read the account",
         "AWS CLI (aws) が PATH にありません: アカウントを読み取るにはインストールしてください (v1 >= 1.42 または v2)"),
        (.noCredentials(.none(profile: "")),
         "no usable AWS credentials: none found for the default profile: run aws configure, aws sso login, or set AWS_PROFILE",
         "使える AWS の認証情報がありません: 既定のプロファイルの認証情報が見つかりません: aws configure か aws sso login を実行するか、AWS_PROFILE を設定してください"),
        (.noCredentials(.none(profile: "team")),
         "no usable AWS credentials: none found for profile team: run aws configure, aws sso login, or set AWS_PROFILE",
         "使える AWS の認証情報がありません: プロファイル team の認証情報が見つかりません: aws configure か aws sso login を実行するか、AWS_PROFILE を設定してください"),
        (.noCredentials(.unknownProfile("team")),
         "no usable AWS credentials: profile team is not in the AWS CLI's configuration (~/.aws/config, ~/.aws/credentials)",
         "使える AWS の認証情報がありません: プロファイル team は AWS CLI の設定 (~/.aws/config、~/.aws/credentials) にありません"),
        (.noCredentials(.ssoExpired(profile: "team")),
         "no usable AWS credentials: the SSO session of profile team has expired: run aws sso login --profile team",
         "使える AWS の認証情報がありません: プロファイル team の SSO セッションの期限が切れています: aws sso login --profile team を実行してください"),
        (.noCredentials(.ssoExpired(profile: "")),
         "no usable AWS credentials: the SSO session of the default profile has expired: run aws sso login",
         "使える AWS の認証情報がありません: 既定のプロファイルの SSO セッションの期限が切れています: aws sso login を実行してください"),
        (.noCredentials(.refused(profile: "team", code: "ExpiredToken")),
         "no usable AWS credentials: AWS refused the credentials of profile team (ExpiredToken): renew them, or run aws sso login",
         "使える AWS の認証情報がありません: AWS がプロファイル team の認証情報を拒否しました (ExpiredToken): 更新するか、aws sso login を実行してください"),
        (.unreachable("Could not connect to the endpoint URL: \"http://127.0.0.1:9/\""),
         "AWS cannot be reached: Could not connect to the endpoint URL: \"http://127.0.0.1:9/\" (no network, or the endpoint is down)",
         "AWS に接続できません: Could not connect to the endpoint URL: \"http://127.0.0.1:9/\" (ネットワークがないか、エンドポイントが停止しています)"),
        (.accessDenied(action: "ec2:DescribeVpcs"),
         "access denied: these credentials may not call ec2:DescribeVpcs (README's Discovery lists the read-only actions to grant)",
         "アクセスが拒否されました: この認証情報では ec2:DescribeVpcs を呼び出せません (付与する読み取り専用のアクションは README の Discovery にあります)"),
        (.timeout(what: "who these credentials are", action: "sts:GetCallerIdentity", seconds: 1),
         "no answer in 1 s while reading who these credentials are: the call was stopped (VPCPIPE_AWS_TIMEOUT sets the limit)",
         "sts:GetCallerIdentity の読み取りで 1 秒以内に応答がなく、呼び出しを止めました (上限は VPCPIPE_AWS_TIMEOUT で設定します)"),
        (.cancelled, "reading the account was cancelled", "アカウントの読み取りを取り消しました"),
        (.service(code: "InvalidVpcID.NotFound", action: "ec2:DescribeVpcs", message: "The vpc ID 'vpc-1' does not exist"),
         "ec2:DescribeVpcs failed: InvalidVpcID.NotFound: The vpc ID 'vpc-1' does not exist",
         "ec2:DescribeVpcs が失敗しました: InvalidVpcID.NotFound: The vpc ID 'vpc-1' does not exist"),
        (.cliFailed("Traceback (most recent call last):"), "aws failed: Traceback (most recent call last):",
         "aws が失敗しました: Traceback (most recent call last):"),
        (.cliSilent(status: 255), "aws exited with status 255 and said nothing", "aws が状態 255 で終了し、何も出力しませんでした"),
        (.unreadable(action: "ec2:DescribeVpcs", reason: "dataCorrupted"), "ec2:DescribeVpcs printed what vpcpipe cannot read (dataCorrupted)",
         "ec2:DescribeVpcs の出力を vpcpipe が読めません (dataCorrupted)"),
        (.cannotRun("EACCES"), "cannot run aws: EACCES", "aws を実行できません: EACCES"),
    ]

    func testEachFailureInEnglishAndJapanese() {
        for (error, english, japanese) in cases {
            XCTAssertEqual(error.text(.en), english)
            XCTAssertEqual(error.text(.ja), japanese)
            XCTAssertFalse(error.text(.ja).contains("\n"))
        }
    }
}
