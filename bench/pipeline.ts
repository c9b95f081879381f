/**
 * Part of `deno task bench`: where one conversation's server time goes, in-process on one
 * core with no sockets. Prints microseconds per whole conversation for: the offline engine's
 * calls alone; the whole pipeline (engine, validation, Markdown, and serialising every
 * frame); and a session driving it through the registry with each store.
 *
 * @module
 */
import { runPipeline } from "../agents/mod.ts";
import { BENCH_ANSWERS } from "./_answers.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import type { Engine } from "../agents/types.ts";
import { createLogger } from "../server/log.ts";
import { SessionRegistry } from "../server/sessions.ts";
import { SqliteStore } from "../server/sqlite_store.ts";
import { MemoryStore, type SessionStore } from "../server/store.ts";

const N = 2000;
const ANSWERS = BENCH_ANSWERS;
const answer = (i: number, k: number) => `${ANSWERS[i % ANSWERS.length]} (${k % 100})`;
const offline = new OfflineEngine();

/** The offline engine with its time measured. */
let engineMs = 0;
const timed: Engine = {
  name: "offline",
  deterministic: true,
  async *clarify(input, opts) {
    const t = performance.now();
    const r = yield* offline.clarify(input, opts);
    engineMs += performance.now() - t;
    return r;
  },
  async *analyse(task, opts) {
    const t = performance.now();
    const r = yield* offline.analyse(task, opts);
    engineMs += performance.now() - t;
    return r;
  },
  async *overview(input, opts) {
    const t = performance.now();
    const r = yield* offline.overview(input, opts);
    engineMs += performance.now() - t;
    return r;
  },
};

async function pipeline(): Promise<[number, number, number]> {
  engineMs = 0;
  let frames = 0;
  const t0 = performance.now();
  for (let k = 0; k < N; k++) {
    const gen = runPipeline({ engine: timed, signal: new AbortController().signal });
    let i = 0;
    let step = await gen.next();
    while (!step.done) {
      frames++;
      JSON.stringify(step.value);
      step = await gen.next(step.value.type === "question" ? answer(i++, k) : undefined);
    }
  }
  return [(performance.now() - t0) / N * 1000, engineMs / N * 1000, frames / N];
}

/** Bytes sent per conversation, and the `complete` frame's share, in the last session run. */
let sentBytes = 0;
let completeBytes = 0;

async function sessions(store: SessionStore): Promise<[number, number]> {
  sentBytes = completeBytes = 0;
  const reg = new SessionRegistry({
    store,
    engine: offline,
    log: createLogger("silent"),
    maxSessions: 100_000,
    maxFrames: 5_000,
    maxPendingWrites: 10_000_000,
    graceMs: 60_000,
    ttlMs: 3_600_000,
    maxRounds: 3,
    maxQuestionsPerRound: 3,
  });
  // 50 conversations at a time, as on a busy server, so commits are shared.
  let frames = 0;
  const one = (k: number) =>
    new Promise<void>((resolve) => {
      let i = 0;
      const conn = {
        sentSeq: 0,
        send(text: string) {
          frames++;
          sentBytes += text.length;
          if (text.startsWith('{"type":"question"')) {
            queueMicrotask(() => s.handle({ answer: answer(i++, k) }));
          } else if (text.startsWith('{"type":"complete"')) {
            completeBytes += text.length;
            resolve();
          }
        },
      };
      const s = reg.create(`c${k}`, conn);
    });
  const t0 = performance.now();
  for (let k = 0; k < N; k += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, j) => one(k + j)));
  }
  const us = (performance.now() - t0) / N * 1000;
  await reg.shutdown();
  store.close();
  return [us, frames / N];
}

await pipeline(); // warm up
const [pipe, engine, frames] = await pipeline();
const [mem, memFrames] = await sessions(new MemoryStore());
const [sql, sqlFrames] = await sessions(new SqliteStore(":memory:"));
// deno-lint-ignore no-console
console.log([
  `Server time per conversation, in-process on one core (${N} conversations, no sockets):`,
  `  offline engine calls alone              ${engine.toFixed(0)} µs`,
  `  whole pipeline, ${frames.toFixed(0)} frames serialised     ${pipe.toFixed(0)} µs`,
  `  session + memory store, ${memFrames.toFixed(0)} frames      ${mem.toFixed(0)} µs`,
  `  session + SQLite store, ${sqlFrames.toFixed(0)} frames      ${sql.toFixed(0)} µs`,
  `  sent per conversation: ${(sentBytes / N).toFixed(0)} bytes, of which complete ${
    (completeBytes / N).toFixed(0)
  }`,
].join("\n"));
