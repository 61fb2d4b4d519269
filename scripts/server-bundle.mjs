// The production server as plain JavaScript. esbuild bundles server.ts, the usage writer's thread
// and the local upstream, with everything they import from the project (lib/, generated/, upstream/),
// into <dist dir>/console/; npm packages stay imports. Without tsx's loader (a thread with its own
// V8 heap, and a TypeScript compile of every module at start) the server holds ~40 MB less and
// starts faster. Run from source (vitest, tools) the same modules load through tsx.
import path from "node:path";
import { build } from "esbuild";

export const distDir = () => process.env.NEXT_DIST_DIR || ".next";
export const bundleDir = (dist = distDir()) => path.join(dist, "console");

/** The built server, written last by `npm run build`: a build is complete when it exists. */
export const builtServer = (dist = distDir()) => path.join(bundleDir(dist), "server.mjs");
/**
 * Node arguments that start the built server; the working directory must be the project root.
 * The V8 heap settings, measured with `npm run bench` (README "Benchmarks"):
 * - the old generation may grow to 4x what survived the last full collection before V8 collects
 *   again, which under /v1 load held 150-250 MB of garbage; a factor of 2 takes ~60 MB off the
 *   peak at no measurable CPU cost (1.2 took ~100 MB off but made every page render half slower);
 * - the young generation grows to three 16 MB semi-spaces; 8 MB ones hold ~12 MB less at no
 *   measurable CPU cost (362 vs 366 µs a request at 200 connections), 4 MB ones cost 12% more.
 */
export const serverArgs = (dist = distDir()) => [
  "--conditions=react-server",
  "--heap-growing-percent=100",
  "--max-semi-space-size=8",
  builtServer(dist),
];

export async function bundleServer(dist = distDir()) {
  const outdir = bundleDir(dist);
  await build({
    entryPoints: { server: "server.ts", "usage-worker": "lib/gateway/usage-worker-main.ts", upstream: "upstream/main.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Read by lib/bundle.ts: where the bundled entries are, relative to the project root.
    define: { __CONSOLE_BUNDLE_DIR__: JSON.stringify(outdir) },
    logLevel: "warning",
  });
}
