/**
 * The whole conversation as one async generator: Clarifier, then the analysts in order,
 * then the summary. It yields protocol frame bodies and takes each answer as the value of
 * the `yield` that asked the question. It never touches a socket or JSON.
 *
 * @module
 */
import type { Brief } from "../protocol/brief.js";
import type { Agent, CallMeta, Engine, FrameBody } from "./types.ts";
import { clarifier } from "./clarifier.ts";
import { error, result, status, sumMeta } from "./frames.ts";
import { briefTitle, renderBriefMarkdown } from "./summary.ts";
import { product } from "./product.ts";
import { customer } from "./customer.ts";
import { engineer } from "./engineer.ts";
import { risk } from "./risk.ts";
import { review } from "./review.ts";
import { diffBriefs, fingerprint, readInput } from "./rerun.ts";

/** The analysts, in the order they run. Adding an agent: one file, one entry here. */
export const defaultAnalysts: readonly Agent[] = [product, customer, engineer, risk];

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  /** The engine every agent thinks with. */
  engine: Engine;
  /** Aborted when the conversation ends or is cancelled: the pipeline stops and cleans up. */
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
  /**
   * How many analysts run at once (default `engine.concurrency`, else 1). With more than
   * one, their frames interleave but each agent's own frames stay in order, and the brief
   * lists results in the order of `analysts` whatever the finish order. An analyst sees in
   * `ctx.results` only the analysts that finished before it started, and must not ask
   * questions (two could then be pending at once).
   */
  concurrency?: number;
  /**
   * Called with what an agent's model calls cost: once per analyst (summed over its
   * attempts, also when it failed), once per Clarifier or summary call. For logs; the
   * same numbers go in the `meta` of the agent's `result` frame.
   */
  onAgentMeta?: (agent: string, meta: CallMeta) => void;
  /**
   * Ask the review question after the interview (default false; the server's
   * `PARLEY_REVIEW` turns it on).
   */
  review?: boolean;
  /**
   * Results of earlier runs of this conversation by `agent:fingerprint` (the `fingerprint`
   * of their `result` frames): an analyst whose input has one is not run again, its result
   * is kept.
   */
  reuse?: ReadonlyMap<string, unknown>;
  /** The brief this run replaces, when it follows an edit: sets `version` and `changes`. */
  previous?: { version: number; brief: Brief };
}

/** The key of a result in {@link PipelineOptions.reuse}. */
export function reuseKey(agent: string, fingerprint: string): string {
  return `${agent}:${fingerprint}`;
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
  const interview = yield* clarifier({
    engine,
    signal,
    ...(opts.maxRounds === undefined ? {} : { maxRounds: opts.maxRounds }),
    ...(opts.maxQuestionsPerRound === undefined
      ? {}
      : { maxQuestionsPerRound: opts.maxQuestionsPerRound }),
    onMeta: (m) => opts.onAgentMeta?.("clarifier", m),
  });
  // "Brief me now" skips the review as well: the person asked for the brief.
  const { requirements, transcript } = opts.review && !interview.finished
    ? yield* review({
      engine,
      signal,
      requirements: interview.requirements,
      transcript: interview.transcript,
      maxRounds: opts.maxRounds ?? 3,
      onMeta: (m) => opts.onAgentMeta?.("clarifier", m),
    })
    : interview;

  const analysts = opts.analysts ?? defaultAnalysts;
  const concurrency = opts.concurrency ?? engine.concurrency ?? 1;
  if (!(concurrency >= 1)) {
    throw new RangeError(`concurrency must be at least 1: got ${concurrency}`);
  }
  // Aborted when the analysts stop early, so that a call in flight ends and its generator
  // can be closed; the conversation's own signal stops them too.
  const stop = new AbortController();
  // One at a time needs no second signal (AbortSignal.any costs a WeakRef per call).
  const agentSignal = concurrency === 1 ? signal : AbortSignal.any([signal, stop.signal]);
  const finished: Record<string, unknown> = {};
  // What each analyst reads, fingerprinted: an input seen before keeps its result.
  const prints = new Map<string, string>();
  for (const agent of analysts) {
    const input = agent.reads?.results?.length ? undefined : agent.reads;
    if (input) prints.set(agent.name, fingerprint(readInput(input, requirements, {}, null)));
  }
  const keptOf = (agent: Agent) => {
    const fp = prints.get(agent.name);
    return fp !== undefined && opts.reuse?.has(reuseKey(agent.name, fp)) ? fp : undefined;
  };
  const rerun = analysts.filter((a) => keptOf(a) === undefined).map((a) => a.name);
  const kept = analysts.filter((a) => keptOf(a) !== undefined).map((a) => a.name);
  if (opts.previous) {
    yield {
      type: "progress",
      data: {
        message: kept.length === 0
          ? `Re-running every analyst: ${rerun.join(", ")}`
          : `Re-running ${rerun.join(", ") || "no analyst"}; keeping ${
            kept.join(", ")
          } (what they read did not change)`,
        rerun,
        kept,
      },
    };
  }
  async function* runAnalyst(agent: Agent): AsyncGenerator<FrameBody, void, string | undefined> {
    agentSignal.throwIfAborted();
    const keptPrint = keptOf(agent);
    if (keptPrint !== undefined) {
      const value = opts.reuse!.get(reuseKey(agent.name, keptPrint));
      yield status(
        `Keeping the ${agent.title} agent's result: what it reads did not change`,
        agent.name,
      );
      finished[agent.name] = value;
      yield {
        type: "result",
        data: { agent: agent.name, data: value, fingerprint: keptPrint, kept: true },
      };
      return;
    }
    const doing = agent.working ? `: ${agent.working}` : "...";
    yield status(`Running ${agent.title} agent${doing}`, agent.name);
    let meta: CallMeta | undefined;
    const onMeta = (m: CallMeta) => void (meta = meta === undefined ? m : sumMeta(meta, m));
    try {
      const value = yield* agent.run({
        engine,
        signal: agentSignal,
        requirements,
        transcript,
        // A snapshot: what finished before this agent started, the same in both modes.
        results: { ...finished },
        onMeta,
      });
      finished[agent.name] = value;
      if (meta) opts.onAgentMeta?.(agent.name, meta);
      const print = prints.get(agent.name) ??
        fingerprint(readInput(agent.reads, requirements, finished, transcript));
      const frame = result(agent.name, value, meta);
      yield { ...frame, data: { ...frame.data, fingerprint: print } };
    } catch (err) {
      if (agentSignal.aborted) throw err;
      if (meta) opts.onAgentMeta?.(agent.name, meta);
      yield fail(agent.name, agent.title, err);
    }
  }
  if (concurrency === 1) {
    for (const agent of analysts) yield* runAnalyst(agent);
  } else {
    yield* fanIn(analysts.map((a) => () => runAnalyst(a)), concurrency, stop);
  }
  const results: Record<string, unknown> = {};
  const failed: string[] = [];
  for (const agent of analysts) {
    if (Object.hasOwn(finished, agent.name)) results[agent.name] = finished[agent.name];
    else failed.push(agent.name);
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
    overview = yield* engine.overview({ requirements, results }, {
      signal,
      onMeta: (m) => opts.onAgentMeta?.("summary", m),
    });
  } catch (err) {
    yield fail("summary", "Summary", err);
  }
  const version = (opts.previous?.version ?? 0) + 1;
  yield {
    type: "complete",
    data: {
      summary: renderBriefMarkdown(brief, overview),
      brief,
      version,
      ...(opts.previous
        ? {
          changes: diffBriefs(opts.previous.version, opts.previous.brief, brief, { rerun, kept }),
        }
        : {}),
    },
  };
  return brief;
}

type Stage = AsyncGenerator<FrameBody, void, string | undefined>;
type Step = { gen: Stage; next: IteratorResult<FrameBody, void> } | { gen: Stage; error: unknown };

/**
 * Runs stages at most `limit` at a time and yields their frames as they come, so each
 * stage's own frames stay in order; an answer goes back to the stage that asked. With a
 * limit of 1 this is `yield*` over each stage in turn. When it stops early (a stage
 * throws, or the caller calls `return()`), it aborts `stop` so that calls in flight end,
 * then calls `return()` on every stage still open.
 */
export async function* fanIn(
  stages: readonly (() => Stage)[],
  limit: number,
  stop: AbortController,
): AsyncGenerator<FrameBody, void, string | undefined> {
  const open = new Set<Stage>();
  const pending = new Map<Stage, Promise<Step>>();
  // A settled step never rejects, so a stage that fails after we stopped listening is
  // not an unhandled rejection.
  const pull = (gen: Stage, answer?: string) =>
    pending.set(
      gen,
      gen.next(answer).then((next) => ({ gen, next }), (error: unknown) => ({ gen, error })),
    );
  let started = 0;
  const fill = () => {
    while (open.size < limit && started < stages.length) {
      const gen = stages[started++]!();
      open.add(gen);
      pull(gen);
    }
  };
  try {
    fill();
    while (pending.size > 0) {
      const step = await Promise.race(pending.values());
      pending.delete(step.gen);
      if ("error" in step) {
        open.delete(step.gen);
        throw step.error;
      }
      if (step.next.done) {
        open.delete(step.gen);
        fill();
        continue;
      }
      pull(step.gen, yield step.next.value);
    }
  } finally {
    if (open.size > 0) {
      stop.abort(new DOMException("The analysts were stopped", "AbortError"));
      await Promise.allSettled([...open].map((gen) => gen.return(undefined)));
    }
  }
}
