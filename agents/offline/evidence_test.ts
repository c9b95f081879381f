import assert from "node:assert/strict";
import type { Brief, Evidence, QA } from "../../protocol/brief.js";
import { runPipeline } from "../pipeline.ts";
import { OfflineEngine } from "./mod.ts";

/** Answers by topic; the idea comes first. Unknown topics get "not sure". */
type Script = { idea: string } & Record<string, string>;

/** Runs a whole offline conversation and returns its brief and Markdown. */
async function brief(script: Script): Promise<{ brief: Brief; summary: string; asked: string[] }> {
  const gen = runPipeline({ engine: new OfflineEngine(), signal: new AbortController().signal });
  const asked: string[] = [];
  let step = await gen.next();
  for (;;) {
    if (step.done) break;
    const f = step.value;
    if (f.type === "complete") {
      const data = f.data as { summary: string; brief: Brief };
      return { brief: data.brief, summary: data.summary, asked };
    }
    if (f.type === "question") {
      const topic = String((f.data as { topic?: string }).topic);
      asked.push(topic);
      step = await gen.next(topic === "idea" ? script.idea : script[topic] ?? "not sure");
    } else step = await gen.next(undefined);
  }
  throw new Error("Pipeline ended without a complete frame");
}

const IDEAS: Script[] = [
  {
    idea:
      "A bakery selling surplus bread at the end of the day to neighbours in Austin, Texas; members pay $8 per month. Web only, mobile later.",
    users: "Neighbours and small bakeries; we start with bakeries",
    budget: "We have $15k, it's two developers and my co-founder",
    timeline: "three months",
  },
  {
    idea:
      "A symptom diary for patients in California that shares their readings with their doctors",
    platforms: "No iPhone. Android first, web for the doctors",
    budget: "40 lakh rupees to build it",
    jurisdiction: "California",
  },
  {
    idea: "A scheduling tool for volunteer nurses at our charity in London",
    users: "the nurses and the two coordinators",
    compliance: "none",
  },
  {
    idea: "Queremos una aplicación para panaderías en Madrid que venden el pan sobrante",
  },
];

function findings(b: Brief): { where: string; evidence: Evidence[] | undefined }[] {
  const r = b.results as Record<string, Record<string, unknown>>;
  const out: { where: string; evidence: Evidence[] | undefined }[] = [];
  const each = (agent: string, key: string, name: (x: Record<string, unknown>) => string) => {
    const list = (r[agent]?.[key] ?? []) as Record<string, unknown>[];
    for (const x of list) {
      out.push({ where: `${agent}.${key}: ${name(x)}`, evidence: x.evidence as Evidence[] });
    }
  };
  each("product", "requirements", (x) => String(x.text));
  each("customer", "segments", (x) => String(x.name));
  each("engineer", "integrations", (x) => String(x.name));
  each("risk", "risks", (x) => String(x.title));
  const effort = (r.engineer?.effort ?? {}) as { evidence?: Evidence[] };
  out.push({ where: "engineer.effort", evidence: effort.evidence });
  return out;
}

Deno.test("offline brief: every requirement, risk, segment, integration and estimate has evidence", async () => {
  for (const script of IDEAS) {
    const { brief: b } = await brief(script);
    const answers = [b.requirements.idea, ...b.transcript.map((qa: QA) => qa.answer)].join("\n");
    for (const f of findings(b)) {
      assert.ok(f.evidence && f.evidence.length > 0, `${f.where} has no evidence (${script.idea})`);
      for (const e of f.evidence) {
        assert.ok(e.rule.length > 0, `${f.where}: evidence without a rule`);
        // A quote is the person's own words, not an engine's paraphrase.
        assert.ok(answers.includes(e.quote.replace(/…$/, "")), `${f.where}: "${e.quote}" not said`);
      }
    }
  }
});

Deno.test("offline brief: nothing contradicts what was ruled out or put off", async () => {
  const { brief: b, summary } = await brief(IDEAS[0]!);
  assert.deepEqual(b.requirements.platforms, ["Web"]);
  assert.deepEqual(b.requirements.later, ["iOS", "Android"]);
  // A web-only MVP selling bread has no store review or store commission.
  assert.doesNotMatch(
    summary,
    /App Store|Google Play|TestFlight|store commission|in-app purchase/i,
  );
  // The team is not a user group, and a price is not the budget.
  assert.ok(!b.requirements.users.some((u) => /developer|founder/i.test(u)));
  assert.equal(b.requirements.budget, "$15k");
  assert.ok(b.requirements.notes.includes("Price named: $8 per month"));
  // A US state, not an EU default.
  assert.ok(b.requirements.jurisdictions?.includes("US-TX"));
  assert.doesNotMatch(summary, /GDPR|EU hosting/);
  // Nothing the person said is pasted raw into a template sentence.
  assert.doesNotMatch(summary, /the three months timeline/i);

  const health = await brief(IDEAS[1]!);
  assert.ok(health.brief.requirements.excluded?.includes("iOS"));
  assert.ok(!health.brief.requirements.platforms.includes("iOS"));
  assert.equal(health.brief.requirements.budget, "40 lakh rupees");
});

Deno.test("offline brief: the word 'nurses' alone does not switch on HIPAA", async () => {
  const { brief: b } = await brief(IDEAS[2]!);
  assert.ok(
    !b.requirements.compliance.some((c) => /HIPAA/.test(c)),
    b.requirements.compliance.join(),
  );
  assert.ok(b.requirements.jurisdictions?.includes("GB"));
});

Deno.test("offline brief: a non-English idea says the engine could not read it", async () => {
  const { brief: b, summary } = await brief(IDEAS[3]!);
  assert.equal(b.requirements.language, "spa");
  assert.match(summary, /not in English/);
  assert.match(summary, /run Parley with a model/);
});

Deno.test("offline brief: the interview asks where when no place is named, and never twice", async () => {
  const { asked } = await brief({ idea: "An app that reminds people to water their plants" });
  assert.ok(asked.includes("jurisdiction"), asked.join());
  assert.deepEqual(asked, [...new Set(asked)]);
  const named = await brief(IDEAS[0]!);
  assert.ok(!named.asked.includes("jurisdiction"), named.asked.join());
});

Deno.test("offline brief: the same transcript gives the same brief", async () => {
  for (const script of IDEAS.slice(0, 2)) {
    const a = await brief(script);
    const b = await brief(script);
    assert.equal(a.summary, b.summary);
    assert.deepEqual(a.brief, b.brief);
  }
});
