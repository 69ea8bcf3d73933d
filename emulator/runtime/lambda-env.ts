/**
 * The process environment of an execution environment: the function's own variables plus exactly the
 * variables Lambda defines (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html),
 * never the emulator's own process.env. Paths that are /var/task, /var/runtime, /opt and /tmp in Lambda
 * point at the code tree, our bootstrap dir, the layers' trees and a per-environment tmp dir.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { EmulatorContext } from "../context";
import type { FunctionConfig } from "../store/functions-repo";
import type { RuntimeLauncher } from "./runtimes";

export interface EnvironmentPaths {
  codeDir: string;
  /** Extracted layer trees, in the function's layer order (each stands in for /opt). */
  layerDirs: string[];
  tmpDir: string;
  /** `host:port` of this environment's Runtime API. */
  runtimeApi: string;
  logStreamName: string;
  /** `on-demand`, or `provisioned-concurrency` for environments pre-initialised for a config. */
  initializationType: "on-demand" | "provisioned-concurrency";
}

/** `2026/01/31/[$LATEST]0123…` — the stream name Lambda gives each execution environment. */
export function logStreamName(version: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "/");
  return `${day}/[${version}]${randomBytes(16).toString("hex")}`;
}

/** The function's CloudWatch Logs log group: LoggingConfig.LogGroup, else `/aws/lambda/<name>`. */
export function logGroupOf(config: Pick<FunctionConfig, "FunctionName" | "LoggingConfig">): string {
  return config.LoggingConfig?.LogGroup ?? `/aws/lambda/${config.FunctionName}`;
}

export function lambdaEnvironment(
  ctx: EmulatorContext,
  config: FunctionConfig,
  launcher: RuntimeLauncher,
  paths: EnvironmentPaths,
): Record<string, string> {
  const credentials = ctx.config.credentials[0] ?? { accessKeyId: "test", secretAccessKey: "test" };
  const { codeDir, layerDirs, tmpDir } = paths;
  const path = [
    ...(launcher.binDir ? [launcher.binDir] : []),
    "/usr/local/bin",
    "/usr/bin",
    "/bin",
    ...layerDirs.map((d) => join(d, "bin")),
  ];
  const env: Record<string, string> = {
    ...(config.Environment?.Variables ?? {}),
    AWS_REGION: ctx.config.region,
    AWS_DEFAULT_REGION: ctx.config.region,
    // Credentials the emulator itself accepts, so SDK calls back into it (durable functions) verify.
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: "lambda-console-emulator-session",
    AWS_ENDPOINT_URL_LAMBDA: ctx.baseUrl,
    AWS_LAMBDA_FUNCTION_NAME: config.FunctionName,
    AWS_LAMBDA_FUNCTION_VERSION: config.Version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.MemorySize ?? 128),
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupOf(config),
    AWS_LAMBDA_LOG_STREAM_NAME: paths.logStreamName,
    AWS_LAMBDA_RUNTIME_API: paths.runtimeApi,
    AWS_LAMBDA_INITIALIZATION_TYPE: paths.initializationType,
    AWS_EXECUTION_ENV: `AWS_Lambda_${config.Runtime ?? "provided"}`,
    _HANDLER: config.Handler ?? "",
    LAMBDA_TASK_ROOT: codeDir,
    LAMBDA_RUNTIME_DIR: launcher.runtimeDir || codeDir,
    TZ: ":UTC",
    LANG: "en_US.UTF-8",
    PATH: path.join(":"),
    LD_LIBRARY_PATH: [join(codeDir, "lib"), codeDir, ...layerDirs.map((d) => join(d, "lib"))].join(":"),
    HOME: tmpDir,
    TMPDIR: tmpDir,
  };
  if (config.LoggingConfig?.LogFormat === "JSON") {
    env.AWS_LAMBDA_LOG_FORMAT = "JSON";
    env.AWS_LAMBDA_LOG_LEVEL = config.LoggingConfig.ApplicationLogLevel ?? "INFO";
  }
  if (launcher.family === "nodejs") {
    const major = launcher.nodeMajor ?? 0;
    env.NODE_PATH = [
      ...layerDirs.flatMap((d) => [
        join(d, "nodejs", `node${major}`, "node_modules"),
        join(d, "nodejs", "node_modules"),
      ]),
      join(launcher.runtimeDir, "node_modules"),
      launcher.runtimeDir,
      codeDir,
    ].join(":");
  }
  if (launcher.family === "python") {
    env.PYTHONPATH = [
      launcher.runtimeDir,
      ...layerDirs.flatMap((d) => [
        join(d, "python", "lib", `python${launcher.pythonMinor ?? "3"}`, "site-packages"),
        join(d, "python"),
      ]),
    ].join(":");
  }
  return env;
}
