/**
 * Parley's agents on a language model: pick a provider with `provider:model` and get an
 * {@link Engine} whose calls stream `delta` frames, validate their output, retry on rate
 * limits and time out.
 *
 * @example
 * ```ts
 * import { createLlmEngine } from "./mod.ts";
 * import { runPipeline } from "../mod.ts";
 *
 * const engine = createLlmEngine({ model: "ollama:llama3.2" });
 * const gen = runPipeline({ engine, signal: new AbortController().signal });
 * // Nothing is sent to the model until the first `await gen.next()`.
 * ```
 *
 * @module
 */
import type { Engine } from "../types.ts";
import { LlmEngine, type LlmEngineOptions } from "./engine.ts";
import {
  createLanguageModel,
  parseModelSpec,
  type ProviderSettings,
  sdkProviderName,
} from "./providers.ts";

export { LLM_DEFAULTS, LlmEngine, type LlmEngineOptions, parseAnswer } from "./engine.ts";
export {
  createLanguageModel,
  isProvider,
  type ModelSpec,
  parseModelSpec,
  type ProviderName,
  PROVIDERS,
  type ProviderSettings,
} from "./providers.ts";
export { type Prompt, PROMPT_NAMES, type PromptName, PROMPTS } from "./prompts.ts";

/** What {@link createLlmEngine} takes: the model as `provider:model`, and the limits. */
export interface LlmSettings
  extends
    Omit<ProviderSettings, "provider" | "modelId">,
    Omit<LlmEngineOptions, "model" | "name" | "providerOptions"> {
  /** `provider:model`, e.g. `openai:gpt-4o-mini`, `ollama:llama3.2`. */
  model: string;
}

/**
 * Makes the engine for `provider:model`.
 *
 * @throws {RangeError} When the provider is unknown, the model is missing, a provider
 * that needs a key has none, or `openai-compatible` has no base URL.
 */
export function createLlmEngine(settings: LlmSettings): Engine {
  const { model, baseUrl, apiKey, structuredOutputs, fetch, ...limits } = settings;
  const spec = parseModelSpec(model);
  const languageModel = createLanguageModel({
    ...spec,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(structuredOutputs === undefined ? {} : { structuredOutputs }),
    ...(fetch === undefined ? {} : { fetch }),
  });
  return new LlmEngine({
    ...limits,
    model: languageModel,
    name: `${spec.provider}:${spec.modelId}`,
    // Strict JSON schemas reject the length limits our schemas use; we validate anyway.
    ...(spec.provider === "anthropic"
      ? {}
      : { providerOptions: { [sdkProviderName(spec.provider)]: { strictJsonSchema: false } } }),
  });
}
