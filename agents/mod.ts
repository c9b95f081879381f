/**
 * Parley's agents: the pipeline as async generators that yield protocol frames, the
 * built-in agents, and the engine interface they think with.
 *
 * @example
 * ```ts
 * import { runPipeline } from "./mod.ts";
 * import { OfflineEngine } from "./offline/mod.ts";
 * const gen = runPipeline({ engine: new OfflineEngine(), signal: AbortSignal.timeout(60_000) });
 * let step = await gen.next();
 * while (!step.done) {
 *   const frame = step.value;
 *   step = await gen.next(frame.type === "question" ? "A todo app for families" : undefined);
 * }
 * ```
 *
 * @module
 */
export type * from "./types.ts";
export type { AgentReads, RequirementsField } from "./rerun.ts";
export { defaultAnalysts, type PipelineOptions, runPipeline } from "./pipeline.ts";
export {
  clarifier,
  type ClarifierOptions,
  type ClarifierOutcome,
  DEFAULT_MAX_QUESTIONS_PER_ROUND,
  DEFAULT_MAX_ROUNDS,
} from "./clarifier.ts";
export { type AnalystSpec, defineAnalyst, InvalidAgentOutputError } from "./analyst.ts";
export { renderBriefMarkdown } from "./summary.ts";
export { product } from "./product.ts";
export { customer } from "./customer.ts";
export { engineer } from "./engineer.ts";
export { risk } from "./risk.ts";
export * as frames from "./frames.ts";
