/**
 * What the SQLite store costs per conversation, alone: the frames of one real offline
 * conversation (taken from a session on the memory store) are written for many sessions
 * at once, the way a busy server writes them (each turn of the event loop commits a few
 * frames of every live session together), into a file in a temporary folder. Prints µs
 * per conversation (wall and CPU: on a shared machine the CPU time is the steadier),
 * commits, and bytes in the file per conversation.
 *
 * `deno run -A bench/store_writes.ts [--conversations 4000] [--concurrent 200]`
 *
 * @module
 */
import { cpuUsage } from "node:process";
import { parseArgs } from "node:util";
import { join } from "node:path";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { BENCH_ANSWERS } from "./_answers.ts";
import { createLogger } from "../server/log.ts";
import { newSessionId, SessionRegistry } from "../server/sessions.ts";
import { randomBytes } from "node:crypto";
import { SqliteStore } from "../server/sqlite_store.ts";
import { MemoryStore, type StoredFrame } from "../server/store.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    conversations: { type: "string", default: "4000" },
    concurrent: { type: "string", default: "200" },
    ids: { type: "string", default: "ordered" },
  },
});
const N = Number(values.conversations);
const C = Number(values.concurrent);

/** The stored frames of one whole conversation, split where the session waited for input. */
async function oneConversation(): Promise<{ turns: StoredFrame[][]; answers: number }> {
  const store = new MemoryStore();
  const reg = new SessionRegistry({
    store,
    engine: new OfflineEngine(),
    log: createLogger("silent"),
    maxSessions: 10,
    maxFrames: 5_000,
    maxPendingWrites: 1_000_000,
    graceMs: 60_000,
    ttlMs: 3_600_000,
    maxRounds: 3,
    maxQuestionsPerRound: 3,
  });
  let i = 0;
  const id = await new Promise<string>((resolve) => {
    const s = reg.create("bench", {
      sentSeq: 0,
      send(text) {
        if (text.startsWith('{"type":"question"')) {
          queueMicrotask(() => s.handle({ answer: BENCH_ANSWERS[i++ % BENCH_ANSWERS.length]! }));
        } else if (text.startsWith('{"type":"complete"')) resolve(s.id);
      },
    });
  });
  const turns: StoredFrame[][] = [[]];
  for (const f of store.frames(id)) {
    turns.at(-1)!.push(f);
    if (f.text.startsWith('{"type":"question"')) turns.push([]);
  }
  await reg.shutdown();
  return { turns, answers: i };
}

const { turns, answers } = await oneConversation();
const frames = turns.flat();
const stored = frames.reduce((n, f) => n + f.text.length, 0);
const dir = await Deno.makeTempDir();
const path = join(dir, "parley.db");
const store = new SqliteStore(path);
let commits = 0;
/** How long each commit held the event loop, ms. */
const flushMs: number[] = [];
const cpu0 = cpuUsage();
const t0 = performance.now();
for (let k = 0; k < N; k += C) {
  // Ids as the registry makes them (`--ids random` for 22 random characters, the old way,
  // which puts each session's rows far apart in the indexes).
  const ids = Array.from(
    { length: Math.min(C, N - k) },
    () => values.ids === "random" ? randomBytes(16).toString("base64url") : newSessionId(),
  );
  for (const id of ids) {
    const now = Date.now();
    store.create({
      id,
      clientId: "bench",
      tokenHash: "0".repeat(64),
      createdAt: now,
      updatedAt: now,
      state: "live",
    });
  }
  // Each turn: every session's next frames (and the answer that led to them), one commit.
  for (let t = 0; t < turns.length; t++) {
    for (const id of ids) {
      if (t > 0) store.saveAnswer(id, `q${t}`, BENCH_ANSWERS[t % BENCH_ANSWERS.length]!);
      for (const f of turns[t]!) store.appendFrame(id, f);
      if (t === turns.length - 1) store.setState(id, "complete", Date.now());
    }
    const started = performance.now();
    store.flush();
    flushMs.push(performance.now() - started);
    commits++;
  }
}
const us = (performance.now() - t0) / N * 1000;
const cpu = cpuUsage(cpu0);
const cpuUs = (cpu.user + cpu.system) / N;
store.close();
let fileBytes = 0;
for await (const e of Deno.readDir(dir)) fileBytes += (await Deno.stat(join(dir, e.name))).size;
await Deno.remove(dir, { recursive: true });
flushMs.sort((a, b) => a - b);
const q = (p: number) =>
  flushMs[Math.min(flushMs.length - 1, Math.floor(p * flushMs.length))]!.toFixed(2);
// deno-lint-ignore no-console
console.log([
  `SQLite store writes, ${N} conversations, ${C} at a time, one commit per turn (file in ${
    Deno.env.get("TMPDIR") ?? "/tmp"
  }):`,
  `  per conversation: ${frames.length} frames (${stored} bytes of JSON), ${answers} answers, ${turns.length} commits shared`,
  `  ${us.toFixed(0)} µs per conversation (${
    cpuUs.toFixed(0)
  } µs of CPU); ${commits} commits in all`,
  `  a commit holds the event loop: median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
  `  file (db + wal) after close: ${(fileBytes / N).toFixed(0)} bytes per conversation`,
].join("\n"));
