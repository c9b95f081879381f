/**
 * Schemas of what the LLM engine asks a model for that is not an agent's result. The
 * analysts fill the schemas of `protocol/brief.js` directly.
 *
 * @module
 */
import { z } from "zod";
import { Requirements } from "../../protocol/brief.js";

/** Topics a clarifier question may be about. */
export const CLARIFY_TOPICS = [
  "idea",
  "users",
  "platforms",
  "features",
  "scale",
  "budget",
  "timeline",
  "compliance",
] as const;

/**
 * The Clarifier's answer: what it understood (the idea itself is the person's first
 * answer, so the model does not repeat it), what is missing, and whether it knows enough.
 */
export const ClarifyPlan = z.object({
  requirements: Requirements.omit({ idea: true }),
  missing: z.array(z.string().min(1).max(40)).max(20),
  done: z.boolean(),
  questions: z.array(z.object({
    topic: z.string().min(1).max(40),
    question: z.string().min(1).max(500),
  })).max(10),
});
/** The Clarifier's answer. */
export type ClarifyPlan = z.infer<typeof ClarifyPlan>;
