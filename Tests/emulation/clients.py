"""botocore clients of the emulation's own services, for the calls AWS's services make during a
pipeline's run: CodePipeline reading CodeCommit, writing S3 and starting CodeBuild; a build
reading S3, asking STS and CodeArtifact, writing CloudWatch Logs. Each request goes through the
same wire, validation, fault injection and call log as the scripts' own, so a test arranges a
build's failure as it arranges a script's (a fault on codeartifact:GetAuthorizationToken).
"""

import threading

import botocore.session
from botocore.config import Config

STANDIN_SERVICES = ("codeartifact", "codecommit", "codebuild")


class Clients:
    def __init__(self):
        self._urls = None
        self._clients = {}
        self._lock = threading.Lock()
        self._session = botocore.session.get_session()

    def serve(self, moto_url, standin_url):
        """Known once both servers listen, before any run starts."""
        self._urls = (moto_url, standin_url)

    def __call__(self, service, region):
        with self._lock:
            key = (service, region)
            if key not in self._clients:
                moto_url, standin_url = self._urls
                self._clients[key] = self._session.create_client(
                    service, region_name=region, endpoint_url=standin_url if service in STANDIN_SERVICES else moto_url,
                    aws_access_key_id="testing", aws_secret_access_key="testing",
                    # One try: an injected fault reaches the caller as AWS's answer would.
                    config=Config(retries={"total_max_attempts": 1}))
            return self._clients[key]
