/**
 * Context-aware detection: the person's clauses in, the jurisdictions, domains, regulations
 * and alternatives the knowledge base (agents/offline/knowledge/) recognises out, each with the
 * clauses it rests on as evidence.
 *
 * Order of inference: places first (a city, state or country named; currencies and payment
 * rails only when no place is named; no place means no jurisdiction, never a default), then
 * domains whose context holds, then regulations of those domains that apply in those places.
 * Negated clauses ("no iPhone") and clauses put off for later ("mobile later") never trigger;
 * answers about the build itself (topics `budget` and `timeline`) count only as weak place
 * signals. A regulation the person names stands wherever they are. Every `Found` quotes the
 * clauses it rests on, naming its rule (`place:texas`, `domain:food`, `regulation:us-fcra`).
 *
 * Pure and deterministic; every pattern is compiled once when this module loads, and a
 * word-start index (prefilter.ts) tests each transcript only against rules it could match.
 *
 * @module
 */
import type {
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
import { Prefilter, wordStarts } from "./prefilter.ts";

export type { Clause, Detection } from "./knowledge/types.ts";

/** Evidence per found item, as `protocol/brief.js` allows. */
const MAX_EVIDENCE = 8;
/** Clauses quoted for the trigger of one item; the rest of the budget goes to context. */
const MAX_TRIGGER_QUOTES = 4;
/** Longest quote `Evidence` allows. */
const MAX_QUOTE = 300;
/** Joins the clauses that count into one text; `.` in a pattern never crosses it. */
const SEP = "\n";

/** Leading group openers, and trailing group closers and quantifiers, around a fragment's edges. */
const OPENERS = /^(?:\(\?:)+/;
const CLOSERS = /(?:[)?*+]|\{\d+(?:,\d*)?\})+$/;
/** A fragment edge that is a letter or digit (a class such as `[aá]` counts as one). */
const WORD_FIRST = /^(?:[a-z0-9[]|\\[dw])/;
const WORD_LAST = /(?:[a-z0-9\]\u00c0-\u024f]|\\[dw])$/;
/**
 * After a word-like end, no further letter: `\b` would do for ASCII, but not after "á" in
 * "bogotá", so the end is a lookahead over ASCII and Latin letters.
 */
const END = "(?![a-z0-9_\\u00c0-\\u024f])";

/**
 * The source of one fragment with word boundaries where its edges are letters or digits, so
 * that `loan` does not match "sloan", while `₹`, `u\.s\.` and `401\(k\)` need none. The start
 * is a plain `\b`, which the word-start index (prefilter.ts) relies on.
 */
export function bounded(fragment: Pattern): string {
  const start = WORD_FIRST.test(fragment.replace(OPENERS, "")) ? "\\b" : "";
  const end = WORD_LAST.test(fragment.replace(CLOSERS, "")) ? END : "";
  return `${start}(?:${fragment})${end}`;
}

/** One regex matching any of the fragments, or `undefined` for none. */
export function compileAny(fragments: readonly Pattern[], flags = ""): RegExp | undefined {
  if (fragments.length === 0) return undefined;
  return new RegExp(fragments.map(bounded).join("|"), flags);
}

/** A rule with its patterns compiled, and the rule name its evidence carries. */
interface Compiled<E> {
  entry: E;
  /** `kind:id`, e.g. `domain:tenant-screening`. */
  rule: string;
  /** Any trigger, not global: what the word-start index tests. */
  pattern: RegExp;
  /** The same, global: to find every clause that triggers. */
  trigger: RegExp;
  context: RegExp[];
  exclude: RegExp | undefined;
}

const NEVER = /(?!)/;

function compileRule<E extends Rule>(
  entry: E,
  rule: string,
  triggers: readonly Pattern[] = entry.triggers,
): Compiled<E> {
  return {
    entry,
    rule,
    pattern: compileAny(triggers) ?? NEVER,
    trigger: compileAny(triggers, "g") ?? NEVER,
    context: (entry.context ?? []).flatMap((g) => compileAny(g) ?? []),
    exclude: compileAny(entry.excludes ?? []),
  };
}

/** `wordStarts` of each clause's lower-cased text, computed once per clause. */
const STARTS = new WeakMap<Clause, number[]>();

/**
 * Rules behind a word-start index, so a text is tested only against rules it could match.
 * Candidates are found per clause and remembered for that clause: the reader hands out the
 * same clause objects for an answer it has read, so a clarifier round tests only the new
 * answers' clauses against the knowledge base, not the whole transcript again.
 */
class RuleIndex<E> {
  readonly #index: Prefilter<Compiled<E>>;
  readonly #order: Map<Compiled<E>, number>;
  readonly #byClause = new WeakMap<Clause, readonly Compiled<E>[]>();
  constructor(rules: readonly Compiled<E>[]) {
    const live = rules.filter((r) => r.pattern !== NEVER);
    this.#index = new Prefilter(live);
    this.#order = new Map(live.map((r, i) => [r, i]));
  }
  /** Rules whose trigger matches in some clause of the text, in table order. */
  candidates(text: Text): Compiled<E>[] {
    const found = new Set<Compiled<E>>();
    for (const c of text.clauses) {
      let list = this.#byClause.get(c);
      if (!list) {
        let starts = STARTS.get(c);
        if (!starts) STARTS.set(c, starts = wordStarts(c.lower));
        list = this.#index.match(c.lower, starts);
        this.#byClause.set(c, list);
      }
      for (const r of list) found.add(r);
    }
    const order = this.#order;
    return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
  }
}

/** `Texas` → `texas`, `New York City` → `new-york-city`: the slug in `place:<slug>`. */
function slug(label: string): string {
  return label.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

const DOMAIN_RULES = [...DOMAINS]
  .sort((a, b) => b.stakes - a.stakes)
  .map((d) => compileRule(d, `domain:${d.id}`));
const DOMAIN_INDEX = new RuleIndex(DOMAIN_RULES);
const REGULATION_RULES = REGULATIONS.map((r) => compileRule(r, `regulation:${r.id}`));
const REGULATION_INDEX = new RuleIndex(REGULATION_RULES);
/** Regulations a domain brings, by domain id. */
const REGULATIONS_BY_DOMAIN = new Map<string, Compiled<RegulationEntry>[]>();
/** General regimes (no domain needed), by the place where they apply. */
const GENERAL_BY_PLACE = new Map<string, Compiled<RegulationEntry>[]>();
/** General regimes that apply everywhere. */
const GENERAL_EVERYWHERE: Compiled<RegulationEntry>[] = [];
for (const rule of REGULATION_RULES) {
  const { domains, jurisdictions } = rule.entry;
  for (const d of domains) push(REGULATIONS_BY_DOMAIN, d, rule);
  if (domains.length > 0) continue;
  if (jurisdictions.includes("*")) GENERAL_EVERYWHERE.push(rule);
  else for (const j of jurisdictions) push(GENERAL_BY_PLACE, j, rule);
}
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
const ALTERNATIVE_INDEX = new RuleIndex(
  ALTERNATIVES.map((a) => compileRule(a, `alternative:${a.id}`)),
);
const UNCOVERED_INDEX = new RuleIndex(
  UNCOVERED.map((u: UncoveredSignal) => compileRule(u, `uncovered:${u.id}`)),
);

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
const PLACE_INDEX = new RuleIndex(
  JURISDICTIONS.map((j) => compileRule(j, `place:${slug(j.label)}`)),
);
const SIGNAL_INDEX = new RuleIndex(
  JURISDICTIONS.map((j) => compileRule(j, `place:${slug(j.label)}`, j.signals ?? [])),
);

/** The clauses that count, joined, with where each starts. */
interface Text {
  clauses: readonly Clause[];
  joined: string;
  /** Where each clause starts in `joined`. */
  offsets: number[];
}

/**
 * Topics whose answers are about who builds the product and when, not what it is: "we got a
 * grant from the city council" in a budget answer does not make a government product. Their
 * clauses still count as weak place signals (a budget in lakh says India).
 */
const ABOUT_THE_BUILD: ReadonlySet<string> = new Set(["budget", "timeline"]);

function textOf(clauses: readonly Clause[]): Text {
  const live = clauses.filter((c) => !c.negated && !c.later);
  const offsets: number[] = [];
  let at = 0;
  for (const c of live) {
    offsets.push(at);
    at += c.lower.length + SEP.length;
  }
  const joined = live.map((c) => c.lower).join(SEP);
  return { clauses: live, joined, offsets };
}

/** The clause holding character `index` of the joined text. */
function clauseAt(text: Text, index: number): Clause {
  let lo = 0;
  let hi = text.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.offsets[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return text.clauses[lo]!;
}

/** Distinct clauses where a global regex matches, in order, at most `max`, and the first index. */
function hits(text: Text, re: RegExp, max: number): { clauses: Clause[]; first: number } {
  const clauses: Clause[] = [];
  let first = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text.joined); m !== null; m = re.exec(text.joined)) {
    if (first < 0) first = m.index;
    const c = clauseAt(text, m.index);
    if (clauses.at(-1) !== c) clauses.push(c);
    if (clauses.length >= max) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return { clauses, first };
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
    const m = g.exec(text.joined);
    if (!m) return undefined;
    out.push(clauseAt(text, m.index));
  }
  return out;
}

/** The clauses that switch a candidate rule on (triggers, then context), or `undefined`. */
function fire<E>(text: Text, rule: Compiled<E>): Clause[] | undefined {
  const trig = hits(text, rule.trigger, MAX_TRIGGER_QUOTES).clauses;
  if (trig.length === 0) return undefined;
  const ctx = contextOf(text, rule.context);
  if (!ctx) return undefined;
  if (rule.exclude?.test(text.joined)) return undefined;
  return [...trig, ...ctx];
}

/** Found items of every candidate rule that fires. */
function fired<E extends { id: string; label: string }>(
  text: Text,
  index: RuleIndex<E>,
): Found<E>[] {
  const out: Found<E>[] = [];
  for (const rule of index.candidates(text)) {
    const why = fire(text, rule);
    if (!why) continue;
    const { entry } = rule;
    out.push({ id: entry.id, label: entry.label, entry, evidence: evidenceOf(why, rule.rule) });
  }
  return out;
}

/** Adds evidence to a list without repeating a quote, up to the limit. */
function addEvidence(to: Evidence[], more: readonly Evidence[]): void {
  for (const e of more) {
    if (to.length >= MAX_EVIDENCE) return;
    if (!to.some((x) => x.quote === e.quote && x.questionId === e.questionId)) to.push(e);
  }
}

function detectPlaces(text: Text, everything: Text): Found<JurisdictionEntry>[] {
  const scan = (index: RuleIndex<JurisdictionEntry>, text: Text) => {
    const found: { rule: Compiled<JurisdictionEntry>; clauses: Clause[]; first: number }[] = [];
    for (const rule of index.candidates(text)) {
      const { clauses, first } = hits(text, rule.trigger, MAX_EVIDENCE);
      if (clauses.length === 0) continue;
      if (rule.exclude?.test(text.joined) || !contextOf(text, rule.context)) continue;
      found.push({ rule, clauses, first });
    }
    return found;
  };
  let named = scan(PLACE_INDEX, text);
  if (named.length === 0) named = scan(SIGNAL_INDEX, everything);
  // Every place brings the places it sits in, with the same words as evidence.
  const out = new Map<string, { entry: JurisdictionEntry; evidence: Evidence[]; first: number }>();
  for (const hit of named) {
    const evidence = evidenceOf(hit.clauses, hit.rule.rule);
    for (
      let j: JurisdictionEntry | undefined = hit.rule.entry;
      j !== undefined;
      j = j.parent === undefined ? undefined : JURISDICTION_BY_ID.get(j.parent)
    ) {
      const have = out.get(j.id);
      if (!have) out.set(j.id, { entry: j, evidence: [...evidence], first: hit.first });
      else {
        have.first = Math.min(have.first, hit.first);
        if (j === hit.rule.entry) {
          const rest = have.evidence;
          have.evidence = [...evidence];
          addEvidence(have.evidence, rest);
        } else addEvidence(have.evidence, evidence);
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

function detectRegulations(
  text: Text,
  jurisdictions: readonly Found<JurisdictionEntry>[],
  domains: readonly Found<DomainEntry>[],
): Found<RegulationEntry>[] {
  const domainById = new Map(domains.map((d) => [d.id, d]));
  const named = new Set(REGULATION_INDEX.candidates(text));
  // Only rules the person named, or that a found domain or place brings, are looked at.
  const wanted = new Set(named);
  for (const d of domains) for (const r of REGULATIONS_BY_DOMAIN.get(d.id) ?? []) wanted.add(r);
  for (const j of jurisdictions) for (const r of GENERAL_BY_PLACE.get(j.id) ?? []) wanted.add(r);
  for (const r of GENERAL_EVERYWHERE) wanted.add(r);
  const out: Found<RegulationEntry>[] = [];
  for (const rule of REGULATION_RULES) {
    if (!wanted.has(rule)) continue;
    const { entry } = rule;
    // Named by the person: they said it, so it stands wherever they are.
    if (named.has(rule)) {
      const said = hits(text, rule.trigger, MAX_TRIGGER_QUOTES).clauses;
      if (said.length > 0) {
        out.push({
          id: entry.id,
          label: entry.label,
          entry,
          evidence: evidenceOf(said, rule.rule),
        });
        continue;
      }
    }
    const from = entry.domains.flatMap((d) => domainById.get(d) ?? []);
    if (entry.domains.length > 0 && from.length === 0) continue;
    // With no place named, only rules that hold everywhere apply: never a default region.
    const everywhere = entry.jurisdictions.includes("*");
    const where = everywhere
      ? undefined
      : jurisdictions.find((j) => entry.jurisdictions.includes(j.id));
    if (!everywhere && !where) continue;
    const ctx = contextOf(text, rule.context);
    if (!ctx) continue;
    if (rule.exclude?.test(text.joined)) continue;
    const evidence: Evidence[] = [];
    for (const d of from) addEvidence(evidence, d.evidence.map((e) => ({ ...e, rule: rule.rule })));
    if (where) addEvidence(evidence, where.evidence.map((e) => ({ ...e, rule: rule.rule })));
    addEvidence(evidence, evidenceOf(ctx, rule.rule));
    if (evidence.length === 0) continue; // a finding without evidence is not emitted
    out.push({ id: entry.id, label: entry.label, entry, evidence });
  }
  return out;
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
  const everything = textOf(clauses);
  const text = textOf(
    clauses.filter((c) => c.topic === undefined || !ABOUT_THE_BUILD.has(c.topic)),
  );
  if (everything.clauses.length === 0) {
    return { jurisdictions: [], domains: [], regulations: [], alternatives: [], uncovered: [] };
  }
  const jurisdictions = detectPlaces(text, everything);
  const domains = fired(text, DOMAIN_INDEX);
  const regulations = detectRegulations(text, jurisdictions, domains);
  const alternatives = fired(text, ALTERNATIVE_INDEX);
  const uncovered: Detection["uncovered"] = fired(text, UNCOVERED_INDEX)
    .map(({ label, evidence }) => ({ label, evidence }));
  for (const j of jurisdictions) {
    if (j.entry.parent === undefined && j.entry.privacy.length === 0) {
      const rule = `uncovered:law-${j.id.toLowerCase()}`;
      uncovered.push({
        label: `data-protection and sector law of ${j.label}`,
        evidence: j.evidence.map((e) => ({ ...e, rule })),
      });
    }
  }
  return { jurisdictions, domains, regulations, alternatives, uncovered };
}
