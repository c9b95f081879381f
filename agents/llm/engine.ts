/**
 * The LLM engine: the Clarifier, the analysts and the summary on a language model, through
 * the AI SDK. Every call streams: while the model writes, the engine yields `delta`
 * frames (the partial object of a JSON answer, the new text of prose), at most one per
 * `deltaIntervalMs` per call, and the agent's `result` closes the stream.
 *
 * The engine parses what the model wrote; the analysts validate it against their schema
 * and ask once more with the error (see `defineAnalyst`). The Clarifier and the summary
 * have no analyst around them, so the engine validates their answers itself, with the
 * same single retry.
 *
 * @module
 */
import { type LanguageModel, Output, parsePartialJson, streamText } from "ai";
import { z } from "zod";
import { emptyRequirements, type QA } from "../../protocol/brief.js";
import { describeIssues, InvalidAgentOutputError } from "../analyst.ts";
import type {
  AnalysisTask,
  CallMeta,
  ClarifyInput,
  ClarifyOutput,
  Engine,
  FrameBody,
  OverviewInput,
  RunOptions,
} from "../types.ts";
import { type Prompt, PROMPTS, renderPrompt } from "./prompts.ts";
import { groundingChecklist } from "./grounding.ts";
import {
  compactJson,
  OVERVIEW_DROPS,
  overviewRequirements,
  overviewResults,
  requirementsFor,
  resultsFor,
  transcriptFor,
} from "./inputs.ts";
import { CLARIFY_TOPICS, ClarifyPlan } from "./schemas.ts";

/** Options of {@link LlmEngine}. */
export interface LlmEngineOptions {
  /** The AI SDK model to call. */
  model: LanguageModel;
  /** Shown to people and in `meta.model`, e.g. `openai:gpt-4o-mini`. */
  name: string;
  /** Most time one model call may take, retries and backoff included (default 60 000 ms). */
  timeoutMs?: number;
  /**
   * Retries of a call that failed with 408, 409, 429 or 5xx, with exponential backoff
   * from 2 s that honours `Retry-After`/`retry-after-ms` up to 60 s (default 2).
   */
  maxRetries?: number;
  /** Analysts that may run at once (default 4); the pipeline's default concurrency. */
  concurrency?: number;
  /** Least time between two `delta` frames of one call (default 100 ms). */
  deltaIntervalMs?: number;
  /** Most tokens one answer may have (default 4096; 1024 for the summary). */
  maxOutputTokens?: number;
  /** Provider options sent with every call, by AI SDK provider name. */
  providerOptions?: Record<string, Record<string, string | number | boolean>>;
}

/** Defaults of {@link LlmEngineOptions}. */
export const LLM_DEFAULTS = {
  timeoutMs: 60_000,
  maxRetries: 2,
  concurrency: 4,
  deltaIntervalMs: 100,
  maxOutputTokens: 4096,
} as const;

/** Longest answer accepted from a model, in characters: a runaway stream is cut here. */
export const MAX_ANSWER_CHARS = 200_000;

/** The prompts of the analysts that have their own, by agent name. */
const ANALYST_PROMPTS: ReadonlyMap<string, Prompt> = new Map(
  (["product", "customer", "engineer", "risk"] as const).map((n) => [n, PROMPTS[n]]),
);

/** What one streamed call returned. */
interface CallResult {
  text: string;
  /** Why the model stopped: `stop`, `length`, … */
  finishReason: string;
}

/** One call to make. */
interface CallSpec {
  agent: string;
  /** `id` of the call's `delta` frames. */
  streamId: string;
  prompt: string;
  /** The schema of a JSON answer; none for prose. */
  schema?: z.ZodType;
  maxOutputTokens: number;
}

/**
 * Marks text as data inside `<data>` tags, so it cannot close the tag itself. Values other
 * than text are compact JSON without empty values (see `compactJson`).
 */
function data(value: unknown, drop?: ReadonlySet<string>): string {
  const text = typeof value === "string" ? value : compactJson(value, drop);
  return text.replaceAll("</data>", "<\\/data>");
}

/** The interview as `Q3:`/`A3:` pairs, numbered as asked even when some are left out. */
function transcriptText(entries: readonly { number: number; qa: QA }[]): string {
  if (entries.length === 0) return "(nothing yet)";
  return entries.map(({ number: n, qa }) => `Q${n}: ${qa.question}\nA${n}: ${qa.answer}`)
    .join("\n\n");
}
const numbered = (t: readonly QA[]) => t.map((qa, i) => ({ number: i + 1, qa }));

/**
 * JSON Schema keywords the prompt's copy of a schema leaves out: the string length limits
 * (every text has one, and validation enforces them) and the draft URL. The request's
 * `response_format` keeps the whole schema.
 */
const PROMPT_SCHEMA_DROPS = new Set(["$schema", "minLength", "maxLength"]);

const jsonSchemaCache = new WeakMap<z.ZodType, string>();
/** The JSON Schema of a zod schema, as the compact text a prompt shows. */
function schemaText(schema: z.ZodType): string {
  let text = jsonSchemaCache.get(schema);
  if (text === undefined) {
    text = JSON.stringify(
      z.toJSONSchema(schema, { unrepresentable: "any" }),
      (key, v) => PROMPT_SCHEMA_DROPS.has(key) ? undefined : v,
    );
    jsonSchemaCache.set(schema, text);
  }
  return text;
}

/** Strips a Markdown code fence some models put around JSON despite being told not to. */
function unfence(text: string): string {
  const t = text.trim();
  const m = /^```[a-zA-Z]*\s*\n?([\s\S]*?)(?:\n?```\s*)?$/.exec(t);
  return m ? m[1]! : t;
}

/** Safe-parses a model's JSON answer. */
export function parseAnswer(
  text: string,
): { success: true; value: unknown } | { success: false; error: string } {
  if (text.trim() === "") return { success: false, error: "the answer was empty" };
  try {
    return { success: true, value: JSON.parse(unfence(text)) };
  } catch (err) {
    return {
      success: false,
      error: `the answer is not valid JSON (${(err as Error).message}): answer with one ` +
        "JSON object and nothing else",
    };
  }
}

/** Drops Markdown headings: the brief has its own. */
function withoutHeadings(text: string): string {
  return text.split("\n").filter((l) => !/^\s{0,3}#{1,6}\s/.test(l)).join("\n").trim();
}

/**
 * An {@link Engine} that thinks with a language model. Build it with `createLlmEngine`
 * (agents/llm/mod.ts) from a `provider:model` setting, or directly with any AI SDK model.
 */
export class LlmEngine implements Engine {
  /** Shown to people as the engine behind the brief, e.g. `openai:gpt-4o-mini`. */
  readonly name: string;
  /** Analysts that may run at once. */
  readonly concurrency: number;
  readonly #model: LanguageModel;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #deltaIntervalMs: number;
  readonly #maxOutputTokens: number;
  readonly #providerOptions: LlmEngineOptions["providerOptions"];

  /** Creates the engine; nothing is sent to the model until a call. */
  constructor(opts: LlmEngineOptions) {
    this.name = opts.name;
    this.#model = opts.model;
    this.concurrency = opts.concurrency ?? LLM_DEFAULTS.concurrency;
    this.#timeoutMs = opts.timeoutMs ?? LLM_DEFAULTS.timeoutMs;
    this.#maxRetries = opts.maxRetries ?? LLM_DEFAULTS.maxRetries;
    this.#deltaIntervalMs = opts.deltaIntervalMs ?? LLM_DEFAULTS.deltaIntervalMs;
    this.#maxOutputTokens = opts.maxOutputTokens ?? LLM_DEFAULTS.maxOutputTokens;
    this.#providerOptions = opts.providerOptions;
  }

  /**
   * Plans the next clarifier round. The first round needs no model: it asks for the idea
   * (the `opening` of `clarifier.md`). Later rounds send the whole interview.
   */
  async *clarify(
    input: ClarifyInput,
    opts: RunOptions,
  ): AsyncGenerator<FrameBody, ClarifyOutput, unknown> {
    opts.signal.throwIfAborted();
    const prompt = PROMPTS.clarifier;
    if (input.transcript.length === 0) {
      return {
        requirements: emptyRequirements(""),
        missing: [...CLARIFY_TOPICS],
        questions: [{
          topic: "idea",
          question: prompt.meta.opening ?? "What would you like to build?",
        }],
      };
    }
    const last = input.round > input.maxRounds;
    const body = renderPrompt(prompt.body, {
      round: String(Math.min(input.round, input.maxRounds)),
      maxRounds: String(input.maxRounds),
      maxQuestions: String(input.maxQuestionsPerRound),
      roundNote: last
        ? "There are no rounds left: set `done` to true, ask nothing, and fill " +
          "`requirements` as well as you can."
        : "",
      transcript: data(transcriptText(numbered(input.transcript))),
      schema: schemaText(ClarifyPlan),
    });
    let previousError: string | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { text, finishReason } = yield* this.#call({
        agent: "clarifier",
        streamId: `clarifier-r${input.round}-${attempt}`,
        prompt: withRetry(body, previousError),
        schema: ClarifyPlan,
        maxOutputTokens: this.#maxOutputTokens,
      }, opts);
      const parsed = parseAnswer(text);
      if (!parsed.success) {
        previousError = truncated(finishReason, parsed.error);
        continue;
      }
      const plan = ClarifyPlan.safeParse(parsed.value);
      if (!plan.success) {
        previousError = describeIssues(plan.error);
        continue;
      }
      const { requirements, missing, done, questions } = plan.data;
      return {
        requirements: { idea: input.transcript[0]?.answer ?? "", ...requirements },
        missing,
        questions: done || last ? [] : questions.slice(0, input.maxQuestionsPerRound),
      };
    }
    throw new InvalidAgentOutputError("clarifier", previousError ?? "unknown");
  }

  /**
   * Produces one analysis as parsed JSON; the analyst validates it against `task.schema`.
   *
   * @throws {InvalidAgentOutputError} When the answer is not JSON at all, so that the
   * analyst asks once more.
   */
  async *analyse<T>(
    task: AnalysisTask<T>,
    opts: RunOptions,
  ): AsyncGenerator<FrameBody, unknown, unknown> {
    opts.signal.throwIfAborted();
    const own = ANALYST_PROMPTS.get(task.agent);
    const prompt = own && own.schema === task.schema ? own : PROMPTS.analyst;
    // Only what the analyst declares it reads (all of it without a declaration).
    const { reads } = task;
    const body = renderPrompt(prompt.body, {
      title: task.title,
      requirements: data(requirementsFor(reads, task.requirements)),
      transcript: data(transcriptText(transcriptFor(reads, task.transcript))),
      results: data(resultsFor(reads, task.results)),
      checklist: groundingChecklist(
        task.transcript,
        reads ? new Set(reads.requirements) : undefined,
      ),
      schema: schemaText(task.schema),
    });
    const { text, finishReason } = yield* this.#call({
      agent: task.agent,
      streamId: `${task.agent}-${task.previousError === undefined ? 1 : 2}`,
      prompt: withRetry(body, task.previousError),
      schema: task.schema,
      maxOutputTokens: this.#maxOutputTokens,
    }, opts);
    const parsed = parseAnswer(text);
    if (!parsed.success) {
      throw new InvalidAgentOutputError(task.agent, truncated(finishReason, parsed.error));
    }
    return parsed.value;
  }

  /** Writes the opening paragraphs of the brief from the validated results, as prose. */
  async *overview(
    input: OverviewInput,
    opts: RunOptions,
  ): AsyncGenerator<FrameBody, string, unknown> {
    opts.signal.throwIfAborted();
    // The parts of each analysis the two paragraphs are written from, not every finding.
    const body = renderPrompt(PROMPTS.overview.body, {
      requirements: data(overviewRequirements(input.requirements)),
      results: data(overviewResults(input.results), OVERVIEW_DROPS),
    });
    let previousError: string | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { text } = yield* this.#call({
        agent: "summary",
        streamId: `summary-${attempt}`,
        prompt: withRetry(body, previousError),
        maxOutputTokens: Math.min(1024, this.#maxOutputTokens),
      }, opts);
      const clean = withoutHeadings(text);
      if (clean !== "") return clean;
      previousError = "the answer was empty: write two short paragraphs of prose";
    }
    throw new InvalidAgentOutputError("summary", previousError ?? "unknown");
  }

  /**
   * Streams one call: yields `delta` frames while the model writes, reports what the call
   * cost through `opts.onMeta`, and returns the whole text.
   */
  async *#call(spec: CallSpec, opts: RunOptions): AsyncGenerator<FrameBody, CallResult, unknown> {
    const started = performance.now();
    const timeout = new AbortController();
    const timer = setTimeout(
      () =>
        timeout.abort(
          new DOMException(`Model call timed out after ${this.#timeoutMs} ms`, "TimeoutError"),
        ),
      this.#timeoutMs,
    );
    const signal = AbortSignal.any([opts.signal, timeout.signal]);
    // The conversation's end wins over the timeout; the timeout gets a clear message.
    const stopped = (err: unknown) =>
      opts.signal.aborted ? opts.signal.reason : timeout.signal.aborted
        ? new DOMException(
          `Model call of the ${spec.agent} agent timed out after ${this.#timeoutMs} ms`,
          "TimeoutError",
        )
        : err;
    try {
      const result = streamText({
        model: this.#model,
        instructions: PROMPTS.system.body,
        prompt: spec.prompt,
        ...(spec.schema
          ? { output: Output.object({ schema: spec.schema, name: outputName(spec.agent) }) }
          : {}),
        maxOutputTokens: spec.maxOutputTokens,
        maxRetries: this.#maxRetries,
        abortSignal: signal,
        headers: { "x-parley-agent": spec.agent },
        // Errors arrive as `error` parts below and are thrown from here; without this the
        // SDK would also print them to the console, past the server's logger.
        onError: () => {},
        ...(this.#providerOptions ? { providerOptions: this.#providerOptions } : {}),
      });
      let text = "";
      let unsent = "";
      let lastSent = -Infinity;
      let lastPartial = "";
      let finishReason = "unknown";
      let usage: { inputTokens: number | undefined; outputTokens: number | undefined } = {
        inputTokens: undefined,
        outputTokens: undefined,
      };
      const flush = async (): Promise<FrameBody | undefined> => {
        lastSent = performance.now();
        if (!spec.schema) {
          const delta = unsent;
          unsent = "";
          return delta
            ? { type: "delta", data: { agent: spec.agent, id: spec.streamId, text: delta } }
            : undefined;
        }
        unsent = "";
        const { value } = await parsePartialJson(unfence(text));
        if (typeof value !== "object" || value === null) return undefined;
        const json = JSON.stringify(value);
        if (json === lastPartial) return undefined;
        lastPartial = json;
        return { type: "delta", data: { agent: spec.agent, id: spec.streamId, partial: value } };
      };
      for await (const part of result.fullStream) {
        switch (part.type) {
          case "text-delta": {
            text += part.text;
            unsent += part.text;
            if (text.length > MAX_ANSWER_CHARS) {
              throw new RangeError(
                `Answer of the ${spec.agent} agent is too long: over ${MAX_ANSWER_CHARS} characters`,
              );
            }
            if (performance.now() - lastSent >= this.#deltaIntervalMs) {
              const frame = await flush();
              if (frame) yield frame;
            }
            break;
          }
          case "finish":
            finishReason = part.finishReason;
            usage = part.totalUsage;
            break;
          case "error":
            throw part.error;
          case "abort":
            throw signal.reason ?? new DOMException("Model call aborted", "AbortError");
        }
      }
      signal.throwIfAborted();
      if (unsent) {
        const frame = await flush();
        if (frame) yield frame;
      }
      const meta: CallMeta = {
        model: this.name,
        inputTokens: usage.inputTokens ?? 0,
        outputTokens: usage.outputTokens ?? 0,
        latencyMs: Math.round(performance.now() - started),
        attempts: 1,
      };
      opts.onMeta?.(meta);
      return { text, finishReason };
    } catch (err) {
      throw stopped(err);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A name for the answer's schema as providers accept it (`[A-Za-z0-9_-]`). */
function outputName(agent: string): string {
  return agent.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64) || "answer";
}

function withRetry(body: string, previousError: string | undefined): string {
  if (previousError === undefined) return body;
  return `${body}\n\n${renderPrompt(PROMPTS.retry.body, { previousError })}`;
}

function truncated(finishReason: string, error: string): string {
  return finishReason === "length"
    ? `the answer was cut off at the output token limit; answer more briefly (${error})`
    : error;
}
