/**
 * Chooses the engine from `PARLEY_MODEL`. `offline` (the default) needs no key and no
 * network; `provider:model` (`openai`, `anthropic`, `ollama`, `openai-compatible`) runs
 * the agents on that model (agents/llm/).
 *
 * @module
 */
import type { Engine } from "../agents/types.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import type { Config } from "./config.ts";

/** The settings {@link createEngine} reads. */
export type EngineConfig = Pick<
  Config,
  | "model"
  | "baseUrl"
  | "apiKey"
  | "modelTimeoutMs"
  | "modelRetries"
  | "modelConcurrency"
  | "modelStructuredOutputs"
>;

/** The environment variables a provider's key may come from, besides `PARLEY_API_KEY`. */
const KEY_VARIABLES: Record<string, string> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
};

/**
 * Makes the engine named by `config.model`, or throws a `RangeError` that says which
 * setting to fix (unknown provider, missing model, key or base URL).
 *
 * @example
 * ```ts
 * import { createEngine } from "./engine.ts";
 * import { DEFAULTS } from "./config.ts";
 *
 * const engine = await createEngine({ ...DEFAULTS, model: "ollama:llama3.2" });
 * if (engine.name !== "ollama:llama3.2") throw new Error(engine.name);
 * ```
 */
export async function createEngine(config: EngineConfig): Promise<Engine> {
  if (config.model === "offline") return new OfflineEngine();
  // Loaded only for a model: the AI SDK costs start-up time and `--allow-sys=hostname`,
  // which the offline engine then never needs.
  const { createLlmEngine, parseModelSpec, PROVIDERS } = await import("../agents/llm/mod.ts");
  const { provider } = parseModelSpec(config.model);
  if (PROVIDERS[provider].needsKey && !config.apiKey) {
    const alt = KEY_VARIABLES[provider];
    throw new RangeError(
      `PARLEY_MODEL=${config.model} needs an API key: set PARLEY_API_KEY${alt ? ` or ${alt}` : ""}`,
    );
  }
  if (PROVIDERS[provider].baseUrl === undefined && !config.baseUrl) {
    throw new RangeError(
      `PARLEY_MODEL=${config.model} needs a base URL: set PARLEY_BASE_URL, e.g. http://localhost:8080/v1`,
    );
  }
  return createLlmEngine({
    model: config.model,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(config.modelStructuredOutputs === undefined
      ? {}
      : { structuredOutputs: config.modelStructuredOutputs }),
    timeoutMs: config.modelTimeoutMs,
    maxRetries: config.modelRetries,
    concurrency: config.modelConcurrency,
  });
}
