"""Local AWS for vpcpipe's integration tests, on 127.0.0.1 only.

    python3 Tests/emulation/emulator.py [--ports-file FILE]
    python3 Tests/emulation/emulator.py --fork-server FOLDER

Serves moto (ec2, iam, sts, s3, logs, codepipeline, events, ssm for AWS's public parameters of
the regions; CodePipeline's runs by pipeline_runs.py in front of it) on one port and the stand-in (codeartifact, codecommit,
codebuild and its builds, and pricing, the Price List API; see standin.py) on another, both
bound to free ports.
It starts warm_cli.py's server too (a warm AWS CLI; VPCPIPE_COLD_CLI=1 leaves it out; under
the fork server, all its emulators share the one it starts, but for one given
VPCPIPE_CLI_WORKERS, the number of calls its CLI runs at once: 6 by default). Once all listen
it prints one JSON line, {"moto": PORT, "standin": PORT, "bin": FOLDER}, and writes the same line
to FILE when given: FOLDER holds the warm CLI's `aws` (null without it). It exits when its standard input closes or on SIGTERM, so a test that
dies never leaves it running (run it by hand as `sleep infinity | python3 emulator.py`).

Point the AWS CLI at it with AWS_ENDPOINT_URL=http://127.0.0.1:MOTO and
AWS_ENDPOINT_URL_CODEARTIFACT / _CODECOMMIT / _CODEBUILD / _PRICING=http://127.0.0.1:STANDIN.
Faults: POST http://127.0.0.1:STANDIN/_emulator/faults with
{"operation": "codebuild:CreateProject", "error": "AccessDeniedException", "message": "...",
"times": 3} fails that operation's next 3 calls, for moto's services too; add "match":
{"role-name": "R"} (AWS CLI option names) to fail only calls with those parameters. The calls
AWS's services make during a pipeline's run go through the same (clients.py): a fault on
codeartifact:GetAuthorizationToken fails a build's login. POST /_emulator/runs {"hold": true}
keeps new pipeline runs from starting.

With --fork-server, it imports all that once and serves emulators from FOLDER/bin/emulator
(forkserver.py), which takes the same options: each starts in a fraction of the time, for test
runs that start many (scripts/test). It ends with its parent.
"""

import argparse
import ctypes
import gc
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading

from moto.backends import get_backend
from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.utils import get_service_model
from moto.server import ThreadedMotoServer
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

import forkserver
import moto_caches
import moto_patches
import warm_cli
from clients import Clients
from codeartifact import CodeArtifact
from codebuild import CodeBuild
from codecommit import CodeCommit
from faults import FaultMiddleware, Faults
from pipeline_runs import PipelineRuns
from pricing import Pricing
from standin import StandIn
from wire import ServiceWire

MOTO_SERVICES = ("ec2", "iam", "sts", "s3", "logs", "codepipeline", "events", "ssm")


class MotoServer(ThreadedMotoServer):
    """moto's threaded server with the fault middleware in front of its app, and `front` (a
    StandIn serving what moto lacks) in front of both."""

    def __init__(self, faults, wires, front):
        super().__init__(ip_address="127.0.0.1", port=0, verbose=False)
        self._faults, self._wires, self._front = faults, wires, front

    def _server_entry(self):
        app = self._front(FaultMiddleware(DomainDispatcherApplication(backend_app), self._faults, self._wires))
        self._server = make_server(self._ip_address, self._port, app, threaded=True)
        self._server_ready_event.set()
        self._server.serve_forever()


# moto's app for each of MOTO_SERVICES, made once in the fork server (half a second for ec2's
# routes alone), and used by every emulator it forks; another service's is made when called.
_backend_apps = {}
# The services' wires (stateless: a model and its routes), likewise.
_wires = {}
# The services the stand-in serves, by name.
STANDIN_SERVICES = {"codeartifact": CodeArtifact, "codecommit": CodeCommit, "codebuild": CodeBuild, "pricing": Pricing}


def backend_app(service):
    return _backend_apps.get(service) or create_backend_app(service)


def prepare_moto():
    """What every emulator would do on its first calls, done once before the fork server's
    forks: moto's apps; each service's model, which moto reads to answer (a third of an
    emulator's CPU was reading them again); the default account's backends, whose regions moto
    reads from botocore's endpoints; the EC2 backend of the region the tests use (its default VPC
    and data files read), as the first call would make it; and the services' wires."""
    moto_patches.apply()
    moto_caches.apply()
    for service in MOTO_SERVICES:
        _backend_apps[service] = create_backend_app(service)
        get_service_model(service)
        get_backend(service)[DEFAULT_ACCOUNT_ID]
    get_backend("ec2")[DEFAULT_ACCOUNT_ID]["us-west-2"]
    for service in (*MOTO_SERVICES, *STANDIN_SERVICES):
        _wires[service] = ServiceWire(service)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ports-file", help="also write the ready line to this file")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request

    cli_folder = cli_server = None
    if os.environ.get("VPCPIPE_COLD_CLI") == "1":
        pass
    elif _shared_cli_folder and "VPCPIPE_CLI_WORKERS" not in os.environ:
        cli_folder = _shared_cli_folder
    else:
        cli_folder = tempfile.mkdtemp(prefix="vpcpipe-cli-")
        cli_server = warm_cli.start(cli_folder)  # before any thread starts: it forks
    moto_patches.apply()
    moto_caches.apply()
    clients = Clients()
    runs = PipelineRuns(clients)
    standin_services = {name: service() for name, service in STANDIN_SERVICES.items()}
    wires = {name: _wires.get(name) or ServiceWire(name) for name in (*MOTO_SERVICES, *standin_services)}
    faults = Faults(wires)
    controls = {"runs": runs.control}

    moto = MotoServer(faults, {name: wires[name] for name in MOTO_SERVICES},
                      lambda fallback: StandIn({"codepipeline": runs}, wires, faults, DEFAULT_ACCOUNT_ID,
                                               fallback=fallback, controls=controls))
    moto.start()
    standin_app = StandIn(standin_services, wires, faults, DEFAULT_ACCOUNT_ID, controls=controls)
    standin_services["codebuild"].attach(clients, standin_services["codeartifact"], standin_app.lock)
    standin = make_server("127.0.0.1", 0, standin_app, threaded=True)
    threading.Thread(target=standin.serve_forever, daemon=True).start()
    clients.serve(f"http://127.0.0.1:{moto.get_host_and_port()[1]}", f"http://127.0.0.1:{standin.server_port}")

    cli_bin = os.path.join(cli_folder, "bin") if cli_folder else None
    line = json.dumps({"moto": moto.get_host_and_port()[1], "standin": standin.server_port, "bin": cli_bin})
    if args.ports_file:
        with open(args.ports_file + ".tmp", "w") as file:
            file.write(line + "\n")
        os.replace(args.ports_file + ".tmp", args.ports_file)
    print(line, flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.buffer.read(), stop.set()), daemon=True).start()
    while not stop.wait(0.5):
        pass
    standin.shutdown()
    moto.stop()
    if cli_server:
        os.kill(cli_server, signal.SIGTERM)
        os.waitpid(cli_server, 0)


# The warm AWS CLI the fork server's emulators share (FOLDER/cli), in a process of its own.
_shared_cli_folder = None


def fork_server(folder):
    """Imports and reads what an emulator needs once, then forks one for each client call."""
    global _shared_cli_folder
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: end with the test run
    _shared_cli_folder = os.path.join(folder, "cli")
    cli = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "warm_cli.py"),
                            _shared_cli_folder], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    prepare_moto()
    if cli.stdout.readline() != b"ready\n":
        sys.exit("the warm AWS CLI did not start")
    listener = forkserver.listen(folder, "emulator", [sys.executable, os.path.abspath(__file__)])
    print("ready", flush=True)

    def run(environment):
        os.environ.clear()
        os.environ.update(environment)
        gc.enable()  # an emulator lives for a whole test
        main()
        return 0

    forkserver.serve(listener, run)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fork-server"]:
        fork_server(sys.argv[2])
    else:
        main()
