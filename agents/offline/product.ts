/**
 * The offline Product analyst: vision, goals, user stories from the actual users and
 * features, the MVP cut, MoSCoW requirements (regulations are musts) and success metrics.
 *
 * @module
 */
import type { ProductAnalysis } from "../../protocol/brief.js";
import type { Actor, Wording } from "./types.ts";
import type { Evidence } from "../../protocol/brief.js";
import { evidenceOf, type FeatureRef, type Profile, type UserRef, whoWants } from "./profile.ts";
import { findingsOf } from "./findings.ts";
import { featureComponent } from "./component.ts";
import { cap, clip, joinAnd, lowerFirst, singular } from "./text.ts";

type Story = ProductAnalysis["userStories"][number];
type Requirement = ProductAnalysis["requirements"][number];

/** Derives the product analysis from a profile. */
export function productAnalysis(p: Profile): ProductAnalysis {
  const w = p.wording;
  const users = p.users.map((u) => u.label);
  const purpose = p.req.purpose ?? cap(clip(p.req.idea, 200)) ?? cap(p.subject);
  const core = (p.core ? [p.core, ...p.mvp.filter((f) => f !== p.core)] : p.mvp).slice(0, 3)
    .map((f) => f.label);
  const vision = clip(
    `${purpose}. ${cap(p.subject)} serves ${joinAnd(users.slice(0, 4))} on ${
      joinAnd(p.platforms)
    }` +
      (core.length > 0 ? `, built around ${joinAnd(core)}` : "") + ".",
    2_000,
  );
  return {
    vision,
    goals: goals(p),
    userStories: stories(p),
    mvpScope: mvpScope(p),
    laterScope: laterScope(p),
    requirements: requirements(p),
    successMetrics: metrics(p, w),
  };
}

function goals(p: Profile): string[] {
  const w = p.wording;
  const first = p.core?.label ?? "the core flow";
  // Goals name the product's own core flow; the timeline and budget are in the requirements.
  const out = [
    p.core?.info
      ? `Show that ${p.core.label} works, measured by ${lowerFirst(p.core.info.metric(w))}`
      : `Prove that ${first} works for ${w.consumers} in a pilot`,
  ];
  for (const d of p.domains) if (d.goal) out.push(d.goal(w));
  return out.slice(0, 8);
}

/** The user group that wants a feature: see {@link whoWants}; custom features go to consumers. */
function actorFor(p: Profile, actor: Actor): UserRef {
  return p.users.find((u) => u.actor === actor) ?? p.users.find((u) => u.actor === "consumer") ??
    p.users[0]!;
}

function stories(p: Profile): Story[] {
  const w = p.wording;
  const out: Story[] = [];
  const twoSided = p.users.some((u) => u.actor === "provider") &&
    p.users.some((u) => u.actor === "consumer");
  const all = [...p.mvp, ...p.later];
  for (const f of all) {
    const priority = p.mvp.includes(f) ? "must" : p.later.indexOf(f) < 2 ? "should" : "could";
    if (f.info) {
      const user = whoWants(p, f.info);
      out.push({
        asA: singular(user.label),
        iWant: `to ${f.info.want(w)}`,
        soThat: f.info.soThat(w),
        priority,
      });
      const ps = f.info.providerStory;
      if (ps && twoSided) {
        out.push({
          asA: singular(actorFor(p, "provider").label),
          iWant: `to ${ps.want(w)}`,
          soThat: ps.soThat,
          priority,
        });
      }
    } else if (p.req.purpose && all.every((g) => !g.info)) {
      // A feature the tables do not know: its reason is the idea, quoted, not a template.
      out.push({
        asA: singular(actorFor(p, "consumer").label),
        iWant: `to ${lowerFirst(f.label).replace(/^to /, "")}`,
        soThat: `“${clip(p.req.purpose, 120)}” works for me`,
        priority,
      });
    }
  }
  // Staff who run the product need their own story, or support ends up in the database.
  const operator = p.users.find((u) => u.actor === "operator");
  if (operator && !all.some((f) => f.info?.actor === "operator")) {
    out.push({
      asA: singular(operator.label),
      iWant: `to see what is happening across ${p.subject} in one place`,
      soThat: "I can step in before small problems become big ones",
      priority: "should",
    });
  }
  if (out.length === 0) {
    out.push({
      asA: singular(actorFor(p, "consumer").label),
      iWant: `to use ${p.subject}`,
      soThat: `“${clip(p.req.purpose ?? p.req.idea, 120) || p.subject}” works for me`,
      priority: "must",
    });
  }
  return out.slice(0, 30);
}

function mvpScope(p: Profile): string[] {
  const out = p.mvp.map((f) => cap(f.label));
  out.push(
    `${joinAnd(p.platforms)} client${p.platforms.length > 1 ? "s" : ""}${
      p.platformsAssumed ? " (assumed)" : ""
    }`,
  );
  for (const d of p.domains) for (const m of d.musts(p.wording)) out.push(m.text);
  return out.slice(0, 50);
}

function laterScope(p: Profile): string[] {
  const out = p.later.map((f) => cap(f.label));
  if (p.platforms.length === 1 && p.platforms[0] === "Web" && p.has("marketplace")) {
    out.push("Native iOS and Android apps once repeat use is proven");
  }
  if (p.has("enterprise")) out.push("SOC 2 Type II audit (readiness starts in the MVP)");
  if (p.has("ai")) out.push("Fine-tuned or self-hosted models once usage patterns are known");
  if (p.has("iot")) out.push("Predictive maintenance on the collected telemetry");
  return out.slice(0, 50);
}

type Draft = Omit<Requirement, "id" | "evidence"> & { evidence?: Evidence[] | undefined };

/**
 * MoSCoW requirements, each resting on the person's words: their features, what the
 * knowledge base found (regulations, domains, places), their platforms and scale. A
 * requirement without evidence is not a finding and is left out.
 */
function requirements(p: Profile): Requirement[] {
  const w = p.wording;
  const out: Draft[] = [];
  for (const f of p.mvp) {
    out.push({
      text: cap(
        f.info ? `${f.label} for ${whoWants(p, f.info).label}${detailOf(f, p)}` : f.label,
      ),
      priority: "must",
      rationale: coreRationale(f, p),
      evidence: evidenceOf(p, `features:${f.label}`),
    });
  }
  for (const [i, f] of p.later.entries()) {
    out.push({
      text: cap(f.label),
      priority: i < 2 ? "should" : "could",
      rationale: p.effort.feasibility === "unrealistic" || p.effort.feasibility === "tight"
        ? `Valuable, but a timeline of about ${p.timelineWeeks} weeks leaves no room for it in the first release`
        : `Deferred: ${p.core?.label ?? "the core flow"} proves the idea without ${f.label}`,
      evidence: evidenceOf(p, `features:${f.label}`, `later:${f.label}`),
    });
  }
  for (const f of findingsOf(p.detection, "requirements")) {
    out.push({
      text: f.item.text,
      priority: f.item.priority ?? "must",
      rationale: f.item.rationale,
      evidence: f.evidence,
    });
  }
  const regulationLabels = new Set(p.detection.regulations.map((r) => r.label));
  for (const c of p.req.compliance) {
    const stated = c.startsWith("Constraint: ");
    // A regulation the knowledge base found brings its own, concrete requirements.
    // (It is listed under Compliance; "Comply with X" would add nothing.)
    if (regulationLabels.has(c)) continue;
    out.push({
      text: stated ? cap(c.slice(12)) : `Comply with ${c}`,
      priority: "must",
      rationale: stated
        ? "Constraint stated by the person"
        : `${c.split(/\s*[(:]/)[0]} applies here`,
      evidence: evidenceOf(p, `compliance:${c}`) ??
        (stated ? evidenceOf(p, "compliance") : undefined),
    });
  }
  for (const d of p.domains) {
    const evidence = evidenceOf(p, `domains:${d.id}`);
    for (const m of d.musts(w)) {
      out.push({ text: m.text, priority: "must", rationale: m.rationale, evidence });
    }
  }
  for (const x of p.req.excluded ?? []) {
    out.push({
      text: cap(x),
      priority: "wont",
      rationale: `${cap(x)} stays out of the first version by the person's choice`,
      evidence: evidenceOf(p, `excluded:${x}`),
    });
  }
  if (p.req.scale && p.scaleLevel !== "unknown") {
    out.push({
      text: `Handles the expected ${p.scaleLevel} scale with p95 response times under 500 ms`,
      priority: p.scaleLevel === "large" ? "must" : "should",
      rationale: `Keeps ${
        p.core?.label ?? "the core flow"
      } responsive at the load the person expects`,
      evidence: evidenceOf(p, "scale"),
    });
  }
  for (const d of p.domains) {
    const evidence = evidenceOf(p, `domains:${d.id}`);
    for (const x of d.wont) {
      out.push({ text: x.text, priority: "wont", rationale: x.rationale, evidence });
    }
  }
  const seen = new Set<string>();
  const kept = out.filter((r) => r.evidence && !seen.has(r.text) && seen.add(r.text));
  if (kept.length === 0) {
    // The schema needs one requirement: the idea itself, as the person told it.
    kept.push({
      text: cap(p.req.purpose ?? p.subject),
      priority: "must",
      rationale: "The idea as the person described it",
      evidence: p.ideaEvidence,
    });
  }
  return kept.slice(0, 50).map(({ evidence, ...r }, i) => ({
    id: `R${i + 1}`,
    ...r,
    ...(evidence ? { evidence } : {}),
  }));
}

/** What a feature covers, from its component, so requirements are concrete. */
function detailOf(f: FeatureRef, p: Profile): string {
  const r = featureComponent(f, p)?.responsibility;
  return r ? `: ${r[0]!.toLowerCase()}${r.slice(1)}` : "";
}

function coreRationale(f: FeatureRef, p: Profile): string {
  const domains = (f.info?.domains ?? []).filter((d) => p.has(d));
  if (!f.info) return "Asked for by the person";
  if (domains.length > 0) return `Part of the core ${domains[0]} flow of ${p.subject}`;
  return f === p.core
    ? `${cap(f.label)} is what the first release is for`
    : `${cap(f.label)} supports ${p.core?.label ?? "the core flow"} in the first release`;
}

function metrics(p: Profile, w: Wording): string[] {
  const out: string[] = [];
  for (const f of p.mvp) if (f.info) out.push(f.info.metric(w));
  for (const d of p.domains) if (d.metric) out.push(d.metric(w));
  out.push(`Weekly active ${w.consumers} and week-4 retention`);
  if (p.req.timeline && p.timelineWeeks !== undefined) {
    out.push(`MVP live within ${p.req.timeline}`);
  }
  return [...new Set(out)].slice(0, 12);
}
