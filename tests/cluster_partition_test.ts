/**
 * An owner cut off from Redis (a frozen TCP proxy between them: its connections stay open,
 * nothing gets through) while it keeps serving its tab. The node watching from the other
 * side takes the session over once the lease lapses; when the partition heals, what the
 * cut-off owner held back reaches Redis and is refused by the fence. Its tab sees nothing
 * that is not in the log, moves to the new owner, and the conversation finishes once.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { startTcpProxy } from "./_tcp_proxy.ts";
import {
  assertTabsAgree,
  FAST,
  Node,
  nthQuestion,
  redisLog,
  redisOwner,
  shape,
  Tab,
  until,
} from "./_cluster.ts";

Deno.test({
  name:
    "cluster: an owner partitioned from Redis loses its session to the watching node and is fenced when it heals",
  ignore: await skipWithoutRedis(),
  async fn() {
    await using redis = await startRedis();
    await using proxy = startTcpProxy(redis.port);
    await using n1 = await Node.start("n1", {
      PARLEY_REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      ...FAST,
    });
    await using n2 = await Node.start("n2", { PARLEY_REDIS_URL: redis.url, ...FAST });
    await using a = new Tab("a", true); // on n1, the side that is cut off
    await using b = new Tab("b"); // on n2, with Redis
    await a.start(n1);
    await a.read(nthQuestion(2));
    const sid = a.sessionId;
    await b.join(n2, a);
    await b.read((f) => f.seq === a.lastSeq);
    const before = await redisOwner(redis.cli, sid);

    proxy.freeze();
    await until(
      async () => (await redisOwner(redis.cli, sid)).owner === "n2",
      "n2 to take the session over once n1's lease lapsed",
    );
    // n1 still believes it owns the session: it takes the answer, and its append waits
    // behind the partition.
    const pending = a.pending!;
    a.answer(pending);
    b.answering = true;
    b.answer(pending);
    assert.equal((await b.read()).type, "complete");
    proxy.thaw();
    await a.readAcross([n2]);

    assertTabsAgree([b, a]);
    const log = await redisLog(redis.cli, sid);
    assert.deepEqual(log.map(shape), b.logged.map(shape), "every tab saw exactly the log");
    const after = await redisOwner(redis.cli, sid);
    assert.equal(after.owner, "n2");
    assert.ok(Number(after.epoch) > Number(before.epoch));
    assert.equal(
      b.logged.filter((f) => f.type === "answered" && f.data.questionId === pending).length,
      1,
    );
  },
});
