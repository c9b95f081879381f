/**
 * Redis failing under a running cluster: a `redis-server` SIGKILLed mid-conversation and
 * started again on its AOF (`appendfsync always`) loses no frame a tab received, the nodes
 * reconnect by themselves and the conversation finishes; a dropped subscription
 * (`CLIENT KILL TYPE pubsub`, the lost notification) stalls no tab.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { assertTabsAgree, Cluster, nthQuestion, redisLog, shape, Tab } from "./_cluster.ts";

const ignore = await skipWithoutRedis();

Deno.test({
  name:
    "cluster: a Redis restart mid-conversation loses no frame a tab got, and the nodes carry on",
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

    // The answer and the kill together: the pipeline is writing when Redis dies.
    a.answer(a.pending!);
    await redis.kill();
    await redis.restart();
    await Promise.all([a.readAcross([n2, n1]), b.readAcross([n1, n2])]);

    assertTabsAgree([a, b]);
    const log = await redisLog(redis.cli, a.sessionId);
    assert.deepEqual(log.map(shape), a.logged.map(shape), "every frame sent is in the log");
  },
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
