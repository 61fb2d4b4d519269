import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { SimulatedBadge } from "@/components/shell/simulated-badge";
import { env } from "@/lib/env";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  const { simulated } = env();
  return (
    <div className="relative flex min-h-screen flex-col bg-muted/30">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-[radial-gradient(ellipse_at_top,color-mix(in_oklab,var(--primary)_14%,transparent),transparent_70%)]"
      />
      <header className="relative flex h-16 items-center px-5 sm:px-8">
        <Logo />
      </header>
      <main className="relative flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">{children}</div>
      </main>
      <footer className="relative flex flex-col items-center gap-3 px-4 pb-6 text-xs text-muted-foreground sm:flex-row sm:justify-between sm:px-8">
        <p>
          Apertis Console · a self-hosted console for the{" "}
          <Link href="https://apertis.ai" className="underline-offset-4 hover:underline">
            Apertis AI
          </Link>{" "}
          gateway
        </p>
        {simulated ? <SimulatedBadge /> : null}
      </footer>
    </div>
  );
}
