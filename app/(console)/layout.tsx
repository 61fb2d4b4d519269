import { ConsoleShell } from "@/components/shell/console-shell";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// Defence in depth: proxy.ts already sends signed-out visitors to sign-in with their callbackUrl.
// This check also catches a valid token whose user was since suspended or deleted (the layout does
// not know the page's path, so such a visitor returns to the dashboard).
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/dashboard");
  return (
    <ConsoleShell user={{ email: user.email, name: user.name, role: user.role }} simulated={env().simulated}>
      {children}
    </ConsoleShell>
  );
}
