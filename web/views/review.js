// @ts-check
/**
 * The review question as a form: what the Clarifier understood (`question.data.review`),
 * one labelled field per requirement, each prefilled and with its evidence behind a
 * "Why?" button. "Looks right" accepts it; "Save changes" sends only the fields the person
 * changed. The plain answer box stays under it for an answer in the person's own words.
 *
 * @module
 */
import { css, html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { why } from "../result-cards.js";

/** @typedef {import("../parley-conversation.js").View} View */

/** The fields the form shows, in order; `true` marks a list (comma-separated). */
export const REVIEW_FORM_FIELDS = /** @type {const} */ ([
  ["purpose", false],
  ["users", true],
  ["platforms", true],
  ["later", true],
  ["features", true],
  ["scale", false],
  ["budget", false],
  ["timeline", false],
  ["jurisdictions", true],
  ["compliance", true],
  ["excluded", true],
]);

/** Most characters of a field's text (the protocol's answer limit is far above). */
const MAX_FIELD_CHARS = 2000;

/** Styles of the review form. */
export const styles = css`
  .review {
    display: grid;
    gap: 0.6rem;
    padding: 0.9rem;
    border: 1px solid var(--_border);
    border-radius: 10px;
    background: var(--_surface);
  }
  .review h4 {
    font-size: 1.02rem;
  }
  .review .intro {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .review-field {
    display: grid;
    gap: 0.2rem;
  }
  .review-field label {
    font-weight: 600;
    font-size: 0.88rem;
  }
  .review-field .field-row {
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  .review-field input {
    flex: 1;
    min-width: 0;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  .review-field input:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus);
  }
  .review-field.changed input {
    border-color: var(--_accent);
  }
  .review-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
  }
`;

/**
 * The text a field shows: a list as "a, b, c".
 * @param {unknown} value
 * @returns {string}
 */
export function fieldText(value) {
  if (Array.isArray(value)) return value.filter((x) => typeof x === "string").join(", ");
  return typeof value === "string" ? value : "";
}

/**
 * The requirements and evidence of a review question, or `null` for any other question.
 * @param {import("../parley-conversation.js").Snap["currentQuestion"]} question
 * @returns {{requirements: Record<string, unknown>, evidence: Record<string, unknown>} | null}
 */
export function reviewOf(question) {
  const review = /** @type {any} */ (question)?.review;
  if (question?.topic !== "review" || !review || typeof review !== "object") return null;
  const req = review.requirements;
  if (!req || typeof req !== "object") return null;
  const evidence = review.evidence ?? req.evidence ?? {};
  return { requirements: req, evidence: typeof evidence === "object" ? evidence : {} };
}

/**
 * A list field's text as its items: split at commas, trimmed, bounded as the protocol is.
 * @param {string} text
 * @returns {string[]}
 */
function splitList(text) {
  return text.split(",").map((x) => x.trim()).filter(Boolean).slice(0, 50).map((x) =>
    x.slice(0, 500)
  );
}

/**
 * Only the fields the person changed, as the `review` frame's `changes`: text fields as
 * text, list fields as a list split at commas.
 * @param {Record<string, unknown>} requirements What was understood.
 * @param {Readonly<Record<string, string>>} drafts What the form holds, by field.
 * @returns {Record<string, string | string[]>}
 */
export function reviewChanges(requirements, drafts) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [field, isList] of REVIEW_FORM_FIELDS) {
    const draft = drafts[field];
    if (draft === undefined) continue;
    if (isList) {
      const items = splitList(draft);
      if (items.join("\n") === splitList(fieldText(requirements[field])).join("\n")) continue;
      out[field] = items;
    } else if (draft.trim() !== fieldText(requirements[field]).trim()) out[field] = draft.trim();
  }
  return out;
}

/**
 * The evidence entries behind one field: its slot and every `field:item` key.
 * @param {Record<string, unknown>} evidence
 * @param {string} field
 */
function evidenceFor(evidence, field) {
  return /** @type {{quote: string, rule: string}[]} */ (Object.entries(evidence)
    .filter(([k]) => k === field || k.startsWith(`${field}:`))
    .flatMap(([, v]) => (Array.isArray(v) ? v : [])));
}

/**
 * The review form, or nothing when the current question is not a review.
 * @param {View} v
 */
export function reviewForm(v) {
  const { s, snap } = v;
  const review = reviewOf(snap.currentQuestion);
  if (!review) return nothing;
  const r = s.review;
  const drafts = v.reviewDrafts;
  return html`
    <form class="review" part="review" aria-labelledby="review-h"
      @submit=${v.on.reviewSave} novalidate>
        <h4 id="review-h">${r.title}</h4>
        <p class="intro" id="review-intro">${r.intro}</p>
        ${REVIEW_FORM_FIELDS.map(([field, isList]) => {
          const before = fieldText(review.requirements[field]);
          const value = drafts[field] ?? before;
          const id = `review-${field}`;
          return html`
            <div class="review-field ${value.trim() !== before.trim() ? "changed" : ""}"
              part="review-field" data-field=${field}>
              <label for=${id}>${r.fields[field] ?? field}</label>
              <span class="field-row">
                      <input id=${id} name=${field} maxlength=${MAX_FIELD_CHARS}
                        .value=${live(value)} @input=${v.on.reviewInput}
                        aria-describedby=${isList ? "review-list-hint" : nothing} />
                      ${why(evidenceFor(review.evidence, field), v.cardWords)}
                    </span>
            </div>
          `;
        })}
        <span class="hint" id="review-list-hint">${r.listHint} ${r.orType}</span>
        <div class="review-buttons">
          <button type="button" part="review-ok" @click=${v.on.reviewOk}>${r.looksRight}</button>
          <button type="submit" class="primary" part="review-save">${r.save}</button>
        </div>
        <p class="error" part="error" role="alert" ?hidden=${!v.reviewError}>${v.reviewError ??
          ""}</p>
      </form>
  `;
}
