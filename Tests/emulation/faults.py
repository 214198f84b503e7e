"""Fault injection and the call log, shared by the stand-in and the middleware in front of moto.

A fault makes one operation ("codebuild:CreateProject", "iam:CreateRole") fail its next N calls
with a chosen error, as AWS does during IAM propagation or throttling, so scripts' retries can
be tested. A fault may also name parameters the call must carry, by their AWS CLI option names
({"policy-name": "P"}, {"filters": [...]}; null: any value), so that one of several calls of an
operation (the second put-file) fails. The call log lists every operation served, in order, and
which of them a fault answered, so a test can prove that a second run of setup.sh creates nothing.
"""

import io
import json
import threading

from botocore import xform_name
from werkzeug.wrappers import Request

from wire import ServiceError, ServiceWire, signing_scope


class Faults:
    def __init__(self, wires):
        self._wires = wires  # service name -> ServiceWire, for every emulated service
        self._lock = threading.Lock()
        self._pending = []
        self._calls = []
        self._faulted = []  # indices into _calls of the calls a fault answered

    def add(self, spec):
        """Registers a fault from the control endpoint's JSON; raises ValueError if malformed."""
        operation = spec.get("operation", "")
        service, _, name = operation.partition(":")
        wire = self._wires.get(service)
        if wire is None or name not in wire.model.operation_names:
            raise ValueError(f"unknown operation {operation!r} (expected service:Operation, "
                             f"service one of {', '.join(sorted(self._wires))})")
        times = spec.get("times", 1)
        status = spec.get("status")
        if not isinstance(times, int) or times < 1 or not (status is None or isinstance(status, int)):
            raise ValueError("times must be a positive integer and status an HTTP status code")
        match = spec.get("match") or {}
        options = _options(wire.model.operation_model(name))
        if not isinstance(match, dict) or any(option not in options for option in match):
            raise ValueError(f"match must map options of {operation} to values "
                             f"(options: {', '.join(sorted(options))})")
        fault = {"operation": operation, "error": spec.get("error", "InternalFailure"),
                 "message": spec.get("message", "injected fault"), "times": times, "status": status,
                 "match": match}
        with self._lock:
            self._pending.append(fault)
        return dict(fault)

    def pending(self):
        with self._lock:
            return [dict(fault) for fault in self._pending]

    def clear(self):
        with self._lock:
            self._pending.clear()

    def calls(self):
        with self._lock:
            return list(self._calls), list(self._faulted)

    def record(self, service, operation, parameters):
        """Logs a call; returns the ServiceError to answer with if a fault is pending for it.
        `parameters()` gives the call's input (botocore names), read only when a fault asks."""
        key = f"{service}:{operation.name}"
        options = _options(operation, comparable_only=self._wires[service].protocol == "rest-xml")
        with self._lock:
            self._calls.append(key)
            for fault in self._pending:
                if fault["operation"] == key and _matches(fault["match"], options, parameters):
                    fault["times"] -= 1
                    if fault["times"] == 0:
                        self._pending.remove(fault)
                    self._faulted.append(len(self._calls) - 1)
                    return ServiceError(fault["error"], fault["message"], fault["status"])
        return None


def _options(operation, comparable_only=False):
    """AWS CLI option name -> input member, as the CLI derives them. `comparable_only` leaves out
    what a rest-xml request carries in its XML body, which the emulator does not read back."""
    shape = operation.input_shape
    members = shape.members if shape else {}
    return {xform_name(member, "-"): member for member, member_shape in members.items()
            if not comparable_only or member_shape.serialization.get("location")}


def _matches(match, options, parameters):
    if not match:
        return True
    try:
        given = parameters()
    except ServiceError:
        return False
    return all(_same(value, given.get(options[option])) for option, value in match.items() if option in options)


def _same(wanted, given):
    """Whether a value as the CLI was given it (a word, a list of words, JSON) is the one a
    request carries; None wants any value. JSON text is compared parsed with a structured
    parameter, and dicts on the keys the fault names (shorthand syntax is not understood)."""
    if wanted is None:
        return given is not None
    if isinstance(wanted, str) and isinstance(given, list) and len(given) == 1 and not wanted.startswith("["):
        wanted = [wanted]  # one word given to a list option
    elif isinstance(wanted, str) and isinstance(given, (dict, list)):
        try:
            wanted = json.loads(wanted)
        except ValueError:
            return False
    if isinstance(wanted, bool) or isinstance(given, bool):
        return str(wanted).lower() == str(given).lower()  # query forms carry booleans as text
    if isinstance(wanted, dict):
        return isinstance(given, dict) and all(_same(value, given.get(key)) for key, value in wanted.items())
    if isinstance(wanted, list):
        return (isinstance(given, list) and len(given) == len(wanted)
                and all(_same(w, g) for w, g in zip(wanted, given)))
    return given is not None and not isinstance(given, (dict, list)) and str(wanted) == str(given)


class FaultMiddleware:
    """WSGI middleware in front of moto: logs each call and answers pending faults."""

    def __init__(self, app, faults, wires):
        self._app, self._faults, self._wires = app, faults, wires

    def __call__(self, environ, start_response):
        # Read the body once and hand moto a fresh copy: the query protocols name the
        # operation in the form body.
        length = environ.get("CONTENT_LENGTH")
        stream = environ["wsgi.input"]
        body = stream.read(int(length)) if length else (
            stream.read() if environ.get("wsgi.input_terminated") else b"")
        environ["wsgi.input"] = io.BytesIO(body)
        request = Request(dict(environ, **{"wsgi.input": io.BytesIO(body)}))
        _, service = signing_scope(request)
        wire = self._wires.get(service)
        operation = wire.operation(request) if wire else None
        if operation is not None:
            fault = self._faults.record(service, operation, lambda: wire.request_parameters(operation, request))
            if fault is not None:
                return wire.error(fault)(environ, start_response)
        return self._app(environ, start_response)
