import assert from "node:assert/strict";
import type { QA, Requirements } from "../../protocol/brief.js";
import { customer } from "../customer.ts";
import { defineAnalyst } from "../analyst.ts";
import { defaultAnalysts, runPipeline } from "../pipeline.ts";
import { drive, sampleAnalyses } from "../testing.ts";
import { chatStream, startFake } from "../../tests/_fake_openai.ts";
import { CustomerAnalysis } from "../../protocol/brief.js";
import {
  compactJson,
  OVERVIEW_DROPS,
  overviewResults,
  requirementsFor,
  transcriptFor,
} from "./inputs.ts";
import { createLlmEngine } from "./mod.ts";

Deno.test("compactJson leaves out empty values and whitespace, and the keys it is told to", () => {
  assert.equal(
    compactJson({ users: ["nurses"], budget: "", notes: [], x: {}, y: null, n: 0, f: false }),
    '{"users":["nurses"],"n":0,"f":false}',
  );
  assert.equal(
    compactJson({ a: [{ q: 1, evidence: [1] }] }, new Set(["evidence"])),
    '{"a":[{"q":1}]}',
  );
});

const req: Requirements = {
  idea: "Dog walks",
  users: ["owners"],
  platforms: ["iOS"],
  features: [],
  budget: "€73k",
  compliance: ["GDPR"],
  domains: [],
  notes: [],
  evidence: {
    budget: [{ quote: "€73k", questionId: "q-budget", rule: "budget" }],
    "users:owners": [{ quote: "owners", questionId: "q-users", rule: "users" }],
  },
};

Deno.test("requirementsFor keeps the fields an analyst reads and their evidence only", () => {
  const cut = requirementsFor(customer.reads, req);
  assert.equal(cut.budget, undefined);
  assert.equal(cut.compliance, undefined);
  assert.deepEqual(cut.users, ["owners"]);
  assert.deepEqual(Object.keys(cut.evidence as object), ["users:owners"]);
  assert.equal(requirementsFor(undefined, req), req);
});

Deno.test("transcriptFor leaves out the answers about fields an analyst does not read", () => {
  const t: QA[] = [
    { id: "idea", question: "What?", answer: "Dog walks", topic: "idea" },
    { id: "q-budget", question: "Budget?", answer: "€73k", topic: "budget" },
    { id: "q-where", question: "Where?", answer: "Berlin", topic: "jurisdiction" },
    { id: "q-dogs", question: "Dogs?", answer: "Big ones", topic: "pets" },
    { id: "r", question: "Here is what I understood: …", answer: "ok", topic: "review" },
  ];
  assert.deepEqual(
    transcriptFor(customer.reads, t).map(({ number, qa }) => [number, qa.answer, qa.question]),
    [
      [1, "Dog walks", "What?"],
      [3, "Berlin", "Where?"],
      [4, "Big ones", "Dogs?"],
      [5, "ok", "Is this what I understood (the requirements above)?"],
    ],
  );
  assert.equal(transcriptFor(undefined, t).length, 5);
});

Deno.test("overviewResults keeps what the overview writes from, the most serious risks first", () => {
  const risk = (id: string, likelihood: string, impact: string) => ({
    id,
    title: id,
    category: "market",
    likelihood,
    impact,
    mitigation: "m",
    evidence: [{ quote: "q", rule: "r" }],
  });
  const out = overviewResults({
    product: sampleAnalyses.product,
    risk: {
      risks: [
        risk("K1", "low", "low"),
        risk("K2", "high", "high"),
        risk("K3", "medium", "low"),
        risk("K4", "medium", "high"),
      ],
    },
    custom: { anything: 1 },
  });
  assert.deepEqual(Object.keys(out.product as object), ["vision", "goals", "mvpScope"]);
  const risks = (out.risk as { risks: { id: string }[] }).risks;
  assert.deepEqual(risks.map((r) => r.id), ["K2", "K4", "K3"]);
  assert.deepEqual(out.custom, { anything: 1 });
  assert.doesNotMatch(compactJson(out, OVERVIEW_DROPS), /evidence/);
});

// What each field's answer is, unique enough to find in a prompt. No currency sign: "€"
// is evidence of a place (the EU), and the checklist item of a place the Customer agent reads
// quotes the words it rests on, wherever they were said.
const ANSWERS = {
  idea: "A dog-walking marketplace for busy owners",
  users: "Owners who work long hours, and student walkers",
  budget: "Around 73,500 in total",
  timeline: "Live within 11 weeks",
  scale: "9,400 walks a month",
  compliance: "GDPR for the walk routes",
};
const PLANNED = ["users", "budget", "timeline", "scale", "compliance"] as const;

Deno.test("LlmEngine sends each analyst only the fields it reads, the overview only what it uses", async () => {
  const understood = {
    users: ["Busy owners", "Student walkers"],
    platforms: ["iOS"],
    features: ["Booking"],
    budget: "73,500",
    timeline: "11 weeks",
    scale: "9,400 walks a month",
    compliance: ["GDPR"],
    domains: [],
    notes: [],
  };
  const plan = (asked: boolean) => ({
    requirements: understood,
    missing: [],
    done: asked,
    questions: asked ? [] : PLANNED.map((topic) => ({ topic, question: `About ${topic}?` })),
  });
  await using fake = await startFake((r) => {
    if (r.agent === "clarifier") return chatStream(JSON.stringify(plan(r.prompt.includes("A2:"))));
    if (r.agent === "summary") return chatStream("Overview.");
    const own = sampleAnalyses[r.agent as keyof typeof sampleAnalyses];
    return chatStream(JSON.stringify(own ?? sampleAnalyses.customer));
  });
  const engine = createLlmEngine({
    model: "openai:gpt-test",
    apiKey: "sk-test",
    baseUrl: fake.baseUrl,
    deltaIntervalMs: 0,
    concurrency: 1,
  });
  // An added analyst that reads two fields and the Product result, not the others'.
  const persona = defineAnalyst({
    name: "persona",
    title: "Persona",
    schema: CustomerAnalysis,
    working: "imagining a persona",
    reads: { requirements: ["idea", "users"], results: ["product"] },
  });
  const { value } = await drive(
    runPipeline({
      engine,
      signal: new AbortController().signal,
      analysts: [...defaultAnalysts, persona],
      maxQuestionsPerRound: PLANNED.length,
    }),
    [ANSWERS.idea, ...PLANNED.map((t) => ANSWERS[t])],
  );
  assert.deepEqual(value.failed, []);
  const prompt = (agent: string) => fake.requests.find((r) => r.agent === agent)?.prompt ?? "";

  // Product reads every field: each answer and each understood value is in its prompt.
  for (const text of [...Object.values(ANSWERS), "73,500", "9,400 walks a month"]) {
    assert.ok(prompt("product").includes(text), `product prompt lacks "${text}"`);
  }
  // Customer reads neither budget, timeline, scale nor compliance: no trace of them.
  const c = prompt("customer");
  for (const text of [ANSWERS.users, ANSWERS.idea, '"users":["Busy owners","Student walkers"]']) {
    assert.ok(c.includes(text), `customer prompt lacks "${text}"`);
  }
  for (const text of [ANSWERS.budget, ANSWERS.timeline, ANSWERS.scale, ANSWERS.compliance]) {
    assert.ok(!c.includes(text), `customer prompt has "${text}"`);
  }
  for (const key of ['"budget"', '"timeline"', '"scale"', '"compliance"', "73,500"]) {
    assert.ok(!c.includes(key), `customer prompt has ${key}`);
  }
  // The added analyst: its two fields, and the Product result but no other.
  const p = prompt("persona");
  assert.ok(p.includes(ANSWERS.users) && p.includes(sampleAnalyses.product.vision));
  assert.ok(!p.includes(ANSWERS.budget) && !p.includes('"platforms"'));
  for (const other of ["customer", "engineer", "risk"] as const) {
    assert.ok(!p.includes(`"${other}":`), `persona prompt has the ${other} result`);
  }
  assert.ok(!p.includes(sampleAnalyses.customer.adoptionRisks[0]));
  // The overview: the vision and the top risk, not the user stories or the stack.
  const o = prompt("summary");
  assert.ok(o.includes(sampleAnalyses.product.vision));
  assert.ok(o.includes(sampleAnalyses.risk.risks[0].title));
  assert.ok(!o.includes(sampleAnalyses.product.userStories[0].iWant));
  assert.ok(!o.includes(sampleAnalyses.engineer.stack[0].reason));
});
