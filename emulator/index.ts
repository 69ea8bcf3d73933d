/**
 * createEmulator(): the embedded Lambda-compatible server, usable from tests, `npm run emulator` and
 * `npm start`. It owns one HTTP server, one SQLite database and the execution environments.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { EventEmitter } from "node:events";
import { handlers } from "./api";
import { resolveConfig, type EmulatorOptions, type EmulatorConfig } from "./config";
import type { EmulatorContext, EmulatorEvents } from "./context";
import { codeDownloadRoute } from "./downloads";
import { functionUrlRoute } from "./function-urls/route";
import { logsService } from "./logs/service";
import { invocationsApi } from "./runtime/invocations-api";
import { RuntimeManager } from "./runtime/manager";
import { answerClientError, createRequestListener, type InternalRoute } from "./server";
import { CodeStore } from "./store/code-store";
import { openDatabase } from "./store/db";
import { FunctionsRepo } from "./store/functions-repo";
import { ResourceStore } from "./store/resources";
import { seedDemoFunctions } from "./demo/seed";
import { DurableOrchestrator } from "./durable/orchestrator";

export type { EmulatorOptions, EmulatorConfig };

export interface Emulator {
  /** e.g. `http://127.0.0.1:9001` */
  url: string;
  port: number;
  config: EmulatorConfig;
  ctx: EmulatorContext;
  close(): Promise<void>;
}

function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file);
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = resolveConfig(options);
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(config.dataDir);
  const ctx = {
    config,
    baseUrl: "",
    db,
    resources: new ResourceStore(db),
    functions: new FunctionsRepo(db),
    code: new CodeStore(config.dataDir),
    events: new EventEmitter<EmulatorEvents>(),
    secret: loadSecret(config.dataDir),
  } as Omit<EmulatorContext, "runtime" | "durable"> as EmulatorContext;
  ctx.runtime = new RuntimeManager(ctx);
  ctx.durable = new DurableOrchestrator(ctx);

  const internalRoutes: InternalRoute[] = [codeDownloadRoute, functionUrlRoute];
  const server: Server = createServer(
    createRequestListener(ctx, handlers, internalRoutes, [invocationsApi], [logsService]),
  );
  server.on("clientError", answerClientError);
  // Long-running synchronous invokes (up to 15 minutes) must not be cut by Node's default timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  ctx.baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Background work needs the base URL (functions call back into the emulator): queued async events,
  // durable executions (timers re-armed, invocations cut short by a stop run again).
  ctx.runtime.start();
  ctx.durable.start();

  if (config.seedDemo) await seedDemoFunctions(ctx);

  let closed = false;
  return {
    url: ctx.baseUrl,
    port,
    config,
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      // First, so invocations cut short by the shutdown are not taken for failed attempts.
      ctx.durable.close();
      await ctx.runtime.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
