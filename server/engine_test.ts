import assert from "node:assert/strict";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { DEFAULTS } from "./config.ts";
import { createEngine } from "./engine.ts";

Deno.test("createEngine makes the offline engine by default", async () => {
  assert.ok(await createEngine(DEFAULTS) instanceof OfflineEngine);
});

Deno.test("createEngine makes a model engine named after PARLEY_MODEL", async () => {
  const engine = await createEngine({
    ...DEFAULTS,
    model: "ollama:llama3.2:3b",
    modelConcurrency: 3,
  });
  assert.equal(engine.name, "ollama:llama3.2:3b");
  assert.equal(engine.concurrency, 3);
  const claude = await createEngine({
    ...DEFAULTS,
    model: "anthropic:claude-haiku-4-5",
    apiKey: "k",
  });
  assert.equal(claude.name, "anthropic:claude-haiku-4-5");
});

Deno.test("createEngine says which setting is missing or wrong", async () => {
  await assert.rejects(() => createEngine({ ...DEFAULTS, model: "openai:gpt-4o-mini" }), {
    name: "RangeError",
    message:
      "PARLEY_MODEL=openai:gpt-4o-mini needs an API key: set PARLEY_API_KEY or OPENAI_API_KEY",
  });
  await assert.rejects(() => createEngine({ ...DEFAULTS, model: "anthropic:claude-x" }), {
    message: /set PARLEY_API_KEY or ANTHROPIC_API_KEY$/,
  });
  await assert.rejects(() => createEngine({ ...DEFAULTS, model: "openai-compatible:m" }), {
    name: "RangeError",
    message: /^PARLEY_MODEL=openai-compatible:m needs a base URL: set PARLEY_BASE_URL/,
  });
  await assert.rejects(() => createEngine({ ...DEFAULTS, model: "gpt-4o" }), {
    name: "RangeError",
    message: /^Unknown provider in PARLEY_MODEL "gpt-4o"/,
  });
});

Deno.test("createParley asks for the engine when PARLEY_MODEL names a model", async () => {
  const { createParley } = await import("./mod.ts");
  assert.throws(
    () => createParley({ ...DEFAULTS, db: ":memory:", model: "ollama:llama3.2" }),
    { name: "TypeError", message: /needs options\.engine for PARLEY_MODEL=ollama:llama3\.2/ },
  );
});
