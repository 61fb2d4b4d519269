"use client";

import * as React from "react";

/** Whether a request is running, when it began, and an AbortController to stop it. */
export function useRunTimer() {
  const [startedAt, setStartedAt] = React.useState<number | null>(null);
  const controller = React.useRef<AbortController | null>(null);
  React.useEffect(() => () => controller.current?.abort(), []);
  const begin = React.useCallback(() => {
    controller.current?.abort();
    controller.current = new AbortController();
    setStartedAt(performance.now());
    return controller.current.signal;
  }, []);
  const end = React.useCallback(() => {
    controller.current = null;
    setStartedAt(null);
  }, []);
  const cancel = React.useCallback(() => controller.current?.abort(), []);
  return { running: startedAt !== null, startedAt, begin, end, cancel };
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
