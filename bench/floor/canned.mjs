// What the SDK client costs on its own: a server in another process that answers every request at once
// with a canned Invoke response (no signature check, no function).
import http from "node:http";

const body = Buffer.from('{"ok":true,"n":1}');
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Content-Length": body.length,
      "X-Amz-Executed-Version": "$LATEST",
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`port ${server.address().port}`));
