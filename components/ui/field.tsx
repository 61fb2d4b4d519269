import * as React from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/**
 * A label, a control and its hint or error. The control must carry `id={id}` and
 * `aria-describedby={fieldMessageId(id)}` so the message is read with it.
 */
export function Field({
  id,
  label,
  hint,
  error,
  aside,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  aside?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex items-center justify-between">
        <Label htmlFor={id}>{label}</Label>
        {aside}
      </div>
      {children}
      {error ? (
        <p id={fieldMessageId(id)} className="text-[13px] text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={fieldMessageId(id)} className="text-[13px] text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function fieldMessageId(id: string): string {
  return `${id}-message`;
}
