// Lambda Console's Node.js runtime interface client: plain JS, no dependencies, Node 18–24.
// It speaks the Lambda Runtime API exactly like aws-lambda-ric (see shared/notes/durable-contract.md §5–6):
// resolves _HANDLER under LAMBDA_TASK_ROOT, runs async, callback and streaming handlers with Lambda's
// context object, formats console output as Lambda does and reports init and invocation errors.
// Why in-house: aws-lambda-ric is native (needs a C++ toolchain) and 4.x rejects callback handlers.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import util from "node:util";
import { Writable } from "node:stream";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const env = process.env;
const [apiHost, apiPort] = (env.AWS_LAMBDA_RUNTIME_API || "127.0.0.1:9001").split(":");
const agent = new http.Agent({ keepAlive: true });
const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split(".")[0]);

// The emulator passes a log sentinel on the command line (not in the environment the function sees);
// writing it to stdout and stderr marks where one invocation's output ends.
const sentinelArg = process.argv.findIndex((a) => a.startsWith("--log-sentinel="));
const sentinel =
  sentinelArg >= 0 ? `\u001e${process.argv[sentinelArg].slice("--log-sentinel=".length)}\u001f` : undefined;
if (sentinelArg >= 0) process.argv.splice(sentinelArg, 1);

// Kept before user code can replace them, so our framing survives a patched process.stdout.
const rawStdoutWrite = process.stdout.write.bind(process.stdout);
const rawStderrWrite = process.stderr.write.bind(process.stderr);

// Which streams were written since the last boundary: a stream nothing was written to needs no
// sentinel, and the answer's Lambda-Console-Log-Marks header tells the emulator which to expect.
// (Output that bypasses process.stdout/stderr, e.g. a child with inherited stdio, is not counted.)
let stdoutDirty = true;
let stderrDirty = true;
const stdoutWrite = (...args) => {
  stdoutDirty = true;
  return rawStdoutWrite(...args);
};
const stderrWrite = (...args) => {
  stderrDirty = true;
  return rawStderrWrite(...args);
};
process.stdout.write = stdoutWrite;
process.stderr.write = stderrWrite;

/** Ends this invocation's output; returns the streams that carry a sentinel ("out,err", "out", "err" or "none"). */
function markLogBoundary(force = false) {
  if (!sentinel) return "out,err";
  const marks = [];
  if (force || stdoutDirty) {
    rawStdoutWrite(sentinel);
    marks.push("out");
  }
  if (force || stderrDirty) {
    rawStderrWrite(sentinel);
    marks.push("err");
  }
  stdoutDirty = false;
  stderrDirty = false;
  return marks.length > 0 ? marks.join(",") : "none";
}

// ---------------------------------------------------------------------------------------------------
// Console output, formatted as the Lambda Node.js runtime formats it on stdout.

let currentRequestId;
let currentTenantId;
const LEVELS = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, FATAL: 5 };
const jsonFormat = (env.AWS_LAMBDA_LOG_FORMAT || "").toUpperCase() === "JSON";
const minLevel = jsonFormat ? (LEVELS[(env.AWS_LAMBDA_LOG_LEVEL || "INFO").toUpperCase()] ?? LEVELS.INFO) : 0;

function emit(level, args) {
  if (LEVELS[level] < minLevel) return;
  const time = new Date().toISOString();
  if (jsonFormat) {
    const record = { timestamp: time, level, requestId: currentRequestId, message: util.format(...args) };
    if (currentTenantId !== undefined) record.tenantId = currentTenantId;
    const only = args.length === 1 ? args[0] : undefined;
    if (only instanceof Error) {
      record.errorType = only.name;
      record.errorMessage = only.message;
      record.stackTrace = String(only.stack || "").split("\n");
    }
    stdoutWrite(JSON.stringify(record) + "\n");
    return;
  }
  // Newlines become \r so a multi-line message stays one log event, as in Lambda.
  const line = `${time}\t${currentRequestId}\t${level}\t${util.format(...args)}`;
  stdoutWrite(line.replace(/\n/g, "\r") + "\n");
}

console.log = (...a) => emit("INFO", a);
console.info = (...a) => emit("INFO", a);
console.warn = (...a) => emit("WARN", a);
console.error = (...a) => emit("ERROR", a);
console.debug = (...a) => emit("DEBUG", a);
console.trace = (...a) => {
  const stack = new Error().stack.split("\n").slice(2).join("\n");
  emit("TRACE", [`${util.format(...a)}\n${stack}`]);
};
console.fatal = (...a) => emit("FATAL", a);

// ---------------------------------------------------------------------------------------------------
// Errors, shaped like aws-lambda-ric's.

class RuntimeError extends Error {
  constructor(name, message, cause) {
    super(message);
    this.name = name;
    if (cause && cause.stack)
      this.stack = `${name}: ${message}\n${String(cause.stack).split("\n").slice(1).join("\n")}`;
  }
}

function toRapidResponse(error) {
  try {
    if (
      util.types.isNativeError(error) ||
      (error && typeof error === "object" && "message" in error && "name" in error)
    ) {
      return {
        errorType: String(error.name),
        errorMessage: String(error.message),
        trace: String(error.stack || "").split("\n"),
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: "handled",
      errorMessage:
        "callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack",
    };
  }
}

const formatted = (error) => {
  const r = toRapidResponse(error);
  return "\t" + JSON.stringify({ errorType: r.errorType, errorMessage: r.errorMessage, stack: r.trace });
};

// ---------------------------------------------------------------------------------------------------
// The Runtime API client.

/**
 * A keep-alive HTTP/1.1 connection to the Runtime API, spoken directly on a socket: requests are written
 * in one go (pipelined when several are outstanding) and answers parsed as they come, in order. Node's
 * http client costs a ClientRequest, agent bookkeeping and a parser per call — on a warm invoke that was
 * most of this process's CPU; aws-lambda-ric avoids it the same way (libcurl). Streaming answers, which
 * need chunked bodies and trailers, still go through node:http.
 */
class RapidConnection {
  #socket;
  #buffer = Buffer.alloc(0);
  #waiting = [];
  #head;

  request(method, urlPath, headers, body, onSent) {
    return new Promise((resolve, reject) => {
      const socket = this.#connect();
      // Referenced only while a request is out, like node:http's idle keep-alive sockets: an empty event
      // loop is how callback handlers (and beforeExit) know the function's own work is done.
      if (this.#waiting.length === 0) socket.ref();
      this.#waiting.push({ resolve, reject });
      let head = `${method} /2018-06-01/runtime/${urlPath} HTTP/1.1\r\nHost: ${apiHost}:${apiPort}\r\n`;
      for (const name in headers) head += `${name}: ${String(headers[name]).replace(/[\r\n]+/g, " ")}\r\n`;
      head += `Content-Length: ${body ? body.length : 0}\r\n\r\n`;
      socket.cork();
      if (body && body.length > 0) {
        socket.write(head, "latin1");
        socket.write(body, onSent);
      } else {
        socket.write(head, "latin1", onSent);
      }
      socket.uncork();
    });
  }

  #connect() {
    if (this.#socket) return this.#socket;
    const socket = net.connect(Number(apiPort), apiHost);
    socket.setNoDelay(true);
    socket.on("data", (chunk) => this.#onData(chunk));
    const fail = (error) => {
      if (this.#socket === socket) this.#socket = undefined;
      this.#buffer = Buffer.alloc(0);
      this.#head = undefined;
      for (const w of this.#waiting.splice(0)) w.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("connection to the Runtime API closed")));
    this.#socket = socket;
    return socket;
  }

  #onData(chunk) {
    this.#buffer = this.#buffer.length > 0 ? Buffer.concat([this.#buffer, chunk]) : chunk;
    for (;;) {
      if (!this.#head) {
        const end = this.#buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        this.#head = parseHead(this.#buffer.toString("latin1", 0, end));
        this.#buffer = this.#buffer.subarray(end + 4);
      }
      const head = this.#head;
      let body;
      if (head.chunked) {
        const decoded = decodeChunked(this.#buffer);
        if (!decoded) return;
        body = decoded.body;
        this.#buffer = this.#buffer.subarray(decoded.consumed);
      } else {
        if (this.#buffer.length < head.length) return;
        body = this.#buffer.subarray(0, head.length);
        this.#buffer = this.#buffer.subarray(head.length);
      }
      this.#head = undefined;
      // 1xx answers precede the real one.
      if (head.status >= 100 && head.status < 200) continue;
      this.#waiting.shift()?.resolve({ status: head.status, headers: head.headers, body });
      if (this.#waiting.length === 0) this.#socket?.unref();
      if (head.close) {
        this.#socket?.destroy();
        this.#socket = undefined;
      }
    }
  }
}

function parseHead(text) {
  const lines = text.split("\r\n");
  const status = Number((lines[0] || "").split(" ")[1]);
  const headers = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const chunked = /chunked/i.test(headers["transfer-encoding"] || "");
  return {
    status,
    headers,
    chunked,
    length: Number(headers["content-length"] || 0),
    close: /close/i.test(headers.connection || ""),
  };
}

/** A complete chunked body at the start of `buf` (and the bytes it took, trailers included), or undefined. */
function decodeChunked(buf) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = buf.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buf.toString("latin1", at, lineEnd), 16);
    if (Number.isNaN(size)) return undefined;
    at = lineEnd + 2;
    if (size === 0) {
      const end = buf.indexOf("\r\n\r\n", at - 2);
      if (end < 0) return undefined;
      return { body: parts.length === 1 ? parts[0] : Buffer.concat(parts), consumed: end + 4 };
    }
    if (buf.length < at + size + 2) return undefined;
    parts.push(buf.subarray(at, at + size));
    at += size + 2;
  }
}

// One connection long-polls /next; the other carries answers, so an answer never waits behind a poll.
const nextConnection = new RapidConnection();
const answerConnection = new RapidConnection();

function call(method, urlPath, body, headers = {}) {
  return (method === "GET" ? nextConnection : answerConnection).request(method, urlPath, headers, body);
}

// If the emulator is gone there is nobody to work for: exit instead of spinning.
function lost(error) {
  stderrWrite(`Lambda Runtime API unreachable (${error && error.message}); exiting.\n`);
  process.exit(1);
}

function postJson(urlPath, value, headers = {}) {
  const body = Buffer.from(JSON.stringify(value));
  return call("POST", urlPath, body, { "Content-Type": "application/json", ...headers }).catch(lost);
}

// Our own header (the emulator's, not the Runtime API's): the process's peak RSS, which is what Lambda
// reports as Max Memory Used. getrusage is one cheap syscall here; reading /proc per invoke is not.
const MAX_RSS_HEADER = "Lambda-Console-Max-Rss-Kb";
const maxRss = () => String(process.resourceUsage().maxRSS);
const LOG_MARKS_HEADER = "Lambda-Console-Log-Marks";

/**
 * Posts an invocation's answer. `sent` settles once the request is written, `acked` once the 202 came
 * back: the loop asks for the next event right after `sent` on another keep-alive connection, saving a
 * round trip per invocation (the emulator accepts /next and the answer in either order).
 */
function postAnswer(urlPath, body, headers) {
  let markSent;
  const sent = new Promise((resolve) => (markSent = resolve));
  const acked = answerConnection.request("POST", urlPath, headers, body, () => markSent()).catch(lost);
  return { sent, acked };
}

function postResponse(id, result) {
  let body;
  try {
    body = Buffer.from(JSON.stringify(result === undefined ? null : result) ?? "null");
  } catch (error) {
    return postError(id, error);
  }
  const marks = markLogBoundary();
  return postAnswer(`invocation/${encodeURIComponent(id)}/response`, body, {
    "Content-Type": "application/json",
    [MAX_RSS_HEADER]: maxRss(),
    [LOG_MARKS_HEADER]: marks,
  });
}

function postError(id, error) {
  const response = toRapidResponse(error);
  console.error("Invoke Error", formatted(error));
  const marks = markLogBoundary();
  const body = Buffer.from(JSON.stringify(response));
  return postAnswer(`invocation/${encodeURIComponent(id)}/error`, body, {
    "Content-Type": "application/json",
    "Lambda-Runtime-Function-Error-Type": response.errorType,
    [MAX_RSS_HEADER]: maxRss(),
    [LOG_MARKS_HEADER]: marks,
  });
}

async function postInitError(error) {
  const response = toRapidResponse(error);
  await postJson("init/error", response, { "Lambda-Runtime-Function-Error-Type": response.errorType });
}

// ---------------------------------------------------------------------------------------------------
// Handler resolution, as aws-lambda-ric's UserFunction.js does it.

function hasTypeModule(file) {
  let dir = path.dirname(file);
  for (;;) {
    const pj = path.join(dir, "package.json");
    if (fs.existsSync(pj)) {
      try {
        return JSON.parse(fs.readFileSync(pj, "utf8")).type === "module";
      } catch {
        return false;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

const tryRequireFile = (file, ext = "") => (fs.existsSync(file + ext) ? require(file + ext) : undefined);
const tryImport = async (file, ext) =>
  fs.existsSync(file + ext) ? await import(pathToFileURL(file + ext).href) : undefined;

async function loadModule(appRoot, moduleRoot, module) {
  const file = path.resolve(appRoot, moduleRoot, module);
  const extensionless = tryRequireFile(file);
  if (extensionless) return extensionless;
  const typeModule = hasTypeModule(file);
  if (!typeModule) {
    const cjs = tryRequireFile(file, ".js");
    if (cjs) return cjs;
  }
  const loaded =
    (typeModule && (await tryImport(file, ".js"))) || (await tryImport(file, ".mjs")) || tryRequireFile(file, ".cjs");
  if (loaded) return loaded;
  // Last resort, like the service: a package or file resolvable from the task root (may throw "Cannot find").
  return require(require.resolve(module, { paths: [path.resolve(appRoot, moduleRoot), appRoot] }));
}

async function loadHandler() {
  const handlerString = env._HANDLER || "";
  const appRoot = env.LAMBDA_TASK_ROOT || process.cwd();
  if (handlerString.includes("..")) {
    throw new RuntimeError(
      "Runtime.MalformedHandlerName",
      "'../' not allowed in handler name. Relative imports are not supported.",
    );
  }
  const slash = handlerString.lastIndexOf("/");
  const moduleRoot = handlerString.slice(0, slash + 1);
  const match = /^([^.]*)\.(.*)$/.exec(handlerString.slice(slash + 1));
  if (!match) throw new RuntimeError("Runtime.MalformedHandlerName", "Bad handler");
  const [, module, handlerPath] = match;
  let userModule;
  try {
    userModule = await loadModule(appRoot, moduleRoot, module);
  } catch (e) {
    if (e instanceof SyntaxError) throw new RuntimeError("Runtime.UserCodeSyntaxError", String(e), e);
    if (e && (e.code === "MODULE_NOT_FOUND" || e.code === "ERR_MODULE_NOT_FOUND")) {
      throw new RuntimeError("Runtime.ImportModuleError", String(e), e);
    }
    throw e;
  }
  const handler = handlerPath
    .split(".")
    .reduce((nested, key) => (nested == null ? undefined : nested[key]), userModule);
  if (handler === undefined) {
    throw new RuntimeError("Runtime.HandlerNotFound", `${handlerString} is undefined or not exported`);
  }
  if (typeof handler !== "function") {
    throw new RuntimeError("Runtime.HandlerNotFound", `${handlerString} is not a function`);
  }
  if (nodeMajor >= 24 && !isStreaming(handler) && handler.length >= 3) {
    // The nodejs24.x runtime refuses callback handlers at init; we do the same so code behaves as deployed.
    throw new RuntimeError(
      "Runtime.CallbackHandlerDeprecated",
      "ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.",
    );
  }
  return handler;
}

// ---------------------------------------------------------------------------------------------------
// globalThis.awslambda: response streaming.

const STREAMING = Symbol.for("aws.lambda.runtime.handler.streaming");
const HIGH_WATER_MARK = Symbol.for("aws.lambda.runtime.handler.streaming.highWaterMark");
const isStreaming = (handler) => handler[STREAMING] === "response";
const HTTP_INTEGRATION = "application/vnd.awslambda.http-integration-response";

class HttpResponseStream {
  static from(underlyingStream, prelude) {
    underlyingStream.setContentType(HTTP_INTEGRATION);
    underlyingStream.write(JSON.stringify(prelude ?? {}));
    underlyingStream.write(Buffer.alloc(8));
    return underlyingStream;
  }
}

globalThis.awslambda = {
  streamifyResponse(handler, options) {
    handler[STREAMING] = "response";
    if (options && typeof options.highWaterMark === "number") handler[HIGH_WATER_MARK] = options.highWaterMark;
    return handler;
  },
  HttpResponseStream,
};

function createResponseStream(id, highWaterMark) {
  const req = http.request({
    agent,
    host: apiHost,
    port: apiPort,
    method: "POST",
    path: `/2018-06-01/runtime/invocation/${encodeURIComponent(id)}/response`,
    headers: {
      "Lambda-Runtime-Function-Response-Mode": "streaming",
      "Transfer-Encoding": "chunked",
      Trailer: "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body",
      "Content-Type": "application/octet-stream",
    },
  });
  const accepted = new Promise((resolve) => {
    req.on("response", (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", lost);
  });
  const stream = new Writable({
    ...(highWaterMark ? { highWaterMark } : {}),
    write(chunk, encoding, callback) {
      req.write(chunk, encoding, callback);
    },
    final(callback) {
      // Headers are long sent: mark both streams, as the emulator expects without the header.
      markLogBoundary(true);
      req.end();
      callback();
    },
  });
  stream.setContentType = (contentType) => {
    if (!req.headersSent) req.setHeader("Content-Type", contentType);
  };
  stream.fail = (error) => {
    const response = toRapidResponse(error);
    console.error("Invoke Error", formatted(error));
    if (!stream.writableEnded) {
      req.addTrailers({
        "Lambda-Runtime-Function-Error-Type": response.errorType,
        "Lambda-Runtime-Function-Error-Body": Buffer.from(JSON.stringify(response)).toString("base64"),
      });
      stream.end();
    }
  };
  return { stream, accepted };
}

// ---------------------------------------------------------------------------------------------------
// Invocations.

let beforeExitTask;
process.on("beforeExit", () => {
  const task = beforeExitTask;
  beforeExitTask = undefined;
  if (task) task();
});

let currentId;
process.on("uncaughtException", (error) => {
  console.error("Uncaught Exception", formatted(error));
  fatal(error, 129);
});
process.on("unhandledRejection", (reason) => {
  const error = new RuntimeError(
    "Runtime.UnhandledPromiseRejection",
    reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
    reason instanceof Error ? reason : undefined,
  );
  console.error("Unhandled Promise Rejection", formatted(error));
  fatal(error, 128);
});

// An error that escaped the handler: fail the invocation it happened in (or init), then end the process.
function fatal(error, code) {
  const id = currentId;
  currentId = undefined;
  // Wait for the 202 before exiting: closing a socket with an unread reply can reset the connection.
  const post = id ? postError(id, error).acked : initialized ? Promise.resolve() : postInitError(error);
  post.finally(() => process.exit(code));
}

let initialized = false;

function buildContext(id, headers, complete) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"]);
  const parse = (value) => {
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  };
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: id,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: parse(headers["lambda-runtime-cognito-identity"]),
    clientContext: parse(headers["lambda-runtime-client-context"]),
    tenantId: headers["lambda-runtime-aws-tenant-id"],
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    // Legacy completion methods: answer at once, without waiting for the event loop.
    done: (error, result) => complete(error, result),
    succeed: (result) => complete(null, result),
    fail: (error) => complete(error ?? "handled"),
  };
  return context;
}

function invoke(handler, id, headers, body) {
  return new Promise((resolveInvocation) => {
    let finished = false;
    const complete = (error, result) => {
      if (finished) return;
      finished = true;
      beforeExitTask = undefined;
      currentId = undefined;
      const posted = error !== null && error !== undefined ? postError(id, error) : postResponse(id, result);
      posted.sent.then(resolveInvocation);
    };
    const context = buildContext(id, headers, complete);
    let event;
    try {
      event = JSON.parse(body.length ? body.toString("utf8") : "{}");
    } catch (error) {
      complete(error);
      return;
    }

    if (isStreaming(handler)) {
      const { stream, accepted } = createResponseStream(id, handler[HIGH_WATER_MARK]);
      const finish = () => {
        if (finished) return;
        finished = true;
        currentId = undefined;
        accepted.then(resolveInvocation);
      };
      Promise.resolve()
        .then(() => handler(event, stream, context))
        .then(
          () => {
            if (!stream.writableEnded) stream.end();
            finish();
          },
          (error) => {
            stream.fail(error);
            finish();
          },
        );
      return;
    }

    // Until the handler answers, an empty event loop answers null (callback-style semantics).
    beforeExitTask = () => complete(null, undefined);
    const callback = (error, result) => {
      if (context.callbackWaitsForEmptyEventLoop) {
        // Answer once everything the handler started has finished, as Lambda does by default.
        beforeExitTask = () => complete(error, result);
      } else {
        complete(error, result);
      }
    };
    let result;
    try {
      result = handler(event, context, callback);
    } catch (error) {
      complete(error);
      return;
    }
    if (result && typeof result.then === "function") {
      result.then(
        (value) => complete(null, value),
        (error) => complete(error ?? new Error("Promise rejected with " + String(error))),
      );
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (error) {
    console.error("Uncaught Exception", formatted(error));
    await postInitError(error);
    process.exit(129);
  }
  initialized = true;
  markLogBoundary(true);
  for (;;) {
    let next;
    try {
      next = await call("GET", "invocation/next");
    } catch (error) {
      lost(error);
    }
    const id = next.headers["lambda-runtime-aws-request-id"];
    currentRequestId = id;
    currentTenantId = next.headers["lambda-runtime-aws-tenant-id"];
    currentId = id;
    const traceId = next.headers["lambda-runtime-trace-id"];
    if (traceId) env._X_AMZN_TRACE_ID = traceId;
    else delete env._X_AMZN_TRACE_ID;
    await invoke(handler, id, next.headers, next.body);
  }
}

main();
