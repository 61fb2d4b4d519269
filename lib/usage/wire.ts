// The shape a server value takes once it has crossed the wire as JSON (lib/http/route.ts json()):
// bigint becomes number, Date becomes an ISO string. Client components type API answers with it,
// so the server's types stay the one definition.
export type Wire<T> = T extends bigint
  ? number
  : T extends Date
    ? string
    : T extends ReadonlyArray<infer U>
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;
