// Statistics and the Markdown rendering of a run. The JSON (results/latest.json) is the record;
// the Markdown is what the README and the issue quote.

export function percentile(values: number[], p: number): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const i = Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1));
  return v[i]!;
}

export const median = (values: number[]) => percentile(values, 50);

export interface LoadSummary {
  /** Median requests/s over the rounds, and each round's figure. */
  rps: number;
  rounds: number[];
  /** Median CPU time the target process used per response (all its threads), µs. */
  cpuUsPerRequest: number;
  errors: number;
  non2xx: number;
  latencyP50: number;
  latencyP99: number;
}

export interface Distribution {
  p50: number;
  p99: number;
  /** Minus the direct upstream's figure for the same request in the same rounds. */
  addedP50: number;
  addedP99: number;
  samples: number;
  failures: number;
}

export interface StreamSummary {
  streams: number;
  errors: number;
  ttffP50: number;
  ttffP99: number;
  worstGap: number;
  gapP99: number;
  /** Median ms from first to last frame; a buffered stream collapses towards 0. */
  spanMedian: number;
  /** The paced duration of one stream at the upstream (chunks x interval). */
  pacedMs: number;
  /** Median share of a stream's frames that arrived in reads of their own. */
  separateArrivals: number;
  /** Frames spread over the paced time, most in reads of their own. */
  noBuffering: boolean;
  /** Worst gap within max(3x interval, the direct run's worst gap + 2x interval). */
  gapNearInterval: boolean;
}

export interface TargetResult {
  label: string;
  rps50?: LoadSummary;
  rps200?: LoadSummary;
  latency?: Distribution;
  ttff?: Distribution;
  streams?: StreamSummary;
  rssMb?: number;
}

export interface Check {
  target: string;
  required: string;
  measured: string;
  met: boolean;
}

export interface Results {
  mode: "full" | "smoke";
  startedAt: string;
  durationS: number;
  machine: { nproc: number; cpu: string; node: string; kernel: string; pinned: boolean; loadavgStart: number[]; loadavgEnd: number[] };
  config: Record<string, unknown>;
  targets: Record<string, TargetResult>;
  console: Record<string, unknown>;
  checks: Check[];
  ratios: Record<string, number>;
  notes: string[];
}

const n0 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "-" : Math.round(x).toLocaleString("en-US"));
const ms = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(digits));
const signed = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "-" : `${x >= 0 ? "+" : ""}${x.toFixed(2)}`);
const ratio = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "-" : `${x.toFixed(2)}x`);

export function renderMarkdown(r: Results): string {
  const names = Object.keys(r.targets);
  const t = (name: string) => r.targets[name]!;
  // Rows with nothing measured (e.g. 200 connections in the smoke run) are left out.
  const row = (label: string, cell: (x: TargetResult, name: string) => string) => {
    const cells = names.map((n) => cell(t(n), n));
    return cells.every((c) => c === "-") ? null : `| ${label} | ${cells.join(" | ")} |`;
  };
  const rounds = (s?: LoadSummary) => (s ? `${n0(s.rps)}${s.rounds.length > 1 ? ` (${s.rounds.map(n0).join(" / ")})` : ""}` : "-");
  const cpu = (s?: LoadSummary) => (s && Number.isFinite(s.cpuUsPerRequest) ? `${n0(s.cpuUsPerRequest)} (${n0(1e6 / s.cpuUsPerRequest)})` : "-");
  const lines: (string | null)[] = [];
  lines.push(`## Benchmark${r.mode === "smoke" ? " (smoke)" : ""}: ${r.startedAt.slice(0, 16).replace("T", " ")} UTC`);
  lines.push("");
  lines.push(
    `Machine: ${r.machine.nproc} cores, ${r.machine.cpu}, Node ${r.machine.node}, Linux ${r.machine.kernel}. ` +
      (r.machine.pinned ? "Gateways pinned to core 1, upstream and load generator to core 0. " : "NOT pinned (fewer than 2 cores or no taskset). ") +
      `Load average at start ${r.machine.loadavgStart.map((x) => x.toFixed(2)).join(" ")}, at end ${r.machine.loadavgEnd.map((x) => x.toFixed(2)).join(" ")}. Run took ${Math.round(r.durationS)} s.`,
  );
  lines.push("");
  lines.push(`| Measure | ${names.map((n) => t(n).label).join(" | ")} |`);
  lines.push(`|---|${names.map(() => "---:").join("|")}|`);
  lines.push(row("Requests/s, 50 connections, upstream 0 ms (rounds)", (x) => rounds(x.rps50)));
  lines.push(row("  CPU per request, µs (requests per CPU-second)", (x) => cpu(x.rps50)));
  lines.push(row("  errors / non-2xx", (x) => (x.rps50 ? `${x.rps50.errors} / ${x.rps50.non2xx}` : "-")));
  lines.push(row("Requests/s, 200 connections, upstream 20 ms (rounds)", (x) => rounds(x.rps200)));
  lines.push(row("  CPU per request, µs (requests per CPU-second)", (x) => cpu(x.rps200)));
  lines.push(row("  errors / non-2xx", (x) => (x.rps200 ? `${x.rps200.errors} / ${x.rps200.non2xx}` : "-")));
  lines.push(row("Latency, 1 connection, p50 / p99 ms", (x) => (x.latency ? `${ms(x.latency.p50)} / ${ms(x.latency.p99)}` : "-")));
  lines.push(row("**Added latency** p50 / p99 ms", (x, n) => (x.latency && n !== "direct" ? `${signed(x.latency.addedP50)} / ${signed(x.latency.addedP99)}` : "-")));
  lines.push(row("Time to first SSE frame p50 / p99 ms", (x) => (x.ttff ? `${ms(x.ttff.p50)} / ${ms(x.ttff.p99)}` : "-")));
  lines.push(row("**Added time to first frame** p50 / p99 ms", (x, n) => (x.ttff && n !== "direct" ? `${signed(x.ttff.addedP50)} / ${signed(x.ttff.addedP99)}` : "-")));
  const s = (x: TargetResult) => x.streams;
  const anyStreams = names.map((n) => s(t(n))).find(Boolean);
  const streamsLabel = anyStreams ? `${anyStreams.streams} concurrent streams` : "Concurrent streams";
  lines.push(row(`${streamsLabel}: errors`, (x) => (s(x) ? String(s(x)!.errors) : "-")));
  lines.push(row("  first frame p50 / p99 ms", (x) => (s(x) ? `${ms(s(x)!.ttffP50, 1)} / ${ms(s(x)!.ttffP99, 1)}` : "-")));
  lines.push(row("  gap between frames p99 / worst ms", (x) => (s(x) ? `${ms(s(x)!.gapP99, 1)} / ${ms(s(x)!.worstGap, 1)}` : "-")));
  lines.push(row("  first-to-last frame, median ms (paced)", (x) => (s(x) ? `${ms(s(x)!.spanMedian, 0)} (${s(x)!.pacedMs})` : "-")));
  lines.push(row("  frames arriving in reads of their own, median", (x) => (s(x) ? `${Math.round(100 * s(x)!.separateArrivals)}%` : "-")));
  lines.push(row("  no buffering / worst gap near the interval", (x) => (s(x) ? `${s(x)!.noBuffering ? "yes" : "**no**"} / ${s(x)!.gapNearInterval ? "yes" : "**no**"}` : "-")));
  lines.push(row("Resident memory under load (peak), MB", (x) => ms(x.rssMb, 0)));
  const idle = r.console.idle as { rssMb?: number } | undefined;
  lines.push(row("Resident memory idle after start, MB", (_x, n) => (n === "console" ? ms(idle?.rssMb, 0) : "-")));
  const q = r.console.queries as { perWarmRequest?: number } | undefined;
  lines.push(row("DB queries per warm request", (_x, n) => (n === "console" && q?.perWarmRequest !== undefined ? q.perWarmRequest.toFixed(4) : "-")));
  lines.push("");
  lines.push("Targets for the console (issue 7):");
  lines.push("");
  lines.push("| Target | Required | Measured | |");
  lines.push("|---|---|---|---|");
  for (const c of r.checks) lines.push(`| ${c.target} | ${c.required} | ${c.measured} | ${c.met ? "met" : "**MISSED**"} |`);
  if (r.notes.length) {
    lines.push("");
    for (const note of r.notes) lines.push(`- ${note}`);
  }
  lines.push("");
  lines.push("Ratios:");
  lines.push("");
  lines.push("| Ratio | Value |");
  lines.push("|---|---:|");
  for (const [k, v] of Object.entries(r.ratios)) lines.push(`| ${k} | ${ratio(v)} |`);
  return `${lines.filter((l) => l !== null).join("\n")}\n`;
}
