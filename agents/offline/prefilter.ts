/**
 * A word-start index over lexicon rows, so that an answer is matched against the few rows
 * whose patterns could match it instead of all of them. Testing ~150 patterns per answer
 * costs ~14 µs; the index brings that to a few µs, which is what lets one core run about
 * a thousand whole conversations per second.
 *
 * Each row's pattern is split into its top-level alternatives, and each alternative is
 * indexed and tested on its own. One that starts with `\b` and literal letters (also inside
 * leading groups) is indexed by its first two letters, or by its first letter alone. One
 * that cannot be indexed is always tested. Before its regex runs, an alternative must find
 * the literal text its matches contain in the answer. The index only ever skips
 * alternatives that cannot match, so it never changes a result.
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

/** One top-level alternative of a row's pattern, compiled on its own. */
interface Alternative {
  /** The row it belongs to. */
  row: number;
  /** The alternative alone, with the row's flags: the row matches when any of them does. */
  re: RegExp;
  /** Text every match contains (see {@link requiredText}): absent from the text, no test. */
  head: string;
}

/** Characters that mean something in a regex source outside a class. */
const SPECIAL = new Set(["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]);

/**
 * The longest literal text every match of a fragment contains: `ann arbor` for
 * `\b(?:ann arbor)(?!…)`, ` patient` for `\b(?:(?:a|the) patient)`, `£` for `(?:£)`. A
 * text without it cannot match, and `includes` is much cheaper than running the regex.
 * Only what must match counts: optional characters and groups, classes, escapes such as
 * `\d`, and alternations end a literal run (their insides are not looked at, except a
 * group with one alternative). Empty when nothing is certain.
 *
 * @example
 * ```ts
 * import { requiredText } from "./prefilter.ts";
 *
 * requiredText("\\b(?:ann arbor)(?![a-z])"); // "ann arbor"
 * requiredText("\\b(?:a|the) patient"); // " patient"
 * ```
 */
export function requiredText(fragment: string): string {
  let best = "";
  let run = "";
  const end = () => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i < fragment.length;) {
    const c = fragment[i]!;
    if (c === "(") {
      end();
      const close = i + closingParen(fragment.slice(i));
      if (close < i) return "";
      const q = fragment[close + 1];
      const optional = q === "?" || q === "*" || q === "{";
      if (fragment.startsWith("(?:", i) && !optional) {
        const inner = alternatives(fragment.slice(i + 3, close));
        if (inner.length === 1) {
          run = requiredText(inner[0]!);
          end();
        }
      }
      // Lookarounds match no text; a quantifier after the group is skipped with it.
      i = close + 1;
      if (q === "?" || q === "*" || q === "+") i++;
      else if (q === "{") i = fragment.indexOf("}", i) + 1 || fragment.length;
      continue;
    }
    if (c === "[") {
      end();
      let j = i + 1;
      while (j < fragment.length && fragment[j] !== "]") j += fragment[j] === "\\" ? 2 : 1;
      i = j + 1;
      continue;
    }
    let ch = c;
    let next = i + 1;
    if (c === "\\") {
      const e = fragment[i + 1];
      // An escaped sign is itself (`\.`, `\$`); `\d`, `\w`, `\s`, `\b` are not literals.
      if (e === undefined || /[0-9A-Za-z]/.test(e)) {
        end();
        i += 2;
        continue;
      }
      ch = e;
      next = i + 2;
    } else if (SPECIAL.has(c)) {
      end(); // `.`, `^`, `$`, `|`, or a quantifier already dealt with
      i++;
      continue;
    }
    const q = fragment[next];
    if (q === "?" || q === "*" || q === "{") {
      end(); // optional: the run ends before it
      i = next;
      continue;
    }
    run += ch;
    i = next;
    if (q === "+") end();
  }
  end();
  return best;
}

/**
 * Rows indexed by the word starts their patterns need. Each top-level alternative of a
 * row's pattern is indexed and tested on its own: a row of fifty triggers picked by one
 * word tests one small regex, not all fifty. A text matches `a|b` exactly when it matches
 * `a` or `b`, so this never changes a result either.
 *
 * @example
 * ```ts
 * const index = new Prefilter([{ pattern: /\bpay(?:s|ment)?\b/ }, { pattern: /\bchat\b/ }]);
 * index.match("we want payments", wordStarts("we want payments")); // [the first row]
 * ```
 */
export class Prefilter<T extends Patterned> {
  readonly #rows: readonly T[];
  readonly #alternatives: Alternative[] = [];
  /** Alternatives by packed start, each list ascending (so in row order). */
  readonly #byStart: (number[] | undefined)[] = new Array(KEYS);
  readonly #always: number[] = [];
  // Generation stamps mark candidate alternatives and matched rows without allocating per
  // call; `match` is synchronous, so one scratch array each per index is safe.
  readonly #picked: Uint32Array;
  readonly #matched: Uint32Array;
  #generation = 0;

  constructor(rows: readonly T[]) {
    this.#rows = rows;
    rows.forEach((row, i) => {
      const { source, flags } = row.pattern;
      const sources = alternatives(source);
      const own = flags.replace(/[gy]/g, "");
      for (const alt of sources) {
        let re: RegExp;
        try {
          re = sources.length === 1 && own === flags ? row.pattern : new RegExp(alt, own);
        } catch {
          // An alternative that is no regex alone (a backreference to another): the whole
          // row is tested, always.
          this.#always.push(this.#alternatives.push({ row: i, re: row.pattern, head: "" }) - 1);
          return;
        }
        // Under `i` a literal also matches other cases: no head to look for.
        const head = own.includes("i") ? "" : requiredText(alt);
        const a = this.#alternatives.push({ row: i, re, head: head.length >= 2 ? head : "" }) - 1;
        const starts = literalStarts(alt);
        if (starts === undefined) {
          this.#always.push(a);
          continue;
        }
        const keys = new Set<number>();
        for (const s of starts) {
          if (s.length === 2) keys.add(key(s));
          else for (const k of keysStartingWith(s)) keys.add(k);
        }
        for (const k of keys) (this.#byStart[k] ??= []).push(a);
      }
    });
    this.#picked = new Uint32Array(this.#alternatives.length);
    this.#matched = new Uint32Array(rows.length);
  }

  /** Rows whose pattern matches `lower`, in table order. `starts` is `wordStarts(lower)`. */
  match(lower: string, starts: readonly number[]): T[] {
    const picked = this.#picked;
    const matched = this.#matched;
    const gen = this.#generation = (this.#generation + 1) >>> 0 || 1;
    if (gen === 1) {
      picked.fill(0);
      matched.fill(0);
    }
    // Only the alternatives picked are visited, then put in table order.
    const list = this.#always.slice();
    for (const a of list) picked[a] = gen;
    for (const s of starts) {
      const at = this.#byStart[s];
      if (!at) continue;
      for (const a of at) {
        if (picked[a] === gen) continue;
        picked[a] = gen;
        list.push(a);
      }
    }
    if (list.length > this.#always.length) list.sort((a, b) => a - b);
    const out: T[] = [];
    const alts = this.#alternatives;
    for (const a of list) {
      const { row, re, head } = alts[a]!;
      if (matched[row] === gen || (head && !lower.includes(head)) || !re.test(lower)) continue;
      matched[row] = gen;
      out.push(this.#rows[row]!);
    }
    return out;
  }
}
