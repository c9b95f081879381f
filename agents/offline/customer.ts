/**
 * The offline Customer analyst: segments and personas from the named users, their jobs
 * and pains, domain-aware adoption risks (a two-sided marketplace starts cold, parents
 * gate children's apps, enterprises buy slowly) and channels to reach them.
 *
 * @module
 */
import type { CustomerAnalysis } from "../../protocol/brief.js";
import { evidenceOf, type Profile, type UserRef, whoWants } from "./profile.ts";
import { cap, joinAnd, lowerFirst, singular } from "./text.ts";

/** Deterministic persona names: the same brief always introduces the same people. */
const NAMES = ["Anna", "Ben", "Carla", "Deniz", "Emma", "Farid", "Greta", "Hugo"] as const;

const PLATFORM_CHANNELS: Readonly<Record<string, string>> = {
  iOS: "App Store search optimisation and featured-app pitches",
  Android: "Google Play listing optimisation",
  "Slack app": "Slack Marketplace listing",
  "Microsoft Teams app": "Microsoft AppSource listing",
  "Browser extension": "Chrome Web Store listing and reviews",
  "Public API": "Developer documentation, quick-start examples and GitHub",
};

/** Derives the customer analysis from a profile. */
export function customerAnalysis(p: Profile): CustomerAnalysis {
  return {
    segments: segments(p),
    personas: personas(p),
    jobs: jobs(p),
    pains: pains(p),
    adoptionRisks: adoptionRisks(p),
    channels: channels(p),
  };
}

/** What a user group wants from the MVP, in their own words. */
interface Aim {
  label: string;
  want: string;
  soThat: string;
}

function aimsOf(p: Profile, u: UserRef): Aim[] {
  const w = p.wording;
  const out: Aim[] = [];
  for (const f of p.mvp) {
    const i = f.info;
    if (!i) continue;
    if (whoWants(p, i) === u) out.push({ label: f.label, want: i.want(w), soThat: i.soThat(w) });
    else if (u.actor === "provider" && i.providerStory) {
      out.push({ label: f.label, want: i.providerStory.want(w), soThat: i.providerStory.soThat });
    }
  }
  if (out.length > 0) return out;
  // Nothing in the MVP is theirs yet: say what their side of the product is for.
  if (u.actor === "provider") {
    return [{
      label: "steady work",
      want: `get steady, well-paid work through ${p.subject}`,
      soThat: "I can plan my income",
    }];
  }
  if (u.actor === "operator") {
    return [{
      label: "an overview",
      want: `see what is happening across ${p.subject} and step in quickly`,
      soThat: "problems are fixed before anyone complains",
    }];
  }
  return p.mvp.flatMap((f) =>
    f.info ? [{ label: f.label, want: f.info.want(w), soThat: f.info.soThat(w) }] : []
  );
}

function segments(p: Profile): CustomerAnalysis["segments"] {
  const w = p.wording;
  const twoSided = p.users.some((u) => u.actor === "provider") &&
    p.users.some((u) => u.actor === "consumer");
  const out = p.users.slice(0, 8).map((u, i) => {
    // Segments that share the same aims each lead with a different one, so that no two
    // descriptions read alike.
    const aims = aimsOf(p, u);
    const shift = aims.length > 1 ? i % aims.length : 0;
    const needs = joinAnd(
      [...aims.slice(shift), ...aims.slice(0, shift)].slice(0, 2).map((a) => a.label),
    );
    const assumed = p.usersAssumed ? " (assumed: no users were named yet)" : "";
    let description: string;
    if (u.actor === "provider") {
      description = `Offer their services through ${p.subject}${w.inMarket}; want steady demand${
        p.has("payments") ? " and reliable payouts" : ""
      } with little admin`;
    } else if (u.actor === "operator") {
      description = `Run or oversee ${p.subject} day to day; need ${
        needs || "a clear overview and control"
      }`;
    } else {
      description =
        `${twoSided ? "The side that books and pays" : `Use ${p.subject}`}${w.inMarket}` +
        (needs ? `; first need ${needs}` : "") +
        (u.role?.frustration ? `; today: ${lowerFirst(u.role.frustration)}` : "");
    }
    // An assumed group rests on the idea as a whole, and says it is assumed.
    const evidence = evidenceOf(p, `users:${u.label}`) ??
      (p.usersAssumed ? p.ideaEvidence.map((e) => ({ ...e, rule: "assumed:from-idea" })) : []);
    return { name: cap(u.label), description: description + assumed, evidence };
  });
  for (const d of p.domains) {
    const s = d.segment?.(w);
    // "Supply side: dog walkers" adds nothing when dog walkers are a segment already.
    if (s && !out.some((o) => s.name.toLowerCase().includes(o.name.toLowerCase()))) {
      out.push({ ...s, evidence: evidenceOf(p, `domains:${d.id}`) ?? [] });
    }
  }
  const kept = out.filter((s) => s.evidence.length > 0);
  return (kept.length > 0 ? kept : out.slice(0, 1)).slice(0, 12).map(({ evidence, ...s }) =>
    evidence.length > 0 ? { ...s, evidence } : s
  );
}

function personas(p: Profile): CustomerAnalysis["personas"] {
  const w = p.wording;
  return p.users.slice(0, NAMES.length).map((u, i) => {
    const one = singular(u.label);
    const goals = aimsOf(p, u).slice(0, 3).map((a) => cap(a.want));
    if (goals.length === 0) {
      goals.push(`Get what they came to ${p.subject} for with minimal effort`);
    }
    const frustrations: string[] = [];
    if (u.role?.frustration) frustrations.push(u.role.frustration);
    for (const d of p.domains) {
      const pain = d.pain?.(w);
      if (pain && (u.actor === "consumer" || d.id === "enterprise" || d.id === "iot")) {
        frustrations.push(pain);
      }
    }
    if (frustrations.length === 0) frustrations.push(kindFrustration(u, p));
    return {
      name: `${NAMES[i]}, ${one}`,
      role: `${cap(one)}${w.inMarket}, ${sideOf(u, p)}`,
      goals,
      frustrations: frustrations.slice(0, 3),
    };
  });
}

function sideOf(u: UserRef, p: Profile): string {
  if (u.actor === "provider") return `offers services on ${p.subject}`;
  if (u.actor === "operator") return `runs or oversees ${p.subject}`;
  return `uses ${p.subject}`;
}

function kindFrustration(u: UserRef, p: Profile): string {
  if (u.actor === "provider") return "Time lost on admin and chasing work instead of doing it";
  if (u.actor === "operator") return "No single, current view of what is happening";
  const core = p.core?.label ?? p.mvp[0]?.label;
  const known = p.detection.alternatives.find((a) => a.entry.products.length > 0);
  if (known && core) {
    return `They already juggle ${
      joinAnd(known.entry.products.slice(0, 2), "or")
    } and general tools for ${core}`;
  }
  return core
    ? `${cap(core)} without a tool made for it costs them time`
    : `No tool they use today was made for what ${p.subject} will do`;
}

function jobs(p: Profile): string[] {
  const w = p.wording;
  const out: string[] = [];
  for (const u of p.users.slice(0, 5)) {
    const trigger = u.actor === "provider"
      ? "have time to take on work"
      : u.actor === "operator"
      ? "start my working day"
      : `open ${p.subject}`;
    for (const a of aimsOf(p, u).slice(0, 2)) {
      out.push(
        `${cap(singular(u.label))}: "When I ${trigger}, I want to ${a.want}, so that ${a.soThat}."`,
      );
    }
  }
  if (out.length === 0) {
    const custom = p.mvp.find((f) => !f.info);
    out.push(`${cap(w.consumers)}: "I want ${custom?.label ?? `${p.subject} to work for me`}."`);
  }
  return out.slice(0, 12);
}

function pains(p: Profile): string[] {
  const w = p.wording;
  const out: string[] = [];
  for (const u of p.users) {
    if (u.role?.frustration) out.push(`${cap(u.label)}: ${lowerStart(u.role.frustration)}`);
  }
  for (const d of p.domains) {
    const pain = d.pain?.(w);
    if (pain) out.push(pain);
  }
  if (out.length === 0) out.push(kindFrustration(p.users[0]!, p));
  return [...new Set(out)].slice(0, 12);
}

function adoptionRisks(p: Profile): string[] {
  const w = p.wording;
  const out: string[] = [];
  for (const d of p.domains) {
    const a = d.adoption?.(w);
    if (a) out.push(a);
  }
  for (const a of p.detection.alternatives) {
    if (a.entry.kind !== "competitor" || a.entry.products.length === 0) continue;
    out.push(
      `${a.label} already exists (${joinAnd(a.entry.products.slice(0, 3))}): ${
        lowerFirst(a.entry.findings.notes?.[0] ?? "say what is different before building")
      }`,
    );
  }
  if (out.length === 0) {
    out.push(
      `Whatever ${w.consumers} use for ${
        p.core?.label ?? "this"
      } today must be clearly worse than ${p.subject} for them to switch`,
    );
  }
  if (p.platforms.includes("Browser extension")) {
    out.push("Browser-extension permissions warnings scare people off at install");
  }
  return out.slice(0, 10);
}

function channels(p: Profile): string[] {
  const w = p.wording;
  const out: string[] = [];
  for (const d of p.domains) {
    const c = d.channel?.(w);
    if (c) out.push(c);
  }
  for (const u of p.users) if (u.role?.channel) out.push(u.role.channel);
  for (const pl of p.platforms) {
    const c = PLATFORM_CHANNELS[pl];
    if (c) out.push(c);
  }
  if (p.market) out.push(`Local partnerships and community events in ${p.market}`);
  return [...new Set(out)].slice(0, 12);
}

function lowerStart(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}
