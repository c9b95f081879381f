/**
 * The protocol conformance suite: written once, run against every transport. Each test
 * plays a seed-only client unless it says otherwise.
 */
import assert from "node:assert/strict";
import { ProtocolVerifier } from "../protocol/verify.js";
import { SAMPLE_ANSWERS, type SeedFrame } from "./_seed_client.ts";
import { type Peer, transports } from "./_transports.ts";

const SEED_TYPES = new Set(["status", "progress", "question", "result", "complete", "error"]);
/** Types a seed client ignores that a conversation with no model sends. */
const ADDED_TYPES = new Set(["session", "answered"]);
const ANSWERS = [...SAMPLE_ANSWERS, "not sure", "no"];

/** Answers every question (seed-style) until `complete`; checks ordering as it goes. */
async function finish(peer: Peer, verifier = new ProtocolVerifier(), answers = ANSWERS) {
  let i = 0;
  for (;;) {
    const f = await peer.next();
    verifier.server(f as never);
    if (f.type === "question") {
      verifier.answer(undefined);
      peer.send({ answer: answers[i++] ?? "no" });
    }
    if (f.type === "complete") return { frames: peer.frames, verifier };
  }
}

/** Reads to the next question, checking order. */
async function toQuestion(peer: Peer, verifier: ProtocolVerifier): Promise<SeedFrame> {
  for (;;) {
    const f = await peer.next();
    verifier.server(f as never);
    if (f.type === "question") return f;
  }
}

for (const { name: t, start } of transports) {
  Deno.test(`[${t}] a seed-only client completes a whole conversation`, async () => {
    await using transport = await start();
    await using peer = await transport.open("seed-1");
    const { frames: all } = await finish(peer);
    assert.deepEqual(all.map((f) => f.seq), all.map((_, i) => i + 1));
    assert.ok(all.every((f) => typeof f.ts === "number"));
    assert.ok(all.every((f) => SEED_TYPES.has(f.type) || ADDED_TYPES.has(f.type)));
    assert.equal(all[0]?.type, "session");
    assert.equal(
      all.filter((f) => f.type === "answered").length,
      all.filter((f) => f.type === "question").length,
    );
    // What a seed client sees, once it ignores the types it does not know:
    const frames = all.filter((f) => SEED_TYPES.has(f.type));
    assert.deepEqual(frames[0]?.data, {
      message: "Starting Clarifier conversation...",
      stage: "clarifier",
    });
    const results = frames.filter((f) => f.type === "result").map((f) => f.data.agent);
    assert.deepEqual(results.filter((a) => a !== "clarifier"), [
      "product",
      "customer",
      "engineer",
      "risk",
    ]);
    const rounds = frames.filter((f) => f.type === "result" && f.data.agent === "clarifier");
    assert.ok(rounds.length >= 1 && rounds.length <= 3);
    for (const [i, r] of rounds.entries()) {
      const d = r.data.data as { done: boolean; resp: unknown[] };
      assert.equal(d.done, i === rounds.length - 1);
      assert.ok(Array.isArray(d.resp) && d.resp.length > 0);
    }
    const summary = frames.at(-1)?.data.summary;
    assert.equal(typeof summary, "string");
    assert.match(summary as string, /dog/i);
    assert.equal(frames.filter((f) => f.type === "error").length, 0);
  });

  Deno.test(`[${t}] typed answers naming the question id complete a conversation`, async () => {
    await using transport = await start();
    await using peer = await transport.open("typed-1");
    const v = new ProtocolVerifier();
    let i = 0;
    for (;;) {
      const f = await peer.next();
      v.server(f as never);
      if (f.type === "question") {
        const id = String(f.data.id);
        v.answer(id);
        peer.send({ type: "answer", questionId: id, answer: ANSWERS[i++] ?? "no" });
      }
      if (f.type === "complete") break;
    }
    assert.ok(i >= 1);
  });

  const badInputs: [string, string, RegExp][] = [
    ["text that is not JSON", "hello there", /^Frame is not JSON/],
    ["a JSON array", "[1,2,3]", /^Frame is not a JSON object/],
    ["a wrong shape", '{"answer": 42}', /^Frame has the wrong shape at "answer"/],
    ["an unknown type", '{"type":"shout","answer":"x"}', /^Unknown frame type "shout"/],
    [
      "a frame over 64 KiB",
      JSON.stringify({ answer: "x".repeat(70_000) }),
      /^Frame is too large: 70013 bytes/,
    ],
    [
      "an answer to the wrong question",
      '{"type":"answer","questionId":"clarifier-r9-q9","answer":"x"}',
      /^Answer names question clarifier-r9-q9, but the question waiting is clarifier-r1-q1/,
    ],
  ];
  for (const [what, text, message] of badInputs) {
    Deno.test(`[${t}] ${what} gets an error frame and the conversation goes on`, async () => {
      await using transport = await start();
      await using peer = await transport.open(`bad-${what.replaceAll(" ", "-")}`);
      const v = new ProtocolVerifier();
      const q = await toQuestion(peer, v);
      peer.send(text);
      const err = await peer.next();
      v.server(err as never);
      assert.equal(err.type, "error");
      assert.match(String(err.data.message), message);
      assert.equal(typeof err.data.code, "string");
      v.answer(undefined);
      peer.send({ answer: ANSWERS[0] });
      const next = await toQuestion(peer, v);
      assert.notEqual(next.data.id, q.data.id);
      v.answer(undefined);
      peer.send({ answer: ANSWERS[1] });
      await finish(peer, v);
    });
  }

  Deno.test(`[${t}] an answer with no question pending gets an error frame`, async () => {
    await using transport = await start();
    await using peer = await transport.open("late-answer");
    const { verifier } = await finish(peer);
    peer.send({ answer: "one more thing" });
    const err = await peer.next();
    assert.equal(err.type, "error");
    assert.equal(err.data.code, "no_question");
    assert.match(String(err.data.message), /conversation is complete/);
    // Input errors are the connection's: no seq, not part of the session's log.
    assert.equal(err.seq, undefined);
    verifier.server(err as Parameters<typeof verifier.server>[0]);
  });
}

for (const { name: t, start } of transports) {
  Deno.test(`[${t}] a seed-only client corrects the review with free text, and is asked once more when not understood`, async () => {
    await using transport = await start();
    await using peer = await transport.open("review-1");
    const v = new ProtocolVerifier();
    let i = 0;
    const replies = ["timeline is 6 months; purple elephants", "ok"];
    let done: SeedFrame | undefined;
    while (!done) {
      const f = await peer.next();
      v.server(f as never);
      if (f.type === "complete") done = f;
      if (f.type !== "question") continue;
      v.answer(undefined);
      peer.send({ answer: f.data.topic === "review" ? replies.shift()! : ANSWERS[i++] ?? "no" });
    }
    const reviews = peer.frames.filter((f) => f.type === "question" && f.data.topic === "review");
    assert.deepEqual(reviews.map((f) => f.data.id), ["review", "review-2"]);
    assert.match(String(reviews[0]!.data.question), /Reply \*ok\* to go on/);
    assert.match(String(reviews[1]!.data.question), /I did not understand: “purple elephants”/);
    const brief = done.data.brief as { requirements: { timeline?: string } };
    assert.equal(brief.requirements.timeline, "6 months");
  });

  Deno.test(`[${t}] an edit after complete is acknowledged with edited and briefs version 2`, async () => {
    await using transport = await start();
    await using peer = await transport.open("edit-1");
    const { verifier } = await finish(peer);
    const first = peer.frames.find((f) => f.type === "question")!;
    peer.send({ type: "edit", questionId: first.data.id, answer: "A dog-walking app for Berlin" });
    for (;;) {
      const f = await peer.next();
      verifier.server(f as never);
      if (f.type === "question") {
        verifier.answer(undefined);
        peer.send({ answer: "no" });
      }
      if (f.type === "complete") {
        assert.equal(f.data.version, 2);
        break;
      }
    }
    const edited = peer.frames.filter((f) => f.type === "edited");
    assert.deepEqual(edited.map((f) => f.data), [
      { questionId: first.data.id, answer: "A dog-walking app for Berlin", version: 2 },
    ]);
  });
}
