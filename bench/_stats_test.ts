import assert from "node:assert/strict";
import { cpuSecondsFromStat, growsFaster, median, num, quantile, ratio, table } from "./_stats.ts";

Deno.test("quantile takes the nearest rank, and NaN for no values", () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.deepEqual([0, 0.5, 0.99, 1].map((q) => quantile(xs, q)), [1, 50, 99, 100]);
  assert.deepEqual([0.5, 0.99].map((q) => quantile([7, 9], q)), [7, 9]);
  assert.ok(Number.isNaN(quantile([], 0.5)));
});

Deno.test("ratio prints two decimals, and n/a without both sides", () => {
  assert.deepEqual(
    [ratio(431, 603), ratio(3, 1), ratio(undefined, 2), ratio(2, 0), ratio(NaN, 1)],
    ["0.71x", "3.00x", "n/a", "n/a", "n/a"],
  );
});

Deno.test("num separates thousands and marks a missing value", () => {
  assert.deepEqual([num(19308), num(1.234, 2), num(undefined), num(Infinity)], [
    "19,308",
    "1.23",
    "—",
    "—",
  ]);
});

Deno.test("table lines up a Markdown table", () => {
  assert.equal(
    table(["row", "conv/s"], [["bare Deno", "3,500"], ["x", ""]]),
    [
      "| row       | conv/s |",
      "| --------- | ------ |",
      "| bare Deno | 3,500  |",
      "| x         |        |",
    ].join("\n"),
  );
});

Deno.test("growsFaster flags a cost that outgrows the work beyond the slack", () => {
  assert.deepEqual(
    [
      growsFaster(10, 60, 50, 200),
      growsFaster(10, 45, 50, 200),
      growsFaster(10, 10, 50, 200),
      growsFaster(0, 10, 50, 200),
    ],
    [true, false, false, false],
  );
});

Deno.test("cpuSecondsFromStat adds utime and stime, even with spaces in the name", () => {
  const stat = "4242 (redis server) S 1 4242 4242 0 -1 4194560 1 0 0 0 250 50 0 0 20 0 5 0";
  assert.equal(cpuSecondsFromStat(stat), 3);
  // This process, from the real /proc.
  assert.ok(cpuSecondsFromStat(Deno.readTextFileSync("/proc/self/stat")) >= 0);
});

Deno.test("median takes the middle value, or the mean of the middle two", () => {
  assert.deepEqual([median([3, 1, 2]), median([4, 1, 3, 2]), median([5])], [2, 2.5, 5]);
  assert.ok(Number.isNaN(median([])));
});
