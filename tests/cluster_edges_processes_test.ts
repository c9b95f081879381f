/**
 * Cluster mode with real `main.ts` processes (`tests/_cluster.ts`): a SIGTERM'd node hands
 * its sessions over at once. With a lease of a minute, only the handover (the lease key
 * released on shutdown) can explain a takeover within the test's wait.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { assertTabsAgree, Cluster, nthQuestion, redisOwner, Tab } from "./_cluster.ts";

const ignore = await skipWithoutRedis();

Deno.test({
  name:
    "cluster edges: SIGTERM of the owner process hands its watched session over without waiting for the lease; every tab finishes",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2, {
      PARLEY_NODE_LEASE_MS: "60000",
      PARLEY_CLUSTER_CHECK_MS: "250",
    });
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await a.start(n1);
    await a.read(nthQuestion(2));
    await b.join(n2, a);
    await b.read((f) => f.type === "session" && f.seq === undefined); // its resume notice
    assert.equal((await redisOwner(redis.cli, a.sessionId)).owner, "n1");

    assert.equal(await n1.terminate(), 0, "a clean exit");
    assert.equal(await redis.cli("EXISTS", "parley:node:n1"), "0", "the lease was released");
    assert.equal(a.sock!.ws.readyState, WebSocket.CLOSED);
    // n2 takes the session over by itself (b watches it): b learns of it from the log.
    const taken = await b.read((f) => f.type === "session" && typeof f.seq === "number");
    assert.equal(taken.data.resumed, true);
    assert.equal(taken.data.pending, a.pending, "the question a had not answered yet");
    const owner = await redisOwner(redis.cli, a.sessionId);
    assert.deepEqual(owner, { owner: "n2", epoch: "2" });
    // a comes back on n2 and answers the rest; b reads along.
    await a.join(n2);
    const [doneA, doneB] = await Promise.all([a.read(), b.read()]);
    assert.equal(doneA.type, "complete");
    assert.equal(doneB.type, "complete");
    assertTabsAgree([a, b]);
    assert.ok(n2.logged("session taken over").length === 1, "one takeover, by n2");
    assert.ok(n1.logged("session taken over").length === 0);
  },
});
