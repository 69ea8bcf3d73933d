/** A bare keep-alive HTTP client: what the floor's client and the console-route probe use. */
import http from "node:http";

export function httpClient(maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(
      url: string,
      options: { method?: string; body?: Buffer; headers?: Record<string, string> } = {},
    ): Promise<{ status: number; body: Buffer }> {
      return new Promise((resolve, reject) => {
        const req = http.request(url, { agent, method: options.method ?? "GET", headers: options.headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        });
        req.on("error", reject);
        if (options.body) req.setHeader("Content-Length", options.body.length);
        req.end(options.body);
      });
    },
    close: () => agent.destroy(),
  };
}
