/**
 * The offline engine: the default thinking behind Parley's agents when no model is
 * configured. It is a rule-based analyst, not a language model: lexicons and regexes read
 * the person's answers, and domain tables (payments, health, children, marketplaces,
 * enterprise, IoT, AI, …) turn the requirements into product, customer, engineering and
 * risk analyses. It needs no key and no network, and the same transcript always gives the
 * same brief.
 *
 * @example
 * ```ts
 * import { OfflineEngine } from "./mod.ts";
 *
 * const engine = new OfflineEngine();
 * const signal = new AbortController().signal;
 * const step = await engine.clarify(
 *   { transcript: [], round: 1, maxRounds: 3, maxQuestionsPerRound: 3 },
 *   { signal },
 * ).next();
 * if (!step.done) throw new Error("the offline engine streams nothing");
 * if (step.value.questions[0]?.topic !== "idea") throw new Error("it asks for the idea first");
 * ```
 *
 * @module
 */
import type {
  AnalysisTask,
  ClarifyInput,
  ClarifyOutput,
  Engine,
  FrameBody,
  OverviewInput,
  RunOptions,
} from "../types.ts";
import { customerAnalysis } from "./customer.ts";
import { engineerAnalysis } from "./engineer.ts";
import { understand } from "./extract.ts";
import { overviewText } from "./overview.ts";
import { planQuestions } from "./plan.ts";
import { type Profile, profileOf } from "./profile.ts";
import { productAnalysis } from "./product.ts";
import { riskAnalysis } from "./risk.ts";

/** The analysts by agent name. A `Map`, so that `constructor` is not an agent. */
const ANALYSTS: ReadonlyMap<string, (p: Profile) => unknown> = new Map<
  string,
  (p: Profile) => unknown
>([
  ["product", productAnalysis],
  ["customer", customerAnalysis],
  ["engineer", engineerAnalysis],
  ["risk", riskAnalysis],
]);

/**
 * Plans the next clarifier round from the whole transcript (stateless, so a replay asks
 * the same questions).
 */
export function clarify(input: ClarifyInput): ClarifyOutput {
  const u = understand(input.transcript);
  return { requirements: u.requirements, missing: u.missing, questions: planQuestions(u, input) };
}

/**
 * Produces one analysis for `task.agent` (`product`, `customer`, `engineer`, `risk`).
 *
 * @throws {TypeError} When there is no offline analyst for the agent.
 */
export function analyse(task: AnalysisTask<unknown>): unknown {
  const analyst = ANALYSTS.get(task.agent);
  if (!analyst) throw new TypeError(`Offline engine has no analyst for agent "${task.agent}"`);
  // The knowledge base reads the person's clauses; without a transcript, the idea is all.
  const transcript = task.transcript.length > 0
    ? task.transcript
    : [{ id: "idea", question: "", answer: task.requirements.idea }];
  return analyst(profileOf(task.requirements, understand(transcript).detection));
}

// The offline engine computes synchronously and streams nothing, but it must honour the
// Engine's async-generator shape; running the work inside the generator keeps errors and
// aborts on the first `next()`, exactly where a streaming engine would raise them.
// deno-lint-ignore require-yield
async function* returning<T>(
  signal: AbortSignal,
  work: () => T,
): AsyncGenerator<FrameBody, T, void> {
  signal.throwIfAborted();
  return work();
}

/** Rule-based, deterministic engine that needs no key and no network. */
export class OfflineEngine implements Engine {
  /** Shown to people as the engine behind the brief. */
  readonly name = "offline";
  readonly deterministic = true;

  /** Reads the transcript and plans the next clarifier round; yields nothing. */
  clarify(input: ClarifyInput, opts: RunOptions): AsyncGenerator<FrameBody, ClarifyOutput, void> {
    return returning(opts.signal, () => clarify(input));
  }

  /** Produces one analysis; the caller validates it against `task.schema`. Yields nothing. */
  analyse<T>(task: AnalysisTask<T>, opts: RunOptions): AsyncGenerator<FrameBody, unknown, void> {
    return returning(opts.signal, () => analyse(task as AnalysisTask<unknown>));
  }

  /** Writes the opening paragraphs of the brief (Markdown, no headings). Yields nothing. */
  overview(input: OverviewInput, opts: RunOptions): AsyncGenerator<FrameBody, string, void> {
    return returning(opts.signal, () => overviewText(input.requirements, input.results));
  }
}
