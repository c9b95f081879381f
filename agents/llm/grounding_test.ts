import assert from "node:assert/strict";
import type { Detection } from "../offline/knowledge/types.ts";
import { defaultAnalysts, runPipeline } from "../pipeline.ts";
import { drive, sampleAnalyses } from "../testing.ts";
import { chatStream, startFake } from "../../tests/_fake_openai.ts";
import {
  checklistOf,
  EMPTY_CHECKLIST,
  groundingChecklist,
  MAX_CHECKLIST_CHARS,
  MAX_CHECKLIST_ITEMS,
  MAX_ITEM_CHARS,
} from "./grounding.ts";
import { createLlmEngine } from "./mod.ts";

const TENANTS =
  "A tenant screening service for landlords in Austin, Texas: applicants pay a $40 fee and we check their credit";

Deno.test("groundingChecklist() lists the places and rules the offline knowledge found, with quotes", () => {
  const list = groundingChecklist([{ id: "idea", question: "?", answer: TENANTS }]);
  assert.match(list, /^- Place: Texas \(US-TX\) — from "[^"]*(?:Texas|Austin)[^"]*" \[place:/m);
  assert.ok(list.length <= MAX_CHECKLIST_CHARS);
  assert.equal(groundingChecklist([]), EMPTY_CHECKLIST);
});

Deno.test("checklistOf() stays within its bounds however much was found", () => {
  const quote = "x".repeat(300);
  const found = Array.from({ length: 200 }, (_, i) => ({
    id: `r${i}`,
    label: `Regulation number ${i} with a long name ${"y".repeat(300)}`,
    entry: { findings: {} },
    evidence: [{ quote, questionId: "idea", rule: `regulation:r${i}` }],
  }));
  const d = {
    jurisdictions: [],
    domains: [],
    regulations: found,
    alternatives: [],
    uncovered: [],
  } as unknown as Detection;
  const list = checklistOf(d);
  const lines = list.split("\n");
  assert.ok(list.length <= MAX_CHECKLIST_CHARS, `${list.length}`);
  assert.ok(lines.length <= MAX_CHECKLIST_ITEMS + 1);
  assert.ok(lines.every((l) => l.length <= MAX_ITEM_CHARS));
  assert.match(lines.at(-1)!, /^- … and \d+ more$/);
});

Deno.test("LlmEngine puts the checklist of the fields it reads into each analyst's prompt, bounded", async () => {
  const plan = {
    requirements: {
      users: ["landlords"],
      platforms: ["Web"],
      features: [],
      compliance: [],
      domains: [],
      notes: [],
    },
    missing: [],
    done: true,
    questions: [],
  };
  await using fake = await startFake((req) => {
    if (req.agent === "clarifier") return chatStream(JSON.stringify(plan));
    if (req.agent === "summary") return chatStream("Overview.");
    return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
  });
  const engine = createLlmEngine({
    model: "openai:gpt-test",
    apiKey: "sk-test",
    baseUrl: fake.baseUrl,
    deltaIntervalMs: 0,
  });
  await drive(runPipeline({ engine, signal: new AbortController().signal }), [TENANTS]);
  const transcript = [{ id: "clarifier-r1-q1", question: "?", answer: TENANTS }];
  const everything = groundingChecklist(transcript);
  assert.notEqual(everything, EMPTY_CHECKLIST);
  assert.match(everything, /^- Regulation: /m);
  for (const { name: agent, reads } of defaultAnalysts) {
    const expected = groundingChecklist(transcript, new Set(reads?.requirements));
    const prompt = fake.requests.find((r) => r.agent === agent)?.prompt ?? "";
    assert.ok(prompt.includes("confirm each one that applies"), agent);
    assert.ok(prompt.includes(expected), `${agent} prompt lacks the checklist`);
    // The Customer agent does not read `compliance`: it is not shown the regulations.
    if (agent === "customer") assert.doesNotMatch(prompt, /^- Regulation: /m);
    else assert.ok(prompt.includes(everything), `${agent} prompt lacks a checklist item`);
    const block = prompt.split("<data>").find((b) => b.includes("- Place:"))?.split("</data>")[0] ??
      "";
    assert.ok(block.length <= MAX_CHECKLIST_CHARS + 20, `${agent}: checklist of ${block.length}`);
  }
});
