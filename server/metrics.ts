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

/** A metric's type, as the `# TYPE` line says it. */
export type MetricType = "counter" | "gauge" | "histogram";

/**
 * Upper bounds of the buckets of every histogram, in seconds: from half a millisecond (a
 * SQLite commit of one turn's frames) to 2.5 s (a store that is struggling). Fixed, so that
 * the series of every node add up.
 */
export const SECONDS_BUCKETS: readonly number[] = [
  0.0005,
  0.001,
  0.0025,
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
];

/** Default most label sets one metric keeps; further ones are dropped and counted. */
export const MAX_SERIES_PER_METRIC = 50;

/** Default most metrics one {@link Metrics} keeps (names come from code, so this is a guard). */
export const MAX_METRICS = 200;

/** The counter of label sets (and metrics) refused by the bounds, by metric name. */
export const DROPPED_SERIES = "parley_metrics_dropped_series_total";

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Most label sets per metric (default {@link MAX_SERIES_PER_METRIC}). */
  maxSeriesPerMetric?: number;
  /** Most metrics (default {@link MAX_METRICS}). */
  maxMetrics?: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

interface Series {
  /** The rendered label pairs without braces, e.g. `store="sqlite"`, or "". */
  labels: string;
  value: number;
  /** Histograms: the count per bucket (not cumulative) and the sum. */
  buckets?: number[];
  sum?: number;
}

interface Family {
  name: string;
  type: MetricType;
  help: string | undefined;
  series: Map<string, Series>;
  read?: () => number;
}

/** Escapes a label value for the text format: backslash, double quote and line feed. */
function escapeValue(v: string): string {
  return v.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** Escapes help text for the text format: backslash and line feed. */
function escapeHelp(v: string): string {
  return v.replace(/[\\\n]/g, (c) => (c === "\n" ? "\\n" : "\\\\"));
}

/** A sample value as the text format writes it (`+Inf`, `-Inf`, `NaN`, else the number). */
function formatValue(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return String(n);
}

/** Keys of label sets already seen: most callers pass one constant object per series. */
const KEYS = new WeakMap<Labels, string | undefined>();

/**
 * The label pairs of a label set, sorted by name; undefined when a name is not valid.
 * Cached by object, so a label set must not be changed once it has been used.
 */
function labelKey(labels: Labels | undefined): string | undefined {
  if (labels === undefined) return "";
  const cached = KEYS.get(labels);
  if (cached !== undefined || KEYS.has(labels)) return cached;
  const key = computeKey(labels);
  KEYS.set(labels, key);
  return key;
}

function computeKey(labels: Labels): string | undefined {
  const names = Object.keys(labels);
  if (names.length === 0) return "";
  if (names.length > 1) names.sort();
  let key = "";
  for (const n of names) {
    if (!LABEL.test(n) || n.startsWith("__") || n === "le") return undefined;
    key += `${key ? "," : ""}${n}="${escapeValue(String(labels[n]))}"`;
  }
  return key;
}

/**
 * Makes the metrics of one server. Metrics are declared with `describe` (or `gauge`)
 * before use; one used undeclared gets the type of its first use and no help. A metric
 * keeps at most `maxSeriesPerMetric` label sets: a new one past that is dropped and counted
 * in `parley_metrics_dropped_series_total{metric}`, so a label that carried an id or a
 * person's words could not grow memory without end (labels must never carry either).
 * A call whose kind does not fit the metric's type (`set` on a counter, a negative `inc`)
 * is ignored.
 *
 * @example
 * ```ts
 * const metrics = createMetrics();
 * metrics.describe("parley_frames_sent_total", "counter", "Frames written to sockets.");
 * metrics.inc("parley_frames_sent_total");
 * metrics.render(); // "# HELP parley_frames_sent_total Frames written to sockets.\n..."
 * ```
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const maxSeries = options.maxSeriesPerMetric ?? MAX_SERIES_PER_METRIC;
  const maxMetrics = options.maxMetrics ?? MAX_METRICS;
  const families = new Map<string, Family>();

  const family = (name: string, type: MetricType): Family | undefined => {
    const f = families.get(name);
    if (f) return f.type === type ? f : undefined;
    if (!NAME.test(name) || families.size >= maxMetrics) {
      if (name !== DROPPED_SERIES) dropped("(other)");
      return undefined;
    }
    const made: Family = { name, type, help: undefined, series: new Map() };
    families.set(name, made);
    return made;
  };

  const series = (f: Family, labels: Labels | undefined): Series | undefined => {
    const key = labelKey(labels);
    if (key === undefined) {
      dropped(f.name);
      return undefined;
    }
    let s = f.series.get(key);
    if (s) return s;
    if (f.series.size >= maxSeries) {
      if (f.name !== DROPPED_SERIES) dropped(f.name);
      return undefined;
    }
    s = f.type === "histogram"
      ? { labels: key, value: 0, buckets: SECONDS_BUCKETS.map(() => 0), sum: 0 }
      : { labels: key, value: 0 };
    f.series.set(key, s);
    return s;
  };

  function dropped(metric: string) {
    const f = family(DROPPED_SERIES, "counter");
    const s = f && series(f, { metric: families.has(metric) ? metric : "(other)" });
    if (s) s.value++;
  }

  const metrics: Metrics = {
    inc(name, labels, by = 1) {
      if (!(by >= 0)) return;
      const f = family(name, "counter");
      const s = f && series(f, labels);
      if (s) s.value += by;
    },
    set(name, value, labels) {
      const f = family(name, "gauge");
      if (!f || f.read) return;
      const s = series(f, labels);
      if (s) s.value = value;
    },
    observe(name, value, labels) {
      const f = family(name, "histogram");
      const s = f && series(f, labels);
      if (!s || Number.isNaN(value)) return;
      s.value++;
      s.sum! += value;
      const i = SECONDS_BUCKETS.findIndex((le) => value <= le);
      if (i >= 0) s.buckets![i]!++;
    },
    gauge(name, help, read) {
      const f = family(name, "gauge");
      if (!f) return;
      f.help = help;
      f.read = read;
    },
    describe(name, type, help) {
      const f = family(name, type);
      if (f) f.help = help;
    },
    render() {
      const out: string[] = [];
      for (const f of families.values()) {
        let value: number | undefined;
        if (f.read) {
          try {
            value = f.read();
          } catch {
            continue; // a gauge that cannot be read now is left out of this scrape
          }
        }
        if (f.help !== undefined) out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`);
        out.push(`# TYPE ${f.name} ${f.type}`);
        if (value !== undefined) {
          out.push(`${f.name} ${formatValue(value)}`);
          continue;
        }
        for (const s of f.series.values()) {
          if (f.type !== "histogram") {
            out.push(`${f.name}${s.labels ? `{${s.labels}}` : ""} ${formatValue(s.value)}`);
            continue;
          }
          const sep = s.labels ? "," : "";
          let cumulative = 0;
          SECONDS_BUCKETS.forEach((le, i) => {
            cumulative += s.buckets![i]!;
            out.push(`${f.name}_bucket{${s.labels}${sep}le="${le}"} ${cumulative}`);
          });
          out.push(`${f.name}_bucket{${s.labels}${sep}le="+Inf"} ${s.value}`);
          const braces = s.labels ? `{${s.labels}}` : "";
          out.push(`${f.name}_sum${braces} ${formatValue(s.sum!)}`);
          out.push(`${f.name}_count${braces} ${s.value}`);
        }
      }
      return out.length ? `${out.join("\n")}\n` : "";
    },
  };
  metrics.describe(
    DROPPED_SERIES,
    "counter",
    "Label sets (or metrics) refused because a metric reached its bound, by metric.",
  );
  return metrics;
}
