/**
 * Facts every offline analyst derives from the same requirements: who the users are and
 * which side they are on, the feature rows, the MVP cut, scale, timeline, budget and the
 * effort estimate. Computed once per requirements object and shared, so the four analysts
 * and the overview agree with each other (the MVP the product analyst names is the one
 * the engineer estimates and the risk register judges).
 *
 * @module
 */
import type { Evidence, Requirements } from "../../protocol/brief.js";
import type { Actor, Wording } from "./types.ts";
import { DOMAIN_BY_ID, type DomainInfo } from "./knowledge.ts";
import { FEATURE_BY_LABEL, type FeatureInfo } from "./knowledge/features.ts";
import { GENERIC_ROLES, type RoleInfo, ROLES } from "./knowledge/roles.ts";
import { MOBILE_LABELS, PLATFORMS } from "./knowledge/platforms.ts";
import { subjectOf, SUPERSEDED_BY } from "./extract.ts";
import type { Detection } from "./knowledge/types.ts";
import { NOTHING_DETECTED } from "./findings.ts";
import { parseMoney } from "./read.ts";
import { singular } from "./text.ts";
import { Prefilter, wordStarts } from "./prefilter.ts";

/** A user group with the side it is on. */
export interface UserRef {
  label: string;
  actor: Actor;
  role?: RoleInfo;
}

/** A requested feature with its table row, when it has one. */
export interface FeatureRef {
  label: string;
  info?: FeatureInfo;
  weeks: number;
}

/** The effort estimate shared by the engineer, risk and overview. */
export interface Effort {
  size: "S" | "M" | "L" | "XL";
  personWeeksLow: number;
  personWeeksHigh: number;
  team: string;
  teamSize: number;
  /** Calendar weeks for the team, low and high. */
  calendarLow: number;
  calendarHigh: number;
  feasibility: "feasible" | "tight" | "unrealistic" | "unknown";
  /** Person-weeks the later scope adds. */
  laterWeeks: number;
  costLow: number;
  costHigh: number;
  budgetFit?: "covers" | "tight" | "short";
}

/** Everything the analysts read, derived once. */
export interface Profile {
  req: Requirements;
  subject: string;
  wording: Wording;
  users: UserRef[];
  usersAssumed: boolean;
  features: FeatureRef[];
  featuresAssumed: boolean;
  platforms: string[];
  platformsAssumed: boolean;
  mobile: boolean;
  domains: DomainInfo[];
  has: (domain: string) => boolean;
  market?: string;
  eu: boolean;
  scaleLevel: "unknown" | "small" | "medium" | "large";
  timelineWeeks?: number;
  budgetAmount?: number;
  /** Currency symbol or code as the person wrote it, or an empty string. */
  currency: string;
  mvp: FeatureRef[];
  later: FeatureRef[];
  /** The MVP feature that is the product's reason to exist (not payments or sign-in). */
  core?: FeatureRef;
  effort: Effort;
  /** What the knowledge base recognised in the transcript. */
  detection: Detection;
  /** The person's words behind a slot or `field:item` (see `Requirements.evidence`). */
  ev: (key: string) => Evidence[] | undefined;
  /** The words the idea was told in, for findings that rest on the idea as a whole. */
  ideaEvidence: Evidence[];
}

/** Assumed blended cost of one person-week, in the person's currency. */
export const RATE_PER_PERSON_WEEK = 2_500;

/**
 * The same person-week in currencies whose unit is far from a dollar's, at a local
 * team's rate (rounded; an estimate, not an exchange rate), so that 40 lakh rupees is
 * not judged as 4 million dollars.
 */
export const RATE_BY_CURRENCY: Readonly<Record<string, number>> = {
  "₹": 60_000,
  "¥": 300_000,
  "KSh": 120_000,
  "₦": 600_000,
  "R$": 7_000,
};

/** One person-week in the person's currency. */
export function ratePerWeek(currency: string): number {
  return RATE_BY_CURRENCY[currency] ?? RATE_PER_PERSON_WEEK;
}

const CUSTOM_FEATURE_WEEKS = 2;
const DIGITAL = /\bin-?app purchases?\b|\bpremium content\b|\bunlock\w*/i;
/** Features that support the core flow rather than being it. */
export const SUPPORTING: ReadonlySet<string> = new Set([
  "accounts and profiles",
  "payments",
  "subscriptions",
  "notifications",
  "search and filters",
  "roles and permissions",
  "single sign-on",
  "audit log",
]);
/** Features the paying adult uses when the product serves children. */
const PAYER_FEATURES: ReadonlySet<string> = new Set([
  "payments",
  "subscriptions",
  "accounts and profiles",
  "parental controls",
]);
const BASE_WEEKS = 3;
const cache = new WeakMap<Requirements, Profile>();

/**
 * The profile of a requirements object (cached per object), with what the knowledge base
 * recognised in the transcript they were read from.
 */
export function profileOf(req: Requirements, detection?: Detection): Profile {
  let p = cache.get(req);
  // Without a detection, any profile of these requirements will do (the overview's case).
  if (!p || (detection !== undefined && p.detection !== detection)) {
    p = buildProfile(req, detection ?? NOTHING_DETECTED);
    cache.set(req, p);
  }
  return p;
}

/** The parts of a profile that wording needs: cheap enough for every clarifier round. */
interface Basics {
  has: (d: string) => boolean;
  subject: string;
  users: UserRef[];
  usersAssumed: boolean;
  platforms: string[];
  platformsAssumed: boolean;
  mobile: boolean;
  market?: string;
  wording: Wording;
}

function basicsOf(req: Requirements): Basics {
  const domainIds = new Set(req.domains);
  // An analyst asking for an area by its first-table id ("iot") also finds the knowledge
  // base's ids for it ("hardware-iot").
  const has = (d: string) =>
    domainIds.has(d) || (SUPERSEDED_BY[d] ?? []).some((id) => domainIds.has(id));
  const subject = subjectOf(req.idea);

  let users = req.users.map(classifyUser);
  const usersAssumed = users.length === 0;
  if (usersAssumed) users = assumedUsers(has).map(classifyUser);

  const known = req.platforms.filter((p) => PLATFORMS.some((row) => row.label === p));
  const platformsAssumed = known.length === 0;
  const platforms = platformsAssumed ? ["Web"] : known;
  const mobile = platforms.some((p) => MOBILE_LABELS.has(p));

  const market = req.notes.find((n) => n.startsWith("Launch market: "))?.slice(15);
  const consumer = users.find((u) => u.actor === "consumer") ?? users[0]!;
  const provider = users.find((u) => u.actor === "provider" && u !== consumer);
  const wording: Wording = {
    subject,
    consumers: consumer.label,
    consumer: singular(consumer.label),
    providers: provider?.label ?? "providers",
    provider: provider ? singular(provider.label) : "provider",
    inMarket: market ? ` in ${market}` : "",
    mobile,
    // Content sold inside a phone app, with no one on the other side to pay out.
    digital: mobile && has("payments") && !provider && !has("marketplace") &&
      (has("children") || has("education") || req.features.includes("subscriptions") ||
        req.features.includes("content library") || DIGITAL.test(req.idea)),
  };
  const b: Basics = {
    has,
    subject,
    users,
    usersAssumed,
    platforms,
    platformsAssumed,
    mobile,
    wording,
  };
  if (market !== undefined) b.market = market;
  return b;
}

/**
 * How analyst and question text names this product's people and sides, without the
 * cost of a full profile (the clarifier needs it every round).
 */
export function wordingOf(req: Requirements): Wording {
  return cache.get(req)?.wording ?? basicsOf(req).wording;
}

function buildProfile(req: Requirements, detection: Detection): Profile {
  const domains = req.domains.map((d) => DOMAIN_BY_ID.get(d)).filter((d) => d !== undefined);
  const {
    has,
    subject,
    users,
    usersAssumed,
    platforms,
    platformsAssumed,
    mobile,
    market,
    wording,
  } = basicsOf(req);
  let features = req.features.map(featureRef);
  const featuresAssumed = features.length === 0;
  if (featuresAssumed) features = assumedFeatures(has).map(featureRef);

  const timelineWeeks = weeksOf(req.timeline);
  const budget = amountOf(req.budget);
  const scaleLevel = scaleLevelOf(req.scale, has("iot"));
  const { mvp, later } = splitScope(features, has);
  const p: Profile = {
    req,
    subject,
    wording,
    users,
    usersAssumed,
    features,
    featuresAssumed,
    platforms,
    platformsAssumed,
    mobile,
    domains,
    has,
    // Inferred items say "(if EU users)" until a place in the EU was named.
    eu: req.compliance.some((c) => /\bGDPR\b|\bEU\b|PSD2/.test(c) && !c.includes("(if ")),
    scaleLevel,
    currency: budget?.currency ?? "",
    mvp,
    later,
    effort: undefined as unknown as Effort,
    detection,
    ev: (key) => req.evidence?.[key],
    ideaEvidence: req.idea
      ? [{ quote: clipQuote(req.idea), questionId: "idea", rule: "idea" }]
      : [],
  };
  if (market !== undefined) p.market = market;
  if (timelineWeeks !== undefined) p.timelineWeeks = timelineWeeks;
  if (budget !== undefined) p.budgetAmount = budget.amount;
  p.effort = estimate(p);
  const core = mvp.find((f) => !SUPPORTING.has(f.label)) ?? mvp[0];
  if (core) p.core = core;
  // A timeline that cannot hold the MVP moves its least central features to later.
  while (p.effort.feasibility === "unrealistic" && p.mvp.length > 2) {
    const cut = [...p.mvp].reverse().find((f) => f.info && f !== core && !coreOf(f, has));
    if (!cut) break;
    p.mvp = p.mvp.filter((f) => f !== cut);
    p.later = [cut, ...p.later];
    p.effort = estimate(p);
  }
  return p;
}

/**
 * The user group a feature is for: its actor's group, except that with children the
 * paying and consenting adult uses payments, accounts and controls.
 */
export function whoWants(p: Profile, f: FeatureInfo): UserRef {
  if (p.has("children") && PAYER_FEATURES.has(f.label)) {
    return p.users.find((u) => u.role?.label === "parents") ??
      { label: "parents", actor: "consumer" };
  }
  return p.users.find((u) => u.actor === f.actor) ??
    p.users.find((u) => u.actor === "consumer") ?? p.users[0]!;
}

/** The role table behind a word-start index: a label is tested only against roles it could match. */
const ROLE_INDEX = new Prefilter(ROLES);

/**
 * Classifies a user label: the first role of the table whose pattern matches, else a generic
 * one. Not memoised by label (a benchmark that repeats its answers would profit from that and
 * real use less): the index makes it a few small tests.
 */
function classifyUser(label: string): UserRef {
  const lower = label.toLowerCase();
  const role = ROLE_INDEX.match(lower, wordStarts(lower))[0] ??
    GENERIC_ROLES.find((r) => r.pattern.test(lower));
  return role ? { label, actor: role.actor, role } : { label, actor: "consumer" };
}

function featureRef(label: string): FeatureRef {
  const info = FEATURE_BY_LABEL.get(label);
  return info ? { label, info, weeks: info.weeks } : { label, weeks: CUSTOM_FEATURE_WEEKS };
}

function assumedUsers(has: (d: string) => boolean): string[] {
  if (has("children")) return ["parents", "children"];
  if (has("enterprise")) return ["employees", "IT admins"];
  if (has("marketplace")) return ["customers", "service providers"];
  if (has("health")) return ["patients"];
  if (has("education")) return ["students"];
  if (has("iot")) return ["operators"];
  return ["early adopters"];
}

function assumedFeatures(has: (d: string) => boolean): string[] {
  if (has("marketplace")) {
    return ["search and filters", "booking and scheduling", "payments", "reviews and ratings"];
  }
  if (has("iot")) {
    return ["device fleet management", "real-time monitoring", "dashboard and analytics"];
  }
  if (has("children") || has("education")) return ["content library", "progress tracking"];
  if (has("enterprise")) return ["dashboard and analytics", "roles and permissions"];
  return ["accounts and profiles"];
}

/** Features that stay in the MVP whatever the timeline: the core of each domain. */
function coreOf(f: FeatureRef, has: (d: string) => boolean): boolean {
  const d = f.info?.domains ?? [];
  if (d.some((x) => has(x) && x !== "ugc" && x !== "social")) return true;
  return f.info === undefined;
}

function splitScope(features: readonly FeatureRef[], has: (d: string) => boolean) {
  const mvp: FeatureRef[] = [];
  const later: FeatureRef[] = [];
  for (const f of features) {
    // Trust is the product in a marketplace: reviews ship with the first booking.
    const trust = f.label === "reviews and ratings" && has("marketplace");
    const control = f.label === "parental controls";
    if (!f.info || f.info.mvp || trust || control) mvp.push(f);
    else later.push(f);
  }
  if (mvp.length === 0 && later.length > 0) mvp.push(later.shift()!);
  return { mvp, later };
}

/** Clients to build: iOS and Android count once because one codebase serves both. */
function clientWeeks(platforms: readonly string[]): { weeks: number; clients: number } {
  let weeks = 0;
  let clients = 0;
  const both = platforms.includes("iOS") && platforms.includes("Android");
  for (const label of platforms) {
    const row = PLATFORMS.find((r) => r.label === label);
    if (!row) continue;
    if (both && label === "Android") continue;
    weeks += both && label === "iOS" ? 3.5 : row.weeks;
    clients++;
  }
  return { weeks, clients: Math.max(clients, 1) };
}

function estimate(p: Profile): Effort {
  const { weeks: clientW, clients } = clientWeeks(p.platforms);
  // Each extra client needs its own screens for every feature.
  const perClient = 1 + 0.35 * (clients - 1);
  const mvpW = p.mvp.reduce((s, f) => s + f.weeks, 0) * perClient;
  const laterW = p.later.reduce((s, f) => s + f.weeks, 0) * perClient;
  const domainW = p.domains.reduce((s, d) => s + d.weeks, 0) +
    p.detection.domains.reduce((s, d) => s + d.entry.weeks, 0);
  const scaleW = p.scaleLevel === "large" ? 3 : p.scaleLevel === "medium" ? 1 : 0;
  const total = BASE_WEEKS + clientW + mvpW + domainW + scaleW;
  const low = Math.round(total * 0.8);
  const high = Math.round(total * 1.3);
  const size = total < 12 ? "S" : total < 28 ? "M" : total < 60 ? "L" : "XL";
  const teamSize = { S: 1.5, M: 2.5, L: 4, XL: 6 }[size];
  const calendarLow = Math.ceil(low / teamSize);
  const calendarHigh = Math.ceil(high / teamSize);
  let feasibility: Effort["feasibility"] = "unknown";
  if (p.timelineWeeks !== undefined) {
    feasibility = calendarHigh <= p.timelineWeeks
      ? "feasible"
      : calendarLow <= p.timelineWeeks
      ? "tight"
      : "unrealistic";
  }
  const effort: Effort = {
    size,
    personWeeksLow: low,
    personWeeksHigh: high,
    team: teamOf(size, p),
    teamSize,
    calendarLow,
    calendarHigh,
    feasibility,
    laterWeeks: Math.round(laterW),
    costLow: low * ratePerWeek(p.currency),
    costHigh: high * ratePerWeek(p.currency),
  };
  if (p.budgetAmount !== undefined) {
    effort.budgetFit = p.budgetAmount >= effort.costHigh
      ? "covers"
      : p.budgetAmount >= effort.costLow
      ? "tight"
      : "short";
  }
  return effort;
}

function teamOf(size: Effort["size"], p: Profile): string {
  const skills: string[] = [];
  const ios = p.platforms.includes("iOS");
  const android = p.platforms.includes("Android");
  if (ios && android) skills.push("React Native");
  else if (ios) skills.push("Swift");
  else if (android) skills.push("Kotlin");
  if (p.has("iot")) skills.push("embedded/IoT");
  if (p.has("ai")) skills.push("LLM integration");
  if (p.has("payments") || p.has("finance")) skills.push("payments");
  const core = p.mvp.find((f) => !SUPPORTING.has(f.label)) ?? p.mvp[0];
  const with_ = (skills.length > 0 ? ` with ${skills.slice(0, 2).join(" and ")} experience` : "") +
    (core ? ` building ${core.label}` : "");
  switch (size) {
    case "S":
      return `1–2 full-stack engineers${with_}`;
    case "M":
      return `2–3 engineers${with_}${
        p.mobile
          ? `, plus a part-time designer for the ${
            p.platforms.filter((x) => x === "iOS" || x === "Android").join(" and ")
          } screens`
          : ""
      }`;
    case "L":
      return `3–5 engineers${with_}, a product designer and a part-time product manager`;
    case "XL":
      return `5–7 engineers across backend and clients${with_}, a designer, QA and a product manager`;
  }
}

/** The first sentence of a text, at most 300 characters: a quote that fits `Evidence`. */
export function clipQuote(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/)[0] ?? "";
  return first.length > 300 ? `${first.slice(0, 299)}…` : first;
}

/** Evidence of several keys joined, without repeats, at most 8 (the schema's bound). */
export function evidenceOf(p: Profile, ...keys: string[]): Evidence[] | undefined {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const k of keys) {
    for (const e of p.ev(k) ?? []) {
      if (!seen.has(e.quote) && out.length < 8) {
        seen.add(e.quote);
        out.push(e);
      }
    }
  }
  return out.length > 0 ? out : undefined;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
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
  twelve: 12,
  eighteen: 18,
  "a few": 3,
  "a couple of": 2,
  "couple of": 2,
};
const UNIT_WEEKS: Readonly<Record<string, number>> = {
  day: 1 / 5,
  week: 1,
  month: 4.33,
  quarter: 13,
  year: 52,
};
const DURATION =
  /(\d+|a few|a couple of|couple of|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|a)(?:\s*(?:-|to)\s*(\d+))?\s+(day|week|month|quarter|year)s?\b/i;

/**
 * Calendar weeks in a timeline such as `3 months` or `6-8 weeks` (the upper bound), or
 * `undefined` for dates and "ASAP": without a clock the engine cannot count to March,
 * and reading the clock would make replays differ.
 */
export function weeksOf(timeline: string | undefined): number | undefined {
  const m = timeline?.match(DURATION);
  if (!m) return undefined;
  const n = Number(m[2] ?? NaN) || Number(m[1]) || NUMBER_WORDS[m[1]!.toLowerCase()] || 1;
  return Math.round(n * UNIT_WEEKS[m[3]!.toLowerCase()]!);
}

/** The amount in a budget such as `€50k`, `30,000 USD` or `40 lakh rupees`, with its currency. */
export function amountOf(
  budget: string | undefined,
): { amount: number; currency: string } | undefined {
  return budget === undefined ? undefined : parseMoney(budget);
}

const COUNT = /(\d[\d,]*(?:\.\d+)?)\s*(k|m|thousand|million|hundred)?/gi;
const COUNT_WORDS: readonly [RegExp, number][] = [
  [/\bmillions\b/i, 1e6],
  [/\btens of thousands\b/i, 3e4],
  [/\bthousands\b|\ba few thousand\b/i, 3e3],
  [/\bhundreds\b|\ba few hundred\b/i, 300],
  [/\ba handful\b/i, 10],
];

/** Small, medium or large from a scale such as `10k users` or `thousands of devices`. */
export function scaleLevelOf(scale: string | undefined, devices: boolean): Profile["scaleLevel"] {
  if (scale === undefined) return "unknown";
  let n = 0;
  for (const m of scale.matchAll(COUNT)) {
    const unit = (m[2] ?? "").toLowerCase();
    const mult = unit === "k" || unit === "thousand"
      ? 1e3
      : unit === "hundred"
      ? 100
      : unit
      ? 1e6
      : 1;
    n = Math.max(n, Number(m[1]!.replace(/,/g, "")) * mult);
  }
  for (const [re, v] of COUNT_WORDS) if (re.test(scale)) n = Math.max(n, v);
  if (n === 0) return "unknown";
  // Devices report continuously, so a thousand of them weigh like a big consumer app.
  const large = devices ? 1_000 : 100_000;
  return n >= large ? "large" : n >= large / 20 ? "medium" : "small";
}
