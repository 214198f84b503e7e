import Foundation
import TestSupport
import XCTest

/// README's install step past the copy of the binary: the manual page (swift-argument-parser's
/// generate-manual plugin) and the shell completions (`--generate-completion-script`), run
/// against the built binary into a temporary root.
final class InstallTests: XCTestCase {
    private var work: URL!
    /// Where README's commands write what they would write under /.
    private var root: URL { work.appendingPathComponent("root") }

    /// `command` with each absolute path under the temporary root.
    private func relocated(_ command: String) -> String {
        command.split(separator: " ").map { $0.hasPrefix("/") ? root.path + $0 : String($0) }.joined(separator: " ")
    }

    override func setUpWithError() throws {
        work = try temporaryFolder("install")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// Runs the install step's commands after `cp .build/release/vpcpipe`, in the repository,
    /// with `vpcpipe` the built binary. The manual is made from the debug build the tests run
    /// from, rather than from a release build of its own: the options are the same. Under
    /// `swift test`, which holds the build folder's lock while the tests run (and builds nothing
    /// then), the plugin would wait for it forever: it ignores it.
    private func install() throws -> [String] {
        let commands = Readme.commands(in: try Readme().section("## Install"))
        let copy = try XCTUnwrap(commands.firstIndex { $0.hasPrefix("cp .build/release/vpcpipe /usr/local/bin") },
                                 "README's install step copies the binary: \(commands)")
        var environment = try environmentWithVpcpipe(in: work)
        environment["PATH"]! += ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")  // swift
        let generated = Array(commands[(copy + 1)...])
        for command in generated {
            var line = relocated(command)
            if line == "swift package generate-manual" { line = "swift package --ignore-lock generate-manual --configuration debug" }
            let result = try runProgram("/bin/bash", ["-c", line], environment: environment, in: repositoryRoot)
            XCTAssertEqual(result.status, 0, "\(command): \(result.summary)")
        }
        return generated
    }

    /// The file that the first command of the install step holding `marker` writes (its last
    /// word), under the temporary root.
    private func written(by commands: [String], _ marker: String) throws -> URL {
        let command = try XCTUnwrap(commands.first { $0.contains(marker) }, "README's install step: no \(marker) in \(commands)")
        return URL(fileURLWithPath: String(try XCTUnwrap(relocated(command).split(separator: " ").last)))
    }

    func testTheManualAndTheCompletionsNameEveryOptionOfHelp() throws {
        let commands = try install()
        let options = try helpOptions()
        XCTAssertTrue(options.contains("--headless") && options.contains("--help"), "\(options)")
        let text = { (file: URL) in try String(contentsOf: file, encoding: .utf8) }

        // The manual renders without a warning, where man finds it, and has an item for each option.
        let manual = try written(by: commands, "/man/man1/vpcpipe.1")
        let rendered = try runProgram("man", ["--warnings", "-l", manual.path], environment: ["MANWIDTH": "80", "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(rendered.status, 0, rendered.summary)
        XCTAssertEqual(rendered.stderr, "", "the manual page does not render cleanly")
        let items = rendered.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for option in options {
            XCTAssertTrue(items.contains { $0.components(separatedBy: ", ").contains { $0 == option || $0.hasPrefix(option + " ") } },
                          "the manual has no item for \(option):\n\(rendered.stdout)")
        }
        let found = try runProgram("man", ["-w", "-M", manual.deletingLastPathComponent().deletingLastPathComponent().path, "vpcpipe"])
        XCTAssertEqual(found.stdout, manual.path + "\n", "man does not find the manual where it was put: \(found.summary)")

        // zsh's argument specs ('--out[...]' or {-h,--help}) and fish's `-l NAME`.
        let zsh = try text(written(by: commands, "--generate-completion-script zsh"))
        let fish = try text(written(by: commands, "--generate-completion-script fish"))
        for option in options {
            XCTAssertTrue(zsh.contains("'\(option)[") || zsh.contains(",\(option)}"), "zsh's completions lack \(option)")
            XCTAssertTrue(fish.contains("-l '\(option.dropFirst(2))'"), "fish's completions lack \(option)")
        }

        // bash, which is here: what the completion offers after `vpcpipe --` is exactly the
        // options, after --headless an answers file, after apply a folder.
        let bash = try written(by: commands, "--generate-completion-script bash")
        let answers = work.appendingPathComponent("answers.yaml")
        try "version: 1\n".write(to: answers, atomically: true, encoding: .utf8)
        XCTAssertEqual(Set(try bashCompletion(bash, "vpcpipe --")), Set(options))
        XCTAssertEqual(try bashCompletion(bash, "vpcpipe --headless ans"), ["answers.yaml"])
        // After `vpcpipe apply`, the folders and apply's options.
        try FileManager.default.createDirectory(at: work.appendingPathComponent("vpcpipe-out"), withIntermediateDirectories: true)
        XCTAssertEqual(try bashCompletion(bash, "vpcpipe apply vpc"), ["vpcpipe-out"])
        XCTAssertEqual(Set(try bashCompletion(bash, "vpcpipe apply --")), ["--dry-run", "--help", "--version"])
    }

    /// The words the completion loaded from `script` offers for the command line `line`, as bash
    /// asks it when Tab is pressed at its end.
    private func bashCompletion(_ script: URL, _ line: String) throws -> [String] {
        let program = """
            source "$1"
            COMP_LINE="$2" COMP_POINT=${#2}
            read -ra COMP_WORDS <<< "$2"
            [[ $2 == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _vpcpipe vpcpipe "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try runProgram("/bin/bash", ["-c", program, "bash", script.path, line], in: work)
        XCTAssertEqual(result.status, 0, result.summary)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// README: the generators describe a `help` subcommand, which prints the help of the
    /// command it names. When swift-argument-parser stops describing it, this fails: README's
    /// sentence goes.
    func testTheGeneratorsHelpSubcommandPrintsTheHelpAsReadmeSays() throws {
        let readme = try Readme().section("## Install").joined(separator: " ")
        XCTAssertTrue(readme.contains("`help` subcommand"), "README's install step says nothing of `help`")
        for (help, direct) in [(["help"], ["--help"]), (["help", "apply"], ["apply", "--help"])] {
            let (helped, asked) = (try vpcpipe(help), try vpcpipe(direct))
            XCTAssertEqual(helped.status, 0, helped.summary)
            XCTAssertEqual(helped.stdout, asked.stdout, "vpcpipe \(help.joined(separator: " "))")
        }
        let dump = try vpcpipe(["--experimental-dump-help"])
        XCTAssertTrue(dump.stdout.contains("\"commandName\" : \"help\""),
                      "swift-argument-parser no longer describes a help subcommand: remove README's sentence on it")
    }
}
