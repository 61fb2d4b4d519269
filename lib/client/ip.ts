// IP and CIDR checks for the browser. lib/keys/schema.ts validates the same input on the server
// with node:net, which a client bundle cannot import; this module must agree with it exactly
// (ip.test.ts compares the two on the same cases), so the form never accepts what the API refuses.

const IPV4_OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)";
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
// node:net accepts a zone index ("fe80::1%eth0"); so do we, to stay in step with the server.
const ZONE = /%[0-9a-zA-Z.:-]+$/;

export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

/** Counts the 16-bit groups of one side of "::", or -1 when a group is malformed. */
function countGroups(part: string, mayEndInIPv4: boolean): number {
  if (part === "") return 0;
  const groups = part.split(":");
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (mayEndInIPv4 && i === groups.length - 1 && g.includes(".")) {
      if (!isIPv4(g)) return -1;
      count += 2;
    } else if (HEX_GROUP.test(g)) {
      count += 1;
    } else {
      return -1;
    }
  }
  return count;
}

export function isIPv6(value: string): boolean {
  const zone = ZONE.exec(value);
  const addr = zone ? value.slice(0, zone.index) : value;
  if (addr.includes("%")) return false;
  const halves = addr.split("::");
  if (halves.length > 2) return false;
  if (halves.length === 1) return countGroups(addr, true) === 8;
  const head = countGroups(halves[0]!, false);
  const tail = countGroups(halves[1]!, true);
  // "::" stands for at least one zero group.
  return head >= 0 && tail >= 0 && head + tail <= 7;
}

/** 4, 6, or 0 for neither: the contract of node:net's isIP. */
export function ipFamily(value: string): 0 | 4 | 6 {
  if (isIPv4(value)) return 4;
  if (isIPv6(value)) return 6;
  return 0;
}

/** An IP address or CIDR block ("192.168.1.0/24", "10.0.0.1", "2001:db8::/32"). */
export function isIpOrCidr(value: string): boolean {
  const [addr, bits, extra] = value.split("/");
  if (extra !== undefined || !addr) return false;
  const family = ipFamily(addr);
  if (!family) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** The entries of an allowlist typed as text: split on commas, spaces and new lines. */
export function splitIpList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

/** The list's entries and those that are not an IP or CIDR block, in the order typed. */
export function parseIpList(text: string): { entries: string[]; invalid: string[] } {
  const entries = [...new Set(splitIpList(text))];
  return { entries, invalid: entries.filter((e) => !isIpOrCidr(e)) };
}
