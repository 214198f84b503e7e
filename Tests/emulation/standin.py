"""The stand-in: one WSGI app serving CodeArtifact, CodeCommit, CodeBuild and the Price List API
(pricing) entirely; and, in front of moto, the operations moto lacks of a service it serves
(CodePipeline's runs).

Each request is routed by the service its signature names, parsed and validated by that
service's botocore model, then handled by the service's class, whose methods are named after
the operations; with a `fallback` app, what no class handles goes there. /_emulator/ is the
control endpoint: faults, the call log, and the `controls` given (POST /_emulator/NAME).
"""

import json
import threading
from dataclasses import dataclass

from werkzeug.wrappers import Request, Response

from wire import ServiceError, signing_scope


@dataclass(frozen=True)
class Context:
    region: str
    account: str


class StandIn:
    def __init__(self, services, wires, faults, account, fallback=None, controls=None):
        self._services = services  # service name -> object with a method per operation
        self._wires, self._faults, self._account = wires, faults, account
        self._fallback = fallback
        self._controls = controls or {}  # route name -> function of the posted JSON object
        self.lock = threading.Lock()  # one request at a time: the state is plain dicts

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.path.startswith("/_emulator/"):
            response = self._control(request)
        elif self._fallback is not None and not self._handles(request):
            return self._fallback(environ, start_response)
        else:
            response = self._serve(request)
        return response(environ, start_response)

    def _handles(self, request):
        """Whether a class serves the request's operation (read from headers or the path: the
        body stays unread for the fallback)."""
        _, service = signing_scope(request)
        if service not in self._services:
            return False
        operation = self._wires[service].operation(request)
        return operation is not None and hasattr(self._services[service], operation.name)

    def _serve(self, request):
        region, service = signing_scope(request)
        if service not in self._services:
            return Response(json.dumps({"message": f"the stand-in does not serve {service!r}"}), 400,
                            {"Content-Type": "application/json"})
        wire = self._wires[service]
        operation = wire.operation(request)
        if operation is None:
            return wire.error(ServiceError("UnknownOperationException", "Unknown operation", 404))
        fault = self._faults.record(service, operation, lambda: wire.request_parameters(operation, request))
        if fault is not None:
            return wire.error(fault)
        handler = getattr(self._services[service], operation.name, None)
        try:
            if handler is None:
                raise ServiceError("NotImplemented", f"the stand-in does not emulate {operation.name}", 501)
            params = wire.parameters(operation, request)
            wire.validate(operation, params)
            with self.lock:
                output = handler(params, Context(region, self._account))
        except ServiceError as error:
            return wire.error(error)
        return wire.answer(operation, output)

    def _control(self, request):
        """POST /_emulator/faults {operation, error, message, times, status, match}; GET lists
        the pending ones, DELETE clears them. GET /_emulator/calls lists the operations served,
        and as `faulted` the indices of those a fault answered."""
        route = (request.method, request.path.rstrip("/"))
        if route == ("GET", "/_emulator/calls"):
            calls, faulted = self._faults.calls()
            return _json({"calls": calls, "faulted": faulted})
        if route == ("GET", "/_emulator/faults"):
            return _json({"faults": self._faults.pending()})
        if route == ("DELETE", "/_emulator/faults"):
            self._faults.clear()
            return _json({"faults": []})
        name = route[1].removeprefix("/_emulator/")
        if route[0] == "POST" and (name == "faults" or name in self._controls):
            try:
                spec = json.loads(request.get_data() or b"{}")
                if not isinstance(spec, dict):
                    raise ValueError("the body must be a JSON object")
                if name == "faults":
                    return _json(self._faults.add(spec), 201)
                return _json(self._controls[name](spec))
            except ValueError as error:
                return _json({"message": str(error)}, 400)
        return _json({"message": f"no control route {request.method} {request.path}"}, 404)


def _json(document, status=200):
    return Response(json.dumps(document), status, {"Content-Type": "application/json"})
