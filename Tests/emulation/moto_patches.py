"""Small fixes to moto 5.2.1, applied in the emulator's process only.

Each patch says which moto behaviour differs from AWS in a way the scripts meet.
"""

import json

import xmltodict
from moto.cloudformation.parsing import ResourceMap, resource_class_from_type
from moto.ec2.exceptions import DependencyViolationError
from moto.ec2.models import ec2_backends
from moto.ec2.models.security_groups import SecurityGroup, SecurityGroupBackend
from moto.ec2.models.vpcs import VPCEndPoint
from moto.ec2.models.vpcs import VPCBackend
from moto.iam.access_control import IAMPolicy, PermissionResult
from moto.logs.exceptions import ResourceNotFoundException
from moto.logs.models import LogsBackend
from moto.s3.models import FakeBucket
from moto.s3.responses import S3Response


def _requires_plain_http(statement):
    """True for a statement that applies only to non-TLS requests (aws:SecureTransport false)."""
    for operator, keys in (statement.get("Condition") or {}).items():
        if operator.startswith("Bool") and str(keys.get("aws:SecureTransport", "")).lower() in ("false", "['false']"):
            return True
    return False


def _bucket_permission(bucket, action, resource):
    # moto ignores Bool conditions, so the artifact bucket's "deny when aws:SecureTransport is
    # false" becomes a deny of everything. The emulator's plain HTTP stands for AWS's HTTPS:
    # statements that apply only to plain HTTP never match.
    if bucket.policy is None:
        return PermissionResult.NEUTRAL
    document = json.loads(bucket.policy)
    statements = document["Statement"] if isinstance(document["Statement"], list) else [document["Statement"]]
    kept = [statement for statement in statements if not _requires_plain_http(statement)]
    return IAMPolicy(json.dumps(dict(document, Statement=kept))).is_action_permitted(action, resource)


_delete_security_group = SecurityGroupBackend._delete_security_group


def _delete_security_group_in_use(backend, vpc_id, group_id):
    # moto deletes a group that another group's rule or a live endpoint still uses; AWS refuses
    # with DependencyViolation, so teardown must remove rules and endpoints first.
    for groups in backend.groups.values():
        for group in groups.values():
            rules = group.ingress_rules + group.egress_rules
            if group.id != group_id and any(rule.source_group.get("GroupId") == group_id for rule in rules):
                raise DependencyViolationError(f"resource {group_id} has a dependent object ({group.id})")
    for endpoint in backend.vpc_end_points.values():
        if endpoint.state != "deleted" and group_id in endpoint.security_group_ids:
            raise DependencyViolationError(f"resource {group_id} has a dependent object ({endpoint.id})")
    return _delete_security_group(backend, vpc_id, group_id)


_list_log_tags = LogsBackend.list_tags_for_resource


def _list_log_tags_of_existing_group(backend, resource_arn):
    # moto answers a log group that does not exist with no tags; AWS with ResourceNotFoundException,
    # which teardown takes for a group already gone rather than one to keep.
    prefix = f"arn:aws:logs:{backend.region_name}:{backend.account_id}:log-group:"
    if resource_arn.startswith(prefix) and resource_arn[len(prefix):] not in backend.groups:
        raise ResourceNotFoundException(msg="The specified log group does not exist.")
    return _list_log_tags(backend, resource_arn)


_describe_vpc_endpoint_services = VPCBackend.describe_vpc_endpoint_services

# Zones an endpoint service is not offered in, as AWS has for some services and zones: moto
# offers every service in every zone. The emulated STS has no endpoint in us-west-2d.
_ZONES_NOT_OFFERED = {"sts": {"us-west-2d"}}


def _describe_vpc_endpoint_services_of_some_zones(backend, *args, **kwargs):
    result = _describe_vpc_endpoint_services(backend, *args, **kwargs)
    details = []
    for service in result["servicesDetails"]:
        missing = _ZONES_NOT_OFFERED.get(service["ServiceName"].rsplit(".", 1)[-1], set())
        if missing:
            service = dict(service, AvailabilityZones=[z for z in service["AvailabilityZones"] if z not in missing])
        details.append(service)
    return dict(result, servicesDetails=details)


_bucket_response_put = S3Response._bucket_response_put


def _create_bucket_with_tags(response, request, bucket_name, querystring):
    # moto ignores CreateBucketConfiguration's Tags; AWS tags the bucket it creates with them.
    result = _bucket_response_put(response, request, bucket_name, querystring)
    if not querystring and response.body:
        configuration = xmltodict.parse(response.body).get("CreateBucketConfiguration") or {}
        tags = (configuration.get("Tags") or {}).get("Tag") or []
        tags = [tags] if isinstance(tags, dict) else tags
        if tags:
            response.backend.put_bucket_tagging(bucket_name, {tag["Key"]: tag.get("Value") or "" for tag in tags})
    return result


_validate_outputs = ResourceMap.validate_outputs


def _validate_outputs_of_deployable_types(resource_map):
    # moto leaves out a resource of a type it cannot deploy (CodeCommit's, CodeBuild's), with a
    # warning, but then fails the whole stack on an output that reads one of its attributes (the
    # repository's clone URL), where AWS would deploy it: such an output is left out too.
    outputs = resource_map._template.get("Outputs") or {}
    for name, output in list(outputs.items()):
        value = output.get("Value")
        attribute = value.get("Fn::GetAtt") if isinstance(value, dict) else None
        declared = resource_map._resource_json_map.get(attribute[0], {}) if attribute else {}
        if attribute and resource_class_from_type(declared.get("Type", "")) is None:
            del outputs[name]
    _validate_outputs(resource_map)


_load_parameters = ResourceMap.load_parameters


def _load_parameters_splitting_list_defaults(resource_map):
    # moto splits a list parameter's value given to the stack but not its default, which
    # CloudFormation splits alike (the endpoints' subnets, List<AWS::EC2::Subnet::Id>).
    _load_parameters(resource_map)
    for name, parameter in (resource_map._template.get("Parameters") or {}).items():
        kind, value = parameter.get("Type", "String"), resource_map.resolved_parameters.get(name)
        if (kind == "CommaDelimitedList" or kind.startswith("List")) and isinstance(value, str):
            resource_map.resolved_parameters[name] = resource_map._parsed_resources[name] = value.split(",")


_create_group_from_template = SecurityGroup.create_from_cloudformation_json.__func__


def _create_group_with_its_egress(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    # moto's CloudFormation ignores a group's SecurityGroupEgress; CloudFormation replaces the
    # default rule (all traffic out) with the rules declared.
    group = _create_group_from_template(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    egress = cloudformation_json["Properties"].get("SecurityGroupEgress")
    if egress:
        backend = ec2_backends[account_id][region_name]
        backend.revoke_security_group_egress(group.id, "-1", None, None, [{"CidrIp": "0.0.0.0/0"}], vpc_id=group.vpc_id)
        for rule in egress:
            backend.authorize_security_group_egress(group.id, rule["IpProtocol"], rule.get("FromPort"), rule.get("ToPort"),
                                                    [{"CidrIp": rule["CidrIp"]}] if "CidrIp" in rule else [], vpc_id=group.vpc_id)
    return group


_create_endpoint_from_template = VPCEndPoint.create_from_cloudformation_json.__func__


def _create_endpoint_with_its_tags(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    # moto's CloudFormation leaves out an endpoint's Tags, and deletes no endpoint with its
    # stack: the stack's endpoints keep their tags, and go with the stack.
    endpoint = _create_endpoint_from_template(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    tags = cloudformation_json["Properties"].get("Tags") or []
    if tags:
        ec2_backends[account_id][region_name].create_tags([endpoint.id], {tag["Key"]: tag["Value"] for tag in tags})
    return endpoint


def _delete_endpoint(endpoint, account_id, region_name):
    ec2_backends[account_id][region_name].delete_vpc_endpoints([endpoint.id])


def apply():
    SecurityGroup.create_from_cloudformation_json = classmethod(_create_group_with_its_egress)
    VPCEndPoint.create_from_cloudformation_json = classmethod(_create_endpoint_with_its_tags)
    VPCEndPoint.delete = _delete_endpoint
    ResourceMap.validate_outputs = _validate_outputs_of_deployable_types
    ResourceMap.load_parameters = _load_parameters_splitting_list_defaults
    S3Response._bucket_response_put = _create_bucket_with_tags
    VPCBackend.describe_vpc_endpoint_services = _describe_vpc_endpoint_services_of_some_zones
    FakeBucket.get_permission = _bucket_permission
    SecurityGroupBackend._delete_security_group = _delete_security_group_in_use
    LogsBackend.list_tags_for_resource = _list_log_tags_of_existing_group
