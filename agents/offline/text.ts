/**
 * Small text helpers shared by the offline analysts: joining lists the way people
 * write them, singular forms of role labels, clipping.
 *
 * @module
 */

/**
 * Upper-cases the first letter.
 *
 * @example
 * ```ts
 * cap("dog owners"); // "Dog owners"
 * ```
 */
export function cap(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/**
 * Joins a list as prose: `a`, `a and b`, `a, b and c`.
 *
 * @example
 * ```ts
 * joinAnd(["iOS", "Android", "web"]); // "iOS, Android and web"
 * ```
 */
export function joinAnd(items: readonly string[], word = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["children", "child"],
  ["people", "person"],
  ["tradespeople", "tradesperson"],
  ["staff", "staff member"],
  ["businesses", "business"],
  ["families", "family"],
  ["nannies", "nanny"],
  ["coaches", "coach"],
  ["companies", "company"],
  ["charities", "charity"],
]);

/**
 * Singular of a plural role label, changing only the last word.
 *
 * @example
 * ```ts
 * singular("dog owners"); // "dog owner"
 * singular("small businesses"); // "small business"
 * ```
 */
export function singular(label: string): string {
  const space = label.lastIndexOf(" ");
  const head = label.slice(space + 1);
  const lower = head.toLowerCase();
  let one = IRREGULAR.get(lower);
  if (one === undefined) {
    if (lower.endsWith("ies") && lower.length > 4) one = head.slice(0, -3) + "y";
    else if (lower.endsWith("ss") || !lower.endsWith("s")) one = head;
    else one = head.slice(0, -1);
  }
  return label.slice(0, space + 1) + one;
}

/** Indefinite article for a word: `an` before a vowel sound (approximately), else `a`. */
export function article(word: string): string {
  return /^[aeio]|^u(?!s)|^hour/i.test(word) ? "an" : "a";
}

const WS = /^\s|\s$|\s\s|[\t\n\r]/;

/** Trims and shortens to `max` characters on a word boundary, adding `…` when cut. */
export function clip(s: string, max: number): string {
  // Most text is already short and clean: skip the regex unless something needs fixing.
  const t = s.length <= max && !WS.test(s) ? s : s.trim().replace(/\s+/g, " ");
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(" ", max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** Lower-cases the first letter unless the first word looks like an acronym or name. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Formats an integer with comma thousands separators, without the cost of `Intl`. */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
