/**
 * The whole conversation as one async generator: Clarifier, then the analysts in order,
 * then the summary. It yields protocol frame bodies and takes each answer as the value of
 * the `yield` that asked the question. It never touches a socket or JSON.
 *
 * @module
 */
import type { Brief } from "../protocol/brief.js";
import type { Agent, Engine, FrameBody } from "./types.ts";
import { clarifier } from "./clarifier.ts";
import { error, result, status } from "./frames.ts";
import { briefTitle, renderBriefMarkdown } from "./summary.ts";
import { product } from "./product.ts";
import { customer } from "./customer.ts";
import { engineer } from "./engineer.ts";
import { risk } from "./risk.ts";

/** The analysts, in the order they run. Adding an agent: one file, one entry here. */
export const defaultAnalysts: readonly Agent[] = [product, customer, engineer, risk];

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  engine: Engine;
  signal: AbortSignal;
  /** The analysts to run after the Clarifier (default {@link defaultAnalysts}). */
  analysts?: readonly Agent[];
  /** Most clarifier rounds (default 3). */
  maxRounds?: number;
  /** Most questions per clarifier round (default 3). */
  maxQuestionsPerRound?: number;
  /**
   * Called when an agent throws, with a short reference that the `error` frame carries
   * too, so an operator can find the detail in the logs. Agents never see a logger.
   */
  onAgentError?: (agent: string, error: unknown, ref: string) => void;
}

/** A short random reference for an error, shown to the person and logged with the detail. */
function errorRef(): string {
  return crypto.randomUUID().slice(0, 8);
}

/**
 * Runs a whole conversation. Returns the structured brief.
 *
 * An agent that throws becomes an `error` frame with a safe message (the detail goes to
 * `onAgentError`) and the others go on; the brief lists it in `failed`.
 */
export async function* runPipeline(
  opts: PipelineOptions,
): AsyncGenerator<FrameBody, Brief, string | undefined> {
  const { engine, signal } = opts;
  const fail = (agent: string, title: string, err: unknown) => {
    if (signal.aborted) throw err;
    const ref = errorRef();
    opts.onAgentError?.(agent, err, ref);
    return error(`The ${title} agent failed (ref ${ref}); the others go on.`, {
      code: "agent_failed",
      agent,
      ref,
    });
  };

  yield status("Starting Clarifier conversation...", "clarifier");
  const { requirements, transcript } = yield* clarifier({
    engine,
    signal,
    ...(opts.maxRounds === undefined ? {} : { maxRounds: opts.maxRounds }),
    ...(opts.maxQuestionsPerRound === undefined
      ? {}
      : { maxQuestionsPerRound: opts.maxQuestionsPerRound }),
  });

  const results: Record<string, unknown> = {};
  const failed: string[] = [];
  for (const agent of opts.analysts ?? defaultAnalysts) {
    signal.throwIfAborted();
    const doing = agent.working ? `: ${agent.working}` : "...";
    yield status(`Running ${agent.title} agent${doing}`, agent.name);
    try {
      const value = yield* agent.run({ engine, signal, requirements, transcript, results });
      results[agent.name] = value;
      yield result(agent.name, value);
    } catch (err) {
      failed.push(agent.name);
      yield fail(agent.name, agent.title, err);
    }
  }

  signal.throwIfAborted();
  yield status("Writing the summary...", "summary");
  const brief: Brief = {
    title: briefTitle(requirements),
    engine: engine.name,
    requirements,
    transcript,
    results,
    failed,
  };
  let overview = "";
  try {
    overview = yield* engine.overview({ requirements, results }, { signal });
  } catch (err) {
    yield fail("summary", "Summary", err);
  }
  yield {
    type: "complete",
    data: { summary: renderBriefMarkdown(brief, overview), brief },
  };
  return brief;
}
