import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { githubEnabled } from "@/lib/auth";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/client/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

// Errors Auth.js reports by redirecting here with ?error= (OAuth sign-in, mostly).
function pageError(code: string | null): string | null {
  if (!code) return null;
  if (code === "OAuthAccountNotLinked") return "This email already has an account with a password. Sign in with your password.";
  if (code === "AccessDenied") return "Sign-in was refused for this account.";
  if (code === "CredentialsSignin") return "Wrong email or password.";
  return "Sign-in failed. Try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = first(params.callbackUrl);
  // The database decides, not the token alone: a suspended user holding a valid token stays here
  // instead of bouncing between this page and the console.
  if (await currentUser()) redirect(safeCallbackPath(callbackUrl));
  return (
    <SignInForm
      callbackUrl={callbackUrl}
      githubEnabled={githubEnabled}
      initialError={pageError(first(params.error))}
      initialEmail={first(params.email)?.slice(0, 254) ?? ""}
    />
  );
}
