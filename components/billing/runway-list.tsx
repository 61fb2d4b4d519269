import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RunwayItem } from "@/lib/billing/runway";
import { formatUsd } from "@/lib/money";
import type { Wire } from "@/lib/usage/wire";
import { formatDate, formatPlanRequests } from "@/lib/format";

function amount(item: Wire<RunwayItem>, value: number): string {
  return item.unit === "usd" ? formatUsd(value) : `${formatPlanRequests(value)} plan requests`;
}

function verdict(item: Wire<RunwayItem>): { text: string; tone: "destructive" | "warning" | "secondary" | "success" } {
  if (item.daysLeft === 0) return { text: "Used up", tone: "destructive" };
  if (item.daysLeft === null) return { text: "Not in use", tone: "secondary" };
  if (item.resetsFirst) return { text: `Refills ${formatDate(item.resetsAt!)}`, tone: "success" };
  const days = item.daysLeft < 1 ? "under a day" : `${Math.floor(item.daysLeft)} day${Math.floor(item.daysLeft) === 1 ? "" : "s"}`;
  return { text: `${days} left`, tone: item.daysLeft < 7 ? "destructive" : item.daysLeft < 30 ? "warning" : "secondary" };
}

/** Which limit stops requests first at the last 7 days' average burn. */
export function RunwayList({ items }: { items: Wire<RunwayItem>[] }) {
  const first = items.find((i) => i.daysLeft !== null && !i.resetsFirst);
  return (
    <Card role="region" aria-label="Runway">
      <CardHeader>
        <CardTitle>Runway</CardTitle>
        <CardDescription>
          {first
            ? `At your average spend of the last 7 days, ${first.label.charAt(0).toLowerCase()}${first.label.slice(1)} runs out first${first.runsOutAt && first.daysLeft ? `, around ${formatDate(first.runsOutAt)}` : ""}.`
            : "Nothing runs out at your spend of the last 7 days."}
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-2">
        <ul aria-label="Limits, soonest first" className="divide-y">
          {items.map((item) => {
            const v = verdict(item);
            return (
              <li key={`${item.kind}-${item.keyId ?? ""}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{item.label}</p>
                  <p className="text-xs text-muted-foreground">
                    {amount(item, item.remaining)} left{item.limit !== null ? ` of ${amount(item, item.limit)}` : ""} · spending {amount(item, item.dailyBurn)} a day
                    {item.resetsAt ? ` · refills ${formatDate(item.resetsAt)}` : ""}
                  </p>
                </div>
                <Badge variant={v.tone}>{v.text}</Badge>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
