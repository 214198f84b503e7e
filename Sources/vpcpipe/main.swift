import Account
import ArgumentParser
import Export
import Foundation
import Planner
import Terminal
import VpcpipeResources

/// Exit statuses, as README.md documents them.
enum Status {
    static let invalidAnswers: Int32 = 1
    static let usage: Int32 = 64  // ArgumentParser's own for usage errors too
    static let accountUnreadable: Int32 = 69
    static let cannotWrite: Int32 = 73
}

struct Vpcpipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vpcpipe",
        abstract: "Plan a private-VPC CI/CD pipeline (CodeCommit, CodeArtifact, CodeBuild, CodePipeline) as reviewed AWS CLI scripts.",
        discussion: """
            With no options, opens the wizard, which reads the account (read-only) to offer its \
            VPCs, subnets and what exists; --offline reads nothing. --headless FILE reads an answers \
            file instead and writes the same output folder, reading the account only with --live. \
            Nothing changes AWS: run DIR/setup.sh after reviewing it.
            Exit status: 0 done, 1 invalid answers or, with --live, problems in the account (nothing \
            written), 64 usage error, 69 the account could not be read (--live), 73 output folder not \
            written (it holds what vpcpipe did not write; see --force).
            """,
        version: "vpcpipe \(vpcpipeVersion)",
        subcommands: [Apply.self]
    )

    /// What the shell completions offer for FILE: answers files (YAML or JSON) and folders.
    private static let answersFiles = CompletionKind.file(extensions: ["yaml", "yml", "json"])

    @Option(name: .long, help: ArgumentHelp("Read the answers from FILE and write the output folder without the wizard.", valueName: "FILE"),
            completion: answersFiles)
    var headless: String?

    @Option(name: .long, help: ArgumentHelp("Open the wizard pre-filled from FILE.", valueName: "FILE"), completion: answersFiles)
    var answers: String?

    // Optional rather than defaulted, so that an --out given where nothing is written is refused.
    @Option(name: .long, help: ArgumentHelp("The output folder (default: \(Self.defaultOut)).", valueName: "DIR"), completion: .directory)
    var out: String?

    @Flag(name: .long, help: "With --headless: validate the answers and report; write nothing.")
    var check = false

    @Flag(name: .long, help: "With --headless: first read the account (read-only) as setup.sh will, and report every problem it would stop on and every existing endpoint whose policy would refuse the build.")
    var live = false

    @Flag(name: .long, help: "Open the wizard without reading the account: every id is typed.")
    var offline = false

    @Flag(name: .long, help: "Replace an output folder that holds what vpcpipe did not write or that was edited; say what it replaced.")
    var force = false

    @Flag(name: .long, help: "Print the article's answers (a starting point for --headless).")
    var example = false

    @Flag(name: .long, help: "Draw the wizard in ASCII characters only (chosen anyway when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .long, help: "Ask the wizard's questions one a line, drawing no screen (for a screen reader or a serial console; chosen anyway when TERM is dumb or unset).")
    var plain = false

    @Option(name: .long, help: ArgumentHelp("The wizard's language, en or ja (default: the --answers file's language:, else the locale's: LC_ALL, LC_MESSAGES or LANG).", valueName: "LANG"))
    var lang: Language?

    static let defaultOut = "vpcpipe-out"
    private var outputFolder: String { out ?? Self.defaultOut }

    /// The options given, in the order of `--help`.
    private var given: [String] {
        [("--headless", headless != nil), ("--answers", answers != nil), ("--out", out != nil),
         ("--check", check), ("--live", live), ("--offline", offline), ("--force", force),
         ("--example", example), ("--ascii", ascii), ("--plain", plain), ("--lang", lang != nil)].filter(\.1).map(\.0)
    }

    /// The options that do not go together: an option, those it does not take, and why.
    private static let conflicts: [(option: String, excludes: Set<String>, reason: String)] = [
        ("--example", ["--headless", "--answers", "--out", "--check", "--live", "--offline", "--force", "--ascii", "--plain", "--lang"],
         "--example only prints the article's answers"),
        ("--headless", ["--answers", "--ascii", "--plain", "--lang"],
         "--answers, --ascii, --plain and --lang are the wizard's, --headless runs without it (the file's language: is the output's)"),
        ("--check", ["--out", "--force", "--ascii", "--plain", "--lang"], "--check writes nothing and opens no wizard"),
        ("--plain", ["--ascii"], "--plain draws no screen"),
        ("--offline", ["--headless", "--check", "--live"], "--offline is the wizard's; --headless reads the account only with --live"),
        ("--live", ["--answers", "--ascii", "--plain", "--lang"], "--live is --headless's; the wizard reads the account unless --offline"),
    ]

    func validate() throws {
        let given = self.given
        for conflict in Self.conflicts where given.contains(conflict.option) {
            if let other = given.first(where: conflict.excludes.contains) {
                throw ValidationError("\(conflict.option) and \(other) do not go together: \(conflict.reason).")
            }
        }
        for option in ["--check", "--live"] where given.contains(option) && headless == nil {
            throw ValidationError("\(option) goes with --headless FILE.")
        }
    }

    func run() throws {
        if example {
            print(BundledText.articleExample, terminator: "")
        } else if let headless {
            try runHeadless(file: headless)
        } else {
            try runWizard()
        }
    }

    private func runWizard() throws {
        var initial = Answers()
        // A fresh start is checked as it stands: the VPC's ids are required before going on.
        var diagnostics = Rules.check(initial)
        // The wizard's language: --lang, else the file's language:, else (nil) the locale's.
        var language = lang
        if let answers {
            // Problems in the file are shown on their fields rather than refusing to start.
            let text = try readAnswers(answers)
            (initial, diagnostics) = AnswersFile.read(text)
            language = language ?? AnswersFile.language(in: text)
        }
        if plain || Terminal.wantsPlain {
            // The line mode reads no account: its questions take typed ids.
            let status = Terminal.runPlain(initial: initial, diagnostics: diagnostics, outputFolder: outputFolder, force: force,
                                           fromFile: answers != nil, language: language)
            if status != 0 { throw ExitCode(status) }
            return
        }
        if let reason = Terminal.unavailableReason() {
            printError(reason)
            throw ExitCode(Status.usage)
        }
        let status = Terminal.runWizard(initial: initial, diagnostics: diagnostics, outputFolder: outputFolder, force: force,
                                        ascii: ascii, discover: !offline, fromFile: answers != nil, language: language)
        if status != 0 { throw ExitCode(status) }
    }

    private func readAnswers(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("vpcpipe: cannot read \(file): no such readable file")
            throw ExitCode(Status.invalidAnswers)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func runHeadless(file: String) throws {
        let (answers, diagnostics) = AnswersFile.read(try readAnswers(file))
        for diagnostic in diagnostics { printError(diagnostic.formatted(file: file)) }
        if diagnostics.hasErrors {
            printError("vpcpipe: \(count(diagnostics.errors.count, "error")) in \(file); nothing written")
            throw ExitCode(Status.invalidAnswers)
        }
        let account = live ? try readAccount(answers, file: file) : nil
        if check {
            print("\(file): valid" + (diagnostics.isEmpty ? "" : " (\(count(diagnostics.count, "warning")))")
                  + (account.map { "; account \($0) holds nothing setup.sh would stop on" } ?? ""))
            return
        }
        let files = Outputs.render(answers, online: live ? readPrices(answers) : [:])
        let replaced: [String]
        do {
            replaced = try OutputFolder.write(files, to: outputFolder, force: force)
        } catch {
            printError("vpcpipe: \(error)")
            throw ExitCode(Status.cannotWrite)
        }
        if let note = OutputFolder.replacedNote(replaced, in: outputFolder) { printError(note) }
        print("wrote \(outputFolder)/: \(files.map(\.path).sorted().joined(separator: ", "))")
        print("next: review \(outputFolder)/setup.sh, then run: bash \(outputFolder)/setup.sh, then bash \(outputFolder)/verify.sh"
              + " (or both: vpcpipe apply \(outputFolder))")
    }
}

extension Vpcpipe {
    /// --live: reads the account as setup.sh will before it creates anything; each problem is
    /// listed on its answer as the reader's are, and any stops the run before anything is
    /// written. Returns the account read.
    private func readAccount(_ answers: Answers, file: String) throws -> String {
        printError("vpcpipe: reading the account of \(answers.profile.isEmpty ? "the default profile" : "profile \(answers.profile)") in \(answers.region), read-only, as setup.sh will")
        let findings: AccountFindings
        do {
            findings = try AccountCheck.run(Planner.plan(answers), reader: AccountReader(AWSSettings(profile: answers.profile, region: answers.region)))
        } catch let error as AccountError {
            printError("vpcpipe: cannot read the account: \(error.line)")
            throw ExitCode(Status.accountUnreadable)
        }
        for note in findings.notes { printError("\(file): note: \(note)") }
        let problems = AnswersFile.place(findings.problems, in: try readAnswers(file))
        for problem in problems { printError(problem.formatted(file: file)) }
        if !problems.isEmpty {
            printError("vpcpipe: \(count(problems.count, "error")) in account \(findings.account) for \(file) (each stops setup.sh, or, for an endpoint's policy, would refuse the build); nothing written")
            throw ExitCode(Status.invalidAnswers)
        }
        return findings.account
    }
}

extension Vpcpipe {
    /// --live: the region's unit prices from the AWS Price List API, read-only, for the cost the
    /// outputs show; what cannot be read keeps the table's price, said in a note.
    private func readPrices(_ answers: Answers) -> [PriceKey: UnitPrice] {
        // The Price List API answers in us-east-1 only (among few): its own region, not the plan's.
        let reader = AccountReader(AWSSettings(profile: answers.profile, region: PriceList.endpointRegion))
        do {
            let (prices, problems) = try PriceList.read(region: answers.region, reader: reader)
            for problem in problems { printError("vpcpipe: note: \(problem); the price table's figure is used") }
            return prices
        } catch let error as AccountError {
            printError("vpcpipe: note: the cost uses the price table: \(error.line)")
        } catch {
            printError("vpcpipe: note: the cost uses the price table: \(error)")
        }
        return [:]
    }
}

/// `--lang en|ja`.
extension Language: ExpressibleByArgument {}

private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

private func printError(_ line: String) {
    Output.error(line)
}

Vpcpipe.main()
