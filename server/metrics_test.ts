import assert from "node:assert/strict";
import { createMetrics, DROPPED_SERIES, SECONDS_BUCKETS } from "./metrics.ts";
import { parseExposition } from "../tests/_prometheus.ts";

Deno.test("createMetrics renders counters, gauges and read-at-scrape gauges in the text format", () => {
  const m = createMetrics();
  m.describe("parley_frames_sent_total", "counter", "Frames written to sockets.");
  m.describe("parley_sessions", "gauge", "Sessions by role.");
  m.inc("parley_frames_sent_total");
  m.inc("parley_frames_sent_total", {}, 4);
  m.set("parley_sessions", 3, { role: "owned" });
  m.set("parley_sessions", 1, { role: "followed" });
  m.set("parley_sessions", 2, { role: "owned" });
  let open = 7;
  m.gauge("parley_connections", "Open WebSocket connections.", () => open);
  const first = m.render();
  open = 0;
  assert.equal(
    first,
    [
      "# HELP parley_metrics_dropped_series_total Label sets (or metrics) refused because a metric reached its bound, by metric.",
      "# TYPE parley_metrics_dropped_series_total counter",
      "# HELP parley_frames_sent_total Frames written to sockets.",
      "# TYPE parley_frames_sent_total counter",
      "parley_frames_sent_total 5",
      "# HELP parley_sessions Sessions by role.",
      "# TYPE parley_sessions gauge",
      'parley_sessions{role="owned"} 2',
      'parley_sessions{role="followed"} 1',
      "# HELP parley_connections Open WebSocket connections.",
      "# TYPE parley_connections gauge",
      "parley_connections 7",
      "",
    ].join("\n"),
  );
  assert.equal(parseExposition(m.render()).value("parley_connections"), 0, "read at each scrape");
});

Deno.test("createMetrics renders a histogram with cumulative buckets, +Inf, _sum and _count", () => {
  const m = createMetrics();
  m.describe("parley_store_write_seconds", "histogram", "Store commit latency.");
  for (const s of [0.0002, 0.0005, 0.003, 0.2, 7]) {
    m.observe("parley_store_write_seconds", s, { store: "sqlite" });
  }
  const text = m.render();
  const lines = text.split("\n").filter((l) => l.startsWith("parley_store_write_seconds"));
  assert.deepEqual(lines, [
    'parley_store_write_seconds_bucket{store="sqlite",le="0.0005"} 2',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.001"} 2',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.0025"} 2',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.005"} 3',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.01"} 3',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.025"} 3',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.05"} 3',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.1"} 3',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.25"} 4',
    'parley_store_write_seconds_bucket{store="sqlite",le="0.5"} 4',
    'parley_store_write_seconds_bucket{store="sqlite",le="1"} 4',
    'parley_store_write_seconds_bucket{store="sqlite",le="2.5"} 4',
    'parley_store_write_seconds_bucket{store="sqlite",le="+Inf"} 5',
    'parley_store_write_seconds_sum{store="sqlite"} 7.2037',
    'parley_store_write_seconds_count{store="sqlite"} 5',
  ]);
  const parsed = parseExposition(text);
  assert.equal(parsed.types.get("parley_store_write_seconds"), "histogram");
  assert.equal(
    parsed.samples.filter((s) => s.name === "parley_store_write_seconds_bucket").length,
    SECONDS_BUCKETS.length + 1,
  );
});

Deno.test("createMetrics escapes label values and help text", () => {
  const m = createMetrics();
  m.describe("parley_x_total", "counter", 'Back\\slash and\na "line".');
  m.inc("parley_x_total", { reason: 'a "quoted"\\path\nnext' });
  const text = m.render();
  assert.ok(text.includes('# HELP parley_x_total Back\\\\slash and\\na "line".\n'), text);
  assert.ok(text.includes('parley_x_total{reason="a \\"quoted\\"\\\\path\\nnext"} 1\n'), text);
  const parsed = parseExposition(text);
  assert.deepEqual(parsed.samples.find((s) => s.name === "parley_x_total")?.labels, {
    reason: 'a "quoted"\\path\nnext',
  });
  assert.equal(parsed.help.get("parley_x_total"), 'Back\\slash and\na "line".');
});

Deno.test("createMetrics sorts label names so one label set is one series", () => {
  const m = createMetrics();
  m.describe("parley_model_tokens_total", "counter", "Tokens.");
  m.inc("parley_model_tokens_total", { provider: "openai", kind: "input" }, 10);
  m.inc("parley_model_tokens_total", { kind: "input", provider: "openai" }, 5);
  const lines = m.render().split("\n").filter((l) => l.startsWith("parley_model_tokens_total"));
  assert.deepEqual(lines, ['parley_model_tokens_total{kind="input",provider="openai"} 15']);
});

Deno.test("createMetrics refuses label sets past the bound and counts them in parley_metrics_dropped_series_total", () => {
  const m = createMetrics({ maxSeriesPerMetric: 3 });
  m.describe("parley_input_errors_total", "counter", "Input errors by code.");
  for (let i = 0; i < 10; i++) m.inc("parley_input_errors_total", { code: `c${i}` });
  m.inc("parley_input_errors_total", { code: "c1" }, 2); // an existing series still counts
  const parsed = parseExposition(m.render());
  assert.deepEqual(
    parsed.samples.filter((s) => s.name === "parley_input_errors_total").map((s) => [
      s.labels.code,
      s.value,
    ]),
    [["c0", 1], ["c1", 3], ["c2", 1]],
  );
  assert.equal(parsed.value(DROPPED_SERIES, { metric: "parley_input_errors_total" }), 7);
});

Deno.test("createMetrics bounds the number of metrics and ignores bad names and mismatched calls", () => {
  const m = createMetrics({ maxMetrics: 3 });
  m.describe("parley_a_total", "counter", "A.");
  m.inc("parley_b_total");
  m.inc("parley_c_total"); // a fourth metric: refused
  m.inc("bad name");
  m.inc("parley_a_total", { "bad-label": "x" });
  m.inc("parley_a_total", {}, -1); // counters only go up
  m.set("parley_a_total", 9); // not a gauge
  m.observe("parley_a_total", 1); // not a histogram
  const parsed = parseExposition(m.render());
  assert.deepEqual([...parsed.types.keys()], [DROPPED_SERIES, "parley_a_total", "parley_b_total"]);
  assert.deepEqual(parsed.samples.filter((s) => s.name === "parley_a_total"), []);
  assert.equal(parsed.value("parley_b_total"), 1);
  assert.equal(parsed.value(DROPPED_SERIES, { metric: "(other)" }), 2);
  assert.equal(parsed.value(DROPPED_SERIES, { metric: "parley_a_total" }), 1);
});

Deno.test("createMetrics leaves out a read-at-scrape gauge that throws, and keeps the rest", () => {
  const m = createMetrics();
  m.gauge("parley_broken", "Broken.", () => {
    throw new Error("not now");
  });
  m.gauge("parley_fine", "Fine.", () => 1);
  const parsed = parseExposition(m.render());
  assert.equal(parsed.types.has("parley_broken"), false);
  assert.equal(parsed.value("parley_fine"), 1);
});
