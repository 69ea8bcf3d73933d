/**
 * Runtime identifiers from the reference, grouped into the families the console and emulator care
 * about. Which runtimes can actually run on this machine is the emulator's business (emulator/runtime).
 */
import { enumValues } from "./model";

export const RUNTIMES = enumValues("CreateFunction", "Runtime");

export type RuntimeFamily = "nodejs" | "python" | "provided" | "java" | "dotnet" | "ruby" | "go" | "other";

export function runtimeFamily(runtime: string | undefined): RuntimeFamily {
  if (!runtime) return "other";
  if (runtime.startsWith("nodejs")) return "nodejs";
  if (runtime.startsWith("python")) return "python";
  if (runtime.startsWith("provided")) return "provided";
  if (runtime.startsWith("java")) return "java";
  if (runtime.startsWith("dotnet")) return "dotnet";
  if (runtime.startsWith("ruby")) return "ruby";
  if (runtime.startsWith("go")) return "go";
  return "other";
}

/**
 * Runtimes AWS still accepts for new functions (late 2026), newest first. Older values remain valid on
 * existing functions, so the API accepts every value of the enum; forms offer these.
 */
export const CURRENT_RUNTIMES = [
  "nodejs24.x",
  "nodejs22.x",
  "nodejs20.x",
  "python3.14",
  "python3.13",
  "python3.12",
  "python3.11",
  "provided.al2023",
  "provided.al2",
  "java25",
  "java21",
  "dotnet10",
  "dotnet8",
  "ruby4.0",
  "ruby3.4",
] as const;

/** Node.js major version of a nodejs runtime id (`nodejs22.x` → 22). */
export function nodeMajorOf(runtime: string): number | undefined {
  const m = /^nodejs(\d+)(?:\.x|\.\d+)?$/.exec(runtime);
  return m ? Number(m[1]) : undefined;
}

/** The handler a new function of this runtime gets by default, as the AWS console suggests. */
export function defaultHandler(runtime: string): string {
  switch (runtimeFamily(runtime)) {
    case "nodejs":
      return "index.handler";
    case "python":
      return "lambda_function.lambda_handler";
    case "provided":
      return "bootstrap";
    case "ruby":
      return "lambda_function.lambda_handler";
    default:
      return "handler";
  }
}
