/**
 * Provisioned concurrency configs and their allocation lifecycle: a Put stores the config IN_PROGRESS
 * with nothing allocated, then allocation makes it READY (Allocated = Available = Requested) or FAILED
 * (with a StatusReason).
 *
 * Who allocates is pluggable: by default a config is READY after `stateTransitionMs`; the runtime can
 * install a provisioner (`setProvisionedConcurrencyProvisioner`) that pre-initialises environments and
 * resolves when they are warm. Docs live in KIND.provisionedConcurrency under `${fn}:${qualifier}`.
 */
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "../context";
import { KIND } from "../store/kinds";
import { lastModified } from "./config";
import { qualifierKey } from "./qualifiers";

export type ProvisionedConcurrencyStatus = "IN_PROGRESS" | "READY" | "FAILED";

/** KIND.provisionedConcurrency, key `${fn}:${qualifier}`, parent fn. */
export interface ProvisionedConcurrencyDoc {
  FunctionName: string;
  /** A version number or an alias name (never $LATEST). */
  Qualifier: string;
  /** The version the environments run: the qualifier itself, or the alias's primary version. */
  Version: string;
  RequestedProvisionedConcurrentExecutions: number;
  AllocatedProvisionedConcurrentExecutions: number;
  AvailableProvisionedConcurrentExecutions: number;
  Status: ProvisionedConcurrencyStatus;
  StatusReason?: string;
  /** When the config was last requested (the service's ISO format). */
  LastModified: string;
  /** Changes with every request, so a late allocation of an older request cannot overwrite a newer one. */
  Generation: string;
}

export interface ProvisionedConcurrencyTarget {
  functionName: string;
  qualifier: string;
  version: string;
  requested: number;
}

export interface ProvisionedConcurrencyProvisioner {
  /**
   * Makes `requested` environments of `version` ready. Resolve when they are (the config turns READY);
   * reject to turn it FAILED with the error's message as StatusReason. `signal` aborts when the config is
   * replaced or deleted before allocation finished.
   */
  allocate(target: ProvisionedConcurrencyTarget, signal: AbortSignal): Promise<void>;
  /** The config was deleted or replaced: environments held for it may go. */
  release(target: { functionName: string; qualifier: string }): void;
}

const provisioners = new WeakMap<EmulatorContext, ProvisionedConcurrencyProvisioner>();
const inFlight = new WeakMap<EmulatorContext, Map<string, AbortController>>();

/** Installs (or, with undefined, removes) the allocator; the runtime calls this once at start. */
export function setProvisionedConcurrencyProvisioner(
  ctx: EmulatorContext,
  provisioner: ProvisionedConcurrencyProvisioner | undefined,
): void {
  if (provisioner) provisioners.set(ctx, provisioner);
  else provisioners.delete(ctx);
}

export function getProvisionedConcurrency(
  ctx: EmulatorContext,
  name: string,
  qualifier: string,
): ProvisionedConcurrencyDoc | undefined {
  return ctx.resources.get<ProvisionedConcurrencyDoc>(KIND.provisionedConcurrency, qualifierKey(name, qualifier));
}

/** Every config of a function (or of the account), e.g. for the runtime to warm environments at start. */
export function listProvisionedConcurrency(ctx: EmulatorContext, name?: string): ProvisionedConcurrencyDoc[] {
  return ctx.resources.all<ProvisionedConcurrencyDoc>(
    KIND.provisionedConcurrency,
    name === undefined ? {} : { parent: name },
  );
}

/** A config as just requested: IN_PROGRESS, keeping what an earlier request had allocated. */
export function requestedDoc(
  previous: ProvisionedConcurrencyDoc | undefined,
  target: ProvisionedConcurrencyTarget,
): ProvisionedConcurrencyDoc {
  const allocated =
    previous && previous.Version === target.version ? previous.AllocatedProvisionedConcurrentExecutions : 0;
  return {
    FunctionName: target.functionName,
    Qualifier: target.qualifier,
    Version: target.version,
    RequestedProvisionedConcurrentExecutions: target.requested,
    AllocatedProvisionedConcurrentExecutions: Math.min(allocated, target.requested),
    AvailableProvisionedConcurrentExecutions: Math.min(allocated, target.requested),
    Status: "IN_PROGRESS",
    LastModified: lastModified(),
    Generation: randomUUID(),
  };
}

export function saveProvisionedConcurrency(ctx: EmulatorContext, doc: ProvisionedConcurrencyDoc): void {
  ctx.resources.put(KIND.provisionedConcurrency, qualifierKey(doc.FunctionName, doc.Qualifier), doc, doc.FunctionName);
}

function inFlightOf(ctx: EmulatorContext): Map<string, AbortController> {
  let map = inFlight.get(ctx);
  if (!map) {
    map = new Map();
    inFlight.set(ctx, map);
  }
  return map;
}

/** Applies an allocation outcome, unless the config changed (or went) meanwhile. */
function settle(ctx: EmulatorContext, requested: ProvisionedConcurrencyDoc, failure: string | undefined): void {
  if (!ctx.db.open) return;
  ctx.resources.transaction(() => {
    const current = getProvisionedConcurrency(ctx, requested.FunctionName, requested.Qualifier);
    if (!current || current.Generation !== requested.Generation) return;
    const next: ProvisionedConcurrencyDoc = failure
      ? {
          ...current,
          Status: "FAILED",
          StatusReason: failure,
          AllocatedProvisionedConcurrentExecutions: 0,
          AvailableProvisionedConcurrentExecutions: 0,
        }
      : {
          ...current,
          Status: "READY",
          AllocatedProvisionedConcurrentExecutions: current.RequestedProvisionedConcurrentExecutions,
          AvailableProvisionedConcurrentExecutions: current.RequestedProvisionedConcurrentExecutions,
        };
    if (!failure) delete next.StatusReason;
    saveProvisionedConcurrency(ctx, next);
  });
}

/** Starts allocating a config stored IN_PROGRESS. Call after the transaction that stored it committed. */
export function startAllocation(ctx: EmulatorContext, doc: ProvisionedConcurrencyDoc): void {
  const key = qualifierKey(doc.FunctionName, doc.Qualifier);
  const running = inFlightOf(ctx);
  running.get(key)?.abort();
  const controller = new AbortController();
  running.set(key, controller);
  const done = (failure: string | undefined) => {
    if (running.get(key) === controller) running.delete(key);
    if (controller.signal.aborted) return;
    try {
      settle(ctx, doc, failure);
    } catch (e) {
      if (ctx.db.open) console.error(`[emulator] provisioned concurrency for ${key} failed to settle:`, e);
    }
  };
  const provisioner = provisioners.get(ctx);
  if (provisioner) {
    const target = {
      functionName: doc.FunctionName,
      qualifier: doc.Qualifier,
      version: doc.Version,
      requested: doc.RequestedProvisionedConcurrentExecutions,
    };
    provisioner.allocate(target, controller.signal).then(
      () => done(undefined),
      (e: unknown) => done(e instanceof Error ? e.message : String(e)),
    );
  } else {
    setTimeout(() => done(undefined), ctx.config.stateTransitionMs).unref();
  }
}

/** Stops any allocation of a config and tells the provisioner its environments may go. */
export function releaseAllocation(ctx: EmulatorContext, name: string, qualifier: string): void {
  const key = qualifierKey(name, qualifier);
  const running = inFlightOf(ctx);
  running.get(key)?.abort();
  running.delete(key);
  provisioners.get(ctx)?.release({ functionName: name, qualifier });
}

/**
 * Restarts allocation of configs left IN_PROGRESS with nothing allocating them (after an emulator restart).
 * Reads call this, so a config never stays IN_PROGRESS forever.
 */
export function resumeAllocations(ctx: EmulatorContext, docs: ProvisionedConcurrencyDoc[]): void {
  const running = inFlightOf(ctx);
  for (const doc of docs) {
    if (doc.Status === "IN_PROGRESS" && !running.has(qualifierKey(doc.FunctionName, doc.Qualifier))) {
      startAllocation(ctx, doc);
    }
  }
}
