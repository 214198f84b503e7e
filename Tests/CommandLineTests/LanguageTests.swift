import Foundation
import Planner
import TestSupport
import XCTest

/// The command line speaks the locale's language, or --lang's: the answers' errors in Japanese at
/// the same FILE:LINE:COLUMN and key paths, --help naming every option, and English as before.
final class LanguageTests: XCTestCase {
    private var work: URL!
    private var file: String { work.appendingPathComponent("a.yaml").path }

    override func setUpWithError() throws {
        work = try temporaryFolder("language")
        try """
            version: 1
            region: us-west-2
            profile: "my profile"
            network:
              vpc: vpc-123
              subnets: [subnet-0123456789abcdef0]
              route_tables: [rtb-0123456789abcdef0]
            source:
              repo: x

            """.write(toFile: file, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    private func locale(_ name: String) -> [String: String] { ["PATH": "/usr/bin:/bin", "LANG": name] }

    private var japaneseErrors: String {
        """
        \(file):3:10: エラー: profile: "my profile" は正しいプロファイル名ではありません (A-Z a-z 0-9 _ . @ + - の 0-64 文字)
        \(file):5:8: エラー: network.vpc: "vpc-123" は正しい VPC ID ではありません (あなたの VPC の ID: vpc- に続く 8 桁か 17 桁の小文字の 16 進数)
        \(file):6:12: 警告: network.subnets: サブネットが 1 つでは AZ も 1 つです (2 つ以上の AZ をお勧めします)
        \(file):9:3: エラー: source.repo: 不明なキーです ("repository" のことですか?)
        vpcpipe: \(file) にエラー 3 件があります。何も書きませんでした

        """
    }

    func testAJapaneseLocaleReadsTheErrorsInJapanese() throws {
        let run = try vpcpipe(["--headless", file], environment: locale("ja_JP.UTF-8"))
        XCTAssertEqual(run.status, 1, run.summary)
        XCTAssertEqual(run.stderr, japaneseErrors)
        XCTAssertEqual(run.stdout, "")
    }

    /// --lang wins over the locale, either way.
    func testLangChoosesWhateverTheLocale() throws {
        let japanese = try vpcpipe(["--lang", "ja", "--headless", file, "--check"], environment: locale("C.UTF-8"))
        XCTAssertEqual(japanese.status, 1, japanese.summary)
        XCTAssertEqual(japanese.stderr, japaneseErrors)
        let english = try vpcpipe(["--headless", file, "--lang=en"], environment: locale("ja_JP.UTF-8"))
        XCTAssertEqual(english.status, 1, english.summary)
        XCTAssertEqual(english.stderr.split(separator: "\n").last, "vpcpipe: 3 errors in \(file); nothing written")
    }

    /// English where the locale is not Japanese in UTF-8, the same bytes as with no locale at all.
    func testOtherLocalesSpeakEnglish() throws {
        let unset = try vpcpipe(["--headless", file], environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertTrue(unset.stderr.contains("\(file):5:8: error: network.vpc: \"vpc-123\" is not a valid VPC id"), unset.stderr)
        for name in ["C", "C.UTF-8", "en_US.UTF-8", "ja_JP.eucJP"] {
            let run = try vpcpipe(["--headless", file], environment: locale(name))
            XCTAssertEqual(run.stderr, unset.stderr, name)
        }
    }

    /// A usage error (exit 64) gives its reason in Japanese.
    func testAUsageErrorInJapanese() throws {
        let run = try vpcpipe(["--check"], environment: locale("ja_JP.UTF-8"))
        XCTAssertEqual(run.status, 64, run.summary)
        XCTAssertEqual(run.stderr, """
            エラー: --check は --headless FILE と共に使います。
            使い方: vpcpipe [--headless <FILE>] [--answers <FILE>] [--out <DIR>] [--check] [--live] [--offline] [--force] [--example] [--ascii] [--plain] [--lang <en|ja>] <subcommand>
              詳しくは 'vpcpipe --help' を参照してください。

            """)
    }

    /// swift-argument-parser's own words in Japanese: its errors, and --help's headings and the
    /// help of --version and --help; none of its English is left.
    func testTheArgumentParsersWordsInJapanese() throws {
        let japanese = locale("ja_JP.UTF-8")
        let unknown = try vpcpipe(["--bogus"], environment: japanese)
        XCTAssertEqual(unknown.status, 64, unknown.summary)
        XCTAssertTrue(unknown.stderr.hasPrefix("エラー: '--bogus' は不明なオプションです ('--out' のことですか?)\n使い方: vpcpipe [--headless <FILE>]"),
                      unknown.stderr)
        let invalid = try vpcpipe(["--lang", "xx"], environment: japanese)
        XCTAssertEqual(invalid.status, 64, invalid.summary)
        XCTAssertTrue(invalid.stderr.hasPrefix("エラー: 'xx' は '--lang <en|ja>' の値として正しくありません。'en', 'ja' のいずれかを指定してください。\nヘルプ:  --lang <en|ja>  "),
                      invalid.stderr)
        let missing = try vpcpipe(["apply"], environment: japanese)
        XCTAssertEqual(missing.status, 64, missing.summary)
        XCTAssertEqual(missing.stderr, """
            エラー: 引数 '<DIR>' がありません
            ヘルプ:  <DIR>  vpcpipe が書いた出力フォルダー。
            使い方: vpcpipe apply <DIR> [--dry-run]
              詳しくは 'vpcpipe apply --help' を参照してください。

            """)
        let unexpected = try vpcpipe(["foo", "--out"], environment: japanese)
        XCTAssertTrue(unexpected.stderr.hasPrefix("エラー: '--out <DIR>' の値がありません\n"), unexpected.stderr)
        // The library's rarer errors a user can meet with vpcpipe's options.
        let rarer: [([String], String)] = [
            (["--check=yes"], "エラー: オプション '--check' は値をとりませんが、'yes' が指定されました。"),
            (["apply", "--dry-run=1", "out"], "エラー: オプション '--dry-run' は値をとりませんが、'1' が指定されました。"),
            (["---x"], "エラー: '---x' は正しいオプションではありません"),
            (["x", "y"], "エラー: 予期しない引数が 2 個あります: 'x', 'y'"),
            (["apply", "a", "b", "c"], "エラー: 予期しない引数が 2 個あります: 'b', 'c'"),
            (["--lang=", "--headless", file], "エラー: '--lang <en|ja>' の値がありません"),
        ]
        for (arguments, said) in rarer {
            let run = try vpcpipe(arguments, environment: japanese)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.summary)")
            XCTAssertEqual(run.stderr.split(separator: "\n").first.map(String.init), said, "\(arguments): \(run.stderr)")
        }
        // A --lang that names no language leaves the one named before it.
        let again = try vpcpipe(["--lang", "ja", "--lang", "xx"], environment: locale("C.UTF-8"))
        XCTAssertEqual(again.status, 64, again.summary)
        XCTAssertTrue(again.stderr.hasPrefix("エラー: 'xx' は '--lang <en|ja>' の値として正しくありません。"), again.stderr)
        let asBefore = try vpcpipe(["--check=yes"], environment: locale("C.UTF-8"))
        XCTAssertTrue(asBefore.stderr.hasPrefix("Error: The option '--check' does not take any value, but 'yes' was specified.\n"), asBefore.stderr)

        let english = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "See '", "Show the version.", "Show help information.",
                       "(values:", "Error:", "Usage:"]
        for arguments in [["--help"], ["apply", "--help"], ["help", "apply"]] {
            let help = try vpcpipe(arguments, environment: japanese)
            XCTAssertEqual(help.status, 0, help.summary)
            for words in english { XCTAssertFalse(help.stdout.contains(words), "\(arguments): \(words)\n\(help.stdout)") }
            XCTAssertTrue(help.stdout.hasPrefix("概要: "), help.stdout)
            XCTAssertTrue(help.stdout.contains("\n使い方: vpcpipe "), help.stdout)
            XCTAssertTrue(help.stdout.contains("\nオプション:\n"), help.stdout)
            XCTAssertTrue(help.stdout.contains("  --version               バージョンを表示します。\n  -h, --help              ヘルプを表示します。\n"),
                          help.stdout)
        }
        let root = try vpcpipe(["--help"], environment: japanese).stdout
        XCTAssertTrue(root.contains("\nサブコマンド:\n  apply "), root)
        XCTAssertTrue(root.hasSuffix("\n  サブコマンドの詳しいヘルプは 'vpcpipe help <subcommand>' で表示します。\n"), root)
        XCTAssertTrue(root.contains("(値:"), root)
        XCTAssertTrue(try vpcpipe(["apply", "--help"], environment: japanese).stdout.contains("\n引数:\n  <DIR> "))
    }

    /// Japanese --help lists every option English --help lists, each with its Japanese help.
    func testJapaneseHelpNamesEveryOption() throws {
        let english = try vpcpipe(["--help"], environment: locale("C.UTF-8"))
        let japanese = try vpcpipe(["--help"], environment: locale("ja_JP.UTF-8"))
        XCTAssertEqual(japanese.status, 0, japanese.summary)
        func options(_ help: String, _ language: Language) -> [String] {
            help.components(separatedBy: "\n\(Notice.parserOptions.text(language))\n").dropFirst().joined().split(separator: "\n").compactMap { line in
                line.hasPrefix("  -") ? line.split(separator: " ").first { $0.hasPrefix("--") }.map(String.init) : nil
            }
        }
        XCTAssertEqual(options(japanese.stdout, .ja), options(english.stdout, .en))
        XCTAssertEqual(options(english.stdout, .en).count, 13)
        // The help wraps where it finds spaces: compared without them.
        let unspaced = japanese.stdout.filter { !$0.isWhitespace }
        let helps: [Notice] = [.helpAbstract, .helpHeadless, .helpAnswers, .helpCheck, .helpLive, .helpOffline, .helpForce,
                               .helpExample, .helpASCII, .helpPlain, .helpLang, .applyAbstract]
        for help in helps {
            XCTAssertTrue(unspaced.contains(help.text(.ja).filter { !$0.isWhitespace }), "\(help)")
        }
        XCTAssertTrue(unspaced.contains(Notice.helpOut.text(.ja, ["folder": "vpcpipe-out"]).filter { !$0.isWhitespace }))
    }

    /// The output folder's refusals and notes in Japanese: --headless's (exit 73) and --force's
    /// note, apply's (65 edited, 66 not an output folder), and the wizard's with no terminal.
    func testTheOutputFoldersRefusalsInJapanese() throws {
        let japanese = locale("ja_JP.UTF-8")
        let answers = work.appendingPathComponent("answers.yaml").path
        try vpcpipe(["--example"]).stdout.write(toFile: answers, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        try "mine\n".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)

        let refused = try vpcpipe(["--headless", answers, "--out", out], environment: japanese)
        XCTAssertEqual(refused.status, 73, refused.summary)
        XCTAssertEqual(refused.stderr, "vpcpipe: \(out) に vpcpipe が書いていないもの、または書いた後に編集されたものがあります: notes.txt。"
                       + "別の --out を指定するか、--force でフォルダーを置き換えてください\n")
        // The wizard says the same refusal on its export screen, in its own language (here --lang's).
        let wizard = try runProgram("/bin/sh", ["-c", "printf '\\n\\n' | \"$0\" --plain --lang ja --answers \"$1\" --out \"$2\"",
                                                try vpcpipeBinary(), answers, out], environment: locale("C.UTF-8"), in: work)
        XCTAssertEqual(wizard.status, 130, wizard.summary)
        XCTAssertTrue(wizard.stdout.contains("書き込んでいません: \(out) に vpcpipe が書いていないもの、"), wizard.stdout)
        let forced = try vpcpipe(["--headless", answers, "--out", out, "--force"], environment: japanese)
        XCTAssertEqual(forced.status, 0, forced.summary)
        XCTAssertEqual(forced.stderr, "vpcpipe: --force により、\(out) の vpcpipe が書いていないもの、または編集されたものを置き換えました: notes.txt\n")

        let notAnOutputFolder = try vpcpipe(["apply", work.path], environment: japanese)
        XCTAssertEqual(notAnOutputFolder.status, 66, notAnOutputFolder.summary)
        XCTAssertEqual(notAnOutputFolder.stderr, "vpcpipe apply: \(work.path) は vpcpipe の出力フォルダーではありません (.vpcpipe-manifest がありません): "
                       + "vpcpipe --headless FILE --out \(work.path) かウィザードで書き出してください\n")
        try "echo edited\n".write(toFile: out + "/setup.sh", atomically: true, encoding: .utf8)
        let edited = try vpcpipe(["apply", out], environment: japanese)
        XCTAssertEqual(edited.status, 65, edited.summary)
        XCTAssertEqual(edited.stderr, "vpcpipe apply: \(out)/setup.sh は vpcpipe が書いたときのままではありません (その後に編集または削除されました): "
                       + "実行するのは書き出して確認したものだけです。フォルダーを書き直すか、編集した setup.sh を自分で bash で実行してください\n")

        let noTerminal = try vpcpipe([], environment: japanese.merging(["TERM": "xterm"]) { $1 })
        XCTAssertEqual(noTerminal.status, 64, noTerminal.summary)
        XCTAssertEqual(noTerminal.stderr, Notice.terminalNeeded.text(.ja) + "\n")
        XCTAssertTrue(noTerminal.stderr.hasPrefix("vpcpipe のウィザードには端末が必要です。"), noTerminal.stderr)
    }
}
