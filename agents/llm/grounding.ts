/**
 * Grounding for the model engine: what the offline knowledge base recognises in the
 * transcript (places, domains, regulations, alternatives, areas it has no rules for),
 * with the person's words each rests on, as a checklist in every analyst's prompt. The
 * model is asked to confirm, correct or drop each item, so a small local model does not
 * miss what the rules know, and the rules do not overrule what the model reads.
 *
 * The checklist is bounded: at most {@link MAX_CHECKLIST_ITEMS} items of at most
 * {@link MAX_ITEM_CHARS} characters, {@link MAX_CHECKLIST_CHARS} characters in all.
 *
 * @module
 */
import type { QA } from "../../protocol/brief.js";
import { understand } from "../offline/extract.ts";
import type { Detection } from "../offline/knowledge/types.ts";

/** Most characters of the whole checklist (about 1,000 tokens). */
export const MAX_CHECKLIST_CHARS = 4_000;
/** Most items in the checklist; the rest are counted, not listed. */
export const MAX_CHECKLIST_ITEMS = 24;
/** Most characters of one item, its quote included. */
export const MAX_ITEM_CHARS = 240;
/** Longest quote of the person's words in one item. */
const QUOTE_CHARS = 100;

/** What the checklist says when the rules recognised nothing. */
export const EMPTY_CHECKLIST = "(The offline rules recognised nothing specific in this interview.)";

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

/**
 * The checklist of one detection, one item per line (`- Regulation: FCRA — from "…"
 * [regulation:us-fcra]`), bounded as the module says.
 *
 * @example
 * ```ts
 * import { checklistOf, EMPTY_CHECKLIST } from "./grounding.ts";
 *
 * const empty = { jurisdictions: [], domains: [], regulations: [], alternatives: [], uncovered: [] };
 * if (checklistOf(empty) !== EMPTY_CHECKLIST) throw new Error("expected the empty checklist");
 * ```
 */
export function checklistOf(d: Detection): string {
  const items: string[] = [];
  const item = (
    kind: string,
    label: string,
    evidence: readonly { quote: string; rule: string }[],
  ) => {
    const e = evidence[0];
    const from = e ? ` — from "${clip(e.quote, QUOTE_CHARS)}" [${clip(e.rule, 60)}]` : "";
    items.push(clip(`- ${kind}: ${label}${from}`, MAX_ITEM_CHARS));
  };
  for (const f of d.jurisdictions) item("Place", `${f.label} (${f.id})`, f.evidence);
  for (const f of d.domains) item("Domain", f.label, f.evidence);
  for (const f of d.regulations) item("Regulation", f.label, f.evidence);
  for (const f of d.alternatives) {
    item(
      f.entry.kind === "buy" ? "Could be bought instead of built" : "Competes with",
      `${f.label}${f.entry.products.length ? ` (${f.entry.products.slice(0, 3).join(", ")})` : ""}`,
      f.evidence,
    );
  }
  for (const u of d.uncovered) item("No offline rules for", u.label, u.evidence);
  if (items.length === 0) return EMPTY_CHECKLIST;
  const out: string[] = [];
  let size = 0;
  for (const line of items) {
    if (out.length === MAX_CHECKLIST_ITEMS || size + line.length + 1 > MAX_CHECKLIST_CHARS - 40) {
      break;
    }
    out.push(line);
    size += line.length + 1;
  }
  if (out.length < items.length) out.push(`- … and ${items.length - out.length} more`);
  return out.join("\n");
}

/**
 * The requirements field each kind of checklist item is about: an analyst that does not
 * read the field is not shown the items (see {@link groundingChecklist}).
 */
export const CHECKLIST_FIELDS = {
  jurisdictions: "jurisdictions",
  domains: "domains",
  regulations: "compliance",
  alternatives: "features",
  uncovered: "uncovered",
} as const satisfies Record<keyof Detection, string>;

/**
 * The offline reading of each transcript, so the analysts of one conversation share one;
 * with the text it read, so an array changed since is read again.
 */
const detections = new WeakMap<readonly QA[], { text: string; detection: Detection }>();

/**
 * The checklist for a transcript, read by the offline engine's reader and knowledge base
 * (once per transcript array: the analysts of a conversation share it). With `fields`, only
 * the items about those requirements fields ({@link CHECKLIST_FIELDS}).
 */
export function groundingChecklist(
  transcript: readonly QA[],
  fields?: ReadonlySet<string>,
): string {
  if (transcript.length === 0) return EMPTY_CHECKLIST;
  const text = transcript.map((qa) => `${qa.question}\u0000${qa.answer}`).join("\u0001");
  let cached = detections.get(transcript);
  if (cached?.text !== text) {
    cached = { text, detection: understand(transcript).detection };
    detections.set(transcript, cached);
  }
  const d = cached.detection;
  if (!fields) return checklistOf(d);
  const keep = <K extends keyof Detection>(k: K): Detection[K] =>
    (fields.has(CHECKLIST_FIELDS[k]) ? d[k] : []) as Detection[K];
  return checklistOf({
    jurisdictions: keep("jurisdictions"),
    domains: keep("domains"),
    regulations: keep("regulations"),
    alternatives: keep("alternatives"),
    uncovered: keep("uncovered"),
  });
}
