#!/usr/bin/env bash
# setup.sh (vpcpipe 0.1.0): creates the private CI/CD pipeline Private in us-west-2.
# Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
# Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'USAGE'
使い方: setup.sh [--yes] [--dry-run] [--help]
  --yes      「これらのリソースを作成しますか? [y/N]」と尋ねない
  --dry-run  AWS CLI のコマンドをすべて表示し、何も呼び出さない (実行時の値は <placeholders> と表示)
  --help     このヘルプを表示する
環境変数:
  VPCPIPE_RETRY_SECONDS  IAM の伝播エラーを再試行する時間 (秒、既定は 120)
  VPCPIPE_POLL_SECONDS   ポーリングの間隔 (秒、既定は 15)
  VPCPIPE_WAIT_SECONDS   ポーリングで待つ時間。これを過ぎるとスクリプトは止まります (秒、既定は 900)
  VPCPIPE_PROGRESS_FD    進捗行を書き込むファイル記述子 (vpcpipe apply が読みます)
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
RETRY_SECONDS="${VPCPIPE_RETRY_SECONDS:-120}"
POLL_SECONDS="${VPCPIPE_POLL_SECONDS:-15}"
WAIT_SECONDS="${VPCPIPE_WAIT_SECONDS:-900}"
# The sample app's files are read from repo/ beside this script.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Values learnt at run time (some are only shown, as the id of a gateway endpoint).
# shellcheck disable=SC2034
{
  ACCOUNT=''
  ROLES=''
  BUILD_SG=''
  SECURITY_GROUPS=''
  ENDPOINT_SG=''
  ASSETS_BUCKET_ARN=''
  REPOSITORIES=''
  EP_LOGS=''
  ENDPOINTS=''
  EP_CODEARTIFACT_API=''
  EP_CODEARTIFACT_REPOSITORIES=''
  EP_STS=''
  EP_S3=''
  COMMIT=''
  SAMPLE_FILES=''
  SUBNETS=''
  ROUTE_TABLES=''
  ENDPOINT_ZONES=''
  ENDPOINT_GROUPS=''
  ENDPOINT_RULES=''
  ENDPOINT_SUBNETS=''
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
    if [ "$STEP" -gt 0 ]; then say_errors <<< "setup はステップ $STEP で失敗しました: $STEP_TITLE"; fi
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
    echo "setup.sh は求めに応じてステップ $1 の前で止まりました。もう一度実行するとそこから続けます。"
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

# What the last check found, for `seen`.
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
    OUT=$(run_aws "$@") && return 0
    status=$?
    if coded "$tolerate"; then echo "  実行済み: $1 $2"; OUT=''; return 0; fi
    if [ "$retry" = 1 ] && [ "$waited" -lt "$RETRY_SECONDS" ] && grep -qiE "$PROPAGATION" "$ERRORS"; then
      waiting "IAM の変更がまだ伝播していません。$delay 秒後に再試行します"
      sleep "$delay"
      waited=$((waited + delay))
      delay=$((delay * 2 > 30 ? 30 : delay * 2))
      continue
    fi
    report
    return "$status"
  done
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
    OUT=$(run_aws "$@") || status=$?
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
  if [ "$DRY_RUN" = 1 ]; then echo "  # 確認: $2 の行に $key があるか"; return 1; fi
  while IFS= read -r row; do
    IFS=$'\t' read -r row_key row_id _ <<< "$row"
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
  if [ "$DRY_RUN" = 1 ]; then echo '  # 確認 (見つかったものは作成し直しません):'; show "$@"; return 1; fi
  out=$(run_aws "$@") || status=$?
  if [ "$status" -ne 0 ]; then
    coded "$absent" && return 1
    report
    exit "$status"
  fi
  [ "$out" != None ] || return 1
  if [ "$name" != - ]; then printf -v "$name" '%s' "$out"; fi
  FOUND=$out
}

# reading NUMBER TITLE: the check of step NUMBER is read now, before anything is created; a
# failure names that step.
reading() {
  STEP=$1
  STEP_TITLE="$2 (既存のものを読み取り中)"
}

# The steps whose check found their resource: ours (it carries the plan's tag), theirs (it does
# not: someone else's), or found (what carries no tag, such as a branch).
declare -A SEEN=()

# seen STEP KEY|- PROBLEM|- [SERVICE OPERATION ARGS...]: the check of STEP found its resource;
# SEEN[STEP] says whose it is, by its vpcpipe tag: printed by the call given, else the last
# field of what the check found. Someone else's is the problem PROBLEM of the answer KEY, as
# setup never changes what it did not make; with KEY -, it is used as it is (an endpoint that
# preflight judged fit).
seen() {
  local step=$1 key=$2 problem=$3
  shift 3
  TAG=${FOUND##*$'\t'}
  if [ $# -gt 0 ]; then tag_of "$@"; fi
  if [ "$TAG" = "$PLAN_TAG" ]; then
    SEEN[$step]=ours
  else
    SEEN[$step]=theirs
    if [ "$key" != - ]; then problem "$key" "$problem"; fi
  fi
}

# existing STEP: true when preflight found STEP's resource; says so, and whose it is.
existing() {
  case "${SEEN[$1]:-}" in
    '') return 1 ;;
    theirs) echo '  存在します (vpcpipe が作成したものではありません): そのまま使い、teardown でも残します' ;;
    *) echo '  存在します: 作成するものはありません' ;;
  esac
}

# mark STEP WHAT: a line of the confirmation: WHAT, marked by what preflight found of STEP's.
mark() {
  case "${SEEN[$1]:-}" in
    '') echo "  [作成予定]     $2" ;;
    theirs) echo "  [既存を使用]   $2" ;;
    *) echo "  [作成済み]     $2" ;;
  esac
}

# The words of preflight's problems and notes, made from vpcpipe's declarations (PreflightWords).
# problem_vpc_missing KEY VPC REGION
problem_vpc_missing() { problem "$1" "${3} に ${2} が見つかりません (この VPC のルートテーブルがありません)"; }
# problem_subnet_missing KEY SUBNET REGION
problem_subnet_missing() { problem "$1" "${3} に ${2} が見つかりません"; }
# problem_subnet_elsewhere KEY SUBNET FOUND VPC
problem_subnet_elsewhere() { problem "$1" "${2} は network.vpc の ${4} ではなく ${3} にあります"; }
# note_zone_shared SUBNET ZONE FIRST
note_zone_shared() { note "${1} は ${3} と同じ ${2} にあります: ビルドは両方を使いますが、インターフェイスエンドポイントは ${3} だけを使います (アベイラビリティゾーンごとに 1 つのサブネット)"; }
# problem_zone_not_offered KEY SUBNET ZONE SERVICE ZONES
problem_zone_not_offered() { problem "$1" "${2} がある ${3} には ${4} のエンドポイントがありません (${5} で提供されています): 別のゾーンのサブネットを使ってください"; }
# problem_table_unused KEY TABLE USED
problem_table_unused() { problem "$1" "${2} は network.subnets のどのサブネットのルートテーブルでもありません (使われているのは ${3}): S3 のゲートウェイエンドポイントがビルドに届きません"; }
# problem_table_unused_by_none KEY TABLE
problem_table_unused_by_none() { problem "$1" "${2} は network.subnets のどのサブネットのルートテーブルでもありません (network.vpc のサブネットが見つかりません): S3 のゲートウェイエンドポイントがビルドに届きません"; }
# problem_table_missing KEY TABLE SUBNETS
problem_table_missing() { problem "$1" "${3} のルートテーブル ${2} が指定されていません: 追加してください。追加しないとそこでのビルドは S3 に届きません"; }
# note_other_type ID OTHER SERVICE TYPE
note_other_type() { note "${1} は ${3} の ${2} エンドポイントで、ビルドが必要とする ${4} エンドポイントではありません。そのまま残します"; }
# problem_existing_missing KEY NAME TYPE SERVICE
problem_existing_missing() { problem "$1" "${2} が指定されていますが、VPC に ${4} の ${3} エンドポイントがありません: 一覧から ${2} を外すと setup.sh が作成します"; }
# problem_gateway_off_table KEY ID SERVICE TABLE
problem_gateway_off_table() { problem "$1" "VPC の ${3} ゲートウェイエンドポイント ${2} が、network.subnets の使うルートテーブル ${4} にありません: 追加してください (aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${2} --add-route-table-ids ${4})"; }
# problem_private_dns_off KEY ID SERVICE
problem_private_dns_off() { problem "$1" "VPC の ${3} エンドポイント ${2} はプライベート DNS がオフです: ビルドが通常のホスト名に送るリクエストは届かず、プライベート DNS を持つ 2 つ目のエンドポイントも並べて作れません。オンにしてください (aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${2} --private-dns-enabled)"; }
# problem_not_admitting KEY ID SERVICE GROUPS GROUP
problem_not_admitting() { problem "$1" "VPC の ${3} エンドポイント ${2} がビルドからの HTTPS (tcp 443) を受け入れていません: そのセキュリティグループ (${4}) に、${5} またはビルドのサブネットからのインバウンドルールが必要です"; }
# problem_not_admitting_build_group KEY ID SERVICE GROUPS
problem_not_admitting_build_group() { problem "$1" "VPC の ${3} エンドポイント ${2} がビルドからの HTTPS (tcp 443) を受け入れていません: そのセキュリティグループ (${4}) に、ビルドのセキュリティグループまたはビルドのサブネットからのインバウンドルールが必要です"; }
# note_policy_unread ID SERVICE REQUESTS
note_policy_unread() { note "VPC の ${2} エンドポイント ${1} はそのまま使い、setup.sh はそのポリシーを読みません: ビルドのリクエスト (${3}) を許可している必要があります。許可していなければ、このエンドポイントを通るリクエストは拒否されます"; }
# note_role_elsewhere ARN ACCOUNT SERVICE
note_role_elsewhere() { note "${1} はアカウント ${2} のロールではありません: 存在するか、${3} を信頼しているかは読み取りません"; }
# problem_role_missing KEY ARN ACCOUNT
problem_role_missing() { problem "$1" "アカウント ${3} に ${2} が見つかりません"; }
# problem_role_distrusts KEY ARN SERVICE SERVICES FILE
problem_role_distrusts() { problem "$1" "${2} は ${3} を信頼していません (信頼ポリシーが許可しているのは ${4}): ${3} はこのロールを引き受けられません。policies/${5} と同じく許可してください"; }
# problem_role_trusts_none KEY ARN SERVICE FILE
problem_role_trusts_none() { problem "$1" "${2} は ${3} を信頼していません (信頼ポリシーはどのサービスも許可していません): ${3} はこのロールを引き受けられません。policies/${4} と同じく許可してください"; }
# problem_group_missing KEY GROUP REGION
problem_group_missing() { problem "$1" "${3} に ${2} が見つかりません"; }
# problem_group_elsewhere KEY GROUP FOUND VPC
problem_group_elsewhere() { problem "$1" "${2} は network.vpc の ${4} ではなく ${3} にあります"; }

# The problems found so far, each "KEY: what is wrong (what to do)".
PROBLEMS=()

# problem KEY MESSAGE: records a problem; preflight goes on, so one run lists them all. A dry
# run reads nothing, so it finds no problem.
problem() {
  if [ "$DRY_RUN" != 1 ]; then PROBLEMS+=("$1: $2"); fi
}

# note MESSAGE: something the operator should know that stops nothing.
note() {
  echo "  注意: $1"
}

# row_of ROWS KEY: ROW takes the first row of the variable ROWS whose first field is KEY.
row_of() {
  local rows=${!1} key=$2 row
  ROW=''
  while IFS= read -r row; do
    if [ "${row%%$'\t'*}" = "$key" ]; then ROW=$row; return 0; fi
  done <<< "$rows"
  return 1
}

# json_list WORD...: the words as a JSON list of strings (ids hold no quote), the form every
# AWS CLI list option takes in one argument.
json_list() {
  local out='' word
  for word in "$@"; do out+="${out:+,}\"$word\""; done
  printf '[%s]' "$out"
}

# judge_subnets VPC SUBNET...: each subnet of the answers exists and is in VPC (SUBNETS rows:
# ID VPC ZONE CIDR; a VPC is known by its main route table, ROUTE_TABLES rows). Interface
# endpoints take at most one subnet per Availability Zone: ENDPOINT_SUBNETS takes the first
# subnet of each zone, as a JSON list, and each zone must be one every planned interface
# endpoint service offers (ENDPOINT_ZONES rows: SERVICE ZONES).
judge_subnets() {
  local vpc=$1 index=0 subnet subnet_vpc zone service zones chosen=() seen=' '
  shift
  PLAN_VPC=$vpc
  if [ "$DRY_RUN" = 1 ]; then ENDPOINT_SUBNETS='<endpoint-subnets>'; return 0; fi
  if [ -z "$ROUTE_TABLES" ]; then
    problem_vpc_missing network.vpc "$vpc" "$REGION"
  fi
  for subnet in "$@"; do
    if ! row_of SUBNETS "$subnet"; then
      problem_subnet_missing "network.subnets[$index]" "$subnet" "$REGION"
    else
      IFS=$'\t' read -r _ subnet_vpc zone _ <<< "$ROW"
      if [ "$subnet_vpc" != "$vpc" ]; then
        problem_subnet_elsewhere "network.subnets[$index]" "$subnet" "$subnet_vpc" "$vpc"
      elif [[ $seen == *" $zone="* ]]; then
        local first=${seen#*" $zone="}
        note_zone_shared "$subnet" "$zone" "${first%% *}"
      else
        seen+="$zone=$subnet "
        chosen+=("$subnet")
        while IFS=$'\t' read -r service zones; do
          if [ -n "$service" ] && [[ " $zones " != *" $zone "* ]]; then
            problem_zone_not_offered "network.subnets[$index]" "$subnet" "$zone" "$service" "$zones"
          fi
        done <<< "$ENDPOINT_ZONES"
      fi
    fi
    index=$((index + 1))
  done
  ENDPOINT_SUBNETS=$(json_list "${chosen[@]}")
}

# table_of SUBNET: prints the route table SUBNET uses: the one associated with it, else the
# VPC's main table (ROUTE_TABLES rows: ID MAIN SUBNETS, MAIN the count of main associations).
table_of() {
  local subnet=$1 id main subnets main_table=''
  while IFS=$'\t' read -r id main subnets; do
    if [[ " $subnets " == *" $subnet "* ]]; then echo "$id"; return 0; fi
    if [ -n "$main" ] && [ "$main" != 0 ]; then main_table=$id; fi
  done <<< "$ROUTE_TABLES"
  echo "$main_table"
}

# subnet_tables: prints each route table the subnets found in the VPC use, once a line.
subnet_tables() {
  local subnet vpc table seen=' '
  while IFS=$'\t' read -r subnet vpc _; do
    [ "$vpc" = "$PLAN_VPC" ] || continue
    table=$(table_of "$subnet")
    if [ -n "$table" ] && [[ $seen != *" $table "* ]]; then seen+="$table "; echo "$table"; fi
  done <<< "$SUBNETS"
}

# judge_route_tables TABLE...: the S3 gateway endpoint goes on the answers' route tables, so
# they must be exactly the tables the subnets use.
judge_route_tables() {
  local index=0 table used given=" $* "
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  used=$(subnet_tables | tr '\n' ' ')
  used=${used% }
  for table in "$@"; do
    if [[ " $used " != *" $table "* ]]; then
      if [ -n "$used" ]; then
        problem_table_unused "network.route_tables[$index]" "$table" "$used"
      else
        problem_table_unused_by_none "network.route_tables[$index]" "$table"
      fi
    fi
    index=$((index + 1))
  done
  for table in $used; do
    if [[ $given != *" $table "* ]]; then
      problem_table_missing network.route_tables "$table" "$(subnets_on "$table")"
    fi
  done
}

# subnets_on TABLE: prints the subnets of the VPC found that use the route table TABLE.
subnets_on() {
  local subnet vpc out=''
  while IFS=$'\t' read -r subnet vpc _; do
    if [ "$vpc" = "$PLAN_VPC" ] && [ "$(table_of "$subnet")" = "$1" ]; then out+="${out:+ と }$subnet"; fi
  done <<< "$SUBNETS"
  echo "$out"
}

# ip_number ADDRESS: an IPv4 address as a number.
ip_number() {
  local a b c d
  IFS=. read -r a b c d <<< "$1"
  echo $(((a << 24) | (b << 16) | (c << 8) | d))
}

# cidr_holds OUTER INNER: true when the IPv4 range OUTER holds all of INNER.
cidr_holds() {
  local outer_bits=${1#*/} inner_bits=${2#*/} mask
  [ "$inner_bits" -ge "$outer_bits" ] || return 1
  mask=$(((0xFFFFFFFF << (32 - outer_bits)) & 0xFFFFFFFF))
  [ $(($(ip_number "${1%/*}") & mask)) -eq $(($(ip_number "${2%/*}") & mask)) ]
}

# admits GROUPS GROUP: true when an inbound rule of the security groups GROUPS
# (ENDPOINT_RULES rows: GROUP PROTOCOL FROM TO CIDR SOURCE_GROUP) lets HTTPS in from the
# build: from its security group GROUP, or from a range holding each of its subnets.
admits() {
  local groups=" $1 " build_group=$2 vpc subnet_cidr rule_group protocol from to cidr source covered
  while IFS=$'\t' read -r _ vpc _ subnet_cidr; do
    [ "$vpc" = "$PLAN_VPC" ] || continue
    covered=0
    while IFS=$'\t' read -r rule_group protocol from to cidr source; do
      [[ -n $rule_group && $groups == *" $rule_group "* ]] || continue
      case "$protocol" in
        -1) ;;
        tcp | 6) if [ "$from" -gt 443 ] || [ "$to" -lt 443 ]; then continue; fi ;;
        *) continue ;;
      esac
      if { [ -n "$build_group" ] && [ "$source" = "$build_group" ]; } \
        || { [ "$cidr" != none ] && cidr_holds "$cidr" "$subnet_cidr"; }; then
        covered=1
        break
      fi
    done <<< "$ENDPOINT_RULES"
    [ "$covered" = 1 ] || return 1
  done <<< "$SUBNETS"
}

# endpoint_groups: ENDPOINT_GROUPS takes the security groups of the endpoints found (ENDPOINTS
# rows: SERVICE/TYPE ID PRIVATE_DNS GROUPS ROUTE_TABLES TAG), comma-separated, for the lookup
# of their rules.
endpoint_groups() {
  local groups
  ENDPOINT_GROUPS=''
  if [ "$DRY_RUN" = 1 ]; then ENDPOINT_GROUPS='<endpoint-groups>'; return 0; fi
  while IFS=$'\t' read -r _ _ _ groups _; do
    if [ -n "$groups" ] && [ "$groups" != none ]; then
      ENDPOINT_GROUPS+="${ENDPOINT_GROUPS:+,}${groups// /,}"
    fi
  done <<< "$ENDPOINTS"
}

# judge_endpoint NAME SERVICE TYPE planned|existing DNS GROUP REQUESTS: an endpoint of SERVICE
# already in the VPC (ENDPOINTS rows) serves the build only when it is of TYPE, has private DNS
# on when DNS is on (interface), admits HTTPS from the build's GROUP or subnets (interface), and
# is on the subnets' route tables (gateway). One vpcpipe made is the plan's own; one listed as
# existing (NAME, as endpoints.existing spells it) must be found. An unfit one is never changed:
# the problem says what to change. Its policy is not read here (a JSON document bash cannot
# judge): the note says the REQUESTS it must allow, which vpcpipe --check --live judges.
judge_endpoint() {
  local name=$1 service=$2 type=$3 mode=$4 dns=$5 group=$6 requests=$7
  local id private_dns groups tables tag table other
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  other=$([ "$type" = Gateway ] && echo Interface || echo Gateway)
  if ! row_of ENDPOINTS "$service/$type"; then
    if row_of ENDPOINTS "$service/$other"; then
      IFS=$'\t' read -r _ id _ <<< "$ROW"
      note_other_type "$id" "$other" "$service" "$type"
    fi
    if [ "$mode" = existing ]; then
      problem_existing_missing endpoints.existing "$name" "$type" "$service"
    fi
    return 0
  fi
  IFS=$'\t' read -r _ id private_dns groups tables tag <<< "$ROW"
  if [ "$tag" = "$PLAN_TAG" ]; then return 0; fi
  note_policy_unread "$id" "$service" "$requests"
  if [ "$type" = Gateway ]; then
    for table in $(subnet_tables); do
      if [[ " $tables " != *" $table "* ]]; then
        problem_gateway_off_table endpoints "$id" "$service" "$table"
      fi
    done
    return 0
  fi
  if [ "$dns" = true ] && [ "$private_dns" != True ]; then
    problem_private_dns_off endpoints "$id" "$service"
  fi
  if ! admits "$groups" "$group"; then
    if [ -n "$group" ]; then
      problem_not_admitting endpoints "$id" "$service" "$groups" "$group"
    else
      problem_not_admitting_build_group endpoints "$id" "$service" "$groups"
    fi
  fi
}

# own_role NAME ARN: NAME takes the name of the role ARN when it is a role of this account
# (ACCOUNT), whose IAM preflight can read; else nothing (a <placeholder> in a dry run).
own_role() {
  local account resource placeholder
  if [ "$DRY_RUN" = 1 ]; then
    placeholder=${1,,}
    printf -v "$1" '<%s>' "${placeholder//_/-}"
    return 0
  fi
  IFS=: read -r _ _ _ _ account resource <<< "$2"
  if [ "$account" = "$ACCOUNT" ]; then printf -v "$1" '%s' "${resource##*/}"; else printf -v "$1" '%s' ''; fi
}

# judge_role KEY ARN SERVICE TRUST_FILE NAME: the role the answer KEY gives by ARN, whose name
# own_role put in the variable NAME, exists and trusts SERVICE (NAME_TRUST rows: ROLE SERVICES,
# the services its trust policy allows). A role of another account cannot be read from here.
judge_role() {
  local key=$1 arn=$2 service=$3 file=$4 name=${!5} services
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  if [ -z "$name" ]; then
    note_role_elsewhere "$arn" "$ACCOUNT" "$service"
    return 0
  fi
  if ! row_of "${5}_TRUST" "$name"; then
    problem_role_missing "$key" "$arn" "$ACCOUNT"
    return 0
  fi
  IFS=$'\t' read -r _ services <<< "$ROW"
  if [[ " $services " != *" $service "* ]]; then
    if [ -n "$services" ]; then
      problem_role_distrusts "$key" "$arn" "$service" "$services" "$file"
    else
      problem_role_trusts_none "$key" "$arn" "$service" "$file"
    fi
  fi
}

# judge_group GROUP VPC: the security group the answers give by id is in VPC (GIVEN_GROUP rows:
# ID VPC).
judge_group() {
  local group=$1 vpc=$2 group_vpc
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  if ! row_of GIVEN_GROUP "$group"; then
    problem_group_missing network.security_group "$group" "$REGION"
    return 0
  fi
  IFS=$'\t' read -r _ group_vpc <<< "$ROW"
  if [ "$group_vpc" != "$vpc" ]; then
    problem_group_elsewhere network.security_group "$group" "$group_vpc" "$vpc"
  fi
}

# refuse_if_problems: stops setup.sh, before anything is created, when preflight found problems.
refuse_if_problems() {
  if [ "${#PROBLEMS[@]}" -eq 0 ]; then return 0; fi
  say_errors < <(
    echo "setup.sh は何も作成せずに止まります。アカウントに ${#PROBLEMS[@]} 件の問題があります:"
    printf '  %s\n' "${PROBLEMS[@]}"
    echo '回答 (そのあと vpcpipe --headless をもう一度) またはアカウントを変更し、setup.sh をもう一度実行してください。'
  )
  STEP=0
  exit 3
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

TOTAL=23
planned 'us-west-2 の VPC、サブネット、ルートテーブル、エンドポイントを読み、既存のものを調べる' \
  'vpc-0123456789abcdef0 の DNS サポートと DNS ホスト名を有効にする' \
  'CodeBuild のサービスロール' \
  'CodePipeline のサービスロール' \
  'パイプラインを開始する EventBridge のロール' \
  'ビルドのセキュリティグループ' \
  'インターフェイスエンドポイントのセキュリティグループ' \
  'CodeArtifact ドメイン private' \
  'public:npmjs に接続する CodeArtifact リポジトリ npm-store' \
  'CodeArtifact リポジトリ Private' \
  'パイプラインの S3 アーティファクトバケット' \
  'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.logs' \
  'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api' \
  'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories' \
  'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.sts' \
  'ゲートウェイ VPC エンドポイント com.amazonaws.us-west-2.s3' \
  'CodeCommit リポジトリ Private' \
  'サンプルアプリを Private のブランチ main にコミットする' \
  'CloudWatch ロググループ /aws/codebuild/Private' \
  'VPC 内の CodeBuild プロジェクト Private' \
  'インターフェイスエンドポイントが利用可能になるまで待つ' \
  'CodePipeline Private (V2): ソース、続いてビルド' \
  'main の EventBridge ルール codepipeline-Private-source'
capture ACCOUNT sts get-caller-identity --query 'Account' --output 'text'
echo "アカウント: $ACCOUNT"
echo "リージョン: $REGION"

step 1 'us-west-2 の VPC、サブネット、ルートテーブル、エンドポイントを読み、既存のものを調べる'
lookup SUBNETS '' ec2 describe-subnets \
    --filters '[{"Name":"subnet-id","Values":["subnet-0123456789abcdef0","subnet-0fedcba9876543210"]}]' \
    --query 'Subnets[].[SubnetId,VpcId,AvailabilityZone,CidrBlock]' \
    --output 'text'
lookup ROUTE_TABLES '' ec2 describe-route-tables \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]}]' \
    --query 'RouteTables[].[RouteTableId, length(Associations[?Main]), join('\'' '\'', Associations[].SubnetId) || '\''none'\'']' \
    --output 'text'
lookup ENDPOINT_ZONES '' ec2 describe-vpc-endpoint-services \
    --service-names 'com.amazonaws.us-west-2.logs' 'com.amazonaws.us-west-2.codeartifact.api' 'com.amazonaws.us-west-2.codeartifact.repositories' 'com.amazonaws.us-west-2.sts' \
    --query 'ServiceDetails[].[ServiceName, join('\'' '\'', AvailabilityZones)]' \
    --output 'text'
lookup ENDPOINTS '' ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.logs","com.amazonaws.us-west-2.codeartifact.api","com.amazonaws.us-west-2.codeartifact.repositories","com.amazonaws.us-west-2.sts","com.amazonaws.us-west-2.s3"]}]' \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)].[join('\''/'\'', [ServiceName, VpcEndpointType]), VpcEndpointId, PrivateDnsEnabled, join('\'' '\'', Groups[].GroupId) || '\''none'\'', join('\'' '\'', RouteTableIds) || '\''none'\'', Tags[?Key=='\''vpcpipe'\''].Value | [0]]' \
    --output 'text'
endpoint_groups
if [ -n "$ENDPOINT_GROUPS" ] && [ "$ENDPOINT_GROUPS" != None ]; then
  lookup ENDPOINT_RULES '' ec2 describe-security-group-rules \
      --filters 'Name=group-id,Values='"$ENDPOINT_GROUPS" \
      --query 'SecurityGroupRules[?!IsEgress].[GroupId, IpProtocol, FromPort, ToPort, CidrIpv4 || '\''none'\'', ReferencedGroupInfo.GroupId || '\''none'\'']' \
      --output 'text'
fi
lookup ROLES '' iam list-roles \
    --path-prefix '/service-role/' \
    --query 'Roles[?contains(['\''codebuild-Private-service-role'\'','\''AWSCodePipelineServiceRole-us-west-2-Private'\'','\''cwe-role-us-west-2-Private'\''], RoleName)].[RoleName]' \
    --output 'text'
lookup SECURITY_GROUPS '' ec2 describe-security-groups \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"group-name","Values":["vpcpipe-Private-build","vpcpipe-Private-endpoints"]}]' \
    --query 'SecurityGroups[].[GroupName,GroupId,Tags[?Key=='\''vpcpipe'\''].Value | [0]]' \
    --output 'text'
lookup REPOSITORIES 'ResourceNotFoundException' codeartifact list-repositories-in-domain \
    --domain 'private' \
    --domain-owner "$ACCOUNT" \
    --query 'repositories[].[name]' \
    --output 'text'
lookup SAMPLE_FILES 'RepositoryDoesNotExistException|CommitDoesNotExistException' codecommit get-folder \
    --repository-name 'Private' \
    --commit-specifier 'main' \
    --folder-path '/' \
    --query '[[['\''.'\'', commitId]], files[].[absolutePath], subFolders[].[absolutePath]][]' \
    --output 'text'
judge_subnets 'vpc-0123456789abcdef0' 'subnet-0123456789abcdef0' 'subnet-0fedcba9876543210'
judge_route_tables 'rtb-0123456789abcdef0'
judge_endpoint 'logs' 'com.amazonaws.us-west-2.logs' 'Interface' 'planned' 'true' '' 'arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private と arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private:* に対する logs:CreateLogStream, logs:PutLogEvents'
judge_endpoint 'codeartifact.api' 'com.amazonaws.us-west-2.codeartifact.api' 'Interface' 'planned' 'true' '' 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private に対する codeartifact:GetAuthorizationToken、arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private に対する codeartifact:GetRepositoryEndpoint, codeartifact:ReadFromRepository、sts:GetServiceBearerToken'
judge_endpoint 'codeartifact.repositories' 'com.amazonaws.us-west-2.codeartifact.repositories' 'Interface' 'planned' 'true' '' 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private に対する codeartifact:GetAuthorizationToken、arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private に対する codeartifact:GetRepositoryEndpoint, codeartifact:ReadFromRepository、sts:GetServiceBearerToken'
judge_endpoint 'sts' 'com.amazonaws.us-west-2.sts' 'Interface' 'planned' 'true' '' 'sts:GetCallerIdentity'
judge_endpoint 's3' 'com.amazonaws.us-west-2.s3' 'Gateway' 'planned' 'true' '' 'CodeArtifact ドメインのアセットバケット (S3) に対する s3:GetObject、arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private/* に対する s3:GetObject, s3:GetObjectVersion, s3:PutObject、arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private に対する s3:GetBucketAcl, s3:GetBucketLocation'

# What exists already, and whose it is.
reading 3 'CodeBuild のサービスロール'
if listed - ROLES 'codebuild-Private-service-role'; then
  seen 'codebuild-role' 'build.role' 'IAM ロール codebuild-Private-service-role は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): そのまま使うにはその ARN を build.role に指定するか (このロールは policies/codebuild-trust.json と同じく codebuild.amazonaws.com を信頼し、policies/codebuild-base.json と policies/codebuild-codeartifact.json が許可することを許可している必要があります)、名前の元になる build.project を変更してください' iam get-role \
      --role-name 'codebuild-Private-service-role' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
fi
reading 4 'CodePipeline のサービスロール'
if listed - ROLES 'AWSCodePipelineServiceRole-us-west-2-Private'; then
  seen 'pipeline-role' 'pipeline.role' 'IAM ロール AWSCodePipelineServiceRole-us-west-2-Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): そのまま使うにはその ARN を pipeline.role に指定するか (このロールは policies/codepipeline-trust.json と同じく codepipeline.amazonaws.com を信頼し、policies/codepipeline.json が許可することを許可している必要があります)、名前の元になる pipeline.name を変更してください' iam get-role \
      --role-name 'AWSCodePipelineServiceRole-us-west-2-Private' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
fi
reading 5 'パイプラインを開始する EventBridge のロール'
if listed - ROLES 'cwe-role-us-west-2-Private'; then
  seen 'events-role' 'pipeline.name' 'IAM ロール cwe-role-us-west-2-Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 名前の元になる pipeline.name を変更するか、pipeline.trigger を poll にしてください' iam get-role \
      --role-name 'cwe-role-us-west-2-Private' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
fi
reading 6 'ビルドのセキュリティグループ'
if listed BUILD_SG SECURITY_GROUPS 'vpcpipe-Private-build'; then
  seen 'build-security-group' 'network.security_group' 'セキュリティグループ vpcpipe-Private-build は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): そのまま使うにはグループの ID を network.security_group に指定する (ビルドとエンドポイントに使い、両者の間で 443 を許可) か、名前の元になる name を変更してください'
fi
reading 7 'インターフェイスエンドポイントのセキュリティグループ'
if listed ENDPOINT_SG SECURITY_GROUPS 'vpcpipe-Private-endpoints'; then
  seen 'endpoint-security-group' 'network.security_group' 'セキュリティグループ vpcpipe-Private-endpoints は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): そのまま使うにはグループの ID を network.security_group に指定する (ビルドとエンドポイントに使い、両者の間で 443 を許可) か、名前の元になる name を変更してください'
fi
reading 8 'CodeArtifact ドメイン private'
if found ASSETS_BUCKET_ARN 'ResourceNotFoundException' codeartifact describe-domain \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --query 'domain.s3BucketArn' \
      --output 'text'; then
  seen 'codeartifact-domain' 'codeartifact.domain' 'CodeArtifact ドメイン private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): そのまま使うには codeartifact.domain_owner にその所有アカウントを指定するか、別の codeartifact.domain を選んでください' codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
fi
reading 9 'public:npmjs に接続する CodeArtifact リポジトリ npm-store'
if listed - REPOSITORIES 'npm-store'; then
  seen 'codeartifact-upstream' 'codeartifact.upstream' 'CodeArtifact リポジトリ npm-store は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 別の codeartifact.upstream を選んでください' codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/npm-store' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
fi
reading 10 'CodeArtifact リポジトリ Private'
if listed - REPOSITORIES 'Private'; then
  seen 'codeartifact-repository' 'codeartifact.repository' 'CodeArtifact リポジトリ Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 別の codeartifact.repository を選んでください' codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
fi
reading 11 'パイプラインの S3 アーティファクトバケット'
if found - '404|NoSuchBucket' s3api head-bucket \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --expected-bucket-owner "$ACCOUNT"; then
  seen 'artifact-bucket' 'pipeline.artifact_bucket' 'S3 バケット codepipeline-us-west-2-'"$ACCOUNT"'-private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 別の pipeline.artifact_bucket を選んでください' s3api get-bucket-tagging \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --query 'TagSet[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
fi
reading 12 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.logs'
if listed EP_LOGS ENDPOINTS 'com.amazonaws.us-west-2.logs/Interface'; then
  seen 'endpoint-logs' - -
fi
reading 13 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api'
if listed EP_CODEARTIFACT_API ENDPOINTS 'com.amazonaws.us-west-2.codeartifact.api/Interface'; then
  seen 'endpoint-codeartifact-api' - -
fi
reading 14 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories'
if listed EP_CODEARTIFACT_REPOSITORIES ENDPOINTS 'com.amazonaws.us-west-2.codeartifact.repositories/Interface'; then
  seen 'endpoint-codeartifact-repositories' - -
fi
reading 15 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.sts'
if listed EP_STS ENDPOINTS 'com.amazonaws.us-west-2.sts/Interface'; then
  seen 'endpoint-sts' - -
fi
reading 16 'ゲートウェイ VPC エンドポイント com.amazonaws.us-west-2.s3'
if listed EP_S3 ENDPOINTS 'com.amazonaws.us-west-2.s3/Gateway'; then
  seen 'endpoint-s3' - -
fi
reading 17 'CodeCommit リポジトリ Private'
if found - 'RepositoryDoesNotExistException' codecommit get-repository \
      --repository-name 'Private' \
      --query 'repositoryMetadata.repositoryName' \
      --output 'text'; then
  seen 'source-repository' 'source.create' 'CodeCommit リポジトリ Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): そのまま使うには source.create を false にする (何もコミットしません) か、別の source.repository を選んでください' codecommit list-tags-for-resource \
      --resource-arn 'arn:aws:codecommit:us-west-2:'"$ACCOUNT"':Private' \
      --query 'tags.vpcpipe' \
      --output 'text'
fi
reading 18 'サンプルアプリを Private のブランチ main にコミットする'
if listed COMMIT SAMPLE_FILES '.'; then
  SEEN['sample-app']=found
fi
reading 19 'CloudWatch ロググループ /aws/codebuild/Private'
if found - '' logs describe-log-groups \
      --log-group-name-prefix '/aws/codebuild/Private' \
      --no-paginate \
      --query 'logGroups[?logGroupName=='\''/aws/codebuild/Private'\''] | [0].logGroupName' \
      --output 'text'; then
  seen 'log-group' 'build.project' 'CloudWatch ロググループ /aws/codebuild/Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 名前の元になる build.project を変更するか、build.logs を none にしてください' logs list-tags-for-resource \
      --resource-arn 'arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private' \
      --query 'tags.vpcpipe' \
      --output 'text'
fi
reading 20 'VPC 内の CodeBuild プロジェクト Private'
if found - '' codebuild batch-get-projects \
      --names 'Private' \
      --query 'projects[0].[name, tags[?key=='\''vpcpipe'\''].value | [0]]' \
      --output 'text'; then
  seen 'build-project' 'build.project' 'CodeBuild プロジェクト Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 別の build.project を選んでください'
fi
reading 22 'CodePipeline Private (V2): ソース、続いてビルド'
if found - 'PipelineNotFoundException' codepipeline get-pipeline \
      --name 'Private' \
      --query 'pipeline.name' \
      --output 'text'; then
  seen 'pipeline' 'pipeline.name' 'CodePipeline パイプライン Private は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 別の pipeline.name を選んでください' codepipeline list-tags-for-resource \
      --resource-arn 'arn:aws:codepipeline:us-west-2:'"$ACCOUNT"':Private' \
      --no-paginate \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
fi
reading 23 'main の EventBridge ルール codepipeline-Private-source'
if found - 'ResourceNotFoundException' events describe-rule \
      --name 'codepipeline-Private-source' \
      --query 'Name' \
      --output 'text'; then
  seen 'trigger' 'pipeline.name' 'EventBridge ルール codepipeline-Private-source は存在しますが、vpcpipe が作成したものではありません (タグ vpcpipe='"$PLAN_TAG"' がありません): 名前の元になる pipeline.name を変更するか、pipeline.trigger を poll にしてください' events list-tags-for-resource \
      --resource-arn 'arn:aws:events:us-west-2:'"$ACCOUNT"':rule/codepipeline-Private-source' \
      --query 'Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
fi
refuse_if_problems

echo '次の順に作成します (見つかったものは作成し直さずに使います):'
mark 'codebuild-role' 'IAM ロール codebuild-Private-service-role'
mark 'codebuild-role' 'IAM インラインポリシー CodeBuildBasePolicy-Private-us-west-2'
mark 'codebuild-role' 'IAM インラインポリシー CodeArtifactAccess-Private-us-west-2'
mark 'pipeline-role' 'IAM ロール AWSCodePipelineServiceRole-us-west-2-Private'
mark 'pipeline-role' 'IAM インラインポリシー AWSCodePipelineServicePolicy-us-west-2-Private'
mark 'events-role' 'IAM ロール cwe-role-us-west-2-Private'
mark 'events-role' 'IAM インラインポリシー start-pipeline-execution-us-west-2-Private'
mark 'build-security-group' 'セキュリティグループ vpcpipe-Private-build'
mark 'endpoint-security-group' 'セキュリティグループ vpcpipe-Private-endpoints'
mark 'codeartifact-domain' 'CodeArtifact ドメイン private'
mark 'codeartifact-upstream' 'CodeArtifact リポジトリ npm-store'
mark 'codeartifact-repository' 'CodeArtifact リポジトリ Private'
mark 'artifact-bucket' 'S3 バケット codepipeline-us-west-2-'"$ACCOUNT"'-private'
mark 'endpoint-logs' 'VPC エンドポイント com.amazonaws.us-west-2.logs'
mark 'endpoint-codeartifact-api' 'VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api'
mark 'endpoint-codeartifact-repositories' 'VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories'
mark 'endpoint-sts' 'VPC エンドポイント com.amazonaws.us-west-2.sts'
mark 'endpoint-s3' 'VPC エンドポイント com.amazonaws.us-west-2.s3'
mark 'source-repository' 'CodeCommit リポジトリ Private'
mark 'sample-app' 'CodeCommit ブランチ main'
mark 'log-group' 'CloudWatch ロググループ /aws/codebuild/Private'
mark 'build-project' 'CodeBuild プロジェクト Private'
mark 'pipeline' 'CodePipeline パイプライン Private'
mark 'trigger' 'EventBridge ルール codepipeline-Private-source'
echo '常にかかる費用: 月 $58.40 (インターフェイスエンドポイント 4 個 x 2 ゾーン x 730 時間 x $0.01、2026-11-30 時点の価格表)。S3 のゲートウェイエンドポイントは無料です。'
echo '利用に応じた費用、節約の方法、各価格の出典: checklist.md の「費用」の節。'
if [ "$DRY_RUN" = 1 ]; then
  echo 'ドライラン: コマンドを表示するだけで、何も呼び出しません。'
elif [ "$YES" != 1 ]; then
  read -r -p 'これらのリソースを作成しますか? [y/N] ' answer || answer=''
  case "$answer" in
    [yY] | [yY][eE][sS]) ;;
    *) echo '何も作成しませんでした。'; exit 0 ;;
  esac
fi

step 2 'vpc-0123456789abcdef0 の DNS サポートと DNS ホスト名を有効にする'
call ec2 modify-vpc-attribute --vpc-id 'vpc-0123456789abcdef0' --enable-dns-support '{"Value":true}'
call ec2 modify-vpc-attribute --vpc-id 'vpc-0123456789abcdef0' --enable-dns-hostnames '{"Value":true}'

step 3 'CodeBuild のサービスロール'
if ! existing 'codebuild-role'; then
  call iam create-role \
      --role-name 'codebuild-Private-service-role' \
      --path '/service-role/' \
      --description 'CodeBuild service role for Private, created by vpcpipe' \
      --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"'"$ACCOUNT"'"}}}]}' \
      --tags '[{"Key":"vpcpipe","Value":"Private"}]'
fi
call iam put-role-policy \
    --role-name 'codebuild-Private-service-role' \
    --policy-name 'CodeBuildBasePolicy-Private-us-west-2' \
    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":["arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private","arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private:*"]},{"Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion","s3:PutObject"],"Resource":"arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private/*"},{"Effect":"Allow","Action":["s3:GetBucketAcl","s3:GetBucketLocation"],"Resource":"arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private"},{"Effect":"Allow","Action":["ec2:CreateNetworkInterface","ec2:DescribeDhcpOptions","ec2:DescribeNetworkInterfaces","ec2:DeleteNetworkInterface","ec2:DescribeSubnets","ec2:DescribeSecurityGroups","ec2:DescribeVpcs"],"Resource":"*"},{"Effect":"Allow","Action":"ec2:CreateNetworkInterfacePermission","Resource":"arn:aws:ec2:us-west-2:'"$ACCOUNT"':network-interface/*","Condition":{"StringEquals":{"ec2:AuthorizedService":"codebuild.amazonaws.com","ec2:Subnet":["arn:aws:ec2:us-west-2:'"$ACCOUNT"':subnet/subnet-0123456789abcdef0","arn:aws:ec2:us-west-2:'"$ACCOUNT"':subnet/subnet-0fedcba9876543210"]}}}]}'
call iam put-role-policy \
    --role-name 'codebuild-Private-service-role' \
    --policy-name 'CodeArtifactAccess-Private-us-west-2' \
    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:GetAuthorizationToken","Resource":"arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private"},{"Effect":"Allow","Action":["codeartifact:GetRepositoryEndpoint","codeartifact:ReadFromRepository"],"Resource":"arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private"},{"Effect":"Allow","Action":"sts:GetServiceBearerToken","Resource":"*","Condition":{"StringEquals":{"sts:AWSServiceName":"codeartifact.amazonaws.com"}}}]}'

step 4 'CodePipeline のサービスロール'
if ! existing 'pipeline-role'; then
  call iam create-role \
      --role-name 'AWSCodePipelineServiceRole-us-west-2-Private' \
      --path '/service-role/' \
      --description 'CodePipeline service role for Private, created by vpcpipe' \
      --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"'"$ACCOUNT"'"}}}]}' \
      --tags '[{"Key":"vpcpipe","Value":"Private"}]'
fi
call iam put-role-policy \
    --role-name 'AWSCodePipelineServiceRole-us-west-2-Private' \
    --policy-name 'AWSCodePipelineServicePolicy-us-west-2-Private' \
    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["codecommit:CancelUploadArchive","codecommit:GetBranch","codecommit:GetCommit","codecommit:GetRepository","codecommit:GetUploadArchiveStatus","codecommit:UploadArchive"],"Resource":"arn:aws:codecommit:us-west-2:'"$ACCOUNT"':Private"},{"Effect":"Allow","Action":["codebuild:BatchGetBuilds","codebuild:StartBuild"],"Resource":"arn:aws:codebuild:us-west-2:'"$ACCOUNT"':project/Private"},{"Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion","s3:PutObject","s3:PutObjectAcl"],"Resource":"arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private/*"},{"Effect":"Allow","Action":["s3:GetBucketVersioning","s3:GetBucketAcl","s3:GetBucketLocation"],"Resource":"arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private"}]}'

step 5 'パイプラインを開始する EventBridge のロール'
if ! existing 'events-role'; then
  call iam create-role \
      --role-name 'cwe-role-us-west-2-Private' \
      --path '/service-role/' \
      --description 'EventBridge role that starts the pipeline for Private, created by vpcpipe' \
      --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"'"$ACCOUNT"'"}}}]}' \
      --tags '[{"Key":"vpcpipe","Value":"Private"}]'
fi
call iam put-role-policy \
    --role-name 'cwe-role-us-west-2-Private' \
    --policy-name 'start-pipeline-execution-us-west-2-Private' \
    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codepipeline:StartPipelineExecution","Resource":"arn:aws:codepipeline:us-west-2:'"$ACCOUNT"':Private"}]}'

step 6 'ビルドのセキュリティグループ'
if ! existing 'build-security-group'; then
  capture BUILD_SG ec2 create-security-group \
      --group-name 'vpcpipe-Private-build' \
      --description 'Security group of the build (Private), created by vpcpipe' \
      --vpc-id 'vpc-0123456789abcdef0' \
      --tag-specifications '[{"ResourceType":"security-group","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'GroupId' \
      --output 'text'
fi
call --tolerate 'InvalidPermission.NotFound' ec2 revoke-security-group-egress \
    --group-id "$BUILD_SG" \
    --ip-permissions '[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'
call --tolerate 'InvalidPermission.Duplicate' ec2 authorize-security-group-egress \
    --group-id "$BUILD_SG" \
    --ip-permissions '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'

step 7 'インターフェイスエンドポイントのセキュリティグループ'
if ! existing 'endpoint-security-group'; then
  capture ENDPOINT_SG ec2 create-security-group \
      --group-name 'vpcpipe-Private-endpoints' \
      --description 'Security group of the interface endpoints (Private), created by vpcpipe' \
      --vpc-id 'vpc-0123456789abcdef0' \
      --tag-specifications '[{"ResourceType":"security-group","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'GroupId' \
      --output 'text'
fi
call --tolerate 'InvalidPermission.Duplicate' ec2 authorize-security-group-ingress \
    --group-id "$ENDPOINT_SG" \
    --ip-permissions '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"UserIdGroupPairs":[{"GroupId":"'"$BUILD_SG"'"}]}]'

step 8 'CodeArtifact ドメイン private'
if ! existing 'codeartifact-domain'; then
  capture ASSETS_BUCKET_ARN codeartifact create-domain \
      --domain 'private' \
      --tags '[{"key":"vpcpipe","value":"Private"}]' \
      --query 'domain.s3BucketArn' \
      --output 'text'
fi

step 9 'public:npmjs に接続する CodeArtifact リポジトリ npm-store'
if existing 'codeartifact-upstream'; then
  capture CONNECTIONS codeartifact describe-repository \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --repository 'npm-store' \
      --query 'repository.externalConnections[].[externalConnectionName]' \
      --output 'text'
  if ! listed - CONNECTIONS 'public:npmjs'; then
    call codeartifact associate-external-connection \
        --domain 'private' \
        --domain-owner "$ACCOUNT" \
        --repository 'npm-store' \
        --external-connection 'public:npmjs'
  fi
else
  call codeartifact create-repository \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --repository 'npm-store' \
      --description 'CodeArtifact repository npm-store with public:npmjs, created by vpcpipe' \
      --tags '[{"key":"vpcpipe","value":"Private"}]'
  call codeartifact associate-external-connection \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --repository 'npm-store' \
      --external-connection 'public:npmjs'
fi

step 10 'CodeArtifact リポジトリ Private'
if ! existing 'codeartifact-repository'; then
  call codeartifact create-repository \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --repository 'Private' \
      --description 'CodeArtifact repository Private, created by vpcpipe' \
      --tags '[{"key":"vpcpipe","value":"Private"}]' \
      --upstreams '[{"repositoryName":"npm-store"}]'
fi

step 11 'パイプラインの S3 アーティファクトバケット'
if ! existing 'artifact-bucket'; then
  call s3api create-bucket \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --create-bucket-configuration '{"LocationConstraint":"us-west-2","Tags":[{"Key":"vpcpipe","Value":"Private"}]}'
fi
call s3api put-bucket-versioning \
    --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
    --versioning-configuration '{"Status":"Enabled"}'
call s3api put-public-access-block \
    --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
    --public-access-block-configuration '{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}'
call s3api put-bucket-policy \
    --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
    --policy '{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private","arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'

step 12 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.logs'
if ! existing 'endpoint-logs'; then
  capture EP_LOGS ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.logs' \
      --subnet-ids "$ENDPOINT_SUBNETS" \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Sid":"AllowRequestsByAccountIdentitiesToAccountResources","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'","aws:ResourceAccount":"'"$ACCOUNT"'"}}},{"Sid":"AllowRequestsByAWSServicePrincipals","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 13 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.api'
if ! existing 'endpoint-codeartifact-api'; then
  capture EP_CODEARTIFACT_API ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.codeartifact.api' \
      --subnet-ids "$ENDPOINT_SUBNETS" \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Sid":"AllowRequestsByAccountIdentitiesToAccountResources","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'","aws:ResourceAccount":"'"$ACCOUNT"'"}}},{"Sid":"AllowRequestsByAWSServicePrincipals","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}},{"Sid":"AllowServiceBearerTokensForAccountIdentities","Effect":"Allow","Principal":"*","Action":"sts:GetServiceBearerToken","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'"}}}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 14 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.codeartifact.repositories'
if ! existing 'endpoint-codeartifact-repositories'; then
  capture EP_CODEARTIFACT_REPOSITORIES ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.codeartifact.repositories' \
      --subnet-ids "$ENDPOINT_SUBNETS" \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Sid":"AllowRequestsByAccountIdentitiesToAccountResources","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'","aws:ResourceAccount":"'"$ACCOUNT"'"}}},{"Sid":"AllowRequestsByAWSServicePrincipals","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}},{"Sid":"AllowServiceBearerTokensForAccountIdentities","Effect":"Allow","Principal":"*","Action":"sts:GetServiceBearerToken","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'"}}}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 15 'インターフェイス VPC エンドポイント com.amazonaws.us-west-2.sts'
if ! existing 'endpoint-sts'; then
  capture EP_STS ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.sts' \
      --subnet-ids "$ENDPOINT_SUBNETS" \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Sid":"AllowRequestsByAccountIdentitiesToAccountResources","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'","aws:ResourceAccount":"'"$ACCOUNT"'"}}},{"Sid":"AllowRequestsByAWSServicePrincipals","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}},{"Sid":"AllowFederatedPrincipalsToAccountRoles","Effect":"Allow","Principal":{"Federated":"*"},"Action":["sts:AssumeRoleWithWebIdentity","sts:AssumeRoleWithSAML"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"'"$ACCOUNT"'"}}},{"Sid":"AllowRequestsWithoutResourceByAccountIdentities","Effect":"Allow","Principal":"*","Action":["sts:GetCallerIdentity","sts:GetSessionToken"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'"}}}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 16 'ゲートウェイ VPC エンドポイント com.amazonaws.us-west-2.s3'
if ! existing 'endpoint-s3'; then
  capture EP_S3 ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Gateway' \
      --service-name 'com.amazonaws.us-west-2.s3' \
      --route-table-ids 'rtb-0123456789abcdef0' \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Sid":"AllowRequestsByAccountIdentitiesToAccountResources","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"'"$ACCOUNT"'","aws:ResourceAccount":"'"$ACCOUNT"'"}}},{"Sid":"AllowRequestsByAWSServicePrincipals","Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}},{"Sid":"AllowRequestsToAWSOwnedResources","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":["'"$ASSETS_BUCKET_ARN"'/*","arn:aws:s3:::al2023-repos-us-west-2-de612dc2/*"]}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 17 'CodeCommit リポジトリ Private'
if ! existing 'source-repository'; then
  call codecommit create-repository \
      --repository-name 'Private' \
      --repository-description 'Source of the Private pipeline, created by vpcpipe' \
      --tags '{"vpcpipe":"Private"}'
fi

step 18 'サンプルアプリを Private のブランチ main にコミットする'
if existing 'sample-app'; then
  if ! listed - SAMPLE_FILES 'buildspec.yml'; then
    capture COMMIT codecommit put-file \
        --repository-name 'Private' \
        --branch-name 'main' \
        --file-path 'buildspec.yml' \
        --file-content 'fileb://'"$HERE"'/repo/buildspec.yml' \
        --commit-message 'Add buildspec.yml (vpcpipe sample app)' \
        --parent-commit-id "$COMMIT" \
        --query 'commitId' \
        --output 'text'
  fi
  if ! listed - SAMPLE_FILES 'package.json'; then
    capture COMMIT codecommit put-file \
        --repository-name 'Private' \
        --branch-name 'main' \
        --file-path 'package.json' \
        --file-content 'fileb://'"$HERE"'/repo/package.json' \
        --commit-message 'Add package.json (vpcpipe sample app)' \
        --parent-commit-id "$COMMIT" \
        --query 'commitId' \
        --output 'text'
  fi
  if ! listed - SAMPLE_FILES 'index.js'; then
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

step 19 'CloudWatch ロググループ /aws/codebuild/Private'
if ! existing 'log-group'; then
  call logs create-log-group --log-group-name '/aws/codebuild/Private' --tags '{"vpcpipe":"Private"}'
fi

step 20 'VPC 内の CodeBuild プロジェクト Private'
if ! existing 'build-project'; then
  call --retry codebuild create-project \
      --name 'Private' \
      --description 'Builds Private in vpc-0123456789abcdef0, created by vpcpipe' \
      --source '{"type":"CODEPIPELINE","buildspec":"buildspec.yml"}' \
      --artifacts '{"type":"CODEPIPELINE"}' \
      --environment '{"type":"LINUX_CONTAINER","image":"aws/codebuild/amazonlinux-x86_64-standard:5.0","computeType":"BUILD_GENERAL1_SMALL","privilegedMode":false,"environmentVariables":[{"name":"AWS_STS_REGIONAL_ENDPOINTS","value":"regional","type":"PLAINTEXT"}]}' \
      --service-role 'arn:aws:iam::'"$ACCOUNT"':role/service-role/codebuild-Private-service-role' \
      --vpc-config '{"vpcId":"vpc-0123456789abcdef0","subnets":["subnet-0123456789abcdef0","subnet-0fedcba9876543210"],"securityGroupIds":["'"$BUILD_SG"'"]}' \
      --logs-config '{"cloudWatchLogs":{"status":"ENABLED","groupName":"/aws/codebuild/Private"}}' \
      --timeout-in-minutes '60' \
      --tags '[{"key":"vpcpipe","value":"Private"}]'
fi

step 21 'インターフェイスエンドポイントが利用可能になるまで待つ'
await_available ec2 describe-vpc-endpoints \
    --vpc-endpoint-ids "$EP_LOGS" "$EP_CODEARTIFACT_API" "$EP_CODEARTIFACT_REPOSITORIES" "$EP_STS" \
    --query 'VpcEndpoints[].State' \
    --output 'text'

step 22 'CodePipeline Private (V2): ソース、続いてビルド'
if ! existing 'pipeline'; then
  call --retry codepipeline create-pipeline \
      --pipeline '{"name":"Private","roleArn":"arn:aws:iam::'"$ACCOUNT"':role/service-role/AWSCodePipelineServiceRole-us-west-2-Private","artifactStore":{"type":"S3","location":"codepipeline-us-west-2-'"$ACCOUNT"'-private"},"stages":[{"name":"Source","actions":[{"name":"Source","actionTypeId":{"category":"Source","owner":"AWS","provider":"CodeCommit","version":"1"},"runOrder":1,"configuration":{"RepositoryName":"Private","BranchName":"main","PollForSourceChanges":"false","OutputArtifactFormat":"CODE_ZIP"},"outputArtifacts":[{"name":"SourceArtifact"}]}]},{"name":"Build","actions":[{"name":"Build","actionTypeId":{"category":"Build","owner":"AWS","provider":"CodeBuild","version":"1"},"runOrder":1,"configuration":{"ProjectName":"Private"},"inputArtifacts":[{"name":"SourceArtifact"}],"outputArtifacts":[{"name":"BuildArtifact"}]}]}],"version":1,"pipelineType":"V2"}' \
      --tags '[{"key":"vpcpipe","value":"Private"}]'
fi

step 23 'main の EventBridge ルール codepipeline-Private-source'
if ! existing 'trigger'; then
  call events put-rule \
      --name 'codepipeline-Private-source' \
      --event-pattern '{"source":["aws.codecommit"],"detail-type":["CodeCommit Repository State Change"],"resources":["arn:aws:codecommit:us-west-2:'"$ACCOUNT"':Private"],"detail":{"event":["referenceCreated","referenceUpdated"],"referenceType":["branch"],"referenceName":["main"]}}' \
      --description 'Starts Private on a push to main' \
      --tags '[{"Key":"vpcpipe","Value":"Private"}]'
fi
call --retry events put-targets \
    --rule 'codepipeline-Private-source' \
    --targets '[{"Id":"codepipeline","Arn":"arn:aws:codepipeline:us-west-2:'"$ACCOUNT"':Private","RoleArn":"arn:aws:iam::'"$ACCOUNT"':role/service-role/cwe-role-us-west-2-Private"}]'

completed
echo
echo 'セットアップが完了しました。verify.sh を実行すると、変更をリリースしてビルドのログを確認します (手での方法は checklist.md にあります)。'
