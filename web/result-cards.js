// @ts-check
/**
 * Cards for agent results, rendered from their structured data (protocol/brief.js) as
 * lists and tables; the risk register also as a likelihood × impact grid. Data that does
 * not match its schema (a newer server, another agent) falls back to a generic view.
 * Everything is text in Lit templates: no markup from the server is ever parsed.
 *
 * @module
 */
import { html, nothing } from "lit";

/** @type {typeof import("../protocol/brief.js") | null} */
let schemas = null;

/**
 * Resolves once the result schemas (protocol/brief.js, with zod) have loaded; until then
 * cards use the generic view. Loaded in the background so zod never delays first render.
 */
export const schemasReady = import("../protocol/brief.js").then((m) => (schemas = m));
schemasReady.catch(() => {}); // cards stay generic

/** Whether {@link schemasReady} has resolved. */
export function schemasLoaded() {
  return schemas !== null;
}

/** @typedef {import("lit").TemplateResult} TemplateResult */
/** A card's words by their English text (`t("Goals")`). @typedef {(english: string) => string} Words */

/** @type {Words} */
const same = (english) => english;
/** @typedef {import("../protocol/brief.js").ClarifierResult} ClarifierResultT */
/** @typedef {import("../protocol/brief.js").ProductAnalysis} ProductAnalysisT */
/** @typedef {import("../protocol/brief.js").CustomerAnalysis} CustomerAnalysisT */
/** @typedef {import("../protocol/brief.js").EngineerAnalysis} EngineerAnalysisT */
/** @typedef {import("../protocol/brief.js").RiskAnalysis} RiskAnalysisT */

/**
 * The body of an agent's card.
 * @param {string} agent
 * @param {unknown} data
 * @param {Words} [t] The card's words, by their English text (default: English).
 * @returns {TemplateResult}
 */
export function resultBody(agent, data, t = same) {
  const z = schemas;
  if (!z) return html`<div class="generic">${generic(data, 0)}</div>`;
  const { ClarifierResult, CustomerAnalysis, EngineerAnalysis, ProductAnalysis, RiskAnalysis } = z;
  switch (agent) {
    case "clarifier": {
      const r = ClarifierResult.safeParse(data);
      if (r.success) return clarifier(r.data, t);
      break;
    }
    case "product": {
      const r = ProductAnalysis.safeParse(data);
      if (r.success) return product(r.data, t);
      break;
    }
    case "customer": {
      const r = CustomerAnalysis.safeParse(data);
      if (r.success) return customer(r.data, t);
      break;
    }
    case "engineer": {
      const r = EngineerAnalysis.safeParse(data);
      if (r.success) return engineer(r.data, t);
      break;
    }
    case "risk": {
      const r = RiskAnalysis.safeParse(data);
      if (r.success) return risk(r.data, t);
      break;
    }
  }
  return html`<div class="generic">${generic(data, 0)}</div>`;
}

/**
 * The body of an agent's card from its result so far (a `delta` frame's `partial`): the
 * same views as {@link resultBody}, with what has not arrived yet left out. Needs no
 * schema: every field is taken only if it has the right type.
 * @param {string} agent
 * @param {unknown} partial
 * @param {Words} [t] The card's words, by their English text (default: English).
 * @returns {TemplateResult}
 */
export function partialBody(agent, partial, t = same) {
  const shape = PARTIAL_SHAPES[agent];
  if (!shape || typeof partial !== "object" || partial === null || Array.isArray(partial)) {
    return html`<div class="generic">${generic(partial, 0)}</div>`;
  }
  const value = /** @type {any} */ (fill(partial, shape));
  switch (agent) {
    case "product":
      return product(value, t);
    case "customer":
      return customer(value, t);
    case "engineer":
      return engineer(value, t);
    default:
      return risk(value, t);
  }
}

/**
 * What each built-in analyst's result looks like, for {@link fill}: `"s"` a string,
 * `"n"` a number, `[x]` a list of x, `{…}` an object.
 * @typedef {"s" | "n" | ShapeList | ShapeObject} Shape
 */
/** @typedef {Shape[]} ShapeList */
/** @typedef {{ [key: string]: Shape }} ShapeObject */
/** @type {Readonly<Record<string, Shape>>} */
const PARTIAL_SHAPES = {
  product: {
    vision: "s",
    goals: ["s"],
    userStories: [{ asA: "s", iWant: "s", soThat: "s", priority: "s" }],
    mvpScope: ["s"],
    laterScope: ["s"],
    requirements: [{ id: "s", text: "s", priority: "s", rationale: "s" }],
    successMetrics: ["s"],
  },
  customer: {
    segments: [{ name: "s", description: "s" }],
    personas: [{ name: "s", role: "s", goals: ["s"], frustrations: ["s"] }],
    jobs: ["s"],
    pains: ["s"],
    adoptionRisks: ["s"],
    channels: ["s"],
  },
  engineer: {
    components: [{ name: "s", responsibility: "s" }],
    platforms: ["s"],
    data: [{ entity: "s", notes: "s" }],
    integrations: [{ name: "s", purpose: "s" }],
    stack: [{ layer: "s", choice: "s", reason: "s" }],
    effort: { size: "s", personWeeksLow: "n", personWeeksHigh: "n", team: "s", assumptions: ["s"] },
  },
  risk: {
    risks: [{
      id: "s",
      title: "s",
      category: "s",
      likelihood: "s",
      impact: "s",
      mitigation: "s",
    }],
  },
};

/**
 * `value` in the given shape: missing or mistyped fields become `""`, `null` or `[]`, and
 * empty strings drop out of lists (a list item still being written is kept).
 * @param {unknown} value
 * @param {Shape} shape
 * @returns {unknown}
 */
function fill(value, shape) {
  if (shape === "s") return typeof value === "string" ? value : "";
  if (shape === "n") return typeof value === "number" && Number.isFinite(value) ? value : null;
  if (Array.isArray(shape)) {
    const item = /** @type {Shape} */ (shape[0]);
    if (!Array.isArray(value)) return [];
    return value.slice(0, 50).map((v) => fill(v, item)).filter((v) => v !== "");
  }
  const obj = typeof value === "object" && value !== null ? value : {};
  return Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [k, fill(Reflect.get(obj, k), s)]),
  );
}

/**
 * @param {string} title
 * @param {readonly string[]} items
 */
function listSection(title, items) {
  if (items.length === 0) return nothing;
  return html`
    <h4>${title}</h4>
    <ul>${items.map((i) => html`<li>${i}</li>`)}</ul>
  `;
}

/**
 * @param {readonly string[]} head
 * @param {readonly (readonly (string | number | TemplateResult | typeof nothing)[])[]} rows
 * @param {string} [caption]
 */
function table(head, rows, caption) {
  if (rows.length === 0) return nothing;
  return html`
    <div class="table-wrap">
      <table>
        ${caption ? html`<caption>${caption}</caption>` : nothing}
        <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
      </table>
    </div>
  `;
}

/** Ids for the "why?" tooltips, unique within a shadow root. */
let whyIds = 0;

/**
 * A "Why?" button whose tooltip quotes the person's words a finding rests on; shown on
 * hover and on keyboard focus. Nothing without evidence.
 * @param {readonly {quote: string, questionId?: string | undefined, rule: string}[] | undefined} evidence
 * @param {Words} [t]
 * @returns {TemplateResult | typeof nothing}
 */
export function why(evidence, t = same) {
  if (!Array.isArray(evidence) || evidence.length === 0) return nothing;
  const id = `why-${++whyIds}`;
  return html`<span class="why" part="why"><button type="button" class="why-button"
    aria-describedby=${id}>${t("Why?")}</button><span class="tip" role="tooltip" id=${id}>${
    evidence.slice(0, 8).map((e) =>
      html`<span class="tip-line">“${e.quote}”<span class="rule"> · ${e.rule}</span></span>`
    )
  }</span></span>`;
}

/**
 * @param {string} p
 * @param {Words} [t]
 */
function priority(p, t = same) {
  if (!p) return nothing;
  return html`<span class="tag tag-${p}">${t(p)}</span>`;
}

/**
 * @param {ClarifierResultT} c
 * @param {Words} t
 */
function clarifier(c, t) {
  const r = c.requirements;
  /** @type {[string, string | readonly string[] | undefined][]} */
  const facts = [
    ["Idea", r.idea],
    ["Purpose", r.purpose],
    ["Users", r.users],
    ["Platforms", r.platforms],
    ["Features", r.features],
    ["Scale", r.scale],
    ["Budget", r.budget],
    ["Timeline", r.timeline],
    ["Compliance", r.compliance],
    ["Domains", r.domains],
    ["Notes", r.notes],
    ["Later", r.later],
    ["Not included", r.excluded],
    ["Countries", r.jurisdictions],
  ];
  const slots = /** @type {Record<string, string>} */ ({
    Idea: "idea",
    Purpose: "purpose",
    Users: "users",
    Platforms: "platforms",
    Features: "features",
    Scale: "scale",
    Budget: "budget",
    Timeline: "timeline",
    Compliance: "compliance",
    Domains: "domains",
    Notes: "notes",
    Later: "later",
    "Not included": "excluded",
    Countries: "jurisdictions",
  });
  const evidence = r.evidence ?? {};
  /** @param {string} label */
  const slotEvidence = (label) => {
    const slot = slots[label] ?? "";
    return Object.entries(evidence)
      .filter(([k]) => k === slot || k.startsWith(`${slot}:`))
      .flatMap(([, v]) => v);
  };
  const shown = facts.filter(([, v]) => (typeof v === "string" ? v.trim() : v?.length));
  return html`
    <p class="meta">${t("Round")} ${c.round}${c.done ? ` · ${t("complete")}` : ""}</p>
    <dl class="facts">${shown.map(([k, v]) =>
      html`
        <dt>${t(k)}</dt>
        <dd>${typeof v === "string" ? v : v?.join(", ")} ${why(slotEvidence(k), t)}</dd>
      `
    )}</dl>
    ${c.missing.length
      ? html`<p class="meta">${t("Still unknown")}: ${c.missing.join(", ")}</p>`
      : nothing}
  `;
}

/**
 * @param {ProductAnalysisT} p
 * @param {Words} t
 */
function product(p, t) {
  return html`
    ${p.vision ? html`<p class="lead">${p.vision}</p>` : nothing}
    ${listSection(t("Goals"), p.goals)}
    ${listSection(t("MVP scope"), p.mvpScope)}
    ${listSection(t("Later"), p.laterScope)}
    ${p.requirements.length ? html`<h4>${t("Requirements")}</h4>` : nothing}
    ${table(
      [t("ID"), t("Requirement"), t("Priority"), t("Why")],
      p.requirements.map((r) => [
        r.id,
        html`${r.text} ${why(r.evidence, t)}`,
        priority(r.priority, t),
        r.rationale,
      ]),
    )}
    ${p.userStories.length ? html`<h4>${t("User stories")}</h4>` : nothing}
    ${table(
      [t("As a"), t("I want"), t("So that"), t("Priority")],
      p.userStories.map((s) => [s.asA, s.iWant, s.soThat, priority(s.priority, t)]),
    )}
    ${listSection(t("Success metrics"), p.successMetrics)}
  `;
}

/**
 * @param {CustomerAnalysisT} c
 * @param {Words} t
 */
function customer(c, t) {
  return html`
    ${c.segments.length ? html`<h4>${t("Segments")}</h4>` : nothing}
    <dl class="facts">${c.segments.map((s) =>
      html`
        <dt>${s.name}</dt>
        <dd>${s.description} ${why(s.evidence, t)}</dd>
      `
    )}</dl>
    ${c.personas.length ? html`<h4>${t("Personas")}</h4>` : nothing}
    <div class="personas">${c.personas.map((p) =>
      html`<div class="persona">
        <strong>${p.name}</strong> <span class="meta">${p.role}</span>
        ${p.goals.length ? html`<p><em>${t("Goals")}:</em> ${p.goals.join("; ")}</p>` : nothing}
        ${
        p.frustrations.length
          ? html`<p><em>${t("Frustrations")}:</em> ${p.frustrations.join("; ")}</p>`
          : nothing
      }
      </div>`
    )}</div>
    ${listSection(t("Jobs to be done"), c.jobs)}
    ${listSection(t("Pains"), c.pains)}
    ${listSection(t("Adoption risks"), c.adoptionRisks)}
    ${listSection(t("Channels"), c.channels)}
  `;
}

/**
 * @param {EngineerAnalysisT} e
 * @param {Words} t
 */
function engineer(e, t) {
  const x = e.effort;
  // A partial result may have no effort yet, or only part of it.
  const weeks = x.personWeeksLow != null && x.personWeeksHigh != null
    ? html`, ${t("about")} ${x.personWeeksLow}–${x.personWeeksHigh} ${t("person-weeks")}`
    : nothing;
  return html`
    ${x.size
      ? html`<p class="lead">${t("Size")} <strong>${x.size}</strong>${weeks}${
        x.team ? ` · ${x.team}` : ""
      } ${why(x.evidence, t)}</p>`
      : nothing}
    ${table(
      [t("Component"), t("Responsibility")],
      e.components.map((c) => [c.name, c.responsibility]),
    )}
    ${e.stack.length ? html`<h4>${t("Stack")}</h4>` : nothing}
    ${table([t("Layer"), t("Choice"), t("Why")], e.stack.map((s) => [s.layer, s.choice, s.reason]))}
    ${listSection(t("Platforms"), e.platforms)}
    ${e.data.length ? html`<h4>${t("Data")}</h4>` : nothing}
    ${table([t("Entity"), t("Notes")], e.data.map((d) => [d.entity, d.notes]))}
    ${e.integrations.length ? html`<h4>${t("Integrations")}</h4>` : nothing}
    ${table(
      [t("Integration"), t("Purpose")],
      e.integrations.map((i) => [i.name, html`${i.purpose} ${why(i.evidence, t)}`]),
    )}
    ${listSection(t("Assumptions"), x.assumptions)}
  `;
}

const LEVELS = /** @type {const} */ (["low", "medium", "high"]);

/**
 * @param {RiskAnalysisT} r
 * @param {Words} t
 */
function risk(r, t) {
  const grid = LEVELS.toReversed().map((likelihood) =>
    html`<tr>
      <th scope="row">${t(likelihood)}</th>
      ${
      LEVELS.map((impact) => {
        const here = r.risks.filter((k) => k.likelihood === likelihood && k.impact === impact);
        const score = LEVELS.indexOf(likelihood) + LEVELS.indexOf(impact);
        return html`<td class="cell sev-${score}" title=${here.map((k) => k.title).join("\n")}>
          ${here.map((k) => html`<span class="chip">${k.id}</span>`)}
          <span class="visually-hidden">${here.length} ${t("risks")}</span>
        </td>`;
      })
    }
    </tr>`
  );
  if (r.risks.length === 0) return html``;
  return html`
    <div class="risk-grid" part="risk-grid">
      <table class="grid">
        <caption>${t("Likelihood × impact")}</caption>
        <thead>
          <tr><td></td>${LEVELS.map((l) => html`<th scope="col">${t(`${l} impact`)}</th>`)}</tr>
        </thead>
        <tbody>${grid}</tbody>
      </table>
    </div>
    ${table(
      [t("ID"), t("Risk"), t("Category"), t("Likelihood"), t("Impact"), t("Mitigation")],
      r.risks.map((
        k,
      ) => [
        k.id,
        html`${k.title} ${why(k.evidence, t)}`,
        k.category,
        level(k.likelihood, t),
        level(k.impact, t),
        k.mitigation,
      ]),
      t("Risk register"),
    )}
  `;
}

/**
 * @param {string} l
 * @param {Words} [t]
 */
function level(l, t = same) {
  if (!l) return nothing;
  return html`<span class="tag level-${l}">${t(l)}</span>`;
}

/**
 * Any JSON as nested lists (depth-limited), for results this view does not know.
 * @param {unknown} value
 * @param {number} depth
 * @returns {TemplateResult | string}
 */
function generic(value, depth) {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "object") return String(value);
  if (depth > 4) return "…";
  if (Array.isArray(value)) {
    return html`<ul>${value.slice(0, 50).map((v) => html`<li>${generic(v, depth + 1)}</li>`)}</ul>`;
  }
  return html`<dl class="facts">${
    Object.entries(value).slice(0, 50).map(([k, v]) =>
      html`
        <dt>${k}</dt>
        <dd>${generic(v, depth + 1)}</dd>
      `
    )
  }</dl>`;
}
