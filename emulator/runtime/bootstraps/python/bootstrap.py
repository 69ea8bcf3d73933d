"""Lambda Console's Python runtime interface client (stdlib only, Python 3.8+).

Speaks the Lambda Runtime API like awslambdaric: loads `module.function` from _HANDLER under
LAMBDA_TASK_ROOT, passes Lambda's context object, reports init errors (Runtime.ImportModuleError,
Runtime.HandlerNotFound, Runtime.UserCodeSyntaxError) and invocation errors in the service's shape,
and formats the logging module's output as Lambda does.
"""

import http.client
import importlib
import json
import logging
import os
import resource
import sys
import time
import traceback
import urllib.parse

ENV = os.environ
API_HOST, _, API_PORT = ENV.get("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001").partition(":")

# The emulator passes a log sentinel on the command line (never in the function's environment); writing
# it to stdout and stderr marks where one invocation's output ends.
SENTINEL = None
for _i, _arg in enumerate(list(sys.argv)):
    if _arg.startswith("--log-sentinel="):
        SENTINEL = "\x1e" + _arg[len("--log-sentinel=") :] + "\x1f"
        del sys.argv[_i]
        break

_stdout = sys.stdout
_stderr = sys.stderr


# Our own header (the emulator's, not the Runtime API's): the process's peak RSS in KB, which is what
# Lambda reports as Max Memory Used (one getrusage call instead of the emulator reading /proc).
MAX_RSS_HEADER = "Lambda-Console-Max-Rss-Kb"


def max_rss():
    return str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def mark_log_boundary():
    if SENTINEL is None:
        return
    for stream in (_stdout, _stderr):
        try:
            stream.write(SENTINEL)
            stream.flush()
        except Exception:  # a closed or replaced stream must not break the runtime
            pass


class RuntimeClient:
    """Keep-alive HTTP client for the Runtime API (one connection, reopened if it drops)."""

    def __init__(self):
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (0, 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(API_HOST, int(API_PORT))
                self.conn.request(method, "/2018-06-01/runtime/" + path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                return response.status, response.headers, response.read()
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 1:
                    # Nobody to work for any more: the emulator is gone.
                    sys.stderr.write("Lambda Runtime API unreachable; exiting.\n")
                    os._exit(1)
        return None

    def post_json(self, path, value, headers=None):
        body = json.dumps(value).encode("utf-8")
        all_headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        all_headers.update(headers or {})
        return self.request("POST", path, body, all_headers)


client = RuntimeClient()
current_request_id = None


class LambdaLogFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = current_request_id
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + ".%03dZ" % record.msecs,
            "level": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
            "requestId": current_request_id,
        }
        if record.exc_info:
            entry["errorType"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["stackTrace"] = traceback.format_exception(*record.exc_info)
        return json.dumps(entry)


def setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(LambdaLogFilter())
    if ENV.get("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON":
        handler.setFormatter(JsonFormatter())
        level = ENV.get("AWS_LAMBDA_LOG_LEVEL", "INFO").upper()
    else:
        formatter = logging.Formatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"
        )
        formatter.converter = time.gmtime
        handler.setFormatter(formatter)
        level = "WARNING"
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)


def error_response(error, request_id=None, error_type=None):
    tb = traceback.extract_tb(error.__traceback__) if error.__traceback__ else []
    response = {
        "errorMessage": str(error),
        "errorType": error_type or type(error).__name__,
        "stackTrace": traceback.format_list(tb),
    }
    if request_id:
        response["requestId"] = request_id
    return response


def log_error(response):
    lines = ["[ERROR] %s: %s" % (response["errorType"], response["errorMessage"])]
    if response.get("stackTrace"):
        lines.append("Traceback (most recent call last):")
        lines.extend(line.rstrip("\n") for line in response["stackTrace"])
    # Lambda keeps a multi-line error as one log event.
    _stdout.write("\r".join(lines) + "\n")


class InitError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def load_handler():
    handler = ENV.get("_HANDLER", "")
    task_root = ENV.get("LAMBDA_TASK_ROOT", os.getcwd())
    if task_root not in sys.path:
        sys.path.insert(0, task_root)
    try:
        module_path, function_name = handler.rsplit(".", 1)
    except ValueError:
        raise InitError("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack" % handler)
    module_name = module_path.replace("/", ".")
    if module_name.startswith("."):
        raise InitError("Runtime.BadHandler", "Cannot use relative module names: '%s'" % module_path)
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise InitError("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_path, e))
    except SyntaxError as e:
        raise InitError("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_path, e))
    fn = getattr(module, function_name, None)
    if fn is None:
        raise InitError(
            "Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_path)
        )
    if not callable(fn):
        raise InitError("Runtime.HandlerNotFound", "Handler '%s' on module '%s' is not callable" % (function_name, module_path))
    return fn


class CognitoIdentity:
    def __init__(self, raw):
        self.cognito_identity_id = raw.get("cognitoIdentityId")
        self.cognito_identity_pool_id = raw.get("cognitoIdentityPoolId")


class ClientContext:
    def __init__(self, raw):
        self.client = raw.get("client")
        self.custom = raw.get("custom")
        self.env = raw.get("env")


class LambdaContext:
    def __init__(self, request_id, headers):
        self.aws_request_id = request_id
        self.function_name = ENV.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = ENV.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.memory_limit_in_mb = ENV.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = ENV.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = ENV.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.tenant_id = headers.get("Lambda-Runtime-Aws-Tenant-Id")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms") or 0)
        identity = _parse(headers.get("Lambda-Runtime-Cognito-Identity"))
        self.identity = CognitoIdentity(identity) if isinstance(identity, dict) else None
        client_context = _parse(headers.get("Lambda-Runtime-Client-Context"))
        self.client_context = ClientContext(client_context) if isinstance(client_context, dict) else None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def _parse(value):
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def main():
    global current_request_id
    setup_logging()
    try:
        handler = load_handler()
    except InitError as e:
        response = {"errorMessage": str(e), "errorType": e.error_type, "stackTrace": []}
        log_error(response)
        client.post_json("init/error", response, {"Lambda-Runtime-Function-Error-Type": e.error_type})
        sys.exit(1)
    except Exception as e:  # an exception raised by the module's own top-level code
        response = error_response(e)
        log_error(response)
        client.post_json("init/error", response, {"Lambda-Runtime-Function-Error-Type": response["errorType"]})
        sys.exit(1)
    mark_log_boundary()

    while True:
        _status, headers, body = client.request("GET", "invocation/next")
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        current_request_id = request_id
        trace_id = headers.get("Lambda-Runtime-Trace-Id")
        if trace_id:
            os.environ["_X_AMZN_TRACE_ID"] = trace_id
        else:
            os.environ.pop("_X_AMZN_TRACE_ID", None)
        quoted = urllib.parse.quote(request_id, safe="")
        try:
            event = json.loads(body.decode("utf-8") or "{}")
            result = handler(event, LambdaContext(request_id, headers))
            payload = json.dumps(result).encode("utf-8")
        except Exception as e:
            response = error_response(e, request_id)
            if isinstance(e, TypeError) and "JSON serializable" in str(e):
                response["errorType"] = "Runtime.MarshalError"
                response["errorMessage"] = "Unable to marshal response: %s" % e
            log_error(response)
            mark_log_boundary()
            client.post_json(
                "invocation/%s/error" % quoted,
                response,
                {"Lambda-Runtime-Function-Error-Type": response["errorType"], MAX_RSS_HEADER: max_rss()},
            )
            continue
        mark_log_boundary()
        client.request(
            "POST",
            "invocation/%s/response" % quoted,
            payload,
            {"Content-Type": "application/json", "Content-Length": str(len(payload)), MAX_RSS_HEADER: max_rss()},
        )


if __name__ == "__main__":
    main()
