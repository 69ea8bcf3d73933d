/** What a file is, for the editor: its Monaco language, and whether it can be opened as text at all. */

/** Files above this size are not opened: Monaco stays responsive and the tab does not balloon. */
export const MAX_EDITABLE_BYTES = 2 * 1024 * 1024;

export type FileKind = { text: string; opaque?: undefined } | { text?: undefined; opaque: "binary" | "large" };

/** UTF-8 text without NUL bytes is text; anything else is binary. */
export function fileKind(_path: string, bytes: Uint8Array): FileKind {
  if (bytes.length > MAX_EDITABLE_BYTES) return { opaque: "large" };
  if (bytes.subarray(0, 8192).includes(0)) return { opaque: "binary" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { opaque: "binary" };
  }
}

const BY_EXTENSION: Record<string, string> = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "typescript",
  json: "json",
  map: "json",
  py: "python",
  rb: "ruby",
  go: "go",
  java: "java",
  cs: "csharp",
  rs: "rust",
  sh: "shell",
  bash: "shell",
  md: "markdown",
  yml: "yaml",
  yaml: "yaml",
  toml: "ini",
  ini: "ini",
  cfg: "ini",
  html: "html",
  htm: "html",
  css: "css",
  scss: "scss",
  xml: "xml",
  sql: "sql",
  graphql: "graphql",
  gql: "graphql",
  dockerfile: "dockerfile",
  txt: "plaintext",
};

const BY_NAME: Record<string, string> = {
  bootstrap: "shell",
  dockerfile: "dockerfile",
  makefile: "plaintext",
  ".env": "ini",
  gemfile: "ruby",
};

/** Monaco's language id for a path, by name then extension. */
export function languageFor(path: string): string {
  const name = (path.split("/").pop() ?? path).toLowerCase();
  const byName = BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf(".");
  if (dot < 0) return "plaintext";
  return BY_EXTENSION[name.slice(dot + 1)] ?? "plaintext";
}
