import { ArrowDownRight, ArrowUpRight } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { Headline, Metric } from "@/lib/usage/aggregate";
import { formatUsd } from "@/lib/money";
import { cn } from "@/lib/utils";
import { formatChange, formatCount, formatMs, formatPercent } from "@/lib/format";

interface CardDef {
  key: keyof Headline;
  label: string;
  format: (v: number) => string;
  /** For latency and errors a rise is bad news; for volume it is neither. */
  higherIsWorse?: boolean;
}

const cards: CardDef[] = [
  { key: "requests", label: "Requests", format: formatCount },
  { key: "promptTokens", label: "Input tokens", format: formatCount },
  { key: "completionTokens", label: "Output tokens", format: formatCount },
  { key: "cost", label: "Cost", format: (v) => formatUsd(v) },
  { key: "avgLatencyMs", label: "Average latency", format: formatMs, higherIsWorse: true },
  { key: "errorRate", label: "Error rate", format: (v) => formatPercent(v), higherIsWorse: true },
];

function Change({ metric, def, period }: { metric: Metric; def: CardDef; period: string }) {
  const { change } = metric;
  const tone = change === null || change === 0 || !def.higherIsWorse ? "text-muted-foreground" : change > 0 ? "text-destructive" : "text-success";
  const Icon = change !== null && change > 0 ? ArrowUpRight : change !== null && change < 0 ? ArrowDownRight : null;
  return (
    <p className={cn("mt-1 flex items-center gap-1 text-xs", tone)}>
      {Icon ? <Icon className="size-3.5" aria-hidden="true" /> : null}
      <span>
        {formatChange(change)} vs previous {period}
      </span>
      <span className="sr-only">(was {def.format(metric.previous)})</span>
    </p>
  );
}

/** The six figures people read first, each against the equal period before. */
export function HeadlineCards({ headline, period }: { headline: Headline | { [K in keyof Headline]: Metric }; period: string }) {
  return (
    <section aria-label="Totals" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      {cards.map((def) => {
        const metric = headline[def.key];
        return (
          <Card key={def.key} className="p-4" role="group" aria-label={def.label}>
            <p className="text-sm text-muted-foreground">{def.label}</p>
            <p className="mt-1 text-xl font-semibold tracking-tight tabular-nums" title={String(metric.value)}>
              {def.format(metric.value)}
            </p>
            <Change metric={metric} def={def} period={period} />
          </Card>
        );
      })}
    </section>
  );
}
