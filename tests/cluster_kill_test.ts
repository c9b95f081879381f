/**
 * SIGKILL of a session's owner among three nodes on one Redis: the tabs on the other nodes,
 * and the tab of the killed node resuming elsewhere, all finish at `complete` with the same
 * log, gapless, no seq twice, exactly one `complete`. Real `main.ts` processes, a real
 * `redis-server`, seed-protocol WebSocket clients; the model, where one is needed, is a fake
 * provider on loopback.
 */
import assert from "node:assert/strict";
import { sampleAnalyses } from "../agents/testing.ts";
import { planAsk, planDone } from "./_model_plans.ts";
import { chatStream, type FakeRequest, hang, startFake } from "./_fake_openai.ts";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import {
  assertTabsAgree,
  Cluster,
  nthQuestion,
  redisLog,
  redisOwner,
  Tab,
  until,
  within,
} from "./_cluster.ts";

const ignore = await skipWithoutRedis();

Deno.test({
  name:
    "cluster: SIGKILL of the owner while a question is pending: another node takes over, every tab finishes",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 3);
    const [n1, n2, n3] = [cluster.node(1), cluster.node(2), cluster.node(3)];
    await using a = new Tab("a", true); // answers on the owner, until it dies
    await using b = new Tab("b"); // watches from another node, answers after the kill
    await using c = new Tab("c"); // only watches, from the third
    await a.start(n1);
    await a.read(nthQuestion(2));
    const sid = a.sessionId;
    assert.equal((await redisOwner(redis.cli, sid)).owner, "n1");
    const pendingSeq = a.lastSeq;
    await b.join(n2, a);
    await c.join(n3, a);
    // Both followers have caught up to the pending question before the owner dies.
    await b.read((f) => f.seq === pendingSeq);
    await c.read((f) => f.seq === pendingSeq);
    const before = await redisOwner(redis.cli, sid);

    await n1.kill();
    await until(() => a.sock!.ws.readyState === WebSocket.CLOSED, "a's socket to close");
    // Answered at once, while nobody runs the pipeline: the answer waits in Redis for the
    // node that takes over.
    b.answering = true;
    b.answer(b.pending!);
    const [done] = await Promise.all([b.read(), c.read()]);
    assert.equal(done.type, "complete");
    await a.join(n3);
    await a.read();

    assertTabsAgree([b, c, a]);
    const after = await redisOwner(redis.cli, sid);
    assert.notEqual(after.owner, "n1", "a live node owns the session");
    assert.ok(Number(after.epoch) > Number(before.epoch), "the takeover raised the epoch");
    const log = await redisLog(redis.cli, sid);
    assert.deepEqual(log.map((f) => f.seq), b.logged.map((f) => f.seq), "the log is what was sent");
  },
});

// The Clarifier's model calls are answered at once; the analysts' calls hang until the owner
// has been killed, so one is in flight when it dies. Afterwards they answer.

Deno.test({
  name:
    "cluster: SIGKILL of the owner while an analyst runs: the new owner replays, reuses the Clarifier's calls, every tab finishes",
  ignore,
  async fn() {
    let killed = false;
    const analystStarted = Promise.withResolvers<void>();
    await using fake = await startFake((req: FakeRequest) => {
      if (req.agent === "clarifier") {
        return chatStream(JSON.stringify(req.prompt.includes("A2:") ? planDone : planAsk));
      }
      if (req.agent === "summary") return chatStream("Walkies connects dog owners and walkers.");
      if (!killed) {
        analystStarted.resolve();
        return hang(req);
      }
      return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
    });
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 3, {
      PARLEY_MODEL: "openai:gpt-test",
      PARLEY_API_KEY: "sk-test",
      PARLEY_BASE_URL: fake.baseUrl,
      PARLEY_REVIEW: "off",
    });
    const [n1, n2, n3] = [cluster.node(1), cluster.node(2), cluster.node(3)];
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await using c = new Tab("c");
    await a.start(n1);
    await a.read(nthQuestion(1));
    await b.join(n2, a);
    await c.join(n3, a);
    // a answers the interview; the analysts start on n1 and hang.
    a.answer(a.pending!);
    await a.read((f) =>
      f.type === "result" && f.data.agent === "clarifier" &&
      (f.data.data as { done?: boolean } | null)?.done === true
    );
    await within(analystStarted.promise, "an analyst to call the model");
    const clarifierCalls = fake.requests.filter((r) => r.agent === "clarifier").length;
    killed = true;
    await n1.kill();

    const [doneB, doneC] = await Promise.all([b.read(), c.read()]);
    assert.equal(doneB.type, "complete");
    assert.equal(doneC.type, "complete");
    await a.join(n2);
    await a.read();

    assertTabsAgree([b, c, a]);
    assert.equal(
      fake.requests.filter((r) => r.agent === "clarifier").length,
      clarifierCalls,
      "the Clarifier's recorded calls were replayed, not asked again",
    );
    const results = b.logged.filter((f) => f.type === "result").map((f) => String(f.data.agent));
    assert.deepEqual(results.filter((r) => r !== "clarifier").toSorted(), [
      "customer",
      "engineer",
      "product",
      "risk",
    ]);
    assert.deepEqual(b.logged.filter((f) => f.type === "error"), []);
  },
});

Deno.test({
  name:
    "cluster: SIGKILL of the owner of a session nobody watches: the node the tab resumes on claims it",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await a.start(n1);
    await a.read(nthQuestion(2));
    await n1.kill();
    // No tab on n2 until now: nobody claimed the session; the resume does.
    assert.equal((await redisOwner(redis.cli, a.sessionId)).owner, "n1");
    await a.join(n2);
    assert.equal((await a.read()).type, "complete");
    assertTabsAgree([a]);
    assert.equal((await redisOwner(redis.cli, a.sessionId)).owner, "n2");
  },
});

Deno.test({
  name:
    "cluster: SIGKILL of the owner right as an answer reaches it: the answer counts once, whether or not it was stored",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await a.start(n1);
    await a.read(nthQuestion(3));
    await b.join(n2, a);
    await b.read((f) => f.seq === a.lastSeq);
    const pending = a.pending!;
    a.answer(pending);
    await n1.kill();
    // Sent again from n2: applied if n1 died before storing it, refused as answered if not.
    b.answering = true;
    b.answer(pending);
    assert.equal((await b.read()).type, "complete");
    await a.join(n2);
    await a.read();
    assertTabsAgree([b, a]);
    const answers = b.logged.filter((f) => f.type === "answered" && f.data.questionId === pending);
    assert.equal(answers.length, 1);
  },
});
