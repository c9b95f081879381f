/**
 * Model providers: `PARLEY_MODEL=provider:model` becomes an AI SDK language model. Any
 * OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server, LM Studio,
 * OpenRouter, …) goes through `@ai-sdk/openai-compatible`, Anthropic through
 * `@ai-sdk/anthropic`: no hand-written HTTP or SSE parsing of provider APIs here.
 *
 * @module
 */
import type { LanguageModel } from "ai";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";

/** What each provider needs and defaults to. */
export const PROVIDERS = {
  /** OpenAI's API. */
  openai: {
    baseUrl: "https://api.openai.com/v1",
    needsKey: true,
    structuredOutputs: true,
  },
  /** Anthropic's Messages API. */
  anthropic: {
    baseUrl: "https://api.anthropic.com/v1",
    needsKey: true,
    structuredOutputs: true,
  },
  /** Ollama's OpenAI-compatible API on this machine; no key. */
  ollama: {
    baseUrl: "http://localhost:11434/v1",
    needsKey: false,
    structuredOutputs: true,
  },
  /** Any other OpenAI-compatible server: the base URL is required, the key optional. */
  "openai-compatible": {
    baseUrl: undefined,
    needsKey: false,
    structuredOutputs: false,
  },
} as const satisfies Record<
  string,
  { baseUrl: string | undefined; needsKey: boolean; structuredOutputs: boolean }
>;

/** A provider name. */
export type ProviderName = keyof typeof PROVIDERS;

/** `PARLEY_MODEL`, split. */
export interface ModelSpec {
  /** The part before the first colon, e.g. `openai`. */
  provider: ProviderName;
  /** Everything after the first colon, so `ollama:llama3.2:3b` keeps its tag. */
  modelId: string;
}

/** Whether `name` is a provider Parley knows. */
export function isProvider(name: string): name is ProviderName {
  return Object.hasOwn(PROVIDERS, name);
}

/**
 * Splits `provider:model`.
 *
 * @throws {RangeError} When there is no model after the colon or the provider is unknown.
 *
 * @example
 * ```ts
 * parseModelSpec("ollama:llama3.2:3b"); // { provider: "ollama", modelId: "llama3.2:3b" }
 * ```
 */
export function parseModelSpec(spec: string): ModelSpec {
  const colon = spec.indexOf(":");
  const provider = colon < 0 ? spec : spec.slice(0, colon);
  const modelId = colon < 0 ? "" : spec.slice(colon + 1).trim();
  const known = ["offline", ...Object.keys(PROVIDERS)].join(", ");
  if (!isProvider(provider)) {
    throw new RangeError(
      `Unknown provider in PARLEY_MODEL "${spec}": use "offline" or provider:model with provider one of ${known}`,
    );
  }
  if (modelId === "") {
    throw new RangeError(
      `Missing model in PARLEY_MODEL "${spec}": use ${provider}:MODEL, e.g. ${EXAMPLES[provider]}`,
    );
  }
  return { provider, modelId };
}

const EXAMPLES: Record<ProviderName, string> = {
  openai: "openai:gpt-4o-mini",
  anthropic: "anthropic:claude-haiku-4-5",
  ollama: "ollama:llama3.2",
  "openai-compatible": "openai-compatible:qwen2.5-7b-instruct",
};

/** What {@link createLanguageModel} needs. */
export interface ProviderSettings extends ModelSpec {
  /** Default per provider (see {@link PROVIDERS}); required for `openai-compatible`. */
  baseUrl?: string;
  /** The provider's API key (see {@link PROVIDERS} for which need one). */
  apiKey?: string;
  /**
   * Ask for JSON that fills the schema (`response_format: json_schema`, Anthropic's
   * structured outputs) rather than any JSON object. Default per provider: on for
   * OpenAI, Anthropic and Ollama, off for other OpenAI-compatible servers, many of which
   * only know `json_object`.
   */
  structuredOutputs?: boolean;
  /** For tests: the `fetch` the provider uses. */
  fetch?: typeof fetch;
}

/** The AI SDK's name for a provider, which is also its key in `providerOptions`. */
export function sdkProviderName(provider: ProviderName): string {
  return provider === "openai-compatible" ? "openaiCompatible" : provider;
}

/**
 * Makes the AI SDK model for a provider.
 *
 * @throws {RangeError} When a provider that needs a key has none, or `openai-compatible`
 * has no base URL.
 */
export function createLanguageModel(s: ProviderSettings): LanguageModel {
  const info = PROVIDERS[s.provider];
  const baseURL = s.baseUrl ?? info.baseUrl;
  if (baseURL === undefined) {
    throw new RangeError(
      `Provider ${s.provider} needs a base URL: set PARLEY_BASE_URL, e.g. http://localhost:8080/v1`,
    );
  }
  if (info.needsKey && !s.apiKey) {
    throw new RangeError(`Provider ${s.provider} needs an API key: got none`);
  }
  const fetchOption = s.fetch ? { fetch: s.fetch } : {};
  if (s.provider === "anthropic") {
    return createAnthropic({ baseURL, apiKey: s.apiKey!, ...fetchOption })(s.modelId);
  }
  return createOpenAICompatible({
    name: sdkProviderName(s.provider),
    baseURL,
    ...(s.apiKey ? { apiKey: s.apiKey } : {}),
    // Token counts of streamed answers: OpenAI, Ollama, vLLM and llama.cpp send them.
    includeUsage: true,
    supportsStructuredOutputs: s.structuredOutputs ?? info.structuredOutputs,
    ...fetchOption,
  }).chatModel(s.modelId);
}
