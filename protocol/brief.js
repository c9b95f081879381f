// @ts-check
/**
 * Schemas of what the built-in agents produce: the `data` of their `result` frames and the
 * structured brief in `complete.data.brief`. Every engine (offline or a model) must fill
 * these; the agents validate what the engine returns before it goes on the wire.
 *
 * @module
 */
import { z } from "zod";

const text = z.string().min(1).max(2_000);
const list = z.array(text).max(50);
/**
 * Where an inference came from: the person's words (`quote`, from the answer to
 * `questionId`) and the rule or knowledge entry that turned them into a finding. Every
 * finding an engine makes that the person did not state word for word carries at least one.
 */
export const Evidence = z.object({
  /** The person's words the finding rests on, verbatim (trimmed, at most 300 characters). */
  quote: z.string().max(300),
  /** The question whose answer holds the quote (`idea` for the first answer). */
  questionId: z.string().max(128).optional(),
  /** The rule or knowledge entry that made the finding, e.g. `regulation:pci-dss`. */
  rule: z.string().max(200),
});
/** @typedef {z.infer<typeof Evidence>} Evidence */

/** Optional evidence of one finding (additive: a client that ignores it loses nothing). */
const evidence = z.array(Evidence).max(8).optional();

/** Three-step scale used for likelihood and impact. */
export const Level = z.enum(["low", "medium", "high"]);
/** MoSCoW priority. */
export const Priority = z.enum(["must", "should", "could", "wont"]);

/** What the Clarifier understood from the person, slot by slot. */
export const Requirements = z.object({
  /** The idea in the person's own words (their first answer). */
  idea: z.string().max(10_000),
  /** One-line statement of what the product is for. */
  purpose: z.string().max(2_000).optional(),
  /** Who uses it. */
  users: list,
  /** Where it runs: web, iOS, Android, desktop, … */
  platforms: list,
  /** Capabilities the person asked for. */
  features: list,
  /** Expected scale (users, traffic, data), in the person's words or normalised. */
  scale: z.string().max(2_000).optional(),
  budget: z.string().max(2_000).optional(),
  timeline: z.string().max(2_000).optional(),
  /** Regulations or standards that apply, named or inferred (PCI DSS, HIPAA, …). */
  compliance: list,
  /** Domains recognised in the idea (payments, health, children, …). */
  domains: list,
  /** Anything else the person said that matters. */
  notes: list,
  /** Things the person put off for later ("mobile later", "maybe a marketplace later"). */
  later: list.optional(),
  /** Things the person ruled out ("no iPhone", "not a marketplace"). */
  excluded: list.optional(),
  /** Places the product serves, as named or normalised (`US`, `US-TX`, `IN`, `EU`, …). */
  jurisdictions: list.optional(),
  /**
   * Evidence by slot: `budget`, `timeline`, `scale`, `purpose`, or `field:item` for a list
   * item (`compliance:PCI DSS`, `users:nurses`, `domains:payments`).
   */
  evidence: z.record(z.string().max(300), z.array(Evidence).max(8)).optional(),
  /**
   * Areas the person raised that the engine has no knowledge for, with the words that
   * raised them: the brief names them instead of guessing (honest coverage).
   */
  uncovered: z.array(z.object({ label: text, evidence: z.array(Evidence).max(8) })).max(20)
    .optional(),
  /** The idea's language (ISO 639-3, e.g. `spa`) when it is not English. */
  language: z.string().max(16).optional(),
});
/** @typedef {z.infer<typeof Requirements>} Requirements */

/**
 * Requirements with nothing known yet but the idea.
 * @param {string} [idea]
 * @returns {Requirements}
 */
export function emptyRequirements(idea = "") {
  return {
    idea,
    users: [],
    platforms: [],
    features: [],
    compliance: [],
    domains: [],
    notes: [],
  };
}

/** One question of a clarifier round with its answer. */
export const QA = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  /** What the question was about: one of `QUESTION_TOPICS` or an engine's domain id. */
  topic: z.string().max(64).optional(),
});
/** @typedef {z.infer<typeof QA>} QA */

/** `result.data` of the clarifier: the seed's `{done, resp}` plus what it understood. */
export const ClarifierResult = z.looseObject({
  done: z.boolean(),
  resp: z.array(QA),
  round: z.number().int().positive(),
  requirements: Requirements,
  /** Topics still unknown after this round. */
  missing: z.array(z.string()),
});
/** @typedef {z.infer<typeof ClarifierResult>} ClarifierResult */

/** The Product agent's result: vision, goals, user stories, MVP scope, requirements, metrics. */
export const ProductAnalysis = z.object({
  vision: text,
  goals: list.min(1),
  userStories: z.array(z.object({
    asA: text,
    iWant: text,
    soThat: text,
    priority: Priority,
  })).min(1).max(30),
  mvpScope: list.min(1),
  laterScope: list,
  requirements: z.array(z.object({
    id: z.string().max(16),
    text,
    priority: Priority,
    rationale: text,
    evidence,
  })).min(1).max(50),
  successMetrics: list,
});
/** @typedef {z.infer<typeof ProductAnalysis>} ProductAnalysis */

/** The Customer agent's result: segments, personas, jobs, pains, adoption risks, channels. */
export const CustomerAnalysis = z.object({
  segments: z.array(z.object({ name: text, description: text, evidence })).min(1).max(12),
  personas: z.array(z.object({
    name: text,
    role: text,
    goals: list,
    frustrations: list,
  })).min(1).max(8),
  jobs: list.min(1),
  pains: list.min(1),
  adoptionRisks: list.min(1),
  channels: list,
});
/** @typedef {z.infer<typeof CustomerAnalysis>} CustomerAnalysis */

/** The Engineer agent's result: components, platforms, data, integrations, stack, effort. */
export const EngineerAnalysis = z.object({
  components: z.array(z.object({ name: text, responsibility: text })).min(1).max(30),
  platforms: list.min(1),
  data: z.array(z.object({ entity: text, notes: text })).max(30),
  integrations: z.array(z.object({ name: text, purpose: text, evidence })).max(30),
  stack: z.array(z.object({ layer: text, choice: text, reason: text })).min(1).max(20),
  effort: z.object({
    size: z.enum(["S", "M", "L", "XL"]),
    personWeeksLow: z.number().nonnegative(),
    personWeeksHigh: z.number().nonnegative(),
    team: text,
    assumptions: list,
    evidence,
  }),
});
/** @typedef {z.infer<typeof EngineerAnalysis>} EngineerAnalysis */

/** What kind of risk a {@link RiskAnalysis} entry is. */
export const RiskCategory = z.enum([
  "security",
  "privacy",
  "compliance",
  "legal",
  "safety",
  "technical",
  "operational",
  "market",
  "financial",
]);

/** The Risk agent's result: a register of risks with likelihood, impact and mitigation. */
export const RiskAnalysis = z.object({
  risks: z.array(z.object({
    id: z.string().max(16),
    title: text,
    category: RiskCategory,
    likelihood: Level,
    impact: Level,
    mitigation: text,
    evidence,
  })).min(1).max(40),
});
/** @typedef {z.infer<typeof RiskAnalysis>} RiskAnalysis */

/** The whole brief as structured data, sent in `complete.data.brief`. */
export const Brief = z.object({
  title: z.string(),
  engine: z.string(),
  requirements: Requirements,
  transcript: z.array(QA),
  /** Results by agent name; an agent that failed is absent and listed in `failed`. */
  results: z.record(z.string(), z.unknown()),
  failed: z.array(z.string()),
});
/** @typedef {z.infer<typeof Brief>} Brief */

/** Seq of the `result` frame that carried each agent's result, by agent name. */
export const ResultSeqs = z.record(z.string(), z.number().int().positive());

/**
 * The brief as `complete.data.brief` carries it: `results` is replaced by `resultSeqs`,
 * which names the `result` frames that carried them (`protocol/brief_wire.js` puts them
 * back). A client that connected with `?brief=full`, `GET /sessions/{id}` and frames stored
 * before this change have `results` instead. One of the two is always there.
 */
export const CompleteBrief = Brief.extend({
  results: Brief.shape.results.optional(),
  resultSeqs: ResultSeqs.optional(),
}).refine((b) => b.results !== undefined || b.resultSeqs !== undefined, {
  message: "A brief has results or resultSeqs",
});
/** @typedef {z.infer<typeof CompleteBrief>} CompleteBrief */
