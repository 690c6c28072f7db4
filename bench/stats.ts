/** Summaries of repeated measurements, and the machine's load while they ran. */
import { loadavg } from 'node:os';

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/** The value at quantile q (0…1) of sorted values, by nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), min: sorted[0]!, max: sorted.at(-1)!, runs: values.length };
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1)!,
    count: values.length,
  };
}

/**
 * Runs `measure` `warmup` times unrecorded, then `runs` times; each call
 * returns its own figure (usually a duration in ms).
 */
export async function repeat(
  measure: () => number | Promise<number>,
  { warmup = 2, runs = 7 }: { warmup?: number; runs?: number } = {},
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await measure();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return summarize(values);
}

/** Milliseconds, rounded for reading. */
export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Bytes as KB with two decimals. */
export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(2);
}

/** Timings stretch when other work shares the cores: the 1-minute load average, to one decimal. */
export function oneMinuteLoad(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}
