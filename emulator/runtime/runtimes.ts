/**
 * Which program runs a function's runtime here: nodejs<major>.x on a Node of that major (the host's or
 * one fetched from the npm registry), python3.x on the host's Python 3 with our stdlib bootstrap,
 * provided.* through the zip's own `bootstrap`. Everything else is refused with InvalidRuntimeException.
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { nodeMajorOf, runtimeFamily } from "../../lib/lambda-model/runtimes";
import { LambdaError } from "../errors";
import type { FunctionConfig } from "../store/functions-repo";
import { hostPython } from "./host-python";
import { nodeBuild, RuntimeUnavailableError } from "./node-runtimes";

export const NODE_BOOTSTRAP = fileURLToPath(new URL("./bootstraps/node/bootstrap.mjs", import.meta.url));
export const PYTHON_BOOTSTRAP = fileURLToPath(new URL("./bootstraps/python/bootstrap.py", import.meta.url));

export interface RuntimeLauncher {
  family: "nodejs" | "python" | "provided";
  /** INIT_START's `Runtime Version`, e.g. `nodejs:20.20.2`. */
  versionLabel: string;
  /** Platform lines printed at each cold start (which interpreter, version mismatches). */
  notes: string[];
  /** Our bootstraps mark the end of each invocation's output; a custom `bootstrap` does not. */
  sentinel: boolean;
  /** LAMBDA_RUNTIME_DIR. */
  runtimeDir: string;
  /** Directory put first on PATH (the interpreter's), if any. */
  binDir?: string;
  nodeMajor?: number;
  pythonMinor?: string;
  /** The program and its arguments for one environment. */
  command(
    codeDir: string,
    layerDirs: string[],
    sentinelHex: string,
    memoryMB: number,
  ): { file: string; args: string[] };
  /** Set once, when the runtime was downloaded by this very request. */
  installedNow?: string;
}

/**
 * The reference lists no "runtime unavailable" error for Invoke; InvalidRuntimeException (502, "The
 * runtime or runtime version specified is not supported") is the one that says what happened, so every
 * can't-run-it-here case answers with it and a message that explains why.
 */
export const invalidRuntime = (message: string) => new LambdaError("InvalidRuntimeException", 502, message);

const cache = new Map<string, Promise<RuntimeLauncher>>();

/** The launcher for a function's runtime (cached per runtime id); throws InvalidRuntimeException. */
export async function launcherFor(config: FunctionConfig): Promise<RuntimeLauncher> {
  if (config.PackageType === "Image") {
    throw invalidRuntime(
      `Function ${config.FunctionName} is a container image (PackageType Image). Container images are not supported offline: the emulator cannot pull or run images; deploy the function as a .zip archive to run it here.`,
    );
  }
  const runtime = config.Runtime ?? "";
  let pending = cache.get(runtime);
  if (!pending) {
    pending = resolve(runtime);
    cache.set(runtime, pending);
    // A failure (e.g. offline download) must not stick: the next invoke tries again.
    pending.catch(() => cache.delete(runtime));
  }
  const launcher = await pending;
  if (launcher.installedNow) {
    const note = launcher.installedNow;
    delete launcher.installedNow;
    return { ...launcher, notes: [...launcher.notes, note] };
  }
  return launcher;
}

async function resolve(runtime: string): Promise<RuntimeLauncher> {
  switch (runtimeFamily(runtime)) {
    case "nodejs":
      return nodeLauncher(runtime);
    case "python":
      return pythonLauncher(runtime);
    case "provided":
      return providedLauncher(runtime);
    default:
      throw invalidRuntime(
        `The runtime ${runtime || "(none)"} is not supported by the Lambda Console emulator, which runs nodejs*.x, python3.* and provided.* functions offline.`,
      );
  }
}

async function nodeLauncher(runtime: string): Promise<RuntimeLauncher> {
  const major = nodeMajorOf(runtime);
  if (major === undefined || major < 18) {
    throw invalidRuntime(
      `The runtime ${runtime} is not supported by the Lambda Console emulator (Node.js 18 and later only).`,
    );
  }
  let build;
  try {
    build = await nodeBuild(major);
  } catch (e) {
    if (e instanceof RuntimeUnavailableError) throw invalidRuntime(e.message);
    throw e;
  }
  const binary = build.binary;
  return {
    family: "nodejs",
    versionLabel: `nodejs:${build.version}`,
    notes: [],
    sentinel: true,
    runtimeDir: dirname(NODE_BOOTSTRAP),
    binDir: dirname(binary),
    nodeMajor: major,
    command: (_codeDir, _layers, sentinelHex, memoryMB) => ({
      file: binary,
      // Lambda sizes V8's old space from the function's memory, so heap-hungry code fails alike.
      args: [
        `--max-old-space-size=${Math.max(32, Math.floor(memoryMB * 0.9))}`,
        NODE_BOOTSTRAP,
        `--log-sentinel=${sentinelHex}`,
      ],
    }),
    ...(build.installed ? { installedNow: `Node.js ${build.version} was downloaded for ${runtime} (first use).` } : {}),
  };
}

async function pythonLauncher(runtime: string): Promise<RuntimeLauncher> {
  const python = await hostPython();
  if (!python) {
    throw invalidRuntime(
      `The runtime ${runtime} needs a Python 3 interpreter, and none was found on this machine (python3 is not on PATH).`,
    );
  }
  const wanted = runtime.replace(/^python/, "");
  const hostMinor = python.version.split(".").slice(0, 2).join(".");
  const notes = [`Runtime interpreter: ${python.executable} (Python ${python.version})`];
  if (wanted !== hostMinor) {
    notes.push(
      `WARNING: ${runtime} is emulated with the host's Python ${python.version}; behaviour specific to Python ${wanted} may differ.`,
    );
  }
  return {
    family: "python",
    versionLabel: `python:${python.version}`,
    notes,
    sentinel: true,
    runtimeDir: dirname(PYTHON_BOOTSTRAP),
    binDir: dirname(python.executable),
    pythonMinor: wanted,
    // -u: unbuffered, so output is in the pipe before the answer is posted; -B: never write __pycache__
    // into the shared, content-addressed code tree (Lambda's /var/task is read-only too).
    command: (_codeDir, _layers, sentinelHex) => ({
      file: python.executable,
      args: ["-u", "-B", PYTHON_BOOTSTRAP, `--log-sentinel=${sentinelHex}`],
    }),
  };
}

async function providedLauncher(runtime: string): Promise<RuntimeLauncher> {
  return {
    family: "provided",
    versionLabel: runtime.replace(/^provided\.?/, "provided:") || "provided:al",
    notes: [],
    sentinel: false,
    runtimeDir: "",
    // Lambda looks for /var/task/bootstrap, then /opt/bootstrap (a layer's).
    command: (codeDir, layerDirs) => ({ file: providedBootstrap(codeDir, layerDirs), args: [] }),
  };
}

function providedBootstrap(codeDir: string, layerDirs: string[]): string {
  return (
    [codeDir, ...layerDirs].map((d) => join(d, "bootstrap")).find((f) => fileExists(f)) ?? join(codeDir, "bootstrap")
  );
}

// Cold-start only (never on a warm invoke): a synchronous stat is fine here.
function fileExists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
