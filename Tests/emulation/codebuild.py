"""CodeBuild projects: moto rejects source and artifacts of type CODEPIPELINE, which the article
uses; and their builds (builds.py), started by a pipeline's run or by StartBuild.

The checks AWS makes against other services read moto's state in this same process: the
service role must exist and trust codebuild.amazonaws.com (else the error scripts meet while IAM
propagates), and the VPC, subnets and security groups must exist.
"""

import json
import threading
from datetime import datetime, timezone

from moto.ec2.models import ec2_backends
from moto.iam.models import iam_backends

import builds
from wire import ServiceError, epoch


def _invalid(message):
    return ServiceError("InvalidInputException", message)


def _trusts(role, service):
    for statement in json.loads(role.assume_role_policy_document).get("Statement", []):
        principals = (statement.get("Principal") or {}).get("Service", [])
        principals = [principals] if isinstance(principals, str) else principals
        if statement.get("Effect") == "Allow" and service in principals:
            return True
    return False


class CodeBuild:
    def __init__(self):
        self.projects = {}  # (region, name) -> project
        self.builds = {}  # build id -> record, which its run updates under `_records`
        self._records = threading.Lock()
        self._run = None

    def attach(self, clients, codeartifact, lock):
        """What a build calls: the emulation's services through `clients`, and CodeArtifact's
        packages in-process under the stand-in's `lock`."""
        self._run = (clients, codeartifact, lock)

    def _check_role(self, arn, context):
        try:
            role = iam_backends[context.account]["aws"].get_role_by_arn(arn)
        except Exception:  # moto raises its own IAMNotFoundException
            role = None
        if role is None or not _trusts(role, "codebuild.amazonaws.com"):
            raise _invalid(f"CodeBuild is not authorized to perform: sts:AssumeRole on {arn}")

    def _check_vpc(self, config, context):
        fields = [config.get("vpcId"), config.get("subnets"), config.get("securityGroupIds")]
        if not any(fields):
            return
        if not all(fields):
            raise _invalid("vpcConfig needs vpcId, subnets and securityGroupIds together")
        ec2 = ec2_backends[context.account][context.region]
        try:
            ec2.get_vpc(config["vpcId"])
            subnets = [ec2.get_subnet(subnet) for subnet in config["subnets"]]
        except Exception:  # moto raises InvalidVPCIdError / InvalidSubnetIdError
            raise _invalid(f"Invalid vpcConfig: VPC {config['vpcId']} or its subnets do not exist")
        if any(subnet.vpc_id != config["vpcId"] for subnet in subnets):
            raise _invalid(f"Invalid vpcConfig: a subnet is not in {config['vpcId']}")
        for group in config["securityGroupIds"]:
            found = ec2.get_security_group_from_id(group)
            if found is None or found.vpc_id != config["vpcId"]:
                raise _invalid(f"Invalid vpcConfig: security group {group} is not in {config['vpcId']}")

    def _check(self, project, context):
        source, artifacts = project["source"]["type"], project["artifacts"]["type"]
        if (source == "CODEPIPELINE") != (artifacts == "CODEPIPELINE"):
            raise _invalid("Source type CODEPIPELINE and artifacts type CODEPIPELINE go together")
        self._check_role(project["serviceRole"], context)
        self._check_vpc(project.get("vpcConfig", {}), context)
        if project["environment"].get("privilegedMode") is None:
            project["environment"]["privilegedMode"] = False

    def CreateProject(self, params, context):
        key = (context.region, params["name"])
        arn = f"arn:aws:codebuild:{context.region}:{context.account}:project/{params['name']}"
        if key in self.projects:
            raise ServiceError("ResourceAlreadyExistsException", f"Project already exists: {arn}")
        now = epoch(datetime.now(timezone.utc))
        project = {
            "arn": arn, "secondarySources": [], "secondarySourceVersions": [], "secondaryArtifacts": [],
            "cache": {"type": "NO_CACHE"}, "timeoutInMinutes": 60, "queuedTimeoutInMinutes": 480,
            "encryptionKey": f"arn:aws:kms:{context.region}:{context.account}:alias/aws/s3",
            "tags": [], "badge": {"badgeEnabled": bool(params.pop("badgeEnabled", False))},
            "logsConfig": {"cloudWatchLogs": {"status": "ENABLED"}, "s3Logs": {"status": "DISABLED"}},
            "projectVisibility": "PRIVATE", "created": now, "lastModified": now,
            **params,
        }
        self._check(project, context)
        self.projects[key] = project
        return {"project": project}

    def UpdateProject(self, params, context):
        key = (context.region, params["name"])
        if key not in self.projects:
            raise ServiceError("ResourceNotFoundException", f"Project cannot be found: {params['name']}")
        badge = params.pop("badgeEnabled", None)
        project = dict(self.projects[key], **params, lastModified=epoch(datetime.now(timezone.utc)))
        if badge is not None:
            project["badge"] = {"badgeEnabled": badge}
        self._check(project, context)
        self.projects[key] = project
        return {"project": project}

    def BatchGetProjects(self, params, context):
        found = [self.projects[(context.region, name)] for name in params["names"]
                 if (context.region, name) in self.projects]
        return {"projects": found,
                "projectsNotFound": [name for name in params["names"] if (context.region, name) not in self.projects]}

    def ListProjects(self, params, context):
        return {"projects": sorted(name for region, name in self.projects if region == context.region)}

    def DeleteProject(self, params, context):
        # AWS answers success for a project already gone.
        self.projects.pop((context.region, params["name"]), None)
        return {}

    def StartBuild(self, params, context):
        project = self.projects.get((context.region, params["projectName"]))
        if project is None:
            raise ServiceError("ResourceNotFoundException", f"Project cannot be found: {params['projectName']}")
        number = 1 + sum(1 for record in self.builds.values() if record["projectName"] == project["name"])
        location = params.get("sourceLocationOverride", project["source"].get("location", ""))
        record = builds.new_record(project, context, number, location)
        with self._records:
            self.builds[record["id"]] = record
        clients, codeartifact, lock = self._run
        builds.BuildRun(record, project, context, clients, codeartifact, lock, self._records).start()
        return {"build": self._copy(record)}

    def BatchGetBuilds(self, params, context):
        found = [self._copy(self.builds[build]) for build in params["ids"] if build in self.builds]
        return {"builds": found, "buildsNotFound": [build for build in params["ids"] if build not in self.builds]}

    def ListBuildsForProject(self, params, context):
        with self._records:
            ids = [record["id"] for record in self.builds.values() if record["projectName"] == params["projectName"]]
        return {"ids": list(reversed(ids))}

    def _copy(self, record):
        with self._records:
            return json.loads(json.dumps(record))
