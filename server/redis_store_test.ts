/** RedisStore on a real redis-server: flush per turn, load, fencing, the gap check, outages. */
import assert from "node:assert/strict";
import { createClient } from "@redis/client";
import { skipWithoutRedis, startRedis } from "../tests/_redis.ts";
import { CLAIM_SCRIPT } from "./cluster.ts";
import { sessionKeys } from "./redis_keys.ts";
import { RedisStore, runScript } from "./redis_store.ts";
import type { SessionRecord, StoredFrame, StoreEvent } from "./store.ts";

const ignore = await skipWithoutRedis();

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

/** A node-redis client as the cluster makes them: no offline queue, quick reconnects. */
async function client(url: string) {
  const c = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (n: number) => Math.min(20 * 2 ** n, 200) },
  });
  c.on("error", () => {});
  await c.connect();
  return {
    c,
    [Symbol.asyncDispose]: () => Promise.resolve(c.destroy()),
  };
}

const durable = (store: RedisStore, sessionId?: string) =>
  new Promise<void>((resolve) => store.whenDurable(resolve, sessionId));

Deno.test({
  name:
    "RedisStore flushes one turn's writes per session in one call, then runs whenDurable callbacks in order",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using r = await client(redis.url);
    const store = new RedisStore(r.c, { nodeId: "n1", ttlMs: 60_000 });
    const order: string[] = [];
    store.whenDurable(() => order.push("nothing queued: at once"));
    store.create(record("s1"));
    for (let seq = 1; seq <= 40; seq++) store.appendFrame("s1", frame(seq));
    store.saveAnswer("s1", "q1", "Dog walkers");
    store.saveAnswer("s1", "q1", "Something else"); // the first answer stays
    store.saveCall("s1", "overview", '"An overview."');
    store.whenDurable(() => order.push(`first: ${store.pendingWrites} pending`), "s1");
    store.create(record("s2"));
    store.appendFrame("s2", frame(1));
    store.whenDurable(() => order.push("second"));
    assert.equal(store.pendingWrites, 46);
    assert.deepEqual(order, ["nothing queued: at once"], "nothing is durable before the flush");
    await durable(store);
    assert.deepEqual(order, ["nothing queued: at once", "first: 0 pending", "second"]);

    const snap = await store.load("s1");
    assert.ok(snap);
    assert.deepEqual(snap.frames, Array.from({ length: 40 }, (_, i) => frame(i + 1)));
    assert.deepEqual(snap.answers, new Map([["q1", "Dog walkers"]]));
    assert.deepEqual(snap.calls, new Map([["overview", '"An overview."']]));
    assert.equal(snap.record.clientId, "client-s1");
    assert.equal(snap.record.state, "live");
    assert.deepEqual(snap.owner, { node: "n1", epoch: 1, inCursor: "0-0" });
    assert.equal((await store.load("s2"))?.frames.length, 1);
    assert.equal(await store.load("nope"), undefined);

    store.setState("s1", "complete", 1234);
    store.setInputCursor("s1", "17-0");
    await durable(store);
    const after = await store.load("s1");
    assert.equal(after?.record.state, "complete");
    assert.equal(after?.record.updatedAt, 1234);
    assert.equal(after?.owner?.inCursor, "17-0");
    // Every key of the session carries the TTL, renewed by each write.
    for (const key of [sessionKeys("s1").meta, sessionKeys("s1").frames]) {
      const ttl = Number(await redis.cli("PTTL", key));
      assert.ok(ttl > 50_000 && ttl <= 60_000, `${key} TTL ${ttl}`);
    }
    assert.throws(() => store.frames("s1"), /asynchronous: use load/);
    await store.close();
  },
});

Deno.test({
  name:
    "RedisStore refuses a write from a fenced owner: nothing appended, callback dropped, rejected reported",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using r1 = await client(redis.url);
    await using r2 = await client(redis.url);
    const old = new RedisStore(r1.c, { nodeId: "n1", ttlMs: 60_000 });
    const next = new RedisStore(r2.c, { nodeId: "n2", ttlMs: 60_000 });
    const events: StoreEvent[] = [];
    old.subscribe((e) => events.push(e));
    old.create(record("s1"));
    old.appendFrame("s1", frame(1));
    await durable(old);
    // n2's claim of n1 at epoch 1 succeeds: epoch 2.
    const k = sessionKeys("s1");
    const epoch = await runScript(r2.c, CLAIM_SCRIPT, [k.meta], ["n1", "1", "n2"]);
    assert.equal(Number(epoch), 2);
    next.adopt("s1", 2);
    // A claim that expects the old owner (or the old epoch) again fails: n2 holds it now.
    assert.equal(await runScript(r2.c, CLAIM_SCRIPT, [k.meta], ["n1", "1", "n3"]), null);
    assert.equal(await runScript(r2.c, CLAIM_SCRIPT, [k.meta], ["n2", "1", "n3"]), null);

    const ran: string[] = [];
    old.appendFrame("s1", frame(2));
    old.saveAnswer("s1", "q1", "stale");
    old.whenDurable(() => ran.push("old"), "s1");
    next.appendFrame("s1", frame(2));
    next.whenDurable(() => ran.push("new"), "s1");
    await durable(next);
    await durable(old);
    assert.deepEqual(ran, ["new"], "the fenced owner's callback never runs: it sends nothing");
    assert.deepEqual(events.map((e) => e.type), ["rejected"]);
    assert.match(events[0]!.type === "rejected" ? events[0]!.reason : "", /fenced: node n2/);
    const snap = await next.load("s1");
    assert.deepEqual(snap?.frames.map((f) => f.origin), ["pipeline", "session"]);
    assert.deepEqual(snap?.frames, [frame(1), frame(2)]);
    assert.deepEqual(snap?.answers, new Map(), "nothing of the fenced call was written");
    assert.deepEqual(snap?.owner, { node: "n2", epoch: 2, inCursor: "0-0" });
    await old.close();
    await next.close();
  },
});

Deno.test({
  name:
    "RedisStore: a frame that leaves a gap is refused whole; frames at or below the top are skipped",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using r = await client(redis.url);
    const store = new RedisStore(r.c, { nodeId: "n1", ttlMs: 60_000 });
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    store.create(record("s1"));
    store.appendFrame("s1", frame(1));
    store.appendFrame("s1", frame(2));
    await durable(store);
    // A retried flush whose reply was lost: already stored, skipped, the rest appended.
    store.appendFrame("s1", frame(2));
    store.appendFrame("s1", frame(3));
    await durable(store);
    assert.deepEqual((await store.load("s1"))?.frames, [frame(1), frame(2), frame(3)]);
    assert.equal(events.length, 0);
    // A gap: refused whole, the answer in the same call too.
    store.saveAnswer("s1", "q", "a");
    store.appendFrame("s1", frame(5));
    await durable(store);
    assert.deepEqual(events.map((e) => e.type), ["rejected"]);
    const snap = await store.load("s1");
    assert.deepEqual(snap?.frames.map((f) => f.seq), [1, 2, 3]);
    assert.deepEqual(snap?.answers, new Map());
    await store.close();
  },
});

Deno.test({
  name:
    "RedisStore keeps writes and callbacks while Redis is down, reports failing, and writes it all when Redis is back",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using r = await client(redis.url);
    const store = new RedisStore(r.c, { nodeId: "n1", ttlMs: 60_000 });
    const events: string[] = [];
    store.subscribe((e) => events.push(e.type));
    store.create(record("s1"));
    store.appendFrame("s1", frame(1));
    await durable(store);
    await redis.kill();
    const ran: number[] = [];
    for (let seq = 2; seq <= 4; seq++) {
      store.appendFrame("s1", frame(seq));
      store.whenDurable(() => ran.push(seq), "s1");
    }
    const failing = Promise.withResolvers<void>();
    const back = Promise.withResolvers<void>();
    store.subscribe((e) => {
      if (e.type === "failing") failing.resolve();
      if (e.type === "recovered") back.resolve();
    });
    await failing.promise;
    assert.ok(store.failure, "the failure is named");
    assert.equal(ran.length, 0, "nothing ran: nothing was durable");
    assert.equal(store.pendingWrites, 3);
    store.appendFrame("s1", frame(5));
    store.whenDurable(() => ran.push(5), "s1");
    await redis.restart();
    await back.promise;
    await durable(store);
    assert.deepEqual(ran, [2, 3, 4, 5], "callbacks run in order once durable");
    assert.deepEqual(events, ["failing", "recovered"]);
    assert.deepEqual((await store.load("s1"))?.frames, [1, 2, 3, 4, 5].map(frame));
    await store.close();
  },
});

Deno.test({
  name:
    "RedisStore: a Redis that stops answering (SIGSTOP) is failing after the write timeout; on SIGCONT every frame is written once",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using r = await client(redis.url);
    const store = new RedisStore(r.c, { nodeId: "n1", ttlMs: 60_000, writeTimeoutMs: 200 });
    const events: string[] = [];
    const failing = Promise.withResolvers<void>();
    const back = Promise.withResolvers<void>();
    store.subscribe((e) => {
      events.push(e.type);
      if (e.type === "failing") failing.resolve();
      if (e.type === "recovered") back.resolve();
    });
    store.create(record("s1"));
    store.appendFrame("s1", frame(1));
    await durable(store);
    Deno.kill(redis.pid, "SIGSTOP");
    const ran: number[] = [];
    try {
      for (let seq = 2; seq <= 3; seq++) {
        store.appendFrame("s1", frame(seq));
        store.whenDurable(() => ran.push(seq), "s1");
      }
      await failing.promise;
      assert.match(store.failure ?? "", /did not answer within 200 ms/);
      assert.equal(ran.length, 0);
      store.appendFrame("s1", frame(4));
      store.whenDurable(() => ran.push(4), "s1");
    } finally {
      Deno.kill(redis.pid, "SIGCONT");
    }
    await back.promise;
    await durable(store);
    assert.deepEqual(ran, [2, 3, 4]);
    assert.deepEqual(events, ["failing", "recovered"]);
    // The stalled call ran when Redis woke up, and so did its retry: each frame once.
    assert.deepEqual((await store.load("s1"))?.frames, [1, 2, 3, 4].map(frame));
    await store.close();
  },
});
