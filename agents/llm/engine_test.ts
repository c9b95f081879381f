import assert from "node:assert/strict";
import type { LanguageModel } from "ai";
import { LlmEngine, parseAnswer } from "./engine.ts";

Deno.test("parseAnswer accepts JSON, also inside a code fence, and explains what is wrong", () => {
  assert.deepEqual(parseAnswer('{"a":1}'), { success: true, value: { a: 1 } });
  assert.deepEqual(parseAnswer('```json\n{"a":1}\n```'), { success: true, value: { a: 1 } });
  assert.deepEqual(parseAnswer("  "), { success: false, error: "the answer was empty" });
  const bad = parseAnswer('{"a":');
  assert.equal(bad.success, false);
  assert.match(!bad.success ? bad.error : "", /^the answer is not valid JSON \(.+\): answer with/);
});

Deno.test("LlmEngine.clarify opens with the prompt's question without calling the model", async () => {
  const model = {
    specificationVersion: "v4",
    provider: "none",
    modelId: "none",
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error("called")),
    doStream: () => Promise.reject(new Error("called")),
  } as unknown as LanguageModel;
  const engine = new LlmEngine({ model, name: "test:none" });
  const step = await engine.clarify(
    { transcript: [], round: 1, maxRounds: 3, maxQuestionsPerRound: 3 },
    { signal: new AbortController().signal },
  ).next();
  assert.equal(step.done, true);
  assert.deepEqual(step.value && "questions" in step.value ? step.value.questions : [], [{
    topic: "idea",
    question: "What would you like to build? Describe your product idea in a few sentences.",
  }]);
  assert.equal(engine.concurrency, 4);
});
