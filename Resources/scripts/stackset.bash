# stackset.sh's calls, pasted after run.bash, call.bash and learn.bash (this header is not): the
# StackSet made or updated from cloudformation.yaml, its stack instances made, updated or
# deleted, each operation followed to its end, and the instances that failed with their reasons.
# JMESPath's literals stand in backticks, within single quotes.
# shellcheck disable=SC2034,SC2016

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
    say_errors <<< "@say:stackSetAssetsUnknown@"
    exit 1
  elif ! [[ $value =~ ^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]*$ ]]; then
    say_errors <<< "@say:stackSetAssetsNotARN@"
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
    say_errors <<< "@say:stackSetTemplateTooLarge@"
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
    *) echo '@say:stackNothingChanged@'; exit 0 ;;
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
    follow "$OUT" '@say:stackSetUpdated@'
  fi
}

# instances REGION TARGETS PARAMETERS ARN: the stack instances of TARGETS (DeploymentTargets,
# JSON) in REGION, made with PARAMETERS and the assets bucket ARN; those there already are
# left as they are (the StackSet's update updated them). The operation is followed.
instances() {
  call cloudformation create-stack-instances --stack-set-name "$STACK_SET" --deployment-targets "$2" \
    --regions "$1" --parameter-overrides "$(with_assets "$3" "$4")" --operation-preferences "$PREFERENCES" \
    --query OperationId --output text
  follow "$OUT" "@say:stackSetInstancesIn@"
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
  follow "$OUT" "@say:stackSetInstanceOf@"
}

# follow OPERATION WHAT: polls the StackSet's operation until it ends (within WAIT_SECONDS),
# saying at each poll how the stack instances stand; when the operation failed or was stopped,
# or an instance of it did not succeed, lists those with their reasons and stops.
follow() {
  local operation=$1 waited=0 status results counts
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  waiting "@say:stackSetOperation@"
  while true; do
    call cloudformation describe-stack-set-operation --stack-set-name "$STACK_SET" --operation-id "$operation" \
      --query StackSetOperation.Status --output text
    status=$OUT
    call cloudformation list-stack-instances --stack-set-name "$STACK_SET" \
      --query 'Summaries[].StackInstanceStatus.DetailedStatus' --output text
    # sed, not grep: no line left is no failure under pipefail.
    counts=$(tr -s '\t ' '\n' <<< "$OUT" | sed '/^$/d' | sort | uniq -c | awk '{ printf "%s%s %s", separator, $1, $2; separator = ", " }')
    if [ -n "$counts" ]; then echo "@say:stackSetInstancesStand@"; else echo "@say:stackSetNoInstances@"; fi
    progress "wait operation $status"
    case "$status" in SUCCEEDED | FAILED | STOPPED) break ;; esac
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      say_errors <<< "@say:stackSetStillRunning@"
      exit 1
    fi
    sleep "$POLL_SECONDS"
    waited=$((waited + POLL_SECONDS))
  done
  call cloudformation list-stack-set-operation-results --stack-set-name "$STACK_SET" --operation-id "$operation" \
    --query 'Summaries[?Status!=`SUCCEEDED`].[Account, Region, Status, StatusReason]' --output text
  results=$OUT
  if [ "$status" != SUCCEEDED ] || [ -n "$results" ]; then
    say_errors <<< "@say:stackSetOperationEnded@"$'\n'"@say:stackSetNoneListed@"
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
  echo "@say:stackSetInstancesListed@"
  printf '%s\n' "$OUT" | sed 's/^/    /'
}
