# The actions both scripts run, pasted last (this header is not): they go through the `call`
# of setup.bash or teardown.bash.

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
        failed|rejected|expired) say_errors <<< "@say:endpointFailed@"; return 1 ;;
        *) pending=$((pending + 1)) ;;
      esac
    done
    if [ "${#states[@]}" -gt 0 ] && [ "$pending" -eq 0 ]; then return 0; fi
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      say_errors <<< "@say:endpointsTimedOut@"
      return 1
    fi
    waiting "@say:endpointsPending@"
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
      say_errors <<< "@say:interfacesTimedOut@"
      return 1
    fi
    waiting "@say:interfacesInUse@"
    sleep "$POLL_SECONDS"
    waited=$((waited + POLL_SECONDS))
    call "$@"
  done
}
