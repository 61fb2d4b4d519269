import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatSchema } from "@/lib/gateway/validate";
import { ApiError, parseInput, toApiError } from "./errors";

const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return toApiError(err);
  }
  throw new Error("expected a failure");
};

describe("zod failures as Apertis errors", () => {
  it("calls a missing field missing, and a present one of the wrong type invalid", () => {
    const { messages: _, ...noMessages } = body;
    expect(failure(() => parseInput(chatSchema, noMessages))).toMatchObject({ code: "missing_parameter", param: "messages", message: "Missing required parameter: messages." });
    expect(failure(() => parseInput(chatSchema, { ...body, messages: "hi" }))).toMatchObject({ code: "invalid_parameter", param: "messages", message: "messages must be an array of messages." });
    expect(failure(() => parseInput(chatSchema, { ...body, temperature: "hot" }))).toMatchObject({ code: "invalid_parameter", param: "temperature" });
    expect(failure(() => parseInput(chatSchema, { ...body, temperature: 7 })).message).toBe("Invalid temperature: Too big: expected number to be <=2");
  });

  it("tells them apart for any schema, and never calls a field missing when it cannot know", () => {
    const schema = z.object({ name: z.string(), age: z.number() });
    expect(failure(() => parseInput(schema, { age: 3 }))).toMatchObject({ code: "missing_parameter", param: "name" });
    expect(failure(() => parseInput(schema, { name: "a", age: "3" }))).toMatchObject({ code: "invalid_parameter", param: "age" });
    // A ZodError from a parse without reportInput carries no input: invalid, not missing.
    expect(failure(() => schema.parse({ name: "a", age: "3" }))).toMatchObject({ code: "invalid_parameter", param: "age" });
  });

  it("never echoes an unknown error's message", () => {
    const e = toApiError(new Error("password=hunter2"));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("internal_error");
    expect(e.message).not.toContain("hunter2");
  });
});
