import type { Metadata } from "next";
import { Suspense } from "react";
import { UsageView } from "@/components/usage/usage-view";

export const metadata: Metadata = { title: "Usage" };

// The view reads its filters from the URL (useSearchParams), hence the Suspense boundary.
export default function UsagePage() {
  return (
    <Suspense>
      <UsageView />
    </Suspense>
  );
}
