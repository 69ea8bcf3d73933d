// The Runtime-API loop floor, server side: clients POST /invoke; runtimes long-poll GET /next and
// POST /response/<id>; the client gets the runtime's answer. Nothing else (no auth, no store, no logs).
import http from "node:http";

const parked = [];
const waiting = [];
const pending = new Map();
let seq = 0;

function dispatch(runtime, job) {
  pending.set(job.id, job.res);
  runtime.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": job.body.length,
    "Lambda-Runtime-Aws-Request-Id": job.id,
  });
  runtime.end(job.body);
}

function readBody(req, done) {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => done(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/next") {
    const job = waiting.shift();
    if (job) dispatch(res, job);
    else parked.push(res);
    return;
  }
  if (req.method === "POST" && req.url.startsWith("/response/")) {
    const id = req.url.slice("/response/".length);
    readBody(req, (body) => {
      res.writeHead(202, { "Content-Length": 0 });
      res.end();
      const client = pending.get(id);
      pending.delete(id);
      client?.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
      client?.end(body);
    });
    return;
  }
  if (req.method === "POST" && req.url === "/invoke") {
    readBody(req, (body) => {
      const job = { id: String(++seq), body, res };
      const runtime = parked.shift();
      if (runtime) dispatch(runtime, job);
      else waiting.push(job);
    });
    return;
  }
  res.writeHead(404, { "Content-Length": 0 });
  res.end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`port ${server.address().port}`));
