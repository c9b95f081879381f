/**
 * Small constructors for the frame bodies agents yield, so that agent code reads as
 * what it says and the shapes stay those of protocol/mod.js.
 *
 * @module
 */
import type { FrameBody } from "../protocol/mod.js";

type Body<T extends FrameBody["type"]> = Extract<FrameBody, { type: T }>;

/** A `status` frame; `stage` marks the start of a pipeline stage. */
export function status(message: string, stage?: string): Body<"status"> {
  return { type: "status", data: stage === undefined ? { message } : { message, stage } };
}

/** A `progress` frame from an agent. */
export function progress(agent: string, message: string): Body<"progress"> {
  return { type: "progress", data: { message, agent } };
}

/** A `result` frame carrying an agent's output. */
export function result(agent: string, data: unknown): Body<"result"> {
  return { type: "result", data: { agent, data } };
}

/** An `error` frame with a message safe to show to anyone. */
export function error(
  message: string,
  extra: { code?: string; agent?: string; ref?: string } = {},
): Body<"error"> {
  return { type: "error", data: { message, ...extra } };
}
