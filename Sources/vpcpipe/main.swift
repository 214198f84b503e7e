import Account
import ArgumentParser
import Export
import Foundation
import Planner
import Terminal
import VpcpipeResources
import Wizard

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
        abstract: spoken(.helpAbstract),
        discussion: spoken(.helpDiscussion),
        version: "vpcpipe \(vpcpipeVersion)",
        subcommands: [Apply.self]
    )

    /// What the shell completions offer for FILE: answers files (YAML or JSON) and folders.
    private static let answersFiles = CompletionKind.file(extensions: ["yaml", "yml", "json"])

    @Option(name: .long, help: ArgumentHelp(spoken(.helpHeadless), valueName: "FILE"),
            completion: answersFiles)
    var headless: String?

    @Option(name: .long, help: ArgumentHelp(spoken(.helpAnswers), valueName: "FILE"), completion: answersFiles)
    var answers: String?

    // Optional rather than defaulted, so that an --out given where nothing is written is refused.
    @Option(name: .long, help: ArgumentHelp(spoken(.helpOut, ["folder": Self.defaultOut]), valueName: "DIR"), completion: .directory)
    var out: String?

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpCheck)))
    var check = false

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpLive)))
    var live = false

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpOffline)))
    var offline = false

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpForce)))
    var force = false

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpExample)))
    var example = false

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpASCII)))
    var ascii = false

    @Flag(name: .long, help: ArgumentHelp(spoken(.helpPlain)))
    var plain = false

    // Read before parsing (TerminalLanguage), so that --help is said in it; declared here to be
    // parsed, refused when it is no language, and listed in --help.
    @Option(name: .long, help: ArgumentHelp(spoken(.helpLang), valueName: "en|ja"))
    var lang: Language?

    static let defaultOut = "vpcpipe-out"
    private var outputFolder: String { out ?? Self.defaultOut }

    /// The options given, in the order of `--help`.
    private var given: [String] {
        let options: [(String, Bool)] = [
            ("--headless", headless != nil), ("--answers", answers != nil), ("--out", out != nil),
            ("--check", check), ("--live", live), ("--offline", offline), ("--force", force),
            ("--example", example), ("--ascii", ascii), ("--plain", plain), ("--lang", lang != nil),
        ]
        return options.filter(\.1).map(\.0)
    }

    /// The options that do not go together: an option, those it does not take, and why.
    private static let conflicts: [(option: String, excludes: Set<String>, reason: String)] = [
        ("--example", ["--headless", "--answers", "--out", "--check", "--live", "--offline", "--force", "--ascii", "--plain"],
         spoken(.exampleOnlyPrints)),
        ("--headless", ["--answers", "--ascii", "--plain"], spoken(.headlessWithoutWizard)),
        ("--check", ["--out", "--force", "--ascii", "--plain"], spoken(.checkWritesNothing)),
        ("--plain", ["--ascii"], spoken(.plainDrawsNoScreen)),
        ("--offline", ["--headless", "--check", "--live"], spoken(.offlineIsTheWizards)),
        ("--live", ["--answers", "--ascii", "--plain"], spoken(.liveIsHeadlesss)),
    ]

    func validate() throws {
        let given = self.given
        for conflict in Self.conflicts where given.contains(conflict.option) {
            if let other = given.first(where: conflict.excludes.contains) {
                throw ValidationError(spoken(.optionsConflict, ["option": conflict.option, "other": other, "reason": conflict.reason]))
            }
        }
        for option in ["--check", "--live"] where given.contains(option) && headless == nil {
            throw ValidationError(spoken(.goesWithHeadless, ["option": option]))
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
        if let reason = Terminal.unavailableReason(language: TerminalLanguage.current) {
            printError(reason)
            throw ExitCode(Status.usage)
        }
        let status = Terminal.runWizard(initial: initial, diagnostics: diagnostics, outputFolder: outputFolder, force: force,
                                        ascii: ascii, discover: !offline, fromFile: answers != nil, language: language)
        if status != 0 { throw ExitCode(status) }
    }

    private func readAnswers(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError(spoken(.cannotRead, ["file": file]))
            throw ExitCode(Status.invalidAnswers)
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func runHeadless(file: String) throws {
        let (answers, diagnostics) = AnswersFile.read(try readAnswers(file))
        for diagnostic in diagnostics { printError(diagnostic.formatted(file: file, language: TerminalLanguage.current)) }
        if diagnostics.hasErrors {
            printError(spoken(.nothingWritten, ["errors": counted(diagnostics.errors.count, .oneError, .errors), "file": file]))
            throw ExitCode(Status.invalidAnswers)
        }
        let account = live ? try readAccount(answers, file: file) : nil
        if check {
            let warnings = counted(diagnostics.count, .oneWarning, .warnings)
            let line: Notice = switch (diagnostics.isEmpty, account == nil) {
            case (true, true): .valid
            case (false, true): .validWithWarnings
            case (true, false): .validAccount
            case (false, false): .validWithWarningsAccount
            }
            print(spoken(line, ["file": file, "warnings": warnings, "account": account ?? ""]))
            return
        }
        let files = Outputs.render(answers, online: live ? readPrices(answers) : [:])
        let replaced: [String]
        do {
            replaced = try OutputFolder.write(files, to: outputFolder, force: force)
        } catch {
            printError("vpcpipe: " + TerminalLanguage.current.text(of: error))
            throw ExitCode(Status.cannotWrite)
        }
        if let note = OutputFolder.replacedNote(replaced, in: outputFolder, language: TerminalLanguage.current) { printError(note) }
        print(spoken(.wrote, ["folder": outputFolder, "files": files.map(\.path).sorted().joined(separator: ", ")]))
        print(spoken(.next, ["folder": outputFolder]))
    }
}

extension Vpcpipe {
    /// --live: reads the account as setup.sh will before it creates anything; each problem is
    /// listed on its answer as the reader's are, and any stops the run before anything is
    /// written. Returns the account read.
    private func readAccount(_ answers: Answers, file: String) throws -> String {
        printError(spoken(answers.profile.isEmpty ? .readingAccountDefault : .readingAccountProfile,
                          ["profile": answers.profile, "region": answers.region]))
        let findings: AccountFindings
        do {
            findings = try AccountCheck.run(Planner.plan(answers), reader: AccountReader(AWSSettings(profile: answers.profile, region: answers.region)))
        } catch let error as AccountError {
            printError(spoken(.cannotReadAccount, ["reason": error.text(TerminalLanguage.current)]))
            throw ExitCode(Status.accountUnreadable)
        }
        for note in findings.noteWordings { printError(spoken(.fileNote, ["file": file, "note": note.text(TerminalLanguage.current)])) }
        let problems = AnswersFile.place(findings.problems, in: try readAnswers(file))
        for problem in problems { printError(problem.formatted(file: file, language: TerminalLanguage.current)) }
        if !problems.isEmpty {
            printError(spoken(.accountProblems, ["errors": counted(problems.count, .oneError, .errors), "account": findings.account, "file": file]))
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
            for problem in problems { printError(spoken(.priceNote, ["problem": problem.text(TerminalLanguage.current)])) }
            return prices
        } catch let error as AccountError {
            printError(spoken(.priceTableUsed, ["reason": error.text(TerminalLanguage.current)]))
        } catch {
            printError(spoken(.priceTableUsed, ["reason": "\(error)"]))
        }
        return [:]
    }
}

/// `count` things, said by `one` for one and `many` (its `{count}`) for another number.
private func counted(_ count: Int, _ one: Notice, _ many: Notice) -> String {
    count == 1 ? spoken(one) : spoken(many, ["count": "\(count)"])
}

private func printError(_ line: String) {
    Output.error(line)
}

/// The language vpcpipe speaks at the terminal: --lang, else the locale's (LC_ALL, LC_MESSAGES,
/// LANG, as the wizard reads them). Chosen before the options are parsed, since --help and the
/// usage errors are said while parsing them. The answers' `language` is the output folder's.
enum TerminalLanguage {
    static let current = chosen(arguments: CommandLine.arguments.dropFirst(), environment: ProcessInfo.processInfo.environment)

    static func chosen(arguments: some Sequence<String>, environment: [String: String]) -> Language {
        var given: Language?
        var previous = ""
        for argument in arguments {
            if argument == "--" { break }
            // A value that is no language leaves the language given before, or the locale's, to
            // say that the parser refuses it.
            if previous == "--lang" {
                given = Language(rawValue: argument) ?? given
            } else if argument.hasPrefix("--lang=") {
                given = Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? given
            }
            previous = argument
        }
        return given ?? WizardLanguage.detect(environment: environment, ascii: false)
    }
}

/// A notice in the terminal's language.
func spoken(_ notice: Notice, _ values: [String: String] = [:]) -> String {
    notice.text(TerminalLanguage.current, values)
}

extension Language: ExpressibleByArgument {}

ParserWords.main(in: TerminalLanguage.current)
