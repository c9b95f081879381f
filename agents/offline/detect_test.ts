import assert from "node:assert/strict";
import { bounded, detect } from "./detect.ts";
import type { Clause, Detection, Pattern } from "./knowledge/types.ts";
import { JURISDICTIONS } from "./knowledge/jurisdictions.ts";
import { DOMAINS } from "./knowledge/domains.ts";
import { REGULATIONS } from "./knowledge/regulations.ts";
import { ALTERNATIVES } from "./knowledge/alternatives.ts";
import { UNCOVERED } from "./knowledge/uncovered.ts";

/**
 * Clauses as the reader makes them. Each string is one clause; a leading `-` marks it
 * negated, a leading `~` marks it put off for later, and `id: ` names its question.
 */
function clauses(...texts: string[]): Clause[] {
  return texts.map((raw) => {
    let t = raw;
    let negated = false;
    let later = false;
    let questionId = "idea";
    const id = /^(\w+): /.exec(t);
    if (id) {
      questionId = id[1]!;
      t = t.slice(id[0].length);
    }
    if (t.startsWith("-")) {
      negated = true;
      t = t.slice(1);
    }
    if (t.startsWith("~")) {
      later = true;
      t = t.slice(1);
    }
    const text = t.trim();
    const lower = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
    return { text, lower, questionId, negated, later };
  });
}

const ids = (found: readonly { id: string }[]) => found.map((f) => f.id);
const run = (...texts: string[]): Detection => detect(clauses(...texts));

/** Every Found carries evidence that quotes a clause and names its rule. */
function assertEvidence(d: Detection, input: readonly Clause[]) {
  const quotes = new Set(input.map((c) => c.text));
  for (
    const [kind, list] of [
      ["place", d.jurisdictions],
      ["domain", d.domains],
      ["regulation", d.regulations],
      ["alternative", d.alternatives],
    ] as const
  ) {
    for (const f of list) {
      assert.ok(f.evidence.length > 0, `${kind} ${f.id} has no evidence`);
      assert.ok(f.evidence.length <= 8, `${kind} ${f.id} has too much evidence`);
      for (const e of f.evidence) {
        assert.ok(quotes.has(e.quote), `${kind} ${f.id} quotes unknown words: ${e.quote}`);
        assert.ok(e.rule.startsWith(`${kind}:`), `${kind} ${f.id} names rule ${e.rule}`);
        assert.ok(e.questionId, `${kind} ${f.id} has no question id`);
      }
    }
  }
  for (const u of d.uncovered) assert.ok(u.evidence.length > 0, `uncovered ${u.label}`);
}

// --- Jurisdictions --------------------------------------------------------------------

Deno.test("detect: a US city gives its state then the country, most specific first", () => {
  const d = run("A load board for truckers around Houston");
  assert.deepEqual(ids(d.jurisdictions), ["US-TX", "US"]);
  assert.equal(d.jurisdictions[0]!.evidence[0]!.rule, "place:texas");
});

Deno.test("detect: New York City is its own jurisdiction inside New York", () => {
  assert.deepEqual(ids(run("Recruiters in NYC").jurisdictions), ["US-NY-NYC", "US-NY", "US"]);
  assert.deepEqual(ids(run("Upstate New York farms").jurisdictions), ["US-NY", "US"]);
});

Deno.test("detect: West Virginia is not Virginia, Northern Ireland is not Ireland", () => {
  assert.deepEqual(ids(run("clinics in West Virginia").jurisdictions), ["US-WV", "US"]);
  assert.deepEqual(ids(run("shops in Belfast and Northern Ireland").jurisdictions), [
    "GB-NIR",
    "GB",
  ]);
});

Deno.test("detect: Indian cities give their state and India", () => {
  assert.deepEqual(ids(run("Tiffin delivery for offices in Bengaluru").jurisdictions), [
    "IN-KA",
    "IN",
  ]);
});

Deno.test("detect: currencies count only when no place is named", () => {
  assert.deepEqual(ids(run("budget: We have 40 lakh rupees to build it").jurisdictions), ["IN"]);
  assert.deepEqual(ids(run("Farmers get paid in naira").jurisdictions), ["NG"]);
  assert.deepEqual(ids(run("Top up with M-Pesa").jurisdictions), ["KE"]);
  assert.deepEqual(ids(run("Price is ₹499 a month").jurisdictions), ["IN"]);
  // A place wins over a currency.
  assert.deepEqual(ids(run("Shops in Berlin", "budget: about 20 lakh").jurisdictions), [
    "DE",
    "EU",
  ]);
});

Deno.test("detect: no place named means no jurisdiction and no regional regulation", () => {
  const d = run("An app where people track their sleep and mood");
  assert.deepEqual(ids(d.jurisdictions), []);
  assert.deepEqual(ids(d.domains), ["consumer-health"]);
  assert.deepEqual(ids(d.regulations), []);
});

Deno.test("detect: demonyms in front of food are not places", () => {
  assert.deepEqual(ids(run("An Indian restaurant's ordering site").jurisdictions), []);
  assert.deepEqual(ids(run("Indian farmers sell produce").jurisdictions), ["IN"]);
});

Deno.test("detect: a country without rules is reported as uncovered", () => {
  const d = run("A delivery app in Mexico City");
  assert.deepEqual(ids(d.jurisdictions), ["MX"]);
  assert.deepEqual(d.uncovered.map((u) => u.label), ["data-protection and sector law of Mexico"]);
});

// --- Negation and later ---------------------------------------------------------------

Deno.test("detect: negated and later clauses never trigger", () => {
  assert.deepEqual(ids(run("-not in the UK").jurisdictions), []);
  assert.deepEqual(ids(run("~expand to Texas later").jurisdictions), []);
  assert.deepEqual(ids(run("-we don't store patient records").domains), []);
});

// --- Health ---------------------------------------------------------------------------

Deno.test("detect: volunteer nurses at a charity are not HIPAA", () => {
  const d = run(
    "Volunteer nurses at our charity in Ohio sign up for shifts",
    "users: nurses and coordinators",
  );
  assert.deepEqual(ids(d.jurisdictions), ["US-OH", "US"]);
  assert.ok(!ids(d.domains).includes("clinical-care"));
  assert.ok(!ids(d.regulations).includes("us-hipaa"));
});

Deno.test("detect: a clinic's patient records in the US bring HIPAA with evidence", () => {
  const input = clauses(
    "Physiotherapy clinics in Boston keep patient notes and treatment plans",
    "users: therapists and front-desk staff",
  );
  const d = detect(input);
  assert.ok(ids(d.domains).includes("clinical-care"));
  const hipaa = d.regulations.find((r) => r.id === "us-hipaa");
  assert.ok(hipaa);
  assert.equal(hipaa.label, "HIPAA");
  assert.ok(hipaa.evidence.every((e) => e.rule === "regulation:us-hipaa"));
  assertEvidence(d, input);
});

Deno.test("detect: a pill dispenser is a medical device, not KYC", () => {
  const d = run("A pill dispenser that reminds elderly parents and dispenses their doses");
  assert.ok(ids(d.domains).includes("medical-device"));
  assert.ok(!ids(d.regulations).some((r) => /kyc|aml|msb/.test(r)));
  assert.ok(ids(d.regulations).includes("iec-62304"));
});

Deno.test("detect: India-only health app gets DPDP, not GDPR", () => {
  const d = run("Period tracking app for women in Pune, India only");
  assert.ok(ids(d.regulations).includes("in-dpdp"));
  assert.ok(!ids(d.regulations).some((r) => r.startsWith("eu-") || r.startsWith("gdpr")));
});

// --- Determinism and well-formedness --------------------------------------------------

Deno.test("detect: same clauses give the same detection", () => {
  const input = clauses("Clinics in Berlin and Munich keep patient records", "budget: €50k");
  assert.deepEqual(detect(input), detect(input));
  assert.deepEqual(detect([]), {
    jurisdictions: [],
    domains: [],
    regulations: [],
    alternatives: [],
    uncovered: [],
  });
});

/** A pattern compiles, is lower-case, has no capturing group and cannot match nothing. */
function assertPattern(where: string, p: Pattern) {
  const re = new RegExp(bounded(p));
  assert.equal(p, p.toLowerCase(), `${where}: not lower-case: ${p}`);
  assert.ok(!re.test(""), `${where}: matches the empty string: ${p}`);
  assert.ok(!/\((?!\?)/.test(p.replace(/\\\(/g, "")), `${where}: capturing group: ${p}`);
}

Deno.test("knowledge: every entry is well-formed", () => {
  const all = [
    ...JURISDICTIONS.map((e) => ["place", e] as const),
    ...DOMAINS.map((e) => ["domain", e] as const),
    ...REGULATIONS.map((e) => ["regulation", e] as const),
    ...ALTERNATIVES.map((e) => ["alternative", e] as const),
    ...UNCOVERED.map((e) => ["uncovered", e] as const),
  ];
  const seen = new Set<string>();
  for (const [kind, e] of all) {
    const key = `${kind}:${e.id}`;
    assert.ok(!seen.has(key), `duplicate id ${key}`);
    seen.add(key);
    assert.ok(e.label.length > 0, `${key} has no label`);
    const rule = e as {
      triggers: readonly Pattern[];
      context?: readonly (readonly Pattern[])[];
      excludes?: readonly Pattern[];
    };
    for (const p of rule.triggers) assertPattern(key, p);
    for (const g of rule.context ?? []) {
      assert.ok(g.length > 0, `${key}: empty context group`);
      for (const p of g) assertPattern(key, p);
    }
    for (const p of rule.excludes ?? []) assertPattern(key, p);
  }
  const domainIds = new Set(DOMAINS.map((d) => d.id));
  const placeIds = new Set(JURISDICTIONS.map((j) => j.id));
  const regById = new Map(REGULATIONS.map((r) => [r.id, r]));
  for (const d of DOMAINS) {
    assert.ok(d.triggers.length > 0, `domain ${d.id} has no triggers`);
    assert.ok(hasFindings(d.findings), `domain ${d.id} has no findings`);
  }
  for (const r of REGULATIONS) {
    assert.ok(r.triggers.length > 0 || r.domains.length > 0, `regulation ${r.id} never fires`);
    assert.ok(r.jurisdictions.length > 0, `regulation ${r.id} has no jurisdiction`);
    for (const j of r.jurisdictions) {
      assert.ok(j === "*" || placeIds.has(j), `regulation ${r.id}: unknown place ${j}`);
    }
    for (const d of r.domains) {
      assert.ok(domainIds.has(d), `regulation ${r.id}: unknown domain ${d}`);
    }
    assert.ok(hasFindings(r.findings), `regulation ${r.id} has no findings`);
  }
  for (const j of JURISDICTIONS) {
    if (j.parent) assert.ok(placeIds.has(j.parent), `place ${j.id}: unknown parent ${j.parent}`);
    for (const p of j.signals ?? []) assertPattern(`place:${j.id}`, p);
    for (const id of j.privacy) {
      const reg = regById.get(id);
      assert.ok(reg, `place ${j.id}: unknown regulation ${id}`);
      assert.ok(reg.jurisdictions.includes(j.id), `${id} does not list ${j.id}`);
    }
  }
  for (const a of ALTERNATIVES) {
    assert.ok(a.products.length > 0, `alternative ${a.id} has no products`);
    assert.ok(hasFindings(a.findings), `alternative ${a.id} has no findings`);
  }
});

function hasFindings(f: import("./knowledge/types.ts").Findings): boolean {
  return [f.risks, f.requirements, f.integrations, f.data, f.components, f.notes]
    .some((l) => (l?.length ?? 0) > 0);
}
