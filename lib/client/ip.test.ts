import { describe, expect, it } from "vitest";
import { isIpOrCidr as serverIsIpOrCidr } from "@/lib/keys/schema";
import { ipFamily, isIpOrCidr, parseIpList } from "./ip";

// The cases of lib/keys/schema.test.ts, plus the corners of IPv6 shorthand.
const good = ["10.0.0.1", "192.168.1.0/24", "0.0.0.0/0", "::1", "2001:db8::/32"];
const bad = ["10.0.0", "10.0.0.1/33", "192.168.1.0/", "abc", "1.2.3.4/24/1", "::1/129", "10.0.0.1/2a"];
const corners = [
  "::", "1::", "::1:2:3:4:5:6:7", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:8::", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
  "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::1.2.3", "1.2.3.4::", "1:2::1.2.3.4:5",
  "1::2::3", "12345::", "0000::", "ABCD::", "a:b:c:d:e:f:0:1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "fe80::1%",
  "::%1", "01.2.3.4", "1.2.3.04", "255.255.255.255", "256.1.1.1", " 1.2.3.4", "1.2.3.4 ", "::ffff:01.2.3.4",
  "10.0.0.0/33", "10.0.0.0/32", "10.0.0.0/-1", "10.0.0.0/0032", "2001:db8::/128", "2001:db8::/129", "", "/", "/24",
];

describe("isIpOrCidr (browser)", () => {
  it("accepts IPs and CIDR blocks, rejects anything else", () => {
    for (const ok of good) expect(isIpOrCidr(ok), ok).toBe(true);
    for (const no of bad) expect(isIpOrCidr(no), no).toBe(false);
  });

  it("agrees with the server's node:net check on every case", () => {
    for (const value of [...good, ...bad, ...corners]) expect(isIpOrCidr(value), JSON.stringify(value)).toBe(serverIsIpOrCidr(value));
  });

  it("tells the families apart", () => {
    expect(ipFamily("10.1.2.3")).toBe(4);
    expect(ipFamily("2001:db8::1")).toBe(6);
    expect(ipFamily("example.com")).toBe(0);
  });
});

describe("parseIpList", () => {
  it("splits on commas and new lines, drops blanks and repeats, names each bad entry", () => {
    expect(parseIpList("192.168.1.0/24, 10.0.0.1\n\n10.0.0.0/33,abc, 10.0.0.1")).toEqual({
      entries: ["192.168.1.0/24", "10.0.0.1", "10.0.0.0/33", "abc"],
      invalid: ["10.0.0.0/33", "abc"],
    });
    expect(parseIpList("  ")).toEqual({ entries: [], invalid: [] });
  });
});
