/**
 * Counters, gauges and histograms for `GET /metrics`, in Prometheus' text format
 * (version 0.0.4). One {@link Metrics} per server; every part of the server that has
 * something to count is handed it. Names follow Prometheus' conventions: `parley_`
 * prefix, `_total` for counters, base units (seconds, bytes).
 *
 * @module
 */

/** Label values of one series, by label name. */
export type Labels = Readonly<Record<string, string>>;

/** What `/metrics` can report. */
export interface Metrics {
  /** Adds `by` (default 1) to a counter. */
  inc(name: string, labels?: Labels, by?: number): void;
  /** Sets a gauge. */
  set(name: string, value: number, labels?: Labels): void;
  /** Records one observation (seconds, bytes) in a histogram. */
  observe(name: string, value: number, labels?: Labels): void;
  /** A gauge whose value is read when `/metrics` is scraped. */
  gauge(name: string, help: string, read: () => number): void;
  /** Declares a metric's help text and type (done once, before use, by its owner). */
  describe(name: string, type: "counter" | "gauge" | "histogram", help: string): void;
  /** The exposition text. */
  render(): string;
}

/** Metrics that count nothing: the default where a caller passes none. */
export const NO_METRICS: Metrics = {
  inc() {},
  set() {},
  observe() {},
  gauge() {},
  describe() {},
  render: () => "",
};
