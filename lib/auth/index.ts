import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { verifyPassword } from "@/lib/accounts/password";
import { consumeAuthAttempt } from "@/lib/limits/auth-limiter";
import { clientIpFrom } from "@/lib/request-ip";
import { authConfig } from "./config";

// Codes travel to the sign-in form, which maps them to messages (components/auth/sign-in-form.tsx).
class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}
class Suspended extends CredentialsSignin {
  code = "account_suspended";
}

const credentialsSchema = z.object({ email: z.email().trim().toLowerCase(), password: z.string().min(1).max(200) });

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      try {
        await consumeAuthAttempt(clientIpFrom(request.headers));
      } catch (err) {
        if (err instanceof ApiError) throw new TooManyAttempts();
        throw err;
      }
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidCredentials();
      const user = await db.user.findUnique({ where: { email: parsed.data.email } });
      const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
      if (!user || !ok) throw new InvalidCredentials();
      if (user.status === "SUSPENDED") throw new Suspended();
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    },
  }),
];

const { GITHUB_ID, GITHUB_SECRET } = env();
if (GITHUB_ID && GITHUB_SECRET) providers.push(GitHub({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET }));

export const githubEnabled = Boolean(GITHUB_ID && GITHUB_SECRET);

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  adapter: PrismaAdapter(db),
  providers,
});
