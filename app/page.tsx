import Link from "next/link";
import { redirect } from "next/navigation";
import { BarChart3, KeyRound, MessageSquare } from "lucide-react";
import { Logo } from "@/components/shell/logo";
import { SimulatedBadge } from "@/components/shell/simulated-badge";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

const features = [
  { icon: MessageSquare, title: "Playgrounds", text: "Chat, images, speech and transcription, streaming in the browser." },
  { icon: KeyRound, title: "API keys", text: "OpenAI- and Anthropic-compatible keys with quotas, budgets and allowlists." },
  { icon: BarChart3, title: "Usage and billing", text: "Tokens, cost and latency per key and model, on charts." },
];

export default async function Home() {
  if (await currentUser()) redirect("/dashboard");
  const { simulated } = env();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-16 items-center justify-between px-5 sm:px-8">
        <Logo />
        <Button asChild variant="ghost" size="sm">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </header>
      <main className="flex flex-1 flex-col items-center justify-center px-5 py-16 text-center">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-96 bg-[radial-gradient(ellipse_at_top,color-mix(in_oklab,var(--primary)_16%,transparent),transparent_70%)]"
        />
        {simulated ? <SimulatedBadge className="mb-6" /> : null}
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight sm:text-5xl">One console for 430+ models</h1>
        <p className="mt-4 max-w-xl text-base text-muted-foreground sm:text-lg">
          Sign in to try models, create API keys for the Apertis gateway and follow your usage and spend.
        </p>
        <div className="mt-8 flex flex-col gap-3 sm:flex-row">
          <Button asChild size="lg">
            <Link href="/sign-up">Create account</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
        <ul className="mt-16 grid w-full max-w-4xl gap-4 text-left sm:grid-cols-3">
          {features.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-lg border bg-card p-5 shadow-xs">
              <Icon className="size-5 text-primary" aria-hidden="true" />
              <p className="mt-3 font-medium">{title}</p>
              <p className="mt-1 text-sm text-muted-foreground">{text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
