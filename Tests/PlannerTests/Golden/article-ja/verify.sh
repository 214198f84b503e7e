#!/usr/bin/env bash
# verify.sh (vpcpipe 0.1.0): runs and checks the private CI/CD pipeline Private in us-west-2.
# Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
# Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'USAGE'
使い方: verify.sh [--dry-run] [--help]
  --dry-run  AWS CLI のコマンドをすべて表示し、何も呼び出さない (実行時の値は <placeholders> と表示)
  --help     このヘルプを表示する
環境変数:
  VPCPIPE_POLL_SECONDS  ポーリングの間隔 (秒、既定は 15)
  VPCPIPE_WAIT_SECONDS  ポーリングで待つ時間。これを過ぎるとスクリプトは止まります (秒、既定は 900)
  VPCPIPE_PROGRESS_FD   進捗行を書き込むファイル記述子 (vpcpipe apply が読みます)
USAGE
}

DRY_RUN=0
for option in "$@"; do
  case "$option" in
    --dry-run) DRY_RUN=1 ;;
    --help) usage; exit 0 ;;
    *) echo "不明なオプション: $option" >&2; usage >&2; exit 2 ;;
  esac
done

REGION='us-west-2'
BUILD_STAGE='Build'
AWS_ARGS=(--region "$REGION")
POLL_SECONDS="${VPCPIPE_POLL_SECONDS:-15}"
WAIT_SECONDS="${VPCPIPE_WAIT_SECONDS:-900}"
# Values learnt at run time (some are only shown, as the id of a gateway endpoint).
# shellcheck disable=SC2034
{
  ACCOUNT=''
  EXECUTION=''
  BUILD=''
  FAILED_PHASE=''
}

STEP=0
STEP_TITLE=''
# The step last announced on the progress stream: preflight reading a later step's check is
# still within step 1.
RUNNING=0
# asked: stop before the next step (SIGUSR1, which vpcpipe sends); stopped: did so.
STOP=''
OUT=''
ERRORS="$(mktemp)"
# The progress stream's descriptor: a number only, as `>&WORD` would take a word for a file.
case "${VPCPIPE_PROGRESS_FD:-}" in
  '' | *[!0-9]*) PROGRESS_FD='' ;;
  *) PROGRESS_FD=$VPCPIPE_PROGRESS_FD ;;
esac

# progress WORDS...: one line of the progress stream (docs/progress.md), which vpcpipe reads
# instead of the text meant for people: written to the descriptor VPCPIPE_PROGRESS_FD names,
# and nowhere when it is not set.
progress() {
  local line="$*"
  if [ -n "$PROGRESS_FD" ]; then printf '%s\n' "${line//$'\n'/ }" >&"$PROGRESS_FD"; fi
}

finish() {
  local status=$?
  rm -f "$ERRORS"
  if [ "$status" -ne 0 ] && [ "$STOP" != stopped ]; then
    if [ "$STEP" -gt 0 ]; then say_errors <<< "verify はステップ $STEP で失敗しました: $STEP_TITLE"; fi
    progress "failed $RUNNING $status"
  fi
}
trap finish EXIT
trap 'STOP=asked' USR1

# planned TITLE...: the steps to come, in order, announced on the progress stream before the
# first starts (a program shows them waiting).
planned() {
  local number=0 title
  for title in "$@"; do
    number=$((number + 1))
    progress "plan $number/$TOTAL $title"
  done
}

# step NUMBER TITLE: the step being run, for progress and for the failure message. A stop
# asked for during the step before is made here, between steps.
step() {
  if [ "$RUNNING" -gt 0 ]; then progress "step-done $RUNNING"; fi
  if [ "$STOP" = asked ]; then
    STOP=stopped
    echo
    echo "verify.sh は求めに応じてステップ $1 の前で止まりました。もう一度実行するとそこから続けます。"
    progress "stopped $1"
    exit 130
  fi
  STEP=$1
  STEP_TITLE=$2
  RUNNING=$1
  echo
  echo "[$1/$TOTAL] $2"
  progress "step $1/$TOTAL $2"
}

# completed: the last step is done, and so is the script.
completed() {
  if [ "$RUNNING" -gt 0 ]; then progress "step-done $RUNNING"; fi
  STEP=0
  progress 'done'
}

# waiting MESSAGE: a poll waits (for endpoints, for IAM, for a build): said to people and on
# the progress stream.
waiting() {
  echo "  $1"
  progress "wait $1"
}

# say_errors: the lines read, on stderr and (but blank ones) as `error` lines of the progress stream.
say_errors() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s\n' "$line" >&2
    if [ -n "$line" ]; then progress "error $line"; fi
  done
}

# run_aws SERVICE OPERATION ARGS...: one AWS CLI call in the script's region and profile; what
# it prints goes to stdout, its errors to ERRORS, and its name to the progress stream.
run_aws() {
  progress "command aws $1 $2"
  aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS"
}

# attempt SERVICE OPERATION ARGS...: one AWS CLI call, its output left in OUT and its errors in
# ERRORS; returns the CLI's status. A dry run shows the call and calls nothing.
attempt() {
  OUT=''
  if [ "$DRY_RUN" = 1 ]; then show "$@"; return 0; fi
  OUT=$(run_aws "$@")
}

# Prints a command as it would run: names and --options as they are, values single-quoted as
# the script's own lines are (in place, not in a subshell: a dry run shows hundreds of values).
show() {
  local line='aws' index=0 word
  for word in "$@" "${AWS_ARGS[@]}"; do
    if [ "$index" -lt 2 ] || [[ $word =~ ^--[a-z0-9-]+$ ]]; then line+=" $word"; else line+=" '${word//\'/\'\\\'\'}'"; fi
    index=$((index + 1))
  done
  printf '  %s\n' "$line"
}

# A failed call: the AWS CLI's own message, then what it means when that is known.
report() {
  say_errors < "$ERRORS"
  if grep -q 'no existing repository' "$ERRORS"; then
    say_errors <<'REFUSED'
CodeCommit がリポジトリの作成を拒否しました。AWS は 2024 年 7 月に CodeCommit の新規顧客への提供を終了しました
(2025 年 11 月に一般提供に戻りました)。CodeCommit のリポジトリをすでに持つアカウントを使うか、
source.create: false で既存のリポジトリを使ってください。
REFUSED
  fi
}

# coded CODES: true when the last call failed with one of the error codes CODES (A|B),
# as the AWS CLI prints them: "An error occurred (CODE) when calling ...".
coded() {
  [ -n "$1" ] && grep -qE "\(($1)\) when calling" "$ERRORS"
}

# What AWS says of a resource that is already gone.
GONE='NotFound|NoSuch|does ?not ?exist|not found'

# tag_of SERVICE OPERATION ARGS...: TAG takes what the call prints, the value of a resource's
# vpcpipe tag: None for a bucket with no tags at all (S3 answers NoSuchTagSet), '' for a
# resource already gone. Any other failure stops the script here. (verify.sh reads no tag.)
# shellcheck disable=SC2034
tag_of() {
  local status=0
  TAG=$(run_aws "$@") || status=$?
  [ "$status" -eq 0 ] && return 0
  if grep -q NoSuchTagSet "$ERRORS"; then
    TAG=None
  elif grep -qiE "$GONE" "$ERRORS"; then
    TAG=''
  else
    report
    exit "$status"
  fi
}

# call SERVICE OPERATION ARGS...: one AWS CLI call, its output left in OUT; a failure stops
# the script with AWS's message (set -e), which is reported first.
call() {
  local status=0
  attempt "$@" || status=$?
  if [ "$status" -ne 0 ]; then report; fi
  return "$status"
}

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
    echo "  実行中のものを追います: $EXECUTION"
  else
    capture EXECUTION "$@"
    echo "  実行 $EXECUTION を開始しました"
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
        waiting "ステージ $stage: $STATE"
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
      hint='VPCPIPE_WAIT_SECONDS を増やすか、CodePipeline コンソールで実行を確認してください'
      if [ "$stage" = "${STAGE_NAMES%% *}" ] && [ "$STATE" = 'not started' ]; then
        hint="実行が始まりませんでした。別の実行がパイプラインを使っている (V2 のパイプラインは実行を順に待たせます) か、CodePipeline がロールを使えません。$hint"
      fi
      fail "ステージ $stage: $WAIT_SECONDS 秒後も ${STATE}。実行 $EXECUTION を待つ時間が切れました ($hint)"
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
    fail "ステージ $stage: $STATE: 実行 $EXECUTION は $RUN_STATUS です${error:+: $error}"
  done
  fail "実行 $EXECUTION は $RUN_STATUS です"
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
      fail "ステージ $BUILD_STAGE: ビルドのログを読めません: $(grep -o 'The specified log [a-z]* does not exist' "$ERRORS" || echo 'ログが見つかりません') (ロググループ ${group}、ストリーム $LOG_STREAM)" \
        "ロググループは setup.sh が作成します。setup.sh をもう一度実行してから verify.sh を実行してください (グループがない間に実行されたビルドはログを書いていません)"
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
      echo '考えられる原因: VPC エンドポイントのポリシーが呼び出しを拒否しています (endpoints.policies。各ポリシーは policies/endpoint-*.json にあります)。そこで許可するか、endpoints.policies を account にしてください' ;;
    *'Connect timeout on endpoint URL'* | *'Read timeout on endpoint URL'* | *'Could not connect to the endpoint URL'* | *ETIMEDOUT* | *'Connection timed out'*)
      url=$(grep -o 'https://[^"/ ]*' <<< "$1" | head -n 1 || true)
      echo "考えられる原因: エンドポイントへの接続がタイムアウトしました${url:+ ($url)}。その VPC エンドポイントがないか利用可能でない、プライベート DNS がオフ、またはそのセキュリティグループがビルドのセキュリティグループからの HTTPS (443) を受け入れていません" ;;
    *'Unknown runtime version'*)
      echo "考えられる原因: イメージにないランタイムです。buildspec の runtime-versions (build.runtime) がイメージ (build.image) にないバージョンを指定しています。メッセージにイメージのあるバージョンが並んでいます" ;;
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
    if [ -n "$phase" ]; then echo "  ビルド $BUILD は成功しました。ログの build フェーズ:"; else echo "  ビルド $BUILD は成功しました。ログ:"; fi
    phase=${phase:-$tail}
    echo "  ${phase//$'\n'/$'\n  '}"
    return 0
  fi
  IFS=$'\t' read -r phase code message <<< "$FAILED_PHASE"
  likely=$(cause "$tail"$'\n'"$message")
  fail "ステージ $BUILD_STAGE: ビルド $BUILD は ${BUILD_STATUS}、フェーズ $phase: $code${message:+: $message}" \
    "ログの最後の行:" \
    "  ${tail:-(ログの行はありません)}" \
    ${likely:+"$likely"}
}

# expect_line LINE [LOGIN]: the build's log holds LINE, the sample app's answer, on a line of
# its own; and LOGIN, what the CodeArtifact login prints, when given.
expect_line() {
  if [ "$DRY_RUN" = 1 ]; then echo "  # 確認: ビルドのログに $1 だけの行がある${2:+、および \"$2\" がある}"; return 0; fi
  if [ -n "${2:-}" ] && ! grep -qF -- "$2" <<< "$LOG"; then
    fail "ステージ $BUILD_STAGE: ビルドのログに \"$2\" がありません。CodeArtifact へのログインが行われていません"
  fi
  if ! grep -qx -- "[[:space:]]*$1[[:space:]]*" <<< "$LOG"; then
    fail "ステージ $BUILD_STAGE: ビルドは成功しましたが、ログにサンプルアプリの答え $1 の行がありません" \
      "ログの最後の行:" "$(grep -v '^[[:space:]]*$' <<< "$LOG" | tail -n 20 | sed 's/^/  /')"
  fi
  echo "  ビルドは $1 を出力しました${2:+ (CodeArtifact へのログイン後)}"
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
    fail "ステージ $BUILD_STAGE: $what がリポジトリにありません。ビルドは CodeArtifact を通じて取得していません"
  fi
  if ! grep -q $'\tEXTERNAL' <<< "$OUT"; then
    fail "ステージ $BUILD_STAGE: $what はリポジトリにありますが、アップストリームの外部接続から来たバージョンがありません: $(tr '\t\n' ': ' <<< "$OUT")"
  fi
  echo "  $what はリポジトリにあります: $(cut -f1 <<< "$OUT" | tr '\n' ' ')(外部接続から)"
}

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
        failed|rejected|expired) say_errors <<< "エンドポイントが $state です。VPC コンソールを確認してください"; return 1 ;;
        *) pending=$((pending + 1)) ;;
      esac
    done
    if [ "${#states[@]}" -gt 0 ] && [ "$pending" -eq 0 ]; then return 0; fi
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      say_errors <<< "VPC エンドポイントが利用可能になるのを $WAIT_SECONDS 秒待ちましたが、時間切れです。続けるにはこのスクリプトをもう一度実行してください"
      return 1
    fi
    waiting "$pending 個がまだ利用可能ではありません。$POLL_SECONDS 秒後にもう一度確認します"
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
      say_errors <<< "ネットワークインターフェイス ($OUT) がなくなるのを $WAIT_SECONDS 秒待ちましたが、時間切れです。後でこのスクリプトをもう一度実行してください"
      return 1
    fi
    waiting "ネットワークインターフェイスがまだ使用中です: ${OUT}。$POLL_SECONDS 秒後にもう一度確認します"
    sleep "$POLL_SECONDS"
    waited=$((waited + POLL_SECONDS))
    call "$@"
  done
}

TOTAL=5
planned 'パイプライン Private の実行を開始する、または実行中のものを追う' \
  'ステージ Source、続いて Build を待つ' \
  'ステージ Build のビルドを探し、ログを読む' \
  'サンプルアプリが CodeArtifact へのログイン後に 7 を出力した' \
  'mathjs がアップストリーム npm-store を経由して Private に入った'
capture ACCOUNT sts get-caller-identity --query 'Account' --output 'text'
echo "アカウント: $ACCOUNT"
echo "リージョン: $REGION"

step 1 'パイプライン Private の実行を開始する、または実行中のものを追う'
call codepipeline list-pipeline-executions \
      --pipeline-name 'Private' \
      --max-results '1' \
      --no-paginate \
      --query 'pipelineExecutionSummaries[?status=='\''InProgress'\''] | [0].pipelineExecutionId' \
      --output 'text'
follow_or_start codepipeline start-pipeline-execution \
      --name 'Private' \
      --query 'pipelineExecutionId' \
      --output 'text'

step 2 'ステージ Source、続いて Build を待つ'
await_run 'Source Build' codepipeline get-pipeline-execution \
      --pipeline-name 'Private' \
      --pipeline-execution-id "$EXECUTION" \
      --query 'pipelineExecution.status' \
      --output 'text' \
  -- codepipeline list-action-executions \
      --pipeline-name 'Private' \
      --filter '{"pipelineExecutionId":"'"$EXECUTION"'"}' \
      --query 'actionExecutionDetails[].[stageName, status, output.executionResult.externalExecutionId, output.executionResult.errorDetails.message]' \
      --output 'text'
judge_run

step 3 'ステージ Build のビルドを探し、ログを読む'
build_of
read_build codebuild batch-get-builds \
      --ids "$BUILD" \
      --query 'builds[0].[buildStatus, logs.streamName]' \
      --output 'text'
if build_failed; then
  capture FAILED_PHASE codebuild batch-get-builds \
        --ids "$BUILD" \
        --query 'builds[0].phases[?phaseStatus=='\''FAILED'\''] | [0].[phaseType, contexts[0].statusCode, contexts[0].message]' \
        --output 'text'
fi
read_log '/aws/codebuild/Private' logs get-log-events \
      --log-group-name '/aws/codebuild/Private' \
      --log-stream-name "$LOG_STREAM" \
      --start-from-head \
      --query 'events[].[message]' \
      --output 'text'
judge_build 20

step 4 'サンプルアプリが CodeArtifact へのログイン後に 7 を出力した'
expect_line '7' 'Successfully configured npm to use AWS CodeArtifact repository'

step 5 'mathjs がアップストリーム npm-store を経由して Private に入った'
expect_package 'npm パッケージ mathjs' codeartifact list-package-versions \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --repository 'Private' \
      --format 'npm' \
      --package 'mathjs' \
      --query 'versions[].[version, origin.originType]' \
      --output 'text'

completed
echo
if [ "$DRY_RUN" = 1 ]; then
  echo 'ドライラン: コマンドを表示するだけで、何も呼び出しません。'
  exit 0
fi
echo 'パイプラインは動作しています: 実行 '"$EXECUTION"' は Source と Build を通過しました。'
echo 'ビルドは CodeArtifact へのログイン後に 49 の平方根 7 を出力しました。'
echo 'mathjs は private/Private にあり、インターネットアクセスなしで npm-store 経由で取得されました。'
