"""Fault injection and the call log, shared by the stand-in and the middleware in front of moto.

A fault makes one operation ("codebuild:CreateProject", "iam:CreateRole") fail its next N calls
with a chosen error, as AWS does during IAM propagation or throttling, so scripts' retries can
be tested. The call log lists every operation served, in order, so a test can prove that a
second run of setup.sh creates nothing.
"""

import io
import threading

from werkzeug.wrappers import Request

from wire import ServiceError, ServiceWire, signing_scope


class Faults:
    def __init__(self, wires):
        self._wires = wires  # service name -> ServiceWire, for every emulated service
        self._lock = threading.Lock()
        self._pending = []
        self._calls = []

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
        fault = {"operation": operation, "error": spec.get("error", "InternalFailure"),
                 "message": spec.get("message", "injected fault"), "times": times, "status": status}
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
            return list(self._calls)

    def record(self, service, operation):
        """Logs a call; returns the ServiceError to answer with if a fault is pending for it."""
        key = f"{service}:{operation}"
        with self._lock:
            self._calls.append(key)
            for fault in self._pending:
                if fault["operation"] == key:
                    fault["times"] -= 1
                    if fault["times"] == 0:
                        self._pending.remove(fault)
                    return ServiceError(fault["error"], fault["message"], fault["status"])
        return None


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
            fault = self._faults.record(service, operation.name)
            if fault is not None:
                return wire.error(fault)(environ, start_response)
        return self._app(environ, start_response)
