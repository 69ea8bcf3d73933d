/**
 * Where the configured Handler points: the file (and export) Lambda will load, and whether the package
 * has it. Heuristic for the export (a text search, not a parse), so a miss is a warning, not an error.
 */
import { runtimeFamily } from "@/lib/lambda-model/runtimes";
import type { CodeTree } from "./code-tree";

export type HandlerStatus = "ok" | "missing-file" | "missing-export" | "not-applicable";

export interface HandlerTarget {
  status: HandlerStatus;
  /** The file Lambda loads, when one exists in the package (or the first candidate when none does). */
  file?: string;
  /** Every file name Lambda would try, in order. */
  candidates: string[];
  /** The function inside the file (`handler`, `lambda_handler`, `Module::Class.method`…). */
  exportName?: string;
  /** 1-based line of the export, when found. */
  line?: number;
  message: string;
}

function escape(re: string): string {
  return re.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

function findExport(family: string, text: string, name: string): number | undefined {
  const n = escape(name.split(".")[0] ?? name);
  const patterns =
    family === "python"
      ? [new RegExp(`^(?:async\\s+)?def\\s+${n}\\s*\\(`, "m"), new RegExp(`^${n}\\s*=`, "m")]
      : family === "ruby"
        ? [new RegExp(`^\\s*def\\s+(?:self\\.)?${escape(name.split(".").pop() ?? name)}\\b`, "m")]
        : [
            new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*${n}\\b`),
            new RegExp(`export\\s+(?:const|let|var)\\s+${n}\\b`),
            new RegExp(`export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`),
            new RegExp(`(?:module\\.)?exports\\.${n}\\s*=`),
            new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*\\b${n}\\b`),
          ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return lineOf(text, m.index);
  }
  return undefined;
}

export function resolveHandler(
  runtime: string | undefined,
  handler: string | undefined,
  tree: CodeTree,
): HandlerTarget {
  const family = runtime ? runtimeFamily(runtime) : undefined;
  if (!handler && family !== "provided") {
    return { status: "not-applicable", candidates: [], message: "No handler is configured." };
  }
  if (family === "provided") {
    const ok = Boolean(tree.files.bootstrap);
    return {
      status: ok ? "ok" : "missing-file",
      file: "bootstrap",
      candidates: ["bootstrap"],
      message: ok
        ? "A custom runtime starts the executable bootstrap file at the package root."
        : "Custom runtimes start an executable file named bootstrap at the package root, and this package has none.",
    };
  }
  const h = handler ?? "";
  let candidates: string[];
  let exportName: string;
  if (family === "nodejs") {
    // Node: the module is the name up to the first dot of the last path segment; the rest is the export.
    const slash = h.lastIndexOf("/");
    const dot = h.indexOf(".", slash + 1);
    if (dot < 0)
      return { status: "missing-export", candidates: [], message: `${h} has no export name (expected file.export).` };
    const modulePath = h.slice(0, dot);
    exportName = h.slice(dot + 1);
    candidates = [".js", ".mjs", ".cjs"].map((ext) => `${modulePath}${ext}`);
  } else if (family === "python") {
    const dot = h.lastIndexOf(".");
    if (dot < 0)
      return {
        status: "missing-export",
        candidates: [],
        message: `${h} has no function name (expected module.function).`,
      };
    const modulePath = h.slice(0, dot).replace(/\./g, "/");
    exportName = h.slice(dot + 1);
    candidates = [`${modulePath}.py`, `${modulePath}/__init__.py`];
  } else if (family === "ruby") {
    const dot = h.indexOf(".");
    if (dot < 0)
      return { status: "missing-export", candidates: [], message: `${h} has no method name (expected file.method).` };
    exportName = h.slice(dot + 1);
    candidates = [`${h.slice(0, dot)}.rb`];
  } else {
    // Java, .NET and Go name compiled classes or binaries; there is no source file to point at.
    return { status: "not-applicable", candidates: [], message: `${h} names compiled code.` };
  }
  const file = candidates.find((c) => tree.files[c]);
  if (!file) {
    return {
      status: "missing-file",
      file: candidates[0],
      candidates,
      exportName,
      message: `Lambda loads ${candidates.slice(0, family === "nodejs" ? 3 : 1).join(", ")}${family === "nodejs" ? " (the first that exists)" : ""}, and the package has none of them. Invocations will fail with Runtime.ImportModuleError.`,
    };
  }
  const text = tree.files[file]?.text;
  const line = text !== undefined ? findExport(family, text, exportName) : undefined;
  if (text !== undefined && line === undefined) {
    return {
      status: "missing-export",
      file,
      candidates,
      exportName,
      message: `${file} does not seem to define ${exportName}. Invocations will fail with Runtime.HandlerNotFound.`,
    };
  }
  return {
    status: "ok",
    file,
    candidates,
    exportName,
    ...(line !== undefined ? { line } : {}),
    message: `${file} › ${exportName}`,
  };
}
