import assert from "node:assert/strict";
import { createLlmEngine } from "../agents/llm/mod.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { emptyRequirements } from "../protocol/brief.js";
import { parseExposition } from "../tests/_prometheus.ts";
import { chatError, chatStream, hang, startFake } from "../tests/_fake_openai.ts";
import { meterEngine, providerOf } from "./metered_engine.ts";
import { createMetrics } from "./metrics.ts";

/** Runs a generator to its end and returns its value. */
async function drain<T>(gen: AsyncGenerator<unknown, T, unknown>): Promise<T> {
  for (;;) {
    const r = await gen.next();
    if (r.done) return r.value;
  }
}

Deno.test("meterEngine counts a real model engine's calls, tokens and errors by provider, not cancels", async () => {
  let reply = 0;
  const third = Promise.withResolvers<void>();
  await using fake = await startFake((req) => {
    reply++;
    if (reply === 1) return chatStream("An overview.", { usage: { prompt: 120, completion: 30 } });
    if (reply === 2) return chatError(400, "Bad request");
    third.resolve();
    return hang(req);
  });
  const metrics = createMetrics();
  const engine = meterEngine(
    createLlmEngine({
      model: "openai-compatible:test-model",
      baseUrl: fake.baseUrl,
      maxRetries: 0,
      deltaIntervalMs: 0,
    }),
    metrics,
  );
  const input = { requirements: emptyRequirements("A tool library"), results: {} };
  const metas: number[] = [];
  const signal = new AbortController().signal;
  const text = await drain(
    engine.overview(input, { signal, onMeta: (m) => metas.push(m.inputTokens) }),
  );
  assert.equal(text, "An overview.");
  assert.deepEqual(metas, [120], "the caller's onMeta still hears of the call");
  await assert.rejects(drain(engine.overview(input, { signal })));
  const cancel = new AbortController();
  const hung = drain(engine.overview(input, { signal: cancel.signal }));
  await third.promise;
  cancel.abort();
  await assert.rejects(hung);

  const p = parseExposition(metrics.render());
  const provider = { provider: "openai-compatible" };
  assert.equal(p.value("parley_model_calls_total", provider), 3);
  assert.equal(p.value("parley_model_errors_total", provider), 1, "the cancel is not an error");
  assert.equal(p.value("parley_model_tokens_total", { ...provider, kind: "input" }), 120);
  assert.equal(p.value("parley_model_tokens_total", { ...provider, kind: "output" }), 30);
});

Deno.test("meterEngine leaves a deterministic engine as it is; providerOf reads the engine name", () => {
  const metrics = createMetrics();
  const offline = new OfflineEngine();
  assert.equal(meterEngine(offline, metrics), offline);
  assert.equal(parseExposition(metrics.render()).types.has("parley_model_calls_total"), false);
  assert.equal(providerOf("anthropic:claude-x"), "anthropic");
  assert.equal(providerOf(""), "unknown");
});
