/**
 * Small constructors for the frame bodies agents yield, so that agent code reads as
 * what it says and the shapes stay those of protocol/mod.js.
 *
 * @module
 */
import type { FrameBody } from "../protocol/mod.js";
import type { CallMeta } from "./types.ts";

type Body<T extends FrameBody["type"]> = Extract<FrameBody, { type: T }>;

/** A `status` frame; `stage` marks the start of a pipeline stage. */
export function status(message: string, stage?: string): Body<"status"> {
  return { type: "status", data: stage === undefined ? { message } : { message, stage } };
}

/** A `progress` frame from an agent. */
export function progress(agent: string, message: string): Body<"progress"> {
  return { type: "progress", data: { message, agent } };
}

/**
 * A `result` frame carrying an agent's output, and what its model calls cost in `meta`
 * (left out when no model was called, as with the offline engine).
 */
export function result(agent: string, data: unknown, meta?: CallMeta): Body<"result"> {
  return { type: "result", data: meta === undefined ? { agent, data } : { agent, data, meta } };
}

/** Adds up what two model calls of one agent cost (the `meta` of its `result`). */
export function sumMeta(a: CallMeta, b: CallMeta): CallMeta {
  return {
    model: a.model,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    latencyMs: a.latencyMs + b.latencyMs,
    attempts: a.attempts + b.attempts,
  };
}

/** An `error` frame with a message safe to show to anyone. */
export function error(
  message: string,
  extra: { code?: string; agent?: string; ref?: string } = {},
): Body<"error"> {
  return { type: "error", data: { message, ...extra } };
}
