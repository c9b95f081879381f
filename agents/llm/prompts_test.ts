import assert from "node:assert/strict";
import {
  CustomerAnalysis,
  EngineerAnalysis,
  ProductAnalysis,
  RiskAnalysis,
} from "../../protocol/brief.js";
import { defaultAnalysts } from "../pipeline.ts";
import { parsePrompt, PROMPT_NAMES, PROMPTS, renderPrompt } from "./prompts.ts";
import { ClarifyPlan } from "./schemas.ts";

Deno.test("PROMPTS gives each built-in analyst a prompt naming the schema it fills", () => {
  const schemas: Record<string, unknown> = {
    product: ProductAnalysis,
    customer: CustomerAnalysis,
    engineer: EngineerAnalysis,
    risk: RiskAnalysis,
  };
  assert.deepEqual(defaultAnalysts.map((a) => a.name), Object.keys(schemas));
  for (const [name, schema] of Object.entries(schemas)) {
    assert.equal(PROMPTS[name as keyof typeof PROMPTS].schema, schema, name);
  }
  assert.equal(PROMPTS.clarifier.schema, ClarifyPlan);
  assert.equal(PROMPTS.overview.meta.schema, "text");
  assert.match(PROMPTS.clarifier.meta.opening ?? "", /^What would you like to build\?/);
});

Deno.test("PROMPTS use only the placeholders the engine fills", () => {
  const known: Record<string, string[]> = {
    system: [],
    clarifier: ["maxQuestions", "round", "maxRounds", "roundNote", "transcript", "schema"],
    analyst: ["title", "requirements", "transcript", "results", "checklist", "schema"],
    product: ["requirements", "transcript", "checklist", "schema"],
    customer: ["requirements", "transcript", "checklist", "schema"],
    engineer: ["requirements", "transcript", "checklist", "schema"],
    risk: ["requirements", "transcript", "checklist", "schema"],
    overview: ["requirements", "results"],
    retry: ["previousError"],
  };
  assert.deepEqual(Object.keys(known).sort(), [...PROMPT_NAMES].sort());
  for (const name of PROMPT_NAMES) {
    const used = new Set([...PROMPTS[name].body.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
    assert.deepEqual(used, new Set(known[name]), name);
  }
});

Deno.test("parsePrompt reads front matter and rejects an unknown schema", () => {
  const p = parsePrompt("x", "---\nschema: RiskAnalysis\nnote: hi: there\n---\nBody {{a}}\n");
  assert.equal(p.meta.note, "hi: there");
  assert.equal(p.body, "Body {{a}}");
  assert.ok(p.schema);
  assert.equal(parsePrompt("y", "No front matter").body, "No front matter");
  assert.throws(() => parsePrompt("z", "---\nschema: Nope\n---\n"), {
    name: "SyntaxError",
    message: /^Unknown schema "Nope" in prompt z: use one of ClarifyPlan, /,
  });
  assert.throws(() => parsePrompt("w", "---\njust words\n---\n"), SyntaxError);
});

Deno.test("renderPrompt fills placeholders and throws on one without a value", () => {
  assert.equal(
    renderPrompt("Round {{round}} of {{max}}", { round: "2", max: "3" }),
    "Round 2 of 3",
  );
  assert.throws(() => renderPrompt("{{typo}}", {}), {
    name: "TypeError",
    message: "Prompt placeholder {{typo}} has no value",
  });
});
