/**
 * SessionRegistry on a memory store: the grace period after the last client leaves, the
 * expiry sweep, and the caps (sessions, frames, pending writes) with their errors.
 */
import type { Session } from "./session.ts";
import assert from "node:assert/strict";
import {
  answerUntilComplete,
  RecordingConnection,
  testRegistry,
  tokenOf,
  twoRoundEngine,
} from "./_testing.ts";
import { BadTokenError, BusyError } from "./sessions.ts";
import { MemoryStore } from "./store.ts";

/** Waits `ms`: only to show that something did NOT happen in that time (no event exists). */
const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Awaits `promise`, failing after `ms`. The grace timer is unref'd (it must not keep a
 * server alive), so a test awaiting it needs a ref'd timer to keep the event loop running.
 */
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const typesIn = (store: MemoryStore, id: string) =>
  store.frames(id).map((f) => JSON.parse(f.text).type as string);

/** The test engine, but not deterministic: like a model, so its sessions get a grace period. */
function modelLikeEngine() {
  return Object.assign(twoRoundEngine(), { deterministic: false });
}

Deno.test("SessionRegistry grace: a session with no client keeps running, then is cancelled and evicted", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ store, graceMs: 30, engine: modelLikeEngine() });
  const conn = new RecordingConnection();
  const session = registry.create("grace", conn);
  await conn.until("question");
  const started = performance.now();
  session.detach(conn);
  // Disconnect is not cancel: the session is still live and in memory.
  assert.equal(session.state, "live");
  assert.equal(registry.size, 1);
  assert.equal(session.pendingQuestion, "clarifier-r1-q1");
  await within(2_000, session.finished, "the grace period to end");
  assert.ok(performance.now() - started >= 25, "cancelled only after the grace period");
  assert.equal(session.state, "cancelled");
  assert.equal(registry.size, 0);
  assert.equal(store.get(session.id)?.state, "cancelled");
  const frames = store.frames(session.id).map((f) => JSON.parse(f.text));
  assert.deepEqual(frames.map((f) => f.type), [
    "session",
    "status",
    "progress",
    "question",
    "cancelled",
  ]);
  assert.match(frames.at(-1).data.message, /no client was connected/);
  // The detached connection got nothing after it left.
  assert.deepEqual(conn.types, ["session", "status", "progress", "question"]);
  await registry.shutdown();
});

Deno.test("SessionRegistry grace: reattaching before the grace period ends keeps the session", async () => {
  const registry = testRegistry({ graceMs: 30, engine: modelLikeEngine() });
  const first = new RecordingConnection();
  const session = registry.create("back", first);
  await first.until("question");
  session.detach(first);
  const second = new RecordingConnection();
  assert.equal(await registry.resume(tokenOf(first), first.frames.length, "back", second), session);
  await quiet(90); // three grace periods
  assert.equal(session.state, "live");
  assert.equal(registry.size, 1);
  await answerUntilComplete(second, session);
  const resumed = second.frames[0]!;
  assert.equal(resumed.type, "session");
  assert.equal(resumed.data.resumed, true);
  assert.equal(resumed.data.pending, "clarifier-r1-q1");
  assert.equal(session.state, "complete");
  // A finished session whose last client leaves is evicted at once, without a grace period.
  session.detach(second);
  assert.equal(registry.size, 0);
  await registry.shutdown();
});

Deno.test("SessionRegistry.sweep deletes finished sessions past the TTL and keeps those in memory", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ store, ttlMs: 1_000 });
  const doneConn = new RecordingConnection();
  const done = registry.create("done", doneConn);
  await answerUntilComplete(doneConn, done);
  done.detach(doneConn);
  assert.equal(registry.size, 0, "the finished session left memory");
  const liveConn = new RecordingConnection();
  const live = registry.create("live", liveConn);
  await liveConn.until("question");

  assert.equal(await registry.sweep(Date.now()), 0, "nothing is older than the TTL yet");
  assert.equal(await registry.sweep(Date.now() + 2_000), 1);
  assert.equal(store.get(done.id), undefined);
  assert.deepEqual(store.frames(done.id), []);
  assert.equal(store.get(live.id)?.state, "live", "a session in memory is kept");
  await assert.rejects(
    () => registry.resume(tokenOf(doneConn), 0, "done", new RecordingConnection()),
    BadTokenError,
  );
  // The kept session still resumes.
  const again = new RecordingConnection();
  assert.equal(await registry.resume(tokenOf(liveConn), 0, "live", again), live);
  await registry.shutdown();
});

Deno.test("SessionRegistry.create refuses past maxSessions with a BusyError naming the limit", async () => {
  const registry = testRegistry({ maxSessions: 2 });
  registry.create("a", new RecordingConnection());
  registry.create("b", new RecordingConnection());
  assert.throws(
    () => registry.create("c", new RecordingConnection()),
    (err: unknown) => {
      assert.ok(err instanceof BusyError);
      assert.equal(err.code, "server_busy");
      assert.match(err.message, /limit of 2 running sessions \(PARLEY_MAX_SESSIONS\)/);
      return true;
    },
  );
  assert.equal(registry.size, 2);
  await registry.shutdown();
});

Deno.test("SessionRegistry maxFrames stops the conversation with frame_limit, then cancelled", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ store, maxFrames: 3 });
  const conn = new RecordingConnection();
  const session = registry.create("long", conn);
  await session.finished;
  assert.deepEqual(conn.types, ["session", "status", "progress", "error", "cancelled"]);
  const error = conn.frames[3]!;
  assert.equal(error.data.code, "frame_limit");
  assert.match(String(error.data.message), /limit of 3 frames/);
  assert.equal(session.state, "cancelled");
  assert.deepEqual(typesIn(store, session.id), conn.types);
  assert.equal(store.get(session.id)?.state, "cancelled");
  await registry.shutdown();
});

Deno.test("SessionRegistry.create refuses while storage is behind, with a BusyError about storage", async () => {
  const store = new MemoryStore();
  let pending = 0;
  Object.defineProperty(store, "pendingWrites", { get: () => pending });
  const registry = testRegistry({ store, maxPendingWrites: 100 });
  pending = 100;
  registry.create("at-limit", new RecordingConnection()); // at the limit is still fine
  pending = 101;
  assert.throws(
    () => registry.create("over", new RecordingConnection()),
    (err: unknown) => {
      assert.ok(err instanceof BusyError);
      assert.match(err.message, /^Storage is behind: 101 writes pending, the limit is 100/);
      return true;
    },
  );
  pending = 0;
  registry.create("later", new RecordingConnection());
  assert.equal(registry.size, 2);
  await registry.shutdown();
});

Deno.test("SessionRegistry: the frame cap counts every stored frame, the session's own too", async () => {
  const store = new MemoryStore();
  // session, status, progress, question (4 frames), then the answer's `answered` is the 5th.
  const registry = testRegistry({ store, maxFrames: 5 });
  const conn = new RecordingConnection();
  const session = registry.create("cap", conn);
  const q = await conn.until("question");
  session.handle({ type: "answer", questionId: String(q.data.id), answer: "An idea" });
  await session.finished;
  assert.deepEqual(conn.types.slice(3), ["question", "answered", "error", "cancelled"]);
  assert.equal(conn.frames[5]!.data.code, "frame_limit");
  assert.deepEqual(typesIn(store, session.id), conn.types);
  await registry.shutdown();
});

Deno.test("SessionRegistry: an offline session abandoned before any answer holds no slot, and resumes exactly", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ store, maxSessions: 1 });
  const first = new RecordingConnection();
  const session = registry.create("gone", first);
  await first.until("question");
  session.detach(first);
  assert.equal(registry.size, 0, "dropped from memory at once");
  assert.equal(store.get(session.id)?.state, "live", "still resumable in the store");
  // The slot is free for someone else...
  const other = new RecordingConnection();
  registry.create("other", other);
  assert.throws(() => registry.create("third", new RecordingConnection()), BusyError);
  // ...and the cap on new sessions never refuses a resume.
  const back = new RecordingConnection();
  const resumed = await registry.resume(
    tokenOf(first),
    first.frames.length,
    "gone",
    back,
  ) as Session;
  assert.notEqual(resumed, session, "rebuilt from the store");
  await answerUntilComplete(back, resumed);
  const all = [...first.frames, ...back.frames].map((f) => Number(f.seq));
  assert.deepEqual(all, all.map((_, i) => i + 1), "gapless across the drop");
  await registry.shutdown();
});

Deno.test("SessionRegistry: a connect-and-close flood locks out neither a new session nor the owner of a finished one", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ store, maxSessions: 5 });
  const owner = new RecordingConnection();
  const done = registry.create("owner", owner);
  await answerUntilComplete(owner, done);
  done.detach(owner);
  for (let i = 0; i < 200; i++) {
    const c = new RecordingConnection();
    registry.create(`flood-${i}`, c).detach(c);
  }
  assert.equal(registry.running, 0);
  const fresh = new RecordingConnection();
  await answerUntilComplete(fresh, registry.create("fresh", fresh));
  const back = new RecordingConnection();
  await registry.resume(tokenOf(owner), 0, "owner", back);
  assert.ok(back.types.includes("complete"), "the owner gets the finished conversation back");
  await registry.shutdown();
});

/** A memory store whose reads fail like a corrupt page while `broken` is set. */
class UnreadableStore extends MemoryStore {
  broken = false;
  override frames(sessionId: string, afterSeq?: number) {
    if (this.broken) throw new Error("database disk image is malformed");
    return super.frames(sessionId, afterSeq);
  }
}

Deno.test("SessionRegistry: a store read that fails refuses the resume with server_busy; it works once the store reads again", async () => {
  const store = new UnreadableStore();
  const registry = testRegistry({ store });
  const first = new RecordingConnection();
  const session = registry.create("unreadable", first);
  await first.until("question");
  session.detach(first); // offline, no answer: out of memory, so a resume reads the store
  store.broken = true;
  await assert.rejects(
    () => registry.resume(tokenOf(first), 0, "unreadable", new RecordingConnection()),
    (err: unknown) => {
      assert.ok(err instanceof BusyError);
      assert.match(err.message, /Storage cannot be read just now \(database disk image/);
      return true;
    },
  );
  store.broken = false;
  const back = new RecordingConnection();
  await answerUntilComplete(
    back,
    await registry.resume(tokenOf(first), 0, "unreadable", back) as Session,
  );
  await registry.shutdown();
});
