# The start of the bash library that setup.sh and teardown.sh carry, pasted after their
# settings (this header, up to the first blank line, is not): the step being run, the message
# of a failure, how a call is shown and its error reported, and how a resource's vpcpipe tag
# is read (both scripts tell theirs from what others made by it). @SCRIPT@ stands for the
# script's name, setup or teardown.
# OUT is read by the calls of setup.bash and teardown.bash, pasted after this file.
# shellcheck disable=SC2034

STEP=0
STEP_TITLE=''
OUT=''
ERRORS="$(mktemp)"
finish() {
  local status=$?
  rm -f "$ERRORS"
  if [ "$status" -ne 0 ] && [ "$STEP" -gt 0 ]; then
    echo "@SCRIPT@ failed at step $STEP: $STEP_TITLE" >&2
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

# What AWS says of a resource that is already gone.
GONE='NotFound|NoSuch|does ?not ?exist|not found'

# tag_of SERVICE OPERATION ARGS...: TAG takes what the call prints, the value of a resource's
# vpcpipe tag: None for a bucket with no tags at all (S3 answers NoSuchTagSet), '' for a
# resource already gone. Any other failure stops the script here.
tag_of() {
  local status=0
  TAG=$(aws "$@" "${AWS_ARGS[@]}" 2>"$ERRORS") || status=$?
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
