/**
 * The reader of the offline engine: turns the person's answers into {@link Clause}s (the
 * fixed interface the knowledge matcher reads) and typed facts: amounts of money with
 * their currency, magnitude and purpose (a budget, a price, or just an amount), durations
 * and dates, and the language of the idea.
 *
 * Sentences, tokens and negation come from `wink-nlp` with its English model
 * (`wink-eng-lite-web-model`, shipped in the npm package); the language from `franc-min`.
 * A short answer with nothing to split, and a plain list (commas and brackets, no negation,
 * time marker or sentence end), are split here to the same result, without tokenising.
 * What those libraries do not know (lakh and crore, "$8 per month" being a price, "mobile
 * later" being put off) is read here, on their tokens and clauses, not on raw text.
 *
 * Reading an answer is a pure function of its text, question id and topic; extract.ts
 * remembers each transcript entry's reading for its conversation, so each answer is read
 * once per conversation although every clarifier round sees the whole transcript.
 *
 * @example
 * ```ts
 * import { readAnswer } from "./read.ts";
 *
 * const r = readAnswer("We have 40 lakh rupees to build it; members pay $8 per month", "idea");
 * const money = JSON.stringify(r.money.map((m) => [m.amount, m.currency, m.kind]));
 * if (money !== '[[4000000,"₹","budget"],[8,"$","price"]]') throw new Error(money);
 * ```
 *
 * @module
 */
import winkNLP, { type ItemSentence, type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { franc } from "franc-min";
import type { QA } from "../../protocol/brief.js";

import type { Clause } from "./knowledge/types.ts";

export type { Clause };

/**
 * Out-of-vocabulary tokens the reader may meet before its wink-nlp instance is rebuilt.
 * wink-nlp adds every token it has not seen to its lexicon (the model's lexeme list and
 * hash, about 140 bytes of heap each, text and lower case) and never drops one, so a
 * long-running server reading novel words (names, typos, made-up brands) would grow without
 * bound. Past this many the instance is replaced by a fresh one (about 50 ms on this
 * machine, once per this many novel tokens), which bounds that growth to a few MiB.
 */
export const MAX_NOVEL_TOKENS = 10_000;

/**
 * The English model with its custom-entity meta model read once: the package's
 * `metaCER()` re-stringifies its own previous result on every call, so each new wink-nlp
 * instance built on the bare model would hold (and build) a string twice the size of the
 * one before — after a dozen rebuilds that alone runs the process out of memory.
 */
const MODEL: typeof model = (() => {
  const meta = (model as unknown as { metaCER: () => unknown }).metaCER();
  return Object.assign(Object.create(null), model, { metaCER: () => meta });
})();

let nlp = winkNLP(MODEL, ["sbd", "negation"]);
let its = nlp.its;
/** Out-of-vocabulary token occurrences read by the current instance (an upper bound of what it added). */
let novelTokens = 0;
let rebuilds = 0;

/** The reader's wink-nlp instance, rebuilt first when it has read {@link MAX_NOVEL_TOKENS}. */
function reader(): typeof nlp {
  if (novelTokens >= MAX_NOVEL_TOKENS) {
    nlp = winkNLP(MODEL, ["sbd", "negation"]);
    its = nlp.its;
    novelTokens = 0;
    rebuilds++;
  }
  return nlp;
}

/**
 * How the reader's wink-nlp lexicon stands: out-of-vocabulary tokens read since the last
 * rebuild, and how many rebuilds there have been (for the test and the bench that hold its
 * growth to {@link MAX_NOVEL_TOKENS}).
 */
export function readerState(): { novelTokens: number; rebuilds: number } {
  return { novelTokens, rebuilds };
}

/** Most clauses read from one answer; the rest of a very long answer is ignored. */
export const MAX_CLAUSES_PER_ANSWER = 60;
/** Characters of one answer the reader looks at (the protocol allows more). */
export const MAX_ANSWER_CHARS = 4_000;

/** What an amount of money is for, judged from its clause. */
export type MoneyKind = "budget" | "price" | "amount";

/** An amount of money the person named. */
export interface Money {
  /** The amount in units of the currency: `40 lakh` is 4,000,000. */
  amount: number;
  /** `$`, `€`, `£`, `₹`, `¥`, `R$`, `KSh`, `₦`, `S$`, `A$`, `C$`, or `` when unnamed. */
  currency: string;
  /** The words as written (`40 lakh rupees`, `$8 per month`). */
  text: string;
  /** `budget` (to build or run it), `price` (what someone pays per unit), else `amount`. */
  kind: MoneyKind;
  /** The unit of a price: `month`, `transaction`, `order`, … */
  per?: string;
  /** The clause it was read from. */
  clause: Clause;
}

/** A span of time the person named. */
export interface Duration {
  /** Calendar weeks, the upper bound of a range (`6-8 weeks` is 8). */
  weeks: number;
  /** The words as written (`three months`). */
  text: string;
  /** True when the clause ties it to launching ("launch in", "live by", "MVP in"). */
  launch: boolean;
  clause: Clause;
}

/** A date or season the person named as a target ("by March", "before Christmas"). */
export interface DateRef {
  text: string;
  launch: boolean;
  clause: Clause;
}

/** Everything read from one answer. */
export interface Reading {
  clauses: Clause[];
  money: Money[];
  durations: Duration[];
  dates: DateRef[];
}

/** The language of a text, as an ISO 639-3 code (`eng`, `spa`, `deu`) or `und`. */
export interface Language {
  code: string;
  /** True when the text reads as English (or is too short to tell). */
  english: boolean;
}

// ---------------------------------------------------------------------------------------
// Clauses

/** Words that open a new clause inside a sentence. */
const CLAUSE_BREAK: ReadonlySet<string> = new Set([
  ",",
  ";",
  ":",
  "–",
  "—",
  "-",
  "(",
  ")",
  "but",
  "though",
  "although",
  "whereas",
  "while",
  "except",
]);
/** `and`/`or` open a new clause only when the next words change polarity or time. */
const JOINERS: ReadonlySet<string> = new Set(["and", "or", "plus", "then"]);
const NEGATION_CUE =
  /^(?:no|not|never|without|none|nor|n't|non|neither|nothing|nobody)$|^(?:don|doesn|didn|won|isn|aren|can|shouldn|wouldn)'?t$/;
/** Words after which a clause is put off, not denied. */
const LATER =
  /\b(?:later(?: on)?|not (?:now|yet|at first|in the mvp|for the mvp|in v1|initially|for now)|phase (?:2|two|ii)|v2|version 2|eventually|down the (?:road|line)|in the future|some ?day|at some point|after (?:the )?(?:launch|mvp|pilot|first version)|next year|in a (?:second|later) (?:phase|version|stage)|(?:a )?(?:second|later) (?:phase|version|stage)|for now (?:only|just)|maybe later|future)\b/;
/** A clause that is nothing but a time marker ("not now", "maybe later") belongs to the one before. */
const ONLY_LATER =
  /^(?:(?:but|and|or|maybe|perhaps|probably|possibly) )*(?:later(?: on)?|not (?:now|yet|at first|for now|initially)|eventually|phase (?:2|two)|v2|down the road|in the future|some ?day|after (?:the )?launch|next year)[.!?]*$/;
/** "Not now" and "not yet" deny the present, which is `later`, not `negated`. */
const NOT_NOW = /\bnot (?:now|yet|at first|in the mvp|for the mvp|in v1|initially|for now)\b/;

/** Lower-cased, NFC, single-spaced: what triggers match against. */
export function normalise(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}

interface Piece {
  tokens: string[];
  negated: boolean;
}

/**
 * Splits one answer into clauses: wink-nlp finds the sentences and tokens, and flags the
 * tokens a negation governs; a sentence breaks at commas, semicolons, dashes and
 * contrastive words, and at `and`/`or` when what follows is put off or denied on its
 * own ("web now and mobile later").
 */
function clausesOf(text: string, questionId: string, topic: string | undefined): Clause[] {
  return simpleClause(text, questionId, topic) ?? listClauses(text, questionId, topic) ??
    winkClauses(text, questionId, topic);
}

/**
 * {@link clausesOf} by wink-nlp, whatever the text: the reading every shortcut must equal.
 * Exported for the test that holds {@link listClauses} to it.
 */
export function winkClauses(
  text: string,
  questionId: string,
  topic: string | undefined,
): Clause[] {
  const doc = reader().readDoc(text.slice(0, MAX_ANSWER_CHARS));
  const out: Clause[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    if (out.length >= MAX_CLAUSES_PER_ANSWER) return;
    const pieces: Piece[] = [];
    let cur: Piece = { tokens: [], negated: false };
    const words: string[] = [];
    const spaced: string[] = [];
    const flags: boolean[] = [];
    sentence.tokens().each((t: ItemToken) => {
      const word = t.out();
      if (doc.isOOV(word)) novelTokens++;
      words.push(word);
      spaced.push(t.out(its.precedingSpaces) + t.out());
      flags.push(Boolean(t.out(its.negationFlag)));
    });
    const flush = () => {
      if (cur.tokens.length > 0) pieces.push(cur);
      cur = { tokens: [], negated: false };
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const lw = w.toLowerCase();
      // A dash breaks a clause only with a space before it: "two-way" is one word.
      const dash = lw === "-" || lw === "–" || lw === "—";
      if (CLAUSE_BREAK.has(lw) && !(dash && !/^\s/.test(spaced[i]!))) {
        flush();
        // "except iOS" rules iOS out; "but", "while" only join.
        if (lw === "except") cur.negated = true;
        continue;
      }
      if (JOINERS.has(lw) && cur.tokens.length > 0 && changesCourse(words, flags, i + 1, cur)) {
        flush();
        continue;
      }
      cur.tokens.push(spaced[i]!);
      if (NEGATION_CUE.test(lw) || flags[i]) cur.negated = true;
    }
    flush();
    for (const p of pieces) addClause(out, joinTokens(p.tokens), p.negated, questionId, topic);
  });
  return out.slice(0, MAX_CLAUSES_PER_ANSWER);
}

/** Turns one piece of a sentence into a clause of `out` (or marks the one before as later). */
function addClause(
  out: Clause[],
  piece: string,
  negated: boolean,
  questionId: string,
  topic: string | undefined,
): void {
  const raw = piece.replace(/^[.!?]+|[.!?]+$/g, "").trim();
  if (!raw || /^[^\p{L}\p{N}$€£₹¥]+$/u.test(raw)) return;
  const lower = normalise(raw);
  if (ONLY_LATER.test(lower) && out.length > 0) {
    const prev = out[out.length - 1]!;
    prev.later = true;
    prev.negated = false;
    return;
  }
  const later = LATER.test(lower);
  const clause: Clause = {
    text: raw.slice(0, 300),
    lower,
    questionId,
    negated: negated && !(later && NOT_NOW.test(lower)),
    later,
  };
  if (topic !== undefined) clause.topic = topic;
  out.push(clause);
}

/** Characters a plain list may hold: printable ASCII, Latin letters, some currency signs. */
const PLAIN_CHARS = /^[\x20-\x7e\u00c0-\u024f€£₹¥₦’]*$/;
/**
 * What makes wink-nlp's reading differ from splitting at commas and brackets: sentence
 * ends, other clause breaks, contrastive words, and every word wink-nlp or the reader takes
 * as a negation ("prevent", "hardly" and "dont" among them).
 */
const NOT_A_LIST =
  /[;:–—!?]|(?:^|\s)-|\.(?:\s|[a-z])|\b(?:no|not|never|none|nor|neither|nothing|nobody|non|without|except|but|though|although|whereas|while|cannot|hardly|rarely|scarcely|seldom|nah|nope|prevent\w*|(?:ain|aren|can|couldn|didn|doesn|don|hadn|hasn|haven|isn|mustn|needn|shan|shouldn|wasn|weren|won|wouldn)(?:'|’)?t)\b|n(?:'|’)t\b/i;

/** Characters that may stand right before a number wink-nlp reads as one token. */
const BEFORE_NUMBER = /^[ ($€£₹¥₦]?$/;
/** Characters that may stand right after one. */
const AFTER_NUMBER = /^[ ,)+%]?$/;

/** Whether the `,` or `.` at `at` is inside a plain number ("5,000", "$3.5", "10,000 users"). */
function inNumber(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && /[\d.,]/.test(text[from - 1]!)) from--;
  let to = at + 1;
  while (to < text.length && /[\d.,]/.test(text[to]!)) to++;
  if (!/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(text.slice(from, to))) return false;
  const before = text[from - 1] ?? "";
  // "users5,000" and "5₹5,000" are split by wink-nlp.
  if (!BEFORE_NUMBER.test(before)) return false;
  if (before !== "" && before !== " " && !/^[ (]?$/.test(text[from - 2] ?? "")) return false;
  return AFTER_NUMBER.test(text[to] ?? "");
}

/**
 * A list without negation, time markers or sentence ends ("booking, chat, reviews (and
 * photos)") splits where wink-nlp would split it: at commas before a space and at
 * brackets. Read here, because tokenising costs many times more; `undefined` for anything
 * else, which goes to wink-nlp. A test holds this to {@link winkClauses} over the
 * evaluation set's answers.
 */
export function listClauses(
  text: string,
  questionId: string,
  topic: string | undefined,
): Clause[] | undefined {
  if (text.length > MAX_ANSWER_CHARS || !PLAIN_CHARS.test(text) || NOT_A_LIST.test(text)) {
    return undefined;
  }
  if (LATER.test(normalise(text))) return undefined;
  const cuts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const before = text[i - 1];
    const after = text[i + 1];
    if (c === ",") {
      // "5,000" is one number; "a,b" is a break wink-nlp sees and this does not.
      if (after === undefined || after === " ") cuts.push(i);
      else if (!inNumber(text, i)) return undefined;
    } else if (c === ".") {
      // Only "3.5" and full stops at the end: any other dot may end a sentence for wink-nlp.
      if (!inNumber(text, i) && !/^\.*$/.test(text.slice(i))) return undefined;
    } else if (c === "(") {
      if (before !== undefined && before !== " ") return undefined;
      cuts.push(i);
    } else if (c === ")") {
      if (after !== undefined && after !== " " && after !== "," && after !== ".") return undefined;
      cuts.push(i);
    }
  }
  const out: Clause[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    addClause(out, text.slice(from, cut).trim(), false, questionId, topic);
    from = cut + 1;
  }
  return out.slice(0, MAX_CLAUSES_PER_ANSWER);
}

/**
 * A short answer with nothing to split or negate ("6 months", "$80k", "web and mobile") is one
 * clause as it stands; tokenising it would give the same result at many times the cost.
 */
const SIMPLE_MAX_WORDS = 12;
const NEEDS_READING =
  /[,;:()–—!?]|\s-\s|\.\s|\b(?:no|not|never|without|none|nor|neither|nothing|nobody|non|except|but|though|although|whereas|while)\b|n't\b|n’t\b/i;

function simpleClause(
  text: string,
  questionId: string,
  topic: string | undefined,
): Clause[] | undefined {
  const raw = text.trim().replace(/[.!?]+$/, "").trim();
  if (!raw || raw.split(/\s+/).length > SIMPLE_MAX_WORDS || NEEDS_READING.test(raw)) {
    return undefined;
  }
  const lower = normalise(raw);
  if (LATER.test(lower) || /^[^\p{L}\p{N}$€£₹¥]+$/u.test(raw)) return undefined;
  const clause: Clause = {
    text: raw.slice(0, 300),
    lower,
    questionId,
    negated: false,
    later: false,
  };
  if (topic !== undefined) clause.topic = topic;
  return [clause];
}

/** Whether the words from `from` on start a clause of their own polarity or time. */
function changesCourse(
  words: readonly string[],
  flags: readonly boolean[],
  from: number,
  cur: Piece,
): boolean {
  const next = words.slice(from, from + 6).map((w) => w.toLowerCase());
  const first = next[0] ?? "";
  if (NEGATION_CUE.test(first) || (first === "do" && next[1] === "n't")) {
    return !cur.negated || true;
  }
  if (cur.negated && !flags[from] && !NEGATION_CUE.test(first)) {
    // "no iPhone and web only": the negation does not carry past a new verb or "only".
    return next.includes("only") || next.includes("yes");
  }
  let end = from;
  while (
    end < words.length && !CLAUSE_BREAK.has(words[end]!.toLowerCase()) &&
    !JOINERS.has(words[end]!.toLowerCase())
  ) end++;
  const rest = normalise(words.slice(from, end).join(" "));
  const curLater = LATER.test(normalise(joinTokens(cur.tokens)));
  return LATER.test(rest) !== curLater;
}

/** Joins wink tokens back into the person's text, with the spaces they wrote. */
function joinTokens(tokens: readonly string[]): string {
  return tokens.join("").trim();
}

// ---------------------------------------------------------------------------------------
// Money

const CURRENCY_SIGNS: readonly [RegExp, string][] = [
  [/^(?:r\$|brl|reais|real)$/, "R$"],
  [/^(?:s\$|sgd)$/, "S$"],
  [/^(?:a\$|aud)$/, "A$"],
  [/^(?:c\$|cad)$/, "C$"],
  [/^(?:\$|usd|dollars?|bucks)$/, "$"],
  [/^(?:€|eur|euros?)$/, "€"],
  [/^(?:£|gbp|pounds?|quid)$/, "£"],
  [/^(?:₹|inr|rs\.?|rupees?)$/, "₹"],
  [/^(?:¥|jpy|yen)$/, "¥"],
  [/^(?:ksh|kes|shillings?)$/, "KSh"],
  [/^(?:₦|ngn|naira)$/, "₦"],
  [/^(?:chf|francs?)$/, "CHF"],
];
const CUR_BEFORE =
  "(r\\$|s\\$|a\\$|c\\$|[$€£₹¥₦]|rs\\.?|inr|usd|eur|gbp|ksh|kes|ngn|sgd|aud|cad|brl|jpy|chf)\\s?";
const NUM = "(\\d+(?:[.,]\\d+)*)";
const MAG = "(?:\\s?(k|m|mn|bn|b|thousand|million|billion|lakhs?|lacs?|crores?|cr|grand)\\b)?";
const CUR_AFTER =
  "(?:\\s?(usd|eur|gbp|inr|kes|ksh|ngn|sgd|aud|cad|brl|jpy|chf|dollars?|euros?|pounds?|rupees?|reais|naira|shillings?|yen|francs?|bucks|quid|[$€£₹¥]))?";
const MONEY = new RegExp(`(?:${CUR_BEFORE})?${NUM}${MAG}${CUR_AFTER}`, "g");
const MAGNITUDE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
};
/** A price: an amount per unit, or a fee someone pays. */
const PER =
  /^\s*(?:(?:per|a|an|each|every|\/)\s*(month|mo|year|yr|week|day|night|hour|session|class|lesson|user|seat|member|person|head|order|delivery|transaction|transfer|payment|booking|ride|trip|load|shipment|ticket|item|unit|box|loaf|meal|visit|application|applicant|report|check|screening|listing|device|kit|bottle|pack)s?\b|\s*(?:\/\s*)?(?:monthly|yearly|annually|weekly|daily|apiece|each)\b)/;
const PRICE_CUE =
  /\b(?:fees?|price[sd]?|pricing|charges?|charging|charged|costs? (?:them|customers|users|members|people|buyers|tenants|applicants)|membership|subscriptions?|subscribe|tickets?|commission|cut|take rate|markup|tips?|sells? (?:for|at)|selling (?:for|at)|pay(?:s|ing)? (?:us|a|an)?|retail|deposit|rent|fare|wage|salary|per)\b/;
const BUDGET_CUE =
  /\b(?:budget(?:ed)?|to (?:build|develop|make|launch|spend|start|get (?:it|this) built)|for (?:building|development|the (?:build|mvp|first version|app|platform|product))|(?:can|could|will|would|able to|want to|plan to) (?:spend|invest|put in)|spend(?:ing)?|invest(?:ing|ment)?|raised|funding|funded|savings|saved|grant|seed|runway|capital|afford|development costs?|dev costs?|hosting|running costs?|to run it|we have|we've got|i have|i've got|we got)\b/;
const PERCENT_AFTER = /^\s*(?:%|percent|per ?cent)/;

function currencyOf(token: string | undefined): string {
  if (!token) return "";
  const t = token.toLowerCase();
  for (const [re, sign] of CURRENCY_SIGNS) if (re.test(t)) return sign;
  return "";
}

function moneyIn(c: Clause, topic: string | undefined): Money[] {
  const out: Money[] = [];
  const s = c.lower;
  MONEY.lastIndex = 0;
  let prevEnd = 0;
  const found = [...s.matchAll(MONEY)];
  for (const [i, m] of found.entries()) {
    const [all, before, num, mag, after] = m;
    // Each amount is judged by the words around it, not by another amount's ("we have $30k
    // to build it and charge $5 a month").
    const tail = s.slice(m.index + all.length).search(/\s(?:and|but|plus|or)\s/);
    const next = Math.min(
      found[i + 1]?.index ?? s.length,
      tail < 0 ? s.length : m.index + all.length + tail,
    );
    const around = s.slice(
      Math.max(prevEnd, m.index - 40),
      Math.min(next, m.index + all.length + 30),
    );
    const rest = s.slice(m.index + all.length);
    if (PERCENT_AFTER.test(rest)) continue;
    const currency = currencyOf(before?.trim()) || currencyOf(after);
    const magnitude = mag ? MAGNITUDE[mag.toLowerCase()] ?? 1 : 1;
    // A bare number is money only with a magnitude of money ("40 lakh") or in a budget answer.
    const lakhish = mag !== undefined && /^(?:lakhs?|lacs?|crores?|cr)$/.test(mag);
    if (
      !currency && !lakhish &&
      !(topic === "budget" && (mag || Number(num!.replace(/,/g, "")) >= 100))
    ) {
      continue;
    }
    // "2 m" of a distance or "5 k users" is not money without a currency.
    if (
      !currency && !lakhish &&
      /^\s*(?:users?|people|customers|members|devices|downloads|orders|km|miles|meters|kg)\b/.test(
        rest,
      )
    ) continue;
    const amount = Number(num!.replace(/,(?=\d{3}\b)/g, "").replace(",", ".")) * magnitude;
    if (!Number.isFinite(amount) || amount <= 0) continue;
    const per = rest.match(PER);
    let text = c.text.slice(m.index, m.index + all.length).trim();
    if (per) {
      text += c.text.slice(m.index + all.length, m.index + all.length + per[0].length).replace(
        /\s+$/,
        "",
      );
    }
    const money: Money = {
      amount,
      currency: currency || (lakhish ? "₹" : ""),
      text: text || all.trim(),
      kind: "amount",
      clause: c,
    };
    const budgetCue = BUDGET_CUE.test(around) || topic === "budget";
    if (per) money.per = per[1] ?? per[0].trim().replace(/^\/\s*/, "");
    if (
      per && !(budgetCue && /\b(?:spend|budget|hosting|running|afford|invest)\b/.test(around))
    ) {
      money.kind = "price";
    } else if (PRICE_CUE.test(around) && !/\bbudget\b/.test(around) && topic !== "budget") {
      money.kind = "price";
    } else if (budgetCue) money.kind = "budget";
    out.push(money);
    prevEnd = m.index + all.length;
  }
  return out;
}

/**
 * The amount and currency in a budget such as `€50k`, `30,000 USD` or `40 lakh rupees`.
 *
 * @example
 * ```ts
 * import { parseMoney } from "./read.ts";
 *
 * parseMoney("40 lakh rupees"); // { amount: 4000000, currency: "₹" }
 * ```
 */
export function parseMoney(text: string): { amount: number; currency: string } | undefined {
  const lower = normalise(text);
  const c: Clause = { text, lower, questionId: "", negated: false, later: false };
  const m = moneyIn(c, "budget")[0];
  return m ? { amount: m.amount, currency: m.currency } : undefined;
}

// ---------------------------------------------------------------------------------------
// Durations and dates

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  "a few": 3,
  "a couple of": 2,
  "couple of": 2,
  "a couple": 2,
  few: 3,
  several: 4,
  half: 0.5,
  "a half": 0.5,
};
const UNIT_WEEKS: Readonly<Record<string, number>> = {
  day: 1 / 7,
  week: 1,
  fortnight: 2,
  month: 4.33,
  quarter: 13,
  year: 52,
};
const DURATION =
  /\b(\d+(?:\.\d+)?|a couple of|a couple|couple of|a few|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|half an?|half)(?:\s*(?:-|–|to|or)\s*(\d+|two|three|four|five|six|eight|ten|twelve))?[\s-]+(day|week|fortnight|month|quarter|year)s?\b(?![\s-]+old)/g;
const AGE_BEFORE = /\b(?:aged?|ages|between|kids|children|over|under|older than|younger than)\s*$/;
/** Words that tie a duration or date to shipping the product. */
const LAUNCH_CUE =
  /\b(?:launch\w*|live|go-live|ready|ship\w*|release\w*|deliver\w*|done|finish\w*|deadline|mvp|first version|v1|beta|pilot|build (?:it|this)|built|up and running|need (?:it|this)|want (?:it|this)|within|timeline|time ?frame|have (?:\w+ )?(?:weeks?|months?))\b/;
const DATE =
  /\b(?:by|before|until|in|for|around|from|after) (?:the )?(?:end of |early |late |mid-?)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|christmas|diwali|ramadan|easter|black friday|back to school|q[1-4]|next (?:year|month|quarter|spring|summer|autumn|fall|winter)|this (?:year|month|quarter))(?: \d{4})?|\d{4})\b|\b(?:asap|as soon as possible)\b/g;
/** Durations that describe something else: a trial, a lease, an age, a contract. */
const NOT_A_TIMELINE =
  /\b(?:trial|free for|lease|contract|subscription|warranty|retention|keep (?:them|it|data|records)|stored? for|old|ago|experience|every|per|each|cycle|shelf life|battery|lasts?)\b/;

const STANDALONE =
  /^(?:(?:in|within|about|around|roughly|maybe|approx\.?|~|and|or|max|at most|tops)\s*)*$/;

function durationsIn(c: Clause, topic: string | undefined): Duration[] {
  const out: Duration[] = [];
  DURATION.lastIndex = 0;
  for (const m of c.lower.matchAll(DURATION)) {
    const before = c.lower.slice(Math.max(0, m.index - 16), m.index);
    if (AGE_BEFORE.test(before)) continue;
    const low = Number(m[1]) || NUMBER_WORDS[m[1]!.replace(/ an?$/, "")] || 1;
    const high = m[2] ? Number(m[2]) || NUMBER_WORDS[m[2]] || low : low;
    const weeks = Math.max(1, Math.round(Math.max(low, high) * UNIT_WEEKS[m[3]!]!));
    // A duration standing alone among the logistics ("…, 2 months, $20k") is the timeline.
    const alone = STANDALONE.test(c.lower.replace(m[0], "").trim());
    const launch = topic === "timeline" || alone ||
      (LAUNCH_CUE.test(c.lower) && !NOT_A_TIMELINE.test(c.lower));
    out.push({ weeks, text: c.text.slice(m.index, m.index + m[0].length), launch, clause: c });
  }
  return out;
}

function datesIn(c: Clause, topic: string | undefined): DateRef[] {
  const out: DateRef[] = [];
  DATE.lastIndex = 0;
  for (const m of c.lower.matchAll(DATE)) {
    // "in March" of a season of sales is only a target when the clause is about launching.
    const launch = topic === "timeline" || LAUNCH_CUE.test(c.lower) ||
      /^by |^before |^asap|^as soon/.test(m[0]);
    out.push({ text: c.text.slice(m.index, m.index + m[0].length), launch, clause: c });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Answers and transcripts

/**
 * Reads one answer: its clauses (with `questionId` and `topic`), money, durations and
 * dates. Not memoised here: extract.ts keeps each transcript entry's reading for the
 * conversation, so a text repeated by another conversation is read again, as in real use.
 */
export function readAnswer(text: string, questionId: string, topic?: string): Reading {
  const clauses = clausesOf(text, questionId, topic);
  return {
    clauses,
    money: clauses.flatMap((c) => moneyIn(c, topic)),
    durations: clauses.flatMap((c) => durationsIn(c, topic)),
    dates: clauses.flatMap((c) => datesIn(c, topic)),
  };
}

/**
 * Reads a whole transcript. `topicOf` gives each entry's topic (the entry's own `topic`
 * when it has one); the first entry's question id is `idea`.
 */
export function readTranscript(
  transcript: readonly QA[],
  topicOf: (qa: QA, index: number) => string | undefined,
): Reading & { language: Language } {
  const all: Reading = { clauses: [], money: [], durations: [], dates: [] };
  transcript.forEach((qa, i) => {
    const r = readAnswer(qa.answer, i === 0 ? "idea" : qa.id, i === 0 ? "idea" : topicOf(qa, i));
    all.clauses.push(...r.clauses);
    all.money.push(...r.money);
    all.durations.push(...r.durations);
    all.dates.push(...r.dates);
  });
  return { ...all, language: languageOf(transcript[0]?.answer ?? "") };
}

const ENGLISH_WORDS =
  /\b(?:the|a|an|and|or|for|to|of|in|on|with|that|who|we|i|it|is|are|app|want|build|people|can|my|our|their|they|will|be)\b/g;
/** Languages franc-min chooses among: the widely written ones, so a short English text is not Chichewa. */
const LANGUAGES = [
  "eng",
  "spa",
  "fra",
  "deu",
  "por",
  "ita",
  "nld",
  "pol",
  "tur",
  "rus",
  "ukr",
  "arb",
  "hin",
  "ben",
  "urd",
  "ind",
  "vie",
  "tha",
  "jpn",
  "cmn",
  "kor",
  "swh",
  "yor",
  "hau",
  "ibo",
  "amh",
  "swe",
  "ron",
  "ces",
  "hun",
  "ell",
  "heb",
  "pes",
  "tgl",
  "tam",
  "tel",
  "mar",
  "zlm",
];
let lastLanguage: { text: string; language: Language } | undefined;

/**
 * The language of a text: franc-min's guess, overruled to English when a short text is
 * mostly English function words (franc is unsure on a dozen words).
 */
export function languageOf(text: string): Language {
  if (lastLanguage?.text === text) return lastLanguage.language;
  const sample = text.slice(0, 1_000);
  const words = sample.split(/\s+/).filter(Boolean).length;
  let language: Language;
  if (words < 4) language = { code: "und", english: true };
  else {
    const englishShare = (sample.toLowerCase().match(ENGLISH_WORDS)?.length ?? 0) / words;
    // Mostly English function words is English; franc is asked only about the rest.
    const code = englishShare >= 0.12 ? "eng" : franc(sample, { minLength: 10, only: LANGUAGES });
    language = code === "eng" || code === "und"
      ? { code: "eng", english: true }
      : { code, english: false };
  }
  lastLanguage = { text, language };
  return language;
}
