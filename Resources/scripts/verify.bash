# verify.sh's calls and judgements, pasted after run.bash and call.bash (this header is not): a run of the
# pipeline awaited stage by stage, its build found and its log read, then what the log and the
# CodeArtifact repository must show. The script gives every call, its values quoted there; a
# failed judgement stops it with exit status 1, saying why on stderr.
# BUILD_STAGE (the stage of the build) is set by the script before this file; EXECUTION and
# BUILD by its calls.
# shellcheck disable=SC2034,SC2153

# The stages of the pipeline in order, and what the run came to: its status, and its actions'
# rows (STAGE<TAB>STATUS<TAB>EXTERNAL ID<TAB>AWS'S ERROR).
STAGE_NAMES=''
RUN_STATUS=''
STAGES=''
# The build: its status, its log stream and lines, and its failed phase (PHASE<TAB>CODE<TAB>MESSAGE).
BUILD_STATUS=''
LOG_STREAM=''
LOG=''
FAILED_PHASE=''

# fail LINE...: a judgement failed: the lines on stderr and the progress stream, then exit 1.
fail() {
  say_errors < <(printf '%s\n' "$@")
  exit 1
}

# follow_or_start START...: EXECUTION takes the run in progress the last call found (OUT);
# with none, the id the call START prints, the run it starts.
follow_or_start() {
  if [ -n "$OUT" ] && [ "$OUT" != None ]; then
    EXECUTION=$OUT
    echo "@say:followingRun@"
  else
    capture EXECUTION "$@"
    echo "@say:startedRun@"
  fi
}

# stage_row STAGE: ROW takes the first row of STAGES for STAGE, STATE its status ('' and
# 'not started' for a stage the run has not reached).
stage_row() {
  local row
  ROW=''
  STATE='not started'
  while IFS= read -r row; do
    if [ "${row%%$'\t'*}" = "$1" ]; then
      ROW=$row
      IFS=$'\t' read -r _ STATE _ <<< "$row"
      return 0
    fi
  done <<< "$STAGES"
}

# await_run 'STAGE...' STATUS_CALL... -- STAGES_CALL...: polls the run until it ends, within
# WAIT_SECONDS, with a line for each change of a stage: STATUS_CALL prints the run's status,
# STAGES_CALL its actions' rows. Past the wait it stops, naming the stage it waited for.
await_run() {
  local waited=0 stage hint
  local -a status_call=()
  local -A said=()
  STAGE_NAMES=$1
  shift
  while [ "$1" != -- ]; do status_call+=("$1"); shift; done
  shift
  while :; do
    call "${status_call[@]}"
    RUN_STATUS=$OUT
    call "$@"
    STAGES=$OUT
    if [ "$DRY_RUN" = 1 ]; then return 0; fi
    for stage in $STAGE_NAMES; do
      stage_row "$stage"
      if [ "${said[$stage]:-}" != "$STATE" ]; then
        said[$stage]=$STATE
        waiting "@say:stageState@"
      fi
    done
    case "$RUN_STATUS" in
      InProgress | Stopping) ;;
      *) return 0 ;;
    esac
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      for stage in $STAGE_NAMES; do
        stage_row "$stage"
        if [ "$STATE" != Succeeded ]; then break; fi
      done
      hint='@say:runTimedOutHint@'
      if [ "$stage" = "${STAGE_NAMES%% *}" ] && [ "$STATE" = 'not started' ]; then
        hint="@say:runNeverStarted@"
      fi
      fail "@say:runTimedOut@"
    fi
    sleep "$POLL_SECONDS"
    waited=$((waited + POLL_SECONDS))
  done
}

# judge_run: stops at the first stage of a run that did not succeed, naming it and AWS's
# error; but for the build's stage, whose phase and log the next step reads.
judge_run() {
  local stage error
  if [ "$DRY_RUN" = 1 ] || [ "$RUN_STATUS" = Succeeded ]; then return 0; fi
  for stage in $STAGE_NAMES; do
    stage_row "$stage"
    if [ "$STATE" = Succeeded ]; then continue; fi
    if [ "$stage" = "$BUILD_STAGE" ] && [ "$STATE" = Failed ]; then return 0; fi
    IFS=$'\t' read -r _ _ _ error <<< "$ROW"
    if [ "$error" = None ]; then error=''; fi
    fail "@say:stageFailed@"
  done
  fail "@say:runFailed@"
}

# build_of: BUILD takes the id of the build the build stage's action ran.
build_of() {
  if [ "$DRY_RUN" = 1 ]; then BUILD='<build>'; return 0; fi
  stage_row "$BUILD_STAGE"
  IFS=$'\t' read -r _ _ BUILD _ <<< "$ROW"
}

# read_build CALL...: BUILD_STATUS and LOG_STREAM take the build's status and log stream, the
# row CALL prints.
read_build() {
  call "$@"
  if [ "$DRY_RUN" = 1 ]; then BUILD_STATUS='<build-status>'; LOG_STREAM='<log-stream>'; return 0; fi
  IFS=$'\t' read -r BUILD_STATUS LOG_STREAM <<< "$OUT"
}

# build_failed: true when the build did not succeed (and in a dry run, which shows every call).
build_failed() {
  [ "$DRY_RUN" = 1 ] || [ "$BUILD_STATUS" != SUCCEEDED ]
}

# read_log GROUP CALL...: LOG takes the build's log lines, as CALL prints them; a log group
# or stream that does not exist stops the script, naming the stage and the group.
read_log() {
  local group=$1 status=0
  shift
  if [ "$DRY_RUN" = 1 ]; then show "$@"; return 0; fi
  LOG=$(run_aws "$@") || status=$?
  if [ "$status" -ne 0 ]; then
    if grep -q ResourceNotFoundException "$ERRORS"; then
      fail "@say:logUnreadable@" \
        "@say:logGroupMissing@"
    fi
    report
    exit "$status"
  fi
}

# cause TEXT: the likely cause of a failed build, when TEXT (its log and phase) shows one vpcpipe knows.
cause() {
  local url
  case "$1" in
    *'VPC endpoint policy'* | *'vpc endpoint policy'*)
      echo '@say:causeEndpointPolicy@' ;;
    *'Connect timeout on endpoint URL'* | *'Read timeout on endpoint URL'* | *'Could not connect to the endpoint URL'* | *ETIMEDOUT* | *'Connection timed out'*)
      url=$(grep -o 'https://[^"/ ]*' <<< "$1" | head -n 1 || true)
      echo "@say:causeTimeout@" ;;
    *'Unknown runtime version'*)
      echo "@say:causeRuntime@" ;;
  esac
}

# judge_build LINES: shows the build's phase of the log of a build that succeeded; stops when
# it did not: the stage, the phase that failed and what CodeBuild said of it, the last LINES
# lines of the log, the likely cause.
judge_build() {
  local lines=$1 phase code message tail likely
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  tail=$(grep -v '^[[:space:]]*$' <<< "$LOG" | tail -n "$lines" || true)
  tail=${tail//$'\n'/$'\n  '}
  if [ "$BUILD_STATUS" = SUCCEEDED ]; then
    # Its build phase, where the app ran, else its last lines.
    phase=$(sed -n '/Entering phase BUILD/,/Phase complete: BUILD/p' <<< "$LOG" | grep -v '^[[:space:]]*$' || true)
    if [ -n "$phase" ]; then echo "@say:buildSucceededPhase@"; else echo "@say:buildSucceededLog@"; fi
    phase=${phase:-$tail}
    echo "  ${phase//$'\n'/$'\n  '}"
    return 0
  fi
  IFS=$'\t' read -r phase code message <<< "$FAILED_PHASE"
  likely=$(cause "$tail"$'\n'"$message")
  fail "@say:buildFailed@" \
    "@say:lastLines@" \
    "@say:tailOrNone@" \
    ${likely:+"$likely"}
}

# expect_line LINE [LOGIN]: the build's log holds LINE, the sample app's answer, on a line of
# its own; and LOGIN, what the CodeArtifact login prints, when given.
expect_line() {
  if [ "$DRY_RUN" = 1 ]; then echo "@say:dryRunLogLine@"; return 0; fi
  if [ -n "${2:-}" ] && ! grep -qF -- "$2" <<< "$LOG"; then
    fail "@say:loginMissing@"
  fi
  if ! grep -qx -- "[[:space:]]*$1[[:space:]]*" <<< "$LOG"; then
    fail "@say:lineMissing@" \
      "@say:lastLines@" "$(grep -v '^[[:space:]]*$' <<< "$LOG" | tail -n 20 | sed 's/^/  /')"
  fi
  echo "@say:buildPrinted@"
}

# expect_package WHAT CALL...: the repository lists the package (CALL prints its versions'
# rows: VERSION<TAB>ORIGIN), at least one version fetched from outside the domain.
expect_package() {
  local what=$1 status=0
  shift
  attempt "$@" || status=$?
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  if [ "$status" -ne 0 ] && ! grep -q ResourceNotFoundException "$ERRORS"; then
    report
    exit "$status"
  fi
  if [ -z "$OUT" ] || [ "$OUT" = None ]; then
    fail "@say:packageMissing@"
  fi
  if ! grep -q $'\tEXTERNAL' <<< "$OUT"; then
    fail "@say:packageNotExternal@"
  fi
  echo "@say:packageFound@"
}
