// The custom server (tsx) and Next's bundled route handlers load separate copies of every module
// in one process. State that must be one per process (key cache, rate limiters, quota
// reservations, the usage writer, event bus) is therefore kept on globalThis under a registered
// symbol, so both copies find the same instance.
export function processSingleton<T>(name: string, create: () => T): T {
  const slot = Symbol.for(`apertis-console.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[slot] ??= create());
}
