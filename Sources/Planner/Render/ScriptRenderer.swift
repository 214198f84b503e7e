import Foundation

// setup.sh and teardown.sh from the plan. Commands reach the text only through `Shell.quote`;
// the bash helpers below (call, capture, found, ...) add region and profile, print commands in a
// dry run, retry IAM propagation errors and report failures, so the steps stay plain lists.

public enum ScriptRenderer {
    public static func setup(_ plan: Plan) -> String {
        var out = header(plan, script: "setup.sh", does: "creates", confirm: "Create these resources? [y/N]")
        out += library(setup: true)
        out += introduction(plan, heading: "It creates, in this order (a step that finds its resource creates nothing):",
                            resources: plan.steps.flatMap(\.resources).map { ($0, $0.existing ? "[existing]      " : "[to be created] ") },
                            total: plan.steps.count, confirm: "Create these resources? [y/N]", declined: "Nothing was created.")
        for (index, step) in plan.steps.enumerated() {
            out += "\nstep \(index + 1) \(Shell.quote(.text(step.title)))\n"
            out += lines(for: step).joined(separator: "\n") + "\n"
        }
        out += "\nSTEP=0\necho\necho 'Setup is complete. Follow checklist.md to release a change and read the build log.'\n"
        return out
    }

    public static func teardown(_ plan: Plan) -> String {
        let steps = plan.steps.reversed().filter { !$0.teardown.isEmpty }
        var out = header(plan, script: "teardown.sh", does: "removes what setup.sh created from",
                         confirm: "Delete these resources? [y/N]")
        out += library(setup: false)
        let removed = steps.flatMap { $0.resources.filter { !$0.existing } }.map { ($0, "[to be deleted] ") }
        out += introduction(plan, heading: "It deletes, in this order, only what carries the tag \(Names.tagKey)=\(plan.answers.name) (what is already gone is skipped; what was listed as existing or lacks the tag is kept):",
                            resources: removed, total: steps.count, confirm: "Delete these resources? [y/N]",
                            declined: "Nothing was deleted.")
        for (index, step) in steps.enumerated() {
            out += "\nstep \(index + 1) \(Shell.quote(.text("Remove: " + step.title)))\n"
            out += step.teardown.flatMap { lines(for: $0) }.joined(separator: "\n") + "\n"
        }
        out += "\nSTEP=0\necho\necho 'Teardown is complete.'\n"
        return out
    }

    // MARK: Parts

    private static func header(_ plan: Plan, script: String, does: String, confirm: String) -> String {
        let answers = plan.answers
        let settings = [
            "REGION=\(Shell.quote(.text(answers.region)))",
            "# What setup.sh creates carries the tag \(Names.tagKey)=$PLAN_TAG; teardown.sh deletes nothing else.",
            "PLAN_TAG=\(Shell.quote(.text(answers.name)))",
            answers.profile.isEmpty ? "AWS_ARGS=(--region \"$REGION\")"
                : "AWS_ARGS=(--region \"$REGION\" --profile \(Shell.quote(.text(answers.profile))))",
        ]
        let runtime = runtimeVariables(plan, setup: script == "setup.sh")
        var out = """
        #!/usr/bin/env bash
        # \(script) (vpcpipe): \(does) the private CI/CD pipeline \(sanitizedComment(answers.name)) in \(answers.region).
        # Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
        # Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
        # shellcheck disable=SC2016
        set -euo pipefail

        usage() {
          cat <<'USAGE'
        Usage: \(script) [--yes] [--dry-run] [--help]
          --yes      do not ask "\(confirm)"
          --dry-run  print every AWS CLI command and call nothing (runtime values appear as <placeholders>)
          --help     show this help
        Environment: \(script == "setup.sh" ? "VPCPIPE_RETRY_SECONDS (IAM propagation retries, default 120),\n  " : "")VPCPIPE_POLL_SECONDS (poll interval, default 15), VPCPIPE_WAIT_SECONDS (wait limit, default 900).
        USAGE
        }

        YES=0
        DRY_RUN=0
        for option in "$@"; do
          case "$option" in
            --yes) YES=1 ;;
            --dry-run) DRY_RUN=1 ;;
            --help) usage; exit 0 ;;
            *) echo "unknown option: $option" >&2; usage >&2; exit 2 ;;
          esac
        done

        \(settings.joined(separator: "\n"))
        \(script == "setup.sh" ? "RETRY_SECONDS=\"${VPCPIPE_RETRY_SECONDS:-120}\"\n" : "")POLL_SECONDS="${VPCPIPE_POLL_SECONDS:-15}"
        WAIT_SECONDS="${VPCPIPE_WAIT_SECONDS:-900}"

        """
        if runtime.contains("HERE") {
            out += "# The sample app's files are read from repo/ beside this script.\n"
            out += "HERE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n"
        }
        let learnt = runtime.filter { $0 != "HERE" }
        out += "# Values learnt at run time (some are only shown, as the id of a gateway endpoint).\n"
        out += "# shellcheck disable=SC2034\n{\n"
        out += learnt.map { "  \($0)=''" }.joined(separator: "\n") + "\n}\n"
        return out
    }

    /// A comment line must not be ended early by a newline in a value.
    private static func sanitizedComment(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }

    private static func runtimeVariables(_ plan: Plan, setup: Bool) -> [String] {
        var names: [String] = ["ACCOUNT"]
        let actions = setup ? plan.steps.flatMap { $0.create + $0.always } : plan.steps.flatMap(\.teardown)
        let checks = setup ? plan.steps.compactMap(\.check) : []
        for name in checks.flatMap({ ($0.capture.map { [$0] } ?? []) + $0.variables })
            + actions.flatMap(\.variables) where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    private static func library(setup: Bool) -> String {
        let verb = setup ? "setup" : "teardown"
        var out = """

        STEP=0
        STEP_TITLE=''
        OUT=''
        ERRORS="$(mktemp)"
        finish() {
          local status=$?
          rm -f "$ERRORS"
          if [ "$status" -ne 0 ] && [ "$STEP" -gt 0 ]; then
            echo "\(verb) failed at step $STEP: $STEP_TITLE" >&2
          fi
        }
        trap finish EXIT

        # The step being run, for progress and for the failure message.
        step() {
          STEP=$1
          STEP_TITLE=$2
          echo
          echo "[$1/$TOTAL] $2"
        }

        # One word for the shell, single-quoted as the script's own lines are.
        quote() {
          printf "'%s'" "${1//\\'/\\'\\\\\\'\\'}"
        }

        # Prints a command as it would run: values quoted, names and --options as they are.
        show() {
          local line='aws' index=0 word
          for word in "$@" "${AWS_ARGS[@]}"; do
            if [ "$index" -lt 2 ] || [[ $word =~ ^--[a-z0-9-]+$ ]]; then line+=" $word"; else line+=" $(quote "$word")"; fi
            index=$((index + 1))
          done
          printf '  %s\\n' "$line"
        }

        # A failed call: the AWS CLI's own message, then what it means when that is known.
        report() {
          cat "$ERRORS" >&2
          if grep -q 'no existing repository' "$ERRORS"; then
            echo 'CodeCommit refused to create a repository: AWS closed CodeCommit to new customers in July 2024' >&2
            echo '(it returned to general availability in November 2025). Use an account that already has a' >&2
            echo 'CodeCommit repository, or an existing repository with source.create: false.' >&2
          fi
        }

        """
        if setup {
            out += """

            # What the last check found, for `exists`.
            FOUND=''

            # Messages of IAM changes that have not reached CodeBuild or CodePipeline yet.
            PROPAGATION='not authorized to perform|cannot be assumed|unable to assume|does not have permissions to assume'

            # call [--retry] [--tolerate CODES] SERVICE OPERATION ARGS...: one AWS CLI call, its output
            # left in OUT. --retry: IAM propagation errors are retried with backoff for RETRY_SECONDS.
            # --tolerate: errors with these codes (A|B) mean the work is done already.
            call() {
              local retry=0 tolerate='' waited=0 delay=2 status
              if [ "$1" = --retry ]; then retry=1; shift; fi
              if [ "$1" = --tolerate ]; then tolerate=$2; shift 2; fi
              OUT=''
              if [ "$DRY_RUN" = 1 ]; then show "$@"; return 0; fi
              while :; do
                OUT=$(aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS") && return 0
                status=$?
                if coded "$tolerate"; then echo "  already done: $1 $2"; OUT=''; return 0; fi
                if [ "$retry" = 1 ] && [ "$waited" -lt "$RETRY_SECONDS" ] && grep -qiE "$PROPAGATION" "$ERRORS"; then
                  echo "  IAM changes are still propagating; trying again in ${delay}s"
                  sleep "$delay"
                  waited=$((waited + delay))
                  delay=$((delay * 2 > 30 ? 30 : delay * 2))
                  continue
                fi
                report
                return "$status"
              done
            }

            # coded CODES: true when the last call failed with one of the error codes CODES (A|B),
            # as the AWS CLI prints them: "An error occurred (CODE) when calling ...".
            coded() {
              [ -n "$1" ] && grep -qE "\\(($1)\\) when calling" "$ERRORS"
            }

            # lookup NAME ABSENT SERVICE OPERATION ARGS...: NAME takes the rows (KEY<TAB>ID) of one call
            # that finds several resources. An error coded ABSENT (no domain yet) finds nothing; any
            # other stops the script, as a lookup that saw nothing would have setup create again.
            lookup() {
              local name=$1 absent=$2 status=0
              shift 2
              OUT=''
              if [ "$DRY_RUN" = 1 ]; then
                show "$@"
              else
                OUT=$(aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS") || status=$?
                if [ "$status" -ne 0 ]; then
                  OUT=''
                  coded "$absent" || { report; return "$status"; }
                fi
              fi
              printf -v "$name" '%s' "$OUT"
            }

            # listed NAME|- ROWS KEY: true when the lookup ROWS holds KEY (rows KEY<TAB>ID<TAB>...);
            # NAME takes the row's id, FOUND the whole row. A dry run finds nothing.
            listed() {
              local name=$1 rows=${!2} key=$3 row row_key row_id
              if [ "$DRY_RUN" = 1 ]; then echo "  # check: $key among the rows of $2"; return 1; fi
              while IFS= read -r row; do
                IFS=$'\\t' read -r row_key row_id _ <<< "$row"
                if [ "$row_key" = "$key" ]; then
                  if [ "$name" != - ]; then printf -v "$name" '%s' "$row_id"; fi
                  FOUND=$row
                  return 0
                fi
              done <<< "$rows"
              return 1
            }

            # found NAME|- ABSENT SERVICE OPERATION ARGS...: true when the check finds the resource (any
            # output but None); NAME and FOUND take what it printed. An error coded ABSENT finds nothing;
            # any other stops the script here (set -e does not act inside an if's condition).
            # A dry run calls nothing and finds nothing.
            found() {
              local name=$1 absent=$2 out status=0
              shift 2
              if [ "$DRY_RUN" = 1 ]; then echo '  # check (what it finds is not created again):'; show "$@"; return 1; fi
              out=$(aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS") || status=$?
              if [ "$status" -ne 0 ]; then
                coded "$absent" && return 1
                report
                exit "$status"
              fi
              [ "$out" != None ] || return 1
              if [ "$name" != - ]; then printf -v "$name" '%s' "$out"; fi
              FOUND=$out
            }

            # exists [SERVICE OPERATION ARGS...]: the check found the resource; says whether setup
            # created it (its vpcpipe tag holds PLAN_TAG) or found it, to use as it is and keep. The
            # tag is read by the call given, else it is the last field of what the check found. A
            # failed read finds no tag: this only chooses the message, and teardown reads it again.
            exists() {
              local tag=${FOUND##*$'\\t'}
              if [ $# -gt 0 ]; then tag=$(aws "$@" "${AWS_ARGS[@]}" 2>/dev/null) || tag=''; fi
              if [ "$tag" = "$PLAN_TAG" ]; then
                echo '  exists: nothing to create'
              else
                echo '  exists, not created by vpcpipe: used as it is; teardown keeps it'
              fi
            }

            """
        } else {
            out += """

            # What AWS says of a resource that is already gone.
            GONE='NotFound|NoSuch|does ?not ?exist|not found'

            # call SERVICE OPERATION ARGS...: one AWS CLI call, its output left in OUT; a resource
            # that is already gone is not an error (a second teardown finds nothing to do).
            call() {
              local status
              OUT=''
              if [ "$DRY_RUN" = 1 ]; then show "$@"; return 0; fi
              OUT=$(aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS") && return 0
              status=$?
              if grep -qiE "$GONE" "$ERRORS"; then
                OUT=''
                echo "  already gone: $1 $2"
                return 0
              fi
              report
              return "$status"
            }

            # owned WHAT SERVICE OPERATION ARGS...: true when the call prints PLAN_TAG, the value of
            # the resource's vpcpipe tag: setup.sh created it. A resource without that tag is kept and
            # one already gone skipped, each said; a dry run shows the call and goes on. Any other
            # failure stops the script here: set -e does not act inside an if's condition.
            owned() {
              local what=$1 status=0
              shift
              if [ "$DRY_RUN" = 1 ]; then show "$@"; return 0; fi
              OUT=$(aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS") || status=$?
              if [ "$status" -ne 0 ]; then
                if grep -q NoSuchTagSet "$ERRORS"; then
                  OUT=None  # a bucket with no tags at all
                elif grep -qiE "$GONE" "$ERRORS"; then
                  OUT=''
                else
                  report
                  exit "$status"
                fi
              fi
              case "$OUT" in
                "$PLAN_TAG") return 0 ;;
                '') echo "  already gone: $what" ;;
                *) echo "  kept: $what (not created by vpcpipe)" ;;
              esac
              return 1
            }

            """
        }
        out += """

        # capture NAME [--retry] SERVICE OPERATION ARGS...: NAME takes the call's output
        # (a <placeholder> in a dry run).
        capture() {
          local name=$1 placeholder
          shift
          call "$@"
          if [ "$DRY_RUN" = 1 ]; then
            placeholder=${name,,}
            OUT="<${placeholder//_/-}>"
          fi
          printf -v "$name" '%s' "$OUT"
        }

        # A resource the answers list as existing was not found.
        missing() {
          if [ "$DRY_RUN" = 1 ]; then return 0; fi
          echo "$1 is listed as existing in the answers but was not found" >&2
          return 1
        }

        # expect WANTED MESSAGE SERVICE OPERATION ARGS...: stops unless the call prints WANTED.
        expect() {
          local wanted=$1 message=$2
          shift 2
          call "$@"
          if [ "$DRY_RUN" != 1 ] && [ "$OUT" != "$wanted" ]; then echo "$message" >&2; return 1; fi
        }

        # await_available SERVICE OPERATION ARGS...: polls a query of states until each is
        # available (compared case-insensitively), within WAIT_SECONDS.
        await_available() {
          local waited=0 state pending states
          call "$@"
          if [ "$DRY_RUN" = 1 ]; then return 0; fi
          while :; do
            read -r -a states <<< "$OUT"
            pending=0
            for state in "${states[@]}"; do
              case "${state,,}" in
                available) ;;
                failed|rejected|expired) echo "an endpoint is $state; see the VPC console" >&2; return 1 ;;
                *) pending=$((pending + 1)) ;;
              esac
            done
            if [ "${#states[@]}" -gt 0 ] && [ "$pending" -eq 0 ]; then return 0; fi
            if [ "$waited" -ge "$WAIT_SECONDS" ]; then
              echo "timed out after ${WAIT_SECONDS}s waiting for the VPC endpoints to become available; run this script again to go on" >&2
              return 1
            fi
            echo "  $pending not available yet; checking again in ${POLL_SECONDS}s"
            sleep "$POLL_SECONDS"
            waited=$((waited + POLL_SECONDS))
            call "$@"
          done
        }

        # await_gone SERVICE OPERATION ARGS...: polls until the query prints nothing, within WAIT_SECONDS.
        await_gone() {
          local waited=0
          call "$@"
          if [ "$DRY_RUN" = 1 ]; then return 0; fi
          while [ -n "$OUT" ] && [ "$OUT" != None ]; do
            if [ "$waited" -ge "$WAIT_SECONDS" ]; then
              echo "timed out after ${WAIT_SECONDS}s waiting for network interfaces to go ($OUT); run this script again later" >&2
              return 1
            fi
            echo "  network interfaces still in use: $OUT; checking again in ${POLL_SECONDS}s"
            sleep "$POLL_SECONDS"
            waited=$((waited + POLL_SECONDS))
            call "$@"
          done
        }

        """
        return out
    }

    /// The account and region, what the script will change, then the question (default No).
    private static func introduction(_ plan: Plan, heading: String, resources: [(Resource, String)], total: Int,
                                     confirm: String, declined: String) -> String {
        var out = "\nTOTAL=\(total)\n"
        out += "capture ACCOUNT \(Shell.words(plan.identity).joined(separator: " "))\n"
        out += "echo \"Account: $ACCOUNT\"\necho \"Region:  $REGION\"\n"
        if !plan.answers.profile.isEmpty { out += "echo \"Profile: ${AWS_ARGS[3]}\"\n" }
        out += "echo \(Shell.quote(.text(heading)))\n"
        for (resource, mark) in resources {
            out += "echo \(Shell.quote("  \(mark)\(resource.kind) " + resource.name))\n"
        }
        out += """
        if [ "$DRY_RUN" = 1 ]; then
          echo 'Dry run: the commands are printed, nothing is called.'
        elif [ "$YES" != 1 ]; then
          read -r -p \(Shell.quote(.text(confirm + " "))) answer || answer=''
          case "$answer" in
            [yY] | [yY][eE][sS]) ;;
            *) echo \(Shell.quote(.text(declined))); exit 0 ;;
          esac
        fi

        """
        return out
    }

    // MARK: Steps and actions

    private static func lines(for step: Step) -> [String] {
        var out: [String] = []
        if let check = step.check {
            let found = { (indent: String) in
                check.listed.map { "listed \(check.capture ?? "-") \($0.variable) \(Shell.quote($0.key))" }
                    ?? command(check.command, indent: indent, prefix: "found \(check.capture ?? "-") \(absent(check.absent)) ")
            }
            if check.mustExist {
                let what = step.resources.first.map { "\($0.kind) " + $0.name } ?? .text(step.title)
                out.append(found("") + " \\\n  || missing " + Shell.quote(what))
            } else {
                out.append("if " + found("  ") + "; then")
                switch check.tag {
                case nil: out.append("  echo '  exists: nothing to create'")
                case .found: out.append("  exists")
                case .call(let read): out.append("  exists " + command(read, indent: "  "))
                }
                out += indented(step.complete)
                out.append("else")
                out += indented(step.create)
                out.append("fi")
            }
        } else {
            out += step.create.flatMap { lines(for: $0) }
        }
        out += step.always.flatMap { lines(for: $0) }
        return out
    }

    private static func lines(for action: Action) -> [String] {
        switch action {
        case .call(let cmd):
            return ["call " + command(cmd, indent: "")]
        case .capture(let name, let cmd):
            return ["capture \(name) " + command(cmd, indent: "")]
        case .lookup(let lookup):
            return ["lookup \(lookup.variable) \(absent(lookup.absent)) " + command(lookup.command, indent: "")]
        case .expect(let cmd, let wanted, let message):
            return ["expect \(Shell.quote(.text(wanted))) \(Shell.quote(.text(message))) " + command(cmd, indent: "")]
        case .awaitEndpoints:
            return ["await_available " + command(action.commands[0], indent: "")]
        case .awaitInterfacesGone:
            return ["await_gone " + command(action.commands[0], indent: "")]
        case .emptyBucket:
            let commands = action.commands
            return [
                "call " + command(commands[0], indent: ""),
                "while IFS=$'\\t' read -r KEY VERSION_ID; do",
                "  if [ -n \"$KEY\" ] && [ \"$KEY\" != None ]; then",
                "    call " + command(commands[1], indent: "    "),
                "  fi",
                "done <<< \"$OUT\"",
            ]
        case .ifFound(let name, let actions):
            return ["if [ -n \"$\(name)\" ] && [ \"$\(name)\" != None ]; then"] + indented(actions) + ["fi"]
        case .unlessListed(let name, let key, let actions):
            return ["if ! listed - \(name) \(Shell.quote(key)); then"] + indented(actions) + ["fi"]
        case .ifTagged(let read, let resource, let actions):
            return ["if " + command(read, indent: "  ", prefix: "owned \(Shell.quote(resource)) ") + "; then"]
                + indented(actions) + ["fi"]
        }
    }

    /// The error codes by which a check or lookup says "not there", as one word for `found` and `lookup`.
    private static func absent(_ codes: [String]) -> String {
        Shell.quote(.text(codes.map { $0.replacingOccurrences(of: ".", with: "\\.") }.joined(separator: "|")))
    }

    /// Each line of the actions' commands two spaces in, continuation lines included: split at
    /// the newline byte, as Foundation's replacingOccurrences goes through NSString.
    private static func indented(_ actions: [Action]) -> [String] {
        actions.flatMap { lines(for: $0) }.map { line in
            "  " + line.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n  ")
        }
    }

    /// `[--retry] SERVICE OPERATION --option value...`, one option a line when long.
    private static func command(_ command: Command, indent: String, prefix: String = "") -> String {
        let tolerates = command.tolerates.isEmpty ? "" : "--tolerate \(Shell.quote(.text(command.tolerates.joined(separator: "|")))) "
        let head = (command.retriesPropagation ? "--retry " : "") + tolerates + "\(command.service) \(command.operation)"
        let options = command.options.map { option in
            (["--" + option.name] + option.values.map(Shell.quote)).joined(separator: " ")
        }
        let single = ([head] + options).joined(separator: " ")
        if (indent + prefix + single).count <= 100 { return prefix + single }
        return prefix + ([head] + options).joined(separator: " \\\n" + indent + "    ")
    }
}
