# A read that may find nothing yet, shared by deploy-stack.sh and stackset.sh, pasted after
# run.bash and call.bash (this header is not).

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
