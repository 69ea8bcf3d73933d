/**
 * Contract: bad input never gets a 500 or takes the emulator down. Every action of the reference is sent,
 * as raw SigV4-signed HTTP (most malformed inputs cannot be expressed through the SDK's typed commands):
 * no body, broken JSON, JSON of the wrong shape, every member of the wrong type, over-long strings,
 * out-of-range numbers, unknown enum values, malformed query values and headers, and path labels that are
 * missing, too long, illegal or garbage-encoded. Each answer must be below 500 and, when it is a 4xx, in
 * the service's error format with an error name and status the reference knows. Inputs that break a
 * documented constraint must be refused. Afterwards the emulator still answers and nothing it
 * acknowledged before the barrage is gone.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import {
  AddLayerVersionPermissionCommand,
  AddPermissionCommand,
  CheckpointDurableExecutionCommand,
  CreateAliasCommand,
  CreateCapacityProviderCommand,
  CreateCodeSigningConfigCommand,
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  GetCodeSigningConfigCommand,
  GetEventSourceMappingCommand,
  GetFunctionCommand,
  GetLayerVersionCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListLayerVersionsCommand,
  ListTagsCommand,
  PublishLayerVersionCommand,
  PublishVersionCommand,
} from "@aws-sdk/client-lambda";
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../lib/lambda-model/model";
import { nodeBuild } from "../../emulator/runtime/node-runtimes";
import { createFunction, eventually, settled } from "../support/control-plane";
import { nodeZip, startEmulator, zipOf, type TestEmulator } from "../support/emulator";
import { DURABLE_RUNTIME, SETUP_TIMEOUT_MS } from "./durable-support";

// ---------------------------------------------------------------------------------------------------
// The reference, read as the action list, members and constraints to attack.

/** A member as the reference file writes it: the generated model's shape, with `required` left out when false. */
type RefMember = Omit<Member, "type" | "required"> & { type: string; required?: boolean };
type RefMembers = Record<string, RefMember>;
interface RefAction {
  method: string;
  path: string;
  payloadMember: string | null;
  query: Record<string, string>;
  requestHeaders: Record<string, string>;
  queryLiterals: Record<string, string>;
  errors: Record<string, number>;
  /** The reference's own file splits input into uriParams (URI, query, header) and body. */
  uriParams?: RefMembers;
  body?: RefMembers;
  /** The generated copy (lib/lambda-model/generated) holds them merged. */
  input?: RefMembers;
}
interface RefModel {
  actions: Record<string, RefAction>;
  types: Record<string, { members: RefMembers } | RefMembers>;
  commonErrors: Record<string, number>;
}

const root = resolve(import.meta.dirname, "..", "..");
const referencePath = join(root, "..", "shared", "lambda-api", "model.json");
// The reference beside the repo is the authority; a bare clone falls back to the generated copy of it,
// which lib/lambda-model/generated.test.ts keeps identical in content.
const reference = JSON.parse(
  readFileSync(
    existsSync(referencePath) ? referencePath : join(root, "lib", "lambda-model", "generated", "model.json"),
    "utf8",
  ),
) as RefModel;

const inputOf = (a: RefAction): RefMembers => a.input ?? { ...a.uriParams, ...a.body };
const typeMembers = (name: string): RefMembers | undefined => {
  const t = reference.types[name];
  if (!t) return undefined;
  return "members" in t && typeof t.members === "object" ? (t.members as RefMembers) : (t as RefMembers);
};

/** Every error name the reference knows, with its status: an answer may only use these. */
const knownErrors = new Map<string, number>(Object.entries(reference.commonErrors));
for (const a of Object.values(reference.actions))
  for (const [name, status] of Object.entries(a.errors)) knownErrors.set(name, status);
// An unsigned request gets the service front door's own name for it (see sigv4.test.ts); the reference's
// common errors only have generic ones (IncompleteSignature, NotAuthorized).
knownErrors.set("MissingAuthenticationTokenException", 403);

// ---------------------------------------------------------------------------------------------------
// Resources the barrage runs against. Read-and-update actions aim at KEEP; actions that end what they
// name (deletes, stops, a callback's answer) aim at its DOOMED twin, so one that works does not starve
// the other cases, and KEEP can be checked afterwards.

const ACCOUNT = "000000000000";
const PREFIX = `arn:aws:lambda:us-east-1:${ACCOUNT}`;
const KEEP = "robust-keep";
const DOOMED = "robust-doomed";
const LAYER = "robust-layer";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/lambda-test`;
const PROFILE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/Robust/abcdef1234`;
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:robust-queue`;
/** KEEP's code; UpdateFunctionCode cases upload the same bytes, so its CodeSha256 must not move. */
const KEEP_CODE = nodeZip("exports.handler = async (e) => e;");

interface Fixtures {
  keepCsc: string;
  doomedCsc: string;
  keepEsm: string;
  doomedEsm: string;
  keepExecution: string;
  doomedExecution: string;
  keepCallback: string;
  doomedCallback: string;
}
let fx: Fixtures;

/** Actions that end what they name; they aim at the DOOMED twin of each resource. */
const ends = (action: string, method: string) =>
  method === "DELETE" || /^(StopDurableExecution|SendDurableExecutionCallback(Success|Failure))$/.test(action);

/** Label values that name something that exists (by method family) or plausibly could but does not. */
function labelValues(action: string, method: string): Record<string, { existing: string; missing: string }> {
  const del = ends(action, method);
  const fn = del ? DOOMED : KEEP;
  return {
    FunctionName: { existing: fn, missing: "robust-missing" },
    Name: { existing: "live", missing: "no-such-alias" },
    LayerName: { existing: LAYER, missing: "robust-missing-layer" },
    VersionNumber: { existing: del ? "2" : "1", missing: "99" },
    StatementId: { existing: "robust-stmt", missing: "no-such-stmt" },
    Resource: { existing: `${PREFIX}:function:${fn}`, missing: `${PREFIX}:function:robust-missing` },
    CodeSigningConfigArn: {
      existing: del ? fx.doomedCsc : fx.keepCsc,
      missing: `${PREFIX}:code-signing-config:csc-0000000000000000a`,
    },
    UUID: { existing: del ? fx.doomedEsm : fx.keepEsm, missing: "00000000-0000-4000-8000-000000000000" },
    CapacityProviderName: { existing: del ? "robust-cp-doomed" : "robust-cp", missing: "robust-missing-cp" },
    DurableExecutionArn: {
      existing: del ? fx.doomedExecution : fx.keepExecution,
      missing: `${PREFIX}:function:robust-missing:$LATEST/durable-execution/none/0000`,
    },
    CallbackId: { existing: del ? fx.doomedCallback : fx.keepCallback, missing: "bm9uZQ==" },
  };
}

/** Label values no action may accept: [what, raw path segment as sent (already percent-encoded)]. */
const BAD_LABELS: [string, string][] = [
  ["too long", "a".repeat(1100)],
  ["illegal characters", encodeURIComponent("bad name!*<>")],
  ["invalid percent-encoding", "%ZZ%"],
  ["encoded NUL", "%00"],
  ["invalid UTF-8", "%C3%28"],
  ["encoded slash and dots", "%2E%2E%2F%2E%2E"],
  ["emoji", encodeURIComponent("λ😀")],
];

// ---------------------------------------------------------------------------------------------------
// Values: one that fits a member (for the members a case is not attacking) and ones that break it.

const STRING_SAMPLES = [
  KEEP,
  `${PREFIX}:function:${KEEP}`,
  ROLE_ARN,
  "index.handler",
  "nodejs22.x",
  "lambda:InvokeFunction",
  "s3.amazonaws.com",
  `${PREFIX}:layer:${LAYER}:1`,
  `${PREFIX}:layer:${LAYER}`,
  QUEUE,
  PROFILE,
  "lambda:GetLayerVersion",
  "*",
  "robust",
  "1",
  "x",
  "us-east-1",
];

const compiled = new Map<string, RegExp | null>();
function fitsPattern(value: string, pattern: string | undefined): boolean {
  if (!pattern) return true;
  if (!compiled.has(pattern)) {
    try {
      compiled.set(pattern, new RegExp(`^(?:${pattern})$`, "u"));
    } catch {
      compiled.set(pattern, null);
    }
  }
  const re = compiled.get(pattern);
  return re ? re.test(value) : true;
}

function fitsString(s: string, m: { min?: number; max?: number; pattern?: string; enum?: string[] }): boolean {
  if (m.enum?.length) return m.enum.includes(s);
  return s.length >= (m.min ?? 0) && s.length <= (m.max ?? Infinity) && fitsPattern(s, m.pattern);
}

function validString(m: { min?: number; max?: number; pattern?: string; enum?: string[] }): string | undefined {
  if (m.enum?.length) return m.enum[0];
  return STRING_SAMPLES.find((s) => fitsString(s, m));
}

function validNumber(m: RefMember): number {
  const v = Math.max(m.min ?? 1, 1);
  return m.max !== undefined ? Math.min(v, m.max) : v;
}

/** A value that satisfies the member as far as samples allow; undefined when none is found. */
function validValue(m: RefMember, depth = 0): unknown {
  switch (m.type) {
    case "string":
      return validString(m);
    case "integer":
    case "long":
    case "double":
      return validNumber(m);
    case "boolean":
      return false;
    case "blob":
      return Buffer.from("{}").toString("base64");
    case "timestamp":
      return Math.floor(Date.now() / 1000);
    case "structure": {
      const members = m.ref ? typeMembers(m.ref) : undefined;
      return members && depth < 4 ? requiredOnly(members, depth + 1) : {};
    }
    case "list": {
      const n = m.minItems ?? 0;
      if (n === 0) return [];
      const item = listItem(m);
      const v = item ? validValue(item, depth + 1) : undefined;
      return v === undefined ? [] : Array.from({ length: n }, () => v);
    }
    case "map":
      return {};
    default:
      return undefined;
  }
}

function requiredOnly(members: RefMembers, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, m] of Object.entries(members)) {
    if (!m.required || (m.location && m.location !== "payload")) continue;
    const v = validValue(m, depth);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The member a list holds, as a member of its own. */
function listItem(m: RefMember): RefMember | undefined {
  const items = m.items ?? m.ref;
  if (!items) return undefined;
  if (typeMembers(items)) return { type: "structure", ref: items };
  return { type: items, min: m.itemMin, max: m.itemMax, pattern: m.itemPattern, enum: m.itemEnum };
}

/**
 * Strings that may well satisfy a member's documented constraints yet mean nothing sensible to it:
 * qualifiers and ARN forms the resolvers must handle, JSON fragments for members that hold JSON text,
 * and text that looks like a date, a path or a number. Whatever they fit, the answer must not be a 500.
 */
const ODD_STRINGS = [
  `${KEEP}:live`,
  `${KEEP}:99`,
  `${KEEP}:$LATEST`,
  `${KEEP}:$LATEST.PUBLISHED`,
  `${ACCOUNT}:function:${KEEP}`,
  `${ACCOUNT}:function:${KEEP}:live`,
  `function:${KEEP}`,
  `${PREFIX}:function:${KEEP}:$LATEST.PUBLISHED`,
  `${PREFIX}:function:${KEEP}:live`,
  `arn:aws:lambda:eu-west-1:111111111111:function:${KEEP}`,
  `arn:aws-cn:lambda:cn-north-1:${ACCOUNT}:function:${KEEP}`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:${LAYER}:0`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:${LAYER}:99999999999999999999`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:${LAYER}:1:extra`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:event-source-mapping:00000000-0000-0000-0000-000000000000`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:capacity-provider:robust-missing`,
  `arn:aws:lambda:us-east-1:${ACCOUNT}:code-signing-config:csc-0000000000000000a`,
  `arn:aws:sqs:us-east-1:${ACCOUNT}:`,
  "arn:aws:kafka:us-east-1:000000000000:cluster/x/y",
  "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/not-a-date",
  "arn:",
  "{",
  '{"a":',
  "[1,",
  "null",
  "{}",
  "[]",
  '{"Filters":[{"Pattern":"{"}]}',
  "0",
  "-1",
  "99999999999999999999",
  "1e309",
  "NaN",
  "2026-13-45T99:99:99Z",
  "not-a-date",
  "$LATEST",
  "$LATEST.PUBLISHED",
  "ALL",
  "../../../../etc/passwd",
  "a/b/../../c",
  "  ",
  "λ",
  "=",
  "Zm9v",
  "!!!not-base64!!!",
  "http://[::1]:99999/x",
  "https://",
  "*.*",
  "__proto__",
  "constructor",
];

/** Values of the member's type that fit its constraints at their edges, or odd values that may fit. */
function oddValues(m: RefMember): [string, unknown][] {
  const out: [string, unknown][] = [];
  switch (m.type) {
    case "string":
      for (const v of ODD_STRINGS) if (fitsString(v, m)) out.push([JSON.stringify(v).slice(0, 60), v]);
      if (m.max !== undefined && !m.pattern && !m.enum?.length) out.push([`exactly ${m.max} long`, "é".repeat(m.max)]);
      break;
    case "integer":
    case "long":
    case "double":
      for (const v of [m.min, m.max, 0, -1, 2 ** 31, 2 ** 53, Number.MAX_VALUE])
        if (v !== undefined && v >= (m.min ?? -Infinity) && v <= (m.max ?? Infinity)) out.push([`= ${v}`, v]);
      break;
    case "timestamp":
      for (const v of ["not-a-date", "2024-01-01T00:00:00Z", "", -1, 0, 1e15, 1e300, 1.5])
        out.push([`timestamp ${JSON.stringify(v)}`, v]);
      break;
    case "blob":
      for (const v of ["", "!!!not base64!!!", "aGVsbG8=", "=", "A"]) out.push([`blob ${JSON.stringify(v)}`, v]);
      break;
    case "map":
      out.push(["__proto__ key", JSON.parse('{"__proto__": "x"}')], ["empty key", { "": "v" }]);
      break;
    case "list":
      out.push(["empty list", []]);
      break;
  }
  return out;
}

/** A zip whose entry declares `declared` unzipped bytes (central directory and local header). */
function zipDeclaring(declared: number): Uint8Array {
  const zip = Buffer.from(zipOf({ "index.js": "exports.handler = async () => 1;" }));
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50) zip.writeUInt32LE(declared, i + 22);
    if (sig === 0x02014b50) zip.writeUInt32LE(declared, i + 24);
  }
  return zip;
}

/** Archives that unzip badly, or not at all: [what, bytes, must the upload be refused]. */
function oddZips(): [string, Uint8Array, boolean][] {
  const good = zipOf({ "index.js": "exports.handler = async () => 1;" });
  // The reference's unzipped limit is 250 MB; a zip may not even claim more (a zip bomb does).
  return [
    ["zip declaring 4 GB unzipped", zipDeclaring(0xffff_fff0), true],
    ["zip declaring 251 MB unzipped", zipDeclaring(251 * 1024 * 1024), true],
    ["truncated zip", good.subarray(0, good.length - 10), true],
    ["zip with its central directory cut", good.subarray(0, 40), true],
    ["zip with a NUL in a name", zipOf({ "index.js": "x", "a\u0000b.js": "x" }), false],
    ["zip with a file where a directory goes", zipOf({ "index.js": "x", lib: "x", "lib/a.js": "x" }), false],
    ["zip escaping its root", zipOf({ "index.js": "x", "../../escape.js": "x", "/abs.js": "x" }), false],
    ["zip with a 300-character name", zipOf({ "index.js": "x", ["n".repeat(300)]: "x" }), false],
  ];
}

/** Values of another JSON type than the member's. */
function wrongTypes(m: RefMember): unknown[] {
  switch (m.type) {
    case "string":
      return [12345, { nested: "object" }, true, ["list"]];
    case "integer":
    case "long":
    case "double":
      return ["12", { n: 1 }, true, [1]];
    case "boolean":
      return ["true", 1, { b: true }];
    case "structure":
      return ["a string", 42, [{}], false];
    case "list":
      return ["a string", { not: "a list" }, 7];
    case "map":
      return ["a string", [["k", "v"]], 7];
    case "blob":
      return [12345, { blob: 1 }, ["blob"]];
    case "timestamp":
      return [{ at: 1 }, [1], true];
    default:
      return [];
  }
}

/** Values of the right JSON type that break a documented constraint. */
function outOfBounds(m: RefMember): [string, unknown][] {
  const out: [string, unknown][] = [];
  switch (m.type) {
    case "string":
      if (m.enum?.length) out.push(["unknown enum value", "NOT_A_VALID_VALUE"]);
      if (m.max !== undefined) out.push([`longer than ${m.max}`, "a".repeat(m.max + 1)]);
      if (m.min !== undefined && m.min > 0) out.push([`shorter than ${m.min}`, ""]);
      if (m.pattern && !m.enum?.length) {
        const bad = "bad value!\u0000$%";
        if (!fitsPattern(bad, m.pattern)) out.push(["off-pattern", bad]);
      }
      break;
    case "integer":
    case "long":
    case "double":
      if (m.max !== undefined) out.push([`above ${m.max}`, m.max + 1], ["far above", 1e300]);
      if (m.min !== undefined) out.push([`below ${m.min}`, m.min - 1], ["far below", -1e300]);
      if (m.type !== "double") out.push(["fractional", 1.5]);
      break;
    case "list": {
      const item = listItem(m);
      const v = item ? validValue(item) : undefined;
      if (m.maxItems !== undefined && v !== undefined)
        out.push([`more than ${m.maxItems} items`, Array.from({ length: m.maxItems + 1 }, () => v)]);
      if (m.minItems !== undefined && m.minItems > 0) out.push([`fewer than ${m.minItems} items`, []]);
      if (item) for (const w of wrongTypes(item).slice(0, 2)) out.push(["item of the wrong type", [w]]);
      if (item?.type === "string") for (const [what, bad] of outOfBounds(item)) out.push([`item ${what}`, [bad]]);
      break;
    }
    case "map":
      if (m.keyPattern || m.keyMin || m.keyMax)
        out.push(["illegal key", { [m.keyMax ? "k".repeat(m.keyMax + 1) : "1 bad key!"]: "v" }]);
      out.push(["value of the wrong type", { Key: { nested: 1 } }]);
      break;
  }
  return out;
}

/** Every member path to attack inside a body: top-level members and (a few levels of) nested ones. */
function leafPaths(members: RefMembers, depth = 0, seen: string[] = []): { path: string[]; member: RefMember }[] {
  const out: { path: string[]; member: RefMember }[] = [];
  for (const [name, m] of Object.entries(members)) {
    out.push({ path: [name], member: m });
    if (depth >= 2) continue;
    const nested =
      m.type === "structure" ? m.ref : m.type === "list" && m.items && typeMembers(m.items) ? m.items : undefined;
    if (!nested || seen.includes(nested)) continue;
    const inner = typeMembers(nested);
    if (!inner) continue;
    for (const leaf of leafPaths(inner, depth + 1, [...seen, nested]))
      out.push({ path: [name, ...(m.type === "list" ? ["0"] : []), ...leaf.path], member: leaf.member });
  }
  return out;
}

/** `base` with the value at `path` replaced; the structures on the way are made from required members. */
function withValue(
  base: Record<string, unknown>,
  members: RefMembers,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: Record<string, unknown> | unknown[] = copy;
  let scope: RefMembers | undefined = members;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (Array.isArray(node)) {
      if (!node[0] || typeof node[0] !== "object") node[0] = scope ? requiredOnly(scope) : {};
      node = node[0] as Record<string, unknown>;
      continue;
    }
    const m: RefMember | undefined = scope?.[key];
    const nextType: string | undefined = m ? (m.type === "list" ? m.items : m.ref) : undefined;
    const nextMembers: RefMembers | undefined = nextType ? typeMembers(nextType) : undefined;
    const existing = node[key];
    if (m?.type === "list") {
      node[key] = Array.isArray(existing) && existing.length > 0 ? existing : [];
    } else if (!existing || typeof existing !== "object" || Array.isArray(existing)) {
      node[key] = nextMembers ? requiredOnly(nextMembers) : {};
    }
    node = node[key] as Record<string, unknown> | unknown[];
    scope = nextMembers;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node)) node[0] = value;
  else node[last] = value;
  return copy;
}

/**
 * Required members the samples cannot build (code archives, a mapping's source), so that attacks on the
 * other members of these actions get past the first missing member and into the handler.
 */
function seedBody(action: string): Record<string, unknown> {
  const zip = Buffer.from(KEEP_CODE).toString("base64");
  switch (action) {
    case "CreateFunction":
      return {
        FunctionName: `robust-new-${UNIQUE}`,
        Code: { ZipFile: zip },
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Role: ROLE_ARN,
      };
    case "UpdateFunctionCode":
      return { ZipFile: zip };
    case "PublishLayerVersion":
      return { Content: { ZipFile: zip } };
    case "CreateEventSourceMapping":
      return { FunctionName: KEEP, EventSourceArn: `${QUEUE}-${UNIQUE}`, Enabled: false };
    case "PutFunctionCodeSigningConfig":
      return { CodeSigningConfigArn: fx.keepCsc };
    case "TagResource":
      return { Tags: { robust: "1" } };
    case "AddPermission":
      return { StatementId: `robust-${UNIQUE}`, Principal: "s3.amazonaws.com" };
    case "CheckpointDurableExecution":
      return { CheckpointToken: TOKEN, Updates: [{ Id: `step-${UNIQUE}`, Type: "STEP", Action: "START" }] };
    case "PutFunctionEventInvokeConfig":
    case "UpdateFunctionEventInvokeConfig":
      return { MaximumRetryAttempts: 1 };
    default:
      return {};
  }
}
/**
 * Replaced, as each request goes out, by the live checkpoint token of the KEEP execution: a token is good
 * until the next accepted checkpoint, so attacks on the updates reach their checks, not the token's.
 */
const TOKEN = "__TOKEN__";
let liveToken = "";

/** Replaced by a fresh number in each request, so creates do not all collide with the first one. */
const UNIQUE = "__UNIQUE__";
let unique = 0;

// ---------------------------------------------------------------------------------------------------
// Cases.

interface Case {
  action: string;
  what: string;
  method: string;
  /** Raw path as sent, labels already percent-encoded. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string;
  /** The input breaks a documented constraint: anything but a 4xx is a defect. */
  mustReject: boolean;
}

const shapeOf = (template: string) => template.replace(/\{[^}]+\}/g, "{}");
const routeShapes = new Set(Object.values(reference.actions).map((a) => `${a.method} ${shapeOf(a.path)}`));

function buildPath(template: string, labels: Record<string, string>): string {
  return template.replace(/\{([A-Za-z0-9]+)\+?\}/g, (_, name: string) => labels[name] ?? "x");
}

function casesFor(action: string, a: RefAction): Case[] {
  const input = inputOf(a);
  const values = labelValues(action, a.method);
  const uriLabels = Object.entries(input).filter(([, m]) => m.location === "uri");
  const existing: Record<string, string> = {};
  for (const [name] of uriLabels) existing[name] = encodeURIComponent(values[name]?.existing ?? "robust");
  const path = buildPath(a.path, existing);
  const bodyMembers: RefMembers = Object.fromEntries(Object.entries(input).filter(([, m]) => !m.location));
  const hasBody = Object.keys(bodyMembers).length > 0;
  const payload = a.payloadMember ? input[a.payloadMember] : undefined;
  // Literal query keys (GetLayerVersionByArn's `find=LayerVersion`) are part of the route itself.
  const baseQuery: Record<string, string> = { ...a.queryLiterals };
  for (const [wire, name] of Object.entries(a.query)) {
    const m = input[name];
    if (m?.required) baseQuery[wire] = name === "CheckpointToken" ? TOKEN : String(validValue(m) ?? "x");
  }
  const baseBody = { ...requiredOnly(bodyMembers), ...seedBody(action) };
  const cases: Case[] = [];
  const add = (what: string, over: Partial<Case> & { mustReject: boolean }) =>
    cases.push({
      action,
      what,
      method: a.method,
      path,
      query: baseQuery,
      headers: {},
      ...over,
      body: over.body?.replaceAll(UNIQUE, () => String(++unique)),
    });

  // Whole-body shapes.
  add("no body", { mustReject: false });
  add("required members only", { body: JSON.stringify(baseBody), mustReject: false });
  // A blob payload takes any bytes; everything else is JSON members, so these must be refused.
  const bodyIsJson = hasBody || payload?.type === "structure";
  for (const [what, body] of [
    ["malformed JSON", "{"],
    ["truncated JSON", '{"a": [1, 2'],
    ["a JSON array", "[1, 2, 3]"],
    ["a JSON string", '"text"'],
    ["JSON null", "null"],
    ["a JSON number", "42"],
    ["not JSON at all", "\u0000\u0001binary\xff"],
    ["deeply nested JSON", "[".repeat(5000) + "]".repeat(5000)],
  ] as const) {
    add(what, { body, mustReject: bodyIsJson && what !== "JSON null" });
  }
  if (payload?.type === "blob") {
    // Past every documented payload limit (6 MB synchronous, 1 MB asynchronous).
    const huge = JSON.stringify({ data: "p".repeat(7 * 1024 * 1024) });
    add("a 7 MB payload", { body: huge, mustReject: action.startsWith("Invoke") });
  }
  // A method the path does not answer to (as another action, e.g. GET on CreateFunction's path).
  for (const method of ["PATCH", "OPTIONS", "GET", "PUT", "POST", "DELETE"].filter(
    (m) => !routeShapes.has(`${m} ${shapeOf(a.path)}`),
  ))
    add(`as ${method}`, { method, body: hasBody ? JSON.stringify(baseBody) : undefined, mustReject: true });
  if (hasBody) {
    // Every member at once, of every wrong type in turn.
    for (let round = 0; round < 4; round++) {
      const body: Record<string, unknown> = {};
      for (const [name, m] of Object.entries(bodyMembers)) {
        const w = wrongTypes(m);
        if (w.length > 0) body[name] = w[round % w.length];
      }
      add(`every member of the wrong type (round ${round + 1})`, { body: JSON.stringify(body), mustReject: true });
    }
    // One member at a time, top level and nested.
    for (const { path: p, member } of leafPaths(bodyMembers)) {
      const where = p.join(".");
      for (const w of wrongTypes(member).slice(0, 2))
        add(`${where} = ${JSON.stringify(w)} (wrong type)`, {
          body: JSON.stringify(withValue(baseBody, bodyMembers, p, w)),
          mustReject: true,
        });
      for (const [what, bad] of outOfBounds(member))
        add(`${where} ${what}`, {
          body: JSON.stringify(withValue(baseBody, bodyMembers, p, bad)),
          mustReject: true,
        });
      for (const [what, odd] of oddValues(member))
        add(`${where} ${what}`, {
          body: JSON.stringify(withValue(baseBody, bodyMembers, p, odd)),
          mustReject: false,
        });
      if (p[p.length - 1] === "ZipFile")
        for (const [what, zip, mustReject] of oddZips())
          add(`${where} ${what}`, {
            body: JSON.stringify(withValue(baseBody, bodyMembers, p, Buffer.from(zip).toString("base64"))),
            mustReject,
          });
    }
  }

  // Query members.
  for (const [wire, name] of Object.entries(a.query)) {
    const m = input[name];
    if (!m) continue;
    const bad: [string, string | string[], boolean][] = [];
    if (m.type === "integer" || m.type === "long") {
      bad.push(["abc", "abc", true], ["1e9", "1e9", true], ["1.5", "1.5", true], ["empty", "", true]);
      bad.push(["huge", "99999999999999999999999", true], ["repeated", ["1", "2"], false]);
      if (m.min !== undefined) bad.push([`${m.min - 1}`, String(m.min - 1), true]);
      else bad.push(["-1", "-1", false]);
      if (m.max !== undefined) bad.push([`${m.max + 1}`, String(m.max + 1), true]);
      bad.push(["1000000000", "1000000000", m.max !== undefined && m.max < 1e9]);
    } else if (m.type === "boolean") {
      bad.push(["maybe", "maybe", true], ["1", "1", true], ["empty", "", true]);
    } else {
      if (m.enum?.length) bad.push(["unknown enum", "NOT_A_VALID_VALUE", true]);
      if (m.max !== undefined) bad.push(["too long", "a".repeat(m.max + 1), true]);
      if (m.pattern && !fitsPattern("bad value!<>", m.pattern)) bad.push(["off-pattern", "bad value!<>", true]);
      bad.push(["empty", "", m.min !== undefined && m.min > 0], ["repeated", ["a", "b"], false]);
      bad.push(["NUL", "\u0000", false]);
    }
    for (const [what, odd] of oddValues(m))
      if (typeof odd === "string" || typeof odd === "number") bad.push([what, String(odd), false]);
    for (const [what, value, mustReject] of bad)
      add(`?${wire}=${what}`, {
        query: { ...baseQuery, [wire]: value },
        body: hasBody ? JSON.stringify(baseBody) : undefined,
        mustReject,
      });
  }

  // Header members.
  for (const [wire, name] of Object.entries(a.requestHeaders)) {
    const m = input[name];
    if (!m) continue;
    const bad: [string, string, boolean][] = [["empty", "", m.min !== undefined && m.min > 0]];
    if (m.enum?.length) bad.push(["unknown enum", "NotAValidValue", true]);
    if (m.max !== undefined) bad.push(["too long", "a".repeat(m.max + 1), true]);
    if (m.pattern && !fitsPattern("bad value!<>", m.pattern)) bad.push(["off-pattern", "bad value!<>", true]);
    bad.push(["not base64", "%%% not base64 %%%", false], ["very long", "b".repeat(8000), false]);
    for (const [what, value, mustReject] of bad) add(`${wire}: ${what}`, { headers: { [wire]: value }, mustReject });
  }

  // URI labels: one at a time missing, or bad; the others existing.
  for (const [name, m] of uriLabels) {
    const label = values[name];
    const variants: [string, string, boolean][] = [
      ["missing", encodeURIComponent(label?.missing ?? "missing"), false],
      ...BAD_LABELS.map(([what, raw]): [string, string, boolean] => [
        what,
        raw,
        // A label the pattern (or length) refuses must be refused; "%ZZ" cannot even be decoded.
        what !== "emoji" || m.pattern !== undefined || m.max !== undefined,
      ]),
    ];
    for (const [what, odd] of oddValues(m))
      if (typeof odd === "string") variants.push([what, encodeURIComponent(odd), false]);
    if (m.type === "long" || m.type === "integer")
      variants.push(["not a number", "abc", true], ["negative", "-1", false], ["huge", "99999999999999999999", true]);
    for (const [what, raw, mustReject] of variants)
      add(`{${name}} ${what}`, {
        path: buildPath(a.path, { ...existing, [name]: raw }),
        body: hasBody ? JSON.stringify(baseBody) : undefined,
        mustReject,
      });
  }
  // A delete aimed at KEEP in any spelling (partial ARN, qualified name) would succeed and starve the
  // other cases; deletes only ever name DOOMED.
  if (!ends(action, a.method)) return cases;
  const retarget = (v: string) => v.replaceAll(KEEP, DOOMED);
  return cases.map((c) => ({
    ...c,
    path: retarget(c.path),
    query: Object.fromEntries(
      Object.entries(c.query).map(([k, v]) => [k, Array.isArray(v) ? v.map(retarget) : retarget(v)]),
    ),
    body: c.body === undefined ? undefined : retarget(c.body),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Sending and judging.

let t: TestEmulator;
let signer: SignatureV4;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

const encodeQuery = (query: Record<string, string | string[]>): string =>
  Object.entries(query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join("&");

interface Answer {
  status: number;
  errorType: string | null;
  text: string;
}

/** Requests that carry the live token go one at a time, so each is sent with the token the last left. */
let tokenQueue: Promise<unknown> = Promise.resolve();

function send(template: Case): Promise<Answer> {
  const usesToken = template.body?.includes(TOKEN) || JSON.stringify(template.query).includes(TOKEN);
  if (!usesToken) return sendLive(template);
  const next = tokenQueue.then(() => sendLive(template));
  tokenQueue = next.catch(() => undefined);
  return next;
}

async function sendLive(template: Case): Promise<Answer> {
  const live = (v: string) => v.replaceAll(TOKEN, liveToken);
  const c: Case = {
    ...template,
    query: Object.fromEntries(
      Object.entries(template.query).map(([k, v]) => [k, Array.isArray(v) ? v.map(live) : live(v)]),
    ),
    body: template.body === undefined ? undefined : live(template.body),
  };
  const answer = await sendAsIs(c);
  if (c.action === "CheckpointDurableExecution" && answer.status === 200)
    liveToken = (JSON.parse(answer.text) as { CheckpointToken: string }).CheckpointToken;
  return answer;
}

async function sendAsIs(c: Case): Promise<Answer> {
  const url = new URL(t.emulator.url);
  const headers: Record<string, string> = { host: url.host, ...c.headers };
  if (c.body !== undefined) headers["content-type"] = "application/json";
  const signed = await signer.sign({
    method: c.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: c.path,
    query: c.query,
    headers,
    body: c.body,
  });
  // Framed explicitly: Node sends a GET or DELETE body unframed otherwise, which is not HTTP at all.
  if (c.body !== undefined) signed.headers["content-length"] = String(Buffer.byteLength(c.body));
  const qs = encodeQuery(c.query);
  // node:http rather than fetch: fetch refuses a body on GET, and a body on GET is one of the inputs.
  return new Promise<Answer>((resolvePromise, reject) => {
    const req = request(
      `${t.emulator.url}${c.path}${qs ? `?${qs}` : ""}`,
      { method: c.method, headers: signed.headers, agent, timeout: 20_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            errorType: (res.headers["x-amzn-errortype"] as string | undefined) ?? null,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out after 20 s")));
    req.on("error", reject);
    req.end(c.body);
  });
}

/** What is wrong with an answer, or undefined when it keeps the contract. */
function judge(c: Case, a: Answer): string | undefined {
  if (a.status >= 500) return `status ${a.status} ${a.errorType ?? ""} ${a.text.slice(0, 200)}`;
  if (a.status < 400) return c.mustReject ? `accepted (${a.status}) an input that breaks the reference` : undefined;
  if (!a.errorType) return `${a.status} without an x-amzn-ErrorType header`;
  const documented = knownErrors.get(a.errorType);
  if (documented === undefined) return `${a.status} ${a.errorType}: an error name the reference does not know`;
  if (documented !== a.status) return `${a.status} ${a.errorType}: the reference sends it as ${documented}`;
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `${a.status} ${a.errorType} with a body that is not JSON: ${a.text.slice(0, 100)}`;
  }
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message !== "string" || message.length === 0)
    return `${a.status} ${a.errorType} without a message: ${a.text.slice(0, 100)}`;
  return undefined;
}

async function runAll<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

beforeAll(async () => {
  t = await startEmulator();
  signer = new SignatureV4({
    service: "lambda",
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    sha256: Sha256,
  });
  await Promise.all([createFunction(t.client, KEEP), createFunction(t.client, DOOMED)]);
  for (const fn of [KEEP, DOOMED]) {
    await t.client.send(new PublishVersionCommand({ FunctionName: fn }));
    await t.client.send(new CreateAliasCommand({ FunctionName: fn, Name: "live", FunctionVersion: "1" }));
  }
  const content = zipOf({ "nodejs/index.js": "module.exports = 1;" });
  for (let i = 0; i < 2; i++)
    await t.client.send(new PublishLayerVersionCommand({ LayerName: LAYER, Content: { ZipFile: content } }));
  const csc = () =>
    t.client.send(new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] } }));
  const esm = (fn: string) =>
    t.client.send(new CreateEventSourceMappingCommand({ FunctionName: fn, EventSourceArn: QUEUE, Enabled: false }));
  const capacityProvider = (name: string) =>
    t.client.send(
      new CreateCapacityProviderCommand({
        CapacityProviderName: name,
        VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"], SecurityGroupIds: [] },
        PermissionsConfig: { CapacityProviderOperatorRoleArn: ROLE_ARN },
      }),
    );
  const [keepCsc, doomedCsc, keepEsm, doomedEsm] = await Promise.all([
    csc(),
    csc(),
    esm(KEEP),
    esm(DOOMED),
    capacityProvider("robust-cp"),
    capacityProvider("robust-cp-doomed"),
    t.client.send(
      new AddPermissionCommand({
        FunctionName: DOOMED,
        StatementId: "robust-stmt",
        Action: "lambda:InvokeFunction",
        Principal: "s3.amazonaws.com",
      }),
    ),
    t.client.send(
      new AddLayerVersionPermissionCommand({
        LayerName: LAYER,
        VersionNumber: 2,
        StatementId: "robust-stmt",
        Action: "lambda:GetLayerVersion",
        Principal: "*",
      }),
    ),
  ]);
  const [keep, doomed] = await startExecutions();
  fx = {
    keepCsc: keepCsc.CodeSigningConfig!.CodeSigningConfigArn!,
    doomedCsc: doomedCsc.CodeSigningConfig!.CodeSigningConfigArn!,
    keepEsm: keepEsm.UUID!,
    doomedEsm: doomedEsm.UUID!,
    keepExecution: keep.arn,
    doomedExecution: doomed.arn,
    keepCallback: keep.callbackId,
    doomedCallback: doomed.callbackId,
  };
  liveToken = keep.token;
}, SETUP_TIMEOUT_MS);

/**
 * Two durable executions held open for the barrage, each with a callback waiting. The function hands
 * its checkpoint token to the test through a file (it runs on this machine) and then just stays in its
 * invocation, so the token stays good; the test itself starts the callback with that token.
 */
type HeldExecution = { arn: string; token: string; callbackId: string };

async function startExecutions(): Promise<[HeldExecution, HeldExecution]> {
  const dir = mkdtempSync(join(tmpdir(), "robust-tokens-"));
  await nodeBuild(22);
  await t.client.send(
    new CreateFunctionCommand({
      FunctionName: "robust-durable",
      Role: ROLE_ARN,
      Runtime: DURABLE_RUNTIME,
      Handler: "index.handler",
      Timeout: 300,
      DurableConfig: { ExecutionTimeout: 600 },
      Environment: { Variables: { TOKEN_DIR: dir } },
      Code: {
        ZipFile: nodeZip(`const { writeFileSync } = require("node:fs");
exports.handler = async (event) => {
  const file = require("node:path").join(process.env.TOKEN_DIR, event.DurableExecutionArn.split("/")[2]);
  writeFileSync(file, event.CheckpointToken);
  await new Promise((resolve) => setTimeout(resolve, 280_000));
  return { Status: "PENDING" };
};`),
      },
    }),
  );
  await settled(t.client, "robust-durable");
  const hold = async (name: string): Promise<HeldExecution> => {
    const started = await t.client.send(
      new InvokeCommand({ FunctionName: "robust-durable", InvocationType: "Event", DurableExecutionName: name }),
    );
    const arn = started.DurableExecutionArn!;
    const file = join(dir, name);
    const token = await eventually(
      async () => (existsSync(file) ? readFileSync(file, "utf8") : ""),
      (text) => text.length > 0,
      60_000,
    );
    const checkpoint = await t.client.send(
      new CheckpointDurableExecutionCommand({
        DurableExecutionArn: arn,
        CheckpointToken: token,
        Updates: [{ Id: "robust-callback", Type: "CALLBACK", Action: "START" }],
      }),
    );
    const callbackId = checkpoint.NewExecutionState?.Operations?.find((o) => o.Type === "CALLBACK")?.CallbackDetails
      ?.CallbackId;
    if (!callbackId || !checkpoint.CheckpointToken) throw new Error("the callback did not start");
    return { arn, token: checkpoint.CheckpointToken, callbackId };
  };
  return Promise.all([hold("keep"), hold("doomed")]);
}

afterAll(async () => {
  agent.destroy();
  await t.dispose();
});

/** Bytes straight onto a socket; the emulator's whole answer, as text, once it closes the connection. */
function rawExchange(text: string | Buffer): Promise<string> {
  const url = new URL(t.emulator.url);
  return new Promise((resolvePromise, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("close", () => resolvePromise(answer));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
  });
}

/** Judges a raw HTTP answer as `judge` judges an API answer. */
function judgeRaw(answer: string): string | undefined {
  const [head = "", body = ""] = answer.split("\r\n\r\n", 2);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  const errorType = /^x-amzn-errortype: *(.+)$/im.exec(head)?.[1]?.trim() ?? null;
  if (!status) return `no HTTP answer: ${JSON.stringify(answer.slice(0, 100))}`;
  return judge({ mustReject: true } as Case, { status, errorType, text: body });
}

describe("bad input", () => {
  it("covers every action of the reference", () => {
    expect(Object.keys(reference.actions).length).toBe(85);
  });

  it("that is not HTTP, or too large to read, gets a typed answer too", async () => {
    const path = "/2015-03-31/functions";
    const offenders: string[] = [];
    for (const [what, text] of [
      ["a request line that is not HTTP", "GARBAGE\r\n\r\n"],
      ["a control character in a header", `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n`],
      [
        "broken chunk framing",
        `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n`,
      ],
      [
        "both Content-Length and chunked",
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      ],
      ["a 64 KB header", `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(65_536)}\r\n\r\n`],
      ["HTTP/0.9", `GET ${path}\r\n\r\n`],
    ] as const) {
      const problem = judgeRaw(await rawExchange(text));
      if (problem) offenders.push(`${what}: ${problem}`);
    }

    // A chunked body declares no length, so only reading it shows it is past the 70 MB limit.
    const big = await new Promise<Answer>((resolvePromise, reject) => {
      const req = request(`${t.emulator.url}${path}`, { method: "POST", agent }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            errorType: (res.headers["x-amzn-errortype"] as string | undefined) ?? null,
            text,
          }),
        );
      });
      req.on("error", reject);
      const mb = Buffer.alloc(1024 * 1024, 0x7b);
      for (let i = 0; i < 72; i++) req.write(mb);
      req.end();
    }).catch((e: unknown) => ({ status: 0, errorType: null, text: String(e) }));
    if (big.status !== 413 || big.errorType !== "RequestEntityTooLargeException")
      offenders.push(`a 72 MB chunked body: ${big.status} ${big.errorType} ${big.text.slice(0, 100)}`);
    const problem = judgeRaw(`HTTP/1.1 ${big.status} x\r\nx-amzn-ErrorType: ${big.errorType}\r\n\r\n${big.text}`);
    if (problem) offenders.push(`a 72 MB chunked body: ${problem}`);

    // A client that gives up halfway through its body.
    const half = connect(Number(new URL(t.emulator.url).port), new URL(t.emulator.url).hostname);
    await new Promise<void>((resolvePromise) =>
      half.on("connect", () => {
        half.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"FunctionName":`);
        setTimeout(() => {
          half.destroy();
          resolvePromise();
        }, 50);
      }),
    );

    expect(offenders, offenders.join("\n")).toEqual([]);
    await t.client.send(new ListFunctionsCommand({}));
  });

  it(
    "never gets a 500, always gets a typed error, and never takes the emulator down",
    { timeout: 120_000 },
    async () => {
      const before = await t.client.send(new GetFunctionCommand({ FunctionName: KEEP }));
      // Interleaved across actions: a run of updates to one function would mostly measure its
      // update-in-progress conflict instead of reaching the handler's checks.
      const perAction = Object.entries(reference.actions).map(([name, a]) => casesFor(name, a));
      const cases = Array.from({ length: Math.max(...perAction.map((c) => c.length)) }, (_, i) =>
        perAction.flatMap((c) => (i < c.length ? [c[i]!] : [])),
      ).flat();
      const offenders: string[] = [];
      const counts = new Map<string, number>();
      await runAll(cases, 4, async (c) => {
        counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
        let problem: string | undefined;
        try {
          problem = judge(c, await send(c));
        } catch (e) {
          problem = `no answer: ${e instanceof Error ? e.message : String(e)}`;
        }
        if (problem) offenders.push(`${c.action} ${c.method} ${c.path.slice(0, 120)} — ${c.what}: ${problem}`);
      });
      console.info(`robustness: ${cases.length} requests over ${counts.size} actions`);
      expect(counts.size).toBe(85);
      expect(offenders.sort(), `${offenders.length} of ${cases.length} requests broke the contract`).toEqual([]);

      // Still answering, and nothing acknowledged before the barrage is gone (a request the barrage
      // legitimately accepted may have changed a setting, but none could remove these).
      await t.client.send(new ListFunctionsCommand({}));
      const after = await t.client.send(new GetFunctionCommand({ FunctionName: KEEP }));
      expect(after.Configuration?.CodeSha256).toBe(before.Configuration?.CodeSha256);
      await t.client.send(new GetAliasCommand({ FunctionName: KEEP, Name: "live" }));
      await t.client.send(new GetLayerVersionCommand({ LayerName: LAYER, VersionNumber: 1 }));
      await t.client.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: fx.keepCsc }));
      await t.client.send(new GetEventSourceMappingCommand({ UUID: fx.keepEsm }));

      // And what it acknowledged during the barrage is on disk: a restart sees the same resources.
      const allFunctions = async () => {
        const seen: string[] = [];
        let Marker: string | undefined;
        do {
          const page = await t.client.send(new ListFunctionsCommand({ FunctionVersion: "ALL", Marker }));
          seen.push(
            ...(page.Functions ?? []).map((f) => `${f.FunctionName}:${f.Version}:${f.CodeSha256}:${f.Handler}`),
          );
          Marker = page.NextMarker;
        } while (Marker);
        return seen;
      };
      const inventory = async () => ({
        functions: await allFunctions(),
        aliases: (await t.client.send(new ListAliasesCommand({ FunctionName: KEEP }))).Aliases?.map((x) => x.Name),
        layers: (await t.client.send(new ListLayerVersionsCommand({ LayerName: LAYER }))).LayerVersions?.map(
          (v) => v.Version,
        ),
        tags: (await t.client.send(new ListTagsCommand({ Resource: `${PREFIX}:function:${KEEP}` }))).Tags,
      });
      const acknowledged = await inventory();
      t = await t.restart();
      expect(await inventory()).toEqual(acknowledged);
    },
  );
});
