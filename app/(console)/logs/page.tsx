import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Logs" };

export default function LogsPage() {
  return (
    <NotBuiltYet
      title="Logs"
      summary="A searchable list of every request (time, model, key, status, tokens, cost, latency) will appear here."
    />
  );
}
