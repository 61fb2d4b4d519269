import type { Metadata } from "next";
import { Suspense } from "react";
import { LogsView } from "@/components/usage/logs-view";

export const metadata: Metadata = { title: "Logs" };

// The view reads its filters and the open request from the URL (useSearchParams).
export default function LogsPage() {
  return (
    <Suspense>
      <LogsView />
    </Suspense>
  );
}
