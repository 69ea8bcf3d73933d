/**
 * `npm start` (and `npm run dev` with --dev): the console plus, unless another endpoint is chosen, the
 * embedded emulator with demo functions. Builds the production app on first run (and again when the
 * sources changed), then serves it — so a fresh clone needs only `npm install && npm start`.
 *
 * Environment: PORT (3000), HOST (127.0.0.1), LAMBDA_ENDPOINT or AWS_PROFILE (skip the emulator and use
 * that endpoint / real AWS), LAMBDA_EMULATOR_PORT (9001), LAMBDA_EMULATOR_DATA (.data),
 * LAMBDA_EMULATOR_DEMO (1), AWS_REGION (us-east-1).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? "127.0.0.1";
const useEmulator = !env.LAMBDA_ENDPOINT && !env.AWS_PROFILE;
const emulatorPort = Number(env.LAMBDA_EMULATOR_PORT ?? 9001);
const bin = (name: string) => join(root, "node_modules", ".bin", name);

/** A fingerprint of everything that goes into the production build (paths, sizes, mtimes). */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) visit(join(root, dir));
  for (const file of ["next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"]) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(`${file}\0${readFileSync(path).length}\0${statSync(path).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const stamp = join(root, ".next", ".source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
  if (built) return;
  console.log("▸ Building the console (first run or sources changed; takes about 20 s)…");
  const result = spawnSync(bin("next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("✖ next build failed; see above.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, fingerprint);
}

function waitForPort(p: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolveWait, reject) => {
    const attempt = () => {
      const socket = connect(p, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolveWait();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listening on port ${p} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function portInUse(p: number): Promise<boolean> {
  return new Promise((resolveCheck) => {
    const socket = connect(p, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolveCheck(true);
    });
    socket.once("error", () => resolveCheck(false));
  });
}

const children: ChildProcess[] = [];
let exiting = false;
function shutdown(code: number): void {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r))))).then(() =>
    process.exit(code),
  );
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

function run(name: string, command: string, args: string[], childEnv: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: childEnv });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (!exiting) {
      console.error(`✖ ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      shutdown(code ?? 1);
    }
  });
  return child;
}

if (await portInUse(port)) {
  console.error(`✖ Port ${port} is already in use. Stop what runs there or choose another: PORT=3001 npm start`);
  process.exit(1);
}
if (!dev) buildIfNeeded();

const consoleEnv: NodeJS.ProcessEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
if (useEmulator) {
  if (await portInUse(emulatorPort)) {
    console.error(
      `✖ Port ${emulatorPort} is already in use (an emulator from another run?). Stop it, or choose another: LAMBDA_EMULATOR_PORT=9002 npm start`,
    );
    process.exit(1);
  }
  run("emulator", bin("tsx"), [join(root, "emulator", "main.ts")], {
    ...env,
    LAMBDA_EMULATOR_PORT: String(emulatorPort),
    LAMBDA_EMULATOR_DATA: env.LAMBDA_EMULATOR_DATA ?? join(root, ".data"),
  });
  await waitForPort(emulatorPort, 30_000);
  Object.assign(consoleEnv, {
    LAMBDA_ENDPOINT: `http://127.0.0.1:${emulatorPort}`,
    AWS_ACCESS_KEY_ID: env.LAMBDA_EMULATOR_ACCESS_KEY ?? "test",
    AWS_SECRET_ACCESS_KEY: env.LAMBDA_EMULATOR_SECRET_KEY ?? "test",
    AWS_REGION: env.LAMBDA_EMULATOR_REGION ?? env.AWS_REGION ?? "us-east-1",
  });
}

run("console", bin("next"), [dev ? "dev" : "start", "-p", String(port), "-H", dev ? "localhost" : host], consoleEnv);
await waitForPort(port, 60_000);
const shown = dev ? `http://localhost:${port}` : `http://${host}:${port}`;
console.log(
  `\n  Lambda Console  ${shown}\n  Endpoint        ${consoleEnv.LAMBDA_ENDPOINT ?? (env.AWS_PROFILE ? `AWS (profile ${env.AWS_PROFILE})` : "AWS")}${useEmulator ? " (embedded emulator)" : ""}\n`,
);
