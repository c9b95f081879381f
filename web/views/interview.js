// @ts-check
/**
 * The interview: what was asked and answered (a focusable, scrollable list), answers
 * still on their way marked "Sending…", and the current question with the answer box.
 *
 * @module
 */
import { css, html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { live } from "lit/directives/live.js";
import { MAX_ANSWER_CHARS } from "../constants.js";
import { questionLine } from "./progress.js";
import { reviewForm } from "./review.js";

/** @typedef {import("../parley-conversation.js").View} View */

/** Styles of the interview panel. */
export const styles = css`
  /* Interview and activity */
  .main {
    display: grid;
    gap: var(--_gap);
  }
  @container (min-width: 820px) {
    .main {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  .panel {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .panel > h3 {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
  }
  .transcript-box {
    position: relative;
    max-height: var(--_transcript-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-radius: 8px;
  }
  .transcript {
    display: grid;
    gap: 0.6rem;
    margin: 0;
    padding: 0 0.25rem 0 0;
    list-style: none;
  }
  .qa {
    display: grid;
    gap: 0.35rem;
  }
  .bubble {
    max-width: 85%;
    padding: 0.55rem 0.8rem;
    border-radius: 14px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .bubble.q {
    justify-self: start;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-bottom-left-radius: 4px;
  }
  .bubble.a {
    justify-self: end;
    background: var(--_accent);
    color: var(--_accent-fg);
    border-bottom-right-radius: 4px;
  }
  .empty {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  form {
    display: grid;
    gap: 0.5rem;
    padding-top: 0.25rem;
  }
  label.question {
    display: grid;
    gap: 0.15rem;
    font-weight: 600;
    font-size: 1.02rem;
  }
  .qmeta {
    font-weight: 500;
    font-size: 0.78rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_accent);
  }
  textarea {
    width: 100%;
    min-height: 4.5rem;
    resize: vertical;
    padding: 0.65rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 10px;
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  textarea:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus);
  }
  textarea[readonly] {
    background: var(--_surface);
    color: var(--_muted);
  }
  .form-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.8rem;
  }
  kbd {
    font: 0.75rem var(--_mono);
    padding: 0.05rem 0.3rem;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
  }
  .sending {
    justify-self: end;
    color: var(--_muted);
    font-size: 0.8rem;
  }
  .qtopic {
    color: var(--_muted);
  }
  .form-row {
    flex-wrap: wrap;
  }
  .edit-row {
    justify-self: end;
  }
  .edit-button {
    padding: 0.1rem 0.55rem;
    font-size: 0.8rem;
  }
  .edit-form {
    justify-self: end;
    width: min(100%, 32rem);
  }
  .edit-form label {
    font-size: 0.85rem;
    font-weight: 600;
  }
  .edit-form .buttons {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  .qa > .notice,
  .qa > .error {
    justify-self: end;
    margin: 0;
    font-size: 0.85rem;
  }
  .form-row .buttons {
    display: flex;
    gap: 0.5rem;
    margin-left: auto;
  }
`;

/**
 * The interview panel.
 * @param {View} v
 */
export function interview(v) {
  const { s, snap } = v;
  const question = snap.currentQuestion;
  const answered = snap.transcript.filter((e) => e.answer !== null);
  const finished = snap.complete || snap.cancelled;
  const clarifierDone = snap.stages.clarifier === "done";
  const showForm = !finished && (question !== null || !clarifierDone);
  const pending = new Map(snap.pending.map((p) => [p.questionId, p.state]));
  const live_ = snap.state === "live";
  const meta = questionLine(snap, s);
  const topic = question?.topic ? s.topics[question.topic] : undefined;
  const editable = !snap.cancelled && v.canEdit;
  const placeholder = question ? s.typeAnswer : live_ ? s.waitingNext : s.connectToStart;
  return html`<section class="panel interview" part="interview" aria-labelledby="interview-h">
    <h3 id="interview-h">${s.interview}</h3>
    ${
    answered.length === 0 && !question
      ? html`<p class="empty">${live_ ? s.firstQuestionSoon : s.notStartedYet}</p>`
      : nothing
  }
    ${
    v.answeredElsewhere && !question
      ? html`<p class="notice" part="notice">${s.answeredElsewhere}</p>`
      : nothing
  }
    ${
    answered.length
      ? html`
        <div class="transcript-box" part="transcript" role="region" tabindex="0"
          aria-label=${s.yourAnswers}>
          <ol class="transcript">
                  ${repeat(answered, (e) => e.id, (e) => {
                    const sending = pending.get(e.id);
                    return html`<li class="qa" data-question=${e.id}>
              <div class="bubble q"><span class="visually-hidden">${s.questionPrefix}</span>${e.question}</div>
              <div class="bubble a"><span class="visually-hidden">${s.answerPrefix}</span>${e.answer}</div>
              ${editable && !sending ? editAction(v, e) : nothing}
              ${
                      sending
                        ? html`<span class="sending" part="sending">${
                          sending === "queued" ? s.waitingToSend : s.sending
                        }</span>`
                        : nothing
                    }
            </li>`;
                  })}
                </ol>
        </div>
      `
      : nothing
  }
    ${showForm ? reviewForm(v) : nothing}
    ${
    showForm
      ? html`
        <form part="question" @submit=${v.on.submit} novalidate>
          <label class="question" for="answer">
                  ${meta
                    ? html`<span class="qmeta">${meta}${
                      topic ? html`<span class="qtopic"> · ${topic}</span>` : nothing
                    }</span>`
                    : nothing}
                  <span class="qtext">${question ? question.question : s.yourAnswer}</span>
                </label>
          <textarea id="answer" part="input" name="answer" rows="3"
            maxlength=${MAX_ANSWER_CHARS} placeholder=${placeholder}
            ?readonly=${question === null}
            aria-describedby="answer-hint answer-error"
            aria-invalid=${v.answerError ? "true" : "false"}
            enterkeyhint=${v.touch ? "enter" : "send"}
            .value=${live(v.draft)}
            @input=${v.on.input} @keydown=${v.on.keydown}></textarea>
          <div class="form-row">
            <span class="hint" id="answer-hint">${v.touch ? s.hintTouch : s.hintKeys}</span>
            <span class="buttons">
                    ${v.touch
                      ? html`
                        <button type="button" part="newline" @click=${v.on.newLine}
                          ?disabled=${question === null}>${s.newLine}</button>
                      `
                      : nothing}
                    <button class="primary" part="send" type="submit"
                      ?disabled=${question === null || v.draft.trim() === ""}>${s.send}</button>
                  </span>
          </div>
          <p id="answer-error" class="error" part="error" role="alert"
            ?hidden=${!v.answerError}>${v.answerError ?? ""}</p>
        </form>
      `
      : nothing
  }
  </section>`;
}

/**
 * The Edit button under an answer, or, while it is being edited, the inline form (a
 * labelled textarea with Save and Cancel; Escape cancels) and what became of the edit.
 * @param {View} v
 * @param {import("../parley-conversation.js").TranscriptEntry} e
 */
function editAction(v, e) {
  const { s } = v;
  const notice = v.editNotice?.questionId === e.id ? v.editNotice : null;
  const note = notice
    ? html`
      <p class=${notice.error ? "error" : "notice"} part=${notice.error ? "error" : "notice"}
        role=${notice.error ? "alert" : "status"}>${notice.text}</p>
    `
    : nothing;
  if (v.editing !== e.id) {
    return html`
      <span class="edit-row">
        <button type="button" class="edit-button" part="edit-button" data-edit=${e.id}
          aria-label=${s.editLabel(e.question)} @click=${v.on.editStart}>${s.edit}</button>
      </span>${note}
    `;
  }
  const id = `edit-${e.id}`;
  return html`
    <form class="edit-form" part="edit" data-edit=${e.id} @submit=${v.on.editSave}
      @keydown=${v.on.editKeydown} novalidate>
      <label for=${id}>${s.newAnswer}</label>
      <textarea id=${id} class="edit-input" rows="2" maxlength=${MAX_ANSWER_CHARS}
        aria-label=${s.editLabel(e.question)} .value=${live(v.editDraft)}
        @input=${v.on.editInput}></textarea>
      <span class="buttons">
        <button type="button" @click=${v.on.editCancel}>${s.cancelEdit}</button>
        <button type="submit" class="primary" part="edit-save">${s.saveEdit}</button>
      </span>
    </form>${note}
  `;
}
