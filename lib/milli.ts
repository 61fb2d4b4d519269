// Plan quotas and model multipliers are stored as integer thousandths: a cycle quota of 100_000 is
// 100 plan requests of a 1x model, a multiplier of 1500 is 1.5x. Conversions live here only.
export const MILLI = 1000;

export function toMilli(n: number): number {
  return Math.round(n * MILLI);
}

export function fromMilli(milli: bigint | number): number {
  return Number(milli) / MILLI;
}
