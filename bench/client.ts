/**
 * The client's cost per frame: folds a long conversation (a session, a status, then
 * `--frames` frames of questions, answers, progress and deltas, ending in `complete`)
 * through the pure reducer `applyFrame`, and through a whole `ConversationClient` fed by a
 * loopback WebSocket (parse, validate, reduce, events). Prints µs per frame (p50, p95, max)
 * for the reducer and frames/s end to end.
 *
 * `deno run -A bench/client.ts --frames 2000 --runs 20`
 *
 * @module
 */
import { parseArgs } from "node:util";
import { applyFrame, initialState, reduce } from "../web/client/state.js";
import type { AnyFrame } from "../web/client/state.js";
import { ConversationClient, protocolReady } from "../web/client.js";

const { values } = parseArgs({
  args: Deno.args,
  options: { frames: { type: "string", default: "2000" }, runs: { type: "string", default: "20" } },
});
const count = Number(values.frames);
// deno-lint-ignore no-console
const say = (line: string) => console.log(line);
const runs = Number(values.runs);

/** A conversation of about `n` frames, as the server would send it. */
function frames(n: number): AnyFrame[] {
  const out: Record<string, unknown>[] = [
    { type: "session", data: { sessionId: "s", clientId: "c", token: "t", resumed: false } },
    { type: "status", data: { message: "Clarifier", stage: "clarifier" } },
  ];
  for (let i = 0; out.length < n - 1; i++) {
    const id = `q${i}`;
    out.push({ type: "question", data: { question: `${id}?`, id, agent: "clarifier" } });
    out.push({ type: "answered", data: { questionId: id, answer: `Answer ${i}` } });
    out.push({ type: "progress", data: { message: "Thinking", agent: "product" } });
    out.push({ type: "delta", data: { agent: "summary", id: "summary-1", text: "word " } });
  }
  out.push({ type: "complete", data: { summary: "# Brief" } });
  return out.map((f, i) => ({ ...f, seq: i + 1, ts: Date.now() }) as AnyFrame);
}

const list = frames(count);
const perFrame: number[] = [];
for (let r = 0; r < runs; r++) {
  let s = reduce(initialState(), { type: "open", resuming: false });
  for (const f of list) {
    const t0 = performance.now();
    s = applyFrame(s, f);
    perFrame.push((performance.now() - t0) * 1000);
  }
  if (!s.complete) throw new Error("The conversation did not complete");
}
perFrame.sort((a, b) => a - b);
const pct = (p: number) =>
  perFrame[Math.min(perFrame.length - 1, Math.floor(p * perFrame.length))]!;
say(
  `reducer: ${list.length} frames x ${runs} runs: p50 ${pct(0.5).toFixed(1)} µs, ` +
    `p95 ${pct(0.95).toFixed(1)} µs, max ${perFrame.at(-1)!.toFixed(1)} µs per frame`,
);

// End to end: the same frames over a loopback socket into a ConversationClient.
await protocolReady;
const texts = list.map((f) => JSON.stringify(f));
const abort = new AbortController();
const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
  (req) => {
    const { socket, response } = Deno.upgradeWebSocket(req);
    socket.onopen = () => {
      for (const t of texts) socket.send(t);
    };
    return response;
  },
);
const addr = await listening;
const timesPerSecond: number[] = [];
for (let r = 0; r < Math.min(runs, 5); r++) {
  const client = new ConversationClient({
    server: `ws://127.0.0.1:${addr.port}`,
    clientId: `bench-${r}`,
    heartbeat: false,
    reconnect: false,
    maxMessages: count,
  });
  const done = new Promise((r) => client.addEventListener("complete", r, { once: true }));
  const t0 = performance.now();
  client.connect();
  await done;
  timesPerSecond.push(list.length / ((performance.now() - t0) / 1000));
  client.disconnect();
}
abort.abort();
await server.finished;
timesPerSecond.sort((a, b) => a - b);
say(
  `client over loopback: ${list.length} frames, median ${
    Math.round(timesPerSecond[Math.floor(timesPerSecond.length / 2)]!)
  } frames/s (socket, JSON, zod, reducer, events)`,
);
