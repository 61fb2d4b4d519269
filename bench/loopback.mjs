// Preload for the Portkey gateway (`node --import ./bench/loopback.mjs ...`): its start-server
// listens on all interfaces; the benchmark must stay on loopback, so every listen() is forced to
// 127.0.0.1. Plain JS because Portkey runs as shipped, without tsx.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first !== null && typeof first === "object") return listen.call(this, { ...first, host: "127.0.0.1" }, ...args.slice(1));
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    const callback = args.find((a) => typeof a === "function");
    return listen.call(this, Number(first), "127.0.0.1", callback);
  }
  return listen.apply(this, args);
};
