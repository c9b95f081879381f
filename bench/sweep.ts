/**
 * `deno run -A bench/sweep.ts [--sessions 6000] [--frames 30]`: how long the expiry sweep
 * holds the event loop. Fills a SQLite store on a temporary file with expired sessions of
 * `--frames` frames each, then sweeps them all while a 1 ms interval timer measures its
 * own lateness: the longest gap is the longest time the sweep blocked anything else.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { SqliteStore, SWEEP_BATCH, SWEEP_SLICE_MS } from "../server/sqlite_store.ts";

/** Prints one line of the report. */
// deno-lint-ignore no-console
const print = (line: string) => console.log(line);

const { values } = parseArgs({
  args: Deno.args,
  options: {
    sessions: { type: "string", default: "6000" },
    frames: { type: "string", default: "30" },
  },
});
const SESSIONS = Number(values.sessions);
const FRAMES = Number(values.frames);
const dir = await Deno.makeTempDir({ prefix: "parley-sweep-" });
const store = new SqliteStore(`${dir}/parley.db`);
const old = Date.now() - 3_600_000;
const body = JSON.stringify({
  type: "progress",
  data: { message: "x".repeat(200) },
  seq: 1,
  ts: 0,
});
for (let i = 0; i < SESSIONS; i++) {
  const id = `s${i}`;
  store.create({
    id,
    clientId: "c",
    tokenHash: "00",
    createdAt: old,
    updatedAt: old,
    state: "complete",
  });
  for (let seq = 1; seq <= FRAMES; seq++) {
    store.appendFrame(id, { seq, origin: "pipeline", text: body });
  }
  if (i % 100 === 99) await new Promise<void>((r) => store.whenDurable(r));
}
await new Promise<void>((r) => store.whenDurable(r));

let last = performance.now();
const gaps: number[] = [];
const timer = setInterval(() => {
  const now = performance.now();
  gaps.push(now - last);
  last = now;
}, 1);
const t0 = performance.now();
// Frames touch updated_at as they commit: sweep everything written up to now.
const deleted = await store.sweep(Date.now() + 1_000);
const total = performance.now() - t0;
clearInterval(timer);
store.close();
await Deno.remove(dir, { recursive: true });
gaps.sort((a, b) => a - b);
const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!.toFixed(1);
print(
  `sweep: ${deleted} sessions × ${FRAMES} frames in ${
    total.toFixed(0)
  } ms (at most ${SWEEP_BATCH} ` +
    `sessions or ${SWEEP_SLICE_MS} ms per transaction); event-loop gaps: p50 ${at(0.5)} ms, ` +
    `p99 ${at(0.99)} ms, max ${
      at(1)
    } ms over ${gaps.length} ticks (the machine's other load adds to these)`,
);
