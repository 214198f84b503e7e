# deploy-stack.sh's calls, pasted after run.bash, call.bash and learn.bash (this header is not): the stack's status, a
# change set previewed before it is executed, the waits, and the stack's failed events.
# JMESPath's literals stand in backticks, within single quotes.
# shellcheck disable=SC2034,SC2016

# stack_status: STATUS takes the stack's status, NONE when there is no such stack.
stack_status() {
  learn STATUS ValidationError cloudformation describe-stacks --stack-name "$STACK" \
    --query 'Stacks[0].StackStatus' --output text
  if [ -z "$STATUS" ] || [ "$DRY_RUN" = 1 ]; then STATUS=NONE; fi
  echo "@say:stackStatus@"
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
  waiting "@say:stackChangeSetBeingMade@"
  if ! attempt cloudformation wait change-set-create-complete --stack-name "$STACK" --change-set-name "$CHANGE_SET"; then
    attempt cloudformation describe-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" \
      --query StatusReason --output text
    reason=$OUT
    if [[ $reason == *"didn't contain changes"* || $reason == *"No updates are to be performed"* ]]; then
      echo "@say:stackUnchanged@"
      attempt cloudformation delete-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" || true
      CHANGES=''
      return 0
    fi
    say_errors <<< "@say:stackChangeSetFailed@"
    exit 1
  fi
  call cloudformation describe-change-set --stack-name "$STACK" --change-set-name "$CHANGE_SET" \
    --query 'Changes[].ResourceChange.[Action, LogicalResourceId, ResourceType, Replacement || `"-"`]' --output text
  CHANGES=$OUT
  echo "@say:stackChangeSetListed@"
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
      echo '@say:stackNothingChanged@'
      exit 0
      ;;
  esac
}

# settle WAITER: waits for the stack (`aws cloudformation wait WAITER`); on failure, lists the
# stack's failed events with their reasons, and stops.
settle() {
  waiting "@say:stackWaiting@"
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
  if [ -n "$OUT" ]; then say_errors <<< "@say:stackFailedEvents@"$'\n'"$OUT"; fi
}
