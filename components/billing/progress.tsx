import { cn } from "@/lib/utils";

/** A labelled bar; turns amber past 80% and red past 95%, like the quota warnings people know. */
export function Progress({ value, max, label, className }: { value: number; max: number; label: string; className?: string }) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div
        className={cn("h-full rounded-full transition-[width]", ratio > 0.95 ? "bg-destructive" : ratio > 0.8 ? "bg-warning" : "bg-primary")}
        style={{ width: `${ratio * 100}%` }}
      />
    </div>
  );
}
