import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight, BarChart3, KeyRound, MessageSquare } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { requirePageUser } from "@/lib/auth/session";
import { formatUsd } from "@/lib/money";
import { apiBaseUrl } from "../_lib/base-url";
import { getDashboardOverview } from "./overview";

export const metadata: Metadata = { title: "Dashboard" };

const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const countFormat = new Intl.NumberFormat("en-US");

/** Plan quota is stored in milli plan-requests (see prisma/models.prisma). */
function planRequests(milli: bigint): string {
  return countFormat.format(Number(milli / 1000n));
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card className="p-4 sm:p-5">
      <p className="text-[13px] text-muted-foreground sm:text-sm">{label}</p>
      <p className="mt-1.5 text-xl font-semibold tracking-tight tabular-nums sm:text-2xl">{value}</p>
      {detail ? <p className="mt-1 text-xs text-muted-foreground">{detail}</p> : null}
    </Card>
  );
}

const quickLinks = [
  { href: "/playground/chat", icon: MessageSquare, title: "Try a model", text: "Chat with any model in the playground." },
  { href: "/keys", icon: KeyRound, title: "Manage API keys", text: "Create keys with quotas, budgets and allowlists." },
  { href: "/usage", icon: BarChart3, title: "See usage", text: "Requests, tokens and cost over time." },
];

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const [overview, baseUrl] = await Promise.all([getDashboardOverview(user.id), apiBaseUrl()]);
  const firstName = user.name?.split(" ")[0];
  const snippet = `curl ${baseUrl}/chat/completions \\
  -H "Authorization: Bearer $APERTIS_CONSOLE_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "gpt-5-mini", "messages": [{"role": "user", "content": "Hello"}]}'`;

  return (
    <>
      <PageHeader title={firstName ? `Welcome, ${firstName}` : "Dashboard"} description={`Signed in as ${user.email}`} />

      <section aria-label="Account overview" className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        <Stat
          label="Plan"
          value={overview.plan?.name ?? "No plan"}
          detail={
            overview.plan
              ? `${planRequests(overview.plan.cycleUsed)} of ${planRequests(overview.plan.cycleQuota)} plan requests used · renews ${dateFormat.format(overview.plan.cycleEnd)}`
              : "Pay-as-you-go only"
          }
        />
        <Stat label="Pay-as-you-go balance" value={formatUsd(overview.balance)} detail="Used beyond your plan, and for pay-as-you-go models" />
        <Stat label="Active API keys" value={countFormat.format(overview.activeKeys)} detail="Keys that can call the API now" />
        <Stat label="Requests, last 24 h" value={countFormat.format(overview.requests24h)} detail="From the API and the playgrounds" />
      </section>

      <Card className="mt-6">
        <CardHeader>
          <CardTitle>API endpoint</CardTitle>
          <CardDescription>Point any OpenAI-compatible client (or an Anthropic one) at this base URL and authenticate with one of your keys.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div>
            <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
              Base URL
            </p>
            <div className="flex items-center gap-2 rounded-md border bg-muted/40 py-1 pl-3 pr-1">
              <code className="min-w-0 flex-1 truncate font-mono text-sm">
                {baseUrl}
              </code>
              <CopyButton value={baseUrl} />
            </div>
          </div>
          <div>
            <div className="mb-1.5 flex items-center justify-between">
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Example request</p>
              <CopyButton value={snippet} label="Copy example" />
            </div>
            <pre className="overflow-x-auto rounded-md border bg-muted/40 p-3 font-mono text-[13px] leading-relaxed">
              <code>{snippet}</code>
            </pre>
          </div>
        </CardContent>
      </Card>

      <section aria-label="Quick links" className="mt-6 grid gap-4 md:grid-cols-3">
        {quickLinks.map(({ href, icon: Icon, title, text }) => (
          <Link
            key={href}
            href={href}
            className="group rounded-lg border bg-card p-5 shadow-xs transition-colors hover:border-primary/40 hover:bg-accent/40 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <div className="flex items-center justify-between">
              <span className="flex size-9 items-center justify-center rounded-md bg-primary/10 text-primary">
                <Icon className="size-4" aria-hidden="true" />
              </span>
              <ArrowRight className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5 group-hover:text-primary" aria-hidden="true" />
            </div>
            <p className="mt-3 font-medium">{title}</p>
            <p className="mt-0.5 text-sm text-muted-foreground">{text}</p>
          </Link>
        ))}
      </section>
    </>
  );
}
