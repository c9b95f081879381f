/**
 * The load generator of `deno task bench`: N concurrent seed-protocol clients doing whole
 * conversations back to back for a fixed time, or M idle sessions held open. Prints one
 * JSON object of figures on stdout. Run by bench/conversations.ts, pinned to its own core.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { BENCH_ANSWERS } from "./_answers.ts";
import { cpuSecondsFromStat, quantile } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    url: { type: "string" },
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    idle: { type: "string", default: "0" },
    prefix: { type: "string", default: "bench" },
    // Seconds after which a conversation that has not completed counts as failed and is closed.
    stall: { type: "string", default: "120" },
    // Milliseconds a client "thinks" before each answer (0.5–1.5x at random), as a person
    // would; 0 (the default) answers at once, which saturates the server (a closed loop).
    think: { type: "string", default: "0" },
  },
});
// Several servers (comma-separated URLs): client i talks to URL i mod n, as the kernel's
// reusePort spreads connections over processes sharing a port.
const bases = (values.url ?? "ws://127.0.0.1:8000").split(",");
const base = bases[0]!;

const ANSWERS = BENCH_ANSWERS;
const THINK_MS = Number(values.think);

/** Opens `n` sockets and waits until each has received its first question. */
async function idle(n: number) {
  const sockets: WebSocket[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(`${base}/ws/${values.prefix}-idle-${i}`);
    sockets.push(ws);
    ready.push(
      new Promise((resolve, reject) => {
        ws.onmessage = (e) => {
          if (frameType(e.data as string) === "question") resolve();
        };
        ws.onerror = () => reject(new Error(`idle socket ${i} failed`));
      }),
    );
    // Pace the handshakes so the server's accept queue never overflows.
    if (i % 200 === 199) await Promise.all(ready.slice(i - 199));
  }
  await Promise.all(ready);
  // Tell the orchestrator the sessions are up, then hold them until told to stop.
  // deno-lint-ignore no-console
  console.log(JSON.stringify({ idle: n }));
  for await (const _ of Deno.stdin.readable) break;
  for (const ws of sockets) ws.close();
}

/** The `type` of a frame whose text starts with it (every server here writes it first). */
function frameType(text: string): string | undefined {
  return /^\{"type": ?"(\w+)"/.exec(text)?.[1];
}

/** One client: conversations back to back until `deadline`. */
async function client(id: number, deadline: number, stats: Stats) {
  let k = 0;
  while (performance.now() < deadline) {
    await new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`${bases[id % bases.length]}/ws/${values.prefix}-${id}-${k++}`);
      let answered = 0;
      let sentAt = 0;
      // A conversation that stalls (a comparator that stopped answering) must not hang the run.
      const stall = setTimeout(() => {
        stats.stalled++;
        ws.close();
      }, Number(values.stall) * 1000);
      ws.onmessage = (e) => {
        const now = performance.now();
        stats.frames++;
        if (sentAt) {
          stats.latencies.push(now - sentAt);
          sentAt = 0;
        }
        // Seed clients only read `type`; a prefix check avoids parsing every frame. Python's
        // json.dumps (the FastAPI comparator) writes `"type": ` with a space.
        const type = frameType(e.data as string);
        if (type === "question") {
          const answer = JSON.stringify({ answer: ANSWERS[answered++ % ANSWERS.length] });
          const send = () => {
            if (ws.readyState !== WebSocket.OPEN) return;
            sentAt = performance.now();
            ws.send(answer);
          };
          if (THINK_MS > 0) setTimeout(send, THINK_MS * (0.5 + Math.random()));
          else send();
        } else if (type === "complete") {
          stats.conversations++;
          ws.close();
        } else if (type === "error") {
          stats.errors++;
        }
      };
      ws.onclose = () => {
        clearTimeout(stall);
        resolve();
      };
      ws.onerror = () => {
        clearTimeout(stall);
        reject(new Error(`client ${id} socket failed`));
      };
    }).catch(() => stats.failures++);
  }
}

interface Stats {
  conversations: number;
  frames: number;
  errors: number;
  failures: number;
  stalled: number;
  latencies: number[];
}

const cpuNow = () => cpuSecondsFromStat(Deno.readTextFileSync("/proc/self/stat"));

if (Number(values.idle) > 0) {
  await idle(Number(values.idle));
} else {
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const stats: Stats = {
    conversations: 0,
    frames: 0,
    errors: 0,
    failures: 0,
    stalled: 0,
    latencies: [],
  };
  const cpu0 = cpuNow();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i, deadline, stats)));
  const elapsed = (performance.now() - start) / 1000;
  const sorted = stats.latencies.sort((a, b) => a - b);
  // deno-lint-ignore no-console
  console.log(JSON.stringify({
    clients,
    seconds: elapsed,
    conversations: stats.conversations,
    conversationsPerSecond: stats.conversations / elapsed,
    framesPerSecond: stats.frames / elapsed,
    answerToNextFrameMs: {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      n: sorted.length,
    },
    errorFrames: stats.errors,
    failedConversations: stats.failures + stats.stalled,
    cpuSeconds: cpuNow() - cpu0,
  }));
}
