import { headers } from "next/headers";
import { LowBalanceBanner } from "@/components/billing/low-balance-banner";
import { ConsoleShell } from "@/components/shell/console-shell";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// The authoritative check: proxy.ts only looks for a session cookie. This also catches a valid
// token whose user was since suspended or deleted; proxy.ts passes the page asked for as x-pathname.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const returnTo = (await headers()).get("x-pathname") ?? "/dashboard";
  const user = await requirePageUser(returnTo.startsWith("/") ? returnTo : "/dashboard");
  return (
    <ConsoleShell user={{ email: user.email, name: user.name, role: user.role }} simulated={env().simulated}>
      <LowBalanceBanner userId={user.id} />
      {children}
    </ConsoleShell>
  );
}
