/**
 * The review step: after the interview, the person sees what was understood and may
 * correct it before the analysts run. It is an ordinary `question` (topic `review`), so a
 * seed client answers it like any other; rich clients get the structured requirements in
 * `data.review` and may answer with a typed `review` frame, which the session stores as
 * `field: value` lines. A free-text reply is read by the engine's `review` if it has one,
 * by the offline correction reader ({@link readCorrection}) for a deterministic engine, and
 * by asking `clarify` again with the reply in the transcript for a model (which may ask one
 * more question when the correction opens a topic). What the offline reader did not
 * understand is said, and asked once more.
 *
 * @module
 */
import type { Evidence, QA, Requirements } from "../protocol/brief.js";
import { FINISH_ANSWER, REVIEW_FIELDS } from "../protocol/constants.js";
import type { CallMeta, Engine, FrameBody, ReviewReading } from "./types.ts";
import { progress } from "./frames.ts";
import { ACCEPT_REPLIES, FIELD_WORDS, LIST_FIELDS, PLATFORM_WORDS } from "./review_words.ts";

/** A requirements field the person may set in a review. */
export type ReviewField = typeof REVIEW_FIELDS[number];

/** Typed review changes: a field and its new value (text, or a list for list fields). */
export type ReviewChanges = Partial<Record<ReviewField, string | readonly string[]>>;

/** Id of the review question; a second ask (after a reply not understood) is `review-2`. */
export const REVIEW_QUESTION_ID = "review";

const FIELD_SET: ReadonlySet<string> = new Set(REVIEW_FIELDS);

/**
 * The answer text stored for typed changes: one `field: value` line per field, lists as
 * JSON arrays; `ok` when there is nothing to change. {@link parseTypedLines} reads it back.
 *
 * @example
 * ```ts
 * changesToAnswer({ timeline: "6 months", users: ["nurses", "doctors"] });
 * // 'timeline: 6 months\nusers: ["nurses","doctors"]'
 * ```
 */
export function changesToAnswer(changes: ReviewChanges): string {
  const lines: string[] = [];
  for (const f of REVIEW_FIELDS) {
    const v = changes[f];
    if (v === undefined) continue;
    const text = typeof v === "string" ? v.replace(/\s*\n\s*/g, " ").trim() : JSON.stringify(v);
    lines.push(`${f}: ${text}`);
  }
  return lines.length === 0 ? "ok" : lines.join("\n");
}

/**
 * Reads a reply made only of `field: value` lines with exact field names (what a typed
 * review is stored as, and what a person may type); `undefined` when any line is not one.
 */
export function parseTypedLines(text: string): ReviewChanges | undefined {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const line of lines) {
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!m || !FIELD_SET.has(m[1]!)) return undefined;
    const [, field, raw] = m as unknown as [string, ReviewField, string];
    if (LIST_FIELDS.has(field) && raw.startsWith("[")) {
      try {
        const list: unknown = JSON.parse(raw);
        if (!Array.isArray(list) || !list.every((i) => typeof i === "string")) return undefined;
        out[field] = list;
        continue;
      } catch {
        return undefined;
      }
    }
    out[field] = raw;
  }
  return out as ReviewChanges;
}

const clean = (s: string) => s.trim().replace(/^["'“‘]+|["'”’.!?,;:]+$/g, "").trim();

function splitList(value: string): string[] {
  return value.split(/\s*,\s*|\s+and\s+|\s*&\s*|\s*\+\s*/i).map(clean).filter((s) => s !== "");
}

/**
 * Applies typed changes to the requirements, with the reply as the evidence of every field
 * it sets (rule `review`). Returns the new requirements and the fields that changed.
 */
export function applyChanges(
  requirements: Requirements,
  changes: ReviewChanges,
  quote: string,
  questionId: string,
): { requirements: Requirements; changed: ReviewField[] } {
  // A shallow copy: every field set here is replaced, never changed in place, and the
  // evidence map is copied, so `requirements` stays as it was (no structuredClone per reply).
  const req: Requirements = { ...requirements };
  const evidence = { ...req.evidence };
  const ev: Evidence[] = [{ quote: quote.slice(0, 300), questionId, rule: "review" }];
  const changed: ReviewField[] = [];
  for (const f of REVIEW_FIELDS) {
    const v = changes[f];
    if (v === undefined) continue;
    if (LIST_FIELDS.has(f)) {
      const items = typeof v === "string" ? splitList(v) : v.map(clean).filter((s) => s !== "");
      for (const key of Object.keys(evidence)) if (key.startsWith(`${f}:`)) delete evidence[key];
      for (const item of items) evidence[`${f}:${item}`] = ev;
      (req as Record<string, unknown>)[f] = items;
    } else {
      const text = clean(typeof v === "string" ? v : v.join(", "));
      if (text === "") delete (req as Record<string, unknown>)[f];
      else (req as Record<string, unknown>)[f] = text;
      evidence[f] = ev;
    }
    changed.push(f);
  }
  if (Object.keys(evidence).length > 0) req.evidence = evidence;
  return { requirements: req, changed };
}

const norm = (s: string) =>
  s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, "").replace(/\s+/g, " ").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const FIELD_ALT = FIELD_WORDS.flatMap(([, words]) => words).sort((a, b) => b.length - a.length)
  .map(escapeRe).join("|");
const FIELD_OF = new Map(FIELD_WORDS.flatMap(([f, words]) => words.map((w) => [w, f] as const)));
const SET_RE = new RegExp(
  `^(?:the |my |our )?(${FIELD_ALT})\\s*(?:is|are|should be|will be|would be|=|:|-)\\s+(.+)$`,
  "i",
);
const BARE_RE = new RegExp(`^(?:the )?(${FIELD_ALT})\\s+(.+)$`, "i");
const FIRST_RE =
  /^(?:but |and )?(?:start with|begin with|first with|the first (?:group|users?) (?:is|are)|first (?:group|users?)(?: is| are|:)?)\s+(.+)$/i;
const NO_RE =
  /^(?:and |but |also )?(?:no|not|without|drop|remove|skip|forget|we don'?t need|i don'?t need|don'?t need|no need for)\s+(?:an? |the |any )?(.+)$/i;
const LATER_RE =
  /^(?:and |but )?(.+?)\s+(?:later|can wait|comes? later|after launch|in a later version)$/i;
const LATER_FIRST_RE = /^later[:,]?\s+(.+)$/i;
const ADD_RE =
  /^(?:and |also )?(?:add|also add|include|plus|we need|it needs|it should have)\s+(.+)$/i;

const sameItem = (a: string, b: string) => norm(a) === norm(b);

/** Removes items matching `test` from a list field; true when something was removed. */
function removeWhere(req: Requirements, field: "platforms" | "features" | "users", test: RegExp) {
  const before = req[field].length;
  req[field] = req[field].filter((i) => !test.test(i));
  return req[field].length !== before;
}

/**
 * The offline correction reader: understands replies such as "timeline is 6 months",
 * "users are nurses and doctors, start with nurses", "no mobile app", "budget 20k",
 * "reports later" and "add offline mode", clause by clause. What it cannot read comes
 * back, verbatim, in `notUnderstood`.
 *
 * @example
 * ```ts
 * import { emptyRequirements } from "../protocol/brief.js";
 * const r = readCorrection("timeline is 6 months", emptyRequirements("A tool library"));
 * // r.requirements.timeline === "6 months", r.changed = ["timeline"]
 * ```
 */
export function readCorrection(reply: string, requirements: Requirements): ReviewReading {
  const typed = parseTypedLines(reply);
  if (typed) {
    return { ...applyChanges(requirements, typed, reply, REVIEW_QUESTION_ID), notUnderstood: [] };
  }
  if (ACCEPT_REPLIES.includes(norm(reply))) {
    return { requirements, changed: [], notUnderstood: [] };
  }
  // Shallow, as in applyChanges: the clauses below replace fields (removeWhere, later), never edit them.
  let req: Requirements = { ...requirements };
  const changed = new Set<string>();
  const notUnderstood: string[] = [];
  const set = (changes: ReviewChanges, quote: string) => {
    const r = applyChanges(req, changes, quote, REVIEW_QUESTION_ID);
    req = r.requirements;
    for (const f of r.changed) changed.add(f);
  };
  const clauses = reply
    .split(
      /\n+|;\s*|(?<=[^\d][.!?])\s+|,\s*(?=(?:but |and )?(?:start|begin|first|no |not |without|later)\b)/i,
    )
    .map((c) => c.trim().replace(/[.!?]+$/, "").trim())
    .filter((c) => c !== "");
  for (const clause of clauses) {
    if (ACCEPT_REPLIES.includes(norm(clause))) continue;
    let m: RegExpExecArray | null;
    if ((m = SET_RE.exec(clause)) || (m = BARE_RE.exec(clause))) {
      const field = FIELD_OF.get(m[1]!.toLowerCase());
      if (field) {
        set({ [field]: m[2]! }, clause);
        continue;
      }
    }
    if ((m = FIRST_RE.exec(clause))) {
      const first = clean(m[1]!);
      const rest = req.users.filter((u) => norm(u) !== norm(first));
      set({ users: [first, ...rest] }, clause);
      continue;
    }
    if ((m = LATER_FIRST_RE.exec(clause)) || (m = LATER_RE.exec(clause))) {
      const items = splitList(m[1]!);
      for (const item of items) {
        const test = new RegExp(`\\b${escapeRe(item)}\\b`, "i");
        if (removeWhere(req, "features", test)) changed.add("features");
        const platform = PLATFORM_WORDS.find(([word]) => word.test(item));
        if (platform && removeWhere(req, "platforms", platform[1])) changed.add("platforms");
      }
      set({ later: [...(req.later ?? []), ...items] }, clause);
      continue;
    }
    if ((m = NO_RE.exec(clause))) {
      const what = clean(m[1]!);
      const platform = PLATFORM_WORDS.find(([word]) => word.test(what));
      if (platform && removeWhere(req, "platforms", platform[1])) changed.add("platforms");
      // Ruled out is not "later" either.
      const later = req.later?.filter((i) => !platform?.[1].test(i) && !sameItem(i, what));
      if (later && later.length !== req.later?.length) {
        req.later = later;
        changed.add("later");
      }
      const test = new RegExp(`\\b${escapeRe(what)}\\b`, "i");
      if (removeWhere(req, "features", test)) changed.add("features");
      if (removeWhere(req, "users", test)) changed.add("users");
      set({ excluded: [...(req.excluded ?? []), what] }, clause);
      continue;
    }
    if ((m = ADD_RE.exec(clause))) {
      set({ features: [...req.features, ...splitList(m[1]!)] }, clause);
      continue;
    }
    notUnderstood.push(clause);
  }
  return { requirements: req, changed: [...changed], notUnderstood };
}

const orNot = (v: string | undefined) => v && v.trim() !== "" ? v : "not stated";
const listOr = (v: readonly string[] | undefined) =>
  v && v.length > 0 ? v.join(", ") : "not stated";

/** The readable summary of what was understood, as the review question shows it. */
export function reviewSummary(req: Requirements): string {
  const [first, ...others] = req.users;
  const users = first === undefined
    ? "not stated"
    : others.length === 0
    ? first
    : `${first} (first), then ${others.join(", ")}`;
  const later = req.later && req.later.length > 0 ? `; later: ${req.later.join(", ")}` : "";
  const lines = [
    `- Idea: ${orNot(req.purpose ?? req.idea)}`,
    `- Users: ${users}`,
    `- Platforms: ${listOr(req.platforms)}${later}`,
    `- MVP features: ${listOr(req.features)}`,
    ...(req.excluded && req.excluded.length > 0 ? [`- Not doing: ${req.excluded.join(", ")}`] : []),
    `- Scale: ${orNot(req.scale)}`,
    `- Budget: ${orNot(req.budget)}`,
    `- Timeline: ${orNot(req.timeline)}`,
    `- Jurisdiction: ${listOr(req.jurisdictions)}`,
    `- Compliance: ${listOr(req.compliance)}`,
  ];
  return `Here is what I understood:\n${
    lines.join("\n")
  }\n\nReply *ok* to go on, or tell me what to change.`;
}

/** Options of {@link review}. */
export interface ReviewOptions {
  engine: Engine;
  signal: AbortSignal;
  requirements: Requirements;
  transcript: readonly QA[];
  /** The Clarifier's most rounds: a model re-reads the reply as one round more. */
  maxRounds: number;
  onMeta?: (meta: CallMeta) => void;
}

/** What the review hands the analysts. */
export interface ReviewOutcome {
  requirements: Requirements;
  /** The transcript with the review's questions and replies (topic `review`). */
  transcript: QA[];
}

/**
 * Runs the review: asks what to change, applies the reply, and asks once more when part
 * of it was not understood. Drive it like the Clarifier, with `gen.next(answer)`.
 */
export async function* review(
  opts: ReviewOptions,
): AsyncGenerator<FrameBody, ReviewOutcome, string | undefined> {
  let requirements = opts.requirements;
  const transcript: QA[] = [...opts.transcript];
  let question = reviewSummary(requirements);
  for (let attempt = 1; attempt <= 2; attempt++) {
    const id = attempt === 1 ? REVIEW_QUESTION_ID : `${REVIEW_QUESTION_ID}-${attempt}`;
    const answer = yield {
      type: "question",
      data: {
        question,
        id,
        agent: "clarifier",
        topic: "review",
        review: { requirements, evidence: requirements.evidence ?? {} },
      },
    };
    if (typeof answer !== "string") {
      throw new TypeError(`Review expected an answer to question ${id}: got none`);
    }
    const qa: QA = { id, question, answer, topic: "review" };
    transcript.push(qa);
    opts.signal.throwIfAborted();
    const followUps: QA[] = [];
    const reading = yield* read(opts, requirements, transcript, answer, id, followUps);
    transcript.push(...followUps);
    requirements = reading.requirements;
    if (reading.changed.length > 0) {
      yield progress("clarifier", `Review: updated ${reading.changed.join(", ")}`);
    }
    if (reading.notUnderstood.length === 0 || attempt === 2) break;
    question = `I did not understand: ${
      reading.notUnderstood.map((c) => `“${c}”`).join(", ")
    }. Say it as, for example, “timeline is 6 months”, “users are nurses and doctors”, ` +
      `“no mobile app” or “budget 20k”.\n\n${reviewSummary(requirements)}`;
  }
  return { requirements, transcript };
}

async function* read(
  opts: ReviewOptions,
  requirements: Requirements,
  transcript: readonly QA[],
  reply: string,
  questionId: string,
  followUps: QA[],
): AsyncGenerator<FrameBody, ReviewReading, string | undefined> {
  // "Brief me now" at the review is an "ok".
  if (reply === FINISH_ANSWER) return { requirements, changed: [], notUnderstood: [] };
  const typed = parseTypedLines(reply);
  if (typed) {
    return { ...applyChanges(requirements, typed, reply, questionId), notUnderstood: [] };
  }
  if (ACCEPT_REPLIES.includes(norm(reply))) return { requirements, changed: [], notUnderstood: [] };
  const { engine } = opts;
  const runOpts = { signal: opts.signal, ...(opts.onMeta ? { onMeta: opts.onMeta } : {}) };
  if (engine.review) {
    return yield* engine.review({ requirements, transcript, reply }, runOpts);
  }
  if (engine.deterministic) return readCorrection(reply, requirements);
  // A model re-reads the whole conversation, the reply included.
  const reread = (t: readonly QA[]) =>
    engine.clarify({
      transcript: t,
      round: opts.maxRounds + 1,
      maxRounds: opts.maxRounds + 1,
      maxQuestionsPerRound: 1,
    }, runOpts);
  let plan = yield* reread(transcript);
  // A correction that opens a topic not asked about yet brings one more question.
  const next = plan.questions[0];
  if (next && !transcript.some((q) => q.topic === next.topic)) {
    const id = `${questionId}-q1`;
    const answer = yield {
      type: "question",
      data: { question: next.question, id, agent: "clarifier", topic: next.topic },
    };
    if (typeof answer !== "string") {
      throw new TypeError(`Review expected an answer to question ${id}: got none`);
    }
    const more = [...transcript, { id, question: next.question, answer, topic: next.topic }];
    plan = yield* reread(more);
    followUps.push(more.at(-1)!);
  }
  const changed = REVIEW_FIELDS.filter((f) =>
    JSON.stringify(plan.requirements[f] ?? null) !== JSON.stringify(requirements[f] ?? null)
  );
  return { requirements: plan.requirements, changed, notUnderstood: [] };
}
