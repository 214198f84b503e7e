#!/usr/bin/env bash
# teardown.sh (vpcpipe 0.1.0): removes what setup.sh created from the private CI/CD pipeline Private in us-west-2.
# Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
# Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'USAGE'
使い方: teardown.sh [--yes] [--dry-run] [--help]
  --yes      「これらのリソースを削除しますか? [y/N]」と尋ねない
  --dry-run  AWS CLI のコマンドをすべて表示し、何も呼び出さない (実行時の値は <placeholders> と表示)
  --help     このヘルプを表示する
環境変数:
  VPCPIPE_POLL_SECONDS  ポーリングの間隔 (秒、既定は 15)
  VPCPIPE_WAIT_SECONDS  ポーリングで待つ時間。これを過ぎるとスクリプトは止まります (秒、既定は 900)
  VPCPIPE_PROGRESS_FD   進捗行を書き込むファイル記述子 (vpcpipe apply が読みます)
USAGE
}

YES=0
DRY_RUN=0
for option in "$@"; do
  case "$option" in
    --yes) YES=1 ;;
    --dry-run) DRY_RUN=1 ;;
    --help) usage; exit 0 ;;
    *) echo "不明なオプション: $option" >&2; usage >&2; exit 2 ;;
  esac
done

REGION='us-west-2'
# What setup.sh creates carries the tag vpcpipe=$PLAN_TAG; teardown.sh deletes nothing else.
PLAN_TAG='Private'
AWS_ARGS=(--region "$REGION")
POLL_SECONDS="${VPCPIPE_POLL_SECONDS:-15}"
WAIT_SECONDS="${VPCPIPE_WAIT_SECONDS:-900}"
# Values learnt at run time (some are only shown, as the id of a gateway endpoint).
# shellcheck disable=SC2034
{
  ACCOUNT=''
  BUILD_SG=''
  ENDPOINT_SG=''
  EP_LOGS=''
  EP_CODEARTIFACT_API=''
  EP_CODEARTIFACT_REPOSITORIES=''
  EP_STS=''
  EP_S3=''
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
    if [ "$STEP" -gt 0 ]; then say_errors <<< "teardown はステップ $STEP で失敗しました: $STEP_TITLE"; fi
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
    echo "teardown.sh は求めに応じてステップ $1 の前で止まりました。もう一度実行するとそこから続けます。"
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

# call SERVICE OPERATION ARGS...: one AWS CLI call, its output left in OUT; a resource
# that is already gone is not an error (a second teardown finds nothing to do).
call() {
  local status=0
  attempt "$@" || status=$?
  if [ "$status" -eq 0 ]; then return 0; fi
  if grep -qiE "$GONE" "$ERRORS"; then
    OUT=''
    echo "  すでにありません: $1 $2"
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
  local what=$1
  shift
  if [ "$DRY_RUN" = 1 ]; then show "$@"; return 0; fi
  tag_of "$@"
  case "$TAG" in
    "$PLAN_TAG") return 0 ;;
    '') echo "  すでにありません: $what" ;;
    *) echo "  残します: $what (vpcpipe が作成したものではありません)" ;;
  esac
  return 1
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

TOTAL=19
planned '削除: main の EventBridge ルール codepipeline-Private-source' \
  '削除: CodePipeline Private (V2): ソース、続いてビルド' \
  '削除: VPC 内の CodeBuild プロジェクト Private' \
  '削除: CloudWatch ロググループ /aws/codebuild/Private' \
  '削除: CodeCommit リポジトリ Private' \
  '削除: ゲートウェイ VPC エンドポイント com.amazonaws.us-west-2.s3' \
  '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.sts' \
  '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories' \
  '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api' \
  '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.logs' \
  '削除: パイプラインの S3 アーティファクトバケット' \
  '削除: CodeArtifact リポジトリ Private' \
  '削除: public:npmjs に接続する CodeArtifact リポジトリ npm-store' \
  '削除: CodeArtifact ドメイン private' \
  '削除: インターフェイスエンドポイントのセキュリティグループ' \
  '削除: ビルドのセキュリティグループ' \
  '削除: パイプラインを開始する EventBridge のロール' \
  '削除: CodePipeline のサービスロール' \
  '削除: CodeBuild のサービスロール'
capture ACCOUNT sts get-caller-identity --query 'Account' --output 'text'
echo "アカウント: $ACCOUNT"
echo "リージョン: $REGION"

echo '次の順に、タグ vpcpipe=Private の付いたものだけを削除します (すでにないものは飛ばし、既存として指定されたものやタグのないものは残します):'
echo '  [削除予定]     EventBridge ルール codepipeline-Private-source'
echo '  [削除予定]     CodePipeline パイプライン Private'
echo '  [削除予定]     CodeBuild プロジェクト Private'
echo '  [削除予定]     CloudWatch ロググループ /aws/codebuild/Private'
echo '  [削除予定]     CodeCommit リポジトリ Private'
echo '  [削除予定]     VPC エンドポイント com.amazonaws.us-west-2.s3'
echo '  [削除予定]     VPC エンドポイント com.amazonaws.us-west-2.sts'
echo '  [削除予定]     VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories'
echo '  [削除予定]     VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api'
echo '  [削除予定]     VPC エンドポイント com.amazonaws.us-west-2.logs'
echo '  [削除予定]     S3 バケット codepipeline-us-west-2-'"$ACCOUNT"'-private'
echo '  [削除予定]     CodeArtifact リポジトリ Private'
echo '  [削除予定]     CodeArtifact リポジトリ npm-store'
echo '  [削除予定]     CodeArtifact ドメイン private'
echo '  [削除予定]     セキュリティグループ vpcpipe-Private-endpoints'
echo '  [削除予定]     セキュリティグループ vpcpipe-Private-build'
echo '  [削除予定]     IAM ロール cwe-role-us-west-2-Private'
echo '  [削除予定]     IAM インラインポリシー start-pipeline-execution-us-west-2-Private'
echo '  [削除予定]     IAM ロール AWSCodePipelineServiceRole-us-west-2-Private'
echo '  [削除予定]     IAM インラインポリシー AWSCodePipelineServicePolicy-us-west-2-Private'
echo '  [削除予定]     IAM ロール codebuild-Private-service-role'
echo '  [削除予定]     IAM インラインポリシー CodeBuildBasePolicy-Private-us-west-2'
echo '  [削除予定]     IAM インラインポリシー CodeArtifactAccess-Private-us-west-2'
if [ "$DRY_RUN" = 1 ]; then
  echo 'ドライラン: コマンドを表示するだけで、何も呼び出しません。'
elif [ "$YES" != 1 ]; then
  read -r -p 'これらのリソースを削除しますか? [y/N] ' answer || answer=''
  case "$answer" in
    [yY] | [yY][eE][sS]) ;;
    *) echo '何も削除しませんでした。'; exit 0 ;;
  esac
fi

step 1 '削除: main の EventBridge ルール codepipeline-Private-source'
if owned 'EventBridge ルール codepipeline-Private-source' events list-tags-for-resource \
      --resource-arn 'arn:aws:events:us-west-2:'"$ACCOUNT"':rule/codepipeline-Private-source' \
      --query 'Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'; then
  call events remove-targets --rule 'codepipeline-Private-source' --ids 'codepipeline'
  call events delete-rule --name 'codepipeline-Private-source'
fi

step 2 '削除: CodePipeline Private (V2): ソース、続いてビルド'
if owned 'CodePipeline パイプライン Private' codepipeline list-tags-for-resource \
      --resource-arn 'arn:aws:codepipeline:us-west-2:'"$ACCOUNT"':Private' \
      --no-paginate \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'; then
  call codepipeline delete-pipeline --name 'Private'
fi

step 3 '削除: VPC 内の CodeBuild プロジェクト Private'
if owned 'CodeBuild プロジェクト Private' codebuild batch-get-projects \
      --names 'Private' \
      --query 'projects[].[tags[?key=='\''vpcpipe'\''].value | [0]]' \
      --output 'text'; then
  call codebuild delete-project --name 'Private'
fi

step 4 '削除: CloudWatch ロググループ /aws/codebuild/Private'
if owned 'CloudWatch ロググループ /aws/codebuild/Private' logs list-tags-for-resource \
      --resource-arn 'arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private' \
      --query 'tags.vpcpipe' \
      --output 'text'; then
  call logs delete-log-group --log-group-name '/aws/codebuild/Private'
fi

step 5 '削除: CodeCommit リポジトリ Private'
if owned 'CodeCommit リポジトリ Private' codecommit list-tags-for-resource \
      --resource-arn 'arn:aws:codecommit:us-west-2:'"$ACCOUNT"':Private' \
      --query 'tags.vpcpipe' \
      --output 'text'; then
  call codecommit delete-repository --repository-name 'Private'
fi

step 6 '削除: ゲートウェイ VPC エンドポイント com.amazonaws.us-west-2.s3'
capture EP_S3 ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.s3"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)] | [0].VpcEndpointId' \
    --output 'text'
if [ -n "$EP_S3" ] && [ "$EP_S3" != None ]; then
  call ec2 delete-vpc-endpoints --vpc-endpoint-ids "$EP_S3"
fi

step 7 '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.sts'
capture EP_STS ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.sts"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)] | [0].VpcEndpointId' \
    --output 'text'
if [ -n "$EP_STS" ] && [ "$EP_STS" != None ]; then
  call ec2 delete-vpc-endpoints --vpc-endpoint-ids "$EP_STS"
fi

step 8 '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories'
capture EP_CODEARTIFACT_REPOSITORIES ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.codeartifact.repositories"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)] | [0].VpcEndpointId' \
    --output 'text'
if [ -n "$EP_CODEARTIFACT_REPOSITORIES" ] && [ "$EP_CODEARTIFACT_REPOSITORIES" != None ]; then
  call ec2 delete-vpc-endpoints --vpc-endpoint-ids "$EP_CODEARTIFACT_REPOSITORIES"
fi

step 9 '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api'
capture EP_CODEARTIFACT_API ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.codeartifact.api"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)] | [0].VpcEndpointId' \
    --output 'text'
if [ -n "$EP_CODEARTIFACT_API" ] && [ "$EP_CODEARTIFACT_API" != None ]; then
  call ec2 delete-vpc-endpoints --vpc-endpoint-ids "$EP_CODEARTIFACT_API"
fi

step 10 '削除: インターフェイス VPC エンドポイント com.amazonaws.us-west-2.logs'
capture EP_LOGS ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.logs"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)] | [0].VpcEndpointId' \
    --output 'text'
if [ -n "$EP_LOGS" ] && [ "$EP_LOGS" != None ]; then
  call ec2 delete-vpc-endpoints --vpc-endpoint-ids "$EP_LOGS"
fi

step 11 '削除: パイプラインの S3 アーティファクトバケット'
if owned 'S3 バケット codepipeline-us-west-2-'"$ACCOUNT"'-private' s3api get-bucket-tagging \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --query 'TagSet[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'; then
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
  call s3api delete-bucket --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private'
fi

step 12 '削除: CodeArtifact リポジトリ Private'
if owned 'CodeArtifact リポジトリ Private' codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'; then
  call codeartifact delete-repository --domain 'private' --domain-owner "$ACCOUNT" --repository 'Private'
fi

step 13 '削除: public:npmjs に接続する CodeArtifact リポジトリ npm-store'
if owned 'CodeArtifact リポジトリ npm-store' codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/npm-store' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'; then
  call codeartifact delete-repository --domain 'private' --domain-owner "$ACCOUNT" --repository 'npm-store'
fi

step 14 '削除: CodeArtifact ドメイン private'
if owned 'CodeArtifact ドメイン private' codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'; then
  call codeartifact delete-domain --domain 'private' --domain-owner "$ACCOUNT"
fi

step 15 '削除: インターフェイスエンドポイントのセキュリティグループ'
capture ENDPOINT_SG ec2 describe-security-groups \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"group-name","Values":["vpcpipe-Private-endpoints"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'SecurityGroups[0].GroupId' \
    --output 'text'
if [ -n "$ENDPOINT_SG" ] && [ "$ENDPOINT_SG" != None ]; then
  await_gone ec2 describe-network-interfaces \
      --filters '[{"Name":"group-id","Values":["'"$ENDPOINT_SG"'"]}]' \
      --query 'NetworkInterfaces[].NetworkInterfaceId' \
      --output 'text'
  call ec2 delete-security-group --group-id "$ENDPOINT_SG"
fi

step 16 '削除: ビルドのセキュリティグループ'
capture BUILD_SG ec2 describe-security-groups \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"group-name","Values":["vpcpipe-Private-build"]},{"Name":"tag:vpcpipe","Values":["Private"]}]' \
    --no-paginate \
    --query 'SecurityGroups[0].GroupId' \
    --output 'text'
if [ -n "$BUILD_SG" ] && [ "$BUILD_SG" != None ]; then
  call ec2 describe-network-interfaces \
      --filters '[{"Name":"group-id","Values":["'"$BUILD_SG"'"]}]' \
      --query 'NetworkInterfaces[?Status=='\''available'\'' && !RequesterManaged].[NetworkInterfaceId]' \
      --output 'text'
  while IFS=$'\t' read -r INTERFACE; do
    if [ -n "$INTERFACE" ] && [ "$INTERFACE" != None ]; then
      call ec2 delete-network-interface --network-interface-id "$INTERFACE"
    fi
  done <<< "$OUT"
  await_gone ec2 describe-network-interfaces \
      --filters '[{"Name":"group-id","Values":["'"$BUILD_SG"'"]}]' \
      --query 'NetworkInterfaces[].NetworkInterfaceId' \
      --output 'text'
  call ec2 delete-security-group --group-id "$BUILD_SG"
fi

step 17 '削除: パイプラインを開始する EventBridge のロール'
if owned 'IAM ロール cwe-role-us-west-2-Private' iam get-role \
      --role-name 'cwe-role-us-west-2-Private' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'; then
  call iam delete-role-policy \
      --role-name 'cwe-role-us-west-2-Private' \
      --policy-name 'start-pipeline-execution-us-west-2-Private'
  call iam delete-role --role-name 'cwe-role-us-west-2-Private'
fi

step 18 '削除: CodePipeline のサービスロール'
if owned 'IAM ロール AWSCodePipelineServiceRole-us-west-2-Private' iam get-role \
      --role-name 'AWSCodePipelineServiceRole-us-west-2-Private' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'; then
  call iam delete-role-policy \
      --role-name 'AWSCodePipelineServiceRole-us-west-2-Private' \
      --policy-name 'AWSCodePipelineServicePolicy-us-west-2-Private'
  call iam delete-role --role-name 'AWSCodePipelineServiceRole-us-west-2-Private'
fi

step 19 '削除: CodeBuild のサービスロール'
if owned 'IAM ロール codebuild-Private-service-role' iam get-role \
      --role-name 'codebuild-Private-service-role' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'; then
  call iam delete-role-policy \
      --role-name 'codebuild-Private-service-role' \
      --policy-name 'CodeBuildBasePolicy-Private-us-west-2'
  call iam delete-role-policy \
      --role-name 'codebuild-Private-service-role' \
      --policy-name 'CodeArtifactAccess-Private-us-west-2'
  call iam delete-role --role-name 'codebuild-Private-service-role'
fi

completed
echo
echo '削除が完了しました。'
echo 'vpc-0123456789abcdef0 の DNS サポートと DNS ホスト名は有効のまま残します。setup.sh がエンドポイントのプライベート DNS のために有効にしましたが、これは VPC の設定で、他のワークロードが頼っているかもしれません。必要なものがない場合にだけ、VPC の設定で無効にしてください。'
