# teardown.sh's calls, pasted after run.bash (this header is not): a call for which "already
# gone" is no error, and the tag read that keeps what setup.sh did not create.
# OUT is read by actions.bash and the steps, pasted after this file.
# shellcheck disable=SC2034

# call SERVICE OPERATION ARGS...: one AWS CLI call, its output left in OUT; a resource
# that is already gone is not an error (a second teardown finds nothing to do).
call() {
  local status=0
  attempt "$@" || status=$?
  if [ "$status" -eq 0 ]; then return 0; fi
  if grep -qiE "$GONE" "$ERRORS"; then
    OUT=''
    echo "@say:alreadyGone@"
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
    '') echo "@say:alreadyGoneWhat@" ;;
    *) echo "@say:kept@" ;;
  esac
  return 1
}
