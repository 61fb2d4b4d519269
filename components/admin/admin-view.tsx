"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Tabs } from "radix-ui";
import { PageHeader } from "@/components/shell/page-header";
import { cn } from "@/lib/utils";
import { CodesPanel } from "./codes-panel";
import { OverviewPanel } from "./overview-panel";
import { PricesPanel } from "./prices-panel";
import { UsersPanel } from "./users-panel";

const tabs = [
  { value: "overview", label: "Overview" },
  { value: "users", label: "Users" },
  { value: "codes", label: "Redemption codes" },
  { value: "prices", label: "Model prices" },
] as const;
type Tab = (typeof tabs)[number]["value"];

/** The operator's pages; the tab is kept in the URL (?tab=) so a reload or a link lands on it. */
export function AdminView({ selfId }: { selfId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const requested = params.get("tab");
  const tab: Tab = tabs.some((t) => t.value === requested) ? (requested as Tab) : "overview";
  return (
    <>
      <PageHeader title="Admin" description="Everyone's usage, accounts, redemption codes and model prices. Only admins can see this page." />
      <Tabs.Root value={tab} onValueChange={(v) => router.replace(`${pathname}?tab=${v}`, { scroll: false })}>
        <Tabs.List aria-label="Admin sections" className="mb-6 flex gap-1 overflow-x-auto border-b">
          {tabs.map((t) => (
            <Tabs.Trigger
              key={t.value}
              value={t.value}
              className={cn(
                "-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
                "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=active]:border-primary data-[state=active]:text-foreground",
              )}
            >
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="overview">
          <OverviewPanel />
        </Tabs.Content>
        <Tabs.Content value="users">
          <UsersPanel selfId={selfId} />
        </Tabs.Content>
        <Tabs.Content value="codes">
          <CodesPanel />
        </Tabs.Content>
        <Tabs.Content value="prices">
          <PricesPanel />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
