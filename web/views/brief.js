// @ts-check
/**
 * The brief: once the conversation is complete it is the main view (scrolled to and
 * focused), with Download, Copy, Print and a shareable page, the Markdown brief, and the
 * agents' cards as its collapsed sections. While the summary streams it shows as a draft.
 *
 * @module
 */
import { css, html, nothing } from "lit";
import { guard } from "lit/directives/guard.js";
import { repeat } from "lit/directives/repeat.js";
import { markdown } from "../markdown.js";
import { card, cardAgents } from "./cards.js";

/** @typedef {import("../parley-conversation.js").View} View */

/** Styles of the brief. */
export const styles = css`
  /* Summary */
  .brief {
    display: grid;
    gap: 0.75rem;
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .brief-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .action-status {
    margin: 0;
    min-height: 1.2em;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .markdown {
    overflow-wrap: anywhere;
  }
  /* The brief's own headings sit under the panel's h3: "#" is h4, "##" h5, "###" h6. */
  .markdown h4 {
    font-size: 1.45rem;
    margin: 0.2rem 0 0.6rem;
  }
  .markdown h5 {
    font-size: 1.1rem;
    margin: 1.2rem 0 0.4rem;
    padding-top: 0.8rem;
    border-top: 1px solid var(--_border);
  }
  .markdown h6 {
    font-size: 0.95rem;
    margin: 0.9rem 0 0.3rem;
  }
  .markdown p,
  .markdown ul,
  .markdown ol {
    margin: 0.4rem 0;
  }
  .markdown code,
  .markdown pre {
    font-family: var(--_mono);
    font-size: 0.85em;
    background: var(--_surface);
    border-radius: 4px;
  }
  .markdown code {
    padding: 0.05rem 0.3rem;
  }
  .markdown pre {
    padding: 0.75rem;
    overflow-x: auto;
  }
  .markdown blockquote {
    margin: 0.5rem 0;
    padding-left: 0.9rem;
    border-left: 3px solid var(--_border);
    color: var(--_muted);
  }
  .markdown hr {
    border: none;
    border-top: 1px solid var(--_border);
    margin: 1rem 0;
  }
  /* Focused on completion: the ring goes round the title, not the whole brief. */
  .brief:focus,
  .brief:focus-visible {
    outline: none;
  }
  .brief:focus .brief-title {
    outline: 3px solid var(--_focus);
    outline-offset: 4px;
  }
  .brief-title {
    font-size: 1.25rem;
  }
  .markdown table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
  }
  .markdown th,
  .markdown td {
    overflow-wrap: break-word;
    min-width: 5rem;
  }
  .changes {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_accent);
    border-radius: 8px;
    background: var(--_surface);
  }
  .changes h4 {
    font-size: 1rem;
  }
  .changes ul {
    margin: 0;
    padding-left: 1.2rem;
  }
  .changes > button {
    justify-self: start;
  }
  .markdown.previous {
    max-height: var(--_transcript-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: 8px;
    background: var(--_bg);
  }
  .details {
    display: grid;
    gap: 0.75rem;
  }
  .details > h4 {
    font-size: 1rem;
  }
  @media print {
    .brief {
      border: none;
      padding: 0;
    }
    .brief .card {
      border: none;
    }
    .brief .card:not([open]) > .card-body {
      display: block;
    }
  }
`;

/**
 * The shareable page of a brief: `/sessions/{id}/brief`, the token in the fragment so it
 * never reaches a server log or a `Referer`.
 * @param {string | null} briefUrl The client's brief URL (`…/brief.md?token=…`).
 * @returns {string | null}
 */
export function sharePageUrl(briefUrl) {
  if (!briefUrl) return null;
  try {
    const url = new URL(briefUrl);
    const token = url.searchParams.get("token");
    if (!token) return null;
    return `${url.origin}${url.pathname.replace(/\.md$/, "")}#token=${encodeURIComponent(token)}`;
  } catch {
    return null;
  }
}

/**
 * The brief panel, or nothing before the summary starts.
 * @param {View} v
 */
export function brief(v) {
  const { s } = v;
  const summary = v.summary;
  const draft = v.drafts.get("summary");
  if (summary === null && draft) {
    return html`
      <section class="brief summary draft" part="summary draft"
        aria-labelledby="brief-h" aria-busy="true" data-seq=${draft.seq}>
        <div class="brief-head">
          <h3 id="brief-h" class="brief-title">${s.brief}
                <span class="badge draft-badge">${s.draft}</span></h3>
        </div>
        <article class="markdown" part="brief">${guard(
          [draft.text],
          () => markdown(draft.text, { headingOffset: 3 }),
        )}</article>
      </section>
    `;
  }
  if (summary === null) return nothing;
  const share = sharePageUrl(v.snap.briefUrl);
  const agents = cardAgents(v);
  return html`
    <section class="brief summary" part="summary" aria-labelledby="brief-h"
      tabindex="-1">
        <div class="brief-head">
          <h3 id="brief-h" class="brief-title">${s.brief}${v.version !== null && v.version > 1
            ? html`
              <span class="badge version-badge" part="version">${s.briefVersion(v.version)}</span>
            `
            : nothing}</h3>
          <div class="actions no-print" part="actions">
            <button type="button" class="primary" @click=${v.on.downloadMarkdown}>${s
              .downloadMarkdown}</button>
            <button type="button" @click=${v.on.downloadJson}>${s.downloadJson}</button>
            <button type="button" @click=${v.on.copy}>${s.copy}</button>
            <button type="button" @click=${v.on.print}>${s.print}</button>
            ${share
              ? html`
                <a part="share-link" href=${share} target="_blank" rel="noopener noreferrer"
                >${s.share}</a>
              `
              : nothing}
          </div>
        </div>
        <p class="action-status no-print">${v.actionMessage}</p>
        ${versions(v)}
        <article class="markdown" part="brief">${guard(
          [summary],
          () => markdown(summary, { headingOffset: 3 }),
        )}</article>
        ${agents.length
          ? html`<div class="details" part="brief-details">
        <h4>${s.briefDetails}</h4>
        ${repeat(agents, (a) => a, (a) => card(v, a, false))}
      </div>`
          : nothing}
      </section>
  `;
}

/**
 * Field values in a "what changed" line.
 * @param {unknown} value
 */
function valueText(value) {
  if (Array.isArray(value)) return value.map(String).join(", ");
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The lines of a "what changed" summary (`complete.data.changes`), safely read.
 * @param {View} v
 * @returns {string[]}
 */
export function changeLines(v) {
  const { s } = v;
  const c = /** @type {Record<string, any> | null} */ (
    v.changes && typeof v.changes === "object" ? v.changes : null
  );
  if (!c) return [];
  /** @type {string[]} */
  const lines = [];
  const list = (/** @type {unknown} */ x) =>
    Array.isArray(x) ? x.filter((i) => typeof i === "string").slice(0, 50) : [];
  for (const f of Array.isArray(c.fields) ? c.fields.slice(0, 50) : []) {
    if (!f || typeof f.field !== "string") continue;
    const name = s.review.fields[f.field] ?? f.field;
    lines.push(s.fieldChanged(name, valueText(f.before), valueText(f.after)));
  }
  for (const t of list(c.requirements?.added)) lines.push(s.reqAdded(t));
  for (const t of list(c.requirements?.removed)) lines.push(s.reqRemoved(t));
  for (const t of list(c.risks?.added)) lines.push(s.riskAdded(t));
  for (const t of list(c.risks?.removed)) lines.push(s.riskRemoved(t));
  const agent = (/** @type {string} */ a) => s.stages[a] ?? a;
  if (list(c.rerun).length) lines.push(s.rerunAgents(list(c.rerun).map(agent).join(", ")));
  if (list(c.kept).length) lines.push(s.keptAgents(list(c.kept).map(agent).join(", ")));
  return lines;
}

/**
 * "Brief v2 — what changed" and the previous version one click away (from version 2 on).
 * @param {View} v
 */
function versions(v) {
  const { s } = v;
  if (v.version === null || v.version < 2) return nothing;
  const lines = changeLines(v);
  const prev = v.version - 1;
  const shown = v.previous;
  return html`<section class="changes" part="changes" aria-labelledby="changes-h">
    <h4 id="changes-h">${s.briefVersion(v.version)} — ${s.whatChanged}</h4>
    ${lines.length ? html`<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
    <button type="button" part="previous-button" class="no-print"
      aria-expanded=${shown ? "true" : "false"} aria-controls="previous-brief"
      @click=${v.on.togglePrevious}>${shown ? s.hideVersion(prev) : s.showVersion(prev)}</button>
    <div id="previous-brief" ?hidden=${!shown}>
      ${
    shown
      ? shown.state === "loading"
        ? html`<p class="notice" part="notice" role="status">${s.loadingVersion}</p>`
        : shown.state === "error"
        ? html`<p class="error" part="error" role="alert">${s.cannotLoadVersion(shown.text)}</p>`
        : html`
          <article class="markdown previous" part="previous" aria-labelledby="prev-h"
            tabindex="0">
                      <h4 id="prev-h">${s.previousVersion(shown.version)}</h4>
                      ${guard([shown.text], () => markdown(shown.text, { headingOffset: 3 }))}
                    </article>
        `
      : nothing
  }
    </div>
  </section>`;
}
