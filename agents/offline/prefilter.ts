/**
 * A word-start index over lexicon rows, so that an answer is matched against the few rows
 * whose patterns could match it instead of all of them. Testing ~150 patterns per answer
 * costs ~14 µs; the index brings that to a few µs, which is what lets one core run about
 * a thousand whole conversations per second.
 *
 * Each row's pattern is split into its top-level alternatives; an alternative that starts
 * with `\b` and two literal letters is indexed by those two letters. A row with any
 * alternative we cannot index is always tested, so the index only ever skips rows that
 * cannot match: it never changes a result.
 *
 * @module
 */

/** Anything with a lower-case pattern. */
export interface Patterned {
  readonly pattern: RegExp;
}

/** Word starts are two ASCII letters or digits, packed as `c1 * 128 + c2`. */
const KEYS = 128 * 128;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Packs two lower-case ASCII letters or digits into one number. */
function key(a: string): number {
  return a.charCodeAt(0) * 128 + a.charCodeAt(1);
}

/**
 * The two-letter starts of every word in lower-cased text, packed as numbers: a superset
 * of the positions where a `\b` followed by two word letters can match. A word of one
 * letter or digit (`a`, `e` in `e-commerce`) is packed as `c * 128`, since no second
 * character is a word character. A plain loop, because this runs for every answer and
 * allocating a string per word showed up in profiles.
 */
export function wordStarts(lower: string): number[] {
  const starts: number[] = [];
  let prev = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const word = isWordChar(c);
    if (word && !prev) {
      const d = i + 1 < lower.length ? lower.charCodeAt(i + 1) : 0;
      starts.push(isWordChar(d) ? c * 128 + d : c * 128);
    }
    prev = word || c === 95; // `_` is a word character for `\b` too
  }
  return starts;
}

/** Every packed start whose first character is `c`: one letter stands for all of them. */
function keysStartingWith(c: string): number[] {
  const first = c.charCodeAt(0) * 128;
  const keys = [first];
  for (let d = 48; d <= 122; d++) if (isWordChar(d)) keys.push(first + d);
  return keys;
}

/** Splits a regex source at its top-level `|`. */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/**
 * The starts an alternative can begin with: two mandatory literal letters after a `\b`
 * (`pa` for `\bpay`), or one when only one is mandatory (`e` for `\be-?commerce`, which
 * stands for every start beginning with `e`); `undefined` when no `\b` and mandatory literal
 * letter begin every way it can match. A leading non-capturing group
 * (`\b(?:apple|android) tv`), nested or not, gives the starts of each inner alternative; an
 * optional one (`\b(?:online )?therapy`) adds those of what follows it; a leading lookbehind
 * (`(?<!new )\bengland`) matches no text and is skipped.
 */
export function literalStarts(alt: string): string[] | undefined {
  return startsOf(alt, false);
}

/** {@link literalStarts} of a fragment; `bounded` when a `\b` precedes it. */
function startsOf(fragment: string, bounded: boolean): string[] | undefined {
  if (fragment.startsWith("\\b")) return startsOf(fragment.slice(2), true);
  if (fragment.startsWith("(?<!") || fragment.startsWith("(?<=")) {
    const close = closingParen(fragment);
    return close < 0 ? undefined : startsOf(fragment.slice(close + 1), bounded);
  }
  if (!fragment.startsWith("(?:")) {
    const lit = bounded ? literalRun(fragment) : "";
    return lit.length >= 1 ? [lit.slice(0, 2)] : undefined;
  }
  const close = closingParen(fragment);
  if (close < 0) return undefined;
  const after = fragment[close + 1];
  if (after === "{") return undefined;
  const starts: string[] = [];
  for (const inner of alternatives(fragment.slice(3, close))) {
    const s = startsOf(inner, bounded);
    if (s === undefined) return undefined;
    starts.push(...s);
  }
  if (after === "?" || after === "*") {
    // The group may match nothing: what follows it can start the match too.
    const rest = startsOf(fragment.slice(close + 2), bounded);
    if (rest === undefined) return undefined;
    starts.push(...rest);
  }
  return starts;
}

/** Mandatory literal letters at the start of a pattern fragment. */
function literalRun(fragment: string): string {
  let lit = "";
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i]!;
    if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) {
      lit += c;
      continue;
    }
    // A quantifier makes the letter before it optional.
    if (c === "?" || c === "*" || c === "{") lit = lit.slice(0, -1);
    break;
  }
  return lit;
}

/** Index of the `)` closing the group that opens at index 0, or -1. */
function closingParen(source: string): number {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * Rows indexed by the word starts their patterns need.
 *
 * @example
 * ```ts
 * const index = new Prefilter([{ pattern: /\bpay(?:s|ment)?\b/ }, { pattern: /\bchat\b/ }]);
 * index.match("we want payments", wordStarts("we want payments")); // [the first row]
 * ```
 */
export class Prefilter<T extends Patterned> {
  readonly #rows: readonly T[];
  readonly #byStart: (number[] | undefined)[] = new Array(KEYS);
  readonly #always: number[] = [];
  // Generation stamps mark candidate rows without allocating per call; `match` is
  // synchronous, so one scratch array per index is safe.
  readonly #stamps: Uint32Array;
  #generation = 0;

  constructor(rows: readonly T[]) {
    this.#rows = rows;
    this.#stamps = new Uint32Array(rows.length);
    rows.forEach((row, i) => {
      const starts = alternatives(row.pattern.source).map(literalStarts);
      if (starts.some((s) => s === undefined)) {
        this.#always.push(i);
        return;
      }
      const keys = new Set<number>();
      for (const s of (starts as string[][]).flat()) {
        if (s.length === 2) keys.add(key(s));
        else for (const k of keysStartingWith(s)) keys.add(k);
      }
      for (const k of keys) (this.#byStart[k] ??= []).push(i);
    });
  }

  /** Rows whose pattern matches `lower`, in table order. `starts` is `wordStarts(lower)`. */
  match(lower: string, starts: readonly number[]): T[] {
    const stamps = this.#stamps;
    const gen = this.#generation = (this.#generation + 1) >>> 0 || 1;
    if (gen === 1) stamps.fill(0);
    // Only the rows picked are visited (not every row of the table), then put in table order.
    const picked = this.#always.slice();
    for (const i of picked) stamps[i] = gen;
    for (const s of starts) {
      const list = this.#byStart[s];
      if (!list) continue;
      for (const i of list) {
        if (stamps[i] === gen) continue;
        stamps[i] = gen;
        picked.push(i);
      }
    }
    if (picked.length > this.#always.length) picked.sort((a, b) => a - b);
    const out: T[] = [];
    for (const i of picked) {
      const row = this.#rows[i]!;
      if (row.pattern.test(lower)) out.push(row);
    }
    return out;
  }
}
