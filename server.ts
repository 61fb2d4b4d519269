// The console's production server: /v1/** goes straight to the framework-free gateway core (the
// lean path: Next's router costs ~1.4 ms CPU per request, see DESIGN.md), everything else to
// Next's request handler. Same port, same process. Start with `npm start`.
import http from "node:http";
import next from "next";
import { exportEnv, EnvError } from "./lib/env";

let env;
try {
  env = exportEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const { prepareDatabase } = await import("./lib/db");
const { seed } = await import("./lib/seed");
const { log } = await import("./lib/log");
const { startLocalUpstream } = await import("./lib/upstream/local");
const { createGateway } = await import("./lib/gateway/http");
const { CLIENT_IP_HEADER } = await import("./lib/request-ip");
const { startRedis, stopRedis, redisLimiterFactory } = await import("./lib/limits/redis");
const { getGateway } = await import("./lib/gateway/core");
const { startFileRelay } = await import("./lib/events-file");
const { startRenewalJob } = await import("./lib/billing/renewal-job");

await prepareDatabase();
const seeded = await seed();
if (seeded.generatedAdmin) {
  // Printed once, at the start that created it: the operator's only chance to read it.
  console.log(`\nAdmin account created: ${seeded.generatedAdmin.email} / ${seeded.generatedAdmin.password}\n(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n`);
}

const upstream = env.simulated ? await startLocalUpstream(env.LOCAL_UPSTREAM_PORT) : undefined;

const app = next({ dev: false, hostname: env.HOST, port: env.PORT, dir: process.cwd() });
await app.prepare();
const nextHandler = app.getRequestHandler();
const gateway = createGateway();
if (startRedis()) getGateway().limits.useFactory(redisLimiterFactory);
startFileRelay(env.DATA_DIR, { listen: true });
const renewals = startRenewalJob(env.RENEWAL_INTERVAL_MS);

const server = http.createServer((req, res) => {
  // Trust the socket, not the client, for the address used by IP allowlists and sign-in limits.
  req.headers[CLIENT_IP_HEADER] = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const url = req.url ?? "/";
  if (url === "/v1" || url.startsWith("/v1/") || url.startsWith("/v1?")) {
    gateway.handle(req, res);
    return;
  }
  nextHandler(req, res).catch((err: unknown) => {
    log.error("next handler failed", { err });
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "Internal server error.", type: "server_error", code: "internal_error", param: null } }));
  });
});
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(env.PORT, env.HOST, () => {
  const mode = env.simulated ? `local upstream (simulated) at ${env.APERTIS_BASE_URL}` : `Apertis at ${new URL(env.APERTIS_BASE_URL).origin}`;
  console.log(`Apertis Console ready on http://localhost:${env.PORT} (${env.databaseProvider}, ${mode})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  server.close();
  server.closeIdleConnections();
  await Promise.all([gateway.drain(25_000), renewals.stop()]);
  await stopRedis();
  await upstream?.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
