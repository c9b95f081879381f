/**
 * Runs one idea of the evaluation set through the real pipeline, answering each question by
 * its topic as the person in the set would.
 *
 * @module
 */
import { runPipeline } from "../../agents/pipeline.ts";
import type { Engine } from "../../agents/types.ts";
import type { AnswerTopic, EvalIdea } from "./types.ts";

export type { Engine, EvalIdea };

/** Most questions answered in one conversation, so a looping interview cannot hang the run. */
export const MAX_QUESTIONS = 40;

/** What one conversation produced. */
export interface Conversation {
  /** `complete.data.summary`: the brief as Markdown. */
  summary: string;
  /** `complete.data.brief`: the structured brief, as sent (not validated here). */
  brief: unknown;
  /** The answers given, in order: the person's own words. */
  said: string[];
  /** The `data.topic` of each question asked, in order (`?` when a question had none). */
  topics: string[];
}

/**
 * The answer the person gives to a question about `topic`: the answer for that topic, else
 * "ok" to a review question, else the idea's `other` answer.
 */
export function answerFor(idea: EvalIdea, topic: string | undefined): string {
  const a = idea.answers;
  if (topic === "idea") return a.idea;
  const given = topic === undefined ? undefined : a[topic as AnswerTopic];
  if (given !== undefined) return given;
  return topic === "review" ? "ok" : a.other;
}

/**
 * Runs the whole conversation for `idea` with `engine`. The first question gets the idea,
 * whatever its topic says. Throws a RangeError if the interview asks more than
 * {@link MAX_QUESTIONS} questions.
 */
export async function converse(idea: EvalIdea, engine: Engine): Promise<Conversation> {
  const gen = runPipeline({ engine, signal: new AbortController().signal });
  const said: string[] = [];
  const topics: string[] = [];
  let summary = "";
  let brief: unknown;
  try {
    let step = await gen.next();
    while (!step.done) {
      const frame = step.value;
      let answer: string | undefined;
      if (frame.type === "question") {
        if (topics.length >= MAX_QUESTIONS) {
          throw new RangeError(`The interview asked more than ${MAX_QUESTIONS} questions`);
        }
        const data = frame.data as { topic?: unknown };
        const topic = typeof data.topic === "string" ? data.topic : undefined;
        answer = topics.length === 0 ? idea.answers.idea : answerFor(idea, topic);
        topics.push(topic ?? "?");
        said.push(answer);
      } else if (frame.type === "complete") {
        const data = frame.data as { summary?: unknown; brief?: unknown };
        summary = typeof data.summary === "string" ? data.summary : "";
        brief = data.brief;
      }
      step = await gen.next(answer);
    }
  } finally {
    await gen.return(undefined as never);
  }
  return { summary, brief, said, topics };
}
