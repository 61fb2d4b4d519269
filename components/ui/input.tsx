import * as React from "react";
import { cn } from "@/lib/utils";

export const fieldClassName =
  "flex w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs transition-colors " +
  "placeholder:text-muted-foreground/80 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:border-ring " +
  "disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-destructive aria-[invalid=true]:focus-visible:ring-destructive/30";

export function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return <input type={type ?? "text"} className={cn(fieldClassName, "h-9 py-1", className)} {...props} />;
}
