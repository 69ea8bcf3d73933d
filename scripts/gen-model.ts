/**
 * Generates lib/lambda-model/generated/*.json from the API reference in ../shared/lambda-api/model.json.
 * The generated files are committed so the app and emulator never read ../shared at run time;
 * re-run `npm run gen:model` when the reference changes.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? join(root, "..", "shared", "lambda-api", "model.json");
const outDir = process.argv[3] ?? join(root, "lib", "lambda-model", "generated");

type Json = Record<string, unknown>;
const raw = JSON.parse(readFileSync(source, "utf8")) as {
  actions: Record<string, Json>;
  types: Record<string, { description?: string; members: Record<string, Json> }>;
  commonErrors: Record<string, number>;
};

// Fields that only document the extraction; the validator needs none of them.
const DROP = new Set([
  "description",
  "patternText",
  "patternSource",
  "itemPatternText",
  "itemPatternSource",
  "typeInferred",
]);
const descriptions: Record<string, string> = {};

function compactMembers(owner: string, members: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, member] of Object.entries(members)) {
    if (typeof member.description === "string") descriptions[`${owner}.${name}`] = member.description;
    out[name] = Object.fromEntries(Object.entries(member).filter(([k]) => !DROP.has(k)));
  }
  return out;
}

const actions: Record<string, Json> = {};
for (const [name, action] of Object.entries(raw.actions)) {
  if (typeof action.description === "string") descriptions[name] = action.description;
  actions[name] = {
    method: action.method,
    path: action.path,
    successStatus: action.successStatus,
    payloadMember: action.payloadMember ?? null,
    responsePayloadMember: action.responsePayloadMember ?? null,
    queryLiterals: action.queryLiterals ?? {},
    query: action.query ?? {},
    requestHeaders: action.requestHeaders ?? {},
    input: compactMembers(name, {
      ...(action.uriParams as Record<string, Json>),
      ...(action.body as Record<string, Json>),
    }),
    output: compactMembers(`${name}Response`, (action.response ?? {}) as Record<string, Json>),
    responseHeaders: action.responseHeaders ?? {},
    errors: action.errors ?? {},
  };
}
const types: Record<string, Json> = {};
for (const [name, type] of Object.entries(raw.types)) {
  if (typeof type.description === "string") descriptions[name] = type.description;
  types[name] = compactMembers(name, type.members);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "model.json"), JSON.stringify({ actions, types, commonErrors: raw.commonErrors }) + "\n");
writeFileSync(join(outDir, "descriptions.json"), JSON.stringify(descriptions) + "\n");
console.log(`wrote ${Object.keys(actions).length} actions and ${Object.keys(types).length} types to ${outDir}`);
