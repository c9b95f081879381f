/**
 * Redis failing under a running cluster: a `redis-server` SIGKILLed mid-conversation and
 * started again on its AOF (`appendfsync always`) loses no frame a tab received, the nodes
 * reconnect by themselves and the conversation finishes; a dropped subscription
 * (`CLIENT KILL TYPE pubsub`, the lost notification) stalls no tab.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { assertTabsAgree, Cluster, nthQuestion, redisLog, shape, Tab, within } from "./_cluster.ts";
import type { SeedFrame } from "./_seed_client.ts";

const ignore = await skipWithoutRedis();

/**
 * Runs a conversation with a tab on each of two nodes, kills Redis as an answer is sent,
 * waits `downMs`, starts it again on its AOF, and checks that both tabs finish with the log
 * Redis holds.
 */
async function redisRestart(downMs: number) {
  await using redis = await startRedis();
  await using cluster = await Cluster.start(redis.url, 2);
  const [n1, n2] = [cluster.node(1), cluster.node(2)];
  await using a = new Tab("a", true);
  await using b = new Tab("b");
  await a.start(n1);
  await a.read(nthQuestion(2));
  await b.join(n2, a);
  await b.read((f) => f.seq === a.lastSeq);

  // The answer and the kill together: the pipeline is writing when Redis dies.
  a.answer(a.pending!);
  await redis.kill();
  if (downMs) await new Promise((r) => setTimeout(r, downMs));
  await redis.restart();
  await Promise.all([a.readAcross([n2, n1]), b.readAcross([n1, n2])]);

  assertTabsAgree([a, b]);
  const log = await redisLog(redis.cli, a.sessionId);
  assert.deepEqual(log.map(shape), a.logged.map(shape), "every frame sent is in the log");
}

Deno.test({
  name:
    "cluster: a Redis restart mid-conversation loses no frame a tab got, and the nodes carry on",
  ignore,
  fn: () => redisRestart(0),
});

Deno.test({
  name:
    "cluster: Redis down for longer than the lease: the leases lapse in Redis, one node carries on",
  ignore,
  // The lease is 1 s (FAST): on restart, every node key has expired.
  fn: () => redisRestart(1_500),
});

Deno.test({
  name: "cluster: a dropped subscription does not stall a tab on a following node",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await a.start(n1);
    await a.read(nthQuestion(1));
    await b.join(n2, a);
    await b.read((f) => f.seq === a.lastSeq);
    // The followers' subscriptions are cut before each answer: the notifications of what
    // follows are lost unless the node subscribes again or re-reads the log by itself.
    let kills = 0;
    for (;;) {
      kills += Number(await redis.cli("CLIENT", "KILL", "TYPE", "pubsub"));
      a.answer(a.pending!);
      const f = await a.read((f) => f.type === "question");
      if (f.type === "complete") break;
    }
    assert.ok(kills >= 1, "there was a subscription to drop");
    assert.equal((await b.read()).type, "complete");
    assertTabsAgree([a, b]);
  },
});

/**
 * Runs a conversation with a tab on each of two nodes, fills Redis (`maxmemory 1`, with
 * `noeviction`) as an answer is sent, checks the refusals, keeps it full for `fullMs`, then
 * makes room and checks that both tabs finish with the log Redis holds.
 */
async function redisFull(fullMs: number) {
  await using redis = await startRedis();
  await using cluster = await Cluster.start(redis.url, 2);
  const [n1, n2] = [cluster.node(1), cluster.node(2)];
  await using a = new Tab("a", true);
  await using b = new Tab("b");
  await a.start(n1);
  await a.read(nthQuestion(2));
  await b.join(n2, a);
  await b.read((f) => f.seq === a.lastSeq);

  // Full: with noeviction every write is refused with an OOM error, nothing is evicted.
  assert.equal(await redis.cli("CONFIG", "SET", "maxmemory", "1"), "OK");
  const pending = a.pending!;
  a.answer(pending);
  const notice = (f: SeedFrame) => f.type === "error" && f.seq === undefined;
  const onA = await a.read(notice);
  assert.equal(onA.data.code, "storage_unavailable");
  // A new conversation on the node whose writes fail is refused while it lasts.
  await using c = new Tab("c");
  await c.start(n1);
  const refused = await c.read((f) => f.type === "error");
  assert.equal(refused.data.code, "server_busy");
  assert.equal((await within(c.sock!.closed, "the refused socket to close")).code, 1013);
  assert.ok(
    a.logged.every((f) => f.type !== "answered" || f.data.questionId !== pending),
    "nothing was sent that Redis did not hold",
  );
  if (fullMs) await new Promise((r) => setTimeout(r, fullMs));

  assert.equal(await redis.cli("CONFIG", "SET", "maxmemory", "0"), "OK");
  await Promise.all([a.readAcross([n1, n2]), b.readAcross([n2, n1])]);
  assertTabsAgree([a, b]);
  const log = await redisLog(redis.cli, a.sessionId);
  assert.deepEqual(log.map(shape), a.logged.map(shape), "every frame sent is in the log");
}

Deno.test({
  name:
    "cluster: Redis out of memory (noeviction): new sessions get server_busy, the owner's tab a notice, all carry on once there is room",
  ignore,
  fn: () => redisFull(0),
});

Deno.test({
  name:
    "cluster: Redis full for longer than the lease (renewals refused too): the conversation still finishes once there is room",
  ignore,
  fn: () => redisFull(1_500),
});

Deno.test({
  name:
    "cluster: Redis full: a tab following from another node gets the storage_unavailable notice the owner publishes, and finishes",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await a.start(n1);
    await a.read(nthQuestion(2));
    await b.join(n2, a);
    await b.read((f) => f.seq === a.lastSeq);
    assert.equal(await redis.cli("CONFIG", "SET", "maxmemory", "1"), "OK");
    a.answer(a.pending!);
    const notice = (f: SeedFrame) => f.type === "error" && f.seq === undefined;
    assert.equal((await a.read(notice)).data.code, "storage_unavailable");
    assert.equal((await b.read(notice)).data.code, "storage_unavailable");
    assert.equal(await redis.cli("CONFIG", "SET", "maxmemory", "0"), "OK");
    await Promise.all([a.readAcross([n1, n2]), b.readAcross([n2, n1])]);
    assertTabsAgree([a, b]);
  },
});
