/**
 * Test doubles for agents and engines: a scripted engine that records its calls, and a
 * driver that runs a pipeline to the end with canned answers. Used by Parley's tests and
 * by anyone writing their own agents.
 *
 * @module
 */
import { emptyRequirements } from "../protocol/brief.js";
import type {
  AnalysisTask,
  ClarifyInput,
  ClarifyOutput,
  Engine,
  FrameBody,
  OverviewInput,
  PlannedQuestion,
} from "./types.ts";

export { emptyRequirements };

/** Options of {@link ScriptedEngine}. */
export interface ScriptedEngineOptions {
  /** Questions per round, index 0 = round 1. Rounds past the end ask nothing. */
  rounds?: PlannedQuestion[][];
  /** Result per agent; a function may throw to simulate a failing engine. */
  analyses?: Record<string, unknown | ((task: AnalysisTask) => unknown)>;
  overview?: string;
}

/** A deterministic engine whose answers are given up front; records every call. */
export class ScriptedEngine implements Engine {
  readonly name = "scripted";
  readonly deterministic = true;
  readonly calls: { method: string; input: unknown }[] = [];
  readonly #opts: ScriptedEngineOptions;

  constructor(opts: ScriptedEngineOptions = {}) {
    this.#opts = opts;
  }

  // deno-lint-ignore require-yield
  async *clarify(input: ClarifyInput): AsyncGenerator<FrameBody, ClarifyOutput, unknown> {
    this.calls.push({ method: "clarify", input: structuredClone(input) });
    const rounds = this.#opts.rounds ?? [[{ topic: "idea", question: "What is your idea?" }]];
    const questions = input.round <= input.maxRounds ? rounds[input.round - 1] ?? [] : [];
    return {
      requirements: emptyRequirements(input.transcript[0]?.answer ?? ""),
      missing: [],
      questions,
    };
  }

  // deno-lint-ignore require-yield
  async *analyse<T>(task: AnalysisTask<T>): AsyncGenerator<FrameBody, unknown, unknown> {
    this.calls.push({
      method: "analyse",
      input: { agent: task.agent, previousError: task.previousError },
    });
    const a = this.#opts.analyses?.[task.agent];
    return typeof a === "function" ? a(task) : a;
  }

  // deno-lint-ignore require-yield
  async *overview(_input: OverviewInput): AsyncGenerator<FrameBody, string, unknown> {
    this.calls.push({ method: "overview", input: null });
    return this.#opts.overview ?? "An overview.";
  }
}

/**
 * Runs a generator that asks questions to its end, answering each with the next of
 * `answers` (or `"n/a"` when they run out). Returns the yielded frames and the result.
 */
export async function drive<R>(
  gen: AsyncGenerator<FrameBody, R, string | undefined>,
  answers: readonly string[] = [],
): Promise<{ frames: FrameBody[]; value: R }> {
  const frames: FrameBody[] = [];
  let i = 0;
  let step = await gen.next();
  while (!step.done) {
    frames.push(step.value);
    step = await gen.next(step.value.type === "question" ? answers[i++] ?? "n/a" : undefined);
  }
  return { frames, value: step.value };
}

/** Small valid results for the four built-in analysts, for tests of what surrounds them. */
export const sampleAnalyses = {
  product: {
    vision: "Families share one todo list.",
    goals: ["Fewer forgotten chores"],
    userStories: [{
      asA: "a parent",
      iWant: "to assign chores",
      soThat: "nothing is forgotten",
      priority: "must",
    }],
    mvpScope: ["Shared list"],
    laterScope: ["Rewards"],
    requirements: [{ id: "R1", text: "Shared list", priority: "must", rationale: "Core flow" }],
    successMetrics: ["Weekly active families"],
  },
  customer: {
    segments: [{ name: "Busy parents", description: "Two working parents with kids" }],
    personas: [{
      name: "Ana",
      role: "Parent",
      goals: ["Calm evenings"],
      frustrations: ["Nagging"],
    }],
    jobs: ["Split chores fairly"],
    pains: ["Forgotten chores"],
    adoptionRisks: ["Kids ignore the app"],
    channels: ["App stores"],
  },
  engineer: {
    components: [{ name: "API", responsibility: "Lists and sync" }],
    platforms: ["iOS", "Android"],
    data: [{ entity: "Task", notes: "title, assignee, due" }],
    integrations: [{ name: "Push", purpose: "Reminders" }],
    stack: [{ layer: "Mobile", choice: "React Native", reason: "One code base" }],
    effort: {
      size: "M",
      personWeeksLow: 8,
      personWeeksHigh: 14,
      team: "2 engineers",
      assumptions: ["No web app"],
    },
  },
  risk: {
    risks: [{
      id: "R1",
      title: "Children's data",
      category: "compliance",
      likelihood: "medium",
      impact: "high",
      mitigation: "COPPA parental consent",
    }],
  },
} as const;
