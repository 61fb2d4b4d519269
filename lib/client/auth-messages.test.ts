import { describe, expect, it } from "vitest";
import { signInErrorMessage, WRONG_CREDENTIALS } from "./auth-messages";

describe("signInErrorMessage", () => {
  it("says wrong email or password for bad credentials", () => {
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "invalid_credentials" })).toBe(WRONG_CREDENTIALS);
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "credentials" })).toBe(WRONG_CREDENTIALS);
  });

  it("tells a rate-limited person to wait, with minutes when known", () => {
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "rate_limited" })).toMatch(/^Too many sign-in attempts.*try again in a few minutes/i);
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "rate_limited:12" })).toMatch(/Try again in 12 minutes\.$/);
  });

  it("explains a suspended account", () => {
    expect(signInErrorMessage({ error: "CredentialsSignin", code: "account_suspended" })).toMatch(/suspended/);
  });

  it("falls back to a server problem for configuration errors", () => {
    expect(signInErrorMessage({ error: "Configuration" })).toMatch(/problem on the server/);
  });
});
