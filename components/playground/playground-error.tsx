"use client";

import * as React from "react";
import Link from "next/link";
import { RotateCcw } from "lucide-react";
import { Alert } from "@/components/ui/error-callout";
import { Button } from "@/components/ui/button";
import { formatWait, nextStepFor, type ErrorLike } from "@/lib/client/error-hints";
import { errorDetail, errorLinks } from "@/lib/playground/errors";

export type PlaygroundErrorValue = ErrorLike & { message: string };

/** Seconds left until `until` (ms epoch), ticking once a second; 0 when past. */
function useCountdown(until: number | null): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (!until) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

/**
 * An error from a playground call, inline where the answer would be: the server's message, what
 * to do next in words that name the setting, a link to the page that fixes it and, for a rate
 * limit, the wait counting down before Retry comes back.
 */
export function PlaygroundError({
  error,
  model,
  keyName,
  onRetry,
  className,
}: {
  error: PlaygroundErrorValue;
  model?: string;
  keyName?: string;
  onRetry?: () => void;
  className?: string;
}) {
  const [until] = React.useState(() => (error.retryAfter ? Date.now() + error.retryAfter * 1000 : null));
  const left = useCountdown(until);
  const detail = errorDetail(error, { model, keyName }) ?? nextStepFor(error);
  const links = errorLinks(error);
  const limited = error.status === 429 || error.code === "rate_limit_exceeded";
  return (
    <Alert tone="error" title={error.message} className={className}>
      {detail && !limited ? <p>{detail}</p> : null}
      {limited ? (
        <p aria-live="polite">{left > 0 ? `Rate limited: you can send again in ${formatWait(left)}.` : error.retryAfter ? "The wait is over: you can send again." : "Wait a moment, then try again."}</p>
      ) : null}
      {links.length || onRetry ? (
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
          {links.map((l) => (
            <Link key={l.href} href={l.href}>
              {l.label}
            </Link>
          ))}
          {onRetry ? (
            <Button size="sm" variant="outline" onClick={onRetry} disabled={limited && left > 0} className="h-7 no-underline">
              <RotateCcw aria-hidden="true" /> {limited && left > 0 ? `Retry in ${left} s` : "Retry"}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Alert>
  );
}
