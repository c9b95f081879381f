/**
 * Resume, idempotent answers, several tabs, cancel and restart: written once, run against
 * every transport (in-process and WebSocket, memory and SQLite stores).
 */
import assert from "node:assert/strict";
import { ProtocolVerifier } from "../protocol/verify.js";
import { AnsweringClient as Client, SAMPLE_ANSWERS } from "./_seed_client.ts";
import { type Transport, transports } from "./_transports.ts";

const ANSWERS = SAMPLE_ANSWERS;

async function fullLength(t: Transport): Promise<number> {
  const c = new Client();
  await using peer = await t.open("length");
  assert.equal(await c.run(peer), "complete");
  return c.seen.length;
}

for (const { name, start } of transports) {
  Deno.test(`[${name}] dropping after every frame position and resuming loses and doubles nothing`, async () => {
    await using t = await start();
    const n = await fullLength(t);
    for (let k = 1; k < n; k++) {
      const c = new Client();
      const first = await t.open(`drop-${k}`);
      assert.equal(await c.run(first, () => c.seen.length >= k), "stopped", `drop at ${k}`);
      await first.close();
      await using second = await t.open(`drop-${k}`, { token: c.token, lastSeq: c.lastSeq });
      assert.equal(await c.run(second), "complete", `resume after ${k}`);
      // Connection-only frames (a follower's or a finished session's resume notice) have none.
      const seqs = c.seen.filter((f) => f.seq !== undefined).map((f) => f.seq);
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `gapless, no duplicate, after ${k}`);
      const v = new ProtocolVerifier();
      for (const f of c.seen) v.server(f as never);
      const questions = c.seen.filter((f) => f.type === "question").map((f) => f.data.id);
      assert.deepEqual(questions, [...new Set(questions)], `each question once, after ${k}`);
      const answered = c.seen.filter((f) => f.type === "answered").map((f) => f.data.questionId);
      assert.deepEqual(answered, questions, `each answer applied once, after ${k}`);
    }
  });

  Deno.test(`[${name}] a wrong or missing token opens nothing`, async () => {
    await using t = await start();
    const c = new Client();
    await using peer = await t.open("owner");
    await c.run(peer, () => c.seen.length >= 4);
    const wrong = [
      c.token.slice(0, -2) + (c.token.endsWith("AA") ? "BB" : "AA"),
      `${c.sessionId}.`,
      "not-a-token",
      `nosuchsession.${c.token.split(".")[1]}`,
    ];
    for (const token of wrong) {
      await using thief = await t.open("owner", { token, lastSeq: 0 });
      const err = await thief.next();
      assert.equal(err.type, "error");
      assert.equal(err.data.code, "bad_token");
      assert.match(String(err.data.message), /Session not found or the token does not match/);
      await assert.rejects(thief.next(), /closed/);
    }
    // The right token on another client id is refused too: the client id is part of it.
    await using other = await t.open("someone-else", { token: c.token, lastSeq: 0 });
    assert.equal((await other.next()).data.code, "bad_token");
    await using missing = await t.open("owner", { token: "", lastSeq: 0 });
    assert.equal((await missing.next()).data.code, "bad_frame");
  });

  Deno.test(`[${name}] a replayed answer is applied once; a different one is refused`, async () => {
    await using t = await start();
    await using peer = await t.open("replay");
    const q = await peer.until("question");
    const answer = { type: "answer", questionId: q.data.id, answer: ANSWERS[0] };
    peer.send(answer);
    peer.send(answer);
    peer.send(answer);
    const answered = await peer.until("answered");
    assert.equal(answered.data.questionId, q.data.id);
    peer.send({ ...answer, answer: "Something else entirely" });
    const err = await peer.until("error");
    assert.equal(err.data.code, "already_answered");
    assert.equal(peer.frames.filter((f) => f.type === "answered").length, 1);
  });

  Deno.test(`[${name}] two tabs on one session see one stream; the first answer wins`, async () => {
    await using t = await start();
    const a = new Client();
    await using tabA = await t.open("tabs");
    await tabA.until("question");
    a.token = String(tabA.frames[0]!.data.token);
    await using tabB = await t.open("tabs", { token: a.token, lastSeq: 0 });
    const resumed = await tabB.until("session").then((f) =>
      f.data.token ? tabB.until("session") : f
    );
    assert.equal(resumed.data.resumed, true);
    assert.equal(tabB.frames[0]?.data.token, a.token, "the replay's first frame carries the token");
    const q = tabB.frames.find((f) => f.type === "question")!;
    // Both tabs answer the same question; the first to arrive wins.
    tabA.send({ type: "answer", questionId: q.data.id, answer: "From tab A" });
    tabB.send({ type: "answer", questionId: q.data.id, answer: "From tab B" });
    const inA = await tabA.until("answered");
    const inB = await tabB.until("answered");
    assert.deepEqual(inA, inB);
    assert.equal(inA.data.answer, "From tab A");
    // The refusal is tab B's alone. On a node that follows the session (cluster mode) it
    // travels back from the owner and may come after the frames that followed the answer.
    let err, nextB;
    while (!err || !nextB) {
      const f = await tabB.next();
      if (f.type === "error") err = f;
      else if (f.type === "question") nextB = f;
    }
    assert.equal(err.data.code, "already_answered");
    assert.equal(err.seq, undefined, "an input error is the connection's: no seq");
    // From here both tabs get the same frames with the same seq.
    const nextA = await tabA.until("question");
    assert.deepEqual(nextA, nextB);
    assert.deepEqual(tabA.frames.filter((f) => f.type === "error"), [], "tab A did nothing wrong");
    const seqsB = tabB.frames.filter((f) => f.seq !== undefined).map((f) => f.seq);
    assert.deepEqual(seqsB, seqsB.map((_, i) => i + 1));
  });

  Deno.test(`[${name}] cancel stops the conversation and says so`, async () => {
    await using t = await start();
    await using peer = await t.open("stop");
    await peer.until("question");
    peer.send({ type: "cancel" });
    const cancelled = await peer.until("cancelled");
    assert.equal(cancelled.data.message, "Stopped at your request");
    peer.send({ answer: "too late" });
    const err = await peer.next();
    assert.equal(err.type, "error");
    assert.match(String(err.data.message), /conversation is cancelled/);
    peer.send({ type: "cancel" });
    assert.equal((await peer.next()).data.code, "not_running");
  });

  Deno.test(`[${name}] restart starts a new session on the same connection`, async () => {
    await using t = await start();
    await using peer = await t.open("again");
    const first = await peer.until("session");
    await peer.until("question");
    peer.send({ type: "restart" });
    assert.equal(
      (await peer.until("cancelled")).data.message,
      "Restarted: a new conversation began",
    );
    const second = await peer.until("session");
    assert.equal(second.seq, 1);
    assert.notEqual(second.data.sessionId, first.data.sessionId);
    assert.notEqual(second.data.token, first.data.token);
    const q = await peer.until("question");
    assert.equal(q.data.id, "clarifier-r1-q1");
  });
}
