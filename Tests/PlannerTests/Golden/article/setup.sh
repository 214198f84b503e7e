#!/usr/bin/env bash
# setup.sh (vpcpipe): creates the private CI/CD pipeline Private in us-west-2.
# Read it before running it. Needs bash and the AWS CLI (v1 >= 1.42 or v2), nothing else.
# Values stand in single quotes, where $ and backticks (a branch may hold them) stay literal.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: setup.sh [--yes] [--dry-run] [--help]
  --yes      do not ask "Create these resources? [y/N]"
  --dry-run  print every AWS CLI command and call nothing (runtime values appear as <placeholders>)
  --help     show this help
Environment: VPCPIPE_RETRY_SECONDS (IAM propagation retries, default 120),
  VPCPIPE_POLL_SECONDS (poll interval, default 15), VPCPIPE_WAIT_SECONDS (wait limit, default 900).
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
}

STEP=0
STEP_TITLE=''
OUT=''
ERRORS="$(mktemp)"
finish() {
  local status=$?
  rm -f "$ERRORS"
  if [ "$status" -ne 0 ] && [ "$STEP" -gt 0 ]; then
    echo "setup failed at step $STEP: $STEP_TITLE" >&2
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
  printf "'%s'" "${1//\'/\'\\\'\'}"
}

# Prints a command as it would run: values quoted, names and --options as they are.
show() {
  local line='aws' index=0 word
  for word in "$@" "${AWS_ARGS[@]}"; do
    if [ "$index" -lt 2 ] || [[ $word =~ ^--[a-z0-9-]+$ ]]; then line+=" $word"; else line+=" $(quote "$word")"; fi
    index=$((index + 1))
  done
  printf '  %s\n' "$line"
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
  [ -n "$1" ] && grep -qE "\(($1)\) when calling" "$ERRORS"
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
  local tag=${FOUND##*$'\t'}
  if [ $# -gt 0 ]; then tag=$(aws "$@" "${AWS_ARGS[@]}" 2>/dev/null) || tag=''; fi
  if [ "$tag" = "$PLAN_TAG" ]; then
    echo '  exists: nothing to create'
  else
    echo '  exists, not created by vpcpipe: used as it is; teardown keeps it'
  fi
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

TOTAL=23
capture ACCOUNT sts get-caller-identity --query 'Account' --output 'text'
echo "Account: $ACCOUNT"
echo "Region:  $REGION"
echo 'It creates, in this order (a step that finds its resource creates nothing):'
echo '  [to be created] IAM role codebuild-Private-service-role'
echo '  [to be created] IAM inline policy CodeBuildBasePolicy-Private-us-west-2'
echo '  [to be created] IAM inline policy CodeArtifactAccess-Private-us-west-2'
echo '  [to be created] IAM role AWSCodePipelineServiceRole-us-west-2-Private'
echo '  [to be created] IAM inline policy AWSCodePipelineServicePolicy-us-west-2-Private'
echo '  [to be created] IAM role cwe-role-us-west-2-Private'
echo '  [to be created] IAM inline policy start-pipeline-execution-us-west-2-Private'
echo '  [to be created] security group vpcpipe-Private-build'
echo '  [to be created] security group vpcpipe-Private-endpoints'
echo '  [to be created] CodeArtifact domain private'
echo '  [to be created] CodeArtifact repository npm-store'
echo '  [to be created] CodeArtifact repository Private'
echo '  [to be created] S3 bucket codepipeline-us-west-2-'"$ACCOUNT"'-private'
echo '  [to be created] VPC endpoint com.amazonaws.us-west-2.logs'
echo '  [to be created] VPC endpoint com.amazonaws.us-west-2.codeartifact.api'
echo '  [to be created] VPC endpoint com.amazonaws.us-west-2.codeartifact.repositories'
echo '  [to be created] VPC endpoint com.amazonaws.us-west-2.sts'
echo '  [to be created] VPC endpoint com.amazonaws.us-west-2.s3'
echo '  [to be created] CodeCommit repository Private'
echo '  [to be created] CodeCommit branch main'
echo '  [to be created] CloudWatch log group /aws/codebuild/Private'
echo '  [to be created] CodeBuild project Private'
echo '  [to be created] CodePipeline pipeline Private'
echo '  [to be created] EventBridge rule codepipeline-Private-source'
if [ "$DRY_RUN" = 1 ]; then
  echo 'Dry run: the commands are printed, nothing is called.'
elif [ "$YES" != 1 ]; then
  read -r -p 'Create these resources? [y/N] ' answer || answer=''
  case "$answer" in
    [yY] | [yY][eE][sS]) ;;
    *) echo 'Nothing was created.'; exit 0 ;;
  esac
fi

step 1 'Check the VPC, its subnets and CodeArtifact endpoints in us-west-2; find what exists'
expect '2' 'some subnets of network.subnets are not in vpc-0123456789abcdef0, or that VPC does not exist' ec2 describe-subnets \
    --subnet-ids 'subnet-0123456789abcdef0' 'subnet-0fedcba9876543210' \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]}]' \
    --query 'length(Subnets)' \
    --output 'text'
call ec2 describe-vpc-endpoint-services \
    --service-names 'com.amazonaws.us-west-2.codeartifact.api' 'com.amazonaws.us-west-2.codeartifact.repositories' \
    --query 'ServiceNames' \
    --output 'text'
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
lookup ENDPOINTS '' ec2 describe-vpc-endpoints \
    --filters '[{"Name":"vpc-id","Values":["vpc-0123456789abcdef0"]},{"Name":"service-name","Values":["com.amazonaws.us-west-2.logs","com.amazonaws.us-west-2.codeartifact.api","com.amazonaws.us-west-2.codeartifact.repositories","com.amazonaws.us-west-2.sts","com.amazonaws.us-west-2.s3"]}]' \
    --query 'VpcEndpoints[?!contains(['\''deleted'\'','\''deleting'\'','\''Deleted'\'','\''Deleting'\'','\''failed'\'','\''Failed'\''], State)].[ServiceName,VpcEndpointId,Tags[?Key=='\''vpcpipe'\''].Value | [0]]' \
    --output 'text'
lookup SAMPLE_FILES 'RepositoryDoesNotExistException|CommitDoesNotExistException' codecommit get-folder \
    --repository-name 'Private' \
    --commit-specifier 'main' \
    --folder-path '/' \
    --query '[[['\''.'\'', commitId]], files[].[absolutePath], subFolders[].[absolutePath]][]' \
    --output 'text'

step 2 'Turn on DNS support and DNS host names in vpc-0123456789abcdef0'
call ec2 modify-vpc-attribute --vpc-id 'vpc-0123456789abcdef0' --enable-dns-support '{"Value":true}'
call ec2 modify-vpc-attribute --vpc-id 'vpc-0123456789abcdef0' --enable-dns-hostnames '{"Value":true}'

step 3 'CodeBuild service role'
if listed - ROLES 'codebuild-Private-service-role'; then
  exists iam get-role \
      --role-name 'codebuild-Private-service-role' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
else
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

step 4 'CodePipeline service role'
if listed - ROLES 'AWSCodePipelineServiceRole-us-west-2-Private'; then
  exists iam get-role \
      --role-name 'AWSCodePipelineServiceRole-us-west-2-Private' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
else
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

step 5 'EventBridge role that starts the pipeline'
if listed - ROLES 'cwe-role-us-west-2-Private'; then
  exists iam get-role \
      --role-name 'cwe-role-us-west-2-Private' \
      --query 'Role.Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
else
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

step 6 'Security group of the build'
if listed BUILD_SG SECURITY_GROUPS 'vpcpipe-Private-build'; then
  exists
else
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

step 7 'Security group of the interface endpoints'
if listed ENDPOINT_SG SECURITY_GROUPS 'vpcpipe-Private-endpoints'; then
  exists
else
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

step 8 'CodeArtifact domain private'
if found ASSETS_BUCKET_ARN 'ResourceNotFoundException' codeartifact describe-domain \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --query 'domain.s3BucketArn' \
      --output 'text'; then
  exists codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
else
  capture ASSETS_BUCKET_ARN codeartifact create-domain \
      --domain 'private' \
      --tags '[{"key":"vpcpipe","value":"Private"}]' \
      --query 'domain.s3BucketArn' \
      --output 'text'
fi

step 9 'CodeArtifact repository npm-store with public:npmjs'
if listed - REPOSITORIES 'npm-store'; then
  exists codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/npm-store' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
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

step 10 'CodeArtifact repository Private'
if listed - REPOSITORIES 'Private'; then
  exists codeartifact list-tags-for-resource \
      --resource-arn 'arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
else
  call codeartifact create-repository \
      --domain 'private' \
      --domain-owner "$ACCOUNT" \
      --repository 'Private' \
      --description 'CodeArtifact repository Private, created by vpcpipe' \
      --tags '[{"key":"vpcpipe","value":"Private"}]' \
      --upstreams '[{"repositoryName":"npm-store"}]'
fi

step 11 'S3 artifact bucket of the pipeline'
if found - '404|NoSuchBucket' s3api head-bucket \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --expected-bucket-owner "$ACCOUNT"; then
  exists s3api get-bucket-tagging \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --query 'TagSet[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
else
  call s3api create-bucket \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --create-bucket-configuration '{"LocationConstraint":"us-west-2"}'
  call s3api put-bucket-tagging \
      --bucket 'codepipeline-us-west-2-'"$ACCOUNT"'-private' \
      --tagging '{"TagSet":[{"Key":"vpcpipe","Value":"Private"}]}'
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

step 12 'Interface VPC endpoint com.amazonaws.us-west-2.logs'
if listed EP_LOGS ENDPOINTS 'com.amazonaws.us-west-2.logs'; then
  exists
else
  capture EP_LOGS ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.logs' \
      --subnet-ids 'subnet-0123456789abcdef0' 'subnet-0fedcba9876543210' \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private:*"}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 13 'Interface VPC endpoint com.amazonaws.us-west-2.codeartifact.api'
if listed EP_CODEARTIFACT_API ENDPOINTS 'com.amazonaws.us-west-2.codeartifact.api'; then
  exists
else
  capture EP_CODEARTIFACT_API ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.codeartifact.api' \
      --subnet-ids 'subnet-0123456789abcdef0' 'subnet-0fedcba9876543210' \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'"$ACCOUNT"':role/service-role/codebuild-Private-service-role"},"Action":"codeartifact:GetAuthorizationToken","Resource":"arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'"$ACCOUNT"':role/service-role/codebuild-Private-service-role"},"Action":["codeartifact:GetRepositoryEndpoint","codeartifact:ReadFromRepository"],"Resource":"arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private"}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 14 'Interface VPC endpoint com.amazonaws.us-west-2.codeartifact.repositories'
if listed EP_CODEARTIFACT_REPOSITORIES ENDPOINTS 'com.amazonaws.us-west-2.codeartifact.repositories'; then
  exists
else
  capture EP_CODEARTIFACT_REPOSITORIES ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.codeartifact.repositories' \
      --subnet-ids 'subnet-0123456789abcdef0' 'subnet-0fedcba9876543210' \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'"$ACCOUNT"':role/service-role/codebuild-Private-service-role"},"Action":"codeartifact:GetAuthorizationToken","Resource":"arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':domain/private"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::'"$ACCOUNT"':role/service-role/codebuild-Private-service-role"},"Action":["codeartifact:GetRepositoryEndpoint","codeartifact:ReadFromRepository"],"Resource":"arn:aws:codeartifact:us-west-2:'"$ACCOUNT"':repository/private/Private"}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 15 'Interface VPC endpoint com.amazonaws.us-west-2.sts'
if listed EP_STS ENDPOINTS 'com.amazonaws.us-west-2.sts'; then
  exists
else
  capture EP_STS ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Interface' \
      --service-name 'com.amazonaws.us-west-2.sts' \
      --subnet-ids 'subnet-0123456789abcdef0' 'subnet-0fedcba9876543210' \
      --security-group-ids "$ENDPOINT_SG" \
      --private-dns-enabled \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:GetCallerIdentity","Resource":"*"}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 16 'Gateway VPC endpoint com.amazonaws.us-west-2.s3'
if listed EP_S3 ENDPOINTS 'com.amazonaws.us-west-2.s3'; then
  exists
else
  capture EP_S3 ec2 create-vpc-endpoint \
      --vpc-id 'vpc-0123456789abcdef0' \
      --vpc-endpoint-type 'Gateway' \
      --service-name 'com.amazonaws.us-west-2.s3' \
      --route-table-ids 'rtb-0123456789abcdef0' \
      --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"'"$ASSETS_BUCKET_ARN"'/*"},{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:GetObjectVersion","s3:PutObject"],"Resource":"arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private/*"},{"Effect":"Allow","Principal":"*","Action":["s3:GetBucketAcl","s3:GetBucketLocation"],"Resource":"arn:aws:s3:::codepipeline-us-west-2-'"$ACCOUNT"'-private"}]}' \
      --tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"vpcpipe","Value":"Private"}]}]' \
      --query 'VpcEndpoint.VpcEndpointId' \
      --output 'text'
fi

step 17 'CodeCommit repository Private'
if found - 'RepositoryDoesNotExistException' codecommit get-repository \
      --repository-name 'Private' \
      --query 'repositoryMetadata.repositoryName' \
      --output 'text'; then
  exists codecommit list-tags-for-resource \
      --resource-arn 'arn:aws:codecommit:us-west-2:'"$ACCOUNT"':Private' \
      --query 'tags.vpcpipe' \
      --output 'text'
else
  call codecommit create-repository \
      --repository-name 'Private' \
      --repository-description 'Source of the Private pipeline, created by vpcpipe' \
      --tags '{"vpcpipe":"Private"}'
fi

step 18 'Commit the sample app to Private on main'
if listed COMMIT SAMPLE_FILES '.'; then
  echo '  exists: nothing to create'
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

step 19 'CloudWatch log group /aws/codebuild/Private'
if found - '' logs describe-log-groups \
      --log-group-name-prefix '/aws/codebuild/Private' \
      --query 'logGroups[?logGroupName=='\''/aws/codebuild/Private'\''] | [0].logGroupName' \
      --output 'text'; then
  exists logs list-tags-for-resource \
      --resource-arn 'arn:aws:logs:us-west-2:'"$ACCOUNT"':log-group:/aws/codebuild/Private' \
      --query 'tags.vpcpipe' \
      --output 'text'
else
  call logs create-log-group --log-group-name '/aws/codebuild/Private' --tags '{"vpcpipe":"Private"}'
fi

step 20 'CodeBuild project Private in the VPC'
if found - '' codebuild batch-get-projects \
      --names 'Private' \
      --query 'projects[0].[name, tags[?key=='\''vpcpipe'\''].value | [0]]' \
      --output 'text'; then
  exists
else
  call --retry codebuild create-project \
      --name 'Private' \
      --description 'Builds Private in vpc-0123456789abcdef0, created by vpcpipe' \
      --source '{"type":"CODEPIPELINE","buildspec":"buildspec.yml"}' \
      --artifacts '{"type":"CODEPIPELINE"}' \
      --environment '{"type":"LINUX_CONTAINER","image":"aws/codebuild/amazonlinux-x86_64-standard:5.0","computeType":"BUILD_GENERAL1_SMALL","privilegedMode":false,"environmentVariables":[{"name":"AWS_STS_REGIONAL_ENDPOINTS","value":"regional","type":"PLAINTEXT"}]}' \
      --service-role 'arn:aws:iam::'"$ACCOUNT"':role/service-role/codebuild-Private-service-role' \
      --vpc-config '{"vpcId":"vpc-0123456789abcdef0","subnets":["subnet-0123456789abcdef0","subnet-0fedcba9876543210"],"securityGroupIds":["'"$BUILD_SG"'"]}' \
      --logs-config '{"cloudWatchLogs":{"status":"ENABLED","groupName":"/aws/codebuild/Private"}}' \
      --tags '[{"key":"vpcpipe","value":"Private"}]'
fi

step 21 'Wait until the interface endpoints are available'
await_available ec2 describe-vpc-endpoints \
    --vpc-endpoint-ids "$EP_LOGS" "$EP_CODEARTIFACT_API" "$EP_CODEARTIFACT_REPOSITORIES" "$EP_STS" \
    --query 'VpcEndpoints[].State' \
    --output 'text'

step 22 'CodePipeline Private (V2): source, then build'
if found - 'PipelineNotFoundException' codepipeline get-pipeline \
      --name 'Private' \
      --query 'pipeline.name' \
      --output 'text'; then
  exists codepipeline list-tags-for-resource \
      --resource-arn 'arn:aws:codepipeline:us-west-2:'"$ACCOUNT"':Private' \
      --query 'tags[?key=='\''vpcpipe'\''].value | [0]' \
      --output 'text'
else
  call --retry codepipeline create-pipeline \
      --pipeline '{"name":"Private","roleArn":"arn:aws:iam::'"$ACCOUNT"':role/service-role/AWSCodePipelineServiceRole-us-west-2-Private","artifactStore":{"type":"S3","location":"codepipeline-us-west-2-'"$ACCOUNT"'-private"},"stages":[{"name":"Source","actions":[{"name":"Source","actionTypeId":{"category":"Source","owner":"AWS","provider":"CodeCommit","version":"1"},"runOrder":1,"configuration":{"RepositoryName":"Private","BranchName":"main","PollForSourceChanges":"false","OutputArtifactFormat":"CODE_ZIP"},"outputArtifacts":[{"name":"SourceArtifact"}]}]},{"name":"Build","actions":[{"name":"Build","actionTypeId":{"category":"Build","owner":"AWS","provider":"CodeBuild","version":"1"},"runOrder":1,"configuration":{"ProjectName":"Private"},"inputArtifacts":[{"name":"SourceArtifact"}],"outputArtifacts":[{"name":"BuildArtifact"}]}]}],"version":1,"pipelineType":"V2"}' \
      --tags '[{"key":"vpcpipe","value":"Private"}]'
fi

step 23 'EventBridge rule codepipeline-Private-source on main'
if found - 'ResourceNotFoundException' events describe-rule \
      --name 'codepipeline-Private-source' \
      --query 'Name' \
      --output 'text'; then
  exists events list-tags-for-resource \
      --resource-arn 'arn:aws:events:us-west-2:'"$ACCOUNT"':rule/codepipeline-Private-source' \
      --query 'Tags[?Key=='\''vpcpipe'\''].Value | [0]' \
      --output 'text'
else
  call events put-rule \
      --name 'codepipeline-Private-source' \
      --event-pattern '{"source":["aws.codecommit"],"detail-type":["CodeCommit Repository State Change"],"resources":["arn:aws:codecommit:us-west-2:'"$ACCOUNT"':Private"],"detail":{"event":["referenceCreated","referenceUpdated"],"referenceType":["branch"],"referenceName":["main"]}}' \
      --description 'Starts Private on a push to main' \
      --tags '[{"Key":"vpcpipe","Value":"Private"}]'
fi
call --retry events put-targets \
    --rule 'codepipeline-Private-source' \
    --targets '[{"Id":"codepipeline","Arn":"arn:aws:codepipeline:us-west-2:'"$ACCOUNT"':Private","RoleArn":"arn:aws:iam::'"$ACCOUNT"':role/service-role/cwe-role-us-west-2-Private"}]'

STEP=0
echo
echo 'Setup is complete. Follow checklist.md to release a change and read the build log.'
