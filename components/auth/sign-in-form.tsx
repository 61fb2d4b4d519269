"use client";

import * as React from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInErrorMessage } from "@/lib/client/auth-messages";
import { safeCallbackPath } from "@/lib/client/safe-redirect";
import { AuthCard, OrDivider } from "./auth-card";
import { GitHubButton } from "./github-button";

export function SignInForm({
  callbackUrl,
  githubEnabled,
  initialError,
  initialEmail = "",
}: {
  callbackUrl: string | null;
  githubEnabled: boolean;
  initialError?: string | null;
  initialEmail?: string;
}) {
  const target = safeCallbackPath(callbackUrl);
  const [email, setEmail] = React.useState(initialEmail);
  const [password, setPassword] = React.useState("");
  const [pending, setPending] = React.useState(false);
  const [error, setError] = React.useState<string | null>(initialError ?? null);
  const passwordRef = React.useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false });
      if (!result || result.error) {
        setError(signInErrorMessage(result ?? { error: "Configuration" }));
        setPending(false);
        passwordRef.current?.select();
        return;
      }
      // A full load, not a client navigation: every server component then renders with the new session.
      window.location.assign(target);
    } catch {
      setError("Could not reach the console. Check your connection and try again.");
      setPending(false);
    }
  }

  const signUpHref = target === "/dashboard" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(target)}`;
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to your console account."
      footer={
        <>
          New here?{" "}
          <Link href={signUpHref} className="font-medium text-primary underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {githubEnabled ? (
        <>
          <GitHubButton callbackPath={target} />
          <OrDivider />
        </>
      ) : null}
      <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
        {error ? <Alert title={error} /> : null}
        <Field id="email" label="Email">
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field id="password" label="Password">
          <Input
            ref={passwordRef}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Button type="submit" className="mt-1 w-full" loading={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </AuthCard>
  );
}
