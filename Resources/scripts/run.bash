# The start of the bash library that setup.sh, teardown.sh and verify.sh carry, pasted after
# their settings (this header, up to the first blank line, is not): the step being run, the
# progress stream, the message of a failure, how a call is made, shown and its error reported,
# and how a resource's vpcpipe tag is read (setup and teardown tell theirs from what others made
# by it). @SCRIPT@ stands for the script's name, setup, teardown or verify.
# OUT is read by the calls of setup.bash and teardown.bash, pasted after this file.
# shellcheck disable=SC2034

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
    if [ "$STEP" -gt 0 ]; then say_errors <<< "@say:failedAtStep@"; fi
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
    echo "@say:stoppedBeforeStep@"
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
@say:codeCommitClosed@
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
