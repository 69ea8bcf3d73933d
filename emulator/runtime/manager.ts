/**
 * The execution-environment pool. An invocation goes to an idle environment of the same function
 * version + configuration + code (warm: module state survives), else to a new one (cold), within
 * `maxEnvironments` overall (beyond it, invocations queue) and the function's reserved concurrency
 * (beyond it, 429). Environments of changed or deleted functions retire; idle ones expire.
 * Every invocation is recorded (invocation-log.ts).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { EmulatorContext } from "../context";
import { LambdaError, serviceError, tooManyRequests } from "../errors";
import type { FunctionConfig } from "../store/functions-repo";
import { KIND } from "../store/kinds";
import type { ChunkStream } from "./chunk-stream";
import { prepareCodeRoot } from "./code-root";
import { Environment, type EnvironmentOwner, type Job, type RunResult, type RunStatus } from "./environment";
import { AsyncQueue } from "../async/queue";
import { InvocationLog, type InvocationRecord } from "./invocation-log";
import { layerDirs } from "./layer-dirs";
import { logGroupOf } from "./lambda-env";
import { ProvisionedPool, tagOf, type ProvisionedHost, type ProvisionedSpec } from "./provisioned-pool";
import { launcherFor, type RuntimeLauncher } from "./runtimes";

export interface InvokeParams {
  /** The resolved function version to run. */
  config: FunctionConfig;
  codeHash: string | null;
  /** ARN the caller used (with alias or version qualifier), passed to the function as invokedFunctionArn. */
  invokedArn: string;
  payload: Buffer;
  requestId: string;
  /** For the invocation record: RequestResponse or Event. */
  invocationType?: "RequestResponse" | "Event";
  /** The caller writes the invocation record itself (the async queue adds attempts and deliveries). */
  recordSeparately?: boolean;
  /** ClientContext as JSON text (decoded from the caller's base64 header). */
  clientContext?: string;
  /** Cognito identity as JSON text. */
  cognitoIdentity?: string;
  tenantId?: string;
  traceId?: string;
}

export interface InvokeResult {
  requestId: string;
  executedVersion: string;
  status: RunStatus;
  /** The function's answer, or the error payload when it failed. */
  payload: Buffer;
  /** Set when the function failed, as X-Amz-Function-Error (the runtime path only reports Unhandled). */
  functionError?: "Unhandled";
  errorType?: string;
  /** The invocation's log text (START … END … REPORT lines included). */
  logs: string;
  /** Epoch ms when the function started on this invocation, and when it ended. */
  startTime: number;
  endTime: number;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  /** The log stream of the execution environment that ran it (absent when none did). */
  logStream?: string;
}

/** A response as it is produced, for InvokeWithResponseStream. */
export interface StreamingInvocation {
  executedVersion: string;
  /** The stream's content type, or application/json for a function that answered in one piece. */
  contentType: string;
  /** The answer's bytes in order: a streaming handler's writes, or the whole buffered answer at once. */
  chunks: AsyncIterable<Buffer>;
  /** Settles when the invocation is over. For a streamed answer `payload` is the error body, if any. */
  result: Promise<InvokeResult>;
}

interface Placement {
  key: string;
  config: FunctionConfig;
  codeDir: string;
  launcher: RuntimeLauncher;
  job: Job;
  /** `fn:qualifier` as invoked: environments provisioned for exactly that serve it first. */
  provisionedTag: string | undefined;
}

export class RuntimeManager implements EnvironmentOwner, ProvisionedHost {
  private readonly envs = new Set<Environment>();
  private readonly byKey = new Map<string, Set<Environment>>();
  /** Invocations waiting for capacity (maxEnvironments reached), in arrival order. */
  private readonly queue: Placement[] = [];
  private readonly placements = new WeakMap<Job, Placement>();
  private readonly inflight = new Map<string, number>();
  private readonly codeDirs = new Map<string, string>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly scratchDir: string;
  closed = false;
  private readonly codeRoot: Promise<void>;
  /** Waiting for a slot under maxEnvironments (provisioned concurrency); woken when one frees or goes. */
  private roomWaiters: (() => void)[] = [];
  private readonly provisioned: ProvisionedPool;
  private codeRootReady = false;
  readonly records: InvocationLog;
  /** Asynchronous invocations (Event, InvokeAsync, Lambda destinations): the persistent queue. */
  readonly async: AsyncQueue;

  constructor(protected readonly ctx: EmulatorContext) {
    this.records = new InvocationLog(ctx.db);
    this.async = new AsyncQueue(ctx, this);
    this.provisioned = new ProvisionedPool(ctx, this);
    this.scratchDir = join(ctx.config.dataDir, "environments");
    // Tmp dirs left by a process that did not shut down cleanly: nothing runs in them now.
    rmSync(this.scratchDir, { recursive: true, force: true });
    this.codeRoot = prepareCodeRoot(ctx.config.dataDir)
      .catch(() => undefined)
      .then(() => {
        this.codeRootReady = true;
      });
    ctx.events.on("function-changed", (name) =>
      this.retireWhere((e) => e.functionName === name && e.version === "$LATEST"),
    );
    ctx.events.on("function-deleted", (name, version) => {
      this.provisioned.forget(name, version);
      this.retireWhere((e) => e.functionName === name && (version === undefined || e.version === version));
      if (version === undefined) this.records.deleteFunction(name);
    });
    const idleMs = ctx.config.environmentIdleMs;
    this.sweeper = setInterval(() => this.expireIdle(), Math.max(50, Math.min(idleMs / 4, 30_000)));
    this.sweeper.unref();
  }

  /** Runs one invocation to its end and returns the buffered answer (Invoke, Event invocations). */
  async invoke(params: InvokeParams): Promise<InvokeResult> {
    return this.run(params, undefined);
  }

  /**
   * Starts an invocation and resolves as soon as its answer begins: a streaming handler's chunks flow
   * through `chunks` as it writes them (InvokeWithResponseStream).
   */
  async invokeStream(params: InvokeParams): Promise<StreamingInvocation> {
    return new Promise<StreamingInvocation>((resolve, reject) => {
      let started = false;
      const result = this.run(params, (stream) => {
        started = true;
        resolve({ executedVersion: params.config.Version, contentType: stream.contentType, chunks: stream, result });
      });
      result.then(
        (r) => {
          if (started) return;
          resolve({
            executedVersion: params.config.Version,
            contentType: "application/json",
            chunks: (async function* () {
              yield r.payload;
            })(),
            result,
          });
        },
        (e: unknown) => {
          if (!started) reject(e);
        },
      );
    });
  }

  /**
   * Starts the background work once the emulator listens (functions may call back into it): the
   * asynchronous queue resumes its pending and in-flight events, and the provisioner is installed and
   * warms the provisioned concurrency configs already stored.
   */
  start(): void {
    this.async.start();
    this.provisioned.install();
  }

  /**
   * For diagnostics and tests: environments alive (of which `provisioned` are held for provisioned
   * concurrency), busy ones, invocations waiting for capacity, and the asynchronous queue (events not
   * ended yet, and how many of them run right now).
   */
  stats(): {
    environments: number;
    provisioned: number;
    busy: number;
    queued: number;
    async: { queued: number; inflight: number };
  } {
    let busy = 0;
    for (const env of this.envs) if (!env.free) busy++;
    return {
      environments: this.envs.size,
      provisioned: this.provisioned.count(),
      busy,
      queued: this.queue.length,
      async: this.async.stats(),
    };
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    // First, so runs cut short by the shutdown are not taken for attempts (their events stay queued).
    this.async.close();
    this.closed = true;
    clearInterval(this.sweeper);
    this.wakeRoomWaiters();
    for (const p of this.queue.splice(0)) p.job.resolve(shutdownResult(p));
    const closing = [...this.envs].map((env) => {
      env.retiring = true;
      env.kill();
      return env.closed;
    });
    await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 3_000).unref())]);
    this.records.flush();
  }

  // -------------------------------------------------------------------------------------------------

  private async run(
    params: InvokeParams,
    onStream: ((stream: ChunkStream) => void) | undefined,
  ): Promise<InvokeResult> {
    if (this.closed) throw serviceError("The emulator is shutting down.");
    const { config } = params;
    const launcher = await launcherFor(config);
    if (!this.codeRootReady) await this.codeRoot;
    const name = config.FunctionName;
    const reserved = this.ctx.resources.getShared<{ ReservedConcurrentExecutions: number }>(KIND.concurrency, name);
    const running = this.inflight.get(name) ?? 0;
    if (reserved && running >= reserved.ReservedConcurrentExecutions) {
      throw tooManyRequests("Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded");
    }
    if (!params.codeHash) throw new LambdaError("InvalidZipFileException", 502, `Function ${name} has no code.`);
    const codeDir = this.codeDir(params.codeHash);
    this.inflight.set(name, running + 1);
    let result: RunResult;
    try {
      result = await new Promise<RunResult>((resolve) => {
        const job: Job = {
          requestId: params.requestId,
          event: {
            payload: params.payload,
            invokedFunctionArn: params.invokedArn,
            traceId: params.traceId ?? traceHeader(),
            ...(params.clientContext !== undefined ? { clientContext: params.clientContext } : {}),
            ...(params.cognitoIdentity !== undefined ? { cognitoIdentity: params.cognitoIdentity } : {}),
            ...(params.tenantId !== undefined ? { tenantId: params.tenantId } : {}),
          },
          ...(onStream ? { onStream } : {}),
          resolve,
        };
        this.place({
          key: envKey(config, params.codeHash ?? ""),
          config,
          codeDir,
          launcher,
          job,
          provisionedTag: provisionedTagOf(params.invokedArn),
        });
      });
    } finally {
      const n = (this.inflight.get(name) ?? 1) - 1;
      if (n <= 0) this.inflight.delete(name);
      else this.inflight.set(name, n);
    }
    const invokeResult: InvokeResult = {
      requestId: params.requestId,
      executedVersion: config.Version,
      status: result.status,
      payload: result.payload,
      ...(result.status !== "success" ? { functionError: "Unhandled" as const } : {}),
      ...(result.errorType ? { errorType: result.errorType } : {}),
      logs: result.log,
      startTime: result.startedAt,
      endTime: result.endedAt,
      durationMs: result.durationMs,
      billedDurationMs: result.billedDurationMs,
      maxMemoryUsedMB: result.maxMemoryUsedMB,
      ...(result.initDurationMs !== undefined ? { initDurationMs: result.initDurationMs } : {}),
      ...(result.logStream ? { logStream: result.logStream } : {}),
    };
    if (!params.recordSeparately) this.records.add(this.toRecord(params, result));
    return invokeResult;
  }

  /** The invocation record of a finished buffered run (the async queue completes and writes it). */
  recordOf(params: InvokeParams, result: InvokeResult): InvocationRecord {
    return this.toRecord(params, {
      status: result.status,
      payload: result.payload,
      streamed: false,
      ...(result.errorType ? { errorType: result.errorType } : {}),
      startedAt: result.startTime,
      endedAt: result.endTime,
      durationMs: result.durationMs,
      billedDurationMs: result.billedDurationMs,
      ...(result.initDurationMs !== undefined ? { initDurationMs: result.initDurationMs } : {}),
      maxMemoryUsedMB: result.maxMemoryUsedMB,
      log: result.logs,
      ...(result.logStream ? { logStream: result.logStream } : {}),
    });
  }

  private toRecord(params: InvokeParams, result: RunResult): InvocationRecord {
    const failed = result.status !== "success";
    return {
      requestId: params.requestId,
      functionName: params.config.FunctionName,
      version: params.config.Version,
      invocationType: params.invocationType ?? "RequestResponse",
      startTime: result.startedAt,
      endTime: result.endedAt,
      durationMs: result.durationMs,
      billedDurationMs: result.billedDurationMs,
      memorySizeMB: params.config.MemorySize ?? 128,
      maxMemoryUsedMB: result.maxMemoryUsedMB,
      ...(result.initDurationMs !== undefined ? { initDurationMs: result.initDurationMs } : {}),
      status: result.status,
      ...(result.errorType ? { errorType: result.errorType } : {}),
      ...(failed ? { errorMessage: errorMessageOf(result.payload) } : {}),
      requestPayload: params.payload,
      ...(result.streamed ? {} : { responsePayload: result.payload }),
      responseBytes: result.payload.length,
      log: result.log,
      // Where CloudWatch Logs would have it (emulator/logs/): the group configured when it ran.
      logGroup: logGroupOf(params.config),
      ...(result.logStream ? { logStream: result.logStream } : {}),
    };
  }

  /** The extracted code tree of a hash; remembered, so warm invokes touch no file system. */
  private codeDir(hash: string): string {
    let dir = this.codeDirs.get(hash);
    if (!dir) {
      dir = this.ctx.code.extracted(hash);
      this.codeDirs.set(hash, dir);
    }
    return dir;
  }

  private place(p: Placement): void {
    this.placements.set(p.job, p);
    // Best first: an environment provisioned for what was invoked, then one parked in /next.
    let candidate: Environment | undefined;
    let rank = -1;
    for (const env of this.byKey.get(p.key) ?? []) {
      if (!env.free || !eligible(env, p)) continue;
      const r = (env.provisionedFor !== undefined ? 2 : 0) + (env.waiting ? 1 : 0);
      if (r > rank) {
        candidate = env;
        rank = r;
        if (r === 3) break;
      }
    }
    if (candidate) {
      candidate.assign(p.job);
      return;
    }
    if (this.envs.size < this.ctx.config.maxEnvironments) {
      this.spawn(p);
      return;
    }
    // Full: make room by stopping an idle environment of another function (its exit drains the queue).
    // Provisioned ones keep their slot.
    this.queue.push(p);
    if (!this.needsRoom()) return;
    for (const env of this.envs) {
      if (env.free && env.key !== p.key && env.provisionedFor === undefined) {
        env.retire();
        break;
      }
    }
  }

  /** More invocations wait for capacity than environments are already on their way out. */
  private needsRoom(): boolean {
    if (this.queue.length === 0 || this.envs.size < this.ctx.config.maxEnvironments) return false;
    let leaving = 0;
    for (const env of this.envs) if (env.retiring || env.dead) leaving++;
    return this.queue.length > leaving;
  }

  private spawn(p: Placement): void {
    this.spawnEnvironment(p.key, p.config, p.codeDir, p.launcher, p.job, undefined);
  }

  private spawnEnvironment(
    key: string,
    config: FunctionConfig,
    codeDir: string,
    launcher: RuntimeLauncher,
    job: Job | undefined,
    provisionedFor: string | undefined,
  ): Environment {
    const env = new Environment(
      this.ctx,
      {
        key,
        config,
        codeDir,
        layerDirs: layerDirs(this.ctx, config),
        launcher,
        scratchDir: this.scratchDir,
        ...(provisionedFor ? { provisionedFor } : {}),
      },
      this,
    );
    this.envs.add(env);
    let pool = this.byKey.get(key);
    if (!pool) {
      pool = new Set();
      this.byKey.set(key, pool);
    }
    pool.add(env);
    void env.start(job);
    return env;
  }

  onFree(env: Environment): void {
    if (this.closed || !env.free) return;
    const i = this.queue.findIndex((p) => p.key === env.key && eligible(env, p));
    if (i >= 0) {
      const [p] = this.queue.splice(i, 1);
      if (p) env.assign(p.job);
      return;
    }
    if (env.provisionedFor !== undefined) return;
    // Someone else waits for capacity: this idle environment gives its slot up.
    if (this.needsRoom()) env.retire();
    else if (this.roomWaiters.length > 0) this.wakeRoomWaiters();
  }

  onGone(env: Environment, orphan: Job | undefined): void {
    this.envs.delete(env);
    const pool = this.byKey.get(env.key);
    pool?.delete(env);
    if (pool?.size === 0) this.byKey.delete(env.key);
    this.provisioned.replace(env);
    this.wakeRoomWaiters();
    if (this.closed) {
      if (orphan) {
        const p = this.placements.get(orphan);
        if (p) orphan.resolve(shutdownResult(p));
      }
      return;
    }
    if (orphan) {
      const p = this.placements.get(orphan);
      if (p) this.place(p);
    }
    while (this.queue.length > 0 && this.envs.size < this.ctx.config.maxEnvironments) {
      const p = this.queue.shift();
      if (p) this.place(p);
    }
  }

  private retireWhere(test: (env: Environment) => boolean): void {
    for (const env of this.envs) if (test(env)) env.retire();
  }

  private expireIdle(): void {
    const limit = Date.now() - this.ctx.config.environmentIdleMs;
    for (const env of this.envs) {
      // Provisioned environments are kept warm for as long as their config wants them.
      if (env.waiting && env.lastUsed < limit && env.provisionedFor === undefined) env.retire();
    }
  }

  // ProvisionedHost -----------------------------------------------------------------------------------

  environments(): Iterable<Environment> {
    return this.envs;
  }

  async prepare(
    config: FunctionConfig,
    codeHash: string,
  ): Promise<{ launcher: RuntimeLauncher; codeDir: string; envKey: string }> {
    const launcher = await launcherFor(config);
    if (!this.codeRootReady) await this.codeRoot;
    return { launcher, codeDir: this.codeDir(codeHash), envKey: envKey(config, codeHash) };
  }

  async makeRoom(signal: AbortSignal): Promise<void> {
    const max = this.ctx.config.maxEnvironments;
    while (this.envs.size >= max && !signal.aborted && !this.closed) {
      let leaving = false;
      for (const env of this.envs) leaving ||= env.retiring || env.dead;
      if (!leaving) {
        for (const env of this.envs) {
          if (env.free && env.provisionedFor === undefined) {
            env.retire();
            break;
          }
        }
      }
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
  }

  spawnIdle(spec: ProvisionedSpec): Environment {
    return this.spawnEnvironment(spec.envKey, spec.config, spec.codeDir, spec.launcher, undefined, spec.tag);
  }

  private wakeRoomWaiters(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const wake of waiters) wake();
  }
}

/** Whether an environment may serve a placement: on-demand ones serve anyone of their key. */
function eligible(env: Environment, p: Placement): boolean {
  return env.provisionedFor === undefined || env.provisionedFor === p.provisionedTag;
}

/** `fn:qualifier` of a qualified invoked ARN (`arn:aws:lambda:region:account:function:fn:qualifier`). */
function provisionedTagOf(invokedArn: string): string | undefined {
  const parts = invokedArn.split(":");
  return parts.length === 8 && parts[5] && parts[6] && parts[7] ? tagOf(parts[6], parts[7]) : undefined;
}

/**
 * Environments are shared only by invocations of the same version, configuration and code. A published
 * version's configuration never changes (its RevisionId does, with its resource policy): its key leaves
 * the RevisionId out, so a permission change does not strand its warm and provisioned environments.
 */
function envKey(config: FunctionConfig, codeHash: string): string {
  // Invokes get the same (cached, shared) config object each time: build its key once.
  const cached = envKeys.get(config);
  if (cached?.codeHash === codeHash) return cached.key;
  const revision = config.Version === "$LATEST" ? config.RevisionId : "";
  const key = `${config.FunctionName}\0${config.Version}\0${revision}\0${config.ConfigSha256 ?? ""}\0${codeHash}`;
  envKeys.set(config, { codeHash, key });
  return key;
}

const envKeys = new WeakMap<FunctionConfig, { codeHash: string; key: string }>();

/** An X-Ray trace header like the service passes (Root=1-<epoch hex>-<24 hex>;Sampled=0). */
function traceHeader(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const random = [0, 1, 2]
    .map(() =>
      Math.floor(Math.random() * 0xffffffff)
        .toString(16)
        .padStart(8, "0"),
    )
    .join("");
  return `Root=1-${epoch}-${random};Parent=${random.slice(0, 16)};Sampled=0`;
}

function errorMessageOf(payload: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(payload.toString("utf8")) as { errorMessage?: unknown };
    return typeof parsed.errorMessage === "string" ? parsed.errorMessage : undefined;
  } catch {
    return undefined;
  }
}

function shutdownResult(p: Placement): RunResult {
  const payload = Buffer.from(
    JSON.stringify({
      errorType: "Runtime.Unavailable",
      errorMessage: "The emulator shut down before the invocation ran.",
    }),
  );
  const now = Date.now();
  return {
    status: "error",
    payload,
    streamed: false,
    errorType: "Runtime.Unavailable",
    startedAt: now,
    endedAt: now,
    durationMs: 0,
    billedDurationMs: 0,
    maxMemoryUsedMB: 0,
    log: `START RequestId: ${p.job.requestId} Version: ${p.config.Version}\nEND RequestId: ${p.job.requestId}\n`,
  };
}
