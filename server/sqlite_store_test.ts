/** SqliteStore on a temporary file: group commit, reads, sweep, reopening, failed writes. */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { SqliteStore } from "./sqlite_store.ts";
import { describeStoreMetrics, type SessionRecord, type StoredFrame } from "./store.ts";
import { createMetrics } from "./metrics.ts";
import { parseExposition } from "../tests/_prometheus.ts";

const record = (id: string, at = Date.now()): SessionRecord => ({
  id,
  clientId: `client-${id}`,
  tokenHash: "ab".repeat(32),
  createdAt: at,
  updatedAt: at,
  state: "live",
});

const frame = (seq: number): StoredFrame => ({
  seq,
  text: JSON.stringify({ type: "status", data: { message: `m${seq}` }, seq, ts: seq }),
  origin: seq % 2 ? "pipeline" : "session",
});

/** A store on a fresh file, closed and removed with the test's `await using` scope. */
async function tempStore(onError?: (error: unknown, write: string) => void) {
  const dir = await Deno.makeTempDir({ prefix: "parley-store-" });
  const path = `${dir}/parley.db`;
  const store = new SqliteStore(path, onError, { exclusive: false });
  return {
    store,
    path,
    /** What another connection to the file sees (only committed rows). */
    committedFrames(id: string): number {
      const db = new DatabaseSync(path);
      try {
        const row = db.prepare("select count(*) as n from frames where session_id = ?").get(id);
        return Number((row as { n: number }).n);
      } finally {
        db.close();
      }
    },
    async [Symbol.asyncDispose]() {
      try {
        store.close();
      } catch { /* closed by the test */ }
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/** Resolves when `store` has run a `whenDurable` callback registered now. */
const durable = (store: SqliteStore) => new Promise<void>((resolve) => store.whenDurable(resolve));

Deno.test("SqliteStore commits the writes of one turn together, then runs whenDurable callbacks in order", async () => {
  await using t = await tempStore();
  const { store } = t;
  const order: string[] = [];
  store.whenDurable(() => order.push("nothing queued: at once"));
  assert.deepEqual(order, ["nothing queued: at once"]);

  store.create(record("s1"));
  for (let seq = 1; seq <= 50; seq++) store.appendFrame("s1", frame(seq));
  store.whenDurable(() => order.push(`first: ${t.committedFrames("s1")} committed`));
  store.saveAnswer("s1", "q1", "An answer");
  store.whenDurable(() => order.push(`second: ${store.pendingWrites} pending`));
  assert.equal(store.pendingWrites, 52);
  // Nothing is on disk until the group commits, at the end of this turn.
  assert.equal(t.committedFrames("s1"), 0);
  assert.deepEqual(order, ["nothing queued: at once"]);

  await durable(store);
  assert.deepEqual(order, [
    "nothing queued: at once",
    "first: 50 committed",
    "second: 0 pending",
  ]);
  assert.equal(store.pendingWrites, 0);
});

Deno.test("SqliteStore reads frames after a seq, answers and calls as written", async () => {
  await using t = await tempStore();
  const { store } = t;
  store.create(record("s1"));
  store.create(record("s2"));
  for (let seq = 1; seq <= 12; seq++) store.appendFrame("s1", frame(seq));
  store.appendFrame("s2", frame(1));
  store.saveAnswer("s1", "clarifier-r1-q1", "Dog walkers");
  store.saveAnswer("s1", "clarifier-r1-q2", "iOS, ünïcode ✓");
  // An answer is written once: a retried answer does not replace it.
  store.saveAnswer("s1", "clarifier-r1-q1", "Something else");
  store.saveCall("s1", "clarify:1:0", '{"questions":[]}');
  store.saveCall("s1", "overview", '"An overview."');
  await durable(store);

  assert.deepEqual(store.frames("s1"), Array.from({ length: 12 }, (_, i) => frame(i + 1)));
  assert.deepEqual(store.frames("s1", 9), [frame(10), frame(11), frame(12)]);
  assert.deepEqual(store.frames("s1", 12), []);
  assert.deepEqual(store.frames("s2"), [frame(1)]);
  assert.deepEqual(
    store.answers("s1"),
    new Map([["clarifier-r1-q1", "Dog walkers"], ["clarifier-r1-q2", "iOS, ünïcode ✓"]]),
  );
  assert.deepEqual(
    store.calls("s1"),
    new Map([["clarify:1:0", '{"questions":[]}'], ["overview", '"An overview."']]),
  );
  assert.deepEqual(store.calls("s2"), new Map());
  const r = store.get("s1")!;
  const written = record("s1", r.createdAt);
  assert.deepEqual({ ...r, updatedAt: 0 }, { ...written, updatedAt: 0 });
  assert.ok(r.updatedAt >= r.createdAt, "a frame touches updatedAt");
  assert.equal(store.get("nope"), undefined);
});

Deno.test("SqliteStore.sweep deletes sessions idle since before a time, except those kept", async () => {
  await using t = await tempStore();
  const { store } = t;
  const old = Date.now() - 10_000;
  for (const id of ["old1", "old2", "kept"]) store.create(record(id, old));
  store.create(record("fresh"));
  store.saveAnswer("old1", "q", "a");
  store.setState("old2", "complete", old);
  await durable(store);
  assert.equal(await store.sweep(Date.now() - 5_000, (id) => id === "kept"), 2);
  assert.equal(store.get("old1"), undefined);
  assert.equal(store.get("old2"), undefined);
  assert.deepEqual(store.answers("old1"), new Map(), "answers go with their session");
  assert.equal(store.get("kept")?.id, "kept");
  assert.equal(store.get("fresh")?.id, "fresh");
  assert.equal(await store.sweep(Date.now() - 5_000, (id) => id === "kept"), 0);
  assert.equal(await store.sweep(Date.now() - 5_000), 1);
});

Deno.test("SqliteStore keeps everything across close and reopen of the same file", async () => {
  await using t = await tempStore();
  const first = t.store;
  first.create(record("s1"));
  first.appendFrame("s1", frame(1));
  first.appendFrame("s1", frame(2));
  first.saveAnswer("s1", "q1", "Yes");
  first.saveCall("s1", "overview", '"Text"');
  first.setState("s1", "complete", 1234);
  // No await: close() itself commits what is queued.
  first.close();

  const again = new SqliteStore(t.path);
  try {
    assert.deepEqual(again.frames("s1"), [frame(1), frame(2)]);
    assert.deepEqual(again.answers("s1"), new Map([["q1", "Yes"]]));
    assert.deepEqual(again.calls("s1"), new Map([["overview", '"Text"']]));
    const r = again.get("s1");
    assert.equal(r?.state, "complete");
    assert.equal(r?.updatedAt, 1234);
    assert.equal(r?.clientId, "client-s1");
  } finally {
    again.close();
  }
});

Deno.test("SqliteStore drops the writes and callbacks of a session a constraint refuses and commits the rest", async () => {
  const errors: { write: string; message: string }[] = [];
  await using t = await tempStore((error, write) => {
    errors.push({ write, message: error instanceof Error ? error.message : String(error) });
  });
  const { store } = t;
  store.create(record("s1"));
  store.appendFrame("s1", frame(1));
  store.appendFrame("ghost", frame(1)); // no such session: violates the foreign key
  store.appendFrame("s1", frame(2));
  store.saveAnswer("ghost", "q", "a");
  store.saveAnswer("s1", "q", "a");
  const ran: string[] = [];
  const rejected: string[] = [];
  store.subscribe((e) => e.type === "rejected" && rejected.push(e.sessionId));
  store.whenDurable(() => ran.push("ghost"), "ghost");
  store.whenDurable(() => ran.push("s1"), "s1");
  store.whenDurable(() => ran.push("any"));
  await durable(store);
  assert.deepEqual(errors.map((e) => e.write), ["session ghost: 2 writes dropped"]);
  assert.match(errors[0]!.message, /FOREIGN KEY/i);
  assert.deepEqual(rejected, ["ghost"]);
  assert.deepEqual(ran, ["s1", "any"], "the refused session's callback never runs");
  assert.equal(store.failure, undefined, "a refused write is not a store fault");
  assert.deepEqual(store.frames("s1"), [frame(1), frame(2)]);
  assert.deepEqual(store.answers("s1"), new Map([["q", "a"]]));
  assert.deepEqual(store.frames("ghost"), []);
  assert.equal(t.committedFrames("s1"), 2);
});

/** A real SQLite connection whose `begin` or `commit` fails like a bad disk while `fail` is set. */
class FlakyDatabase extends DatabaseSync {
  fail: "begin" | "commit" | undefined;
  override exec(sql: string): void {
    if (this.fail && sql.trim().toLowerCase() === this.fail) {
      throw Object.assign(new Error("disk I/O error"), { code: "ERR_SQLITE_ERROR" });
    }
    super.exec(sql);
  }
}

for (const step of ["begin", "commit"] as const) {
  Deno.test(`SqliteStore keeps a group whose ${step} fails, runs no callback, and commits it all when the fault clears`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "parley-flaky-" });
    let db: FlakyDatabase | undefined;
    const errors: string[] = [];
    const events: string[] = [];
    const metrics = createMetrics();
    describeStoreMetrics(metrics);
    const store = new SqliteStore(`${dir}/parley.db`, (e, w) => errors.push(`${w}: ${e}`), {
      open: (path) => db = new FlakyDatabase(path),
      metrics,
    });
    try {
      store.subscribe((e) => events.push(e.type));
      store.create(record("s1"));
      await durable(store);
      db!.fail = step;
      const ran: number[] = [];
      for (let seq = 1; seq <= 3; seq++) {
        store.appendFrame("s1", frame(seq));
        store.whenDurable(() => ran.push(seq), "s1");
      }
      await new Promise((r) => setTimeout(r, 5));
      assert.equal(store.failure, "disk I/O error");
      assert.deepEqual(events, ["failing"]);
      assert.equal(ran.length, 0, "nothing ran: nothing was durable");
      assert.equal(store.pendingWrites, 3, "the writes are kept");
      assert.deepEqual(store.frames("s1"), [], "and none is half-written");
      // More writes while failing join the queue; the retries keep failing quietly.
      store.appendFrame("s1", frame(4));
      store.whenDurable(() => ran.push(4), "s1");
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(errors.length, 1, `one report per outage: ${errors.join("; ")}`);
      assert.doesNotMatch(errors.join(";"), /no transaction is active/);
      db!.fail = undefined;
      const back = Promise.withResolvers<void>();
      store.subscribe((e) => e.type === "recovered" && back.resolve());
      await back.promise;
      assert.deepEqual(ran, [1, 2, 3, 4], "callbacks run in order once durable");
      assert.deepEqual(store.frames("s1"), [frame(1), frame(2), frame(3), frame(4)]);
      assert.deepEqual(events, ["failing", "recovered"]);
      assert.equal(store.failure, undefined);
      const m = parseExposition(metrics.render());
      const sqlite = { store: "sqlite" };
      assert.ok(m.value("parley_store_errors_total", sqlite)! >= 1, "failed commits are counted");
      const commits = m.value("parley_store_write_seconds_count", sqlite)!;
      assert.ok(commits >= 2, `the commits before and after the fault are timed: ${commits}`);
      assert.equal(
        m.value("parley_store_write_seconds_bucket", { ...sqlite, le: "+Inf" }),
        commits,
      );
      assert.ok(m.value("parley_store_write_seconds_sum", sqlite)! > 0);
    } finally {
      store.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
}
