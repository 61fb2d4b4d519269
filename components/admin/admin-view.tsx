"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { PageHeader } from "@/components/shell/page-header";
import { CodesPanel } from "./codes-panel";
import { OverviewPanel } from "./overview-panel";
import { PlansPanel } from "./plans-panel";
import { PricesPanel } from "./prices-panel";
import { UsersPanel } from "./users-panel";

const tabs = [
  { value: "overview", label: "Overview" },
  { value: "users", label: "Users" },
  { value: "codes", label: "Redemption codes" },
  { value: "prices", label: "Model prices" },
  { value: "plans", label: "Plans" },
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
      <PageHeader title="Admin" description="Everyone's usage, accounts, redemption codes, model prices and plans. Only admins can see this page." />
      <Tabs value={tab} onValueChange={(v) => router.replace(`${pathname}?tab=${v}`, { scroll: false })}>
        <TabsList variant="underline" aria-label="Admin sections" className="mb-6">
          {tabs.map((t) => (
            <TabsTrigger key={t.value} value={t.value}>
              {t.label}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="overview">
          <OverviewPanel />
        </TabsContent>
        <TabsContent value="users">
          <UsersPanel selfId={selfId} />
        </TabsContent>
        <TabsContent value="codes">
          <CodesPanel />
        </TabsContent>
        <TabsContent value="prices">
          <PricesPanel />
        </TabsContent>
        <TabsContent value="plans">
          <PlansPanel />
        </TabsContent>
      </Tabs>
    </>
  );
}
