#!/usr/bin/env bash
# stackset.sh (vpcpipe 0.1.0): deploys cloudformation.yaml, as the StackSet vpcpipe-Private to the accounts of its OUs, of the private CI/CD pipeline Private in us-west-2.
# Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
# Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'USAGE'
使い方: stackset.sh [--yes] [--delete] [--dry-run] [--help]
  --yes      StackSet を変更する前に尋ねない
  --delete   スタックインスタンス (とそのスタック) を削除し、続いて StackSet を削除する
  --dry-run  AWS CLI のコマンドをすべて表示し、何も呼び出さない (実行時の値は <placeholders> と表示)
  --help     このヘルプを表示する
環境変数:
  VPCPIPE_ASSETS_BUCKET_ARN_<REGION>  リージョンの CodeArtifact アセットバケット (REGION の - は _)。どのドメインからも分からない場合に指定します (docs/cloudformation.md)
  VPCPIPE_TEMPLATE_URL                テンプレートの S3 URL。CloudFormation がインラインで受け付ける 51,200 バイトを超えたら必要です
  VPCPIPE_POLL_SECONDS                ポーリングの間隔 (秒、既定は 15)
  VPCPIPE_WAIT_SECONDS                ポーリングで待つ時間。これを過ぎるとスクリプトは止まります (秒、既定は 900)
  VPCPIPE_PROGRESS_FD                 進捗行を書き込むファイル記述子 (vpcpipe apply が読みます)
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
# The StackSet and the resources it makes carry the tag vpcpipe=$PLAN_TAG.
PLAN_TAG='Private'
STACK_SET='vpcpipe-Private'
DESCRIPTION='vpcpipe 0.1.0: the private CI/CD pipeline Private of the AWS article'
PREFERENCES='{"FailureToleranceCount":1,"MaxConcurrentPercentage":25}'
AWS_ARGS=(--region "$REGION")
POLL_SECONDS="${VPCPIPE_POLL_SECONDS:-15}"
WAIT_SECONDS="${VPCPIPE_WAIT_SECONDS:-900}"
# cloudformation.yaml is read beside this script.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Values learnt at run time (some are only shown, as the id of a gateway endpoint).
# shellcheck disable=SC2034
{
  ACCOUNT=''
  STATUS=''
  FOUND=''
  ASSETS_1=''
  ASSETS_2=''
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
    if [ "$STEP" -gt 0 ]; then say_errors <<< "stackset はステップ $STEP で失敗しました: $STEP_TITLE"; fi
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
    echo "stackset.sh は求めに応じてステップ $1 の前で止まりました。もう一度実行するとそこから続けます。"
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

# CloudFormation takes a template of at most this many bytes inline; a larger one only from S3.
TEMPLATE_BODY_LIMIT=51200
TEMPLATE_SOURCE=()

# in_region REGION COMMAND...: COMMAND, its AWS CLI calls made in REGION.
in_region() {
  local saved=${AWS_ARGS[1]}
  AWS_ARGS[1]=$1
  shift
  "$@"
  AWS_ARGS[1]=$saved
}

# assets_bucket NAME REGION ABSENT SERVICE OPERATION ARGS...: NAME takes REGION's CodeArtifact
# assets bucket: VPCPIPE_ASSETS_BUCKET_ARN_<REGION, its - as _>, else what the call (the plan's
# domain's describe-domain) reads in REGION; without either, the script stops saying which to set.
assets_bucket() {
  local name=$1 region=$2 absent=$3 variable value
  shift 3
  variable="VPCPIPE_ASSETS_BUCKET_ARN_${region//-/_}"
  value=${!variable:-}
  if [ -z "$value" ]; then
    in_region "$region" learn "$name" "$absent" "$@"
    value=${!name}
  fi
  if [ "$DRY_RUN" = 1 ]; then
    value="<assets-bucket-$region>"
  elif [ -z "$value" ] || [ "$value" = None ]; then
    say_errors <<< "$region の CodeArtifact アセットバケットが分かりません (そこにはそれを示すプランのドメインがありません): $variable に $region の任意のドメインの describe-domain の s3BucketArn を設定してください (docs/cloudformation.md)。"
    exit 1
  elif ! [[ $value =~ ^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]*$ ]]; then
    say_errors <<< "$region の CodeArtifact アセットバケットが S3 バケットの ARN ではありません: $value"
    exit 1
  fi
  printf -v "$name" '%s' "$value"
  echo "  $region: $value"
}

# with_assets PARAMETERS ARN: the parameters (JSON) with the assets bucket's, when ARN is given.
with_assets() {
  local parameters=$1
  if [ -n "$2" ]; then
    parameters=${parameters%]}
    if [ "$parameters" != '[' ]; then parameters+=','; fi
    parameters+="{\"ParameterKey\":\"CodeArtifactAssetsBucketArn\",\"ParameterValue\":\"$2\"}]"
  fi
  printf '%s' "$parameters"
}

# template_source: how the calls pass cloudformation.yaml: inline up to CloudFormation's limit,
# else from VPCPIPE_TEMPLATE_URL, the S3 object it must then be uploaded to.
template_source() {
  local size
  size=$(($(wc -c < "$TEMPLATE")))
  if [ -n "${VPCPIPE_TEMPLATE_URL:-}" ]; then
    TEMPLATE_SOURCE=(--template-url "$VPCPIPE_TEMPLATE_URL")
  elif [ "$size" -le "$TEMPLATE_BODY_LIMIT" ]; then
    TEMPLATE_SOURCE=(--template-body "file://$TEMPLATE")
  else
    say_errors <<< "cloudformation.yaml は $size バイトで、CloudFormation がインラインで受け付ける $TEMPLATE_BODY_LIMIT バイトを超えています: このアカウントが読み取れる S3 バケットにアップロードし、VPCPIPE_TEMPLATE_URL にそのオブジェクトの https:// URL を設定してください (docs/cloudformation.md)。"
    exit 1
  fi
}

# stack_set_status: STATUS takes the StackSet's status, NONE when there is none (or a deleted one).
stack_set_status() {
  learn STATUS StackSetNotFoundException cloudformation describe-stack-set --stack-set-name "$STACK_SET" \
    --query StackSet.Status --output text
  if [ -z "$STATUS" ] || [ "$STATUS" = DELETED ] || [ "$DRY_RUN" = 1 ]; then STATUS=NONE; fi
  echo "  StackSet $STACK_SET: $STATUS"
}

# proceed QUESTION: goes on after y or yes (or with --yes, or in a dry run); anything else ends
# the script, having changed nothing.
proceed() {
  local answer
  if [ "$DRY_RUN" = 1 ] || [ "$YES" = 1 ]; then return 0; fi
  read -r -p "$1 " answer || answer=''
  case "$answer" in
    [yY] | [yY][eE][sS]) ;;
    *) echo '何も変更しませんでした。'; exit 0 ;;
  esac
}

# create_or_update PARAMETERS ARN: the StackSet of the template, service-managed and deployed by
# itself to the accounts that join its OUs, with PARAMETERS (JSON) and the assets bucket ARN:
# made, or updated with its stack instances, the operation followed.
create_or_update() {
  local parameters
  parameters=$(with_assets "$1" "$2")
  template_source
  stack_set_status
  if [ "$STATUS" = NONE ]; then
    call cloudformation create-stack-set --stack-set-name "$STACK_SET" --description "$DESCRIPTION" \
      "${TEMPLATE_SOURCE[@]}" --parameters "$parameters" --capabilities CAPABILITY_NAMED_IAM \
      --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \
      --tags "Key=vpcpipe,Value=$PLAN_TAG" --query StackSetId --output text
  else
    call cloudformation update-stack-set --stack-set-name "$STACK_SET" --description "$DESCRIPTION" \
      "${TEMPLATE_SOURCE[@]}" --parameters "$parameters" --capabilities CAPABILITY_NAMED_IAM \
      --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \
      --tags "Key=vpcpipe,Value=$PLAN_TAG" --operation-preferences "$PREFERENCES" --query OperationId --output text
    follow "$OUT" 'StackSet とスタックインスタンスの更新'
  fi
}

# instances REGION TARGETS PARAMETERS ARN: the stack instances of TARGETS (DeploymentTargets,
# JSON) in REGION, made with PARAMETERS and the assets bucket ARN; those there already are
# left as they are (the StackSet's update updated them). The operation is followed.
instances() {
  call cloudformation create-stack-instances --stack-set-name "$STACK_SET" --deployment-targets "$2" \
    --regions "$1" --parameter-overrides "$(with_assets "$3" "$4")" --operation-preferences "$PREFERENCES" \
    --query OperationId --output text
  follow "$OUT" "$1 のスタックインスタンス"
}

# account_instance REGION ACCOUNT TARGETS PARAMETERS ARN: the account's stack instance in
# REGION with its own parameters: updated when it is there, else made; the operation followed.
account_instance() {
  local parameters
  parameters=$(with_assets "$4" "$5")
  learn FOUND '' cloudformation list-stack-instances --stack-set-name "$STACK_SET" \
    --stack-instance-account "$2" --stack-instance-region "$1" \
    --query "Summaries[?Account=='$2' && Region=='$1'].Account" --output text
  if [ -z "$FOUND" ] || [ "$DRY_RUN" = 1 ]; then
    call cloudformation create-stack-instances --stack-set-name "$STACK_SET" --deployment-targets "$3" \
      --regions "$1" --parameter-overrides "$parameters" --operation-preferences "$PREFERENCES" \
      --query OperationId --output text
  else
    call cloudformation update-stack-instances --stack-set-name "$STACK_SET" --deployment-targets "$3" \
      --regions "$1" --parameter-overrides "$parameters" --operation-preferences "$PREFERENCES" \
      --query OperationId --output text
  fi
  follow "$OUT" "$1 の $2 のスタックインスタンス"
}

# follow OPERATION WHAT: polls the StackSet's operation until it ends (within WAIT_SECONDS),
# saying at each poll how the stack instances stand; when the operation failed or was stopped,
# or an instance of it did not succeed, lists those with their reasons and stops.
follow() {
  local operation=$1 waited=0 status results counts
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  waiting "オペレーション $operation: $2"
  while true; do
    call cloudformation describe-stack-set-operation --stack-set-name "$STACK_SET" --operation-id "$operation" \
      --query StackSetOperation.Status --output text
    status=$OUT
    call cloudformation list-stack-instances --stack-set-name "$STACK_SET" \
      --query 'Summaries[].StackInstanceStatus.DetailedStatus' --output text
    # sed, not grep: no line left is no failure under pipefail.
    counts=$(tr -s '\t ' '\n' <<< "$OUT" | sed '/^$/d' | sort | uniq -c | awk '{ printf "%s%s %s", separator, $1, $2; separator = ", " }')
    if [ -n "$counts" ]; then echo "  ${status}。スタックインスタンス: $counts"; else echo "  ${status}。スタックインスタンスはまだありません"; fi
    progress "wait operation $status"
    case "$status" in SUCCEEDED | FAILED | STOPPED) break ;; esac
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      say_errors <<< "オペレーション $operation は $WAIT_SECONDS 秒後もまだ $status です: stackset.sh なしで続きます。終わったら stackset.sh をもう一度実行してください。"
      exit 1
    fi
    sleep "$POLL_SECONDS"
    waited=$((waited + POLL_SECONDS))
  done
  call cloudformation list-stack-set-operation-results --stack-set-name "$STACK_SET" --operation-id "$operation" \
    --query 'Summaries[?Status!=`SUCCEEDED`].[Account, Region, Status, StatusReason]' --output text
  results=$OUT
  if [ "$status" != SUCCEEDED ] || [ -n "$results" ]; then
    say_errors <<< "オペレーション $operation は $status で終わりました。成功しなかったスタックインスタンス (アカウント、リージョン、ステータス、理由):"$'\n'"${results:-(一覧なし)}"
    exit 1
  fi
}

# instance_regions: REGIONS_FOUND takes the regions the StackSet has stack instances in.
instance_regions() {
  call cloudformation list-stack-instances --stack-set-name "$STACK_SET" --query 'Summaries[].Region' --output text
  read -r -a REGIONS_FOUND <<< "$(tr -s '\t ' '\n' <<< "$OUT" | grep -v '^$' | sort -u | tr '\n' ' ')"
}

# summary: every stack instance of the StackSet, with its status and reason.
summary() {
  call cloudformation list-stack-instances --stack-set-name "$STACK_SET" \
    --query 'Summaries[].[Account, Region, Status, StackInstanceStatus.DetailedStatus, StatusReason]' --output text
  echo "  スタックインスタンス (アカウント、リージョン、ステータス、詳細ステータス、理由):"
  printf '%s\n' "$OUT" | sed 's/^/    /'
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
capture ACCOUNT sts get-caller-identity --query 'Account' --output 'text'
echo "アカウント: $ACCOUNT"
echo "リージョン: $REGION"
if [ "$DELETE" = 1 ]; then
  TOTAL=1
  planned 'スタックインスタンスと StackSet を削除する'
  step 1 'スタックインスタンスと StackSet を削除する'
  stack_set_status
  if [ "$STATUS" = NONE ] && [ "$DRY_RUN" != 1 ]; then
    echo '  StackSet がありません: 削除するものはありません。'
  else
    proceed 'スタックインスタンス、そのスタック、StackSet を削除しますか? [y/N]'
    instance_regions
    if [ "$DRY_RUN" = 1 ]; then REGIONS_FOUND=('us-west-2' 'eu-west-1'); fi
    if [ "${#REGIONS_FOUND[@]}" -gt 0 ]; then
      call cloudformation delete-stack-instances --stack-set-name "$STACK_SET" --deployment-targets '{"OrganizationalUnitIds":["ou-ab12-cdef3456","r-ab12"]}' \
        --regions "${REGIONS_FOUND[@]}" --no-retain-stacks --operation-preferences "$PREFERENCES" --query OperationId --output text
      follow "$OUT" 'スタックインスタンスの削除'
    fi
    call cloudformation delete-stack-set --stack-set-name "$STACK_SET"
  fi
else
  TOTAL=5
  planned '各リージョンの CodeArtifact アセットバケットを読み取る' \
    'StackSet vpcpipe-Private を作成または更新する' \
    'us-west-2 にスタックインスタンスをデプロイする' \
    'eu-west-1 にスタックインスタンスをデプロイする' \
    'スタックインスタンスを一覧表示する'
  step 1 '各リージョンの CodeArtifact アセットバケットを読み取る'
  assets_bucket ASSETS_1 'us-west-2' 'ResourceNotFoundException' codeartifact describe-domain \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --query 'domain.s3BucketArn' \
      --output 'text'
  assets_bucket ASSETS_2 'eu-west-1' 'ResourceNotFoundException' codeartifact describe-domain \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --query 'domain.s3BucketArn' \
      --output 'text'
  step 2 'StackSet vpcpipe-Private を作成または更新する'
  proceed 'StackSet vpcpipe-Private と us-west-2, eu-west-1 のスタックインスタンスを作成または更新しますか? [y/N]'
  create_or_update '[]' "$ASSETS_1"
  step 3 'us-west-2 にスタックインスタンスをデプロイする'
  account_instance 'us-west-2' '111122223333' '{"OrganizationalUnitIds":["ou-ab12-cdef3456","r-ab12"],"Accounts":["111122223333"],"AccountFilterType":"INTERSECTION"}' '[{"ParameterKey":"VpcId","ParameterValue":"vpc-0123456789abcdef0"},{"ParameterKey":"SubnetIds","ParameterValue":"subnet-0123456789abcdef0,subnet-0123456789abcdef1"},{"ParameterKey":"EndpointSubnetIds","ParameterValue":"subnet-0123456789abcdef0,subnet-0123456789abcdef1"},{"ParameterKey":"RouteTableIds","ParameterValue":"rtb-0123456789abcdef0"},{"ParameterKey":"LogsEndpointExists","ParameterValue":"true"}]' "$ASSETS_1"
  step 4 'eu-west-1 にスタックインスタンスをデプロイする'
  account_instance 'eu-west-1' '111122223333' '{"OrganizationalUnitIds":["ou-ab12-cdef3456","r-ab12"],"Accounts":["111122223333"],"AccountFilterType":"INTERSECTION"}' '[{"ParameterKey":"VpcId","ParameterValue":"vpc-0123456789abcdef0"},{"ParameterKey":"SubnetIds","ParameterValue":"subnet-0123456789abcdef0,subnet-0123456789abcdef1"},{"ParameterKey":"EndpointSubnetIds","ParameterValue":"subnet-0123456789abcdef0,subnet-0123456789abcdef1"},{"ParameterKey":"RouteTableIds","ParameterValue":"rtb-0123456789abcdef0"},{"ParameterKey":"LogsEndpointExists","ParameterValue":"true"}]' "$ASSETS_2"
  step 5 'スタックインスタンスを一覧表示する'
  summary
fi

completed
