/**
 * The Clarifier: interviews the person over up to `maxRounds` rounds. Each question is a
 * yielded `question` frame; the answer comes back as the value of that `yield`. Each
 * round ends with a clarifier `result` `{done, resp, …}`; it stops early when the engine
 * has nothing more to ask, or when an answer is `FINISH_ANSWER` (the person asked for the
 * brief now: that question is dropped and the analysts work from what was said).
 *
 * @module
 */
import type { ClarifierResult, QA, Requirements } from "../protocol/brief.js";
import type { CallMeta, Engine, FrameBody } from "./types.ts";
import { progress, result, sumMeta } from "./frames.ts";
import { FINISH_ANSWER } from "../protocol/constants.js";

/** Options of {@link clarifier}. */
export interface ClarifierOptions {
  /** The engine that plans each round's questions. */
  engine: Engine;
  /** Aborted when the conversation ends or is cancelled. */
  signal: AbortSignal;
  /** Most rounds of questions (default 3). */
  maxRounds?: number;
  /** Most questions in one round (default 3). */
  maxQuestionsPerRound?: number;
  /** Called after each model call the engine makes for the Clarifier (see `RunOptions`). */
  onMeta?: (meta: CallMeta) => void;
}

/** What the Clarifier hands the analysts. */
export interface ClarifierOutcome {
  /** Everything understood from the interview. */
  requirements: Requirements;
  /** Every question asked and its answer, in order; the first answer is the idea. */
  transcript: QA[];
  /** The person asked for the brief now (`FINISH_ANSWER`): the review is skipped too. */
  finished?: boolean;
}

/** Default number of clarifier rounds. */
export const DEFAULT_MAX_ROUNDS = 3;
/** Default number of questions per round. */
export const DEFAULT_MAX_QUESTIONS_PER_ROUND = 3;

/**
 * Runs the interview. Drive it with `gen.next(answer)` after each `question` frame.
 *
 * @example
 * ```ts
 * import { clarifier } from "./clarifier.ts";
 * import { OfflineEngine } from "./offline/mod.ts";
 *
 * const gen = clarifier({ engine: new OfflineEngine(), signal: AbortSignal.timeout(10_000) });
 * let step = await gen.next();
 * while (!step.done) {
 *   step = await gen.next(step.value.type === "question" ? "My answer" : undefined);
 * }
 * ```
 */
export async function* clarifier(
  opts: ClarifierOptions,
): AsyncGenerator<FrameBody, ClarifierOutcome, string | undefined> {
  const maxRounds = opts.maxRounds ?? DEFAULT_MAX_ROUNDS;
  const maxQuestionsPerRound = opts.maxQuestionsPerRound ?? DEFAULT_MAX_QUESTIONS_PER_ROUND;
  if (!(maxRounds >= 1)) throw new RangeError(`maxRounds must be at least 1: got ${maxRounds}`);
  const transcript: QA[] = [];
  // What the model calls of the round being planned cost; sent as the round result's `meta`.
  let meta: CallMeta | undefined;
  const onMeta = (m: CallMeta) => {
    meta = meta === undefined ? m : sumMeta(meta, m);
    opts.onMeta?.(m);
  };
  const ask = (round: number) => {
    meta = undefined;
    return opts.engine.clarify({ transcript, round, maxRounds, maxQuestionsPerRound }, {
      signal: opts.signal,
      onMeta,
    });
  };

  let plan = yield* ask(1);
  for (let round = 1;; round++) {
    const questions = plan.questions.slice(0, maxQuestionsPerRound);
    yield progress(
      "clarifier",
      round === 1
        ? "Clarifier (Round 1): I need to understand your idea first…"
        : `Clarifier (Round ${round}): a few more questions about ${
          questions.map((q) => q.topic).join(", ")
        }…`,
    );
    const resp: QA[] = [];
    // The person asked for the brief now: no more questions, analyse what was said.
    let finished = false;
    // An estimate of the whole interview: what is asked so far, this round, and the
    // missing topics later rounds could still ask about (it may change as answers come).
    const later = Math.max(0, plan.missing.length - questions.length);
    const about = transcript.length + questions.length +
      Math.min(later, (maxRounds - round) * maxQuestionsPerRound);
    for (const [i, q] of questions.entries()) {
      const id = `clarifier-r${round}-q${i + 1}`;
      const number = transcript.length + 1;
      const answer = yield {
        type: "question",
        data: {
          question: q.question,
          id,
          agent: "clarifier",
          round,
          topic: q.topic,
          progress: { number, about: Math.max(about, number), round, rounds: maxRounds },
        },
      };
      if (typeof answer !== "string") {
        throw new TypeError(`Clarifier expected an answer to question ${id}: got none`);
      }
      if (answer === FINISH_ANSWER) {
        finished = true;
        break;
      }
      // The topic travels with the transcript, so no engine recovers it from the wording.
      const qa: QA = { id, question: q.question, answer, topic: q.topic.slice(0, 64) };
      resp.push(qa);
      transcript.push(qa);
    }
    opts.signal.throwIfAborted();
    const last = round >= maxRounds;
    const next = yield* ask(round + 1);
    const done = last || finished || next.questions.length === 0;
    const data: ClarifierResult = {
      done,
      resp,
      round,
      requirements: next.requirements,
      missing: next.missing,
    };
    yield result("clarifier", data, meta);
    if (done) {
      return { requirements: next.requirements, transcript, ...(finished ? { finished } : {}) };
    }
    plan = next;
  }
}
