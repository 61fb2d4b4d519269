import * as React from "react";
import { AlertCircle, AlertTriangle, Info } from "lucide-react";
import { cn } from "@/lib/utils";
import { nextStepFor, type ErrorLike } from "@/lib/client/error-hints";

const tones = {
  error: { box: "border-destructive/40 bg-destructive/8 text-foreground", icon: AlertCircle, iconClass: "text-destructive" },
  warning: { box: "border-warning/50 bg-warning/10 text-foreground", icon: AlertTriangle, iconClass: "text-warning" },
  info: { box: "border-primary/30 bg-primary/6 text-foreground", icon: Info, iconClass: "text-primary" },
} as const;

/** A boxed message with an icon; `role="alert"` for errors so screen readers announce it at once. */
export function Alert({
  tone = "error",
  title,
  children,
  className,
}: {
  tone?: keyof typeof tones;
  title?: React.ReactNode;
  children?: React.ReactNode;
  className?: string;
}) {
  const t = tones[tone];
  const Icon = t.icon;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("flex gap-3 rounded-md border px-3.5 py-3 text-sm", t.box, className)}>
      <Icon className={cn("mt-0.5 size-4 shrink-0", t.iconClass)} aria-hidden="true" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium leading-snug">{title}</p> : null}
        {children ? <div className="leading-snug text-muted-foreground [&_a]:font-medium [&_a]:text-primary [&_a]:underline-offset-4 hover:[&_a]:underline">{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * Shows an Apertis error as the server worded it, plus what to do next. Accepts an ApiClientError
 * (lib/client/fetcher.ts) or anything with `message` and optional `code`/`status`/`retryAfter`.
 */
export function ErrorCallout({
  error,
  title,
  action,
  className,
}: {
  error: (ErrorLike & { message: string }) | string;
  title?: string;
  action?: React.ReactNode;
  className?: string;
}) {
  const err = typeof error === "string" ? { message: error } : error;
  const next = nextStepFor(err);
  const hasBody = Boolean(title || next || action);
  return (
    <Alert tone="error" title={title ?? err.message} className={className}>
      {hasBody ? (
        <>
          {title ? <p className="text-foreground">{err.message}</p> : null}
          {next ? <p>{next}</p> : null}
          {action}
        </>
      ) : null}
    </Alert>
  );
}
