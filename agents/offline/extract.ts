/**
 * Reads a clarifier transcript into requirements. Every answer is mined for every slot
 * (platforms, users, features, scale, budget, timeline, compliance, domains), not only for
 * the topic its question asked about, because people answer in whatever order they think.
 * When the answer to a question about topic T yields nothing structured for T, the text
 * itself is kept for T, so nothing the person said is lost.
 *
 * Reading is stateless: the whole transcript is understood again on every call, so a
 * replayed conversation gives the same requirements. Reading and mining one answer is a
 * pure function of its entry, so it is remembered per transcript entry object (see
 * `READINGS`): each clarify call sees the whole transcript, but each answer is read and
 * mined only once per conversation.
 *
 * @module
 */
import type { Evidence, QA, Requirements } from "../../protocol/brief.js";
import { type Clause, languageOf, readAnswer, type Reading } from "./read.ts";
import { detect } from "./detect.ts";
import type { Detection } from "./knowledge/types.ts";
import { DOMAINS as KNOWN_DOMAINS } from "./knowledge/domains.ts";
import { DOMAINS, REGIONS } from "./knowledge.ts";
import { FEATURE_BY_LABEL, FEATURES } from "./knowledge/features.ts";
import { GENERIC_ROLES, PROVIDER_NOUNS, type RoleInfo, ROLES } from "./knowledge/roles.ts";
import { MOBILE, PLATFORMS } from "./knowledge/platforms.ts";
import type { Region } from "./types.ts";
import {
  API_WORD,
  BOTH,
  BUDGET_WORDS,
  CLAUSE,
  COMPLIANCE,
  COMPOUND,
  COMPOUND_STOP,
  DIGIT,
  INTENT,
  IOS_OR_ANDROID,
  IT_IS,
  LOGISTICS,
  MARKET,
  NEGATIVE,
  NO_DEADLINE,
  PHRASE,
  PHRASE_STOP,
  PIECES,
  PRIMARY,
  SCALE,
  SCALE_WORDS,
  SENTENCE,
  SUBJECT,
  TEAM,
  UNSURE,
} from "./knowledge/lexicons.ts";
import { Prefilter, wordStarts } from "./prefilter.ts";
import { cap, clip } from "./text.ts";

/** Topics the clarifier must know about, in the order `missing` lists them. */
export const CORE_TOPICS = [
  "purpose",
  "users",
  "platforms",
  "features",
  "scale",
  "budget",
  "timeline",
  "compliance",
  "jurisdiction",
] as const;

/** One of {@link CORE_TOPICS}. */
export type CoreTopic = typeof CORE_TOPICS[number];

/** Everything understood from a transcript, plus what the planner needs to know. */
export interface Understanding {
  requirements: Requirements;
  /** Topics already asked (from question ids or wording), never asked again. */
  asked: ReadonlySet<string>;
  /** Core topics that are not known yet, in {@link CORE_TOPICS} order. */
  missing: CoreTopic[];
  /** How the person refers to the product, e.g. `the marketplace`. */
  subject: string;
  /** What the knowledge base recognised in the person's clauses (see detect.ts). */
  detection: Detection;
}

/**
 * Areas of the first domain table that the knowledge base now covers, by the knowledge
 * domain ids that replace them: once one of those is in `knowledge/domains.ts`, the old
 * row (which switched on at one word, e.g. "nurses" or "students") is no longer used.
 */
export const SUPERSEDED_BY: Readonly<Record<string, readonly string[]>> = {
  health: ["clinical-care", "consumer-health", "medical-device"],
  children: ["children"],
  education: ["education"],
  finance: ["consumer-credit", "money-transmission", "remittance", "crypto", "business-lending"],
  payments: ["payments"],
  iot: ["hardware-iot"],
  ai: ["ai-features"],
  marketplace: ["marketplace"],
  ugc: ["user-content", "community-platforms"],
  ecommerce: ["e-commerce", "online-store"],
  social: ["community-platforms", "dating"],
  booking: ["appointment-booking", "restaurant-reservations"],
};
const KNOWN_IDS: ReadonlySet<string> = new Set(KNOWN_DOMAINS.map((d) => d.id));
/** Old domain rows still in use: those the knowledge base does not cover yet. */
export const OLD_DOMAINS: readonly (typeof DOMAINS)[number][] = DOMAINS.filter((d) =>
  !(SUPERSEDED_BY[d.id] ?? []).some((id) => KNOWN_IDS.has(id))
);

/**
 * Each negated or put-off clause as if it counted, made once per clause: detect() remembers
 * its candidate rules per clause object, so a fresh copy every round would be read again.
 */
const COUNTED = new WeakMap<Clause, Clause>();

/** Domains that negated or put-off clauses name, read as if they counted. */
function offDomains(clauses: readonly Clause[]): Detection["domains"] {
  if (clauses.length === 0) return [];
  return detect(clauses.map((c) => {
    let counted = COUNTED.get(c);
    if (!counted) COUNTED.set(c, counted = { ...c, negated: false, later: false });
    return counted;
  })).domains;
}

let lastDetection: { clauses: readonly (readonly Clause[])[]; detection: Detection } | undefined;

/** Detection over the transcript's clauses; the same answers are detected once. */
function detectionOf(perAnswer: readonly (readonly Clause[])[]): Detection {
  const last = lastDetection;
  if (
    last && last.clauses.length === perAnswer.length &&
    last.clauses.every((c, i) => c === perAnswer[i])
  ) return last.detection;
  const detection = detect(perAnswer.flat());
  lastDetection = { clauses: perAnswer, detection };
  return detection;
}

// ---------------------------------------------------------------------------------------
// Lexicons are in knowledge/lexicons.ts

const platformIndex = new Prefilter(PLATFORMS);
const roleIndex = new Prefilter(ROLES);
const featureIndex = new Prefilter(FEATURES);
const domainIndex = new Prefilter(DOMAINS);
const complianceIndex = new Prefilter(COMPLIANCE);
const regionIndex = new Prefilter(REGIONS);

/** Domain follow-up topics by the phrase their questions start with. */
const DOMAIN_BY_MENTION: ReadonlyMap<string, string> = new Map(
  DOMAINS.map((d) => [d.mention.toLowerCase(), d.id]),
);
/** Follow-up topics (domain ids of both tables) with how a note names them. */
const DOMAIN_NAMES: ReadonlyMap<string, string> = new Map([
  ...KNOWN_DOMAINS.map((d) => [d.id, d.label] as const),
  ...DOMAINS.map((d) => [d.id, cap(d.mention.replace(/^an? /, ""))] as const),
]);
const DOMAIN_IDS: ReadonlySet<string> = new Set(DOMAIN_NAMES.keys());
const TOPIC_IDS: ReadonlySet<string> = new Set<string>([...CORE_TOPICS, "idea", ...DOMAIN_IDS]);

// ---------------------------------------------------------------------------------------
// One answer

/** What one answer says, before it is merged with the rest of the transcript. */
export interface Mined {
  users: readonly string[];
  /** Modifiers of `X owners` phrases, to turn a bare `walkers` into `dog walkers`. */
  modifiers: readonly string[];
  platforms: readonly string[];
  features: readonly string[];
  scale?: string;
  budget?: string;
  timeline?: string;
  compliance: readonly string[];
  domains: readonly string[];
  regions: readonly (keyof Region)[];
  market?: string;
  notes: readonly string[];
  /** The answer is a "no / none / not sure" for its topic. */
  negative: boolean;
  /** The user groups the person wants to win first ("we start with bakeries"). */
  primary: readonly string[];
  /** Platforms, features and domains the person put off ("mobile later"). */
  later: readonly string[];
  /** Platforms, features and domains the person ruled out ("no iPhone", "not a marketplace"). */
  excluded: readonly string[];
  /** Evidence by slot or `field:item`, as in `Requirements.evidence`. */
  evidence: Readonly<Record<string, Evidence[]>>;
}

/**
 * Mines one answer for every slot. `topic` is the topic its question asked about
 * (`undefined` for the idea or an unknown question); `question` is used when the answer
 * only points back at it ("both").
 *
 * @example
 * ```ts
 * const m = mineAnswer("Dog owners in Berlin book walkers on iOS and Android", undefined, "");
 * m.platforms; // ["iOS", "Android"]
 * m.users; // ["dog owners", "dog walkers"]
 * ```
 */
export function mineAnswer(
  text: string,
  topic: string | undefined,
  question: string,
  questionId = "idea",
): Mined {
  const answer = text.trim();
  return mineReading(readAnswer(answer, questionId, topic), answer, topic, question);
}

/** One transcript entry as read and mined, with what it was read from. */
interface EntryReading {
  answer: string;
  question: string;
  questionId: string;
  topic: string | undefined;
  clauses: readonly Clause[];
  mined: Mined;
}

/**
 * Each transcript entry's reading, by the entry object itself. The clarifier keeps the same
 * entry objects for the whole conversation and calls the engine every round with the whole
 * transcript, so each answer is read (wink-nlp, money, durations) and mined once per
 * conversation; the analysts then read the same entries again for free. Keyed by the
 * conversation's own objects, not by text: two conversations that give the same answers
 * each read them, so a benchmark that repeats answers costs what real use costs. The entry
 * is checked against what it was read from, so an entry edited in place is read again.
 */
const READINGS = new WeakMap<QA, EntryReading>();

function readingOf(qa: QA, questionId: string, topic: string | undefined): EntryReading {
  const hit = READINGS.get(qa);
  if (
    hit && hit.answer === qa.answer && hit.questionId === questionId && hit.topic === topic &&
    hit.question === qa.question
  ) return hit;
  const answer = qa.answer.trim();
  const reading = readAnswer(answer, questionId, topic);
  const entry: EntryReading = {
    answer: qa.answer,
    question: qa.question,
    questionId,
    topic,
    clauses: reading.clauses,
    mined: mineReading(reading, answer, topic, qa.question),
  };
  READINGS.set(qa, entry);
  return entry;
}

/** Mines one answer's reading; `text` is the answer, trimmed. */
function mineReading(
  reading: Reading,
  text: string,
  topic: string | undefined,
  question: string,
): Mined {
  // What holds now is mined as before; what is put off or ruled out only names things.
  const nowClauses = reading.clauses.filter((c) => !c.negated && !c.later);
  const nowText = nowClauses.map((c) => c.text).join("; ");
  const lower = nowText.toLowerCase();
  const src = lower.length === nowText.length ? nowText : lower;
  const starts = wordStarts(lower);
  const evidence: Record<string, Evidence[]> = {};
  const cite = (key: string, c: Clause | undefined, rule: string) => {
    if (!c || evidence[key]) return;
    evidence[key] = [{ quote: c.text, questionId: c.questionId, rule }];
  };
  const clauseWith = (test: (lower: string) => boolean) => nowClauses.find((c) => test(c.lower));

  const platforms = minePlatforms(lower, starts, topic);
  for (const label of platforms) {
    const row = PLATFORMS.find((r) => r.label === label);
    cite(
      `platforms:${label}`,
      clauseWith((l) => row ? row.pattern.test(l) : MOBILE.test(l)) ?? nowClauses[0],
      `platform:${label.toLowerCase()}`,
    );
  }
  const userClauses = nowClauses.filter((c) => !TEAM.test(c.lower));
  const userLower = userClauses.map((c) => c.lower).join("; ");
  const people = mineUsers(userLower, wordStarts(userLower));
  let users = people.users;
  const featureRows = featureIndex.match(lower, starts);
  const features = featureRows.map((f) => f.label);
  for (const f of featureRows) {
    cite(
      `features:${f.label}`,
      clauseWith((l) => f.pattern.test(l)),
      "feature",
    );
  }
  const domainRows = domainIndex.match(lower, starts);
  const domains = new Set<string>(domainRows.map((d) => d.id));
  for (const d of domainRows) {
    cite(
      `domains:${d.id}`,
      clauseWith((l) => d.pattern.test(l)),
      `domain:${d.id}`,
    );
  }
  for (const f of featureRows) if (f.domains) { for (const d of f.domains) domains.add(d); }
  const complianceRows = complianceIndex.match(lower, starts);
  const compliance = complianceRows.map((c) => c.label);
  for (const c of complianceRows) {
    cite(`compliance:${c.label}`, clauseWith((l) => c.pattern.test(l)), "named by the person");
  }
  const regions = regionIndex.match(lower, starts).map((r) => r.region);
  const market = mineMarket(nowText);
  const digits = DIGIT.test(lower);
  let scale = joinMatches(src, lower, ...(digits ? [SCALE, SCALE_WORDS] : [SCALE_WORDS]));
  if (scale !== undefined) {
    cite(
      "scale",
      clauseWith((l) => DIGIT.test(l) || SCALE_WORDS.test(l)),
      "reader:scale",
    );
  }

  // Budget only from money tied to building or running the product; prices are the business model.
  const budgetMoney = reading.money.find((m) => m.kind === "budget" && !m.clause.negated) ??
    (topic === "budget" ? reading.money.find((m) => m.kind !== "price") : undefined);
  let budget = budgetMoney?.text;
  if (budgetMoney) cite("budget", budgetMoney.clause, "reader:money-to-build");
  else {
    budget = joinMatches(src, lower, BUDGET_WORDS);
    if (budget !== undefined) {
      cite(
        "budget",
        clauseWith((l) => BUDGET_WORDS.test(l)),
        "reader:funding",
      );
    }
  }
  const prices = reading.money.filter((m) => m.kind === "price" && !m.clause.negated);
  let timeline: string | undefined;
  {
    const spans = reading.durations.filter((d) => d.launch && !d.clause.negated);
    const dates = reading.dates.filter((d) => d.launch && !d.clause.negated);
    const found = dedupe([...spans.map((d) => d.text), ...dates.map((d) => d.text)]);
    if (found.length > 0) {
      timeline = found.join(", ");
      cite("timeline", (spans[0] ?? dates[0])!.clause, "reader:launch-time");
    }
  }
  const notes: string[] = prices.map((m) => `Price named: ${m.text}`);
  let featureList = features;

  const whole = text.toLowerCase();
  // "?" and "not sure, we just want it to be legal" both say: not known yet.
  const negative = topic !== undefined &&
    (/^[?.!\s]*$/.test(whole) || (NEGATIVE.test(whole) && whole.split(/\s+/).length <= 12));
  if (topic === "users") {
    if (BOTH.test(lower) && question) {
      users = mineUsers(question.toLowerCase(), wordStarts(question.toLowerCase())).users;
    } else {
      const said = userClauses.map((c) => c.text).join("; ");
      users = dropContained(dedupe([
        ...namedPieces(said),
        ...users,
        ...unmatchedPieces(said, (p) => mineUsers(p, wordStarts(p)).users.length > 0, 6),
      ]));
    }
    if (users.length === 0 && !negative) {
      users = GENERIC_ROLES.filter((r) => r.pattern.test(lower)).map((r) => r.label);
    }
    if (users.length === 0 && !negative && text) users = [clip(text, 200)];
    if (negative) notes.push("Users: not specified yet");
  } else if (topic === "features") {
    const extra = unmatchedPieces(
      nowText,
      (p) => featureIndex.match(p, wordStarts(p)).length > 0,
      12,
    );
    featureList = [...features, ...extra];
    if (featureList.length === 0 && !negative && text) featureList = [clip(text, 200)];
    if (negative) notes.push("Features: not specified yet");
  } else if (topic === "platforms") {
    if (platforms.length === 0 && negative) notes.push("Platforms: no preference yet");
    else if (platforms.length === 0 && text) platforms.push(clip(text, 200));
  } else if (topic === "scale" && scale === undefined) {
    scale = negative ? "unknown yet" : clip(text, 200) || undefined;
    cite("scale", reading.clauses[0], "answer:scale");
  } else if (topic === "budget" && budget === undefined) {
    const full = text.toLowerCase();
    if (negative) budget = UNSURE.test(full) ? "not fixed yet" : "no dedicated budget";
    else budget = clip(text, 200) || undefined;
    cite("budget", reading.clauses[0], "answer:budget");
  } else if (topic === "timeline" && timeline === undefined) {
    const full = text.toLowerCase();
    if (NO_DEADLINE.test(full)) timeline = "no fixed deadline";
    else if (negative) timeline = UNSURE.test(full) ? "not fixed yet" : "no fixed deadline";
    else timeline = clip(text, 200) || undefined;
    cite("timeline", reading.clauses[0], "answer:timeline");
  } else if (topic === "compliance" && compliance.length === 0) {
    if (negative) {
      notes.push(
        UNSURE.test(lower)
          ? "Regulations: the person is not sure yet"
          : "Regulations: none named by the person",
      );
    } else if (text) {
      compliance.push(`Constraint: ${clip(text, 200)}`);
      cite(`compliance:Constraint: ${clip(text, 200)}`, reading.clauses[0], "answer:compliance");
    }
  } else if (topic !== undefined && DOMAIN_IDS.has(topic) && text) {
    notes.push(`${DOMAIN_NAMES.get(topic)}: ${negative ? "not decided yet" : clip(text, 300)}`);
  } else if (topic !== undefined && !TOPIC_IDS.has(topic) && text) {
    notes.push(clip(text, 300));
  }
  if (topic === undefined && NO_DEADLINE.test(lower) && timeline === undefined) {
    timeline = "no fixed deadline";
  }
  // Primary group first: "we start with bakeries" puts bakeries ahead of the rest.
  const first = userClauses.find((c) => PRIMARY.test(c.lower));
  const head = (u: string) => u.slice(u.lastIndexOf(" ") + 1).replace(/s$/, "");
  const primary = first ? users.filter((u) => first.lower.includes(head(u))) : [];
  users = [...primary, ...users.filter((u) => !primary.includes(u))];
  for (const u of users) {
    const h = u.toLowerCase().slice(u.lastIndexOf(" ") + 1).replace(/s$/, "");
    cite(
      `users:${u}`,
      userClauses.find((c) => c.lower.includes(h)) ?? userClauses[0],
      "reader:people",
    );
  }
  const laterLabels: string[] = [];
  const excludedLabels: string[] = [];
  for (const c of reading.clauses) {
    if (!c.negated && !c.later) continue;
    const into = c.negated ? excludedLabels : laterLabels;
    const named = namesIn(c.lower);
    into.push(...named);
    for (const n of named) {
      cite(
        `${c.negated ? "excluded" : "later"}:${n}`,
        c,
        c.negated ? "reader:negation" : "reader:later",
      );
    }
  }

  const mined: Mined = {
    users,
    modifiers: people.modifiers,
    platforms,
    features: featureList,
    compliance,
    domains: [...domains],
    regions,
    notes,
    negative,
    primary,
    later: dedupe(laterLabels),
    excluded: dedupe(excludedLabels),
    evidence,
  };
  if (scale !== undefined) mined.scale = scale;
  if (budget !== undefined) mined.budget = budget;
  if (timeline !== undefined) mined.timeline = timeline;
  if (market !== undefined) mined.market = market;
  return mined;
}

/** Platforms, features and domains a put-off or ruled-out clause names. */
function namesIn(lower: string): string[] {
  const starts = wordStarts(lower);
  const out = platformIndex.match(lower, starts).map((p) => p.label);
  if (MOBILE.test(lower) && !IOS_OR_ANDROID.test(lower)) out.push("iOS", "Android");
  out.push(...featureIndex.match(lower, starts).map((f) => f.label));
  out.push(...domainIndex.match(lower, starts).map((d) => d.id));
  return dedupe(out);
}

function minePlatforms(lower: string, starts: readonly number[], topic?: string): string[] {
  const found = platformIndex.match(lower, starts).map((p) => p.label);
  if (MOBILE.test(lower) && !IOS_OR_ANDROID.test(lower)) found.push("iOS", "Android");
  if (topic === "platforms" && API_WORD.test(lower)) found.push("Public API");
  return dedupe(found);
}

/** Users found in lower-cased text, with `X owners` modifiers for provider nouns. */
function mineUsers(
  lower: string,
  starts: readonly number[],
): { users: string[]; modifiers: string[] } {
  const labels: string[] = [];
  const modifiers: string[] = [];
  for (const m of matches(lower, COMPOUND)) {
    const mod = m[1]!;
    if (COMPOUND_STOP.has(mod)) continue;
    const head = m[2]!.endsWith("s") ? m[2]! : `${m[2]}s`;
    labels.push(`${mod} ${head}`);
    if (head === "owners" || head === "lovers") modifiers.push(mod);
  }
  for (const m of matches(lower, PHRASE)) {
    const words = m[1]!.split(/\s+/);
    while (words.length > 0) {
      const role = roleOf(words[words.length - 1]!);
      if (role) {
        const cut = Math.max(words.lastIndexOf("and"), words.lastIndexOf("or"));
        const mods = words.slice(cut + 1, -1).filter((w) => !PHRASE_STOP.has(w));
        const head = role.label.slice(role.label.lastIndexOf(" ") + 1);
        // Only modified phrases add anything beyond the role table below.
        if (mods.length > 0 && role.label.indexOf(" ") < 0) {
          labels.push(`${mods.join(" ")} ${head}`);
        }
        break;
      }
      words.pop();
    }
  }
  for (const role of roleIndex.match(lower, starts)) {
    if (PROVIDER_NOUNS.has(role.label) && modifiers.length > 0) {
      labels.push(`${modifiers[0]} ${role.label}`);
    } else labels.push(role.label);
  }
  return { users: dropContained(dedupe(labels)), modifiers };
}

/** The role a single lower-cased word names, through the index rather than 50 regexes. */
function roleOf(word: string): RoleInfo | undefined {
  return roleIndex.match(word, wordStarts(word))[0];
}

/** Words before a group's name that are not part of it ("later small repair shops"). */
const LEADING_QUALIFIER =
  /^(?:(?:we |i )?(?:start|begin)(?:ning|ing)? with |(?:at first|initially|primarily|to begin with),? )?(?:(?:the|our|their|some|mostly|mainly|also|later|eventually|maybe|perhaps|possibly|then|and|plus) )*/i;

/**
 * Pieces of a users answer such as "plant managers" that name a known role with the
 * person's own qualifier: their words say more than the canonical `managers`.
 */
function namedPieces(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(PIECES)) {
    const words = raw.trim().replace(LEADING_QUALIFIER, "")
      .replace(/[.!]+$/, "").split(/\s+/);
    if (words.length < 2 || words.length > 3) continue;
    const last = words[words.length - 1]!;
    if (roleOf(last) && !words.some((w) => COMPOUND_STOP.has(w))) {
      out.push(words.join(" "));
    }
  }
  return out;
}

/** Pieces of a list-like answer that no lexicon row recognises, kept verbatim. */
function unmatchedPieces(
  text: string,
  known: (lowerPiece: string) => boolean,
  maxWords: number,
): string[] {
  const out: string[] = [];
  for (const raw of text.split(PIECES)) {
    const piece = raw.trim().replace(
      /^(?:they|we|it|users?|people) (?:should|must|can|need to|want to) /i,
      "",
    ).replace(LEADING_QUALIFIER, "")
      .replace(/[.!]+$/, "");
    if (piece.length < 3) continue;
    const lower = piece.toLowerCase();
    if (NEGATIVE.test(lower) || BOTH.test(lower) || known(lower)) continue;
    if (piece.split(/\s+/).length > maxWords) continue;
    out.push(clip(piece, 120));
    if (out.length === 8) break;
  }
  return out;
}

function mineMarket(text: string): string | undefined {
  for (const m of matches(text, MARKET)) {
    const place = m[1]!;
    const lower = place.toLowerCase();
    if (REGIONS.some((r) => r.pattern.test(lower)) || /^(?:based|launch|starting)/.test(m[0])) {
      return place;
    }
  }
  return undefined;
}

const NONE: readonly RegExpExecArray[] = [];

/**
 * All matches of a global regex. Most answers match none of the patterns, and a plain
 * `test` is much cheaper than setting up a `matchAll` iterator.
 */
function matches(s: string, re: RegExp): Iterable<RegExpExecArray> {
  re.lastIndex = 0;
  const any = re.test(s);
  re.lastIndex = 0;
  return any ? s.matchAll(re) : NONE;
}

function joinMatches(src: string, lower: string, ...patterns: RegExp[]): string | undefined {
  const found: string[] = [];
  for (const re of patterns) {
    for (const m of matches(lower, re)) {
      found.push(src.slice(m.index, m.index + m[0].length).trim());
    }
  }
  return found.length > 0 ? dedupe(found).join(", ") : undefined;
}

function dedupe(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const k = item.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/** Drops `parents` when `busy parents` is there too: the specific label says more. */
function dropContained(labels: readonly string[]): string[] {
  return labels.filter((l) => !labels.some((o) => o !== l && o.endsWith(` ${l}`)));
}

// ---------------------------------------------------------------------------------------
// The transcript

/**
 * The topic a transcript entry answered: from its id when the id carries a topic
 * (`users`, `r2-users`, `q:budget`), else from the wording of the question. The first
 * entry is always the idea.
 */
export function topicOf(qa: QA, index: number): string | undefined {
  if (index === 0) return "idea";
  // The clarifier records each question's topic; only old stored transcripts lack it.
  if (qa.topic) return qa.topic;
  for (const part of qa.id.toLowerCase().split(/[^a-z0-9]+/)) {
    if (TOPIC_IDS.has(part)) return part;
  }
  return topicFromQuestion(qa.question);
}

const Q_MENTION = /^you (?:mentioned|described) ([^:]+):/;
const Q_OWN: readonly [RegExp, string][] = [
  [/^what would you like to build\b/, "idea"],
  [/^who (?:will use|are the two sides|uses|watches)\b/, "users"],
  [/^(?:where should|besides the devices themselves)\b/, "platforms"],
  [/^(?:besides .*, what else must|what are the 3–5 things)\b/, "features"],
  [/^how many\b/, "scale"],
  [/^when do you need\b/, "timeline"],
  [/^what budget\b/, "budget"],
  [/^(?:are there regulations|besides .*, which follow from what you described)\b/, "compliance"],
];
const Q_TOPICS: readonly [RegExp, string][] = [
  [/\bbudget\b|\bcost\b|\bspend\b|\bfunding\b|\bafford\b/, "budget"],
  [/\bwhen\b|\bdeadline\b|\btimeline\b|\bhow soon\b|\blaunch date\b/, "timeline"],
  [/\bhow many\b|\bscale\b|\btraffic\b|\bvolume\b/, "scale"],
  [/\bregulat\w*|\bcomplian\w*|\blegal\b|\bconstraints?\b|\bstandards?\b/, "compliance"],
  [/\bwho\b|\busers?\b|\baudience\b|\bcustomers?\b/, "users"],
  [/\bplatforms?\b|\bwhere should\b|\bios\b|\bandroid\b|\bdevices?\b/, "platforms"],
  [/\bfeatures?\b|\bcapabilit\w+|\bable to do\b|\bmust\b.*\bdo\b|\bwhat should\b/, "features"],
  [/\bwhat would you like to build\b|\bdescribe your idea\b|\byour idea\b/, "idea"],
];

/**
 * The topic a question is about, judged from its wording alone: the tolerant fallback for
 * transcripts stored before entries carried their `topic`. New transcripts never need it.
 */
export function topicFromQuestion(question: string): string | undefined {
  const lower = question.toLowerCase().trim();
  const mention = lower.match(Q_MENTION);
  if (mention) {
    const said = mention[1]!.trim();
    // Old transcripts asked "You mentioned payments: …"; payments is a knowledge id now.
    const id = DOMAIN_BY_MENTION.get(said) ?? (DOMAIN_IDS.has(said) ? said : undefined);
    if (id) return id;
  }
  // Our own questions first, by how they open: their middles name the product, users and
  // features, which could contain any keyword ("Who will use the budget app?").
  for (const [re, topic] of Q_OWN) if (re.test(lower)) return topic;
  for (const [re, topic] of Q_TOPICS) if (re.test(lower)) return topic;
  return undefined;
}

/**
 * Re-reads a whole transcript into requirements, the topics already asked and those
 * still missing.
 */
export function understand(transcript: readonly QA[]): Understanding {
  // The analysts and the next clarifier round re-read the same transcript: read it once.
  const last = lastUnderstood;
  if (
    last && last.entries.length === transcript.length &&
    last.entries.every((qa, i) => qa === transcript[i])
  ) return last.understanding;
  const understanding = understandUncached(transcript);
  lastUnderstood = { entries: [...transcript], understanding };
  return understanding;
}

let lastUnderstood: { entries: readonly QA[]; understanding: Understanding } | undefined;

function understandUncached(transcript: readonly QA[]): Understanding {
  const users: string[] = [];
  const modifiers: string[] = [];
  const platforms: string[] = [];
  const features: string[] = [];
  const explicit: string[] = [];
  const domains = new Set<string>();
  const region: Region = { eu: false, uk: false, us: false };
  const notes: string[] = [];
  const asked = new Set<string>();
  const answered = new Set<string>();
  let scale: string | undefined;
  let budget: string | undefined;
  let timeline: string | undefined;
  let market: string | undefined;

  const later: string[] = [];
  const primary: string[] = [];
  const excluded: string[] = [];
  const evidence: Record<string, Evidence[]> = {};
  const idea = transcript[0]?.answer.trim() ?? "";
  const perAnswer: (readonly Clause[])[] = [];
  transcript.forEach((qa, i) => {
    const topic = topicOf(qa, i);
    if (topic) asked.add(topic);
    const read = readingOf(qa, i === 0 ? "idea" : qa.id, i === 0 ? undefined : topic);
    perAnswer.push(read.clauses);
    const m = read.mined;
    later.push(...m.later);
    primary.push(...m.primary);
    excluded.push(...m.excluded);
    for (const [k, v] of Object.entries(m.evidence)) evidence[k] ??= v;
    if (topic && (m.negative || qa.answer.trim())) answered.add(topic);
    users.push(...m.users);
    modifiers.push(...m.modifiers);
    platforms.push(...m.platforms);
    features.push(...m.features);
    explicit.push(...m.compliance);
    for (const d of m.domains) domains.add(d);
    for (const r of m.regions) region[r] = true;
    notes.push(...m.notes);
    // Later answers refine earlier ones only where the earlier one said nothing definite.
    scale = pick(scale, m.scale);
    budget = pick(budget, m.budget);
    timeline = pick(timeline, m.timeline);
    market ??= m.market;
  });

  // "dog owners … walkers" across answers still means dog walkers.
  const resolvedUsers = dropContained(
    dedupe(
      [...primary, ...users].map((u) =>
        PROVIDER_NOUNS.has(u) && modifiers.length > 0 ? `${modifiers[0]} ${u}` : u
      ),
    ),
  );
  const detection = detectionOf(perAnswer);
  // The areas a ruled-out or put-off clause names: what detect() would find if it counted.
  // They are listed by label ("User-generated content"), and kept out by id.
  const offIds: string[] = [];
  for (const [kind, into] of [["excluded", excluded], ["later", later]] as const) {
    const clauses = perAnswer.flat().filter((c) => kind === "excluded" ? c.negated : c.later);
    for (const f of offDomains(clauses)) {
      offIds.push(f.id);
      const label = f.label.toLowerCase() === f.id ? f.id : f.label;
      // "no payments" already names the feature; "Card and online payments" would repeat it.
      if (into.some((x) => label.toLowerCase().includes(x.toLowerCase()))) continue;
      into.push(label);
      evidence[`${kind}:${label}`] ??= f.evidence;
    }
  }
  for (const d of detection.domains) domains.add(d.id);
  // What the person ruled out or put off stays out of the MVP, whichever answer said it.
  const off = new Set([...excluded, ...later, ...offIds]);
  const featureList = dedupe(features).filter((f) => !off.has(f));
  inferDomains(domains, featureList, market);
  for (const d of off) domains.delete(d);
  if (market) notes.unshift(`Launch market: ${market}`);

  const places = new Set(detection.jurisdictions.map((j) => j.id));
  for (const j of detection.jurisdictions) if (j.entry.parent) places.add(j.entry.parent);
  region.eu = places.has("EU");
  region.uk = places.has("GB");
  region.us = places.has("US");
  for (const f of detection.regulations) {
    evidence[`compliance:${f.label}`] ??= f.evidence;
  }
  for (const f of detection.domains) evidence[`domains:${f.id}`] ??= f.evidence;
  for (const f of detection.jurisdictions) evidence[`jurisdictions:${f.id}`] ??= f.evidence;
  // A domain implied by a feature rests on that feature's words; one with no words is dropped.
  for (const d of domains) {
    if (evidence[`domains:${d}`]) continue;
    const via = featureList.find((f) =>
      FEATURE_BY_LABEL.get(f)?.domains?.includes(d) && evidence[`features:${f}`]
    ) ?? (d === "location" || d === "payments" || d === "booking"
      ? featureList.find((f) =>
        f === "booking and scheduling" && evidence[`features:${f}`]
      )
      : undefined);
    const borrowed = via ? evidence[`features:${via}`] : evidence["domains:marketplace"];
    if (borrowed && (via || domains.has("marketplace"))) {
      evidence[`domains:${d}`] = borrowed.map((e) => ({ ...e, rule: `domain:${d}` }));
    } else domains.delete(d);
  }
  const oldDomains = OLD_DOMAINS.filter((d) => domains.has(d.id));
  const compliance = dedupe([
    ...explicit,
    ...detection.regulations.map((r) => r.label),
    ...inferCompliance(oldDomains, region, explicit),
  ]);
  for (const c of compliance) {
    if (evidence[`compliance:${c}`]) continue;
    const d = oldDomains.find((x) => x.compliance(region).includes(c));
    if (d && evidence[`domains:${d.id}`]) {
      evidence[`compliance:${c}`] = evidence[`domains:${d.id}`]!;
    }
  }
  const requirements: Requirements = {
    idea,
    users: resolvedUsers.slice(0, 50),
    platforms: dedupe(platforms).filter((p) => !off.has(p)).slice(0, 50),
    features: featureList.slice(0, 50),
    compliance: compliance.slice(0, 50),
    domains: dedupe([
      ...oldDomains.map((d) => d.id),
      ...detection.domains.map((d) => d.id).filter((d) => !off.has(d)),
    ]).slice(0, 50),
    notes: dedupe(notes).slice(0, 50),
  };
  if (detection.jurisdictions.length > 0) {
    requirements.jurisdictions = detection.jurisdictions.map((j) => j.id).slice(0, 50);
  }
  if (detection.uncovered.length > 0) {
    requirements.uncovered = detection.uncovered.slice(0, 20).map((u) => ({
      label: u.label,
      evidence: u.evidence.slice(0, 8),
    }));
  }
  const language = languageOf(idea);
  if (!language.english) requirements.language = language.code;
  const { purpose, subject } = ideaParts(idea);
  if (later.length > 0) requirements.later = dedupe(later).filter((l) => !excluded.includes(l));
  if (excluded.length > 0) requirements.excluded = dedupe(excluded);
  if (purpose) requirements.purpose = purpose;
  if (scale !== undefined) requirements.scale = scale;
  if (budget !== undefined) requirements.budget = budget;
  if (timeline !== undefined) requirements.timeline = timeline;
  const kept = Object.entries(evidence).filter(([k]) => {
    const [field, item] = k.split(/:(.*)/s);
    if (item === undefined) {
      return (requirements as unknown as Record<string, unknown>)[k] !== undefined;
    }
    const list = (requirements as unknown as Record<string, unknown>)[field!];
    return Array.isArray(list) && list.includes(item);
  });
  if (kept.length > 0) requirements.evidence = Object.fromEntries(kept.slice(0, 200));

  const known: Record<CoreTopic, boolean> = {
    purpose: purpose !== undefined,
    users: requirements.users.length > 0 || answered.has("users"),
    platforms: requirements.platforms.length > 0 || answered.has("platforms"),
    // Two features from the idea are a start, not a scope: ask what else the MVP needs.
    features: requirements.features.length >= 3 || answered.has("features"),
    scale: scale !== undefined,
    budget: budget !== undefined,
    timeline: timeline !== undefined,
    compliance: explicit.length > 0 || answered.has("compliance"),
    // Where it is used decides which laws apply; never assumed, so asked when not named.
    jurisdiction: detection.jurisdictions.length > 0 || answered.has("jurisdiction"),
  };
  return {
    requirements,
    asked,
    detection,
    missing: CORE_TOPICS.filter((t) => !known[t]),
    subject,
  };
}

/** Keeps a definite value over "not fixed yet"-style placeholders. */
function pick(current: string | undefined, next: string | undefined): string | undefined {
  if (next === undefined) return current;
  if (current === undefined || /^(?:not fixed yet|unknown yet)$/.test(current)) return next;
  return current;
}

/** Domains implied by combinations rather than single words. */
function inferDomains(domains: Set<string>, features: readonly string[], market?: string): void {
  const booking = features.includes("booking and scheduling");
  // Booking a person through a marketplace means someone pays someone.
  if (domains.has("marketplace") && booking) domains.add("payments");
  // An in-person service in a named city is about where people are.
  if (domains.has("marketplace") && (booking || market !== undefined)) domains.add("location");
  if (booking) domains.add("booking");
  // Money movement already covers card payments.
  if (domains.has("finance") && !domains.has("payments") && features.includes("payments")) {
    domains.add("payments");
  }
}

/** Regulations that follow from the domains, unless the person already named them. */
function inferCompliance(
  domains: readonly (typeof DOMAINS)[number][],
  region: Region,
  explicit: readonly string[],
): string[] {
  const out: string[] = [];
  for (const d of domains) out.push(...d.compliance(region));
  // "(if EU users)" is a guess, not a finding: the places named decide, through detect().
  return out.filter((c) => !/\(if /.test(c) && !explicit.some((e) => c.startsWith(e) && c !== e));
}

let lastIdea: { idea: string; purpose: string | undefined; subject: string } | undefined;

/** Purpose and subject of the idea; every clarifier round re-reads the same idea. */
function ideaParts(idea: string): { purpose: string | undefined; subject: string } {
  if (lastIdea?.idea !== idea) {
    lastIdea = { idea, purpose: purposeOf(idea), subject: subjectOf(idea) };
  }
  return lastIdea;
}

/**
 * A one-line statement of what the product is for, from the idea: the first sentence,
 * without "I want to build" and without trailing logistics (platforms, money, time).
 *
 * @example
 * ```ts
 * purposeOf("A marketplace where dog owners book walkers, iOS and Android, 3 months");
 * // "A marketplace where dog owners book walkers"
 * ```
 */
export function purposeOf(idea: string): string | undefined {
  const first = idea.trim().split(SENTENCE)[0]?.trim() ?? "";
  const clauses = first.replace(INTENT, "").replace(IT_IS, "").split(CLAUSE);
  const kept: string[] = [];
  for (const c of clauses) {
    if (kept.length > 0 && (LOGISTICS.test(c) || /^(?:with|and|plus)\b/i.test(c))) break;
    if (c) kept.push(c);
  }
  const line = kept.join(", ").replace(/[.!?]+$/, "").trim();
  return line ? clip(cap(line), 300) : undefined;
}

/**
 * How to refer to the product in questions: `the reading app` from "A reading app for
 * kids", else `your product`.
 */
export function subjectOf(idea: string): string {
  const lower = idea.toLowerCase();
  const m = lower.match(SUBJECT);
  if (!m) return "your product";
  // The person's own spelling of acronyms ("AI assistant"), lower case otherwise.
  const start = m.index! + m[0].length - m[1]!.length;
  const words = (lower.length === idea.length ? idea : lower).slice(start, start + m[1]!.length)
    .split(/\s+/).map((w) => /^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase());
  return `the ${words.join(" ")}`;
}
