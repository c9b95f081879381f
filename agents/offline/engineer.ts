/**
 * The offline Engineer analyst: components from features and domains, data entities,
 * integrations (Stripe for payments, a maps provider for location, push for mobile, an
 * identity provider for enterprise SSO, an MQTT broker for IoT, an LLM API for AI), a
 * stack that fits the platforms, and the effort estimate with its assumptions.
 *
 * @module
 */
import type { EngineerAnalysis } from "../../protocol/brief.js";
import type { Component, Entity, Integration } from "./types.ts";
import type { Evidence } from "../../protocol/brief.js";
import { evidenceOf, type Profile, ratePerWeek } from "./profile.ts";
import { findingsOf } from "./findings.ts";
import { featureComponent } from "./component.ts";
import { cap, joinAnd, thousands } from "./text.ts";

type Stack = EngineerAnalysis["stack"][number];

/** Derives the engineering analysis from a profile. */
export function engineerAnalysis(p: Profile): EngineerAnalysis {
  const e = p.effort;
  return {
    components: components(p),
    platforms: p.platformsAssumed
      ? ["Web (responsive; assumed because no platform was named)"]
      : [...p.platforms],
    data: data(p),
    integrations: integrations(p),
    stack: stack(p),
    effort: {
      size: e.size,
      personWeeksLow: e.personWeeksLow,
      personWeeksHigh: e.personWeeksHigh,
      team: e.team,
      assumptions: assumptions(p),
      ...effortEvidence(p),
    },
  };
}

/** What the estimate rests on: the features, platforms, timeline and budget as said. */
function effortEvidence(p: Profile): { evidence?: Evidence[] } {
  const evidence = evidenceOf(
    p,
    ...p.mvp.map((f) => `features:${f.label}`),
    ...p.platforms.map((x) => `platforms:${x}`),
    "timeline",
    "budget",
    "scale",
  ) ?? (p.ideaEvidence.length > 0 ? p.ideaEvidence : undefined);
  return evidence ? { evidence } : {};
}

function byName<T>(items: readonly T[], key: (t: T) => string, max: number): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t).toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, max);
}

function components(p: Profile): Component[] {
  const out: Component[] = [];
  const labels = p.mvp.map((f) => f.label);
  out.push({
    name: "API backend",
    responsibility: `Business rules and data access for ${
      joinAnd(labels.slice(0, 4)) || p.subject
    }`,
  });
  const mobile = p.platforms.filter((x) => x === "iOS" || x === "Android");
  if (mobile.length > 0) {
    out.push({
      name: `Mobile app (${mobile.join(", ")})`,
      responsibility: `Screens for ${joinAnd(labels.slice(0, 3))}, push, offline cache`,
    });
  }
  for (const f of [...p.mvp, ...p.later]) {
    const c = featureComponent(f, p);
    if (c) out.push(c);
  }
  for (const f of findingsOf(p.detection, "components")) out.push(f.item);
  for (const d of p.domains) out.push(...d.components);
  if (p.users.some((u) => u.actor === "operator") || p.has("marketplace") || p.has("ugc")) {
    out.push({
      name: "Admin back office",
      responsibility: "Support, refunds, account and content actions with an audit trail",
    });
  }
  return byName(out, (c) => c.name, 30);
}

function data(p: Profile): Entity[] {
  const roles = p.users.slice(0, 4).map((u) => u.label).join(", ");
  const out: Entity[] = [{
    entity: "User",
    notes: `Role (${roles}), contact, consent flags; personal data deletable on request`,
  }];
  for (const f of [...p.mvp, ...p.later]) if (f.info?.entity) out.push(f.info.entity);
  for (const f of findingsOf(p.detection, "data")) out.push(f.item);
  for (const d of p.domains) out.push(...d.data);
  return byName(out, (e) => e.entity, 30);
}

type Sourced = Integration & { evidence?: Evidence[] | undefined };

/**
 * Third-party services, each for a reason the person gave: a recognised domain or
 * regulation, a feature or a platform. Services every product uses (e-mail, analytics,
 * error monitoring) are not findings and are left out.
 */
function integrations(p: Profile): EngineerAnalysis["integrations"] {
  const w = p.wording;
  const out: Sourced[] = [];
  for (const f of findingsOf(p.detection, "integrations")) {
    out.push({ ...f.item, evidence: f.evidence });
  }
  for (const d of p.domains) {
    const evidence = evidenceOf(p, `domains:${d.id}`);
    for (const i of d.integrations(w)) out.push({ ...i, evidence });
  }
  for (const f of [...p.mvp, ...p.later]) {
    if (f.info?.integration) {
      out.push({ ...f.info.integration(w), evidence: evidenceOf(p, `features:${f.label}`) });
    }
  }
  return byName(out.filter((i) => i.evidence), (i) => i.name, 30)
    .map(({ evidence, ...i }) => ({ ...i, ...(evidence ? { evidence } : {}) }));
}

function stack(p: Profile): Stack[] {
  const out: Stack[] = [];
  const ios = p.platforms.includes("iOS");
  const android = p.platforms.includes("Android");
  const offline = p.req.features.includes("offline mode");
  if (ios && android) {
    out.push({
      layer: "Mobile",
      choice: `React Native (Expo) in TypeScript for the ${p.core?.label ?? "app's"} screens`,
      reason: `One codebase for iOS and Android shares types with the backend${
        offline ? ", and SQLite on the device covers offline mode" : ""
      }`,
    });
  } else if (ios) {
    out.push({
      layer: "iOS",
      choice: "Swift and SwiftUI",
      reason: "iOS only: native UI, best App Store fit, no cross-platform overhead",
    });
  } else if (android) {
    out.push({
      layer: "Android",
      choice: "Kotlin and Jetpack Compose",
      reason: "Android only: native UI and the best device support",
    });
  }
  if (p.platforms.includes("Web") && (p.has("marketplace") || p.has("ecommerce"))) {
    out.push({
      layer: "Web",
      choice: "Next.js (React) in TypeScript",
      reason:
        "Server-rendered listing pages are found by search engines, which feeds the marketplace",
    });
  }
  if (
    p.platforms.some((x) => x === "Desktop" || x === "Windows" || x === "macOS" || x === "Linux")
  ) {
    out.push({
      layer: "Desktop",
      choice: "Tauri",
      reason: "Reuses the web UI with a small native shell and auto-update",
    });
  }
  if (p.platforms.includes("Slack app") || p.platforms.includes("Microsoft Teams app")) {
    out.push({
      layer: "Chat apps",
      choice: "Bolt for Slack / Teams Toolkit",
      reason: "Official SDKs handle events, OAuth installs and message formatting",
    });
  }
  if (p.platforms.includes("Browser extension")) {
    out.push({
      layer: "Extension",
      choice: "WebExtension (Manifest V3) in TypeScript",
      reason: "One build for Chrome, Edge and Firefox",
    });
  }
  const core = joinAnd(p.mvp.slice(0, 3).map((f) => f.label)) || p.subject;
  out.push({
    layer: "Backend",
    choice: p.has("iot")
      ? "TypeScript API on PostgreSQL with TimescaleDB"
      : p.has("location") || p.req.features.includes("maps and location")
      ? "TypeScript API on PostgreSQL with PostGIS"
      : `TypeScript API on PostgreSQL for ${core}`,
    reason: p.has("iot")
      ? "Relational data and time-series telemetry in one database, with compression and retention policies"
      : p.has("location")
      ? "Distance queries (who is near) run in the database"
      : relationalReason(data(p).map((e) => e.entity.toLowerCase())),
  });
  if (p.has("iot")) {
    out.push({
      layer: "Device ingestion",
      choice: "Managed MQTT broker + ingestion workers",
      reason:
        "MQTT QoS and persistent sessions survive flaky links; workers deduplicate and backfill buffered readings",
    });
  }
  if (p.has("ai")) {
    out.push({
      layer: "AI",
      choice: "Hosted LLM API behind an internal gateway, pgvector for retrieval",
      reason: "Swap models without touching features; keep prompts, limits and costs in one place",
    });
  }
  if (p.has("enterprise")) {
    out.push({
      layer: "Auth",
      choice: "WorkOS or Auth0 (SAML/OIDC, SCIM)",
      reason: "Enterprise identity providers without building SAML ourselves",
    });
  }
  if (p.req.compliance.includes("HIPAA")) {
    out.push({
      layer: "Hosting",
      choice: "HIPAA-eligible cloud services (AWS or GCP) under a BAA",
      reason: "Health data needs a signed business associate agreement and audit logging",
    });
  }
  return out.slice(0, 20);
}

function assumptions(p: Profile): string[] {
  const e = p.effort;
  const out: string[] = [
    `Covers the MVP scope: ${joinAnd(p.mvp.map((f) => f.label)) || "the core flow"}; ${
      e.laterWeeks > 0
        ? `the later scope adds about ${e.laterWeeks} person-weeks`
        : "nothing is deferred to later"
    }`,
    `Rule-based estimate from ${p.features.length} feature${
      p.features.length === 1 ? "" : "s"
    }, ${p.platforms.length} platform${
      p.platforms.length === 1 ? "" : "s"
    } and ${p.domains.length} domain${
      p.domains.length === 1 ? "" : "s"
    }; refine with a technical spike before committing`,
  ];
  for (const f of findingsOf(p.detection, "notes")) out.push(`${f.label}: ${f.item}`);
  if (p.platformsAssumed) out.push("No platform was named: a responsive web app is assumed");
  if (p.featuresAssumed) out.push("No features were named: the scope is assumed from the domain");
  if (p.platforms.includes("iOS") && p.platforms.includes("Android")) {
    out.push("iOS and Android share one React Native codebase; native modules only where needed");
  }
  const cal = `${e.calendarLow}–${e.calendarHigh} calendar weeks with ${e.team}`;
  if (p.req.timeline && e.feasibility !== "unknown") {
    const verdict = e.feasibility === "feasible"
      ? "the timeline looks feasible"
      : e.feasibility === "tight"
      ? "the timeline is tight: hold the scope firm and cut before adding people"
      : "the timeline looks unrealistic for this scope: cut features or extend it";
    out.push(
      `Stated timeline ${p.req.timeline} (about ${p.timelineWeeks} weeks); the MVP needs ${cal}, so ${verdict}`,
    );
  } else if (p.req.timeline) {
    out.push(`Stated timeline "${p.req.timeline}" is not a duration; the MVP needs ${cal}`);
  } else {
    out.push(`No timeline stated; the MVP needs ${cal}`);
  }
  const cur = p.currency || "";
  const money = (n: number) => `${cur}${thousands(n)}`;
  const cost = `${money(e.costLow)}–${money(e.costHigh)} at an assumed blended rate of ${
    money(ratePerWeek(p.currency))
  } per person-week`;
  if (p.budgetAmount !== undefined && e.budgetFit) {
    const verdict = e.budgetFit === "covers"
      ? "which the budget covers"
      : e.budgetFit === "tight"
      ? "so the budget is tight"
      : "so the budget falls short: reduce the scope or raise funds";
    out.push(`Stated budget ${p.req.budget}; the MVP costs about ${cost}, ${verdict}`);
  } else if (p.req.budget) {
    out.push(`Budget "${p.req.budget}"; the MVP costs about ${cost}`);
  } else {
    out.push(`No budget stated; the MVP costs about ${cost}`);
  }
  if (p.req.scale && p.scaleLevel !== "unknown") {
    out.push(`Sized for ${p.req.scale} (${p.scaleLevel} scale)`);
  }
  return out.slice(0, 50);
}

/**
 * Why a relational database, from the product's own entities: the generic `User` goes last so
 * the sentence names what this product stores (`bookings and invoices, tied to users`).
 */
function relationalReason(entities: readonly string[]): string {
  const own = entities.filter((e) => e !== "user").slice(0, 3);
  if (own.length === 0) return "Accounts and their records with the constraints between them";
  return `${cap(joinAnd(own))} records tied to users and to each other by foreign keys`;
}
