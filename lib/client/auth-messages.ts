// Messages for the sign-in form. Auth.js returns `{ error, code }` from signIn(); the codes come
// from the CredentialsSignin subclasses in lib/auth/index.ts.
import { formatWait } from "./error-hints";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** `code` may carry the wait in minutes ("rate_limited:12") if the server ever sends it. */
export function signInErrorMessage(result: { error?: string | null; code?: string | null }): string {
  const code = result.code ?? "";
  const limited = /^rate_limited(?::(\d+))?$/.exec(code);
  if (limited) {
    const minutes = limited[1] ? Number(limited[1]) : null;
    return minutes
      ? `Too many sign-in attempts from your network. Try again in ${formatWait(minutes * 60)}.`
      : "Too many sign-in attempts from your network. Try again in a few minutes (the limit resets within 20 minutes).";
  }
  if (code === "account_suspended") return "This account is suspended. Contact the operator of this console.";
  if (code === "invalid_credentials" || code === "credentials" || result.error === "CredentialsSignin") return WRONG_CREDENTIALS;
  if (result.error === "AccessDenied") return "Sign-in was refused for this account.";
  return "Sign-in failed because of a problem on the server. Try again in a moment.";
}
