// Typed readers for JSON body fields. They throw SimError with the parameter named, the way the real
// API reports a bad field, so handlers never have to format validation errors themselves.
import { invalidParameter, missingParameter } from "./errors";

export type Body = Record<string, unknown>;

export function requireString(body: Body, key: string): string {
  const value = body[key];
  if (value === undefined || value === null || value === "") throw missingParameter(key);
  if (typeof value !== "string") throw invalidParameter(key, `'${key}' must be a string.`);
  return value;
}

export function optionalString<T extends string>(body: Body, key: string, allowed?: readonly T[]): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParameter(key, `'${key}' must be a string.`);
  if (allowed && !allowed.includes(value as T)) {
    throw invalidParameter(key, `'${value}' is not one of ${allowed.map((a) => `'${a}'`).join(", ")} - '${key}'.`);
  }
  return value as T;
}

export function optionalInt(body: Body, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(key, `'${key}' must be an integer from ${min} to ${max}.`);
  }
  return value;
}

export function optionalNumber(body: Body, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw invalidParameter(key, `'${key}' must be a number from ${min} to ${max}.`);
  }
  return value;
}

export function requireArray(body: Body, key: string): unknown[] {
  const value = body[key];
  if (value === undefined || value === null) throw missingParameter(key);
  if (!Array.isArray(value)) throw invalidParameter(key, `'${key}' must be an array.`);
  if (value.length === 0) throw invalidParameter(key, `'${key}' must not be empty.`);
  return value;
}
