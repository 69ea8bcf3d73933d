/**
 * One execution environment: a child process running a runtime against its own Runtime API listener,
 * serving one invocation at a time. It turns Runtime API answers, timeouts and process exits into
 * invocation results with the invocation's log (START / output / END / REPORT), and tells its owner
 * when it can take more work or is gone. A crashing or hanging function only ever kills its own process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import type { EmulatorContext } from "../context";
import type { FunctionConfig } from "../store/functions-repo";
import type { ChunkStream } from "./chunk-stream";
import { lambdaEnvironment, logStreamName } from "./lambda-env";
import { LogCollector } from "./log-collector";
import { PeakMemory } from "./memory";
import {
  errorPayload,
  exitDescription,
  exitMessage,
  exitPayload,
  invocationLog,
  timeoutLogLine,
  timeoutPayload,
  tooLargePayload,
} from "./platform-log";
import {
  MAX_RESPONSE_BYTES,
  RuntimeApiServer,
  type AnswerNotes,
  type RuntimeEvent,
  type RuntimeOutcome,
} from "./runtime-api";
import type { RuntimeLauncher } from "./runtimes";

/** Lambda gives init 10 s on top of the function timeout before the environment is abandoned. */
const INIT_ALLOWANCE_MS = 10_000;
/** How long we wait for the log sentinel after an answer before cutting the log where it is. */
const SENTINEL_GRACE_MS = 2_000;
/** After the process exited, how long its stdio may stay open (grandchildren holding the pipes). */
const STDIO_GRACE_MS = 500;

export interface EnvironmentSpec {
  key: string;
  config: FunctionConfig;
  codeDir: string;
  layerDirs: string[];
  launcher: RuntimeLauncher;
  /** Parent of the per-environment tmp dirs. */
  scratchDir: string;
  /**
   * `fn:qualifier` of the provisioned concurrency config this environment is held for: it starts without
   * a job (pre-initialised), sees AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency, and its first
   * invocation is warm.
   */
  provisionedFor?: string;
}

/** How a pre-initialised environment's init ended: ready for work, or the reason it is not. */
export type InitOutcome = { ok: true } | { ok: false; reason: string };

export interface Job {
  requestId: string;
  event: Omit<RuntimeEvent, "deadlineMs" | "requestId">;
  /** Streamed answers go here as they arrive; without it they are collected into the payload. */
  onStream?: (stream: ChunkStream) => void;
  resolve(result: RunResult): void;
}

export type RunStatus = "success" | "error" | "timeout";

export interface RunResult {
  status: RunStatus;
  /** The function's answer, or the error payload. Empty when the answer was streamed to onStream. */
  payload: Buffer;
  streamed: boolean;
  errorType?: string;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  billedDurationMs: number;
  initDurationMs?: number;
  maxMemoryUsedMB: number;
  log: string;
  /** The environment's CloudWatch Logs stream name (AWS_LAMBDA_LOG_STREAM_NAME); absent when none ran. */
  logStream?: string;
}

export interface EnvironmentOwner {
  /** The environment can take a job (assign() now). */
  onFree(env: Environment): void;
  /** The process is gone. `orphan` is a job that was assigned but never started (safe to run elsewhere). */
  onGone(env: Environment, orphan: Job | undefined): void;
}

interface Ending {
  status: RunStatus;
  payload: Buffer;
  streamed?: boolean;
  errorType?: string;
  /** Platform lines after the function's output (timeout, crash). */
  trailer?: string;
  /** REPORT's Status / Error Type for platform-ended invocations. */
  reportStatus?: "timeout" | "error";
  /** Peak RSS the runtime reported with its answer (our bootstraps do). */
  maxRssKb?: number;
  /** Which of [stdout, stderr] carry a log sentinel (our Node bootstrap says); absent = both. */
  logMarks?: [boolean, boolean];
}

export class Environment {
  readonly id = randomBytes(6).toString("hex");
  readonly key: string;
  readonly config: FunctionConfig;
  private readonly api: RuntimeApiServer;
  private child: ChildProcess | undefined;
  private collector: LogCollector | undefined;
  private memory = new PeakMemory(undefined);
  private readonly tmpDir: string;
  private readonly sentinelHex = randomBytes(16).toString("hex");
  /** One log stream per execution environment, named as Lambda names it; its invocations' logs go there. */
  readonly logStream: string;

  private spawnedAt = 0;
  initialized = false;
  private initDurationMs: number | undefined;
  private initSegment: Promise<Buffer> | undefined;
  private initError: { errorType: string | undefined; payload: Buffer } | undefined;
  private spawnError: Error | undefined;

  /** The job this environment works on (assigned, maybe not yet dispatched). */
  private job: Job | undefined;
  private dispatched = false;
  private cold = true;
  private startedAt = 0;
  private startedAtEpoch = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The current job's streamed answer, ended by the platform on a timeout or crash. */
  private stream: ChunkStream | undefined;
  /** Set once the current job has an ending (answer, timeout, crash); guards against double endings. */
  private ending = false;
  dead = false;
  /** No new work: the function changed, or the pool shrinks. */
  retiring = false;
  lastUsed = Date.now();
  readonly closed: Promise<void>;
  private markClosed: () => void = () => {};
  /** Held for a provisioned concurrency config (`fn:qualifier`); cleared when the config lets it go. */
  provisionedFor: string | undefined;
  /** Settles when init ends: the runtime asked for work, or the process ended before it did. */
  readonly ready: Promise<InitOutcome>;
  private markReady: (outcome: InitOutcome) => void = () => {};
  private initTimedOut = false;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly spec: EnvironmentSpec,
    private readonly owner: EnvironmentOwner,
  ) {
    this.key = spec.key;
    this.config = spec.config;
    this.tmpDir = `${spec.scratchDir}/env-${this.id}`;
    this.logStream = logStreamName(spec.config.Version);
    this.provisionedFor = spec.provisionedFor;
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.api = new RuntimeApiServer({
      onNext: () => this.onNext(),
      onOutcome: (id, outcome) => this.onOutcome(id, outcome),
      onInitError: (errorType, payload) => this.onInitError(errorType, payload),
    });
  }

  get functionName(): string {
    return this.config.FunctionName;
  }

  get version(): string {
    return this.config.Version;
  }

  /**
   * Free for a new job: initialised, alive, not retiring, no job (it may still be on its way back to
   * /next). A pre-initialising environment is not free until its init is done.
   */
  get free(): boolean {
    return !this.dead && !this.retiring && this.job === undefined && this.initialized;
  }

  /** Parked in /next right now (the best candidate for the next job). */
  get waiting(): boolean {
    return this.free && this.api.waiting;
  }

  /**
   * Starts the process with a first job (a cold start), or without one (pre-initialised for provisioned
   * concurrency: `ready` tells when init is done, and the first job is warm). Never throws: failures end
   * the job, or settle `ready` with the reason.
   */
  async start(job?: Job): Promise<void> {
    this.job = job;
    this.dispatched = false;
    // Init of a pre-initialised environment belongs to no invocation: its first invocation is warm.
    if (!job) this.cold = false;
    this.spawnedAt = performance.now();
    try {
      const runtimeApi = await this.api.listen();
      if (this.dead) return;
      await mkdir(this.tmpDir, { recursive: true });
      // Killed (shutdown, retire) while we were getting ready: don't start a process nobody owns, and
      // take back the tmp dir (cleanup may have run before it existed).
      if (this.dead) {
        await rm(this.tmpDir, { recursive: true, force: true }).catch(() => undefined);
        return;
      }
      const { launcher, codeDir, layerDirs } = this.spec;
      const env = lambdaEnvironment(this.ctx, this.config, launcher, {
        codeDir,
        layerDirs,
        tmpDir: this.tmpDir,
        runtimeApi,
        logStreamName: this.logStream,
        initializationType: this.provisionedFor ? "provisioned-concurrency" : "on-demand",
      });
      const { file, args } = launcher.command(codeDir, layerDirs, this.sentinelHex, this.config.MemorySize ?? 128);
      this.spawnedAt = performance.now();
      const child = spawn(file, args, {
        cwd: codeDir,
        // Next's type augmentation makes NODE_ENV mandatory in ProcessEnv; the function must not get one.
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
        // Own process group, so a timeout kills whatever the function started too.
        detached: true,
      });
      this.child = child;
      this.memory = new PeakMemory(child.pid);
      const sources = [child.stdout, child.stderr].filter((s) => s !== null);
      this.collector = new LogCollector(sources, launcher.sentinel ? sentinelToken(this.sentinelHex) : undefined);
      if (launcher.sentinel) this.initSegment = this.collector.nextSegment().promise;
      child.once("error", (error) => {
        this.spawnError = error;
        this.onExit(null, null);
      });
      child.once("exit", (code, signal) => this.onExit(code, signal));
      this.armTimer(INIT_ALLOWANCE_MS + this.timeoutMs);
    } catch (error) {
      this.spawnError = error instanceof Error ? error : new Error(String(error));
      this.onExit(null, null);
    }
  }

  /** Gives a free environment its next job; it starts as soon as the runtime asks for it. */
  assign(job: Job): void {
    this.job = job;
    this.dispatched = false;
    this.ending = false;
    this.lastUsed = Date.now();
    if (this.api.waiting) this.dispatch();
  }

  /** Stops taking work; the process is killed now if idle, else after its job. */
  retire(): void {
    this.retiring = true;
    if (this.job === undefined) this.kill();
  }

  kill(): void {
    const child = this.child;
    if (!child) {
      // Not spawned yet (still listening / making its tmp dir): nothing to kill, just end it.
      this.onExit(null, null);
      return;
    }
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }

  private get timeoutMs(): number {
    return (this.config.Timeout ?? 3) * 1000;
  }

  private armTimer(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.onTimeout(), ms);
  }

  private onNext(): void {
    if (!this.initialized) {
      this.initialized = true;
      this.initDurationMs = performance.now() - this.spawnedAt;
      clearTimeout(this.timer);
      this.markReady({ ok: true });
    }
    if (this.job && !this.dispatched) this.dispatch();
    else if (this.job === undefined) {
      if (this.retiring) this.kill();
      else this.owner.onFree(this);
    }
  }

  private dispatch(): void {
    const job = this.job;
    if (!job) return;
    this.dispatched = true;
    this.ending = false;
    this.startedAt = performance.now();
    this.startedAtEpoch = Date.now();
    this.api.dispatch({ ...job.event, requestId: job.requestId, deadlineMs: this.startedAtEpoch + this.timeoutMs });
    this.armTimer(this.timeoutMs);
  }

  private onOutcome(requestId: string, outcome: RuntimeOutcome): void {
    const job = this.job;
    if (!job || requestId !== job.requestId || this.ending) return;
    switch (outcome.kind) {
      case "response":
        this.end({ status: "success", payload: outcome.payload, ...notes(outcome) });
        return;
      case "error":
        this.end({
          status: "error",
          payload: outcome.payload,
          errorType: outcome.errorType ?? errorTypeOf(outcome.payload),
          ...notes(outcome),
        });
        return;
      case "too-large": {
        const payload = tooLargePayload(outcome.bytes, MAX_RESPONSE_BYTES);
        this.end({ status: "error", payload, errorType: "Function.ResponseSizeTooLarge" });
        return;
      }
      case "stream":
        void this.followStream(job, outcome.stream);
        return;
    }
  }

  /** A streamed answer: the invocation lasts until the stream ends (the timeout still applies). */
  private async followStream(job: Job, stream: ChunkStream): Promise<void> {
    this.stream = stream;
    if (job.onStream) {
      job.onStream(stream);
      const end = await stream.done;
      if (this.job !== job || this.ending) return;
      this.end({
        status: end.errorType ? "error" : "success",
        // The answer went to the consumer; what remains to report is the error body, if any.
        payload: end.errorBody ?? Buffer.alloc(0),
        streamed: true,
        ...(end.errorType ? { errorType: end.errorType } : {}),
      });
      return;
    }
    // Buffered for Invoke: keep at most the 6 MB an answer may have, but read (and count) everything.
    const chunks: Buffer[] = [];
    for await (const chunk of stream) if (stream.bytes <= MAX_RESPONSE_BYTES) chunks.push(chunk);
    const end = await stream.done;
    const body = stream.bytes <= MAX_RESPONSE_BYTES ? Buffer.concat(chunks) : Buffer.alloc(0);
    if (this.job !== job || this.ending) return;
    if (end.errorType) {
      this.end({
        status: "error",
        payload: end.errorBody ?? errorPayload(end.errorType, ""),
        errorType: end.errorType,
      });
    } else if (stream.bytes > MAX_RESPONSE_BYTES) {
      const payload = tooLargePayload(stream.bytes, MAX_RESPONSE_BYTES);
      this.end({ status: "error", payload, errorType: "Function.ResponseSizeTooLarge" });
    } else {
      this.end({ status: "success", payload: body });
    }
  }

  private async onTimeout(): Promise<void> {
    const job = this.job;
    if (this.dead || this.ending) return;
    if (!job) {
      // A pre-initialising environment whose init outlasted its allowance.
      if (!this.initialized) {
        this.initTimedOut = true;
        this.kill();
      }
      return;
    }
    const seconds = this.config.Timeout ?? 3;
    // Read the peak before the kill; afterwards /proc/<pid> is gone. The answer may land meanwhile.
    await this.memory.read();
    if (this.job !== job || this.ending) return;
    this.end(
      {
        status: "timeout",
        payload: timeoutPayload(job.requestId, seconds),
        errorType: "Sandbox.Timedout",
        trailer: timeoutLogLine(job.requestId, seconds),
        reportStatus: "timeout",
      },
      { killed: true },
    );
  }

  private onInitError(errorType: string | undefined, payload: Buffer): void {
    this.initError = { errorType: errorType ?? errorTypeOf(payload), payload };
    // The runtime exits by itself after reporting; a custom bootstrap might not.
    this.kill();
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.dead) return;
    this.dead = true;
    clearTimeout(this.timer);
    this.api.abandon();
    if (!this.initialized) this.markReady({ ok: false, reason: this.initFailure(code, signal) });
    const job = this.job;
    if (job && !this.ending) {
      if (this.initialized && !this.dispatched) {
        // Never started here: the owner runs it in another environment.
        this.job = undefined;
      } else {
        this.end(this.failureEnding(job.requestId, code, signal), { exited: true });
      }
    }
    void this.cleanup(job && !this.ending ? job : undefined);
  }

  /** Why init did not finish, as a provisioned concurrency config's StatusReason. */
  private initFailure(code: number | null, signal: NodeJS.Signals | null): string {
    if (this.initError) {
      let detail = this.initError.payload.toString("utf8");
      try {
        const parsed = JSON.parse(detail) as { errorType?: unknown; errorMessage?: unknown };
        detail = `${String(parsed.errorType ?? this.initError.errorType ?? "Runtime.Unknown")}: ${String(parsed.errorMessage ?? "")}`;
      } catch {
        // Not JSON: the text itself says it.
      }
      return `Function initialization failed. ${detail}`;
    }
    if (this.initTimedOut) {
      return `Function initialization failed. Init did not finish within ${(INIT_ALLOWANCE_MS + this.timeoutMs) / 1000} seconds.`;
    }
    if (this.spawnError) return `Function initialization failed. ${spawnFailure(this.spawnError, this.spec.launcher)}`;
    if (this.retiring || (signal === "SIGKILL" && code === null))
      return "The environment was stopped before init finished.";
    return `Function initialization failed. Runtime exited before init finished: ${exitDescription(code, signal)}`;
  }

  /** What to answer when the process ended without answering. */
  private failureEnding(requestId: string, code: number | null, signal: NodeJS.Signals | null): Ending {
    if (this.initError) {
      const errorType = this.initError.errorType ?? "Runtime.Unknown";
      return { status: "error", payload: this.initError.payload, errorType, reportStatus: "error" };
    }
    if (this.spawnError) {
      const message = `RequestId: ${requestId} Error: ${spawnFailure(this.spawnError, this.spec.launcher)}`;
      return {
        status: "error",
        payload: errorPayload("Runtime.InvalidEntrypoint", message),
        errorType: "Runtime.InvalidEntrypoint",
        trailer: `${message}\nRuntime.InvalidEntrypoint\n`,
        reportStatus: "error",
      };
    }
    const description = exitDescription(code, signal);
    return {
      status: "error",
      payload: exitPayload(requestId, description),
      errorType: "Runtime.ExitError",
      trailer: `${exitMessage(requestId, description)}\nRuntime.ExitError\n`,
      reportStatus: "error",
    };
  }

  /**
   * Ends the current job: its log segment is claimed synchronously (so the next job's output cannot be
   * mixed in), then logs and memory are gathered and the job resolved.
   */
  private end(ending: Ending, how: { killed?: boolean; exited?: boolean } = {}): void {
    const job = this.job;
    if (!job || this.ending) return;
    this.ending = true;
    clearTimeout(this.timer);
    const endedAt = performance.now();
    const cold = this.cold;
    this.cold = false;
    const wasDispatched = this.dispatched;
    const durationMs = wasDispatched ? endedAt - this.startedAt : 0;
    const initDurationMs = cold ? (this.initDurationMs ?? endedAt - this.spawnedAt) : undefined;
    const segment = this.claimOutput(ending.logMarks);
    const platformEnded = how.killed || how.exited || ending.reportStatus !== undefined;
    // A stream cut short by the platform ends with the platform's error, as trailers would carry it.
    if (this.stream && !ending.streamed) {
      this.stream.end({ errorType: ending.errorType ?? "Runtime.Unknown", errorBody: ending.payload });
    }
    this.stream = undefined;
    if (how.killed) {
      this.api.abandon();
      this.kill();
    }
    if (platformEnded) this.retiring = true;

    void (async () => {
      const [initOutput, output, maxMemoryUsedMB] = await Promise.all([
        cold && this.initSegment ? this.initSegment : Promise.resolve(undefined),
        segment,
        this.peakMemory(ending, how),
      ]);
      const billedDurationMs = Math.ceil(durationMs + (initDurationMs ?? 0));
      const arn = this.config.RuntimeVersionConfig?.RuntimeVersionArn;
      const endedAt = Date.now();
      const startedAt = wasDispatched ? this.startedAtEpoch : endedAt - durationMs;
      const log = invocationLog({
        requestId: job.requestId,
        version: this.config.Version,
        init: cold
          ? {
              line: `INIT_START Runtime Version: ${this.spec.launcher.versionLabel}${arn ? `\tRuntime Version ARN: ${arn}` : ""}`,
              notes: this.spec.launcher.notes,
              output: initOutput,
            }
          : undefined,
        output,
        trailer: ending.trailer,
        report: {
          requestId: job.requestId,
          durationMs,
          billedDurationMs,
          memorySizeMB: this.config.MemorySize ?? 128,
          maxMemoryUsedMB,
          ...(initDurationMs !== undefined ? { initDurationMs } : {}),
          ...(ending.reportStatus ? { status: ending.reportStatus } : {}),
          ...(ending.reportStatus === "error" && ending.errorType ? { errorType: ending.errorType } : {}),
        },
        json:
          this.config.LoggingConfig?.LogFormat === "JSON"
            ? {
                initStartedAt: startedAt - (initDurationMs ?? 0),
                startedAt,
                endedAt,
                runtimeVersion: this.spec.launcher.versionLabel,
                runtimeVersionArn: arn,
                status: ending.status,
                errorType: ending.errorType,
              }
            : undefined,
      });
      job.resolve({
        status: ending.status,
        payload: ending.payload,
        streamed: ending.streamed ?? false,
        ...(ending.errorType ? { errorType: ending.errorType } : {}),
        startedAt,
        endedAt,
        durationMs,
        billedDurationMs,
        ...(initDurationMs !== undefined ? { initDurationMs } : {}),
        maxMemoryUsedMB,
        log,
        logStream: this.logStream,
      });
    })();

    // The environment takes new work as soon as its runtime is back in /next.
    this.job = undefined;
    this.lastUsed = Date.now();
    if (!this.dead && !this.retiring) this.owner.onFree(this);
    else if (!this.dead && this.retiring && !how.killed) this.kill();
  }

  /** Max Memory Used: as the runtime reported it, else read from /proc while the process lives. */
  private peakMemory(ending: Ending, how: { killed?: boolean; exited?: boolean }): Promise<number> | number {
    if (ending.maxRssKb !== undefined) {
      this.memory.lastMB = Math.max(this.memory.lastMB, Math.ceil(ending.maxRssKb / 1024));
      return this.memory.lastMB;
    }
    return how.killed || how.exited ? this.memory.lastMB : this.memory.read();
  }

  /** This invocation's output: up to the runtime's sentinel, or what arrived by now (+ a poll). */
  private claimOutput(marks: [boolean, boolean] | undefined): Promise<Buffer> {
    const collector = this.collector;
    if (!collector) return Promise.resolve(Buffer.alloc(0));
    if (this.spec.launcher.sentinel) {
      const { index, promise } = collector.nextSegment(marks);
      const timer = setTimeout(() => collector.forceClose(index), SENTINEL_GRACE_MS);
      return promise.finally(() => clearTimeout(timer));
    }
    // No sentinel: output written before the answer is in the pipe already; one more poll phase reads it.
    return new Promise((resolve) => setImmediate(() => setImmediate(() => resolve(collector.take()))));
  }

  private async cleanup(orphan: Job | undefined): Promise<void> {
    const child = this.child;
    // Let the pipes drain so the last job's log is complete; don't wait forever on inherited pipes.
    if (child && child.stdout && !child.stdout.destroyed) {
      await Promise.race([
        new Promise<void>((resolve) => child.once("close", () => resolve())),
        new Promise<void>((resolve) => setTimeout(resolve, STDIO_GRACE_MS).unref()),
      ]);
      child.stdout.destroy();
      child.stderr?.destroy();
    }
    // A process group may outlive its leader (e.g. a shell's children); take it down too.
    if (child?.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    this.owner.onGone(this, orphan);
    await Promise.all([
      this.api.close(),
      this.memory.close(),
      rm(this.tmpDir, { recursive: true, force: true }).catch(() => undefined),
    ]);
    this.markClosed();
  }
}

const notes = (n: AnswerNotes): AnswerNotes => ({
  ...(n.maxRssKb !== undefined ? { maxRssKb: n.maxRssKb } : {}),
  ...(n.logMarks ? { logMarks: n.logMarks } : {}),
});

export function sentinelToken(hex: string): Buffer {
  return Buffer.from(`\u001e${hex}\u001f`, "latin1");
}

function errorTypeOf(payload: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(payload.toString("utf8")) as { errorType?: unknown };
    return typeof parsed.errorType === "string" ? parsed.errorType : undefined;
  } catch {
    return undefined;
  }
}

/** The service's wording when the runtime program cannot be started. */
function spawnFailure(error: Error, launcher: RuntimeLauncher): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (launcher.family === "provided" && (code === "ENOENT" || code === "EACCES")) {
    return code === "ENOENT"
      ? "Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]"
      : "fork/exec /var/task/bootstrap: permission denied";
  }
  return `could not start the runtime: ${error.message}`;
}
