/**
 * What each model call is sent: an analyst only the requirements fields and earlier results
 * its `reads` declaration names (with the evidence of those fields), the answers about those
 * fields, and the checklist items about them; the overview only the parts of each analysis it
 * writes from. All as compact JSON with empty values left out: a model reads that as well as
 * indented JSON, and it costs a third fewer tokens.
 *
 * The cut follows the same declaration the pipeline fingerprints (`agents/rerun.ts`), so an
 * analyst whose result is kept after an edit was never shown what the edit changed.
 *
 * @module
 */
import type { QA, Requirements } from "../../protocol/brief.js";
import { EVERY_FIELD, readInput } from "../rerun.ts";
import type { AgentReads, RequirementsField } from "../rerun.ts";

/** The question topics that name a requirements field of another spelling. */
const TOPIC_FIELDS: Readonly<Record<string, RequirementsField>> = {
  jurisdiction: "jurisdictions",
};

/** The review question: its text restates the requirements, which the prompt has already. */
const REVIEW_TOPIC = "review";

/**
 * What the overview writes from, by agent: the keys of each analysis it uses, and how many
 * items of each list (items with a `likelihood` and an `impact`, such as risks, the most
 * serious first). An agent not listed is sent whole.
 */
export const OVERVIEW_READS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  product: { vision: 1, goals: 5, mvpScope: 10 },
  customer: { segments: 4, jobs: 4, pains: 4 },
  engineer: { effort: 1, platforms: 6 },
  risk: { risks: 3 },
};
/** The requirements fields the overview reads. */
export const OVERVIEW_FIELDS: readonly RequirementsField[] = [
  "idea",
  "purpose",
  "users",
  "platforms",
  "budget",
  "timeline",
  "jurisdictions",
];
/** Keys the overview never needs inside an analysis: the words each finding rests on. */
export const OVERVIEW_DROPS: ReadonlySet<string> = new Set(["evidence"]);

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0) ||
    (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

/**
 * JSON without indentation and without empty values (`""`, `[]`, `{}`, `null`), for a
 * prompt: nothing a model could read is lost, and whitespace is not paid for.
 *
 * @example
 * ```ts
 * import { compactJson } from "./inputs.ts";
 *
 * compactJson({ users: ["nurses"], budget: "", notes: [] }); // '{"users":["nurses"]}'
 * ```
 */
export function compactJson(value: unknown, drop: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(value, (key, v) => {
    if (drop.has(key)) return undefined;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (!empty(x)) out[k] = x;
    }
    return out;
  }) ?? "null";
}

/**
 * The requirements an analyst reads, with the evidence of those fields; all of them without
 * a declaration.
 */
export function requirementsFor(
  reads: AgentReads | undefined,
  requirements: Requirements,
): Record<string, unknown> {
  if (!reads) return requirements;
  const { requirements: req, evidence } = readInput(reads, requirements, {}, null) as {
    requirements: Record<string, unknown>;
    evidence: Record<string, unknown>;
  };
  return empty(evidence) ? req : { ...req, evidence };
}

/**
 * The interview as an analyst reads it: the answers about fields it does not read are left
 * out (the person's words about the budget are not the Customer agent's), and the review
 * question is shortened to its reply, since the requirements already show what it restated.
 * The idea and answers on other topics stay.
 */
export function transcriptFor(
  reads: AgentReads | undefined,
  transcript: readonly QA[],
): { number: number; qa: QA }[] {
  const fields = reads ? new Set<string>(reads.requirements) : undefined;
  const out: { number: number; qa: QA }[] = [];
  transcript.forEach((qa, i) => {
    const topic = qa.topic ?? "";
    const field = TOPIC_FIELDS[topic] ?? topic;
    if (fields && isField(field) && !fields.has(field)) return;
    const shown = topic === REVIEW_TOPIC
      ? { ...qa, question: "Is this what I understood (the requirements above)?" }
      : qa;
    out.push({ number: i + 1, qa: shown });
  });
  return out;
}

const FIELDS: ReadonlySet<string> = new Set(EVERY_FIELD);
function isField(topic: string): boolean {
  return FIELDS.has(topic);
}

/** The results of earlier analysts an analyst reads; all of them without a declaration. */
export function resultsFor(
  reads: AgentReads | undefined,
  results: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (!reads) return { ...results };
  const out: Record<string, unknown> = {};
  for (const name of reads.results ?? []) {
    if (Object.hasOwn(results, name)) out[name] = results[name];
  }
  return out;
}

const LEVELS: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3 };
function seriousness(item: unknown): number {
  if (item === null || typeof item !== "object") return 0;
  const { likelihood, impact } = item as { likelihood?: unknown; impact?: unknown };
  return (LEVELS[String(likelihood)] ?? 0) * (LEVELS[String(impact)] ?? 0);
}
/** Items with a likelihood and an impact, the most serious first (stable); others as they are. */
function mostSerious(items: readonly unknown[]): unknown[] {
  if (!items.some((i) => seriousness(i) > 0)) return [...items];
  return items.toSorted((a, b) => seriousness(b) - seriousness(a));
}

/** What the overview is sent of the requirements: {@link OVERVIEW_FIELDS}. */
export function overviewRequirements(requirements: Requirements): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of OVERVIEW_FIELDS) out[f] = requirements[f];
  return out;
}

/**
 * What the overview is sent of the analyses: the parts {@link OVERVIEW_READS} names, each
 * list cut to its count; an agent not listed is sent whole. Render it with
 * `compactJson(value, OVERVIEW_DROPS)` to leave out the evidence too.
 */
export function overviewResults(
  results: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [agent, value] of Object.entries(results)) {
    const keys = OVERVIEW_READS[agent];
    if (!keys || value === null || typeof value !== "object") {
      out[agent] = value;
      continue;
    }
    const picked: Record<string, unknown> = {};
    for (const [key, count] of Object.entries(keys)) {
      const v = (value as Record<string, unknown>)[key];
      picked[key] = Array.isArray(v) ? mostSerious(v).slice(0, count) : v;
    }
    out[agent] = picked;
  }
  return out;
}
