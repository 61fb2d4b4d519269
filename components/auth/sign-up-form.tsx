"use client";

import * as React from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Alert, ErrorCallout } from "@/components/ui/error-callout";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInErrorMessage } from "@/lib/client/auth-messages";
import { apiFetch, ApiClientError } from "@/lib/client/fetcher";
import { safeCallbackPath } from "@/lib/client/safe-redirect";
import { AuthCard, OrDivider } from "./auth-card";
import { GitHubButton } from "./github-button";

type FieldName = "name" | "email" | "password";

type Problem =
  | { kind: "field"; field: FieldName; message: string }
  | { kind: "exists"; message: string }
  | { kind: "signed-up-not-in"; message: string }
  | { kind: "general"; error: ApiClientError };

const PASSWORD_HINT = "At least 8 characters, with a letter and a number.";

function toProblem(err: unknown): Problem {
  const e = err instanceof ApiClientError ? err : new ApiClientError({ status: 0, message: "Could not reach the console. Check your connection and try again." });
  if (e.status === 409) return { kind: "exists", message: e.message };
  if (e.status === 400 && (e.param === "email" || e.param === "password" || e.param === "name")) {
    return { kind: "field", field: e.param, message: e.message };
  }
  return { kind: "general", error: e };
}

export function SignUpForm({ callbackUrl, githubEnabled }: { callbackUrl: string | null; githubEnabled: boolean }) {
  const target = safeCallbackPath(callbackUrl);
  const [name, setName] = React.useState("");
  const [email, setEmail] = React.useState("");
  const [password, setPassword] = React.useState("");
  const [pending, setPending] = React.useState(false);
  const [problem, setProblem] = React.useState<Problem | null>(null);

  const signInHref = `/sign-in?${new URLSearchParams({ ...(target !== "/dashboard" ? { callbackUrl: target } : {}), ...(email.trim() ? { email: email.trim() } : {}) })}`;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      await apiFetch("/api/signup", { method: "POST", body: { email: email.trim(), password, ...(name.trim() ? { name: name.trim() } : {}) } });
    } catch (err) {
      const next = toProblem(err);
      setProblem(next);
      setPending(false);
      if (next.kind === "field") document.getElementById(next.field)?.focus();
      return;
    }
    try {
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false });
      if (!result || result.error) {
        setProblem({ kind: "signed-up-not-in", message: signInErrorMessage(result ?? { error: "Configuration" }) });
        setPending(false);
        return;
      }
      window.location.assign(target);
    } catch {
      setProblem({ kind: "signed-up-not-in", message: "Could not reach the console. Check your connection and try again." });
      setPending(false);
    }
  }

  const fieldError = (field: FieldName) => (problem?.kind === "field" && problem.field === field ? problem.message : null);

  return (
    <AuthCard
      title="Create your account"
      description="Get API keys, try models in the playground and track usage."
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {githubEnabled ? (
        <>
          <GitHubButton callbackPath={target} label="Sign up with GitHub" />
          <OrDivider />
        </>
      ) : null}
      <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
        {problem?.kind === "exists" ? (
          <Alert title={problem.message}>
            <Link href={signInHref}>Go to sign in</Link>
          </Alert>
        ) : null}
        {problem?.kind === "signed-up-not-in" ? (
          <Alert title="Your account was created, but signing in failed.">
            <p>{problem.message}</p>
            <Link href={signInHref}>Go to sign in</Link>
          </Alert>
        ) : null}
        {problem?.kind === "general" ? <ErrorCallout error={problem.error} /> : null}
        <Field id="name" label="Name" aside={<span className="text-xs text-muted-foreground">Optional</span>} error={fieldError("name")}>
          <Input
            id="name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldError("name") ? true : undefined}
            aria-describedby={fieldMessageId("name")}
          />
        </Field>
        <Field id="email" label="Email" error={fieldError("email")}>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={fieldError("email") || problem?.kind === "exists" ? true : undefined}
            aria-describedby={fieldMessageId("email")}
          />
        </Field>
        <Field id="password" label="Password" hint={PASSWORD_HINT} error={fieldError("password")}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={fieldError("password") ? true : undefined}
            aria-describedby={fieldMessageId("password")}
          />
        </Field>
        <Button type="submit" className="mt-1 w-full" loading={pending}>
          {pending ? "Creating account…" : "Create account"}
        </Button>
      </form>
    </AuthCard>
  );
}
