// The Runtime-API loop floor, runtime side: GET /next, run a trivial handler, POST /response/<id>, repeat.
import http from "node:http";

const port = Number(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: "127.0.0.1", port, method, path }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (body) req.setHeader("Content-Length", body.length);
    req.end(body);
  });
}

const handler = async (event) => ({ ok: true, n: event.n ?? 0 });

for (;;) {
  let next;
  try {
    next = await call("GET", "/next");
  } catch {
    process.exit(0);
  }
  const id = next.headers["lambda-runtime-aws-request-id"];
  const result = await handler(JSON.parse(next.body.toString("utf8") || "{}"));
  await call("POST", `/response/${id}`, Buffer.from(JSON.stringify(result)));
}
