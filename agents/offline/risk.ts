/**
 * The offline Risk analyst: a register built from the domain tables (each recognised
 * domain contributes its specific risks), then scale, timeline and budget tightness,
 * platforms and features, and the market risk every new product carries.
 *
 * @module
 */
import type { RiskAnalysis } from "../../protocol/brief.js";
import type { RiskSeed } from "./types.ts";
import type { Profile } from "./profile.ts";
import { cap, joinAnd } from "./text.ts";

/** Derives the risk register from a profile. */
export function riskAnalysis(p: Profile): RiskAnalysis {
  const w = p.wording;
  const seeds: RiskSeed[] = [];
  for (const d of p.domains) seeds.push(...d.risks(w));
  seeds.push(...planRisks(p));
  seeds.push(...platformRisks(p));
  seeds.push(...featureRisks(p));
  seeds.push({
    title: `${cap(w.consumers)} don't see enough gain over their current workaround to switch`,
    category: "market",
    likelihood: "medium",
    impact: "high",
    mitigation: `Interview ten ${w.consumers}${w.inMarket} before building, test ${
      p.core?.label ?? "the core flow"
    } with a clickable prototype, and set a retention target for the pilot`,
  });
  const seen = new Set<string>();
  const unique = seeds.filter((s) => !seen.has(s.title) && seen.add(s.title));
  return { risks: unique.slice(0, 40).map((s, i) => ({ id: `R${i + 1}`, ...s })) };
}

function planRisks(p: Profile): RiskSeed[] {
  const e = p.effort;
  const out: RiskSeed[] = [];
  if (p.scaleLevel === "large") {
    out.push({
      title: `Load at ${p.req.scale} overwhelms a single database and API instance`,
      category: "technical",
      likelihood: "medium",
      impact: "high",
      mitigation:
        "Load-test at twice the expected peak before launch; caching, read replicas, queues for slow work, autoscaling",
    });
  } else if (p.scaleLevel === "unknown") {
    out.push({
      title: "Expected scale is unknown, so infrastructure is sized on a guess",
      category: "technical",
      likelihood: "low",
      impact: "medium",
      mitigation:
        "Start on managed services that scale vertically; add load tests once the pilot shows real traffic",
    });
  }
  if (e.feasibility === "unrealistic" || e.feasibility === "tight") {
    out.push({
      title: `Timeline of ${p.req.timeline} is ${
        e.feasibility === "tight" ? "tight" : "too short"
      } for ${e.personWeeksLow}–${e.personWeeksHigh} person-weeks of MVP work`,
      category: "operational",
      likelihood: e.feasibility === "tight" ? "medium" : "high",
      impact: "high",
      mitigation: `Freeze the MVP to ${
        joinAnd(p.mvp.slice(0, 3).map((f) => f.label))
      }, release to a pilot group first, and move everything else to later`,
    });
  } else if (/^ASAP$|as soon as possible/i.test(p.req.timeline ?? "")) {
    out.push({
      title: '"ASAP" pressure pushes quality and security work out of the plan',
      category: "operational",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Agree a dated MVP scope, keep security and data-protection tasks in it, ship weekly to a pilot group",
    });
  }
  if (e.budgetFit === "short" || e.budgetFit === "tight") {
    out.push({
      title: `Budget of ${p.req.budget} ${
        e.budgetFit === "short" ? "does not cover" : "barely covers"
      } the estimated MVP cost`,
      category: "financial",
      likelihood: e.budgetFit === "short" ? "high" : "medium",
      impact: "high",
      mitigation:
        "Cut the MVP to the core flow, use managed services over custom builds, and stage spending behind pilot milestones",
    });
  } else if (!p.req.budget || /not fixed|no dedicated/.test(p.req.budget)) {
    out.push({
      title: "No fixed budget, so scope can grow without a limit",
      category: "financial",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        `Set a cap for the MVP (the estimate is ${e.personWeeksLow}–${e.personWeeksHigh} person-weeks) and review it at each milestone`,
    });
  }
  return out;
}

function platformRisks(p: Profile): RiskSeed[] {
  const out: RiskSeed[] = [];
  if (p.platforms.includes("iOS")) {
    out.push({
      title: "App Store review rejects or delays a release",
      category: "operational",
      likelihood: p.has("payments") || p.has("children") ? "medium" : "low",
      impact: "medium",
      mitigation:
        "Read the review guidelines for payments and accounts early, submit a beta through TestFlight weeks before launch, keep a web fallback",
    });
  }
  if (p.platforms.length >= 3) {
    out.push({
      title: `Keeping ${joinAnd(p.platforms)} in step doubles testing and slows releases`,
      category: "technical",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Shared code and API contracts, one design system, automated end-to-end tests per platform",
    });
  }
  if (p.platforms.includes("Browser extension")) {
    out.push({
      title: "Browser store policy changes break or delist the extension",
      category: "operational",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Request minimal permissions, follow Manifest V3, keep the core usable on the web",
    });
  }
  return out;
}

function featureRisks(p: Profile): RiskSeed[] {
  const out: RiskSeed[] = [];
  const f = new Set(p.req.features);
  if (f.has("in-app chat") && p.has("marketplace")) {
    out.push({
      title: `${
        cap(p.wording.consumers)
      } and ${p.wording.providers} move off-platform after the first contact`,
      category: "market",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Mask phone numbers and e-mails in chat until a booking is paid, and give value for staying (insurance, payouts, reviews)",
    });
  }
  if (f.has("offline mode")) {
    out.push({
      title: "Edits made offline conflict when devices sync",
      category: "technical",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Per-record versions with last-writer-wins only for low-value fields; conflict UI for the rest; sync tests in CI",
    });
  }
  if (f.has("notifications")) {
    out.push({
      title: "Too many notifications make people mute or uninstall",
      category: "market",
      likelihood: "medium",
      impact: "low",
      mitigation: "Per-type preferences, batching, and a weekly cap per person",
    });
  }
  if (!p.domains.some((d) => d.risks(p.wording).some((r) => r.category === "security"))) {
    out.push({
      title: "Account takeover through reused or weak passwords",
      category: "security",
      likelihood: "medium",
      impact: "medium",
      mitigation: "Passkeys or e-mail sign-in links, rate-limited login, breached-password checks",
    });
  }
  return out;
}
