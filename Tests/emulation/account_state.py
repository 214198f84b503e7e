"""What an emulated account holds of the kinds moto's CloudFormation deploys, as one JSON object.

    python3 Tests/emulation/account_state.py VPC_ID

Reads, through boto3 against the emulator (AWS_ENDPOINT_URL and the credentials of the
environment), the service roles (/service-role/) with their trust, inline policies and tags,
the VPC's security groups but its default one, its VPC endpoints that are not being deleted, the
buckets, the log groups and the EventBridge rules with their targets, each with its settings and
tags. Ids made at run time (a group's, an endpoint's) are replaced by names, so that what
setup.sh made and what a stack made compare equal when they are the same.
"""

import ast
import json
import sys

import boto3


def tags(pairs, key="Key", value="Value"):
    return {pair[key]: pair[value] for pair in pairs or []}


def document(value):
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        # moto's CloudFormation keeps a role's inline policy as Python's text of the document.
        return ast.literal_eval(value)


def main():
    vpc = sys.argv[1]
    iam, ec2, s3 = boto3.client("iam"), boto3.client("ec2"), boto3.client("s3")
    logs, events = boto3.client("logs"), boto3.client("events")
    state = {}

    roles = {}
    for role in iam.list_roles(PathPrefix="/service-role/")["Roles"]:
        name = role["RoleName"]
        full = iam.get_role(RoleName=name)["Role"]
        roles[name] = {
            "path": full["Path"],
            "description": full.get("Description"),
            "trust": document(full["AssumeRolePolicyDocument"]),
            "policies": {policy: document(iam.get_role_policy(RoleName=name, PolicyName=policy)["PolicyDocument"])
                         for policy in iam.list_role_policies(RoleName=name)["PolicyNames"]},
            "tags": tags(iam.list_role_tags(RoleName=name)["Tags"]),
        }
    state["roles"] = roles

    groups = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]
    group_names = {group["GroupId"]: group["GroupName"] for group in groups}

    def rules(permissions):
        return sorted(json.dumps({
            "protocol": rule["IpProtocol"], "from": rule.get("FromPort"), "to": rule.get("ToPort"),
            "ranges": sorted(r["CidrIp"] for r in rule.get("IpRanges", [])),
            "groups": sorted(group_names.get(p["GroupId"], p["GroupId"]) for p in rule.get("UserIdGroupPairs", [])),
        }, sort_keys=True) for rule in permissions)

    state["security_groups"] = {
        group["GroupName"]: {"description": group["Description"], "in": rules(group["IpPermissions"]),
                             "out": rules(group["IpPermissionsEgress"]), "tags": tags(group.get("Tags"))}
        for group in groups if group["GroupName"] != "default"
    }

    endpoints = ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["VpcEndpoints"]
    state["endpoints"] = {
        endpoint["ServiceName"]: {
            "type": endpoint["VpcEndpointType"], "subnets": sorted(endpoint.get("SubnetIds", [])),
            "route_tables": sorted(endpoint.get("RouteTableIds", [])), "private_dns": endpoint.get("PrivateDnsEnabled"),
            "groups": sorted(group_names.get(g["GroupId"], g["GroupId"]) for g in endpoint.get("Groups", [])),
            "policy": document(endpoint.get("PolicyDocument")), "tags": tags(endpoint.get("Tags")),
        }
        for endpoint in endpoints if endpoint["State"].lower() not in ("deleted", "deleting")
    }

    buckets = {}
    for bucket in s3.list_buckets()["Buckets"]:
        name = bucket["Name"]
        try:
            bucket_tags = tags(s3.get_bucket_tagging(Bucket=name)["TagSet"])
        except s3.exceptions.ClientError:
            bucket_tags = {}
        try:
            block = s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
        except s3.exceptions.ClientError:
            block = None
        try:
            policy = document(s3.get_bucket_policy(Bucket=name)["Policy"])
        except s3.exceptions.ClientError:
            policy = None
        buckets[name] = {"versioning": s3.get_bucket_versioning(Bucket=name).get("Status"), "public_access_block": block,
                         "policy": policy, "tags": bucket_tags}
    state["buckets"] = buckets

    state["log_groups"] = {
        group["logGroupName"]: {"tags": logs.list_tags_log_group(logGroupName=group["logGroupName"])["tags"]}
        for group in logs.describe_log_groups()["logGroups"]
    }

    state["rules"] = {
        rule["Name"]: {
            "pattern": document(rule.get("EventPattern")), "state": rule.get("State"), "description": rule.get("Description"),
            "targets": sorted(json.dumps({key: target.get(key) for key in ("Id", "Arn", "RoleArn")}, sort_keys=True)
                              for target in events.list_targets_by_rule(Rule=rule["Name"])["Targets"]),
            "tags": tags(events.list_tags_for_resource(ResourceARN=rule["Arn"])["Tags"]),
        }
        for rule in events.list_rules()["Rules"]
    }
    print(json.dumps(state, sort_keys=True, indent=1))


if __name__ == "__main__":
    main()
