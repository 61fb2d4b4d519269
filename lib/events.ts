// In-process notifications between the management side and the gateway (shared by both module
// copies, see shared-state.ts). Across processes, lib/limits/redis relays the same events.
import { EventEmitter } from "node:events";
import { processSingleton } from "./shared-state";

export interface ConsoleEvents {
  /** A key's settings, status or secret changed: drop it from every cache now. */
  keyChanged: { keyId: string; hash?: string };
  /** A user's status, plan, subscription or balance changed outside the gateway. */
  userChanged: { userId: string };
  /** Prices or plans changed. */
  catalogChanged: Record<string, never>;
}

const bus = processSingleton("events", () => {
  const e = new EventEmitter();
  e.setMaxListeners(50);
  return e;
});

type Listener<K extends keyof ConsoleEvents> = (payload: ConsoleEvents[K]) => void;
const relays = processSingleton("event-relays", () => [] as Array<(name: keyof ConsoleEvents, payload: unknown) => void>);

export function emit<K extends keyof ConsoleEvents>(name: K, payload: ConsoleEvents[K], opts: { relay?: boolean } = {}): void {
  bus.emit(name, payload);
  if (opts.relay !== false) for (const relay of relays) relay(name, payload);
}

export function on<K extends keyof ConsoleEvents>(name: K, listener: Listener<K>): () => void {
  bus.on(name, listener as (p: unknown) => void);
  return () => bus.off(name, listener as (p: unknown) => void);
}

/** Registers a forwarder to other processes (Redis pub/sub). */
export function addRelay(relay: (name: keyof ConsoleEvents, payload: unknown) => void): void {
  relays.push(relay);
}
