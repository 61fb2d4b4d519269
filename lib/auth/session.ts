import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { auth } from "./index";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  status: string;
}

/**
 * The signed-in user, read fresh from the database: the JWT only names who it is, so a suspension
 * or role change takes effect on the next request instead of when the token expires.
 */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, status: true } });
  if (!user || user.status === "SUSPENDED") return null;
  return { ...user, role: user.role === "ADMIN" ? "ADMIN" : "USER" };
});

/** For route handlers: the user or a 401 in the Apertis envelope. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new ApiError("unauthenticated", "Sign in to continue.");
  return user;
}

/** For admin route handlers and pages: anyone else gets a 404, so the area's existence is not revealed. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "ADMIN") throw new ApiError("not_found", "Not found.");
  return user;
}

/** For server pages: redirect signed-out visitors to sign-in and back. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requirePageAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "ADMIN") notFound();
  return user;
}
