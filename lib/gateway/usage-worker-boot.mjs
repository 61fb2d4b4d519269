// Entry of the usage writer's thread when the server runs from source: tsx registers its loader on
// the main thread only, so the thread registers it here (the production bundle needs no loader).
import { register } from "tsx/esm/api";

register();
await import("./usage-worker-main.ts");
