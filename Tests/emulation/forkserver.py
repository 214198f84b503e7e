"""A fork server: a process that has paid its slow start once (imports, data files read) forks
a child for each call instead, so a call skips that start. The warm AWS CLI (warm_cli.py) and the
emulator server (emulator.py --fork-server) are two.

A call is made by a small client executable, FOLDER/bin/NAME (forkclient.c compiled, or where no
C compiler is, the Python script CLIENT below, whose start costs more CPU): it hands its arguments,
environment, working folder and standard streams (the descriptors themselves) to the server over
FOLDER/NAME.sock, and exits with the call's status. The child runs the program's own main() with
them, as a process of its own would; only the process start differs. With the server gone, the
client runs `fallback` itself.
"""

import ctypes
import gc
import hashlib
import io
import json
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading

CLIENT = """#!{python} -SE
# Made by Tests/emulation/forkserver.py: runs {name} in a child of its warm server (see there).
import json, os, socket, struct, sys
request = json.dumps({{"argv": sys.argv, "cwd": os.getcwd(), "env": dict(os.environ)}}).encode()
server = socket.socket(socket.AF_UNIX)
try:
    server.connect({socket!r})
except OSError:
    os.execv({fallback[0]!r}, {fallback!r} + sys.argv[1:])
socket.send_fds(server, [struct.pack("!I", len(request)) + request], [0, 1, 2])
status = b""
while len(status) < 4:
    part = server.recv(4 - len(status))
    if not part:
        sys.exit(255)
    status += part
sys.exit(struct.unpack("!i", status)[0])
"""


def listen(folder, name, fallback):
    """Writes FOLDER/bin/NAME and returns the socket it calls, listening."""
    path = os.path.join(folder, name + ".sock")
    os.makedirs(os.path.join(folder, "bin"), exist_ok=True)
    client = os.path.join(folder, "bin", name)
    compiled = compiled_client()
    if compiled:
        shutil.copyfile(compiled, client)
        with open(client + ".fallback", "wb") as file:
            file.write(b"".join(os.fsencode(word) + b"\0" for word in fallback))
    else:
        with open(client, "w") as file:
            file.write(CLIENT.format(python=sys.executable, name=name, socket=path, fallback=list(fallback)))
    os.chmod(client, 0o755)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(64)
    return listener


def compiled_client():
    """forkclient.c, the client without Python's start, compiled once for the machine (kept in
    the temporary folder under a name of its source's hash); None without a C compiler."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forkclient.c")
    with open(source, "rb") as file:
        digest = hashlib.sha256(file.read()).hexdigest()[:16]
    binary = os.path.join(tempfile.gettempdir(), "vpcpipe-forkclient-" + digest)
    if os.access(binary, os.X_OK):
        return binary
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not compiler:
        return None
    building = "%s.%d" % (binary, os.getpid())
    if subprocess.run([compiler, "-O2", "-o", building, source], stdin=subprocess.DEVNULL).returncode != 0:
        return None
    os.replace(building, binary)
    return binary


def serve(listener, run):
    """Forks a child for each connection, which calls run(environment) with the caller's streams,
    folder and arguments (sys.argv) in place, and exits with the status it returns; run sets
    os.environ, and enables the collector if its program lives long. Never returns."""
    # Every child inherits this heap; the cyclic collector, walking it, would write to (and so
    # copy) most of its pages in each child: the heap stays out of collections here, and a
    # child makes none until its program runs.
    gc.freeze()
    while True:
        connection, _ = listener.accept()
        reap()
        if os.fork() == 0:
            listener.close()
            call(connection, run)
        connection.close()


def reap():
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def call(connection, run):
    """In the forked child: one call, as a process of its own would make it."""
    gc.disable()
    status, _ = _run_call(connection, run)
    try:
        connection.sendall(struct.pack("!i", status))
    finally:
        os._exit(status & 0xFF)


def serve_in_workers(listener, run, reset, workers, calls=200):
    """Like serve, for a program whose calls can follow one another in one process once reset()
    has put back what a call changed: `workers` children of this process each take calls from
    the listener and run them in turn. A child ends after a call that raised, after `calls`
    calls, or when its caller goes before the call's end (as a killed caller's own process
    would); a new copy of this process takes its place. Never returns."""
    gc.freeze()
    children = set()
    while True:
        while len(children) < workers:
            pid = os.fork()
            if pid == 0:
                _work(listener, run, reset, calls)
            children.add(pid)
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            continue
        children.discard(pid)


def _work(listener, run, reset, calls):
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: end with the server
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDWR)
    for _ in range(calls):
        connection, _ = listener.accept()
        done = threading.Event()
        threading.Thread(target=_end_if_caller_goes, args=(connection, done), daemon=True).start()
        status, finished = _run_call(connection, run)
        done.set()
        for target in (0, 1, 2):  # the caller's streams, closed: it reads them to their end
            os.dup2(null, target)
        try:
            connection.sendall(struct.pack("!i", status))
        except OSError:
            pass
        connection.close()
        if not finished or not reset():
            break
    os._exit(0)


def _end_if_caller_goes(connection, done):
    """Ends the process when the caller closes its end before the call's status is sent."""
    poller = select.poll()
    poller.register(connection, select.POLLRDHUP | select.POLLHUP)
    while not done.is_set():
        if poller.poll(50) and not done.is_set():
            os._exit(1)


def _run_call(connection, run):
    """Runs one call with the caller's streams, folder, arguments and environment in place:
    (its status, whether it returned rather than raised)."""
    status, finished = 255, False
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
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        sys.argv = request["argv"]
        try:
            status = run(request["env"])
        except SystemExit as exit:
            status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        finished = True
    except BaseException:
        import traceback
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
    return (status or 0) & 0xFF, finished
