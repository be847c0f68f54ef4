/**
 * Geometry for the charts the site draws as SVG at build time. Pure numbers in, numbers
 * and SVG path strings out; components turn them into markup with a text alternative.
 */
import { formatRate } from '../format.ts';

/** A rectangle in SVG user units. */
export type Rect = { x: number; y: number; width: number; height: number };

/** Rounds to 2 decimals so the SVG stays short and deterministic. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The smallest "nice" axis maximum (1, 2, 2.5 or 5 × 10^n) at or above `value`; 1 for 0 or less. */
export function computeNiceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * A line through the values across `width`, scaled so `max` sits at the top of `height`.
 * A null value breaks the line; a lone point becomes a short dash so it stays visible.
 * Returns the path `d` and the points (null where the value is null).
 */
export function buildLinePath(values: readonly (number | null)[], width: number, height: number, max: number): { d: string; points: ({ x: number; y: number } | null)[] } {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const top = max > 0 ? max : 1;
  const points = values.map((value, index) =>
    value === null ? null : { x: round2(values.length > 1 ? index * step : width / 2), y: round2(height - (Math.min(value, top) / top) * height) },
  );
  const parts: string[] = [];
  points.forEach((point, index) => {
    if (point === null) return;
    const previous = index > 0 ? points[index - 1] : null;
    const next = index < points.length - 1 ? points[index + 1] : null;
    if (previous) parts.push(`L${point.x} ${point.y}`);
    else if (next) parts.push(`M${point.x} ${point.y}`);
    else parts.push(`M${round2(point.x - 1.5)} ${point.y}h3`);
  });
  return { d: parts.join(''), points };
}

/** Vertical bars for the values, side by side across `width`, scaled to `max` at the top of `height`. */
export function buildColumnRects(values: readonly number[], width: number, height: number, max: number, gap = 2): Rect[] {
  if (values.length === 0) return [];
  const slot = width / values.length;
  const barWidth = Math.max(1, slot - gap);
  const top = max > 0 ? max : 1;
  return values.map((value, index) => {
    const barHeight = round2((Math.max(0, Math.min(value, top)) / top) * height);
    return { x: round2(index * slot + (slot - barWidth) / 2), y: round2(height - barHeight), width: round2(barWidth), height: barHeight };
  });
}

/** Horizontal bars, one per row of `rowHeight`, scaled so `max` spans `width`. */
export function buildRowRects(values: readonly number[], width: number, rowHeight: number, max: number, gap = 6): Rect[] {
  const top = max > 0 ? max : 1;
  return values.map((value, index) => ({
    x: 0,
    y: index * rowHeight + gap / 2,
    width: round2((Math.max(0, Math.min(value, top)) / top) * width),
    height: Math.max(1, rowHeight - gap),
  }));
}

/** The y coordinate of a value on a chart of `height` scaled to `max` (for target lines and gridlines). */
export function scaleY(value: number, height: number, max: number): number {
  const top = max > 0 ? max : 1;
  return round2(height - (Math.min(Math.max(value, 0), top) / top) * height);
}

/** A sparkline's size in px: small enough for a table cell. */
export const SPARKLINE_SIZE = { width: 96, height: 24 } as const;

/** A sparkline of a share per month, ready to draw: its path and the sentence that reads it aloud. */
export type Sparkline = {
  /** The line's path in a SPARKLINE_SIZE box, the baseline 2 px above the bottom. */
  d: string;
  /** "<label>, last 12 months: from 40 % to 75 %", or "<label>: no cases in the last 12 months". */
  summary: string;
};

/** A sparkline of shares (0–1, null for months without a figure, oldest first), summarised by its first and last known month. */
export function buildSparkline(values: readonly (number | null)[], label: string): Sparkline {
  const { d } = buildLinePath(values, SPARKLINE_SIZE.width, SPARKLINE_SIZE.height - 2, 1);
  const known = values.filter((value): value is number => value !== null);
  const summary =
    known.length === 0
      ? `${label}: no cases in the last 12 months`
      : `${label}, last 12 months: from ${formatRate(known[0] ?? 0)} to ${formatRate(known[known.length - 1] ?? 0)}`;
  return { d, summary };
}

/** The size of the monthly charts (columns and lines) in viewBox units, and the room left of the plot for axis labels ("10 d"). */
export const MONTHLY_CHART_SIZE = { width: 480, height: 140, gutter: 44 } as const;

/** What every monthly chart is given: its id, its title and description for screen readers, and one label per month. */
export type MonthlyChartProps = {
  id: string;
  title: string;
  desc: string;
  /** One label per month, oldest first. */
  labels: string[];
  /** Column header of the values in the data table. */
  unit: string;
};
