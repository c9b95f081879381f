/**
 * The types every agent and engine shares. Agents are async generators: they yield
 * protocol frame bodies (no `seq`/`ts`; the session stamps those) and receive the
 * person's answer as the value of the `yield` that asked a question.
 *
 * @module
 */
import type { z } from "zod";
import type { FrameBody } from "../protocol/mod.js";
import type { QA, Requirements } from "../protocol/brief.js";
import type { AgentReads } from "./rerun.ts";

export type { FrameBody };

/** What one model call cost: reported by engines that call a model, summed per agent. */
export interface CallMeta {
  /** The engine's name, e.g. `openai:gpt-4o-mini`. */
  model: string;
  /** Prompt tokens, as the provider counted them (0 when it did not say). */
  inputTokens: number;
  /** Completion tokens, as the provider counted them (0 when it did not say). */
  outputTokens: number;
  /** Wall time of the call, retries and backoff included, in milliseconds. */
  latencyMs: number;
  /** Model calls made: 1, or 2 when the first output was rejected and asked again. */
  attempts: number;
}

/** Options every agent and engine call takes. */
export interface RunOptions {
  /** Aborted when the conversation ends or is cancelled: stop work and release resources. */
  signal: AbortSignal;
  /**
   * Called by an engine after each model call it makes, with what the call cost. The
   * offline engine never calls it. The pipeline sums the calls per agent into the
   * `meta` of the agent's `result` frame.
   */
  onMeta?: (meta: CallMeta) => void;
}

/** What the Clarifier asks the engine before each round. */
export interface ClarifyInput {
  /** Every question answered so far, in order. The first answer is the idea itself. */
  transcript: readonly QA[];
  /** The round about to be asked, from 1. */
  round: number;
  /** Most rounds the interview may have. */
  maxRounds: number;
  /** Most questions this round may ask. */
  maxQuestionsPerRound: number;
}

/** A question the engine wants asked, and the topic it is about. */
export interface PlannedQuestion {
  /** `idea`, `users`, `platforms`, `features`, `scale`, `budget`, `timeline`, `compliance`, … */
  topic: string;
  /** The question, as the person will read it. */
  question: string;
}

/** The engine's reading of the conversation so far, and what to ask next. */
export interface ClarifyOutput {
  /** Everything understood from the transcript. */
  requirements: Requirements;
  /** Topics still unknown. */
  missing: string[];
  /** Questions for this round, at most `maxQuestionsPerRound`; empty when it knows enough. */
  questions: PlannedQuestion[];
}

/** One analysis an engine is asked to produce. */
export interface AnalysisTask<T = unknown> {
  /** Agent name, e.g. `product`. */
  agent: string;
  /** Human title, e.g. `Product`. */
  title: string;
  /** The schema the result must satisfy. */
  schema: z.ZodType<T>;
  /** Everything understood from the interview (after the review, when there was one). */
  requirements: Requirements;
  /** Every question asked and its answer, in order. */
  transcript: readonly QA[];
  /** Results of the agents that ran before, by agent name. */
  results: Readonly<Record<string, unknown>>;
  /**
   * What the agent declares it reads (`Agent.reads`): an engine may send a model only
   * that part of `requirements`, `transcript` and `results`. Without it, all of them.
   */
  reads?: AgentReads;
  /** Set on a retry: why the previous output was rejected. */
  previousError?: string;
}

/** What the review stage hands an engine's `review`. */
export interface ReviewInput {
  /** What the Clarifier understood, as the review question showed it. */
  requirements: Requirements;
  /** Every question asked and its answer, in order. */
  transcript: readonly QA[];
  /** The person's reply to the review question. */
  reply: string;
}

/** An engine's reading of a review reply. */
export interface ReviewReading {
  /** The requirements with the corrections applied. */
  requirements: Requirements;
  /** Fields the reply changed. */
  changed: string[];
  /** Parts of the reply that were not understood, verbatim; empty when all was. */
  notUnderstood: string[];
}

/** What the summary stage hands the engine to write the overview of the brief. */
export interface OverviewInput {
  /** Everything understood from the interview. */
  requirements: Requirements;
  /** The analysts' results, by agent name. */
  results: Readonly<Record<string, unknown>>;
}

/**
 * The thinking behind the agents. The offline engine implements it with rules and
 * domain tables; a model provider implements it with an LLM. Each method is an async
 * generator so that an engine can stream (`yield` frames such as progress) before it
 * returns its value; the offline engine yields nothing.
 */
export interface Engine {
  /** Short name shown to people, e.g. `offline` or `openai:gpt-4o-mini`. */
  readonly name: string;
  /**
   * How many analyses this engine may run at once; the pipeline's default `concurrency`
   * (default 1: one after the other).
   */
  readonly concurrency?: number;
  /**
   * True when the same inputs always give the same outputs (the offline engine). A
   * session recovered after a restart then simply runs it again; other engines' finished
   * calls are stored and replayed instead.
   */
  readonly deterministic?: boolean;
  /** Reads the transcript and plans the next clarifier round. */
  clarify(input: ClarifyInput, opts: RunOptions): AsyncGenerator<FrameBody, ClarifyOutput, unknown>;
  /** Produces one analysis. The result is validated by the caller against `task.schema`. */
  analyse<T>(task: AnalysisTask<T>, opts: RunOptions): AsyncGenerator<FrameBody, unknown, unknown>;
  /**
   * Optional: reads the person's free-text reply to the review question against what was
   * understood. Without it, the review stage uses the offline correction reader for a
   * deterministic engine and asks `clarify` again, with the reply in the transcript, for
   * the others (a model re-reads the whole conversation).
   */
  review?(input: ReviewInput, opts: RunOptions): AsyncGenerator<FrameBody, ReviewReading, unknown>;
  /** Writes the opening paragraph of the brief (Markdown, no headings). */
  overview(input: OverviewInput, opts: RunOptions): AsyncGenerator<FrameBody, string, unknown>;
}

/** What the pipeline hands each agent. */
export interface AgentContext extends RunOptions {
  /** The engine the agent thinks with. */
  engine: Engine;
  /** Everything understood from the interview. */
  requirements: Requirements;
  /** Every question asked and its answer, in order. */
  transcript: readonly QA[];
  /** Results of the agents that ran before, by agent name. */
  results: Readonly<Record<string, unknown>>;
}

/**
 * An analysis agent: one file in `agents/`, one line in the pipeline's list. It yields
 * frames while it works and returns its result; the pipeline sends that as `result`.
 */
export interface Agent<T = unknown> {
  /** Wire name, used in `result.data.agent`. */
  readonly name: string;
  /** Title shown to people. */
  readonly title: string;
  /** What it does, in a few words ("building the risk register"), shown when it starts. */
  readonly working?: string;
  /**
   * What its result depends on. After an edit, the pipeline reuses the previous result
   * when none of it changed; without `reads`, any change re-runs the agent.
   */
  readonly reads?: AgentReads;
  /** Does the work: yields frames while it works and returns its result. */
  run(ctx: AgentContext): AsyncGenerator<FrameBody, T, string | undefined>;
}
