/**
 * SigV4 verification of incoming requests: we rebuild the canonical request exactly as
 * @smithy/signature-v4 (the signer the SDK itself uses) builds it, and compare signatures. Header-signed
 * requests are verified synchronously with cached signing keys (the hot path); presigned ones re-sign
 * with SignatureV4. See ../shared/notes/toolchain.md §5 for the four
 * traps this avoids (raw path, decodeURIComponent query, body-hash check, signed-header list).
 */
import crypto, { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { getCanonicalHeaders, getCanonicalQuery, SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@smithy/core/checksum";
import type { HttpRequest } from "@smithy/types";
import { LambdaError } from "./errors";

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const MAX_SKEW_MS = 5 * 60_000;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface VerifiedCaller {
  accessKeyId: string;
  region: string;
}

/** decodeURIComponent per pair, NOT URLSearchParams (which would turn '+' into ' ' and break the signature). */
export function parseRawQuery(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of search.split("&")) {
    if (!part) continue;
    const i = part.indexOf("=");
    const k = safeDecode(i < 0 ? part : part.slice(0, i));
    const v = i < 0 ? "" : safeDecode(part.slice(i + 1));
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const AMZ_DATE_RE = /^\d{8}T\d{6}Z$/;

function amzDateToDate(amzDate: string): Date {
  return new Date(
    Date.UTC(
      Number(amzDate.slice(0, 4)),
      Number(amzDate.slice(4, 6)) - 1,
      Number(amzDate.slice(6, 8)),
      Number(amzDate.slice(9, 11)),
      Number(amzDate.slice(11, 13)),
      Number(amzDate.slice(13, 15)),
    ),
  );
}

/** Path and decoded query of a raw request URL. */
export function rawTargetOf(rawUrl: string): RawTarget {
  const q = rawUrl.indexOf("?");
  return q < 0 ? { path: rawUrl, query: {} } : { path: rawUrl.slice(0, q), query: parseRawQuery(rawUrl.slice(q + 1)) };
}

const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data).digest();

// crypto.hash (Node ≥ 20.12) hashes in one call, without a Hash object per digest.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: "hex") => string }).hash;
const sha256Hex = (data: string | Buffer): string =>
  oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex");

/** RFC 3986 encoding as the AWS signers do it (encodeURIComponent plus !'()*). */
const escapeUri = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, hexEncode);
const hexEncode = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * The canonical URI: the raw (already encoded) path with empty, `.` and `..` segments resolved, encoded
 * once more with slashes kept — what SignatureV4 does with its default uriEscapePath.
 */
function canonicalPath(path: string): string {
  let canonical = canonicalPaths.get(path);
  if (canonical === undefined) {
    canonical = computeCanonicalPath(path);
    // Bounded: the same few paths repeat (one per function and action); a flood of new ones just resets.
    if (canonicalPaths.size >= 1000) canonicalPaths.clear();
    canonicalPaths.set(path, canonical);
  }
  return canonical;
}

const canonicalPaths = new Map<string, string>();

function computeCanonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return escapeUri(normalized).replace(/%2F/g, "/");
}

function toAmzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

const missingToken = () => new LambdaError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
const unrecognized = () =>
  new LambdaError("UnrecognizedClientException", 403, "The security token included in the request is invalid.");
const badSignature = () =>
  new LambdaError(
    "InvalidSignatureException",
    403,
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  );
const incomplete = (detail: string) => new LambdaError("IncompleteSignatureException", 403, detail);

/** A request's path and query as received (path still percent-encoded, query decoded per pair). */
export interface RawTarget {
  path: string;
  query: Record<string, string | string[]>;
}

/** How many derived signing keys to keep: one per (secret, day, region, service) in use. */
const SIGNING_KEY_CACHE_SIZE = 64;

export class SigV4Verifier {
  private readonly signers = new Map<string, SignatureV4>();
  /** HMAC chain results per secret/date/region/service: a warm request does two HMACs, not six. */
  private readonly signingKeys = new Map<string, Buffer>();

  constructor(
    private readonly lookupSecret: (accessKeyId: string) => string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  private signer(accessKeyId: string, secretAccessKey: string, region: string, service: string): SignatureV4 {
    const key = `${accessKeyId}\0${secretAccessKey}\0${region}\0${service}`;
    let signer = this.signers.get(key);
    if (!signer) {
      // applyChecksum off: the signer must not add an x-amz-content-sha256 header of its own, because
      // clients that do not send it (botocore: the AWS CLI, boto3) sign only host;x-amz-date, and an
      // added header would enter the canonical request and break every such signature.
      signer = new SignatureV4({
        service,
        region,
        credentials: { accessKeyId, secretAccessKey },
        sha256: Sha256,
        applyChecksum: false,
      });
      this.signers.set(key, signer);
    }
    return signer;
  }

  private signingKey(secret: string, shortDate: string, region: string, service: string): Buffer {
    const cacheKey = `${secret}\0${shortDate}\0${region}\0${service}`;
    let key = this.signingKeys.get(cacheKey);
    if (!key) {
      key = hmac(`AWS4${secret}`, shortDate);
      key = hmac(key, region);
      key = hmac(key, service);
      key = hmac(key, "aws4_request");
      if (this.signingKeys.size >= SIGNING_KEY_CACHE_SIZE) {
        const oldest = this.signingKeys.keys().next().value;
        if (oldest !== undefined) this.signingKeys.delete(oldest);
      }
      this.signingKeys.set(cacheKey, key);
    }
    return key;
  }

  /** Verifies an Authorization-header signature; throws the AWS error the service would send. */
  async verify(req: IncomingMessage, body: Buffer, service = "lambda", target?: RawTarget): Promise<VerifiedCaller> {
    const parsed = target ?? rawTargetOf(req.url ?? "/");
    return (
      this.verifyHeaders(req, body, service, parsed) ?? this.verifyPresigned(req, parsed.path, parsed.query, service)
    );
  }

  /**
   * The header-signed case, synchronously (the hot path: every SDK and CLI request). Returns undefined
   * for a query-string (presigned) request, which `verify` handles. Throws the service's errors.
   *
   * The canonical request is built here exactly as @smithy/signature-v4 builds it when it signs (path
   * normalised then URI-encoded once more, query pairs re-encoded and sorted, header values trimmed and
   * space-collapsed), from the headers as received: a server must use the client's signed list.
   */
  verifyHeaders(
    req: IncomingMessage,
    body: Buffer,
    service: string,
    { path, query }: RawTarget,
  ): VerifiedCaller | undefined {
    const headers = req.headers;
    const authorization = headers.authorization;
    if (!authorization) {
      if (typeof query["X-Amz-Signature"] === "string") return undefined;
      throw missingToken();
    }
    const m = AUTH_RE.exec(authorization);
    if (!m) {
      if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) throw missingToken();
      throw incomplete(`Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.`);
    }
    const [, accessKeyId = "", shortDate = "", region = "", scopeService, signedHeadersStr = "", signature = ""] = m;
    if (scopeService !== service) throw badSignature();
    const amzDate = headers["x-amz-date"];
    if (typeof amzDate !== "string" || !AMZ_DATE_RE.test(amzDate) || !amzDate.startsWith(shortDate)) {
      throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    this.checkSkew(amzDateToDate(amzDate), amzDate);
    const secretAccessKey = this.lookupSecret(accessKeyId);
    if (secretAccessKey === undefined) throw unrecognized();

    // The payload hash the client signed: its x-amz-content-sha256 when it signed one, else the body's.
    // An x-amz-content-sha256 that does not match the body is refused even when unsigned, so a replay
    // with another body cannot pass on the old header.
    const declared = headers["x-amz-content-sha256"];
    const bodyHash = body.length === 0 ? EMPTY_SHA256 : sha256Hex(body);
    if (declared !== undefined && declared !== "UNSIGNED-PAYLOAD" && declared !== bodyHash) throw badSignature();

    const signedHeaders = signedHeadersStr.split(";");
    const signedValues: Record<string, string> = {};
    let previous = "";
    for (const name of signedHeaders) {
      // The list must be sorted and free of duplicates, as every SigV4 signer writes it.
      if (name <= previous) throw badSignature();
      previous = name;
      const v = headers[name];
      if (v === undefined) throw badSignature();
      signedValues[name] = Array.isArray(v) ? v.join(",") : v;
    }
    // Canonical headers and query come from @smithy/signature-v4 itself (the SDK's signer); only the
    // HMACs run here, synchronously and with cached signing keys, because this is every request's path.
    const method = req.method ?? "GET";
    const request: HttpRequest = { method, protocol: "http:", hostname: "", path, query, headers: signedValues };
    const canonical = getCanonicalHeaders(request, undefined, new Set(signedHeaders));
    let canonicalHeaders = "";
    for (const name of signedHeaders) canonicalHeaders += `${name}:${canonical[name] ?? ""}\n`;
    const payloadHash = signedValues["x-amz-content-sha256"] ?? bodyHash;
    const canonicalRequest = `${method}\n${canonicalPath(path)}\n${getCanonicalQuery(request)}\n${canonicalHeaders}\n${signedHeadersStr}\n${payloadHash}`;
    const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${shortDate}/${region}/${service}/aws4_request\n${sha256Hex(canonicalRequest)}`;
    const expected = createHmac("sha256", this.signingKey(secretAccessKey, shortDate, region, service))
      .update(stringToSign)
      .digest();
    const given = Buffer.from(signature, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badSignature();
    return { accessKeyId, region };
  }

  /** Query-string ("presigned") SigV4, as in the reference's Common Parameters. */
  private async verifyPresigned(
    req: IncomingMessage,
    path: string,
    query: Record<string, string | string[]>,
    service: string,
  ): Promise<VerifiedCaller> {
    const str = (k: string) => (typeof query[k] === "string" ? (query[k] as string) : undefined);
    const credential = str("X-Amz-Credential");
    const amzDate = str("X-Amz-Date");
    const signature = str("X-Amz-Signature") ?? "";
    const signedHeadersStr = str("X-Amz-SignedHeaders") ?? "host";
    const expires = Number(str("X-Amz-Expires") ?? "900");
    if (str("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" || !credential || !amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
      throw incomplete(
        "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders' and 'X-Amz-Date'.",
      );
    }
    const [accessKeyId = "", , region = "", scopeService] = credential.split("/");
    if (scopeService !== service) throw badSignature();
    const signingDate = amzDateToDate(amzDate);
    if (this.now() > signingDate.getTime() + expires * 1000) {
      throw new LambdaError(
        "InvalidSignatureException",
        403,
        `Signature expired: ${amzDate} is now earlier than ${toAmzDate(new Date(this.now() - expires * 1000))}`,
      );
    }
    const secretAccessKey = this.lookupSecret(accessKeyId);
    if (secretAccessKey === undefined) throw unrecognized();
    const unsignedQuery = { ...query };
    delete unsignedQuery["X-Amz-Signature"];
    const headers: Record<string, string> = {};
    for (const h of signedHeadersStr.split(";")) {
      const v = req.headers[h];
      if (v !== undefined) headers[h] = Array.isArray(v) ? v.join(",") : v;
    }
    const signer = this.signer(accessKeyId, secretAccessKey, region, service);
    const presigned = await signer.presign(
      { method: req.method ?? "GET", protocol: "http:", hostname: "", path, query: unsignedQuery, headers },
      { signingDate, expiresIn: expires, signableHeaders: new Set(signedHeadersStr.split(";")) },
    );
    const expected = presigned.query?.["X-Amz-Signature"];
    if (typeof expected !== "string" || !sameHex(expected, signature)) throw badSignature();
    return { accessKeyId, region };
  }

  private checkSkew(signingDate: Date, amzDate: string): void {
    const now = this.now();
    if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) {
      const early = signingDate.getTime() < now;
      const bound = toAmzDate(new Date(early ? now - MAX_SKEW_MS : now + MAX_SKEW_MS));
      throw new LambdaError(
        "InvalidSignatureException",
        403,
        early
          ? `Signature expired: ${amzDate} is now earlier than ${bound} (${toAmzDate(new Date(now))} - 5 min.)`
          : `Signature not yet current: ${amzDate} is still later than ${bound} (${toAmzDate(new Date(now))} + 5 min.)`,
      );
    }
  }
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
