import assert from "node:assert/strict";
import { emptyRequirements } from "../protocol/brief.js";
import { OfflineEngine } from "./offline/mod.ts";
import { changesToAnswer, parseTypedLines, readCorrection, review } from "./review.ts";
import { drive } from "./testing.ts";

const base = {
  ...emptyRequirements("A tool library for neighbours"),
  later: ["iOS app", "reports"],
  users: ["neighbours"],
  platforms: ["Web", "iOS", "Android"],
  features: ["bookings", "reminders"],
  timeline: "a few days",
};

Deno.test("readCorrection sets a field from 'timeline is 6 months', with the reply as evidence", () => {
  const r = readCorrection("timeline is 6 months", base);
  assert.equal(r.requirements.timeline, "6 months");
  assert.deepEqual(r.changed, ["timeline"]);
  assert.deepEqual(r.notUnderstood, []);
  assert.deepEqual(r.requirements.evidence?.timeline, [
    { quote: "timeline is 6 months", questionId: "review", rule: "review" },
  ]);
});

Deno.test("readCorrection reads users with a first group, 'no mobile app' and 'budget 20k'", () => {
  const r = readCorrection(
    "Users are renters and landlords, start with landlords. No mobile app. Budget 20k",
    base,
  );
  assert.deepEqual(r.requirements.users, ["landlords", "renters"]);
  assert.deepEqual(r.requirements.platforms, ["Web"]);
  assert.deepEqual(r.requirements.later, ["reports"], "ruled out is not later either");
  assert.deepEqual(r.requirements.excluded, ["mobile app"]);
  assert.equal(r.requirements.budget, "20k");
  assert.deepEqual(r.changed.sort(), ["budget", "excluded", "later", "platforms", "users"]);
  assert.deepEqual(r.notUnderstood, []);
});

Deno.test("readCorrection accepts 'ok' and returns what it did not understand", () => {
  assert.deepEqual(readCorrection("OK!", base), {
    requirements: base,
    changed: [],
    notUnderstood: [],
  });
  const r = readCorrection("timeline is 6 months; purple elephants dance", base);
  assert.equal(r.requirements.timeline, "6 months");
  assert.deepEqual(r.notUnderstood, ["purple elephants dance"]);
});

Deno.test("changesToAnswer and parseTypedLines round-trip typed changes", () => {
  const text = changesToAnswer({ timeline: "6 months", users: ["nurses, senior", "doctors"] });
  assert.equal(text, 'users: ["nurses, senior","doctors"]\ntimeline: 6 months');
  assert.deepEqual(parseTypedLines(text), {
    users: ["nurses, senior", "doctors"],
    timeline: "6 months",
  });
  assert.equal(changesToAnswer({}), "ok");
  assert.equal(parseTypedLines("timeline is 6 months"), undefined);
});

Deno.test("review asks once more, naming what it did not understand, then goes on", async () => {
  const { frames, value } = await drive(
    review({
      engine: new OfflineEngine(),
      signal: AbortSignal.timeout(5_000),
      requirements: base,
      transcript: [],
      maxRounds: 3,
    }),
    ["gibberish words here", "timeline is 6 months"],
  );
  const questions = frames.filter((f) => f.type === "question");
  assert.deepEqual(questions.map((q) => [q.data.id, q.data.topic]), [["review", "review"], [
    "review-2",
    "review",
  ]]);
  assert.match(questions[1]!.data.question, /I did not understand: “gibberish words here”/);
  assert.match(questions[0]!.data.question, /Reply \*ok\* to go on, or tell me what to change\./);
  assert.deepEqual((questions[0]!.data.review as { requirements: unknown }).requirements, base);
  assert.equal(value.requirements.timeline, "6 months");
  assert.deepEqual(value.transcript.map((q) => q.id), ["review", "review-2"]);
});

Deno.test("readCorrection leaves the requirements it was given as they were (it copies, never edits)", () => {
  const given = {
    ...base,
    evidence: { "features:bookings": [{ quote: "bookings", questionId: "q1", rule: "r" }] },
  };
  const before = JSON.stringify(given);
  for (
    const reply of [
      "no mobile app; reports later; add offline mode; users are nurses and doctors, start with nurses",
      "timeline: 6 months\nfeatures: maps, chat",
    ]
  ) {
    const r = readCorrection(reply, given);
    assert.notEqual(r.changed.length, 0);
    assert.equal(JSON.stringify(given), before);
  }
});
