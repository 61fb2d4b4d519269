// The floor: the least any Node gateway does per request. node:http in, parse the JSON body (a
// gateway must read model and stream), undici keep-alive pool out, response streamed back chunk by
// chunk with backpressure. No auth, limits or metering: what the console adds on top is its cost.
// Usage: node --import tsx bench/floor-proxy.ts <port> <upstream origin>
import http from "node:http";
import { pipeline } from "node:stream/promises";
import { Pool } from "undici";

const port = Number(process.argv[2]);
const pool = new Pool(process.argv[3]!, { connections: 512, pipelining: 1, keepAliveTimeout: 30_000 });

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const abort = new AbortController();
      res.on("close", () => res.writableFinished || abort.abort()); // client gone: stop the upstream
      try {
        const body = Buffer.concat(chunks);
        const json = JSON.parse(body.toString("utf8")) as { model?: unknown };
        if (typeof json.model !== "string") throw new Error("model missing");
        const up = await pool.request({
          path: req.url ?? "/",
          method: "POST",
          headers: { "content-type": "application/json", authorization: req.headers.authorization ?? "" },
          body,
          signal: abort.signal,
        });
        const headers: Record<string, string> = { "content-type": String(up.headers["content-type"] ?? "application/json") };
        if (up.headers["content-length"]) headers["content-length"] = String(up.headers["content-length"]);
        res.writeHead(up.statusCode, headers);
        // SSE: open the stream at once; whole bodies go out with their headers in one write.
        if (headers["content-type"]!.includes("event-stream")) res.flushHeaders();
        await pipeline(up.body, res);
      } catch {
        if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
        res.end();
      }
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`floor proxy ready on ${port}`));
