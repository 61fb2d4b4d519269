import { Badge } from "@/components/ui/badge";
import type { ReplyMetrics } from "@/lib/playground/conversations";
import { formatCost } from "@/lib/playground/cost";
import { formatMs, formatWhole } from "@/lib/format";

/** The numbers under a reply: time to first token, tokens in/out, cost, total time. */
export function ReplyMetricsLine({ metrics }: { metrics: ReplyMetrics }) {
  const tokens =
    metrics.promptTokens !== null && metrics.completionTokens !== null
      ? `${formatWhole(metrics.promptTokens)} in · ${formatWhole(metrics.completionTokens)} out`
      : metrics.stopped
        ? "not reported (stopped)"
        : "—";
  const items: [string, string][] = [
    ["First token", formatMs(metrics.ttftMs)],
    ["Tokens", tokens],
    ["Cost", metrics.costUsd !== null ? formatCost(metrics.costUsd) : metrics.stopped ? "metered by the server" : "—"],
    ["Total", formatMs(metrics.totalMs)],
  ];
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
      <span className="font-medium text-foreground/80">{metrics.model}</span>
      <dl aria-label="Reply metrics" className="contents">
        {items.map(([label, value]) => (
          <div key={label} className="flex items-baseline gap-1">
            <dt>{label}</dt>
            <dd className="font-medium tabular-nums text-foreground/80">{value}</dd>
          </div>
        ))}
      </dl>
      {metrics.stopped ? <Badge variant="secondary">Stopped</Badge> : null}
      {metrics.finishReason === "length" ? <Badge variant="warning">Cut at the token limit</Badge> : null}
      {metrics.finishReason === "content_filter" ? <Badge variant="warning">Content filtered</Badge> : null}
    </div>
  );
}
