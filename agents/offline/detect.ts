/**
 * Context-aware detection: the person's clauses in, the jurisdictions, domains, regulations
 * and alternatives the knowledge base (agents/offline/knowledge/) recognises out, each with the
 * clauses it rests on as evidence.
 *
 * Order of inference: places first (a city, state or country named; currencies and payment
 * rails only when no place is named; no place means no jurisdiction, never a default), then
 * domains whose context holds, then regulations of those domains that apply in those places.
 * Negated clauses ("no iPhone") and clauses put off for later ("mobile later") never trigger.
 *
 * Pure and deterministic; every pattern is compiled once when this module loads.
 *
 * @module
 */
import type {
  AlternativeEntry,
  Clause,
  Detection,
  DomainEntry,
  Evidence,
  Found,
  JurisdictionEntry,
  Pattern,
  RegulationEntry,
  Rule,
  UncoveredSignal,
} from "./knowledge/types.ts";
import { JURISDICTIONS } from "./knowledge/jurisdictions.ts";
import { DOMAINS } from "./knowledge/domains.ts";
import { REGULATIONS } from "./knowledge/regulations.ts";
import { ALTERNATIVES } from "./knowledge/alternatives.ts";
import { UNCOVERED } from "./knowledge/uncovered.ts";

export type { Clause, Detection } from "./knowledge/types.ts";

/** Evidence per found item, as `protocol/brief.js` allows. */
const MAX_EVIDENCE = 8;
/** Clauses quoted for the trigger of one item; the rest of the budget goes to context. */
const MAX_TRIGGER_QUOTES = 4;
/** Longest quote `Evidence` allows. */
const MAX_QUOTE = 300;
/** Joins the clauses that count into one text; `.` in a pattern never crosses it. */
const SEP = "\n";

/** An edge of a fragment that needs a word boundary: a letter, digit, group end or quantifier. */
const WORDISH_START = /^(?:[a-z0-9]|\(\?:[a-z0-9]|\\d)/;
const WORDISH_END = /(?:[a-z0-9)\]?*+}]|\\d)$/;

/**
 * The source of one fragment with word boundaries where its edges are word-like, so that
 * `loan` does not match "sloan" and `₹` needs none.
 */
export function bounded(fragment: Pattern): string {
  const start = WORDISH_START.test(fragment) ? "\\b" : "";
  const end = WORDISH_END.test(fragment) ? "\\b" : "";
  return `${start}(?:${fragment})${end}`;
}

/** One regex matching any of the fragments, or `undefined` for none. */
export function compileAny(fragments: readonly Pattern[], flags = ""): RegExp | undefined {
  if (fragments.length === 0) return undefined;
  return new RegExp(fragments.map(bounded).join("|"), flags);
}

/** A rule with its patterns compiled. */
interface Compiled<E> {
  entry: E;
  trigger: RegExp | undefined;
  context: RegExp[];
  exclude: RegExp | undefined;
}

function compileRule<E extends Rule>(entry: E): Compiled<E> {
  return {
    entry,
    trigger: compileAny(entry.triggers, "g"),
    context: (entry.context ?? []).map((g) => compileAny(g)!).filter(Boolean),
    exclude: compileAny(entry.excludes ?? []),
  };
}

const DOMAIN_RULES = DOMAINS.map(compileRule).sort((a, b) => b.entry.stakes - a.entry.stakes);
const REGULATION_RULES = REGULATIONS.map(compileRule);
const ALTERNATIVE_RULES = ALTERNATIVES.map(compileRule);
const UNCOVERED_RULES = UNCOVERED.map((u: UncoveredSignal) => ({
  entry: u,
  trigger: compileAny(u.triggers, "g"),
}));

/** Depth of a jurisdiction under its ancestors: `US-NY-NYC` 2, `US-NY` 1, `US` 0. */
const JURISDICTION_BY_ID: ReadonlyMap<string, JurisdictionEntry> = new Map(
  JURISDICTIONS.map((j) => [j.id, j]),
);
function depth(j: JurisdictionEntry): number {
  let d = 0;
  for (let p = j.parent; p !== undefined; p = JURISDICTION_BY_ID.get(p)?.parent) d++;
  return d;
}
const JURISDICTION_DEPTH: ReadonlyMap<string, number> = new Map(
  JURISDICTIONS.map((j) => [j.id, depth(j)]),
);

/**
 * All places in one regex, one capturing group per jurisdiction, deepest first so that
 * "new york city" is read as the city before "new york" can claim it as the state.
 */
function placeIndex(pick: (j: JurisdictionEntry) => readonly Pattern[] | undefined) {
  const entries = [...JURISDICTIONS]
    .filter((j) => (pick(j)?.length ?? 0) > 0)
    .sort((a, b) => JURISDICTION_DEPTH.get(b.id)! - JURISDICTION_DEPTH.get(a.id)!);
  const source = entries.map((j) => `(${pick(j)!.map(bounded).join("|")})`).join("|");
  return { entries, regex: new RegExp(source, "g") };
}
const PLACES = placeIndex((j) => j.triggers);
const SIGNALS = placeIndex((j) => j.signals);
const JURISDICTION_EXCLUDES: ReadonlyMap<string, RegExp> = new Map(
  JURISDICTIONS.flatMap((j) => {
    const re = compileAny(j.excludes ?? []);
    return re ? [[j.id, re] as const] : [];
  }),
);

/** The clauses that count, joined, with where each starts. */
interface Text {
  clauses: readonly Clause[];
  joined: string;
  starts: number[];
}

function textOf(clauses: readonly Clause[]): Text {
  const live = clauses.filter((c) => !c.negated && !c.later);
  const starts: number[] = [];
  let at = 0;
  for (const c of live) {
    starts.push(at);
    at += c.lower.length + SEP.length;
  }
  return { clauses: live, joined: live.map((c) => c.lower).join(SEP), starts };
}

/** The clause holding character `index` of the joined text. */
function clauseAt(text: Text, index: number): Clause {
  let lo = 0;
  let hi = text.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return text.clauses[lo]!;
}

/** Distinct clauses where a global regex matches, in order, at most `max`. */
function hits(text: Text, re: RegExp | undefined, max: number): Clause[] {
  if (!re) return [];
  const out: Clause[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text.joined); m !== null; m = re.exec(text.joined)) {
    const c = clauseAt(text, m.index);
    if (out.at(-1) !== c) out.push(c);
    if (out.length >= max) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** The first clause where a non-global regex matches. */
function firstHit(text: Text, re: RegExp): Clause | undefined {
  const m = re.exec(text.joined);
  return m ? clauseAt(text, m.index) : undefined;
}

/** Evidence quoting each clause once, naming `rule`. */
function evidenceOf(clauses: readonly Clause[], rule: string): Evidence[] {
  const seen = new Set<Clause>();
  const out: Evidence[] = [];
  for (const c of clauses) {
    if (seen.has(c) || out.length >= MAX_EVIDENCE) continue;
    seen.add(c);
    out.push({ quote: c.text.slice(0, MAX_QUOTE), questionId: c.questionId, rule });
  }
  return out;
}

/** Clauses proving every context group, or `undefined` when one group has no match. */
function contextOf(text: Text, groups: readonly RegExp[]): Clause[] | undefined {
  const out: Clause[] = [];
  for (const g of groups) {
    const c = firstHit(text, g);
    if (!c) return undefined;
    out.push(c);
  }
  return out;
}

/** The clauses that switch a rule on (triggers, then context), or `undefined`. */
function fire<E>(text: Text, rule: Compiled<E>): Clause[] | undefined {
  const trig = hits(text, rule.trigger, MAX_TRIGGER_QUOTES);
  if (trig.length === 0) return undefined;
  const ctx = contextOf(text, rule.context);
  if (!ctx) return undefined;
  if (rule.exclude?.test(text.joined)) return undefined;
  return [...trig, ...ctx];
}

/** `Texas` → `texas`, `New York City` → `new-york-city`: the slug in `place:<slug>`. */
function slug(label: string): string {
  return label.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function detectPlaces(text: Text): Found<JurisdictionEntry>[] {
  const found = new Map<string, { entry: JurisdictionEntry; clauses: Clause[]; first: number }>();
  const scan = (index: typeof PLACES) => {
    const re = index.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text.joined); m !== null; m = re.exec(text.joined)) {
      const g = m.findIndex((v, i) => i > 0 && v !== undefined);
      const entry = index.entries[g - 1];
      if (!entry) continue;
      const c = clauseAt(text, m.index);
      const hit = found.get(entry.id);
      if (hit) {
        if (!hit.clauses.includes(c)) hit.clauses.push(c);
      } else found.set(entry.id, { entry, clauses: [c], first: m.index });
    }
    re.lastIndex = 0;
  };
  scan(PLACES);
  if (found.size === 0) scan(SIGNALS);
  for (const [id, hit] of found) {
    const exclude = JURISDICTION_EXCLUDES.get(id);
    if (exclude?.test(text.joined)) found.delete(id);
    else if (hit.entry.context && !contextOf(text, compileRule(hit.entry).context)) {
      found.delete(id);
    }
  }
  // Every place brings the places it sits in, with the same words as evidence.
  const out = new Map<string, { entry: JurisdictionEntry; evidence: Evidence[]; first: number }>();
  for (const hit of found.values()) {
    const evidence = evidenceOf(hit.clauses, `place:${slug(hit.entry.label)}`);
    for (
      let j: JurisdictionEntry | undefined = hit.entry;
      j !== undefined;
      j = j.parent === undefined ? undefined : JURISDICTION_BY_ID.get(j.parent)
    ) {
      const have = out.get(j.id);
      if (!have) out.set(j.id, { entry: j, evidence: [...evidence], first: hit.first });
      else {
        have.first = Math.min(have.first, hit.first);
        if (j === hit.entry) have.evidence = [...evidence, ...have.evidence];
        for (const e of evidence) {
          if (have.evidence.length >= MAX_EVIDENCE) break;
          if (!have.evidence.some((x) => x.quote === e.quote && x.rule === e.rule)) {
            have.evidence.push(e);
          }
        }
        have.evidence = have.evidence.slice(0, MAX_EVIDENCE);
      }
    }
  }
  return [...out.values()]
    .sort((a, b) =>
      JURISDICTION_DEPTH.get(b.entry.id)! - JURISDICTION_DEPTH.get(a.entry.id)! ||
      a.first - b.first
    )
    .map(({ entry, evidence }) => ({ id: entry.id, label: entry.label, entry, evidence }));
}

function applies(reg: RegulationEntry, places: ReadonlySet<string>): boolean {
  return reg.jurisdictions.some((j) => j === "*" || places.has(j));
}

/**
 * What the knowledge recognises in the person's clauses.
 *
 * @example
 * ```ts
 * import { detect } from "./detect.ts";
 * const text = "A load board for truckers in Texas";
 * const d = detect([{
 *   text, lower: text.toLowerCase(), questionId: "idea", negated: false, later: false,
 * }]);
 * d.jurisdictions.map((j) => j.id); // ["US-TX", "US"]
 * ```
 */
export function detect(clauses: readonly Clause[]): Detection {
  const text = textOf(clauses);
  if (text.clauses.length === 0) {
    return { jurisdictions: [], domains: [], regulations: [], alternatives: [], uncovered: [] };
  }
  const jurisdictions = detectPlaces(text);
  const places = new Set(jurisdictions.map((j) => j.id));

  const domains: Found<DomainEntry>[] = [];
  for (const rule of DOMAIN_RULES) {
    const why = fire(text, rule);
    if (!why) continue;
    const { entry } = rule;
    domains.push({
      id: entry.id,
      label: entry.label,
      entry,
      evidence: evidenceOf(why, `domain:${entry.id}`),
    });
  }
  const domainById = new Map(domains.map((d) => [d.id, d]));

  const regulations: Found<RegulationEntry>[] = [];
  for (const rule of REGULATION_RULES) {
    const { entry } = rule;
    const rulename = `regulation:${entry.id}`;
    // Named by the person: they said it, so it stands wherever they are.
    const named = hits(text, rule.trigger, MAX_TRIGGER_QUOTES);
    if (named.length > 0) {
      regulations.push({
        id: entry.id,
        label: entry.label,
        entry,
        evidence: evidenceOf(named, rulename),
      });
      continue;
    }
    const from = entry.domains.filter((d) => domainById.has(d));
    if (entry.domains.length > 0 && from.length === 0) continue;
    if (!applies(entry, places)) continue;
    const ctx = contextOf(text, rule.context);
    if (!ctx) continue;
    if (rule.exclude?.test(text.joined)) continue;
    const quotes: Clause[] = [];
    const evidence: Evidence[] = [];
    for (const d of from) evidence.push(...domainById.get(d)!.evidence);
    const where = jurisdictions.find((j) => entry.jurisdictions.includes(j.id));
    if (where) evidence.push(...where.evidence);
    quotes.push(...ctx);
    const merged = [
      ...evidence.map((e) => ({ ...e, rule: rulename })),
      ...evidenceOf(quotes, rulename),
    ];
    const unique: Evidence[] = [];
    for (const e of merged) {
      if (unique.length >= MAX_EVIDENCE) break;
      if (!unique.some((u) => u.quote === e.quote && u.questionId === e.questionId)) unique.push(e);
    }
    if (unique.length === 0) continue; // a finding without evidence is not emitted
    regulations.push({ id: entry.id, label: entry.label, entry, evidence: unique });
  }

  const alternatives: Found<AlternativeEntry>[] = [];
  for (const rule of ALTERNATIVE_RULES) {
    const why = fire(text, rule);
    if (!why) continue;
    const { entry } = rule;
    alternatives.push({
      id: entry.id,
      label: entry.label,
      entry,
      evidence: evidenceOf(why, `alternative:${entry.id}`),
    });
  }

  const uncovered: Detection["uncovered"] = [];
  for (const { entry, trigger } of UNCOVERED_RULES) {
    const at = hits(text, trigger, MAX_TRIGGER_QUOTES);
    if (at.length > 0) {
      uncovered.push({ label: entry.label, evidence: evidenceOf(at, `uncovered:${entry.id}`) });
    }
  }
  for (const j of jurisdictions) {
    if (j.entry.parent === undefined && j.entry.privacy.length === 0) {
      uncovered.push({
        label: `data-protection and sector law of ${j.label}`,
        evidence: j.evidence.map((e) => ({ ...e, rule: `uncovered:law-${slug(j.id)}` })),
      });
    }
  }
  return { jurisdictions, domains, regulations, alternatives, uncovered };
}
