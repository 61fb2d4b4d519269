// Series colours and axis styles for every chart: colours are the CSS variables --chart-1..7 from
// app/globals.css, so charts follow the light and dark themes without re-rendering.
export const CHART_COLORS = 7;

/** Colour of series `index`; the last palette entry (a neutral grey) is kept for "other". */
export function seriesColor(index: number): string {
  return `var(--chart-${(index % (CHART_COLORS - 1)) + 1})`;
}

export const OTHER_COLOR = `var(--chart-${CHART_COLORS})`;

export interface ChartSeries {
  /** Field of each data row holding the series' value. */
  key: string;
  label: string;
  color: string;
}

export const axisProps = {
  stroke: "var(--muted-foreground)",
  tick: { fill: "var(--muted-foreground)", fontSize: 12 },
  tickLine: false,
  axisLine: false,
} as const;

export const gridProps = { stroke: "var(--border)", strokeDasharray: "3 3", vertical: false } as const;

export type ValueFormatter = (value: number) => string;
