/**
 * Provisioned concurrency, as the runtime's provisioner (functions/provisioned-concurrency.ts): a config
 * for `fn:qualifier` holds that many environments of its version, started without a job and READY only
 * once every one finished init (FAILED with the init error otherwise). They are never idle-expired nor
 * given up to make room, serve invocations made through that qualifier first, are replaced when one
 * dies, and go when the config is deleted or replaced. They count against `maxEnvironments`; a config
 * may take all but one slot, so on-demand invocations can always run.
 */
import type { EmulatorContext } from "../context";
import {
  getProvisionedConcurrency,
  listProvisionedConcurrency,
  setProvisionedConcurrencyProvisioner,
  startAllocation,
  type ProvisionedConcurrencyTarget,
} from "../functions/provisioned-concurrency";
import type { FunctionConfig } from "../store/functions-repo";
import type { Environment } from "./environment";
import type { RuntimeLauncher } from "./runtimes";

/** What a config's environments are made of. */
export interface ProvisionedSpec {
  /** `fn:qualifier` — the tag its environments carry. */
  tag: string;
  functionName: string;
  qualifier: string;
  version: string;
  requested: number;
  /** The pool key of the version's environments (see manager.ts envKey). */
  envKey: string;
  config: FunctionConfig;
  codeDir: string;
  launcher: RuntimeLauncher;
}

/** The pool operations this needs from the RuntimeManager. */
export interface ProvisionedHost {
  environments(): Iterable<Environment>;
  /** Launcher, code dir and pool key for a version; throws (e.g. InvalidRuntimeException) when it cannot run. */
  prepare(
    config: FunctionConfig,
    codeHash: string,
  ): Promise<{ launcher: RuntimeLauncher; codeDir: string; envKey: string }>;
  /** Resolves when one more environment fits under maxEnvironments (idle on-demand ones are stopped). */
  makeRoom(signal: AbortSignal): Promise<void>;
  /** Starts an environment without a job, tagged for a config. */
  spawnIdle(spec: ProvisionedSpec): Environment;
  readonly closed: boolean;
}

export const tagOf = (functionName: string, qualifier: string): string => `${functionName}:${qualifier}`;

export class ProvisionedPool {
  private readonly specs = new Map<string, ProvisionedSpec>();

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly host: ProvisionedHost,
  ) {}

  /** Becomes the emulator's provisioner, and warms the configs stored by an earlier run. */
  install(): void {
    setProvisionedConcurrencyProvisioner(this.ctx, {
      allocate: (target, signal) => this.allocate(target, signal),
      release: (target) => this.release(tagOf(target.functionName, target.qualifier)),
    });
    for (const doc of listProvisionedConcurrency(this.ctx)) {
      if (doc.Status !== "FAILED") startAllocation(this.ctx, doc);
    }
  }

  /** Environments held for a config right now (alive, not leaving). */
  held(tag: string): Environment[] {
    const out: Environment[] = [];
    for (const env of this.host.environments()) {
      if (env.provisionedFor === tag && !env.dead && !env.retiring) out.push(env);
    }
    return out;
  }

  count(): number {
    let n = 0;
    for (const env of this.host.environments()) if (env.provisionedFor !== undefined && !env.dead) n++;
    return n;
  }

  private async allocate(target: ProvisionedConcurrencyTarget, signal: AbortSignal): Promise<void> {
    const tag = tagOf(target.functionName, target.qualifier);
    const record = this.ctx.functions.get(target.functionName, target.version);
    if (!record) throw new Error(`Function version ${target.functionName}:${target.version} was not found.`);
    if (!record.codeHash) throw new Error(`Function ${target.functionName} has no code.`);
    const { launcher, codeDir, envKey } = await this.host.prepare(record.config, record.codeHash);
    if (signal.aborted || this.host.closed) return;
    const max = this.ctx.config.maxEnvironments;
    let others = 0;
    for (const [t, s] of this.specs) if (t !== tag) others += s.requested;
    if (others + target.requested > max - 1) {
      throw new Error(
        `The emulator runs at most ${max} execution environments (maxEnvironments) and keeps one for on-demand invocations; other provisioned concurrency configs hold ${others}, so ${target.requested} more do not fit.`,
      );
    }
    const spec: ProvisionedSpec = { tag, ...target, envKey, config: record.config, codeDir, launcher };
    this.specs.set(tag, spec);

    // Keep what an earlier request for this config already holds of the same version and code.
    const keep: Environment[] = [];
    for (const env of this.held(tag)) {
      if (env.key === envKey && keep.length < target.requested) keep.push(env);
      else this.letGo(env);
    }
    while (keep.length < target.requested) {
      await this.host.makeRoom(signal);
      // Replaced or deleted meanwhile: the newer request (or the release) owns the environments now.
      if (signal.aborted || this.host.closed || this.specs.get(tag) !== spec) return;
      keep.push(this.host.spawnIdle(spec));
    }
    const outcomes = await Promise.all(keep.map((env) => env.ready));
    if (signal.aborted || this.specs.get(tag) !== spec) return;
    const failed = outcomes.find((o) => !o.ok);
    if (failed && !failed.ok) {
      this.release(tag);
      throw new Error(failed.reason);
    }
  }

  /** The config was deleted or replaced: its environments may go (after the job they run, if any). */
  private release(tag: string): void {
    this.specs.delete(tag);
    for (const env of this.held(tag)) this.letGo(env);
  }

  private letGo(env: Environment): void {
    env.provisionedFor = undefined;
    env.retire();
  }

  /** A function or version was deleted: its configs went with it. */
  forget(functionName: string, version?: string): void {
    for (const [tag, spec] of this.specs) {
      if (spec.functionName === functionName && (version === undefined || spec.version === version)) {
        this.specs.delete(tag);
      }
    }
  }

  /**
   * An environment ended. One held for a config that still wants it (it crashed, timed out, or was
   * killed) is replaced, keeping the config's count warm.
   */
  replace(env: Environment): void {
    const tag = env.provisionedFor;
    if (!tag || this.host.closed) return;
    const spec = this.specs.get(tag);
    if (!spec || spec.envKey !== env.key) return;
    const doc = getProvisionedConcurrency(this.ctx, spec.functionName, spec.qualifier);
    if (!doc || doc.Version !== spec.version || doc.Status === "FAILED") return;
    if (this.held(tag).length >= spec.requested) return;
    const abort = new AbortController();
    void this.host.makeRoom(abort.signal).then(() => {
      if (this.specs.get(tag) === spec && this.held(tag).length < spec.requested && !this.host.closed) {
        this.host.spawnIdle(spec);
      }
    });
  }
}
