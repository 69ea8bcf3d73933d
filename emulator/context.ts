/** Everything a handler may use: configuration, stores, the runtime, and change notifications. */
import { EventEmitter } from "node:events";
import type { EmulatorConfig } from "./config";
import type { Db } from "./store/db";
import type { ResourceStore } from "./store/resources";
import type { FunctionsRepo } from "./store/functions-repo";
import type { CodeStore } from "./store/code-store";
import type { RuntimeManager } from "./runtime/manager";
import type { DurableOrchestrator } from "./durable/orchestrator";

export interface EmulatorEvents {
  /** A function's $LATEST configuration or code changed (warm environments of the old one retire). */
  "function-changed": [name: string];
  /** A function, or one version of it, was deleted. */
  "function-deleted": [name: string, version?: string];
}

export interface EmulatorContext {
  config: EmulatorConfig;
  /** `http://host:port` the emulator answers on (known once listening). */
  baseUrl: string;
  db: Db;
  resources: ResourceStore;
  functions: FunctionsRepo;
  code: CodeStore;
  runtime: RuntimeManager;
  /** Durable executions: checkpoints, timers, callbacks, history (emulator/durable/). */
  durable: DurableOrchestrator;
  events: EventEmitter<EmulatorEvents>;
  /** Per-data-dir secret for signing download URLs (Code.Location, Content.Location). */
  secret: Buffer;
}
