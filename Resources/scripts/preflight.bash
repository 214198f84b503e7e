# setup.sh's preflight rules, pasted after setup.bash (this header is not). They judge the rows
# that preflight's lookups read from the account, before anything is created: each problem is
# recorded with the answer to change, and refuse_if_problems stops setup.sh with all of them.
# vpcpipe --check --live runs the same rules in Swift (Sources/Planner/Preflight/PreflightRules.swift),
# on the same rows: change both, and PreflightParityTests compares them. The words of each
# problem_NAME and note_NAME are declared once in PreflightWords.swift and pasted before this file.
# Rows are tab-separated, one a resource, as `--query ... --output text` prints them.
# DRY_RUN, REGION, ACCOUNT and STEP are set by the script before this file.
# ENDPOINT_SUBNETS, ENDPOINT_GROUPS and STEP are read by the script; the rows are set by its lookups.
# shellcheck disable=SC2034,SC2153,SC2154

# The problems found so far, each "KEY: what is wrong (what to do)".
PROBLEMS=()

# problem KEY MESSAGE: records a problem; preflight goes on, so one run lists them all. A dry
# run reads nothing, so it finds no problem.
problem() {
  if [ "$DRY_RUN" != 1 ]; then PROBLEMS+=("$1: $2"); fi
}

# note MESSAGE: something the operator should know that stops nothing.
note() {
  echo "@say:note@"
}

# row_of ROWS KEY: ROW takes the first row of the variable ROWS whose first field is KEY.
row_of() {
  local rows=${!1} key=$2 row
  ROW=''
  while IFS= read -r row; do
    if [ "${row%%$'\t'*}" = "$key" ]; then ROW=$row; return 0; fi
  done <<< "$rows"
  return 1
}

# json_list WORD...: the words as a JSON list of strings (ids hold no quote), the form every
# AWS CLI list option takes in one argument.
json_list() {
  local out='' word
  for word in "$@"; do out+="${out:+,}\"$word\""; done
  printf '[%s]' "$out"
}

# judge_subnets VPC SUBNET...: each subnet of the answers exists and is in VPC (SUBNETS rows:
# ID VPC ZONE CIDR; a VPC is known by its main route table, ROUTE_TABLES rows). Interface
# endpoints take at most one subnet per Availability Zone: ENDPOINT_SUBNETS takes the first
# subnet of each zone, as a JSON list, and each zone must be one every planned interface
# endpoint service offers (ENDPOINT_ZONES rows: SERVICE ZONES).
judge_subnets() {
  local vpc=$1 index=0 subnet subnet_vpc zone service zones chosen=() seen=' '
  shift
  PLAN_VPC=$vpc
  if [ "$DRY_RUN" = 1 ]; then ENDPOINT_SUBNETS='<endpoint-subnets>'; return 0; fi
  if [ -z "$ROUTE_TABLES" ]; then
    problem_vpc_missing network.vpc "$vpc" "$REGION"
  fi
  for subnet in "$@"; do
    if ! row_of SUBNETS "$subnet"; then
      problem_subnet_missing "network.subnets[$index]" "$subnet" "$REGION"
    else
      IFS=$'\t' read -r _ subnet_vpc zone _ <<< "$ROW"
      if [ "$subnet_vpc" != "$vpc" ]; then
        problem_subnet_elsewhere "network.subnets[$index]" "$subnet" "$subnet_vpc" "$vpc"
      elif [[ $seen == *" $zone="* ]]; then
        local first=${seen#*" $zone="}
        note_zone_shared "$subnet" "$zone" "${first%% *}"
      else
        seen+="$zone=$subnet "
        chosen+=("$subnet")
        while IFS=$'\t' read -r service zones; do
          if [ -n "$service" ] && [[ " $zones " != *" $zone "* ]]; then
            problem_zone_not_offered "network.subnets[$index]" "$subnet" "$zone" "$service" "$zones"
          fi
        done <<< "$ENDPOINT_ZONES"
      fi
    fi
    index=$((index + 1))
  done
  ENDPOINT_SUBNETS=$(json_list "${chosen[@]}")
}

# table_of SUBNET: prints the route table SUBNET uses: the one associated with it, else the
# VPC's main table (ROUTE_TABLES rows: ID MAIN SUBNETS, MAIN the count of main associations).
table_of() {
  local subnet=$1 id main subnets main_table=''
  while IFS=$'\t' read -r id main subnets; do
    if [[ " $subnets " == *" $subnet "* ]]; then echo "$id"; return 0; fi
    if [ -n "$main" ] && [ "$main" != 0 ]; then main_table=$id; fi
  done <<< "$ROUTE_TABLES"
  echo "$main_table"
}

# subnet_tables: prints each route table the subnets found in the VPC use, once a line.
subnet_tables() {
  local subnet vpc table seen=' '
  while IFS=$'\t' read -r subnet vpc _; do
    [ "$vpc" = "$PLAN_VPC" ] || continue
    table=$(table_of "$subnet")
    if [ -n "$table" ] && [[ $seen != *" $table "* ]]; then seen+="$table "; echo "$table"; fi
  done <<< "$SUBNETS"
}

# judge_route_tables TABLE...: the S3 gateway endpoint goes on the answers' route tables, so
# they must be exactly the tables the subnets use.
judge_route_tables() {
  local index=0 table used given=" $* "
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  used=$(subnet_tables | tr '\n' ' ')
  used=${used% }
  for table in "$@"; do
    if [[ " $used " != *" $table "* ]]; then
      if [ -n "$used" ]; then
        problem_table_unused "network.route_tables[$index]" "$table" "$used"
      else
        problem_table_unused_by_none "network.route_tables[$index]" "$table"
      fi
    fi
    index=$((index + 1))
  done
  for table in $used; do
    if [[ $given != *" $table "* ]]; then
      problem_table_missing network.route_tables "$table" "$(subnets_on "$table")"
    fi
  done
}

# subnets_on TABLE: prints the subnets of the VPC found that use the route table TABLE.
subnets_on() {
  local subnet vpc out=''
  while IFS=$'\t' read -r subnet vpc _; do
    if [ "$vpc" = "$PLAN_VPC" ] && [ "$(table_of "$subnet")" = "$1" ]; then out+="${out:+@say:listAnd@}$subnet"; fi
  done <<< "$SUBNETS"
  echo "$out"
}

# ip_number ADDRESS: an IPv4 address as a number.
ip_number() {
  local a b c d
  IFS=. read -r a b c d <<< "$1"
  echo $(((a << 24) | (b << 16) | (c << 8) | d))
}

# cidr_holds OUTER INNER: true when the IPv4 range OUTER holds all of INNER.
cidr_holds() {
  local outer_bits=${1#*/} inner_bits=${2#*/} mask
  [ "$inner_bits" -ge "$outer_bits" ] || return 1
  mask=$(((0xFFFFFFFF << (32 - outer_bits)) & 0xFFFFFFFF))
  [ $(($(ip_number "${1%/*}") & mask)) -eq $(($(ip_number "${2%/*}") & mask)) ]
}

# admits GROUPS GROUP: true when an inbound rule of the security groups GROUPS
# (ENDPOINT_RULES rows: GROUP PROTOCOL FROM TO CIDR SOURCE_GROUP) lets HTTPS in from the
# build: from its security group GROUP, or from a range holding each of its subnets.
admits() {
  local groups=" $1 " build_group=$2 vpc subnet_cidr rule_group protocol from to cidr source covered
  while IFS=$'\t' read -r _ vpc _ subnet_cidr; do
    [ "$vpc" = "$PLAN_VPC" ] || continue
    covered=0
    while IFS=$'\t' read -r rule_group protocol from to cidr source; do
      [[ -n $rule_group && $groups == *" $rule_group "* ]] || continue
      case "$protocol" in
        -1) ;;
        tcp | 6) if [ "$from" -gt 443 ] || [ "$to" -lt 443 ]; then continue; fi ;;
        *) continue ;;
      esac
      if { [ -n "$build_group" ] && [ "$source" = "$build_group" ]; } \
        || { [ "$cidr" != none ] && cidr_holds "$cidr" "$subnet_cidr"; }; then
        covered=1
        break
      fi
    done <<< "$ENDPOINT_RULES"
    [ "$covered" = 1 ] || return 1
  done <<< "$SUBNETS"
}

# endpoint_groups: ENDPOINT_GROUPS takes the security groups of the endpoints found (ENDPOINTS
# rows: SERVICE/TYPE ID PRIVATE_DNS GROUPS ROUTE_TABLES TAG), comma-separated, for the lookup
# of their rules.
endpoint_groups() {
  local groups
  ENDPOINT_GROUPS=''
  if [ "$DRY_RUN" = 1 ]; then ENDPOINT_GROUPS='<endpoint-groups>'; return 0; fi
  while IFS=$'\t' read -r _ _ _ groups _; do
    if [ -n "$groups" ] && [ "$groups" != none ]; then
      ENDPOINT_GROUPS+="${ENDPOINT_GROUPS:+,}${groups// /,}"
    fi
  done <<< "$ENDPOINTS"
}

# judge_endpoint NAME SERVICE TYPE planned|existing DNS GROUP REQUESTS: an endpoint of SERVICE
# already in the VPC (ENDPOINTS rows) serves the build only when it is of TYPE, has private DNS
# on when DNS is on (interface), admits HTTPS from the build's GROUP or subnets (interface), and
# is on the subnets' route tables (gateway). One vpcpipe made is the plan's own; one listed as
# existing (NAME, as endpoints.existing spells it) must be found. An unfit one is never changed:
# the problem says what to change. Its policy is not read here (a JSON document bash cannot
# judge): the note says the REQUESTS it must allow, which vpcpipe --check --live judges.
judge_endpoint() {
  local name=$1 service=$2 type=$3 mode=$4 dns=$5 group=$6 requests=$7
  local id private_dns groups tables tag table other
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  other=$([ "$type" = Gateway ] && echo Interface || echo Gateway)
  if ! row_of ENDPOINTS "$service/$type"; then
    if row_of ENDPOINTS "$service/$other"; then
      IFS=$'\t' read -r _ id _ <<< "$ROW"
      note_other_type "$id" "$other" "$service" "$type"
    fi
    if [ "$mode" = existing ]; then
      problem_existing_missing endpoints.existing "$name" "$type" "$service"
    fi
    return 0
  fi
  IFS=$'\t' read -r _ id private_dns groups tables tag <<< "$ROW"
  if [ "$tag" = "$PLAN_TAG" ]; then return 0; fi
  note_policy_unread "$id" "$service" "$requests"
  if [ "$type" = Gateway ]; then
    for table in $(subnet_tables); do
      if [[ " $tables " != *" $table "* ]]; then
        problem_gateway_off_table endpoints "$id" "$service" "$table"
      fi
    done
    return 0
  fi
  if [ "$dns" = true ] && [ "$private_dns" != True ]; then
    problem_private_dns_off endpoints "$id" "$service"
  fi
  if ! admits "$groups" "$group"; then
    if [ -n "$group" ]; then
      problem_not_admitting endpoints "$id" "$service" "$groups" "$group"
    else
      problem_not_admitting_build_group endpoints "$id" "$service" "$groups"
    fi
  fi
}

# own_role NAME ARN: NAME takes the name of the role ARN when it is a role of this account
# (ACCOUNT), whose IAM preflight can read; else nothing (a <placeholder> in a dry run).
own_role() {
  local account resource placeholder
  if [ "$DRY_RUN" = 1 ]; then
    placeholder=${1,,}
    printf -v "$1" '<%s>' "${placeholder//_/-}"
    return 0
  fi
  IFS=: read -r _ _ _ _ account resource <<< "$2"
  if [ "$account" = "$ACCOUNT" ]; then printf -v "$1" '%s' "${resource##*/}"; else printf -v "$1" '%s' ''; fi
}

# judge_role KEY ARN SERVICE TRUST_FILE NAME: the role the answer KEY gives by ARN, whose name
# own_role put in the variable NAME, exists and trusts SERVICE (NAME_TRUST rows: ROLE SERVICES,
# the services its trust policy allows). A role of another account cannot be read from here.
judge_role() {
  local key=$1 arn=$2 service=$3 file=$4 name=${!5} services
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  if [ -z "$name" ]; then
    note_role_elsewhere "$arn" "$ACCOUNT" "$service"
    return 0
  fi
  if ! row_of "${5}_TRUST" "$name"; then
    problem_role_missing "$key" "$arn" "$ACCOUNT"
    return 0
  fi
  IFS=$'\t' read -r _ services <<< "$ROW"
  if [[ " $services " != *" $service "* ]]; then
    if [ -n "$services" ]; then
      problem_role_distrusts "$key" "$arn" "$service" "$services" "$file"
    else
      problem_role_trusts_none "$key" "$arn" "$service" "$file"
    fi
  fi
}

# judge_group GROUP VPC: the security group the answers give by id is in VPC (GIVEN_GROUP rows:
# ID VPC).
judge_group() {
  local group=$1 vpc=$2 group_vpc
  if [ "$DRY_RUN" = 1 ]; then return 0; fi
  if ! row_of GIVEN_GROUP "$group"; then
    problem_group_missing network.security_group "$group" "$REGION"
    return 0
  fi
  IFS=$'\t' read -r _ group_vpc <<< "$ROW"
  if [ "$group_vpc" != "$vpc" ]; then
    problem_group_elsewhere network.security_group "$group" "$group_vpc" "$vpc"
  fi
}

# refuse_if_problems: stops setup.sh, before anything is created, when preflight found problems.
refuse_if_problems() {
  if [ "${#PROBLEMS[@]}" -eq 0 ]; then return 0; fi
  say_errors < <(
    echo "@say:problemsFound@"
    printf '  %s\n' "${PROBLEMS[@]}"
    echo '@say:changeAnswers@'
  )
  STEP=0
  exit 3
}
