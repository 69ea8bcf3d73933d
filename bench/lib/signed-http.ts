/**
 * A minimal SigV4 client over a bare keep-alive agent: it signs each request exactly as the SDK does
 * (payload hash, canonical request, cached signing key) without the SDK's middleware stack. The bench
 * uses it to measure how many invokes the emulator itself sustains; the SDK's own client-side cost is
 * reported separately.
 */
import { createHash, createHmac } from "node:crypto";
import { httpClient } from "./http-client";

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export function signedInvoker(baseUrl: string, functionName: string, maxSockets: number) {
  const url = new URL(baseUrl);
  const client = httpClient(maxSockets);
  const path = `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
  const keys = new Map<string, Buffer>();
  const signingKey = (day: string) => {
    let key = keys.get(day);
    if (!key) {
      key = hmac(hmac(hmac(hmac("AWS4test", day), "us-east-1"), "lambda"), "aws4_request");
      keys.set(day, key);
    }
    return key;
  };
  return {
    async invoke(payload: Buffer): Promise<Buffer> {
      const amzDate = new Date()
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
      const day = amzDate.slice(0, 8);
      const bodyHash = sha256(payload);
      const headers: Record<string, string> = {
        "content-type": "application/octet-stream",
        host: url.host,
        "x-amz-content-sha256": bodyHash,
        "x-amz-date": amzDate,
      };
      const signed = "content-type;host;x-amz-content-sha256;x-amz-date";
      const canonical = `POST\n${path.replace(/%/g, "%25")}\n\ncontent-type:${headers["content-type"]}\nhost:${url.host}\nx-amz-content-sha256:${bodyHash}\nx-amz-date:${amzDate}\n\n${signed}\n${bodyHash}`;
      const scope = `${day}/us-east-1/lambda/aws4_request`;
      const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonical)}`;
      const signature = createHmac("sha256", signingKey(day)).update(toSign).digest("hex");
      headers.authorization = `AWS4-HMAC-SHA256 Credential=test/${scope}, SignedHeaders=${signed}, Signature=${signature}`;
      const res = await client.request(`${baseUrl}${path}`, { method: "POST", body: payload, headers });
      if (res.status !== 200) throw new Error(`invoke answered ${res.status}: ${res.body.toString()}`);
      return res.body;
    },
    close: () => client.close(),
  };
}
