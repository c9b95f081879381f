/**
 * Pure helpers of the benchmark scripts: percentiles, ratios and the plain-text tables
 * they print. No I/O here, so `_stats_test.ts` drives them with arrays.
 *
 * @module
 */

/**
 * The `q`-quantile (0 ≤ q ≤ 1) of an ascending array, by the nearest-rank method: the
 * smallest value with at least `q` of the values at or below it. `NaN` for an empty array.
 *
 * @example
 * ```ts
 * import { quantile } from "./_stats.ts";
 * quantile([1, 2, 3, 4], 0.5); // 2
 * ```
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * The median of some numbers (the mean of the middle two for an even count), NaN for none.
 *
 * @example
 * ```ts
 * import { median } from "./_stats.ts";
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const xs = [...values].sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/**
 * `a / b` with two decimals and an `x`, or `n/a` when either side is missing or `b` is 0.
 *
 * @example
 * ```ts
 * import { ratio } from "./_stats.ts";
 * ratio(431, 603); // "0.71x"
 * ```
 */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return "n/a";
  }
  return `${(a / b).toFixed(2)}x`;
}

/**
 * A number as people read it in a table: thousands separated by commas, `digits` decimals,
 * an em dash for a missing or non-finite value.
 */
export function num(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * A Markdown table (so a run's output can be pasted into docs/performance.md), columns
 * padded to line up in a terminal too.
 *
 * @example
 * ```ts
 * import { table } from "./_stats.ts";
 * table(["a", "b"], [["1", "22"]]);
 * // "| a | b  |\n| - | -- |\n| 1 | 22 |"
 * ```
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length), 1));
  const line = (cells: readonly string[]) =>
    `| ${width.map((w, i) => (cells[i] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(head), line(width.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * Whether a cost grows faster than the work between two steps: `cost` went from `c0` to
 * `c1` while the work went from `w0` to `w1`. True when the cost's growth factor exceeds
 * the work's by more than `slack` (default 1.25, so noise does not flag every step).
 *
 * @example
 * ```ts
 * import { growsFaster } from "./_stats.ts";
 * growsFaster(10, 60, 50, 200); // true: 6x the cost for 4x the work
 * growsFaster(10, 45, 50, 200); // false: 4.5x is within 4x × 1.25
 * ```
 */
export function growsFaster(c0: number, c1: number, w0: number, w1: number, slack = 1.25): boolean {
  if (!(c0 > 0) || !(w0 > 0)) return false;
  return c1 / c0 > (w1 / w0) * slack;
}

/**
 * CPU seconds (user + system) a process has used, from the 14th and 15th fields of
 * `/proc/<pid>/stat` text, given the clock ticks per second (100 on Linux).
 */
export function cpuSecondsFromStat(stat: string, ticksPerSecond = 100): number {
  // The command name (field 2) is in parentheses and may hold spaces: split after it.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state), so utime (14) is rest[11] and stime (15) rest[12].
  return (Number(rest[11]) + Number(rest[12])) / ticksPerSecond;
}
