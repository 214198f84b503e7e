"""Small fixes to moto 5.2.1, applied in the emulator's process only.

Each patch says which moto behaviour differs from AWS in a way the scripts meet.
"""

import json

import xmltodict
from moto.ec2.exceptions import DependencyViolationError
from moto.ec2.models.security_groups import SecurityGroupBackend
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


def apply():
    S3Response._bucket_response_put = _create_bucket_with_tags
    VPCBackend.describe_vpc_endpoint_services = _describe_vpc_endpoint_services_of_some_zones
    FakeBucket.get_permission = _bucket_permission
    SecurityGroupBackend._delete_security_group = _delete_security_group_in_use
    LogsBackend.list_tags_for_resource = _list_log_tags_of_existing_group
