import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/error-callout";
import { githubEnabled } from "@/lib/auth";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/client/safe-redirect";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Create account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = params.callbackUrl;
  const callbackUrl = (Array.isArray(raw) ? raw[0] : raw) ?? null;
  if (await currentUser()) redirect(safeCallbackPath(callbackUrl));
  if (!env().ALLOW_SIGNUP) {
    return (
      <AuthCard
        title="Create your account"
        description="New accounts on this console are created by its operator."
        footer={
          <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        }
      >
        <Alert tone="info" title="Sign-up is closed on this console.">
          Ask the operator for an account.
        </Alert>
      </AuthCard>
    );
  }
  return <SignUpForm callbackUrl={callbackUrl} githubEnabled={githubEnabled} />;
}
