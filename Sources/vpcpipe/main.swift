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
    static let cannotWrite: Int32 = 73
}

struct Vpcpipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vpcpipe",
        abstract: "Plan a private-VPC CI/CD pipeline (CodeCommit, CodeArtifact, CodeBuild, CodePipeline) as reviewed AWS CLI scripts.",
        discussion: """
            With no options, opens the wizard. --headless FILE reads an answers file instead and \
            writes the same output folder. Nothing touches AWS: run DIR/setup.sh after reviewing it.
            Exit status: 0 done, 1 invalid answers (nothing written), 64 usage error, \
            73 output folder not written (it holds what vpcpipe did not write; see --force).
            """,
        version: "vpcpipe \(vpcpipeVersion)",
        subcommands: [Apply.self]
    )

    @Option(name: .long, help: ArgumentHelp("Read the answers from FILE and write the output folder without the wizard.", valueName: "FILE"))
    var headless: String?

    @Option(name: .long, help: ArgumentHelp("Open the wizard pre-filled from FILE.", valueName: "FILE"))
    var answers: String?

    // Optional rather than defaulted, so that an --out given where nothing is written is refused.
    @Option(name: .long, help: ArgumentHelp("The output folder (default: \(Self.defaultOut)).", valueName: "DIR"))
    var out: String?

    @Flag(name: .long, help: "With --headless: validate the answers and report; write nothing.")
    var check = false

    @Flag(name: .long, help: "Replace an output folder that holds what vpcpipe did not write or that was edited; say what it replaced.")
    var force = false

    @Flag(name: .long, help: "Print the article's answers (a starting point for --headless).")
    var example = false

    static let defaultOut = "vpcpipe-out"
    private var outputFolder: String { out ?? Self.defaultOut }

    /// The options given, in the order of `--help`.
    private var given: [String] {
        [("--headless", headless != nil), ("--answers", answers != nil), ("--out", out != nil),
         ("--check", check), ("--force", force), ("--example", example)].filter(\.1).map(\.0)
    }

    /// The options that do not go together: an option, those it does not take, and why.
    private static let conflicts: [(option: String, excludes: Set<String>, reason: String)] = [
        ("--example", ["--headless", "--answers", "--out", "--check", "--force"], "--example only prints the article's answers"),
        ("--headless", ["--answers"], "--answers opens the wizard, --headless runs without it"),
        ("--check", ["--out", "--force"], "--check writes nothing"),
    ]

    func validate() throws {
        let given = self.given
        for conflict in Self.conflicts where given.contains(conflict.option) {
            if let other = given.first(where: conflict.excludes.contains) {
                throw ValidationError("\(conflict.option) and \(other) do not go together: \(conflict.reason).")
            }
        }
        if check && headless == nil {
            throw ValidationError("--check goes with --headless FILE.")
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
        var diagnostics: [Diagnostic] = []
        if let answers {
            // Problems in the file are shown on their fields rather than refusing to start.
            (initial, diagnostics) = AnswersFile.read(try readAnswers(answers))
        }
        if let reason = Terminal.unavailableReason() {
            printError(reason)
            throw ExitCode(Status.usage)
        }
        let status = Terminal.runWizard(initial: initial, diagnostics: diagnostics, outputFolder: outputFolder, force: force)
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
        if check {
            print("\(file): valid" + (diagnostics.isEmpty ? "" : " (\(count(diagnostics.count, "warning")))"))
            return
        }
        let files = Outputs.render(answers)
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

private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

Vpcpipe.main()
