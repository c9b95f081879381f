// @ts-check
/**
 * Agents' cards: one per result (drawn live, as a draft, while a model writes it). Before
 * the brief is ready they sit in "What the agents found"; afterwards the brief shows the
 * same cards as its own collapsed sections, never as a second copy.
 *
 * @module
 */
import { css, html, nothing } from "lit";
import { guard } from "lit/directives/guard.js";
import { repeat } from "lit/directives/repeat.js";
import { PIPELINE_STAGES } from "../constants.js";
import { partialBody, resultBody, schemasLoaded } from "../result-cards.js";

/** @typedef {import("../parley-conversation.js").View} View */
/** @typedef {import("../client.js").AgentStream} AgentStream */

/** Agents whose cards take the whole width. */
const WIDE = new Set(["product", "engineer", "risk"]);

/** Styles of the cards and their contents. */
export const styles = css`
  /* Result cards */
  .results {
    display: grid;
    grid-auto-flow: row dense;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
    align-items: start;
  }
  .results > h3 {
    grid-column: 1 / -1;
    font-size: 1.05rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  .card.wide {
    grid-column: 1 / -1;
  }
  .card > summary {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
    font-weight: 700;
  }
  .card > summary .badge {
    margin-left: auto;
    font-size: 0.72rem;
    font-weight: 600;
    color: var(--_muted);
  }
  .card-body {
    display: grid;
    gap: 0.5rem;
    padding: 0.85rem 1rem 1rem;
    font-size: 0.9rem;
  }
  .card-body h4 {
    margin-top: 0.4rem;
    font-size: 0.78rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_muted);
  }
  .card-body ul {
    margin: 0;
    padding-left: 1.2rem;
  }
  .card-body p {
    margin: 0;
  }
  .card.failed {
    border-color: var(--_danger);
  }
  /* Drafts: still being written; replaced by the final card. */
  .card.draft,
  .summary.draft {
    border-style: dashed;
    border-color: var(--_accent);
  }
  .draft-badge {
    color: var(--_accent) !important;
    font-size: 0.72rem;
    font-weight: 600;
    animation: pulse 1.2s ease-in-out infinite;
  }
  .stream-text {
    white-space: pre-wrap;
    color: var(--_muted);
  }
  .lead {
    font-size: 0.95rem;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.82rem;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.9rem;
    margin: 0;
  }
  .facts dt {
    font-weight: 600;
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .personas {
    display: grid;
    gap: 0.5rem;
  }
  .persona {
    padding: 0.55rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.85rem;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.35rem;
    color: var(--_muted);
  }
  th,
  td {
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .tag {
    display: inline-block;
    padding: 0 0.45rem;
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_accent);
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .tag-must,
  .level-high {
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .level-medium,
  .tag-should {
    background: color-mix(in srgb, var(--_warning) 15%, transparent);
    color: var(--_warning);
  }
  .risk-grid table {
    width: auto;
    border-collapse: separate;
    border-spacing: 4px;
  }
  .risk-grid th {
    border: none;
    font-size: 0.72rem;
    text-transform: uppercase;
    color: var(--_muted);
    white-space: nowrap;
  }
  .risk-grid th[scope="row"] {
    text-align: right;
  }
  .cell {
    width: 6.5rem;
    height: 3.2rem;
    border: none;
    border-radius: 8px;
    vertical-align: middle;
  }
  .sev-0 {
    background: color-mix(in srgb, var(--_success) 18%, transparent);
  }
  .sev-1 {
    background: color-mix(in srgb, var(--_success) 32%, transparent);
  }
  .sev-2 {
    background: color-mix(in srgb, var(--_warning) 30%, transparent);
  }
  .sev-3 {
    background: color-mix(in srgb, var(--_danger) 30%, transparent);
  }
  .sev-4 {
    background: color-mix(in srgb, var(--_danger) 50%, transparent);
  }
  .chip {
    display: inline-block;
    margin: 1px;
    padding: 0 0.35rem;
    border-radius: 4px;
    background: var(--_bg);
    font: 600 0.72rem/1.5 var(--_mono);
  }

  /* Positioned, so visually hidden text inside stays inside the scrolling box. */
  .risk-grid,
  .table-wrap,
  .card {
    position: relative;
  }
  .risk-grid {
    max-width: 100%;
    overflow-x: auto;
  }
  @container (max-width: 480px) {
    .cell {
      width: 3.6rem;
      height: 2.6rem;
    }
    .risk-grid th {
      white-space: normal;
    }
  }
  td,
  th {
    overflow-wrap: break-word;
  }
  /* A flex summary loses the browser's disclosure triangle: draw one. */
  .card > summary::before {
    content: "";
    flex: none;
    width: 0.45rem;
    height: 0.45rem;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    margin-right: 0.2rem;
  }
  .card[open] > summary::before {
    transform: rotate(45deg);
  }
  .card > summary::-webkit-details-marker {
    display: none;
  }
  .why {
    position: relative;
    display: inline-block;
  }
  .why-button {
    padding: 0 0.4rem;
    font-size: 0.72rem;
    font-weight: 600;
    border-radius: 999px;
  }
  .why .tip {
    position: absolute;
    z-index: 2;
    left: 0;
    top: calc(100% + 4px);
    display: none;
    width: max-content;
    max-width: min(22rem, 70vw);
    padding: 0.5rem 0.65rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 6px 20px rgb(0 0 0 / 18%);
    font-size: 0.8rem;
    font-weight: 400;
  }
  .why:hover .tip,
  .why:focus-within .tip {
    display: grid;
    gap: 0.25rem;
  }
  .tip .rule {
    color: var(--_muted);
  }
  @media print {
    .why {
      display: none;
    }
    .card {
      break-inside: avoid;
    }
  }
`;

/**
 * The agents that have a card now: built-in order first, then any others.
 * @param {View} v
 * @returns {string[]}
 */
export function cardAgents(v) {
  const order = [...PIPELINE_STAGES, ...v.results.keys(), ...v.drafts.keys()];
  return [...new Set(order)].filter((a) =>
    v.results.has(a) || v.agentErrors.has(a) || (v.drafts.has(a) && a !== "summary")
  );
}

/**
 * One agent's card.
 * @param {View} v
 * @param {string} agent
 * @param {boolean} open Whether it starts expanded.
 */
export function card(v, agent, open) {
  const { s } = v;
  // An agent the strings do not know (a host's own) shows its name, capitalised.
  const title = agent === "clarifier"
    ? s.requirements
    : s.stages[agent] ?? agent.charAt(0).toUpperCase() + agent.slice(1);
  const draft = v.drafts.get(agent);
  const wide = WIDE.has(agent) ? "wide" : "";
  if (draft) return draftCard(v, agent, title, draft, wide);
  const err = v.agentErrors.get(agent);
  const data = v.results.get(agent);
  return html`
    <details ?open=${open} class="card ${wide} ${err ? "failed" : ""}"
      part="card card-${agent}" data-agent=${agent}>
      <summary>${title}</summary>
      <div class="card-body">
          ${err ? html`<p class="error" part="error">${err}</p>` : nothing}
          ${data === undefined
            ? nothing
            : guard([data, schemasLoaded(), v.cardWords], () =>
              resultBody(agent, data, v.cardWords))}
        </div>
    </details>
  `;
}

/**
 * A card still being written: the partial result through the card's own view, and any
 * streamed text, marked as a draft.
 * @param {View} v
 * @param {string} agent
 * @param {string} title
 * @param {AgentStream} draft
 * @param {string} wide
 */
function draftCard(v, agent, title, draft, wide) {
  return html`
    <details open class="card draft ${wide}" part="card card-${agent} draft"
      aria-busy="true" data-seq=${draft.seq} data-agent=${agent}>
      <summary>${title}<span class="badge draft-badge">${v.s.draft}</span></summary>
      <div class="card-body">
          ${draft.partial === undefined
            ? nothing
            : guard([draft.partial, v.cardWords], () =>
              partialBody(agent, draft.partial, v.cardWords))}
          ${draft.text ? html`<p class="stream-text">${draft.text}</p>` : nothing}
        </div>
    </details>
  `;
}

/**
 * "What the agents found", while the conversation runs (after `complete` the brief holds
 * the cards).
 * @param {View} v
 */
export function results(v) {
  const agents = cardAgents(v);
  if (agents.length === 0) return nothing;
  return html`<section class="results" part="results" aria-labelledby="results-h">
    <h3 id="results-h">${v.s.agentsFound}</h3>
    ${repeat(agents, (a) => a, (a) => card(v, a, true))}
  </section>`;
}
