/**
 * Part of `deno task bench`: how long the server takes to resume a session of about 500
 * frames, from the resume call until every missed frame has been handed to the socket.
 * Three cases: the session is live in memory (a dropped connection); it is finished and
 * only in the SQLite store (a reload after a restart); it is unfinished and only in the
 * store (a restart mid-conversation: the pipeline replays to catch up).
 *
 * @module
 */
import { join } from "node:path";
import { OfflineEngine } from "../agents/offline/mod.ts";
import type { ClarifyInput, ClarifyOutput, Engine, FrameBody } from "../agents/types.ts";
import { createLogger } from "../server/log.ts";
import type { Connection, Session } from "../server/session.ts";
import { SessionRegistry } from "../server/sessions.ts";
import { SqliteStore } from "../server/sqlite_store.ts";

const FRAMES = 500;
const RUNS = 20;
const offline = new OfflineEngine();

/** The offline engine, but round 1 first narrates ~480 progress frames. */
const chatty: Engine = {
  name: "chatty",
  deterministic: true,
  async *clarify(input: ClarifyInput, opts): AsyncGenerator<FrameBody, ClarifyOutput, void> {
    if (input.round === 1) {
      for (let i = 0; i < FRAMES - 20; i++) {
        yield {
          type: "progress",
          data: { agent: "clarifier", message: `Reading note ${i} of the idea and its context…` },
        };
      }
    }
    return yield* offline.clarify(input, opts);
  },
  analyse: (task, opts) => offline.analyse(task, opts),
  overview: (input, opts) => offline.overview(input, opts),
};

const dir = await Deno.makeTempDir({ prefix: "parley-resume-" });
const path = join(dir, "parley.db");
const log = createLogger("silent");
const registry = (store: SqliteStore) =>
  new SessionRegistry({
    store,
    engine: chatty,
    log,
    maxSessions: 100,
    maxFrames: 10_000,
    maxPendingWrites: 100_000,
    graceMs: 60_000,
    ttlMs: 3_600_000,
    maxRounds: 3,
    maxQuestionsPerRound: 3,
  });

/** A connection that counts what it gets and answers questions when told to. */
function sink(onText?: (text: string) => void) {
  const conn: Connection & { texts: number } = {
    sentSeq: 0,
    texts: 0,
    send(text) {
      conn.texts++;
      onText?.(text);
    },
  };
  return conn;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// One session stopped at its first question after ~500 frames, one finished.
let store = new SqliteStore(path);
let reg = registry(store);
let token = "";
const pendingConn = sink((t) => {
  const f = JSON.parse(t);
  if (f.type === "session" && f.data.token) token = f.data.token;
});
const pending = reg.create("pending", pendingConn);
await new Promise<void>((resolve) => {
  const tick = () => pending.pendingQuestion ? resolve() : setTimeout(tick, 5);
  tick();
});
const pendingToken = token;
const pendingFrames = pending.seq;

let doneToken = "";
const doneConn = sink((t) => {
  const f = JSON.parse(t);
  if (f.type === "session" && f.data.token) doneToken = f.data.token;
  if (f.type === "question") done.handle({ answer: "A marketplace for dog walkers, paid by card" });
});
const done = reg.create("done", doneConn);
await done.finished;
const doneFrames = done.seq;
store.flush();

// Live in memory: a dropped connection comes back.
const live: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c = sink();
  const t0 = performance.now();
  await reg.resume(doneToken, 0, "done", c);
  live.push(performance.now() - t0);
  done.detach(c);
}
await reg.shutdown();
store.close();

// From the store after a restart: finished, and unfinished (pipeline replays to catch up).
const stored: number[] = [];
const recovered: number[] = [];
const caughtUp: number[] = [];
for (let i = 0; i < RUNS; i++) {
  store = new SqliteStore(path);
  reg = registry(store);
  let c = sink();
  let t0 = performance.now();
  await reg.resume(doneToken, 0, "done", c);
  stored.push(performance.now() - t0);
  // Then answer the pending question: the next question can only come once the replayed
  // pipeline has caught up with the log.
  let next!: () => void;
  const asked = new Promise<void>((r) => next = r);
  c = sink((text) => {
    if (text.startsWith('{"type":"question"') && JSON.parse(text).seq > pendingFrames) next();
  });
  t0 = performance.now();
  const s = await reg.resume(pendingToken, 0, "pending", c) as Session;
  recovered.push(performance.now() - t0);
  s.handle({ answer: "A marketplace for dog walkers, paid by card" });
  await asked;
  caughtUp.push(performance.now() - t0);
  await reg.shutdown();
  store.close();
}
await Deno.remove(dir, { recursive: true });

const fmt = (xs: number[]) =>
  `${median(xs).toFixed(2)} ms median, ${Math.max(...xs).toFixed(2)} ms max`;
// deno-lint-ignore no-console
console.log([
  `Resume (${RUNS} runs each, target < 20 ms on the server):`,
  `  live session, ${doneFrames} frames, from memory       ${fmt(live)}`,
  `  finished session, ${doneFrames} frames, from SQLite   ${fmt(stored)}`,
  `  unfinished session, ${pendingFrames} frames, from SQLite ${fmt(recovered)}`,
  `    … then answered: replayed, caught up, next question out ${fmt(caughtUp)}`,
].join("\n"));
