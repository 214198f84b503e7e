import Foundation

// The start every script of the output folder shares (setup.sh, teardown.sh, verify.sh): what
// it is, its usage and options, the plan's region and profile, the waits' settings, and the
// variables it learns at run time. Values reach the text only through `Shell.quote`.

struct ScriptHead {
    /// An option besides --dry-run and --help, and the variable it sets to 1.
    struct Option {
        var name: String
        var variable: String
        var help: String
    }

    /// An environment variable the script reads, for its --help.
    struct Setting {
        var variable: String
        var help: Phrase
    }

    var file: String
    /// What it does to or with the pipeline, in its first comment: "creates", "proves".
    var does: String
    var options: [Option]
    var environment: [Setting]
    /// Lines after REGION and before AWS_ARGS (setup and teardown: the plan's tag).
    var settings: [String]
    /// Assignments of the waits' settings from the environment (`POLL_SECONDS=...`).
    var waits: [String]
    /// The variables learnt at run time, in first-use order; HERE is the script's own folder.
    var runtime: [String]
    /// What the script reads beside itself, said above HERE.
    var here = "The sample app's files are read from repo/ beside this script."

    /// The settings the three scripts share.
    static let poll = Setting(variable: "VPCPIPE_POLL_SECONDS", help: .helpPollSeconds)
    static let wait = Setting(variable: "VPCPIPE_WAIT_SECONDS", help: .helpWaitSeconds)
    static let progress = Setting(variable: "VPCPIPE_PROGRESS_FD", help: .helpProgressFD)
    static let waitLines = ["POLL_SECONDS=\"${VPCPIPE_POLL_SECONDS:-15}\"", "WAIT_SECONDS=\"${VPCPIPE_WAIT_SECONDS:-900}\""]

    func render(_ plan: Plan) -> String {
        let answers = plan.answers, l = answers.language
        let names = options.map(\.name) + ["--dry-run", "--help"]
        let width = names.map(\.count).max() ?? 0
        func row(_ name: String, _ help: String) -> String { "  " + name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + help }
        let helps = options.map { row($0.name, $0.help) } + [row("--dry-run", Phrase.helpDryRun.text(l)), row("--help", Phrase.helpHelp.text(l))]
        let variableWidth = environment.map(\.variable.count).max() ?? 0
        let settingsHelp = environment.map {
            "  " + $0.variable.padding(toLength: variableWidth + 2, withPad: " ", startingAt: 0) + $0.help.text(l)
        }
        let profile = answers.profile.isEmpty ? "AWS_ARGS=(--region \"$REGION\")"
            : "AWS_ARGS=(--region \"$REGION\" --profile \(Shell.quote(.text(answers.profile))))"
        var out = """
        #!/usr/bin/env bash
        # \(file) (vpcpipe \(vpcpipeVersion)): \(does) the private CI/CD pipeline \(answers.name.replacingOccurrences(of: "\n", with: " ")) in \(answers.region).
        # Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
        # Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
        # shellcheck disable=SC2016
        set -euo pipefail

        usage() {
          cat <<'USAGE'
        \(Phrase.helpUsage.text(l)) \(file) \(names.map { "[\($0)]" }.joined(separator: " "))
        \(helps.joined(separator: "\n"))
        \(Phrase.helpEnvironment.text(l))
        \(settingsHelp.joined(separator: "\n"))
        USAGE
        }


        """
        out += (options.map(\.variable) + ["DRY_RUN"]).map { "\($0)=0\n" }.joined()
        out += "for option in \"$@\"; do\n  case \"$option\" in\n"
        out += (options.map { ($0.name, $0.variable) } + [("--dry-run", "DRY_RUN")]).map { "    \($0.0)) \($0.1)=1 ;;\n" }.joined()
        out += """
            --help) usage; exit 0 ;;
            *) echo "\(Phrase.unknownOption.bash(l))" >&2; usage >&2; exit 2 ;;
          esac
        done


        """
        out += (["REGION=\(Shell.quote(.text(answers.region)))"] + settings + [profile] + waits).joined(separator: "\n") + "\n"
        if runtime.contains("HERE") {
            out += "# \(here)\n"
            out += "HERE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n"
        }
        let learnt = runtime.filter { $0 != "HERE" }
        out += "# Values learnt at run time (some are only shown, as the id of a gateway endpoint).\n"
        out += "# shellcheck disable=SC2034\n{\n"
        out += learnt.map { "  \($0)=''" }.joined(separator: "\n") + "\n}\n"
        return out
    }
}
