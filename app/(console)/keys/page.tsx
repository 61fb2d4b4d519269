import type { Metadata } from "next";
import { KeysView } from "@/components/keys/keys-view";
import { requirePageUser } from "@/lib/auth/session";
import { planLimitsFor } from "@/lib/keys";
import { apiBaseUrl } from "../_lib/base-url";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  const user = await requirePageUser("/keys");
  const [baseUrl, planLimits] = await Promise.all([apiBaseUrl(), planLimitsFor(user.id)]);
  return <KeysView baseUrl={baseUrl} planLimits={planLimits} />;
}
