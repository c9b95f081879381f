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

Deno.test({
  name:
    "cluster edges: an answer sent on another node in the gap between the owner's SIGKILL and the takeover is applied once by the new owner",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await using b = new Tab("b"); // answers only after the gap's answer is applied
    await a.start(n1);
    await a.read(nthQuestion(2));
    a.answering = false; // from now on only b answers
    await b.join(n2, a);
    const pending = await b.read((f) => f.type === "session" && f.seq === undefined);
    assert.equal(pending.data.pending, a.pending);
    await n1.kill();
    // n1 is dead, its lease not yet lapsed: b's answer goes to the input stream for n1.
    b.answer(String(pending.data.pending));
    // Nobody sends it again: the new owner must find it in the input stream.
    await b.read((f) => f.type === "answered" && f.data.questionId === pending.data.pending);
    b.answering = true;
    const done = await b.read();
    assert.equal(done.type, "complete");
    await a.join(n2);
    await a.read();
    assertTabsAgree([a, b]);
    const answered = b.logged.filter((f) =>
      f.type === "answered" && f.data.questionId === pending.data.pending
    );
    assert.equal(answered.length, 1, "applied once");
    assert.equal(answered[0]!.data.answer, b.answerFor(String(pending.data.pending)));
    assert.deepEqual(b.frames.filter((f) => f.type === "error"), [], "no error for b");
    assert.equal((await redisOwner(redis.cli, a.sessionId)).owner, "n2");
  },
});

Deno.test({
  name:
    "cluster edges: every key Parley leaves in Redis has an expiry, and every session key carries its session's hash tag",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a");
    await using b = new Tab("b", true); // answers from n2: forwarded input, a watch key
    await a.start(n1);
    await a.read(nthQuestion(1));
    await b.join(n2, a);
    await b.read();
    const keys = (await redis.cli("--raw", "KEYS", "*")).split("\n").filter(Boolean);
    assert.ok(keys.length >= 4, `keys: ${keys}`);
    for (const key of keys) {
      const ttl = Number(await redis.cli("PTTL", key));
      assert.ok(ttl > 0, `${key} expires (PTTL ${ttl})`);
      assert.match(key, /^parley:/, `${key} is under parley:`);
      if (!key.startsWith("parley:node:")) {
        assert.ok(key.includes(`{${a.sessionId}}`), `${key} carries the hash tag`);
      }
    }
    assert.ok(keys.includes(`parley:{${a.sessionId}}:in`), "the forwarded input's stream");
  },
});
