/**
 * Session: a `finish` frame ("brief me on what I have said so far") ends the interview at
 * the pending question; the analysts run on the answers given, also after a restart.
 */
import assert from "node:assert/strict";
import { FINISH_ANSWER, parseClientFrame } from "../protocol/mod.js";
import { ProtocolVerifier } from "../protocol/verify.js";
import { RecordingConnection, testRegistry } from "./_testing.ts";
import { readSession } from "./mod.ts";
import { MemoryStore } from "./store.ts";

Deno.test("parseClientFrame accepts the finish frame", () => {
  assert.deepEqual(parseClientFrame('{"type":"finish"}'), {
    success: true,
    value: { type: "finish" },
  });
});

Deno.test("Session finish: the pending question is withdrawn and the brief follows", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ store });
  const conn = new RecordingConnection();
  const session = registry.create("finish", conn);
  const q1 = await conn.until("question");
  // Nothing said yet: nothing to brief.
  session.handle({ type: "finish" }, conn);
  assert.equal((await conn.until("error")).data.code, "bad_frame");
  // A person cannot send the marker as an answer.
  session.handle({ type: "answer", questionId: String(q1.data.id), answer: FINISH_ANSWER }, conn);
  assert.equal((await conn.until("error")).data.code, "bad_frame");
  session.handle({ type: "answer", questionId: String(q1.data.id), answer: "A tool library" });
  const q2 = await conn.until("question");
  session.handle({ type: "finish" });
  assert.deepEqual((await conn.until("answered")).data, {
    questionId: q2.data.id,
    answer: "",
    finish: true,
  });
  const result = await conn.until("result");
  assert.equal(result.data.agent, "clarifier");
  const clarified = result.data.data as { done: boolean; resp: { answer: string }[] };
  assert.equal(clarified.done, true, "no further round after finish");
  assert.deepEqual(clarified.resp, [], "the withdrawn question is not in the round");
  await conn.until("complete");
  assert.deepEqual(
    conn.frames.filter((f) => f.type === "answered").map((f) => f.data.answer),
    ["A tool library", ""],
  );
  assert.equal(conn.frames.filter((f) => f.type === "question").length, 2);
  assert.equal(store.answers(session.id).get(String(q2.data.id)), FINISH_ANSWER);
  const frames = store.frames(session.id).map((f) => JSON.parse(f.text));
  assert.deepEqual(
    readSession(store.frames(session.id)).transcript,
    [{ id: q1.data.id, question: q1.data.question, answer: "A tool library" }],
    "the HTTP view leaves the withdrawn question out",
  );
  const verifier = new ProtocolVerifier();
  for (const f of frames) verifier.server(f); // throws on a broken ordering rule
  await registry.shutdown();
});
