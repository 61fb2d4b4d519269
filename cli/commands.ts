// The operator CLI's verbs. Loaded only after cli/console.ts has validated and exported the
// environment, because importing lib/db opens the configured database.
import { Prisma } from "@/generated/prisma/client";
import { createUser } from "@/lib/accounts/users";
import { db } from "@/lib/db";
import { emit } from "@/lib/events";
import { insertKey } from "@/lib/keys/store";
import { formatUsd, usdToMicros } from "@/lib/money";
import { seed } from "@/lib/seed";
import { type Command, CommandError } from "./args";

export interface Output {
  /** Lines for a person; go to stderr so stdout stays machine-readable. */
  info(line: string): void;
  /** The command's result; key:create writes the plaintext key here, alone on the last line. */
  result(line: string): void;
}

async function userByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, status: true } });
  if (!user) throw new CommandError(`No account with the email ${email}.`);
  return user;
}

async function userCreate(cmd: Extract<Command, { name: "user:create" }>, out: Output) {
  // Plans must exist before an account can start on the Free plan; seed() is idempotent.
  const seeded = await seed();
  if (seeded.generatedAdmin) {
    out.info(`Admin account created: ${seeded.generatedAdmin.email} / ${seeded.generatedAdmin.password} (shown once)`);
  }
  const user = await createUser({ email: cmd.email, password: cmd.password, name: cmd.userName, role: cmd.admin ? "ADMIN" : "USER" });
  const balance = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { balance: true } });
  out.result(`Created ${user.role === "ADMIN" ? "admin" : "user"} ${user.email} (id ${user.id}) on the Free plan, balance ${formatUsd(balance.balance)}.`);
}

async function keyCreate(cmd: Extract<Command, { name: "key:create" }>, out: Output) {
  const user = await userByEmail(cmd.email);
  if (user.status === "SUSPENDED") out.info(`Note: ${user.email} is suspended; the key will not work until the account is restored.`);
  if (cmd.models.length) {
    const known = new Set((await db.modelPrice.findMany({ where: { model: { in: cmd.models } }, select: { model: true } })).map((m) => m.model));
    const unknown = cmd.models.filter((m) => !known.has(m));
    if (unknown.length) out.info(`Note: not in the price table (yet): ${unknown.join(", ")}.`);
  }
  const expiresAt = cmd.expiresInMs ? new Date(Date.now() + cmd.expiresInMs) : null;
  const { key, secret } = await db.$transaction((tx) =>
    insertKey(tx, {
      userId: user.id,
      name: cmd.keyName,
      expiresAt,
      quotaLimit: cmd.quotaUsd === undefined ? null : usdToMicros(cmd.quotaUsd),
      monthlyBudget: cmd.budgetUsd === undefined ? null : usdToMicros(cmd.budgetUsd),
      allowedModels: cmd.models,
    }),
  );
  const limits = [
    cmd.quotaUsd !== undefined ? `quota ${formatUsd(usdToMicros(cmd.quotaUsd))}` : "no quota",
    cmd.budgetUsd !== undefined ? `monthly budget ${formatUsd(usdToMicros(cmd.budgetUsd))}` : null,
    cmd.models.length ? `models ${cmd.models.join(", ")}` : "all models",
    expiresAt ? `expires ${expiresAt.toISOString()}` : "no expiry",
  ].filter(Boolean);
  out.info(`Created key "${key.name}" (id ${key.id}, ${key.display}) for ${user.email}: ${limits.join("; ")}.`);
  out.info("The key is shown once, on the next line. Store it now.");
  out.result(secret);
}

async function keyRevoke(cmd: Extract<Command, { name: "key:revoke" }>, out: Output) {
  const key = await db.apiKey.findUnique({ where: { id: cmd.id }, select: { id: true, name: true, display: true, revokedAt: true, user: { select: { email: true } } } });
  if (!key) throw new CommandError(`No key with the id ${cmd.id}.`);
  if (key.revokedAt) {
    out.result(`Key "${key.name}" (${key.display}) of ${key.user.email} was already revoked at ${key.revokedAt.toISOString()}.`);
    return;
  }
  // Stamp, never delete: usage rows keep pointing at the key.
  const revoked = await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: { revokedAt: true } });
  emit("keyChanged", { keyId: key.id }); // reaches running servers through the event relays
  out.result(`Revoked key "${key.name}" (${key.display}) of ${key.user.email} at ${revoked.revokedAt!.toISOString()}.`);
}

async function creditGrant(cmd: Extract<Command, { name: "credit:grant" }>, out: Output) {
  const amount = usdToMicros(cmd.usd);
  const { email, balanceAfter, userId } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: cmd.email.trim().toLowerCase() }, select: { id: true, email: true } });
    if (!user) throw new CommandError(`No account with the email ${cmd.email}.`);
    const updated = await tx.user.update({ where: { id: user.id }, data: { balance: { increment: amount } }, select: { balance: true } });
    await tx.ledgerEntry.create({
      data: { userId: user.id, amount, balanceAfter: updated.balance, kind: "GRANT", note: "Operator grant (CLI)" },
    });
    return { email: user.email, balanceAfter: updated.balance, userId: user.id };
  });
  emit("userChanged", { userId });
  out.result(`Granted ${formatUsd(amount, { precise: cmd.usd < 0.01 })} to ${email}. Balance now ${formatUsd(balanceAfter)}.`);
}

export async function runCommand(cmd: Exclude<Command, { name: "help" }>, out: Output): Promise<void> {
  try {
    switch (cmd.name) {
      case "user:create":
        return await userCreate(cmd, out);
      case "key:create":
        return await keyCreate(cmd, out);
      case "key:revoke":
        return await keyRevoke(cmd, out);
      case "credit:grant":
        return await creditGrant(cmd, out);
    }
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2021") {
      throw new CommandError("The database has no tables yet. Run `npm run db:migrate` (or start the console once) first.");
    }
    throw err;
  }
}
