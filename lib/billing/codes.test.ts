import { describe, expect, it } from "vitest";
import { maskCode, mintCode, normalizeCode } from "./codes";

describe("redemption codes", () => {
  it("mints distinct, well-formed codes", () => {
    const codes = new Set(Array.from({ length: 2000 }, mintCode));
    expect(codes.size).toBe(2000);
    for (const c of [...codes].slice(0, 50)) expect(c).toMatch(/^APX(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
  });

  it("accepts what people type: lower case, no dashes, spaces, O for zero, with or without prefix", () => {
    const code = "APX-0K1AB-CDEFG-HJ234-56789";
    expect(normalizeCode(code)).toBe(code);
    expect(normalizeCode(" apx 0k1ab cdefg hj234 56789 ")).toBe(code);
    expect(normalizeCode("oKiABCDEFGHJ23456789")).toBe(code);
  });

  it("rejects anything that cannot be a code", () => {
    expect(normalizeCode("")).toBeNull();
    expect(normalizeCode("APX-0K1AB-CDEFG-HJ234")).toBeNull();
    expect(normalizeCode("APX-0K1AB-CDEFG-HJ234-5678U")).toBeNull();
  });

  it("masks all but the last four symbols", () => {
    expect(maskCode("APX-0K1AB-CDEFG-HJ234-56789")).toBe("APX-…6789");
  });
});
