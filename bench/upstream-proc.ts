// Child process that hosts the local upstream for the benchmark (pinned to the load generator's
// core). Each IPC message carries options; the upstream is (re)created on the same port, so the
// gateways in front of it keep their base URL while the harness switches delay and stream pacing.
import { createUpstream, type Upstream, type UpstreamOptions } from "../upstream/server";

let current: Upstream | undefined;
let queue = Promise.resolve();

process.on("message", (opts: UpstreamOptions) => {
  queue = queue.then(async () => {
    const port = current?.port ?? opts.port ?? 0;
    await current?.close();
    current = await createUpstream({ ...opts, port, host: "127.0.0.1" });
    process.send?.({ port: current.port, url: current.url });
  });
});
process.on("disconnect", () => process.exit(0));
