/**
 * The offline Risk analyst: a register built from what the person said. Each recognised
 * domain contributes its specific risks; then scale, timeline and budget tightness,
 * platforms and features. Every risk carries the words it rests on; a risk without them
 * is not emitted, so the register holds nothing that would be true of any idea.
 *
 * @module
 */
import type { Evidence, RiskAnalysis } from "../../protocol/brief.js";
import type { RiskSeed } from "./types.ts";
import { evidenceOf, type Profile } from "./profile.ts";
import { findingsOf } from "./findings.ts";
import { cap, joinAnd, thousands } from "./text.ts";

/** A risk before it gets an id, with the person's words behind it. */
type Seed = RiskSeed & { evidence?: Evidence[] | undefined };

/** Derives the risk register from a profile. */
export function riskAnalysis(p: Profile): RiskAnalysis {
  const w = p.wording;
  const seeds: Seed[] = [];
  for (const f of findingsOf(p.detection, "risks")) seeds.push({ ...f.item, evidence: f.evidence });
  for (const d of p.domains) {
    const evidence = evidenceOf(p, `domains:${d.id}`);
    for (const r of d.risks(w)) seeds.push({ ...r, evidence });
  }
  seeds.push(...planRisks(p));
  seeds.push(...platformRisks(p));
  seeds.push(...featureRisks(p));
  const seen = new Set<string>();
  const unique = seeds.filter((s) => s.evidence && !seen.has(s.title) && seen.add(s.title));
  if (unique.length === 0) {
    // The schema needs one risk; the only one the idea alone supports is that it is untested.
    unique.push({
      title: `Demand for ${p.core?.label ?? "the core flow"} is untested`,
      category: "market",
      likelihood: "medium",
      impact: "high",
      mitigation:
        "Put a clickable prototype of that one flow in front of the first group you named and count who comes back",
      evidence: p.ideaEvidence,
    });
  }
  return {
    risks: unique.slice(0, 40).map(({ evidence, ...s }, i) => ({
      id: `R${i + 1}`,
      ...s,
      ...(evidence ? { evidence } : {}),
    })),
  };
}

function planRisks(p: Profile): Seed[] {
  const e = p.effort;
  const out: Seed[] = [];
  const money = (n: number) => `${p.currency}${thousands(n)}`;
  if (p.scaleLevel === "large") {
    out.push({
      evidence: evidenceOf(p, "scale"),
      title: "Load at the expected scale overwhelms a single database and API instance",
      category: "technical",
      likelihood: "medium",
      impact: "high",
      mitigation:
        "Load-test at twice the expected peak before launch; caching, read replicas, queues for slow work, autoscaling",
    });
  }
  if (e.feasibility === "unrealistic" || e.feasibility === "tight") {
    out.push({
      evidence: evidenceOf(p, "timeline"),
      title: `About ${p.timelineWeeks} weeks is ${
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
      evidence: evidenceOf(p, "timeline"),
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
      evidence: evidenceOf(p, "budget"),
      title: `A budget of ${money(p.budgetAmount ?? 0)} ${
        e.budgetFit === "short" ? "does not cover" : "barely covers"
      } the estimated MVP cost of ${money(e.costLow)}–${money(e.costHigh)}`,
      category: "financial",
      likelihood: e.budgetFit === "short" ? "high" : "medium",
      impact: "high",
      mitigation: budgetMitigation(p),
    });
  } else if (!p.req.budget || /not fixed|no dedicated/.test(p.req.budget)) {
    out.push({
      evidence: evidenceOf(p, "budget"),
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

function platformRisks(p: Profile): Seed[] {
  const out: Seed[] = [];
  // Review is a real risk where Apple has rules for what the app does: payments, children.
  if (p.platforms.includes("iOS") && (p.has("payments") || p.has("children"))) {
    out.push({
      evidence: evidenceOf(p, "platforms:iOS"),
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
      evidence: evidenceOf(p, ...p.platforms.map((x) => `platforms:${x}`)),
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
      evidence: evidenceOf(p, "platforms:Browser extension"),
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

function featureRisks(p: Profile): Seed[] {
  const out: Seed[] = [];
  const f = new Set(p.req.features);
  if (f.has("in-app chat") && p.has("marketplace")) {
    out.push({
      evidence: evidenceOf(p, "features:in-app chat", "domains:marketplace"),
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
      evidence: evidenceOf(p, "features:offline mode"),
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
      evidence: evidenceOf(p, "features:notifications"),
      title: "Too many notifications make people mute or uninstall",
      category: "market",
      likelihood: "medium",
      impact: "low",
      mitigation: "Per-type preferences, batching, and a weekly cap per person",
    });
  }
  return out;
}

/**
 * How to live within a short budget: cut to the core and, when an off-the-shelf product
 * already does part of the job, name it; otherwise say which features wait.
 */
function budgetMitigation(p: Profile): string {
  const core = p.core?.label ?? "the core flow";
  const buy = p.detection.alternatives.find((a) => a.entry.kind === "buy");
  if (buy) {
    return `Cut the MVP to ${core} and start on ${
      joinAnd(buy.entry.products.slice(0, 2), "or")
    } for the rest until the pilot shows what is worth building`;
  }
  const cut = p.mvp.filter((f) => f !== p.core).slice(0, 3).map((f) => f.label);
  return cut.length > 0
    ? `Cut the MVP to ${core}; ${joinAnd(cut)} wait for the money the pilot brings`
    : `Build ${core} alone first and fund the next step from the pilot`;
}
