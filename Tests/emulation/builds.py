"""A CodeBuild build, emulated from StartBuild to its end, for the sample apps vpcpipe commits.

The build downloads its source (an S3 object: the pipeline's source artifact), reads the
buildspec, checks its runtime-versions against the image, and runs each phase's commands as the
sample apps' buildspecs write them: `aws` calls go to the emulation's STS and CodeArtifact (so a
fault there fails the build as AWS's error would), the package tools fetch the app's dependency
through CodeArtifact (`CodeArtifact.fetch`: the upstream ingests it from the public registry),
and the app prints the square root its source asks for. Inside a VPC, every call needs the
VPC endpoint of its service (available, private DNS on, its security group admitting HTTPS from
the build's group), else it times out as it would. The log goes to CloudWatch Logs, to the
project's group; with the group missing the build runs without a log, as the group's absence
does not stop CodeBuild. Commands it does not know succeed silently; a pipe it runs only into
`cut`, as build.account_from_arn's reading of $CODEBUILD_BUILD_ARN does.
"""

import io
import json
import math
import re
import shlex
import threading
import time
import traceback
import uuid
import zipfile
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone

import yaml
from botocore.exceptions import ClientError
from moto.ec2.models import ec2_backends

from wire import epoch

PHASES = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
          "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"]
COMMAND_PHASES = {"INSTALL": "install", "PRE_BUILD": "pre_build", "BUILD": "build", "POST_BUILD": "post_build"}

# The runtimes of the images the emulation knows (CodeBuild's "Available runtimes"); a build on
# another image is not checked.
RUNTIMES = {
    "aws/codebuild/amazonlinux-x86_64-standard:5.0": {
        "nodejs": ["18", "20", "22", "24"], "python": ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"],
        "java": ["corretto8", "corretto11", "corretto17", "corretto21", "corretto25"], "dotnet": ["6.0", "8.0"],
    },
}

# The format each login tool configures, and the name its success message gives it.
TOOLS = {"npm": ("npm", "npm"), "pip": ("pypi", "pip"), "twine": ("pypi", "twine"), "dotnet": ("nuget", "nuget"),
         "nuget": ("nuget", "nuget")}

HOSTS = {"sts": "sts.{region}.amazonaws.com", "codeartifact.api": "codeartifact.{region}.amazonaws.com",
         "codeartifact.repositories": "{domain}-{owner}.d.codeartifact.{region}.amazonaws.com",
         "logs": "logs.{region}.amazonaws.com", "s3": "s3.{region}.amazonaws.com"}


class CommandFailed(Exception):
    def __init__(self, status, lines):
        super().__init__(f"exit status {status}")
        self.status, self.lines = status, lines


class BuildFailed(Exception):
    def __init__(self, phase, code, message):
        super().__init__(message)
        self.phase, self.code, self.message = phase, code, message


class BuildRun:
    """One build: its record (the Build shape BatchGetBuilds answers), updated as it runs."""

    def __init__(self, record, project, context, clients, codeartifact, packages, records):
        """`packages` guards CodeArtifact's state (the stand-in's lock), `records` the builds' records."""
        self.record, self.project, self.region, self.account = record, project, context.region, context.account
        self.clients, self.codeartifact, self.packages, self.lock = clients, codeartifact, packages, records
        self.files = {}
        # CodeBuild's own variables, then the project's.
        self.env = {"CODEBUILD_BUILD_ARN": record["arn"], "CODEBUILD_BUILD_ID": record["id"]}
        self.env.update({var["name"]: var["value"] for var in project["environment"].get("environmentVariables", [])})
        self.login = None  # (domain, owner, repository, format, endpoint) once a tool or the environment has the token
        self.pending_log = []
        logs = project.get("logsConfig", {}).get("cloudWatchLogs", {})
        self.log_group = logs.get("groupName", f"/aws/codebuild/{project['name']}") if logs.get("status") == "ENABLED" else None
        self.log_stream = record["id"].split(":", 1)[1]

    # The record, shared with BatchGetBuilds

    def _update(self, **fields):
        with self.lock:
            self.record.update(fields)

    def _phase(self, phase, status, started, contexts=()):
        now = time.time()
        entry = {"phaseType": phase, "phaseStatus": status, "startTime": round(started, 3), "endTime": round(now, 3),
                 "durationInSeconds": int(now - started), "contexts": list(contexts)}
        with self.lock:
            self.record["phases"].append(entry)
        self.log(f"Phase complete: {phase} State: {status}")
        for context in contexts:
            self.log(f"Phase context status code: {context['statusCode']} Message: {context['message']}")

    # The log

    def log(self, line, container=True):
        stamp = datetime.now(timezone.utc).strftime("%Y/%m/%d %H:%M:%S.%f")
        self.pending_log.append((f"[Container] {stamp} {line}" if container else line) + "\n")

    def _flush_log(self):
        if self.log_group is None or not self.pending_log:
            self.pending_log = []
            return
        now = int(time.time() * 1000)
        events = [{"timestamp": now, "message": message} for message in self.pending_log]
        self.pending_log = []
        try:
            self.clients("logs", self.region).put_log_events(
                logGroupName=self.log_group, logStreamName=self.log_stream, logEvents=events)
        except ClientError:
            self.log_group = None

    def _open_log(self):
        if self.log_group is None:
            return
        try:
            self.clients("logs", self.region).create_log_stream(logGroupName=self.log_group, logStreamName=self.log_stream)
        except ClientError:
            self.log_group = None  # the group is gone: the build runs without a log

    # The run

    def start(self):
        """Runs the build on a thread of its own; BatchGetBuilds reads its record meanwhile."""
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        self._open_log()
        self.log(f"Running on CodeBuild On-demand (emulated), build {self.record['id']}")
        status = "SUCCEEDED"
        try:
            buildspec = None
            for phase in PHASES[:-1]:
                started = time.time()
                self._update(currentPhase=phase)
                if phase == "DOWNLOAD_SOURCE":
                    buildspec = self._download()
                elif phase == "INSTALL":
                    self.log("Entering phase INSTALL")
                    self._runtimes(buildspec)
                    self._commands(phase, buildspec)
                elif phase in COMMAND_PHASES:
                    self.log(f"Entering phase {phase}")
                    self._commands(phase, buildspec)
                self._phase(phase, "SUCCEEDED", started)
                self._flush_log()
                time.sleep(0.05)
        except BuildFailed as failure:
            status = "FAILED"
            self._phase(failure.phase, "FAILED", time.time(), [{"statusCode": failure.code, "message": failure.message}])
        except Exception as error:  # the emulation's own fault: a test sees it, rather than a build that never ends
            traceback.print_exc()
            status = "FAULT"
            self._phase(self.record["currentPhase"], "FAULT", time.time(), [{"statusCode": "EMULATOR_ERROR", "message": repr(error)}])
        self._flush_log()
        self._update(currentPhase="COMPLETED", buildStatus=status, buildComplete=True, endTime=epoch(datetime.now(timezone.utc)))

    def _download(self):
        location = self.record["source"].get("location", "")
        bucket, _, key = location.partition("/")
        try:
            body = self.clients("s3", self.region).get_object(Bucket=bucket, Key=key)["Body"].read()
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                self.files = {name: archive.read(name).decode() for name in archive.namelist()}
        except (ClientError, zipfile.BadZipFile) as error:
            raise BuildFailed("DOWNLOAD_SOURCE", "CLIENT_ERROR", f"error downloading the source {location}: {error}")
        name = self.project["source"].get("buildspec") or "buildspec.yml"
        if name not in self.files:
            raise BuildFailed("DOWNLOAD_SOURCE", "YAML_FILE_ERROR", f"YAML_FILE_ERROR: stat /codebuild/output/src/{name}: no such file or directory")
        spec = yaml.safe_load(self.files[name]) or {}
        for name, value in ((spec.get("env") or {}).get("variables") or {}).items():
            self.env[name] = str(value)
        return spec

    def _runtimes(self, spec):
        offered = RUNTIMES.get(self.project["environment"]["image"])
        wanted = (((spec.get("phases") or {}).get("install") or {}).get("runtime-versions") or {})
        for language, version in wanted.items():
            versions = (offered or {}).get(language)
            if offered is not None and str(version) not in (versions or []):
                raise BuildFailed("INSTALL", "YAML_FILE_ERROR",
                                  f"Unknown runtime version named '{version}' of {language}. This build image has the following versions: "
                                  + ", ".join(versions or []))
            self.log(f"Selecting '{language}' runtime version '{version}' based on manual selections...")

    def _commands(self, phase, spec):
        for index, command in enumerate(((spec.get("phases") or {}).get(COMMAND_PHASES[phase]) or {}).get("commands") or []):
            if not isinstance(command, str):
                # YAML read a mapping (a command holding ": "): CodeBuild refuses the buildspec.
                raise BuildFailed(phase, "YAML_FILE_ERROR", f"Expected Commands[{index}] to be of string type: found subkeys instead")
            self.log(f"Running command {command}")
            try:
                for line in self._command(command):
                    self.log(line, container=False)
            except CommandFailed as failure:
                for line in failure.lines:
                    self.log(line, container=False)
                self.log(f"Command did not exit successfully {command} exit status {failure.status}")
                raise BuildFailed(phase, "COMMAND_EXECUTION_ERROR",
                                  f"Error while executing command: {command}. Reason: exit status {failure.status}")
            finally:
                self._flush_log()

    # Commands, as the sample apps' buildspecs write them

    def _expand(self, text):
        return re.sub(r"\$\{?(\w+)\}?", lambda m: self.env.get(m.group(1), ""), text)

    def _command(self, command):
        assignment = re.fullmatch(r"(export\s+)?(\w+)=\$\((.*)\)", command.strip())
        if assignment:
            try:
                self.env[assignment.group(2)] = "\n".join(self._command(assignment.group(3))).strip()
            except CommandFailed as failure:
                if not assignment.group(1):
                    raise
                # `export A=$(failing)` succeeds in bash: the failure's message is all that shows.
                return failure.lines
            return []
        # A pipe into cut, as `echo "$CODEBUILD_BUILD_ARN" | cut -d: -f5` (build.account_from_arn).
        command, *filters = command.split(" | ")
        lines = self._simple(command)
        for words in map(shlex.split, filters):
            if words[0] != "cut" or not words[1].startswith("-d") or not words[2].startswith("-f"):
                raise CommandFailed(127, [f"the emulated build runs no {' '.join(words)}"])
            delimiter, field = words[1][2:], int(words[2][2:])
            lines = [(line.split(delimiter) + [""] * field)[field - 1] if delimiter in line else line for line in lines]
        return lines

    def _simple(self, command):
        words = [self._expand(word) for word in shlex.split(command)]
        if not words:
            return []
        program = words[0]
        if program == "aws":
            return self._aws(words[1:])
        if program == "echo":
            return [" ".join(words[1:])]
        if program in ("npm", "pip", "pip3", "mvn") or (program == "dotnet" and words[1:2] in (["restore"], ["run"])):
            lines = self._install(program)
            if program == "dotnet" and words[1] == "run":
                lines += self._app("Program.cs")
            return lines
        if program == "node":
            return self._app(words[1])
        if program in ("python", "python3"):
            return self._app(words[1])
        if program == "java":
            return self._app(next((name for name in self.files if name.endswith(".java")), ""))
        return []

    def _options(self, words):
        options, index = {}, 0
        while index < len(words):
            if words[index].startswith("--"):
                value = words[index + 1] if index + 1 < len(words) and not words[index + 1].startswith("--") else None
                options[words[index][2:]] = value
                index += 2 if value is not None else 1
            else:
                index += 1
        return options

    def _aws(self, words):
        service, operation, options = words[0], words[1], self._options(words[2:])
        if service == "sts" and operation == "get-caller-identity":
            self._reach("sts")
            answer = self._call("sts", "GetCallerIdentity", lambda client: client.get_caller_identity())
            return [answer["Account"] if options.get("query") == "Account" else json.dumps(answer)]
        if service == "codeartifact":
            self._reach("codeartifact.api")
            owner = options.get("domain-owner", self.account)
            if not owner:
                # `--domain-owner "$ACCOUNT"` with ACCOUNT unset, as the CLI's validation says it.
                raise CommandFailed(252, ["", "Parameter validation failed:",
                                          "Invalid length for parameter domainOwner, value: 0, valid min length: 12"])
            scope = {"domain": options.get("domain"), "domainOwner": owner}
            if operation == "login":
                package_format, name = TOOLS[options["tool"]]
                token = self._token(scope)
                endpoint = self._endpoint(scope, options["repository"], package_format)
                self.login = (scope["domain"], scope["domainOwner"], options["repository"], package_format, endpoint)
                lines = [f"Added source codeartifact to the user level NuGet.Config"] if package_format == "nuget" else []
                return lines + [f"Successfully configured {name} to use AWS CodeArtifact repository {endpoint} ",
                                f"Login expires in 12 hours at {datetime.fromtimestamp(token['expiration'], timezone.utc)}"]
            if operation == "get-authorization-token":
                return [self._token(scope)["authorizationToken"]]
            if operation == "get-repository-endpoint":
                endpoint = self._endpoint(scope, options["repository"], options["format"])
                self.login = (scope["domain"], scope["domainOwner"], options["repository"], options["format"], endpoint)
                return [endpoint]
        return []

    def _token(self, scope):
        answer = self._call("codeartifact", "GetAuthorizationToken", lambda client: client.get_authorization_token(**scope))
        return {"authorizationToken": answer["authorizationToken"], "expiration": answer["expiration"].timestamp()}

    def _endpoint(self, scope, repository, package_format):
        return self._call("codeartifact", "GetRepositoryEndpoint", lambda client: client.get_repository_endpoint(
            **scope, repository=repository, format=package_format))["repositoryEndpoint"]

    def _call(self, service, operation, request):
        """An AWS CLI call in the build: AWS's error as the CLI prints it, exit status 255."""
        try:
            return request(self.clients(service, self.region))
        except ClientError as error:
            details = error.response.get("Error", {})
            raise CommandFailed(255, ["", f"An error occurred ({details.get('Code')}) when calling the {operation} operation: "
                                          f"{details.get('Message')}"])

    # The network: a call from the VPC needs its service's endpoint

    def _reach(self, service, **host):
        """Raises the CLI's timeout when the build, in a VPC, has no usable endpoint for `service`."""
        config = self.project.get("vpcConfig") or {}
        if not config.get("vpcId"):
            return
        ec2 = ec2_backends[self.account][self.region]
        name = f"com.amazonaws.{self.region}.{service}"
        for endpoint in ec2.vpc_end_points.values():
            if endpoint.vpc_id != config["vpcId"] or endpoint.service_name != name or endpoint.state != "available":
                continue
            if (endpoint.vpc_endpoint_type or "Gateway").lower() == "gateway":
                return
            if endpoint.private_dns_enabled and self._admits_https(ec2, endpoint, config["securityGroupIds"]):
                return
        url = "https://" + HOSTS.get(service, service + ".{region}.amazonaws.com").format(region=self.region, **host) + "/"
        raise CommandFailed(255, ["", f'Connect timeout on endpoint URL: "{url}"'])

    @staticmethod
    def _admits_https(ec2, endpoint, build_groups):
        for group_id in endpoint.security_group_ids:
            group = ec2.get_security_group_from_id(group_id)
            for rule in group.ingress_rules if group else []:
                ports = rule.ip_protocol == "-1" or (rule.ip_protocol == "tcp" and rule.from_port <= 443 <= rule.to_port)
                if ports and (rule.ip_range or rule.source_group.get("GroupId") in build_groups):
                    return True
        return False

    # The package tools and the app

    def _dependencies(self):
        """(format, namespace, package, version) of the app's manifest."""
        if "package.json" in self.files:
            dependencies = json.loads(self.files["package.json"]).get("dependencies", {})
            return [("npm", "", name, spec.lstrip("^~=")) for name, spec in dependencies.items()]
        if "requirements.txt" in self.files:
            return [("pypi", "", *line.split("==", 1)) for line in self.files["requirements.txt"].split() if "==" in line]
        if "pom.xml" in self.files:
            space = {"m": "http://maven.apache.org/POM/4.0.0"}
            root = ElementTree.fromstring(self.files["pom.xml"])
            return [("maven", dependency.findtext("m:groupId", "", space), dependency.findtext("m:artifactId", "", space),
                     dependency.findtext("m:version", "", space)) for dependency in root.findall("m:dependencies/m:dependency", space)]
        project = next((name for name in self.files if name.endswith(".csproj")), None)
        if project:
            root = ElementTree.fromstring(self.files[project])
            return [("nuget", "", reference.get("Include"), reference.get("Version")) for reference in root.iter("PackageReference")]
        return []

    def _install(self, tool):
        dependencies = self._dependencies()
        if not dependencies:
            return []
        if self.login is None:
            public = {"npm": "registry.npmjs.org", "pip": "pypi.org", "pip3": "pypi.org", "mvn": "repo.maven.apache.org",
                      "dotnet": "api.nuget.org"}[tool]
            raise CommandFailed(1, [f"{tool}: connect ETIMEDOUT {public}:443 (no route to the public registry)"])
        domain, owner, repository, package_format, endpoint = self.login
        if tool == "mvn" and not self.env.get("CODEARTIFACT_AUTH_TOKEN"):
            raise CommandFailed(1, [f"[ERROR] Could not transfer artifacts from codeartifact ({endpoint}): status code: 401, "
                                    "reason phrase: Unauthorized (401)"])
        self._reach("codeartifact.repositories", domain=domain, owner=owner)
        self._reach("s3")  # the packages' assets come from CodeArtifact's bucket, through the S3 gateway
        for dependency_format, namespace, package, version in dependencies:
            with self.packages:
                problem = self.codeartifact.fetch(self.region, domain, repository, dependency_format, namespace, package, version)
            if problem is not None:
                raise CommandFailed(1, [f"{tool}: 404 Not Found - GET {endpoint}{package} - {problem}"])
        return [f"added {len(dependencies)} package(s) from {endpoint} in 1s"]

    def _app(self, source):
        """What the sample app prints: the square root its source asks for."""
        found = re.search(r"[Ss]qrt\(\s*(?:new Complex32\(\s*)?(\d+)", self.files.get(source, ""))
        if not found:
            raise CommandFailed(1, [f"{source}: no such file or nothing to print"])
        root = math.sqrt(int(found.group(1)))
        return [str(int(root)) if root.is_integer() else str(root)]


def new_record(project, context, number, source_location):
    build_id = f"{project['name']}:{uuid.uuid4()}"
    now = epoch(datetime.now(timezone.utc))
    logs = project.get("logsConfig", {}).get("cloudWatchLogs", {})
    group = logs.get("groupName", f"/aws/codebuild/{project['name']}")
    stream = build_id.split(":", 1)[1]
    record = {
        "id": build_id, "arn": f"arn:aws:codebuild:{context.region}:{context.account}:build/{build_id}",
        "buildNumber": number, "startTime": now, "currentPhase": "SUBMITTED", "buildStatus": "IN_PROGRESS",
        "projectName": project["name"], "phases": [], "source": dict(project["source"], type="S3", location=source_location),
        "artifacts": {"location": ""}, "environment": project["environment"], "serviceRole": project["serviceRole"],
        "timeoutInMinutes": project.get("timeoutInMinutes", 60), "queuedTimeoutInMinutes": project.get("queuedTimeoutInMinutes", 480),
        "buildComplete": False, "initiator": "emulator", "encryptionKey": project.get("encryptionKey", ""),
    }
    if logs.get("status") == "ENABLED":
        record["logs"] = {"groupName": group, "streamName": stream,
                          "deepLink": f"https://console.aws.amazon.com/cloudwatch/home?region={context.region}#logEvent:group={group};stream={stream}",
                          "cloudWatchLogsArn": f"arn:aws:logs:{context.region}:{context.account}:log-group:{group}:log-stream:{stream}",
                          "cloudWatchLogs": {"status": "ENABLED", "groupName": group}}
    if project.get("vpcConfig"):
        record["vpcConfig"] = project["vpcConfig"]
    return record
