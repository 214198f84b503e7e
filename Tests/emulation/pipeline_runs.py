"""CodePipeline's runs, which moto lacks; moto keeps the pipelines themselves.

StartPipelineExecution runs the pipeline's stages in order on a thread of its own, as the
article's pipeline has them: a CodeCommit source action zips the branch's files (read through
the CodeCommit stand-in) into the artifact bucket, and a CodeBuild action starts a build on that
artifact (the CodeBuild stand-in) and waits for it. The run's status and each action's
execution are read back through GetPipelineExecution, ListPipelineExecutions and
ListActionExecutions. Served in front of moto on its port, by the same stand-in machinery
(validated against botocore's models). Control: POST /_emulator/runs {"hold": true} makes new
runs stay in progress without starting a stage (a pipeline that never starts).
"""

import copy
import io
import threading
import time
import uuid
import zipfile

from botocore.exceptions import ClientError
from moto.codepipeline.models import codepipeline_backends

from wire import ServiceError


class ActionFailed(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


class PipelineRuns:
    def __init__(self, clients):
        self.clients = clients
        self.runs = {}  # (region, pipeline name) -> executions, newest first
        self.hold = False
        self._lock = threading.Lock()  # the executions, which the runs' threads update

    # Control

    def control(self, spec):
        """POST /_emulator/runs: {"hold": bool}."""
        if not isinstance(spec.get("hold"), bool):
            raise ValueError('expected {"hold": true|false}')
        self.hold = spec["hold"]
        return {"hold": self.hold}

    # Operations

    def StartPipelineExecution(self, params, context):
        pipelines = codepipeline_backends[context.account][context.region].pipelines
        if params["name"] not in pipelines:
            raise ServiceError("PipelineNotFoundException",
                               f"Account '{context.account}' does not have a pipeline with name '{params['name']}'")
        declaration = copy.deepcopy(pipelines[params["name"]].pipeline)
        now = time.time()
        execution = {
            "pipelineName": declaration["name"], "pipelineVersion": declaration.get("version", 1),
            "pipelineExecutionId": str(uuid.uuid4()), "status": "InProgress", "startTime": now, "lastUpdateTime": now,
            "trigger": {"triggerType": "StartPipelineExecution", "triggerDetail": "emulator"},
            "executionMode": "QUEUED" if declaration.get("pipelineType") == "V2" else "SUPERSEDED",
            "actions": [],
        }
        with self._lock:
            self.runs.setdefault((context.region, declaration["name"]), []).insert(0, execution)
        if not self.hold:
            threading.Thread(target=self._run, args=(execution, declaration, context), daemon=True).start()
        return {"pipelineExecutionId": execution["pipelineExecutionId"]}

    def GetPipelineExecution(self, params, context):
        execution = self._execution(params["pipelineName"], params["pipelineExecutionId"], context)
        with self._lock:
            return {"pipelineExecution": {key: execution[key] for key in (
                "pipelineName", "pipelineVersion", "pipelineExecutionId", "status", "trigger", "executionMode")}
                | ({"statusSummary": execution["statusSummary"]} if "statusSummary" in execution else {})}

    def ListPipelineExecutions(self, params, context):
        with self._lock:
            executions = list(self._executions(params["pipelineName"], context))
            summaries = [{key: execution[key] for key in (
                "pipelineExecutionId", "status", "startTime", "lastUpdateTime", "trigger", "executionMode")}
                for execution in executions]
        return {"pipelineExecutionSummaries": summaries[:params.get("maxResults", 100)]}

    def ListActionExecutions(self, params, context):
        wanted = (params.get("filter") or {}).get("pipelineExecutionId")
        with self._lock:
            details = [copy.deepcopy(action) for execution in self._executions(params["pipelineName"], context)
                       if wanted in (None, execution["pipelineExecutionId"]) for action in execution["actions"]]
        return {"actionExecutionDetails": details}

    def _executions(self, name, context):
        if name not in codepipeline_backends[context.account][context.region].pipelines:
            raise ServiceError("PipelineNotFoundException",
                               f"Account '{context.account}' does not have a pipeline with name '{name}'")
        return self.runs.get((context.region, name), [])

    def _execution(self, name, execution_id, context):
        for execution in self._executions(name, context):
            if execution["pipelineExecutionId"] == execution_id:
                return execution
        raise ServiceError("PipelineExecutionNotFoundException",
                           f"Pipeline execution ID {execution_id} does not exist in pipeline {name}")

    # A run

    def _run(self, execution, declaration, context):
        artifacts = {}  # artifact name -> (bucket, key)
        for stage in declaration["stages"]:
            for action in sorted(stage["actions"], key=lambda action: action.get("runOrder", 1)):
                detail = self._begin(execution, stage, action, declaration, artifacts, context)
                try:
                    result = self._act(action, declaration, artifacts, context, detail)
                except ActionFailed as failure:
                    self._end(execution, detail, "Failed", {"errorDetails": {"code": failure.code, "message": failure.message}})
                    with self._lock:
                        execution.update(status="Failed", statusSummary=failure.message, lastUpdateTime=time.time())
                    return
                self._end(execution, detail, "Succeeded", result)
        with self._lock:
            execution.update(status="Succeeded", lastUpdateTime=time.time())

    def _begin(self, execution, stage, action, declaration, artifacts, context):
        now = time.time()
        detail = {
            "pipelineExecutionId": execution["pipelineExecutionId"], "actionExecutionId": str(uuid.uuid4()),
            "pipelineVersion": execution["pipelineVersion"], "stageName": stage["name"], "actionName": action["name"],
            "startTime": now, "lastUpdateTime": now, "status": "InProgress",
            "input": {"actionTypeId": action["actionTypeId"], "configuration": action.get("configuration", {}),
                      "roleArn": declaration.get("roleArn", ""), "region": context.region,
                      "inputArtifacts": [{"name": artifact["name"], "s3location": {
                          "bucket": artifacts[artifact["name"]][0], "key": artifacts[artifact["name"]][1]}}
                          for artifact in action.get("inputArtifacts", []) if artifact["name"] in artifacts]},
            "output": {},
        }
        with self._lock:
            execution["actions"].insert(0, detail)
        return detail

    def _end(self, execution, detail, status, result):
        with self._lock:
            detail["status"] = status
            detail["lastUpdateTime"] = time.time()
            detail["output"].setdefault("executionResult", {}).update(result)
            execution["lastUpdateTime"] = detail["lastUpdateTime"]

    def _act(self, action, declaration, artifacts, context, detail):
        provider = action["actionTypeId"]["provider"]
        configuration = action.get("configuration", {})
        try:
            if provider == "CodeCommit":
                return self._source(configuration, action, declaration, artifacts, context, detail)
            if provider == "CodeBuild":
                return self._build(configuration, action, artifacts, context, detail)
        except ClientError as error:
            details = error.response.get("Error", {})
            raise ActionFailed(details.get("Code", "JobFailed"), details.get("Message", str(error)))
        raise ActionFailed("JobFailed", f"the emulation runs no {provider} action")

    def _source(self, configuration, action, declaration, artifacts, context, detail):
        """The branch's files, zipped into the artifact bucket (OutputArtifactFormat CODE_ZIP)."""
        codecommit = self.clients("codecommit", context.region)
        repository, branch = configuration["RepositoryName"], configuration["BranchName"]
        commit = codecommit.get_branch(repositoryName=repository, branchName=branch)["branch"]["commitId"]
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as files:
            for path in self._paths(codecommit, repository, commit, "/"):
                content = codecommit.get_file(repositoryName=repository, commitSpecifier=commit, filePath=path)["fileContent"]
                files.writestr(path, content)
        output = action["outputArtifacts"][0]["name"]
        location = (declaration["artifactStore"]["location"],
                    f"{declaration['name'][:20]}/{output[:10]}/{uuid.uuid4().hex[:7]}")
        self.clients("s3", context.region).put_object(Bucket=location[0], Key=location[1], Body=archive.getvalue())
        artifacts[output] = location
        with self._lock:
            detail["output"]["outputArtifacts"] = [{"name": output, "s3location": {"bucket": location[0], "key": location[1]}}]
        return {"externalExecutionId": commit, "externalExecutionSummary": f"{repository}@{branch}"}

    def _paths(self, codecommit, repository, commit, folder):
        listed = codecommit.get_folder(repositoryName=repository, commitSpecifier=commit, folderPath=folder)
        paths = [entry["absolutePath"] for entry in listed.get("files", [])]
        for sub in listed.get("subFolders", []):
            paths += self._paths(codecommit, repository, commit, sub["absolutePath"])
        return paths

    def _build(self, configuration, action, artifacts, context, detail):
        """A build of the input artifact; the action ends with it."""
        codebuild = self.clients("codebuild", context.region)
        bucket, key = artifacts[action["inputArtifacts"][0]["name"]]
        build = codebuild.start_build(projectName=configuration["ProjectName"], sourceTypeOverride="S3",
                                      sourceLocationOverride=f"{bucket}/{key}")["build"]["id"]
        with self._lock:
            detail["output"]["executionResult"] = {"externalExecutionId": build}
        while True:
            record = codebuild.batch_get_builds(ids=[build])["builds"][0]
            if record.get("buildComplete"):
                break
            time.sleep(0.1)
        if record["buildStatus"] != "SUCCEEDED":
            failed = next((phase for phase in record.get("phases", []) if phase.get("phaseStatus") == "FAILED"), {})
            context_ = (failed.get("contexts") or [{}])[0]
            raise ActionFailed("JobFailed", f"Build terminated with state: {record['buildStatus']}. Phase: {failed.get('phaseType')}, "
                                            f"Code: {context_.get('statusCode')}, Message: {context_.get('message')}")
        return {"externalExecutionId": build, "externalExecutionSummary": "Build succeeded"}
