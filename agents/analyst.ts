/**
 * Builds an analysis agent from a name, a title and a schema: the shared way Product,
 * Customer, Engineer and Risk ask the engine for their analysis and validate it.
 *
 * @module
 */
import type { z } from "zod";
import type { Agent, AgentContext, FrameBody } from "./types.ts";
import { progress } from "./frames.ts";
import type { AgentReads } from "./rerun.ts";

/** What defines an analysis agent. */
export interface AnalystSpec<T> {
  /** Wire name, used in `result.data.agent` (e.g. `product`). */
  name: string;
  /** Title shown to people (e.g. `Product`). */
  title: string;
  /** The schema the engine's output must satisfy. */
  schema: z.ZodType<T>;
  /** What the agent does, shown in its stage's `status` frame. */
  working: string;
  /** What its result depends on (see `Agent.reads`). */
  reads?: AgentReads;
}

/**
 * Raised when an engine's output does not match the agent's schema, even after a retry.
 * An engine may throw it too (for example when a model's answer is not JSON at all): the
 * analyst then asks once more with `detail` as `previousError`, as for a schema mismatch.
 */
export class InvalidAgentOutputError extends Error {
  /** The agent whose output was invalid. */
  readonly agent: string;
  /** What was wrong, in words a model can act on. */
  readonly detail: string;
  /**
   * Creates the error; its message names the agent and the detail.
   *
   * @param agent The agent whose output was invalid.
   * @param detail What was wrong, in words a model can act on.
   * @param options The `cause`, when there is one.
   */
  constructor(agent: string, detail: string, options?: ErrorOptions) {
    super(`Output of the ${agent} agent does not match its schema: ${detail}`, options);
    this.name = "InvalidAgentOutputError";
    this.agent = agent;
    this.detail = detail;
  }
}

/** Formats the first few zod issues as one line a model (or a person) can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/**
 * Makes an {@link Agent} that asks the engine for an analysis, validates it against
 * `spec.schema`, and asks once more with the validation error if it is invalid.
 *
 * @example
 * ```ts
 * import { defineAnalyst } from "./analyst.ts";
 * import { ProductAnalysis } from "../protocol/brief.js";
 *
 * export const product = defineAnalyst({
 *   name: "product", title: "Product", schema: ProductAnalysis,
 *   working: "defining goals, user stories and the MVP scope",
 * });
 * ```
 */
export function defineAnalyst<T>(spec: AnalystSpec<T>): Agent<T> {
  return {
    name: spec.name,
    title: spec.title,
    working: spec.working,
    ...(spec.reads ? { reads: spec.reads } : {}),
    async *run(ctx: AgentContext): AsyncGenerator<FrameBody, T, string | undefined> {
      let previousError: string | undefined;
      for (let attempt = 1; attempt <= 2; attempt++) {
        let raw: unknown;
        try {
          raw = yield* ctx.engine.analyse({
            agent: spec.name,
            title: spec.title,
            schema: spec.schema,
            requirements: ctx.requirements,
            transcript: ctx.transcript,
            results: ctx.results,
            ...(spec.reads ? { reads: spec.reads } : {}),
            ...(previousError === undefined ? {} : { previousError }),
          }, { signal: ctx.signal, ...(ctx.onMeta ? { onMeta: ctx.onMeta } : {}) });
        } catch (err) {
          // An engine that could not even parse its model's answer gets the same one retry.
          if (!(err instanceof InvalidAgentOutputError) || attempt === 2) throw err;
          previousError = err.detail;
          yield progress(spec.name, `${spec.title}: output was incomplete, asking again…`);
          continue;
        }
        const parsed = spec.schema.safeParse(raw);
        if (parsed.success) return parsed.data;
        previousError = describeIssues(parsed.error);
        if (attempt === 1) {
          yield progress(spec.name, `${spec.title}: output was incomplete, asking again…`);
        }
      }
      throw new InvalidAgentOutputError(spec.name, previousError ?? "unknown");
    },
  };
}
