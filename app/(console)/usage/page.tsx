import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Usage" };

export default function UsagePage() {
  return (
    <NotBuiltYet
      title="Usage"
      summary="Charts of requests, tokens, cost and latency by day, model and key, with filters and CSV export, will appear here."
    />
  );
}
