/**
 * Parley on a Redis Cluster: one `redis-server` with `cluster-enabled yes` that holds all
 * 16,384 slots, so Redis applies Cluster's rules (a script's keys must share one slot)
 * without needing a client that follows redirects. A session's own keys share the hash tag
 * `{sid}`; a takeover must work there too.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { assertTabsAgree, Cluster, nthQuestion, redisOwner, Tab, until } from "./_cluster.ts";

Deno.test({
  name:
    "cluster on Redis Cluster: SIGKILL of the owner is taken over (the claim checks the lease, then CASes in the session's slot)",
  ignore: await skipWithoutRedis(),
  async fn() {
    await using redis = await startRedis([
      "--cluster-enabled",
      "yes",
      "--cluster-config-file",
      "nodes.conf",
    ]);
    await redis.cli("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
    await until(
      async () => (await redis.cli("CLUSTER", "INFO")).includes("cluster_state:ok"),
      "the one-node Redis Cluster to be up",
    );
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await a.start(n1);
    await a.read(nthQuestion(2));
    await b.join(n2, a);
    await b.read((f) => f.seq === a.lastSeq);
    await n1.kill();
    b.answering = true;
    b.answer(b.pending!);
    assert.equal((await b.read()).type, "complete");
    assertTabsAgree([b]);
    assert.equal((await redisOwner(redis.cli, a.sessionId)).owner, "n2");
  },
});
