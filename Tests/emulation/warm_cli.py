"""A warm AWS CLI for the integration tests: a process that has imported the AWS CLI once forks
a child for each call, so that a call skips the imports and the reading of botocore's data
files that are most of its cost: about 0.1 s of CPU a call instead of 1.1 s here.

    python3 Tests/emulation/warm_cli.py FOLDER

Writes FOLDER/bin/aws, a client to put first on the PATH: it hands its arguments, environment,
working folder and standard streams (the descriptors themselves) to this server over
FOLDER/cli.sock, and exits with the call's status. The child runs the CLI's own main() with
them, as the `aws` script does; only the process start differs. With the server gone, the
client runs the AWS CLI itself. Prints "ready" once it listens; exits with its parent (the
emulator) and removes FOLDER.
"""

import ctypes
import gc
import io
import json
import os
import shutil
import signal
import socket
import struct
import sys
import sysconfig

CLIENT = """#!{python} -SE
# The AWS CLI, run by Tests/emulation/warm_cli.py's server (see there).
import json, os, socket, struct, sys
request = json.dumps({{"argv": sys.argv, "cwd": os.getcwd(), "env": dict(os.environ)}}).encode()
server = socket.socket(socket.AF_UNIX)
try:
    server.connect({socket!r})
except OSError:
    os.execv({cli!r}, [{cli!r}] + sys.argv[1:])
socket.send_fds(server, [struct.pack("!I", len(request)) + request], [0, 1, 2])
status = b""
while len(status) < 4:
    part = server.recv(4 - len(status))
    if not part:
        sys.exit(255)
    status += part
sys.exit(struct.unpack("!i", status)[0])
"""


# The services the scripts and the tests call.
SERVICES = ("sts", "ec2", "iam", "s3", "logs", "codeartifact", "codecommit", "codebuild", "codepipeline", "events")


def main():
    folder = sys.argv[1]
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: end with the emulator
    if os.getppid() == 1:
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        serve(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve(folder):
    warm()

    cli = os.path.join(sysconfig.get_path("scripts"), "aws")
    path = os.path.join(folder, "cli.sock")
    os.makedirs(os.path.join(folder, "bin"), exist_ok=True)
    client = os.path.join(folder, "bin", "aws")
    with open(client, "w") as file:
        file.write(CLIENT.format(python=sys.executable, socket=path, cli=cli if os.path.exists(cli) else shutil.which("aws")))
    os.chmod(client, 0o755)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(64)
    # Every child inherits this heap; the cyclic collector, walking it, would write to (and so
    # copy) most of its pages in each child: the heap stays out of collections here, and a
    # child, which lives for one call, makes none.
    gc.freeze()
    print("ready", flush=True)
    while True:
        connection, _ = listener.accept()
        reap()
        if os.fork() == 0:
            listener.close()
            call(connection)
        connection.close()


def warm():
    """What every call would do first: import the CLI, and read botocore's data files (the
    services' models, endpoints, the CLI's own data), which a loader keeps once read. Each child
    gets a copy of this process, so nothing a call does reaches another."""
    import awscli.clidriver  # noqa: F401
    import awscli.handlers  # noqa: F401
    import botocore.loaders
    import botocore.session

    loaders = {}

    def create_loader(search_path_string=None):
        if search_path_string not in loaders:
            loaders[search_path_string] = botocore.loaders.create_loader(search_path_string)
        return loaders[search_path_string]

    botocore.session.create_loader = create_loader
    # Read through a session as the CLI's does, so that the loader's cache (keyed by the exact
    # call) holds what each call will ask for: the list of services, the CLI's data, and each
    # service's model, endpoint rules, paginators and waiters, read by creating its client.
    session = botocore.session.Session()
    session.get_available_services()
    session.get_data("cli")
    for service in SERVICES:
        session.create_client(service, region_name="us-west-2", aws_access_key_id="warm", aws_secret_access_key="warm")
        for model in (session.get_paginator_model, session.get_waiter_model):
            try:
                model(service)
            except Exception:
                pass  # a service without waiters


def reap():
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def call(connection):
    """In the forked child: one call of the CLI, as the `aws` script makes it."""
    status = 255
    gc.disable()
    try:
        data, descriptors, _, _ = socket.recv_fds(connection, 1 << 16, 3)
        while len(data) < 4 or len(data) < 4 + struct.unpack("!I", data[:4])[0]:
            part = connection.recv(1 << 16)
            if not part:
                os._exit(255)
            data += part
        request = json.loads(data[4:])
        for target, descriptor in enumerate(descriptors):
            os.dup2(descriptor, target)
            os.close(descriptor)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace",
                                      line_buffering=True)
        os.chdir(request["cwd"])
        environment = request["env"]
        # As importing awscli does in a process of its own: its data folder last on AWS_DATA_PATH.
        import awscli
        data_path = [os.path.expanduser(os.path.expandvars(part))
                     for part in environment.get("AWS_DATA_PATH", "").split(os.pathsep) if part]
        environment["AWS_DATA_PATH"] = os.pathsep.join(data_path + [os.path.join(os.path.dirname(awscli.__file__), "data")])
        if environment.get("LC_CTYPE") == "UTF-8":  # as the aws script does
            environment["LC_CTYPE"] = "en_US.UTF-8"
        os.environ.clear()
        os.environ.update(environment)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        sys.argv = request["argv"]
        try:
            status = awscli.clidriver.main()
        except SystemExit as exit:
            status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    except BaseException:
        import traceback
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
    try:
        connection.sendall(struct.pack("!i", status))
    finally:
        os._exit(status & 0xFF)


if __name__ == "__main__":
    main()
