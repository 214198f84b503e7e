# The plain call of verify.sh and deploy-stack.sh, pasted after run.bash (this header is not);
# setup.sh and teardown.sh have calls of their own, which tolerate what is done or gone.

# call SERVICE OPERATION ARGS...: one AWS CLI call, its output left in OUT; a failure stops
# the script with AWS's message (set -e), which is reported first.
call() {
  local status=0
  attempt "$@" || status=$?
  if [ "$status" -ne 0 ]; then report; fi
  return "$status"
}
