import { describe, expect, it } from "vitest";
import { createKeySchema, isIpOrCidr } from "./schema";

describe("key input validation", () => {
  it("accepts IPs and CIDR blocks, rejects anything else", () => {
    for (const ok of ["10.0.0.1", "192.168.1.0/24", "0.0.0.0/0", "::1", "2001:db8::/32"]) expect(isIpOrCidr(ok)).toBe(true);
    for (const bad of ["10.0.0", "10.0.0.1/33", "192.168.1.0/", "abc", "1.2.3.4/24/1", "::1/129", "10.0.0.1/2a"]) expect(isIpOrCidr(bad)).toBe(false);
  });

  it("names the bad CIDR, a negative quota and a past expiry", () => {
    const cidr = createKeySchema.safeParse({ name: "k", allowedIps: ["10.0.0.0/40"] });
    expect(cidr.error?.issues[0]?.message).toBe("10.0.0.0/40 is not an IP address or CIDR block.");
    const quota = createKeySchema.safeParse({ name: "k", quotaUsd: -1 });
    expect(quota.error?.issues[0]?.message).toBe("Quota cannot be negative.");
    const past = createKeySchema.safeParse({ name: "k", expiresAt: "2000-01-01T00:00:00Z" });
    expect(past.error?.issues[0]?.message).toBe("Expiry must be in the future.");
    expect(createKeySchema.parse({ name: " ok ", quotaUsd: null }).name).toBe("ok");
  });
});
