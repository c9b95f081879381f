// @ts-check
/**
 * The confirmation dialog for actions that lose work: Start over (when there are answers)
 * and Stop (with "brief me on what I have said so far" when the client can finish early).
 *
 * @module
 */
import { css, html, nothing } from "lit";

/** @typedef {import("../parley-conversation.js").View} View */

/** Styles of the dialog. */
export const styles = css`
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: 1.1rem 1.2rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  dialog h3 {
    margin-bottom: 0.9rem;
    font-size: 1.05rem;
  }
  dialog .choices {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
`;

/**
 * The dialog (closed unless the element opens it with `showModal`).
 * @param {View} v
 */
export function confirmDialog(v) {
  const { s } = v;
  const ask = v.confirm;
  return html`<dialog part="dialog" aria-labelledby="confirm-h" @close=${v.on.confirmClosed}>
    ${
    ask === "restart"
      ? html`
        <h3 id="confirm-h">${s.restartAsk}</h3>
        <div class="choices">
          <button type="button" value="keep" @click=${v.on.cancelConfirm} autofocus>${s
            .keepGoing}</button>
          <button type="button" class="danger" @click=${v.on.restart}>${s.restart}</button>
        </div>
      `
      : ask === "stop"
      ? html`
        <h3 id="confirm-h">${s.stopAsk}</h3>
        <div class="choices">
                  <button type="button" @click=${v.on.cancelConfirm} autofocus>${s
                    .keepGoing}</button>
                  ${v.canFinish
                    ? html`<button type="button" class="primary" @click=${v.on.finish}>${s.stopBrief}</button>`
                    : nothing}
                  <button type="button" class="danger" @click=${v.on.stop}>${v.canFinish
                    ? s.stopNow
                    : s.stop}</button>
                </div>
      `
      : nothing
  }
  </dialog>`;
}
