/**
 * Edits with a model engine, against the fake OpenAI server on loopback: after an edit of
 * one answer, only the model calls whose input changed are made again. Unchanged clarifier
 * rounds come from the recorded calls, and analysts whose declared input is unchanged keep
 * their result without a call.
 */
import assert from "node:assert/strict";
import { createLlmEngine } from "../agents/llm/mod.ts";
import { sampleAnalyses } from "../agents/testing.ts";
import { RecordingConnection, testRegistry } from "../server/_testing.ts";
import { chatStream, type FakeRequest, startFake } from "./_fake_openai.ts";

const requirements = {
  users: ["Parents", "Children"],
  platforms: ["iOS"],
  features: ["Shared chore list"],
  compliance: ["COPPA"],
  domains: ["children"],
  notes: [],
};
const ask = {
  requirements: { ...requirements, users: [], platforms: [] },
  missing: ["users", "platforms"],
  done: false,
  questions: [
    { topic: "users", question: "Who will use it?" },
    { topic: "timeline", question: "When must it be live?" },
  ],
};

/** The clarifier reads the timeline from the transcript it is sent. */
function clarifier(req: FakeRequest): Response {
  if (!req.prompt.includes("A2:")) return chatStream(JSON.stringify(ask));
  const timeline = req.prompt.includes("In 6 months") ? "6 months" : "3 months";
  return chatStream(
    JSON.stringify({
      requirements: { ...requirements, timeline },
      missing: [],
      done: true,
      questions: [],
    }),
  );
}

/** Model calls per agent among `requests`. */
function perAgent(requests: readonly FakeRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) out[r.agent] = (out[r.agent] ?? 0) + 1;
  return out;
}

Deno.test("An edit with a model engine calls the model only for what read the edited field", async () => {
  await using fake = await startFake((req) => {
    if (req.agent === "clarifier") return clarifier(req);
    if (req.agent === "summary") return chatStream("The overview.");
    return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
  });
  const engine = createLlmEngine({
    model: "openai:gpt-test",
    apiKey: "sk-test",
    baseUrl: fake.baseUrl,
    deltaIntervalMs: 0,
  });
  const registry = testRegistry({ engine, review: true });
  const conn = new RecordingConnection();
  const session = registry.create("llm-edit", conn);
  const answers = ["A chore app for families", "Parents and their children", "In 3 months"];
  let timelineId = "";
  for (;;) {
    const f = await conn.next();
    if (f.type === "complete") break;
    if (f.type !== "question") continue;
    if (f.data.topic === "timeline") timelineId = String(f.data.id);
    session.handle({ answer: f.data.topic === "review" ? "ok" : answers.shift() ?? "no" });
  }
  const full = perAgent(fake.requests);
  const before = fake.requests.length;

  session.handle({ type: "edit", questionId: timelineId, answer: "In 6 months" });
  const v2 = await conn.until("complete");
  const edit = perAgent(fake.requests.slice(before));

  assert.deepEqual(full, {
    clarifier: 2,
    product: 1,
    customer: 1,
    engineer: 1,
    risk: 1,
    summary: 1,
  });
  // Round 2's plan read only the idea: recorded. Customer does not read the timeline: kept.
  assert.deepEqual(edit, { clarifier: 1, product: 1, engineer: 1, risk: 1, summary: 1 });
  assert.equal(v2.data.version, 2);
  const changes = v2.data.changes as { fields: { field: string }[]; kept: string[] };
  assert.deepEqual(changes.fields.map((f) => f.field), ["timeline"]);
  assert.deepEqual(changes.kept, ["customer"]);
  await registry.shutdown();
});

Deno.test("A review correction that opens a topic brings one more question (model engine)", async () => {
  await using fake = await startFake((req) => {
    if (req.agent === "clarifier") {
      if (req.prompt.includes("We sign BAAs")) {
        const compliance = ["COPPA", "HIPAA"];
        return chatStream(JSON.stringify({
          requirements: { ...requirements, compliance, timeline: "3 months" },
          missing: [],
          done: true,
          questions: [],
        }));
      }
      if (req.prompt.includes("clinics in Texas")) {
        return chatStream(JSON.stringify({
          requirements: { ...requirements, timeline: "3 months" },
          missing: ["compliance"],
          done: false,
          questions: [{ topic: "compliance", question: "Will it hold patient health data?" }],
        }));
      }
      return clarifier(req);
    }
    if (req.agent === "summary") return chatStream("The overview.");
    return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
  });
  const engine = createLlmEngine({
    model: "openai:gpt-test",
    apiKey: "sk-test",
    baseUrl: fake.baseUrl,
    deltaIntervalMs: 0,
  });
  const registry = testRegistry({ engine, review: true });
  const conn = new RecordingConnection();
  const session = registry.create("llm-review", conn);
  const answers = ["A chore app for families", "Parents and their children", "In 3 months"];
  const replies: Record<string, string> = {
    review: "Also for clinics in Texas",
    compliance: "We sign BAAs with the clinics",
  };
  for (;;) {
    const f = await conn.next();
    if (f.type === "complete") break;
    if (f.type !== "question") continue;
    const topic = String(f.data.topic);
    const answer = f.data.agent === "clarifier" && String(f.data.id).startsWith("review")
      ? replies[topic]
      : answers.shift();
    session.handle({ answer: answer ?? "no" });
  }
  const asked = conn.frames.filter((f) => f.type === "question").map((
    f,
  ) => [f.data.id, f.data.topic]);
  assert.deepEqual(asked.slice(-2), [["review", "review"], ["review-q1", "compliance"]]);
  const done = conn.frames.at(-1)!;
  const brief = done.data.brief as {
    requirements: { compliance: string[] };
    transcript: { id: string }[];
  };
  assert.deepEqual(brief.requirements.compliance, ["COPPA", "HIPAA"]);
  assert.deepEqual(brief.transcript.slice(-2).map((q) => q.id), ["review", "review-q1"]);
  await registry.shutdown();
});
