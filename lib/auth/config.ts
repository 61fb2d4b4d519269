// Edge-safe part of the Auth.js configuration (no database): used by proxy.ts to redirect
// signed-out visitors, and extended with providers in lib/auth/index.ts.
import type { NextAuthConfig } from "next-auth";

export const PROTECTED_PREFIXES = ["/dashboard", "/playground", "/keys", "/usage", "/logs", "/billing", "/admin", "/settings"];

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      const isProtected = PROTECTED_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
      return !isProtected || Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: string }).role ?? "USER";
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = typeof token.role === "string" ? token.role : "USER";
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    user: { id: string; role: string; email?: string | null; name?: string | null; image?: string | null };
  }
}
