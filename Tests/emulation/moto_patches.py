"""Small fixes to moto 5.2.1, applied in the emulator's process only.

Each patch says which moto behaviour differs from AWS in a way the scripts meet.
"""

import json
import uuid

import xmltodict
from moto.cloudformation.exceptions import ValidationError
from moto.cloudformation.models import StackSet
from moto.cloudformation.parsing import ResourceMap, resource_class_from_type
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.responses import ActionResult
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


def _target_accounts(stackset, targets, accounts):
    """The accounts of DeploymentTargets: those of its OUs (and their child OUs), chosen by its
    Accounts as AccountFilterType says; then the request's own Accounts (self-managed)."""
    organization = stackset.instances.org_backend
    units = targets.get("OrganizationalUnitIds") or []
    units = units + [unit.id for unit in organization.ou if unit.parent_id in units]
    in_units = [account.id for account in organization.accounts if account.parent_id in units]
    listed = targets.get("Accounts") or []
    chosen = {
        "INTERSECTION": [account for account in in_units if account in listed],
        "DIFFERENCE": [account for account in in_units if account not in listed],
        "UNION": in_units + [account for account in listed if account not in in_units],
    }.get(targets.get("AccountFilterType"), in_units)
    return list(accounts) + [account for account in chosen if account not in accounts]


def _create_stack_instances(stackset, accounts, regions, deployment_targets, parameters):
    # moto 5.2.1 ignores AccountFilterType (an INTERSECTION deploys to the whole OU), makes an
    # instance again where there is one (AWS leaves it), fails the whole call where one instance
    # fails (AWS fails that instance, with its reason, in the operation's results), and lists
    # no results for OU targets. The stand-in for the operation: each target's instance made
    # on its own, its result kept; the operation FAILED when one failed (a tolerance of 0).
    if stackset.permission_model == "SERVICE_MANAGED" and not (deployment_targets or {}).get("OrganizationalUnitIds"):
        raise ValidationError(message="StackSets with SERVICE_MANAGED permission model can only have OrganizationalUnit as target")
    operation_id = str(uuid.uuid4())
    results = []
    for region in regions:
        for account in _target_accounts(stackset, deployment_targets or {}, accounts):
            if stackset.instances.get_instance(account, region) is not None:
                continue
            try:
                stackset.instances.create_instances([account], [region], parameters or stackset.parameters, {},
                                                    permission_model=stackset.permission_model)
                results.append({"Account": account, "Region": region, "Status": "SUCCEEDED"})
            except Exception as error:  # the instance fails, not the call
                results.append({"Account": account, "Region": region, "Status": "FAILED",
                                "StatusReason": f"{type(error).__name__}: {error}"})
    operation = stackset._create_operation(operation_id, "CREATE",
                                           "FAILED" if any(r["Status"] == "FAILED" for r in results) else "SUCCEEDED")
    operation["Results"] = results
    return operation_id


def _list_stack_set_operation_results(response):
    # With the results the patched operations keep (moto's own answer lists none for OU targets).
    stackset, operation = response.cloudformation_backend.describe_stack_set_operation(
        response._get_param("StackSetName"), response._get_param("OperationId"))
    return ActionResult({"Summaries": operation.get("Results", [])})


def _instances_of_targets(response):
    """The stack set, the accounts and the regions of a request on stack instances."""
    stackset = response.cloudformation_backend.describe_stack_set(response._get_param("StackSetName"))
    targets = response._get_params().get("DeploymentTargets") or {}
    return stackset, _target_accounts(stackset, targets, response._get_param("Accounts", [])), response._get_param("Regions", [])


def _update_stack_instances(response):
    # moto 5.2.1 reads Accounts only, so DeploymentTargets (service-managed) updated nothing.
    stackset, accounts, regions = _instances_of_targets(response)
    present = [account for account in accounts if all(stackset.instances.get_instance(account, region) for region in regions)]
    operation = stackset.update_instances(present, regions, response._get_param("ParameterOverrides", []))
    return ActionResult({"OperationId": operation["OperationId"]})


def _delete_stack_instances(response):
    # moto 5.2.1 reads Accounts only: DeploymentTargets (service-managed) deleted nothing, and
    # the stack set could then not be deleted.
    stackset, accounts, regions = _instances_of_targets(response)
    stackset.delete_stack_instances(accounts, regions)
    return ActionResult({"OperationId": stackset.operations[-1]["OperationId"]})


def apply():
    StackSet.create_stack_instances = _create_stack_instances
    CloudFormationResponse.list_stack_set_operation_results = _list_stack_set_operation_results
    CloudFormationResponse.update_stack_instances = _update_stack_instances
    CloudFormationResponse.delete_stack_instances = _delete_stack_instances
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
