"""AWS wire protocols, driven by botocore's service models.

The stand-in reads requests and writes answers with the same models the AWS CLI uses, so a
request the CLI can send is parsed the way AWS would parse it, and an answer the stand-in gives
is one the CLI can read. Errors use the shape of each protocol, so the CLI prints AWS's message
and exits non-zero as it would against AWS.
"""

import base64
import json
import re
import uuid
from urllib.parse import parse_qs, unquote
from xml.sax.saxutils import escape

import botocore.session
from botocore.validate import ParamValidator
from werkzeug.wrappers import Request, Response

_session = botocore.session.get_session()


class ServiceError(Exception):
    """An error AWS would answer with: `code` is the error shape's name."""

    def __init__(self, code, message, status=None):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def signing_scope(request: Request):
    """(region, service) from a SigV4 Authorization header, or (None, None)."""
    match = re.search(r"Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request",
                      request.headers.get("Authorization", ""))
    return (match.group(1), match.group(2)) if match else (None, None)


class _Route:
    """One operation's `http.requestUri`, as a regex on the path plus literal query keys."""

    def __init__(self, operation):
        self.operation = operation
        self.method = operation.http["method"]
        path, _, query = operation.http["requestUri"].partition("?")
        self.labels = []
        pattern = ""
        for part in re.split(r"(\{[^}]+\})", path):
            if part.startswith("{"):
                greedy = part.endswith("+}")
                self.labels.append(part.strip("{}+"))
                pattern += "(.+)" if greedy else "([^/]+)"
            else:
                pattern += re.escape(part)
        self.path = re.compile(pattern)
        self.query = dict(parse_qs(query, keep_blank_values=True))
        # Headers the operation requires tell apart routes of one path (S3's CopyObject needs
        # x-amz-copy-source, PutObject does not).
        shape = operation.input_shape
        self.headers = [shape.members[name].serialization.get("name", name) for name in (shape.required_members if shape else [])
                        if shape.members[name].serialization.get("location") == "header"]
        # More literal text and query keys mean a more specific route (S3's `/{Bucket}?versioning`
        # wins over `/{Bucket}`).
        self.specificity = (len(self.query), len(re.sub(r"\{[^}]+\}", "", path)))

    def match(self, method, path, query, headers=None):
        if method != self.method or (headers is not None and any(header not in headers for header in self.headers)):
            return None
        found = self.path.fullmatch(path)
        if not found or any(key not in query for key in self.query):
            return None
        return {label: unquote(value) for label, value in zip(self.labels, found.groups())}


class ServiceWire:
    """Parsing requests and writing answers of one service, by its model's protocol."""

    def __init__(self, name):
        self.model = _session.get_service_model(name)
        self.protocol = self.model.protocol
        self.routes = []
        if self.protocol.startswith("rest"):
            self.routes = sorted((_Route(self.model.operation_model(op))
                                  for op in self.model.operation_names),
                                 key=lambda route: route.specificity, reverse=True)

    # Requests

    def operation(self, request: Request):
        """The operation model a request calls, or None."""
        if self.protocol == "json":
            _, _, name = request.headers.get("X-Amz-Target", "").partition(".")
        elif self.protocol in ("query", "ec2"):
            name = request.values.get("Action", "")
        else:
            query = parse_qs(request.query_string.decode(), keep_blank_values=True)
            for route in self.routes:
                if route.match(request.method, request.path, query, request.headers) is not None:
                    return route.operation
            return None
        return self.model.operation_model(name) if name in self.model.operation_names else None

    def parameters(self, operation, request: Request):
        """The input of a json or rest-json request as the CLI's parameters (botocore names)."""
        shape = operation.input_shape
        if shape is None:
            return {}
        body = request.get_data()
        if self.protocol == "json":
            return self._json(body)
        query = parse_qs(request.query_string.decode(), keep_blank_values=True)
        labels = _Route(operation).match(request.method, request.path, query) or {}
        params = {}
        payload = shape.serialization.get("payload")
        for member, member_shape in shape.members.items():
            location = member_shape.serialization.get("location")
            wire_name = member_shape.serialization.get("name", member)
            if location == "uri":
                params[member] = labels.get(wire_name)
            elif location == "querystring":
                if wire_name in query:
                    values = query[wire_name]
                    params[member] = ([_scalar(v, member_shape.member) for v in values]
                                      if member_shape.type_name == "list"
                                      else _scalar(values[-1], member_shape))
            elif location == "header":
                if wire_name in request.headers:
                    params[member] = _scalar(request.headers[wire_name], member_shape)
        if payload:
            if body:
                payload_shape = shape.members[payload]
                params[payload] = self._json(body) if payload_shape.type_name == "structure" else body
        else:
            document = self._json(body)
            for member, member_shape in shape.members.items():
                if member_shape.serialization.get("location"):
                    continue
                wire_name = member_shape.serialization.get("name", member)
                if wire_name in document:
                    params[member] = document[wire_name]
        return {key: value for key, value in params.items() if value is not None}

    def request_parameters(self, operation, request: Request):
        """The input of a request of any protocol as botocore parameters, for matching faults;
        a rest-xml body (S3's configurations) is left out."""
        shape = operation.input_shape
        if shape is None:
            return {}
        if self.protocol in ("query", "ec2"):
            return _from_query(shape, "", request.form.to_dict(), self.protocol == "ec2") or {}
        if self.protocol == "rest-xml":
            request = Request(dict(request.environ, CONTENT_LENGTH="0"))
        return self.parameters(operation, request)

    @staticmethod
    def _json(body):
        if not body:
            return {}
        try:
            document = json.loads(body)
        except ValueError:
            raise ServiceError("SerializationException", "The request body is not valid JSON")
        if not isinstance(document, dict):
            raise ServiceError("SerializationException", "The request body is not a JSON object")
        return document

    def validate(self, operation, params):
        """Raises ValidationException as AWS would for input the model rejects."""
        problems = []
        if operation.input_shape is not None:
            report = ParamValidator().validate(params, operation.input_shape)
            if report.has_errors():
                problems.append(report.generate_report())
            problems += constraint_errors(params, operation.input_shape, "")
        if problems:
            count = len(problems)
            raise ServiceError(
                "ValidationException",
                f"{count} validation error{'s' if count > 1 else ''} detected: " + "; ".join(problems))

    # Answers

    def answer(self, operation, output):
        """A success response; `output` uses the model's member names and wire-ready values."""
        shape = operation.output_shape
        if shape is not None:
            # Lengths and ranges are the model's limits on input (an empty list of projects is
            # a fine answer); names and types must match, or the stand-in itself is wrong.
            problems = [problem for problem in ParamValidator().validate(output, shape)._errors
                        if problem[0] not in ("invalid length", "invalid range")]
            if problems:
                return self.error(ServiceError(
                    "InternalFailure", f"stand-in answer breaks the model: {problems}", 500))
        if self.protocol == "json":
            return Response(json.dumps(output), 200, self._headers("application/x-amz-json-1.1"))
        headers = self._headers("application/json")
        body = {}
        for member, value in output.items():
            member_shape = shape.members[member]
            location = member_shape.serialization.get("location")
            if location == "header":
                headers[member_shape.serialization.get("name", member)] = str(value)
            else:
                body[member_shape.serialization.get("name", member)] = value
        return Response(json.dumps(body), operation.http.get("responseCode", 200), headers)

    def error(self, error: ServiceError):
        status = error.status or self._status(error.code)
        request_id = str(uuid.uuid4())
        if self.protocol in ("json", "rest-json"):
            headers = self._headers("application/x-amz-json-1.1" if self.protocol == "json"
                                    else "application/json")
            headers["x-amzn-ErrorType"] = error.code
            headers["x-amzn-RequestId"] = request_id
            return Response(json.dumps({"__type": error.code, "message": error.message}), status, headers)
        code, message = escape(error.code), escape(error.message)
        if self.protocol == "ec2":
            xml = (f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message>"
                   f"</Error></Errors><RequestID>{request_id}</RequestID></Response>")
        elif self.protocol == "query":
            xml = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code>"
                   f"<Message>{message}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>")
        else:
            xml = f"<Error><Code>{code}</Code><Message>{message}</Message><RequestId>{request_id}</RequestId></Error>"
        return Response(xml, status, {"Content-Type": "text/xml", "x-amzn-RequestId": request_id})

    def _status(self, code):
        for shape in self.model.error_shapes:
            if shape.name == code:
                return shape.metadata.get("error", {}).get("httpStatusCode", 400)
        return {"AccessDeniedException": 403, "ThrottlingException": 429,
                "InternalFailure": 500, "ServiceUnavailable": 503}.get(code, 400)

    @staticmethod
    def _headers(content_type):
        return {"Content-Type": content_type, "x-amzn-RequestId": str(uuid.uuid4())}


def _scalar(text, shape):
    """A query-string or header value as the type its shape declares."""
    if shape.type_name in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            return text  # left for the validator to reject
    if shape.type_name == "boolean":
        return {"true": True, "false": False}.get(text.lower(), text)
    return text


def _from_query(shape, prefix, form, ec2):
    """Reads a value back from a query or ec2 form, mirroring botocore's Query/EC2 serializers;
    None when absent. Scalars stay text, as the form carries them."""
    def join(name):
        return f"{prefix}.{name}" if prefix else name

    if shape.type_name == "structure":
        found = {}
        for member, member_shape in shape.members.items():
            serialization = member_shape.serialization
            if ec2:
                name = serialization.get("queryName") or _capitalized(serialization.get("name")) or member
            else:
                name = serialization.get("name", member)
            value = _from_query(member_shape, join(name), form, ec2)
            if value is not None:
                found[member] = value
        return found or None
    if shape.type_name == "list":
        if ec2:
            items_prefix = prefix
        elif shape.serialization.get("flattened"):
            member_name = shape.member.serialization.get("name")
            items_prefix = ".".join(prefix.split(".")[:-1] + [member_name]) if member_name else prefix
        else:
            items_prefix = f"{prefix}.{shape.member.serialization.get('name', 'member')}"
        items = []
        while (item := _from_query(shape.member, f"{items_prefix}.{len(items) + 1}", form, ec2)) is not None:
            items.append(item)
        return items or ([] if form.get(prefix) == "" else None)
    if shape.type_name == "map":
        entries = prefix if shape.serialization.get("flattened") else f"{prefix}.entry"
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        found, index = {}, 1
        while f"{entries}.{index}.{key_name}" in form:
            found[form[f"{entries}.{index}.{key_name}"]] = _from_query(shape.value, f"{entries}.{index}.{value_name}", form, ec2)
            index += 1
        return found or None
    return form.get(prefix)


def _capitalized(name):
    return name[0].upper() + name[1:] if name else None


def constraint_errors(value, shape, path):
    """What AWS checks server-side and botocore does not: enums, patterns, maximum lengths."""
    errors = []
    where = path or shape.name
    if shape.type_name == "structure" and isinstance(value, dict):
        for member, member_shape in shape.members.items():
            if member in value:
                errors += constraint_errors(value[member], member_shape,
                                            f"{path}.{member}" if path else member)
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            errors += constraint_errors(item, shape.member, f"{where}.{index + 1}.member")
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, item in value.items():
            errors += constraint_errors(item, shape.value, f"{where}.{key}")
    elif shape.type_name == "string" and isinstance(value, str):
        prefix = f"Value '{value}' at '{where}' failed to satisfy constraint: Member must"
        if shape.enum and value not in shape.enum:
            errors.append(f"{prefix} satisfy enum value set: [{', '.join(shape.enum)}]")
        maximum = shape.metadata.get("max")
        if maximum is not None and len(value) > maximum:
            errors.append(f"{prefix} have length less than or equal to {maximum}")
        pattern = _pattern(shape.metadata.get("pattern"))
        if pattern is not None and not pattern.fullmatch(value):
            errors.append(f"{prefix} satisfy regular expression pattern: {shape.metadata['pattern']}")
    return errors


_patterns = {}


def _pattern(text):
    """A model's (Java) pattern compiled for Python; None when absent or not expressible."""
    if text is None:
        return None
    if text not in _patterns:
        try:
            _patterns[text] = re.compile(text, re.DOTALL)
        except re.error:
            _patterns[text] = None
    return _patterns[text]


def epoch(moment):
    """A timestamp as json and rest-json put it on the wire."""
    return round(moment.timestamp(), 3)


def blob(data: bytes):
    return base64.b64encode(data).decode()


def unblob(text):
    """A blob member of a json request: base64 text, as botocore sends it."""
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise ServiceError("ValidationException", "A blob member is not valid base64")
