/**
 * The summary stage: turns the validated results into the brief, as Markdown for
 * `complete.data.summary` and as structured data for `complete.data.brief`.
 *
 * @module
 */
import type {
  Brief,
  CustomerAnalysis,
  EngineerAnalysis,
  Evidence,
  ProductAnalysis,
  Requirements,
  RiskAnalysis,
} from "../protocol/brief.js";

import { mdParagraphs, mdText } from "./markdown.ts";

export { mdText };

/** A title for the brief, from the purpose or the idea. */
export function briefTitle(req: Requirements): string {
  const base = (req.purpose ?? req.idea).trim().split(/(?<=[.!?])\s/)[0] ?? "";
  const clipped = base.length > 80 ? `${base.slice(0, 77).trimEnd()}…` : base;
  return clipped.replace(/[.!?]$/, "") || "Product brief";
}

const list = (items: readonly string[]) => items.map((i) => `- ${mdText(i)}`).join("\n");
const row = (cells: readonly string[]) => `| ${cells.map(mdText).join(" | ")} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), `|${head.map(() => " --- ").join("|")}|`, ...rows.map(row)].join("\n");
/** A table whose cells are Markdown already (escaped by the caller). */
const rawTable = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), `|${head.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)]
    .join("\n");

/** Longest quote shown inline; the structured brief keeps the whole quote. */
const QUOTE_CHARS = 80;

/**
 * The compact evidence of a finding: ` — you said *pay in the app*` (the person's words,
 * escaped, clipped), or nothing when the finding has none.
 */
export function saidMd(evidence: readonly Evidence[] | undefined): string {
  const quotes = [...new Set((evidence ?? []).map((e) => e.quote.trim()).filter(Boolean))];
  if (quotes.length === 0) return "";
  const shown = quotes.slice(0, 2).map((q) => {
    const clipped = q.length > QUOTE_CHARS ? `${q.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : q;
    return `*${mdText(clipped)}*`;
  });
  return ` — you said ${shown.join(", ")}`;
}

/** A list of items, each with its compact evidence. */
const listWith = (items: readonly { text: string; evidence?: readonly Evidence[] | undefined }[]) =>
  items.map((i) => `- ${mdText(i.text)}${saidMd(i.evidence)}`).join("\n");

/**
 * What the engine recognised and what it could not analyse: the brief says so instead of
 * guessing. Empty when there is nothing to say.
 */
export function coverageMd(r: Requirements, engine: string): string[] {
  const out: string[] = [];
  const recognised = [...(r.jurisdictions ?? []), ...r.domains, ...r.compliance];
  if (recognised.length > 0) {
    out.push(`- **Recognised:** ${mdText([...new Set(recognised)].join(", "))}`);
  }
  for (const u of r.uncovered ?? []) {
    out.push(
      `- The ${mdText(engine)} engine has no rules for ${mdText(u.label)}${
        saidMd(u.evidence)
      } — run Parley with a model for this part.`,
    );
  }
  if (r.language) {
    out.push(
      `- Your idea is not in English (\`${mdText(r.language)}\`): the ${
        mdText(engine)
      } engine reads English only, so this brief rests on the few words it could match — run Parley with a model for a full analysis.`,
    );
  }
  return out.length > 0 ? ["## Coverage", "", ...out, ""] : [];
}

/**
 * Renders the brief as Markdown. Sections of agents that failed say so instead of
 * vanishing, so the reader knows what is missing.
 */
export function renderBriefMarkdown(brief: Brief, overview: string): string {
  const r = brief.requirements;
  const out: string[] = [`# ${mdText(brief.title)}`, "", mdParagraphs(overview), ""];
  out.push("## Requirements", "");
  const facts: [string, string | readonly string[] | undefined][] = [
    ["Idea", r.idea],
    ["Users", r.users],
    ["Platforms", r.platforms],
    ["Key features", r.features],
    ["Scale", r.scale],
    ["Budget", r.budget],
    ["Timeline", r.timeline],
    ["Compliance", r.compliance],
    ["Later", r.later],
    ["Not in scope", r.excluded],
  ];
  for (const [label, value] of facts) {
    if ((label === "Later" || label === "Not in scope") && !value?.length) continue;
    const v = typeof value === "string" ? value : value?.join(", ");
    out.push(`- **${label}:** ${v ? mdText(v) : "_not stated_"}`);
  }
  out.push("");
  out.push(...coverageMd(r, brief.engine));

  const section = <T>(name: string, title: string, body: (v: T) => string[]) => {
    out.push(`## ${title}`, "");
    const value = brief.results[name] as T | undefined;
    if (value === undefined) out.push(`_The ${name} agent did not produce a result._`);
    else out.push(...body(value));
    out.push("");
  };
  section<ProductAnalysis>("product", "Product", (p) => [
    mdText(p.vision),
    "",
    "### Goals",
    list(p.goals),
    "",
    "### MVP scope",
    list(p.mvpScope),
    ...(p.laterScope.length ? ["", "### Later", list(p.laterScope)] : []),
    "",
    "### Requirements",
    rawTable(
      ["ID", "Requirement", "Priority", "Why"],
      p.requirements.map((q) => [
        mdText(q.id),
        mdText(q.text),
        mdText(q.priority),
        mdText(q.rationale) + saidMd(q.evidence),
      ]),
    ),
    "",
    "### User stories",
    list(p.userStories.map((s) => `As ${s.asA}, I want ${s.iWant} so that ${s.soThat}.`)),
  ]);
  section<CustomerAnalysis>("customer", "Customers", (c) => [
    "### Segments",
    listWith(c.segments.map((s) => ({ ...s, text: `${s.name}: ${s.description}` }))),
    "",
    "### Jobs to be done",
    list(c.jobs),
    "",
    "### Pains",
    list(c.pains),
    "",
    "### Adoption risks",
    list(c.adoptionRisks),
  ]);
  section<EngineerAnalysis>("engineer", "Engineering", (e) => [
    "### Components",
    list(e.components.map((c) => `${c.name}: ${c.responsibility}`)),
    "",
    "### Stack",
    table(["Layer", "Choice", "Why"], e.stack.map((s) => [s.layer, s.choice, s.reason])),
    ...(e.integrations.length
      ? [
        "",
        "### Integrations",
        listWith(e.integrations.map((i) => ({ ...i, text: `${i.name}: ${i.purpose}` }))),
      ]
      : []),
    "",
    "### Effort",
    `Size **${
      mdText(e.effort.size)
    }**, about ${e.effort.personWeeksLow}–${e.effort.personWeeksHigh} person-weeks (${
      mdText(e.effort.team)
    })${saidMd(e.effort.evidence)}.`,
  ]);
  section<RiskAnalysis>("risk", "Risks", (k) => [
    rawTable(
      ["ID", "Risk", "Category", "Likelihood", "Impact", "Mitigation"],
      k.risks.map((x) => [
        mdText(x.id),
        mdText(x.title) + saidMd(x.evidence),
        mdText(x.category),
        mdText(x.likelihood),
        mdText(x.impact),
        mdText(x.mitigation),
      ]),
    ),
  ]);
  if (brief.transcript.length) {
    out.push("## Interview", "");
    for (const qa of brief.transcript) {
      out.push(`- **${mdText(qa.question)}**  `, `  ${mdText(qa.answer) || "_no answer_"}`);
    }
    out.push("");
  }
  out.push(`---`, `_Generated by Parley with the ${mdText(brief.engine)} engine._`, "");
  return out.join("\n");
}
