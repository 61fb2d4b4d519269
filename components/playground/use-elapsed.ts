"use client";

import * as React from "react";

/** Milliseconds since `since` (a performance.now() stamp), updated every `everyMs` while running. */
export function useElapsed(since: number | null, everyMs = 100): number {
  const [now, setNow] = React.useState(() => performance.now());
  React.useEffect(() => {
    if (since === null) return;
    setNow(performance.now());
    const t = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(t);
  }, [since, everyMs]);
  return since === null ? 0 : Math.max(0, now - since);
}
