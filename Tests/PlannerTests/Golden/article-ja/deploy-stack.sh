#!/usr/bin/env bash
# deploy-stack.sh (vpcpipe 0.1.0): deploys cloudformation.yaml, as the stack vpcpipe-Private, of the private CI/CD pipeline Private in us-west-2.
# Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
# Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'USAGE'
使い方: deploy-stack.sh [--yes] [--delete] [--dry-run] [--help]
  --yes      「この変更セットを実行しますか? [y/N]」と尋ねない
  --delete   代わりにスタックを削除する (先にアーティファクトバケットを空にする)
  --dry-run  AWS CLI のコマンドをすべて表示し、何も呼び出さない (実行時の値は <placeholders> と表示)
  --help     このヘルプを表示する
環境変数:
  VPCPIPE_ASSETS_BUCKET_ARN  リージョンの CodeArtifact アセットバケット。まだどのドメインからも分からない場合に指定します (docs/cloudformation.md)
  VPCPIPE_PROGRESS_FD        進捗行を書き込むファイル記述子 (vpcpipe apply が読みます)
USAGE
}

YES=0
DELETE=0
DRY_RUN=0
for option in "$@"; do
  case "$option" in
    --yes) YES=1 ;;
    --delete) DELETE=1 ;;
    --dry-run) DRY_RUN=1 ;;
    --help) usage; exit 0 ;;
    *) echo "不明なオプション: $option" >&2; usage >&2; exit 2 ;;
  esac
done

REGION='us-west-2'
# The stack and the resources it makes carry the tag vpcpipe=$PLAN_TAG.
PLAN_TAG='Private'
STACK='vpcpipe-Private'
AWS_ARGS=(--region "$REGION")
POLL_SECONDS="${VPCPIPE_POLL_SECONDS:-15}"
WAIT_SECONDS="${VPCPIPE_WAIT_SECONDS:-900}"
# The sample app's files are read from repo/ beside this script.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Values learnt at run time (some are only shown, as the id of a gateway endpoint).
# shellcheck disable=SC2034
{
  ACCOUNT=''
  STATUS=''
  CHANGE_SET=''
  CHANGES=''
  ASSETS_BUCKET_ARN=''
  SAMPLE_FILES=''
  COMMIT=''
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
    if [ "$STEP" -gt 0 ]; then say_errors <<< "deploy-stack はステップ $STEP で失敗しました: $STEP_TITLE"; fi
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
    echo "deploy-stack.sh は求めに応じてステップ $1 の前で止まりました。もう一度実行するとそこから続けます。"
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

# learn NAME ABSENT SERVICE OPERATION ARGS...: NAME takes the call's output, or '' when it fails
# with a code of ABSENT (A|B: what it reads is not there yet); any other failure stops here.
learn() {
  local name=$1 absent=$2 status=0
  shift 2
  attempt "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    coded "$absent" || { report; exit "$status"; }
    OUT=''
  fi
  if [ "$DRY_RUN" = 1 ]; then OUT="<${name,,}>"; fi
  printf -v "$name" '%s' "$OUT"
}

# stack_status: STATUS takes the stack's status, NONE when there is no such stack.
stack_status() {
  learn STATUS ValidationError cloudformation describe-stacks --stack-name "$STACK" \
    --query 'Stacks[0].StackStatus' --output text
  if [ -z "$STATUS" ] || [ "$DRY_RUN" = 1 ]; then STATUS=NONE; fi
  echo "  スタック $STACK: $STATUS"
}

# preview: a change set of the template against the stack (a new one, or an update), awaited
# and listed; CHANGES is empty when it would change nothing.
preview() {
  local type=UPDATE reason
  case "$STATUS" in NONE | REVIEW_IN_PROGRESS) type=CREATE ;; esac
  CHANGE_SET="vpcpipe-$(date -u +%Y%m%d%H%M%S)"
  call cloudformation create-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" \
    --change-set-type "$type" --template-body "file://$TEMPLATE" --capabilities CAPABILITY_NAMED_IAM \
    --parameters "${PARAMETERS[@]}" --tags "Key=vpcpipe,Value=$PLAN_TAG"
  waiting "変更セット $CHANGE_SET を作成しています"
  if ! attempt cloudformation wait change-set-create-complete --stack-name "$STACK" --change-set-name "$CHANGE_SET"; then
    attempt cloudformation describe-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" \
      --query StatusReason --output text
    reason=$OUT
    if [[ $reason == *"didn't contain changes"* || $reason == *"No updates are to be performed"* ]]; then
      echo "  スタックはテンプレートのとおりです: 変更するものはありません。"
      attempt cloudformation delete-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" || true
      CHANGES=''
      return 0
    fi
    say_errors <<< "変更セットが失敗しました: $reason"
    exit 1
  fi
  call cloudformation describe-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" \
    --query 'Changes[].ResourceChange.[Action, LogicalResourceId, ResourceType, Replacement || `"-"`]' --output text
  CHANGES=$OUT
  echo "  変更セット (アクション、リソース、タイプ、置換):"
  printf '%s\n' "$CHANGES" | sed 's/^/    /'
}

# confirm QUESTION: goes on after y or yes (or with --yes, or in a dry run); anything else
# deletes the change set and ends the script, having changed nothing.
confirm() {
  local answer
  if [ "$DRY_RUN" = 1 ] || [ "$YES" = 1 ]; then return 0; fi
  read -r -p "$1 " answer || answer=''
  case "$answer" in
    [yY] | [yY][eE][sS]) ;;
    *)
      attempt cloudformation delete-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" || true
      echo '何も変更しませんでした。'
      exit 0
      ;;
  esac
}

# settle WAITER: waits for the stack (`aws cloudformation wait WAITER`); on failure, lists the
# stack's failed events with their reasons, and stops.
settle() {
  waiting "スタック $STACK: $1"
  if ! attempt cloudformation wait "$1" --stack-name "$STACK"; then
    say_errors < "$ERRORS"
    failed_events
    exit 1
  fi
}

# failed_events: the stack's events that failed, newest first, each with its reason.
failed_events() {
  attempt cloudformation describe-stack-events --stack-name "$STACK" \
    --query 'StackEvents[?ends_with(ResourceStatus, `FAILED`)].[Timestamp, LogicalResourceId, ResourceStatus, ResourceStatusReason]' \
    --output text || true
  if [ -n "$OUT" ]; then say_errors <<< "スタックの失敗したイベント (時刻、リソース、ステータス、理由):"$'\n'"$OUT"; fi
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

TEMPLATE="$HERE/cloudformation.yaml"
PARAMETERS=()
capture ACCOUNT sts get-caller-identity --query 'Account' --output 'text'
echo "アカウント: $ACCOUNT"
echo "リージョン: $REGION"
if [ "$DELETE" = 1 ]; then
  TOTAL=2
  planned 'アーティファクトバケットを空にする' \
    'スタック vpcpipe-Private を削除する'
  step 1 'アーティファクトバケットを空にする'
  stack_status
  if [ "$STATUS" != NONE ]; then
    call s3api list-object-versions \
        --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
        --query '[Versions[].[Key,VersionId], DeleteMarkers[].[Key,VersionId]][]' \
        --output 'text'
    while IFS=$'\t' read -r KEY VERSION_ID; do
      if [ -n "$KEY" ] && [ "$KEY" != None ]; then
        call s3api delete-object \
            --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
            --key "$KEY" \
            --version-id "$VERSION_ID"
      fi
    done <<< "$OUT"
  fi
  step 2 'スタック vpcpipe-Private を削除する'
  confirm 'このスタックと、それが作成したものをすべて削除しますか? [y/N]'
  call cloudformation delete-stack --stack-name "$STACK"
  settle stack-delete-complete
else
  TOTAL=4
  planned 'テンプレートのパラメータに必要な値を読み取る' \
    'スタック vpcpipe-Private の変更セットをプレビューする' \
    'スタック vpcpipe-Private を作成または更新する' \
    'サンプルアプリを Private のブランチ main にコミットする'
  step 1 'テンプレートのパラメータに必要な値を読み取る'
  ASSETS_BUCKET_ARN="${VPCPIPE_ASSETS_BUCKET_ARN:-}"
  if [ -z "$ASSETS_BUCKET_ARN" ]; then
    learn ASSETS_BUCKET_ARN 'ResourceNotFoundException' codeartifact describe-domain \
        --domain 'private' \
        --domain-owner "$ACCOUNT" \
        --query 'domain.s3BucketArn' \
        --output 'text'
  fi
  if [ -z "$ASSETS_BUCKET_ARN" ] || [ "$ASSETS_BUCKET_ARN" = None ]; then
    say_errors <<< 'ドメイン private はまだ存在しないため、そのアセットバケットが分かりません: VPCPIPE_ASSETS_BUCKET_ARN にリージョンの CodeArtifact アセットバケットを設定してください (リージョンの任意のドメインの describe-domain の s3BucketArn。docs/cloudformation.md)。'
    exit 1
  fi
  PARAMETERS+=("ParameterKey=CodeArtifactAssetsBucketArn,ParameterValue=$ASSETS_BUCKET_ARN")
  step 2 'スタック vpcpipe-Private の変更セットをプレビューする'
  stack_status
  preview
  if [ -z "$CHANGES" ] && [ "$DRY_RUN" != 1 ]; then
    completed
    exit 0
  fi
  confirm 'この変更セットを実行しますか? [y/N]'
  step 3 'スタック vpcpipe-Private を作成または更新する'
  call cloudformation execute-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET"
  case "$STATUS" in
    NONE | REVIEW_IN_PROGRESS) settle stack-create-complete ;;
    *) settle stack-update-complete ;;
  esac
  call cloudformation describe-stacks --stack-name "$STACK" --query 'Stacks[0].Outputs[].[OutputKey, OutputValue]' --output text
  printf '%s\n' "$OUT" | sed 's/^/  /'
  step 4 'サンプルアプリを Private のブランチ main にコミットする'
  learn SAMPLE_FILES 'RepositoryDoesNotExistException|CommitDoesNotExistException' codecommit get-folder \
      --repository-name 'Private' \
      --commit-specifier 'main' \
      --folder-path '/' \
      --query '[[['\''.'\'', commitId]], files[].[absolutePath], subFolders[].[absolutePath]][]' \
      --output 'text'
  if [ -n "$SAMPLE_FILES" ]; then
    echo '  Private のブランチ main にはコミットがあります: サンプルアプリは再びコミットしません。'
  else
    capture COMMIT codecommit put-file \
        --repository-name 'Private' \
        --branch-name 'main' \
        --file-path 'buildspec.yml' \
        --file-content 'fileb://'"$HERE"'/repo/buildspec.yml' \
        --commit-message 'Add buildspec.yml (vpcpipe sample app)' \
        --query 'commitId' \
        --output 'text'
    capture COMMIT codecommit put-file \
        --repository-name 'Private' \
        --branch-name 'main' \
        --file-path 'package.json' \
        --file-content 'fileb://'"$HERE"'/repo/package.json' \
        --commit-message 'Add package.json (vpcpipe sample app)' \
        --parent-commit-id "$COMMIT" \
        --query 'commitId' \
        --output 'text'
    capture COMMIT codecommit put-file \
        --repository-name 'Private' \
        --branch-name 'main' \
        --file-path 'index.js' \
        --file-content 'fileb://'"$HERE"'/repo/index.js' \
        --commit-message 'Add index.js (vpcpipe sample app)' \
        --parent-commit-id "$COMMIT" \
        --query 'commitId' \
        --output 'text'
  fi
fi

completed
