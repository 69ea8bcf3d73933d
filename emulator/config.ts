/** Emulator options and their defaults (see README "Emulator"). */
import { resolve } from "node:path";

export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. Default 9001. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1 (never the network unless asked). */
  host?: string;
  /** Where SQLite, code zips and extracted trees live. Default `.data/`. */
  dataDir?: string;
  region?: string;
  accountId?: string;
  /** Accepted SigV4 key pairs. Default `test` / `test`. */
  credentials?: EmulatorCredentials[];
  /** Seed demo functions into a fresh data dir. Default true for `npm run emulator`, false in createEmulator. */
  seedDemo?: boolean;
  /** How long a function stays Pending / InProgress after a create or update. Default 0 (next tick). */
  stateTransitionMs?: number;
  /** Most execution environments alive at once across all functions. Default 64. */
  maxEnvironments?: number;
  /** An idle warm environment is stopped after this long. Default 10 minutes. */
  environmentIdleMs?: number;
  /**
   * Divide asynchronous-invocation timing by this factor: retry delays (AWS waits about 1 and 2 minutes
   * between retries), throttle backoff (1 s up to 5 min) and the maximum event age (default 6 hours);
   * 60 makes a minute a second. Default 1 (AWS timing).
   */
  asyncDelayDivisor?: number;
  /**
   * Replaces the wait before each retry of an asynchronous invocation after a function error (ms; the
   * last value repeats), e.g. `[50, 100]`. Default: AWS's 1 and 2 minutes, divided by asyncDelayDivisor.
   */
  asyncRetryDelaysMs?: number[];
  /** Log each request to stderr. Default false. */
  verbose?: boolean;
}

export type EmulatorConfig = Required<EmulatorOptions>;

export function resolveConfig(options: EmulatorOptions): EmulatorConfig {
  return {
    port: options.port ?? 9001,
    host: options.host ?? "127.0.0.1",
    dataDir: resolve(options.dataDir ?? ".data"),
    region: options.region ?? "us-east-1",
    accountId: options.accountId ?? "000000000000",
    credentials: options.credentials ?? [{ accessKeyId: "test", secretAccessKey: "test" }],
    seedDemo: options.seedDemo ?? false,
    stateTransitionMs: options.stateTransitionMs ?? 0,
    maxEnvironments: options.maxEnvironments ?? 64,
    environmentIdleMs: options.environmentIdleMs ?? 10 * 60_000,
    asyncDelayDivisor: options.asyncDelayDivisor ?? 1,
    asyncRetryDelaysMs: options.asyncRetryDelaysMs ?? [],
    verbose: options.verbose ?? false,
  };
}
