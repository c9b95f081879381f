/**
 * Types of the brief-quality evaluation set (`bench/eval/ideas.ts`): one idea, the answers a
 * person gives to each kind of question, and what a domain expert expects in (and forbids
 * from) the brief.
 *
 * @module
 */

/** A case-insensitive regular expression source, with why it is expected or forbidden. */
export interface Pattern {
  /** The source of a regex, compiled with the `i` and `u` flags; alternatives accept wordings. */
  re: string;
  /** Why a domain expert expects (or strikes out) this, in a short sentence. */
  why: string;
}

/** Question topics the set answers; `other` answers any topic not listed (domain follow-ups). */
export type AnswerTopic =
  | "users"
  | "platforms"
  | "features"
  | "scale"
  | "budget"
  | "timeline"
  | "compliance"
  | "jurisdiction"
  | "review";

/** The person's answers: `idea` is the opening answer, `other` the fallback for any topic. */
export type Answers = { idea: string; other: string } & Partial<Record<AnswerTopic, string>>;

/** How the person talks: short, long-winded, or mostly saying what they do not want. */
export type AnswerStyle = "terse" | "rambling" | "negative" | "mixed";

/** One idea of the evaluation set. */
export interface EvalIdea {
  /** Unique, stable, kebab-case: `<country>-<what>`. */
  id: string;
  /** The industry, in a word or two (counts distinct industries). */
  industry: string;
  /** Where it is sold: ISO 3166 code, `UK` for the United Kingdom, `US-TX` for a US state. */
  country: string;
  /** How the person answers. */
  style: AnswerStyle;
  /** What the person says, by question topic. */
  answers: Answers;
  /** 4–6 things a good analyst's brief must mention. */
  expect: Pattern[];
  /** 2–4 things that would be wrong for this idea. */
  forbid: Pattern[];
}
