/** The reducer's review, edit and version state: arrays of frames in, states out. */
import assert from "node:assert/strict";
import { type AnyFrame, applyFrame, initialState } from "./state.js";

let ts = 1_700_000_000_000;
const f = (seq: number, type: string, data: unknown): AnyFrame =>
  ({ type, data, seq, ts: ++ts }) as AnyFrame;
const requirements = { idea: "Tools", users: ["neighbours"], timeline: "a few days" };

const frames: AnyFrame[] = [
  f(1, "session", { sessionId: "s1", clientId: "tab", resumed: false, token: "t" }),
  f(2, "question", { question: "Idea?", id: "q1", agent: "clarifier", topic: "idea" }),
  f(3, "answered", { questionId: "q1", answer: "Tools" }),
  f(4, "question", {
    question: "Here is what I understood",
    id: "review",
    agent: "clarifier",
    topic: "review",
    review: { requirements, evidence: { timeline: [{ quote: "a few days", rule: "r" }] } },
  }),
  f(5, "answered", { questionId: "review", answer: "timeline: 6 months" }),
  f(6, "complete", { summary: "# v1", brief: { title: "v1" }, version: 1 }),
  f(7, "edited", { questionId: "q1", answer: "Tool library", version: 2 }),
  f(8, "status", { message: "Starting", stage: "clarifier" }),
  f(9, "complete", { summary: "# v2", brief: { title: "v2" }, version: 2, changes: { from: 1 } }),
];

Deno.test("applyFrame: review while asked, editing until the re-run's brief, every version kept", () => {
  const states = [];
  let s = initialState();
  for (const frame of frames) states.push(s = applyFrame(s, frame));
  assert.deepEqual(states[3]!.review, {
    questionId: "review",
    question: "Here is what I understood",
    requirements,
    evidence: { timeline: [{ quote: "a few days", rule: "r" }] },
  });
  assert.equal(states[4]!.review, null);
  assert.deepEqual([states[5]!.version, states[5]!.complete], [1, true]);
  const editing = states[6]!;
  assert.deepEqual(editing.editing, { questionId: "q1", answer: "Tool library", version: 2 });
  assert.equal(editing.complete, false);
  assert.equal(editing.summary, "# v1", "the previous brief stays shown while the re-run works");
  assert.deepEqual(editing.transcript.map((e) => [e.id, e.answer]), [
    ["q1", "Tool library"],
    ["review", "timeline: 6 months"],
  ]);
  assert.equal(s.editing, null);
  assert.deepEqual(s.versions.map((v) => [v.version, v.summary, v.changes]), [
    [1, "# v1", null],
    [2, "# v2", { from: 1 }],
  ]);
  assert.equal(s.version, 2);
});

Deno.test("applyFrame: a complete replayed after a resume does not duplicate its version", () => {
  let s = initialState();
  for (const frame of [...frames, frames[5]!]) s = applyFrame(s, frame);
  assert.deepEqual(s.versions.map((v) => v.version), [1, 2]);
});
