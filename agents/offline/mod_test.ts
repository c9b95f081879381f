import assert from "node:assert/strict";
import type { z } from "zod";
import {
  CustomerAnalysis,
  EngineerAnalysis,
  ProductAnalysis,
  type QA,
  type Requirements,
  RiskAnalysis,
} from "../../protocol/brief.js";
import type { ClarifyInput, ClarifyOutput } from "../types.ts";
import { topicOf } from "./extract.ts";
import { OfflineEngine } from "./mod.ts";

const engine = new OfflineEngine();
const signal = new AbortController().signal;
const SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  product: ProductAnalysis,
  customer: CustomerAnalysis,
  engineer: EngineerAnalysis,
  risk: RiskAnalysis,
};

/** Runs an engine generator to its return value, collecting what it yields. */
async function run<T>(
  gen: AsyncGenerator<unknown, T, void>,
): Promise<{ frames: unknown[]; value: T }> {
  const frames: unknown[] = [];
  for (;;) {
    const step = await gen.next();
    if (step.done) return { frames, value: step.value };
    frames.push(step.value);
  }
}

async function clarify(
  transcript: QA[],
  round = 1,
  maxRounds = 5,
  maxQuestionsPerRound = 3,
): Promise<ClarifyOutput> {
  const input: ClarifyInput = { transcript, round, maxRounds, maxQuestionsPerRound };
  const { frames, value } = await run(engine.clarify(input, { signal }));
  assert.deepEqual(frames, [], "the offline engine yields no frames");
  return value;
}

/** Plays a whole interview, answering each topic from `answers` ("not sure" otherwise). */
async function interview(idea: string, answers: Record<string, string>, maxRounds = 5) {
  const transcript: QA[] = [];
  const asked: string[][] = [];
  let round = 1;
  for (;; round++) {
    const out = await clarify(transcript, round, maxRounds);
    if (out.questions.length === 0) return { transcript, asked, out };
    asked.push(out.questions.map((q) => q.topic));
    for (const q of out.questions) {
      transcript.push({
        id: `r${round}-${q.topic}`,
        question: q.question,
        answer: q.topic === "idea" ? idea : answers[q.topic] ?? "not sure",
      });
    }
  }
}

async function brief(requirements: Requirements, transcript: QA[]) {
  const results: Record<string, unknown> = {};
  for (const agent of ["product", "customer", "engineer", "risk"]) {
    const task = {
      agent,
      title: agent,
      schema: SCHEMAS[agent]!,
      requirements,
      transcript,
      results,
    };
    results[agent] = SCHEMAS[agent]!.parse((await run(engine.analyse(task, { signal }))).value);
  }
  const overview = (await run(engine.overview({ requirements, results }, { signal }))).value;
  return { results, overview };
}

const KIDS = "A reading app for kids aged 6-10 in the US with in-app purchases for new books";
const KIDS_ANSWERS = {
  users: "children read, parents pay and see progress",
  platforms: "iPad and Android tablets",
  features: "levelled books, read-aloud audio, progress for parents, badges",
  scale: "maybe 50k families",
  timeline: "by September",
  budget: "we are bootstrapped",
  compliance: "none",
};
const IOT =
  "An enterprise dashboard to monitor our fleet of 5,000 IoT sensors across factories in Germany";
const IOT_ANSWERS = {
  users: "plant managers and maintenance technicians",
  platforms: "web",
  features: "live status, alerts when a sensor goes quiet, firmware updates, SSO and audit logs",
  timeline: "6 months",
  budget: "$300k",
  compliance: "ISO 27001",
  iot: "LTE-M, readings every 30 seconds, gateways buffer",
};

Deno.test("OfflineEngine.name is offline", () => {
  assert.equal(engine.name, "offline");
});

Deno.test("OfflineEngine.clarify() asks for the idea first, and only that", async () => {
  const out = await clarify([]);
  assert.deepEqual(out.questions, [{
    topic: "idea",
    question:
      "What would you like to build? Describe your idea in a sentence or two: what it does and who it is for.",
  }]);
  assert.deepEqual(out.missing, [
    "purpose",
    "users",
    "platforms",
    "features",
    "scale",
    "budget",
    "timeline",
    "compliance",
    "jurisdiction",
  ]);
});

Deno.test("OfflineEngine.clarify() follows up on missing topics in words that fit the idea", async () => {
  const out = await clarify([{
    id: "idea",
    question: "?",
    answer: "A marketplace where dog owners in Berlin book walkers",
  }], 2);
  assert.deepEqual(out.missing, [
    "platforms",
    "features",
    "scale",
    "budget",
    "timeline",
    "compliance",
  ]);
  assert.deepEqual(out.questions.map((q) => q.topic), ["platforms", "features", "location"]);
  assert.equal(
    out.questions[1]!.question,
    "Besides booking and scheduling, what else must dog owners and dog walkers be able to do in the first version of the marketplace?",
  );
  assert.match(out.questions[2]!.question, /^You mentioned location: /);
});

Deno.test("OfflineEngine.clarify() never re-asks a topic, even one answered with 'not sure'", async () => {
  const { asked } = await interview("A habit tracker for students", {});
  const flat = asked.flat();
  assert.deepEqual(flat, [...new Set(flat)]);
  assert.equal(flat[0], "idea");
});

Deno.test("OfflineEngine.clarify() also recognises earlier questions by their wording", async () => {
  const out = await clarify([
    { id: "q1", question: "What would you like to build?", answer: "A habit tracker for students" },
    { id: "q2", question: "When do you need a first version live?", answer: "not sure" },
  ], 2);
  assert.ok(!out.questions.some((q) => q.topic === "timeline"));
  assert.equal(out.requirements.timeline, "not fixed yet");
});

Deno.test("OfflineEngine.clarify() never asks a topic twice, reading the recorded topics", async () => {
  // The clarifier's question ids (`clarifier-r2-q1`) carry no topic; the entries do.
  const ideas = [
    "A budget app for who knows whom: customers and regulators love it", // keywords everywhere
    "A marketplace where dog owners in Berlin book walkers",
    KIDS,
    IOT,
    "A symptom diary for patients with an AI assistant for doctors and money transfers",
    "Something to help farmers",
  ];
  for (const idea of ideas) {
    const transcript: QA[] = [{
      id: "clarifier-r1-q1",
      question: "What would you like to build?",
      answer: idea,
    }];
    for (let round = 2; round < 6; round++) {
      const out = await clarify(transcript, round, 5, 4);
      for (const [i, q] of out.questions.entries()) {
        transcript.push({
          id: `clarifier-r${round}-q${i + 1}`,
          question: q.question,
          answer: "not sure",
          topic: q.topic,
        });
      }
    }
    const asked = transcript.map((qa, i) => topicOf(qa, i));
    assert.deepEqual(asked, [...new Set(asked)], idea);
  }
});

Deno.test("OfflineEngine.clarify() stops early when it knows enough", async () => {
  const out = await clarify([{
    id: "idea",
    question: "?",
    answer:
      "A web app for freelancers in Germany to track time, send invoices and see a dashboard; about 500 users, 2 months, $20k budget, GDPR applies",
  }], 2);
  assert.deepEqual(out.missing, []);
  assert.deepEqual(out.questions, []);
});

Deno.test("OfflineEngine.clarify() respects maxQuestionsPerRound and maxRounds", async () => {
  const transcript = [{ id: "idea", question: "?", answer: "Something to help farmers" }];
  assert.equal((await clarify(transcript, 2, 5, 1)).questions.length, 1);
  assert.equal((await clarify(transcript, 2, 5, 4)).questions.length, 4);
  const past = await clarify(transcript, 6, 5, 3);
  assert.deepEqual(past.questions, []);
  assert.ok(past.missing.length > 0, "still reports what is missing");
  const { asked } = await interview("Something to help farmers", {}, 2);
  assert.equal(asked.length, 2);
});

Deno.test("OfflineEngine.clarify() stops with an aborted signal", async () => {
  const ac = new AbortController();
  ac.abort(new Error("cancelled"));
  const input = { transcript: [], round: 1, maxRounds: 3, maxQuestionsPerRound: 3 };
  await assert.rejects(engine.clarify(input, { signal: ac.signal }).next(), /cancelled/);
});

Deno.test("OfflineEngine.analyse() output validates against every schema, for several ideas", async () => {
  const ideas = [
    "A marketplace where dog owners in Berlin book walkers, iOS and Android, we have 3 months and €50k",
    KIDS,
    IOT,
    "A symptom diary for patients in the US with an AI assistant that summarises notes for doctors",
    "x",
  ];
  for (const idea of ideas) {
    const { transcript, out } = await interview(idea, {});
    const { results, overview } = await brief(out.requirements, transcript);
    assert.deepEqual(Object.keys(results), ["product", "customer", "engineer", "risk"]);
    assert.ok(overview.length > 100 && !overview.includes("#"), "Markdown paragraphs, no headings");
    assert.ok(overview.split("\n\n").length <= 2);
  }
});

Deno.test("OfflineEngine.analyse() throws a TypeError for an unknown agent", async () => {
  const { out } = await interview("A habit tracker", {});
  const task = {
    agent: "astrologer",
    title: "A",
    schema: ProductAnalysis,
    requirements: out.requirements,
    transcript: [],
    results: {},
  };
  await assert.rejects(
    engine.analyse(task, { signal }).next(),
    new TypeError('Offline engine has no analyst for agent "astrologer"'),
  );
});

Deno.test("OfflineEngine gives a kids' app and an enterprise IoT dashboard different, domain-specific briefs", async () => {
  const kids = await interview(KIDS, KIDS_ANSWERS);
  const iot = await interview(IOT, IOT_ANSWERS);
  const k = await brief(kids.out.requirements, kids.transcript);
  const i = await brief(iot.out.requirements, iot.transcript);
  const kText = JSON.stringify(k);
  const iText = JSON.stringify(i);

  assert.ok(kids.out.requirements.domains.includes("children"));
  assert.ok(iot.out.requirements.domains.includes("hardware-iot"));
  assert.ok(iot.out.requirements.domains.includes("enterprise"));
  for (const word of [/COPPA/, /parental consent/i]) {
    assert.match(kText, word);
  }
  for (const word of [/\bSSO\b/, /SOC 2/, /lost connectivity/i, /MQTT/]) assert.match(iText, word);
  for (const word of [/\bSSO\b/, /SOC 2 Type II/, /lost connectivity/i, /MQTT/]) {
    assert.doesNotMatch(kText, word, kText.match(new RegExp(`.{0,200}${word.source}.{0,80}`))?.[0]);
  }
  for (const word of [/COPPA/, /parental/i, /\bchild/i]) assert.doesNotMatch(iText, word);

  const kRisks = (k.results.risk as { risks: { title: string }[] }).risks.map((r) => r.title);
  const iRisks = (i.results.risk as { risks: { title: string }[] }).risks.map((r) => r.title);
  assert.ok(kRisks.slice(0, 3).some((t) => /parental consent|children/.test(t)), kRisks.join("; "));
  assert.ok(
    iRisks.slice(0, 3).some((t) => /certification|connectivity/.test(t)),
    iRisks.join("; "),
  );
  assert.ok(k.overview.includes("children and parents"));
  assert.ok(i.overview.includes("plant managers and maintenance technicians"));
});

Deno.test("OfflineEngine product and engineer analyses use the person's users, features and platforms", async () => {
  const { transcript, out } = await interview(
    "A marketplace where dog owners in Berlin book walkers, iOS and Android, we have 3 months and €50k",
    {
      features: "booking, pay in the app, reviews",
      scale: "about 2,000 owners",
      compliance: "none",
    },
  );
  const { results } = await brief(out.requirements, transcript);
  const product = results.product as z.infer<typeof ProductAnalysis>;
  const engineer = results.engineer as z.infer<typeof EngineerAnalysis>;
  assert.deepEqual(product.userStories.map((s) => s.asA), [
    "dog owner",
    "dog walker",
    "dog owner",
    "dog walker",
    "dog owner",
  ]);
  assert.deepEqual(product.mvpScope.slice(0, 3), [
    "Booking and scheduling",
    "Payments",
    "Reviews and ratings",
  ]);
  assert.ok(out.requirements.compliance.some((c) => c.startsWith("PCI DSS")));
  assert.ok(
    product.requirements.some((r) =>
      r.priority === "must" && r.evidence?.some((e) => e.rule === "regulation:pci-dss")
    ),
  );
  assert.deepEqual(engineer.platforms, ["iOS", "Android"]);
  assert.equal(
    engineer.stack[0]!.choice,
    "React Native (Expo) in TypeScript for the booking and scheduling screens",
  );
  assert.ok(
    engineer.integrations.some((x) => /Stripe/.test(x.name)),
    JSON.stringify(engineer.integrations),
  );
  assert.ok(engineer.effort.personWeeksLow < engineer.effort.personWeeksHigh);
  assert.ok(engineer.effort.assumptions.some((a) => a.startsWith("Stated timeline 3 months")));
  assert.ok(engineer.effort.assumptions.some((a) => a.startsWith("Stated budget €50k")));
});

Deno.test("OfflineEngine is deterministic: the same transcript gives a deep-equal brief", async () => {
  const a = await interview(KIDS, KIDS_ANSWERS);
  const b = await interview(KIDS, KIDS_ANSWERS);
  assert.deepEqual(b, a);
  // Fresh copies of the requirements, so no per-object cache can make them agree.
  assert.deepEqual(
    await brief(structuredClone(b.out.requirements), b.transcript),
    await brief(structuredClone(a.out.requirements), a.transcript),
  );
});
