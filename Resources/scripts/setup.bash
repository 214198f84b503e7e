# setup.sh's calls, pasted after run.bash (this header is not): a call that retries IAM
# propagation errors and tolerates "already done", and the checks that find what exists.
# STEP and STEP_TITLE are read by run.bash's failure message.
# shellcheck disable=SC2034

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
    if coded "$tolerate"; then echo "@say:alreadyDone@"; OUT=''; return 0; fi
    if [ "$retry" = 1 ] && [ "$waited" -lt "$RETRY_SECONDS" ] && grep -qiE "$PROPAGATION" "$ERRORS"; then
      waiting "@say:propagating@"
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
  if [ "$DRY_RUN" = 1 ]; then echo "@say:dryRunListed@"; return 1; fi
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
  if [ "$DRY_RUN" = 1 ]; then echo '@say:dryRunFound@'; show "$@"; return 1; fi
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
  STEP_TITLE="@say:readingTitle@"
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
    theirs) echo '@say:existsTheirs@' ;;
    *) echo '@say:existsOurs@' ;;
  esac
}

# mark STEP WHAT: a line of the confirmation: WHAT, marked by what preflight found of STEP's.
mark() {
  case "${SEEN[$1]:-}" in
    '') echo "@say:markToBeCreated@" ;;
    theirs) echo "@say:markFoundUsed@" ;;
    *) echo "@say:markFound@" ;;
  esac
}
