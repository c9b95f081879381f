/**
 * An owner frozen past its lease (SIGSTOP) while another node takes its session over, then
 * woken (SIGCONT) and handed an answer at once, before it can notice: it is fenced. It
 * sends its tab nothing that is not in the session's log, the log has no frame twice, and
 * the conversation finishes through the new owner.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import {
  assertTabsAgree,
  Cluster,
  nthQuestion,
  redisLog,
  redisOwner,
  shape,
  Tab,
  until,
} from "./_cluster.ts";

Deno.test({
  name:
    "cluster: an owner paused past its lease is fenced: it sends nothing more, the new owner finishes",
  ignore: await skipWithoutRedis(),
  async fn() {
    await using redis = await startRedis();
    await using cluster = await Cluster.start(redis.url, 2);
    const [n1, n2] = [cluster.node(1), cluster.node(2)];
    await using a = new Tab("a", true); // on the owner
    await using b = new Tab("b"); // watches from n2
    await a.start(n1);
    await a.read(nthQuestion(2));
    const sid = a.sessionId;
    await b.join(n2, a);
    await b.read((f) => f.seq === a.lastSeq);
    const before = await redisOwner(redis.cli, sid);
    assert.equal(before.owner, "n1");

    n1.pause();
    try {
      // n2 has a tab watching: it takes over once n1's lease has lapsed.
      await until(
        async () => (await redisOwner(redis.cli, sid)).owner === "n2",
        "n2 to take the session over",
      );
    } finally {
      n1.unpause();
    }
    // At once, before n1 can see it lost the session: an answer on n1's socket, which n1
    // still believes it owns. Whatever n1 does with it, it may not append it itself.
    const pending = a.pending!;
    a.answer(pending);
    // The same answer from n2 too: whichever arrives first counts, once.
    b.answering = true;
    b.answer(pending);
    assert.equal((await b.read()).type, "complete");
    await a.readAcross([n2]);

    // a's frames, those n1 sent after waking included, are the log's, frame for frame.
    assertTabsAgree([b, a]);
    const log = await redisLog(redis.cli, sid);
    assert.deepEqual(log.map(shape), b.logged.map(shape), "every tab saw exactly the log");
    const after = await redisOwner(redis.cli, sid);
    assert.equal(after.owner, "n2");
    assert.ok(Number(after.epoch) > Number(before.epoch), "the takeover raised the epoch");
    assert.equal(
      b.logged.filter((f) => f.type === "answered" && f.data.questionId === pending).length,
      1,
      "the answer sent to both nodes counted once",
    );
  },
});
