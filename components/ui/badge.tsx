import * as React from "react";
import { cn } from "@/lib/utils";

const variants = {
  default: "border-transparent bg-primary/10 text-primary",
  secondary: "border-transparent bg-muted text-muted-foreground",
  outline: "text-foreground",
  success: "border-transparent bg-success/12 text-success",
  warning: "border-warning/40 bg-warning/15 text-foreground",
  destructive: "border-transparent bg-destructive/12 text-destructive",
} as const;

export type BadgeVariant = keyof typeof variants;

export function Badge({ className, variant = "default", ...props }: React.ComponentProps<"span"> & { variant?: BadgeVariant }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium [&_svg]:size-3",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
