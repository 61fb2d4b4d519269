import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "./password";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse 1");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword(hash, "correct horse 1")).toBe(true);
    expect(await verifyPassword(hash, "correct horse 2")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("explains why a weak password is refused", () => {
    const why = (p: string) => passwordSchema.safeParse(p).error?.issues[0]?.message;
    expect(why("short1")).toBe("Password must be at least 8 characters.");
    expect(why("onlyletters")).toBe("Password must contain a letter and a number.");
    expect(why("password1")).toBe("That password is too common; choose another.");
    expect(why("a-fine-passw0rd")).toBeUndefined();
  });
});
