/**
 * Download URLs for stored zips (GetFunction's Code.Location, GetLayerVersion's Content.Location).
 * Like S3 presigned URLs they expire and carry a signature, here an HMAC with the data dir's secret,
 * so a URL works without credentials for ten minutes and cannot be forged for another file.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import type { EmulatorContext } from "./context";
import type { InternalRoute } from "./server";

const PREFIX = "/_emulator/code/";
const TTL_SECONDS = 600;

function sign(secret: Buffer, hash: string, expires: number): string {
  return createHmac("sha256", secret).update(`${hash}\n${expires}`).digest("hex");
}

export function codeDownloadUrl(ctx: EmulatorContext, hash: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + TTL_SECONDS;
  return `${ctx.baseUrl}${PREFIX}${hash}.zip?Expires=${expires}&Signature=${sign(ctx.secret, hash, expires)}`;
}

export const codeDownloadRoute: InternalRoute = (req, res, ctx) => {
  const url = req.url ?? "";
  if (!url.startsWith(PREFIX) || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const parsed = new URL(url, "http://localhost");
  const m = /^([0-9a-f]{64})\.zip$/.exec(parsed.pathname.slice(PREFIX.length));
  const expires = Number(parsed.searchParams.get("Expires"));
  const signature = Buffer.from(parsed.searchParams.get("Signature") ?? "", "hex");
  const deny = (status: number, code: string, message: string) => {
    // S3's error shape, since Location stands in for an S3 presigned URL.
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
    res.writeHead(status, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return true;
  };
  if (!m) return deny(404, "NoSuchKey", "The specified key does not exist.");
  const hash = m[1]!;
  const expected = Buffer.from(sign(ctx.secret, hash, expires), "hex");
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    return deny(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  if (!Number.isFinite(expires) || Date.now() / 1000 > expires) return deny(403, "AccessDenied", "Request has expired");
  const file = ctx.code.zipPath(hash);
  if (!existsSync(file)) return deny(404, "NoSuchKey", "The specified key does not exist.");
  res.writeHead(200, {
    "Content-Type": "application/zip",
    "Content-Length": statSync(file).size,
    "Content-Disposition": `attachment; filename="${hash.slice(0, 12)}.zip"`,
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
  return true;
};
