import assert from "node:assert/strict";
import { createLanguageModel, parseModelSpec } from "./providers.ts";

Deno.test("parseModelSpec splits at the first colon so model tags survive", () => {
  assert.deepEqual(parseModelSpec("ollama:llama3.2:3b"), {
    provider: "ollama",
    modelId: "llama3.2:3b",
  });
  assert.deepEqual(parseModelSpec("openai-compatible:org/model-7b"), {
    provider: "openai-compatible",
    modelId: "org/model-7b",
  });
});

Deno.test("parseModelSpec names the known providers for an unknown one", () => {
  assert.throws(() => parseModelSpec("gemini:pro"), {
    name: "RangeError",
    message: 'Unknown provider in PARLEY_MODEL "gemini:pro": use "offline" or provider:model ' +
      "with provider one of offline, openai, anthropic, ollama, openai-compatible",
  });
  assert.throws(() => parseModelSpec("openai"), {
    name: "RangeError",
    message: 'Missing model in PARLEY_MODEL "openai": use openai:MODEL, e.g. openai:gpt-4o-mini',
  });
});

Deno.test("createLanguageModel needs a key for OpenAI and a base URL for openai-compatible", () => {
  assert.throws(
    () => createLanguageModel({ provider: "openai", modelId: "gpt-4o-mini" }),
    { name: "RangeError", message: "Provider openai needs an API key: got none" },
  );
  assert.throws(
    () => createLanguageModel({ provider: "openai-compatible", modelId: "m" }),
    RangeError,
  );
  const ollama = createLanguageModel({ provider: "ollama", modelId: "llama3.2" });
  assert.equal(typeof ollama === "object" && ollama.modelId, "llama3.2");
  const claude = createLanguageModel({ provider: "anthropic", modelId: "claude-x", apiKey: "k" });
  assert.equal(typeof claude === "object" && claude.provider, "anthropic.messages");
});
