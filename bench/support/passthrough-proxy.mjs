// The floor of what any proxy in Node costs: maps /api/<path> to <upstream>/2/0/<path>, adds the
// Authorization header, and pipes the answer back. No session, no validation, no parsing.
import http from "node:http";

const upstream = new URL(process.env.UPSTREAM_URL);
const authorization = `AnaplanAuthToken ${process.env.UPSTREAM_TOKEN}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

http
  .createServer((req, res) => {
    if (req.url === "/health") return res.end("ok");
    const upstreamReq = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: "/2/0" + req.url.replace(/^\/api/, ""),
        method: req.method,
        headers: { authorization },
        agent,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, {
          "content-type": upstreamRes.headers["content-type"] ?? "application/json",
        });
        upstreamRes.pipe(res);
      },
    );
    upstreamReq.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstreamReq);
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
