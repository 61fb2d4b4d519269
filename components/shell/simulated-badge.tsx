"use client";

import { FlaskConical } from "lucide-react";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";

/** Visible on every page while the console talks to the bundled simulator instead of Apertis. */
export function SimulatedBadge({ className }: { className?: string }) {
  return (
    <Tooltip content="No APERTIS_API_KEY is set, so requests go to the bundled local upstream. Its answers are deterministic test output, not a model's.">
      <button
        type="button"
        className={cn(
          "inline-flex items-center gap-1.5 rounded-full border border-warning/50 bg-warning/12 px-2.5 py-1 text-xs font-medium text-foreground",
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          className,
        )}
      >
        <FlaskConical className="size-3.5 text-warning" aria-hidden="true" />
        Local upstream (simulated)
      </button>
    </Tooltip>
  );
}
