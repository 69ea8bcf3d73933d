/**
 * SigV4 verification of incoming requests with @smithy/signature-v4 (the signer the SDK itself uses):
 * we re-sign the request as received and compare. See ../shared/notes/toolchain.md §5 for the four
 * traps this avoids (raw path, decodeURIComponent query, body-hash check, signed-header list).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@smithy/core/checksum";
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

function amzDateToDate(amzDate: string): Date {
  return new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
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

export class SigV4Verifier {
  private readonly signers = new Map<string, SignatureV4>();

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

  /** Verifies an Authorization-header signature; throws the AWS error the service would send. */
  async verify(req: IncomingMessage, body: Buffer, service = "lambda"): Promise<VerifiedCaller> {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = parseRawQuery(q < 0 ? "" : rawUrl.slice(q + 1));
    const authorization = req.headers.authorization;
    if (!authorization) {
      if (typeof query["X-Amz-Signature"] === "string") return this.verifyPresigned(req, path, query, service);
      throw missingToken();
    }
    const m = AUTH_RE.exec(authorization);
    if (!m) {
      if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) throw missingToken();
      throw incomplete(`Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.`);
    }
    const [, accessKeyId = "", shortDate, region = "", scopeService, signedHeadersStr = "", signature = ""] = m;
    if (scopeService !== service) throw badSignature();
    const amzDate = req.headers["x-amz-date"];
    if (typeof amzDate !== "string" || !/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== shortDate) {
      throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    const signingDate = amzDateToDate(amzDate);
    this.checkSkew(signingDate, amzDate);
    const secretAccessKey = this.lookupSecret(accessKeyId);
    if (secretAccessKey === undefined) throw unrecognized();

    // The signer trusts x-amz-content-sha256 as the payload hash, so a replay with another body would pass
    // unless we check the header against the body ourselves.
    const declared = req.headers["x-amz-content-sha256"];
    if (declared !== undefined && declared !== "UNSIGNED-PAYLOAD") {
      const bodyHash = body.length === 0 ? EMPTY_SHA256 : createHash("sha256").update(body).digest("hex");
      if (declared !== bodyHash) throw badSignature();
    }
    const signedHeaders = signedHeadersStr.split(";");
    const headers: Record<string, string> = {};
    for (const h of signedHeaders) {
      const v = req.headers[h];
      if (v === undefined) throw badSignature();
      headers[h] = Array.isArray(v) ? v.join(",") : v;
    }
    const signed = await this.signer(accessKeyId, secretAccessKey, region, service).sign(
      { method: req.method ?? "GET", protocol: "http:", hostname: "", path, query, headers, body },
      { signingDate, signableHeaders: new Set(signedHeaders) },
    );
    const m2 = AUTH_RE.exec(String(signed.headers.authorization ?? ""));
    if (!m2 || m2[5] !== signedHeadersStr || !sameHex(m2[6] ?? "", signature)) throw badSignature();
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
