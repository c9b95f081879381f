// @ts-check
/**
 * The header: title, subtitle and the connection in plain words; for developers (`dev`)
 * also Connect/Disconnect and the session's raw links. Below it, the actions row (Stop,
 * Start over) and the connection notice (countdown and "Retry now", the lost session, a
 * refused origin).
 *
 * @module
 */
import { css, html, nothing } from "lit";

/** @typedef {import("../parley-conversation.js").View} View */

/** Styles of the header, the actions row and the connection notice. */
export const styles = css`
  /* Header and connection */
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .logo {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 10px;
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 700;
  }
  .title {
    font-size: 1.2rem;
  }
  .subtitle {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .conn {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.65rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
  }
  .dot {
    width: 0.55rem;
    height: 0.55rem;
    border-radius: 50%;
    background: var(--_muted);
  }
  [data-state="live"] .dot {
    background: var(--_success);
  }
  [data-state="connecting"] .dot,
  [data-state="reconnecting"] .dot,
  [data-state="offline"] .dot {
    background: var(--_warning);
    animation: pulse 1.2s ease-in-out infinite;
  }
  [data-state="closed"] .dot {
    background: var(--_danger);
  }
  @keyframes pulse {
    50% {
      opacity: 0.35;
    }
  }
  .conn-error {
    flex-basis: 100%;
  }

  /* Session: links, Stop, Start over */
  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.9rem;
    font-size: 0.875rem;
  }
  .session .spacer {
    flex: 1;
  }
  button.stop:not(:disabled) {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .notice {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: 8px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 0.875rem;
  }
  .notice.stopped {
    border-color: var(--_warning);
  }

  .brand > div {
    min-width: 0;
  }
  .conn {
    flex-wrap: wrap;
  }
`;

/**
 * The header.
 * @param {View} v
 */
export function header(v) {
  const { s, snap } = v;
  const state = snap.state;
  const active = state === "live" || state === "connecting" || state === "reconnecting";
  return html`
    <header part="header">
      <div class="brand">
        <span class="logo" aria-hidden="true">P</span>
        <div>
          <h2 class="title" part="title">${v.title || s.title}</h2>
          <p class="subtitle" part="subtitle">${v.subtitle ?? s.subtitle}</p>
        </div>
      </div>
      <div class="conn" data-state=${state}>
          <span class="pill" part="connection">
            <span class="dot" aria-hidden="true"></span>${s.connection[state]}
          </span>
          ${v.dev
            ? html`
              <button part="connect-button" type="button"
                @click=${active ? v.on.disconnect : v.on.connect}>
                        ${active ? s.disconnect : s.connect}
                      </button>
            `
            : nothing}
        </div>
    </header>
  `;
}

/**
 * The actions row: Stop and Start over, and for developers the raw links.
 * @param {View} v
 */
export function actions(v) {
  const { s, snap } = v;
  const finished = snap.complete;
  const running = snap.state === "live" && !snap.cancelled && !finished &&
    snap.messages.length > 0;
  const busy = snap.state === "connecting";
  return html`<nav class="session no-print" part="session" aria-label=${s.thisConversation}>
    ${
    v.dev && snap.sessionUrl
      ? html`
        <a part="session-link" href=${snap.sessionUrl} target="_blank"
          rel="noopener noreferrer">${s.openJson}</a>
      `
      : nothing
  }
    ${
    v.dev && snap.briefUrl && finished
      ? html`
        <a part="session-link" href=${snap.briefUrl} target="_blank"
          rel="noopener noreferrer">${s.briefMarkdown}</a>
      `
      : nothing
  }
    <span class="spacer"></span>
    <button part="stop-button" type="button" class="stop" ?disabled=${!running}
      aria-label=${s.stopLabel} @click=${v.on.askStop}>${s.stop}</button>
    <button part="restart-button" type="button" ?disabled=${busy}
      aria-label=${s.restartLabel} @click=${v.on.askRestart}>${s.restart}</button>
  </nav>`;
}

/**
 * The connection notice, or nothing while all is well.
 * @param {View} v
 */
export function connectionNotice(v) {
  const { s, snap } = v;
  if (v.refusedOrigin) {
    return html`
      <div class="notice bad" part="notice connection-notice" data-kind="refused">
        <p>${s.originRefused(location.origin, v.refusedOrigin)}</p>
      </div>
    `;
  }
  if (snap.sessionLost) {
    return html`
      <div class="notice warn" part="notice connection-notice" data-kind="lost">
        <p>${s.sessionLost}</p>
        <button type="button" class="primary" @click=${v.on.startAgainSameIdea}>
              ${s.startAgainSameIdea}
            </button>
      </div>
    `;
  }
  if (snap.state === "reconnecting" || snap.state === "offline") {
    const seconds = snap.retryAt === null
      ? null
      : Math.max(0, Math.ceil((snap.retryAt - v.now) / 1000));
    const text = snap.state === "offline"
      ? s.offlineNotice
      : seconds === null || seconds === 0
      ? s.retrying
      : s.retryIn(seconds);
    return html`
      <div class="notice warn" part="notice connection-notice"
        data-kind=${snap.state}>
        <p>${text}</p>
        <button type="button" @click=${v.on.retryNow}>${s.retryNow}</button>
      </div>
    `;
  }
  if (snap.state === "closed" && !v.dev && !v.userClosed) {
    return html`
      <div class="notice warn" part="notice connection-notice" data-kind="closed">
        <p>${s.closedNotice}</p>
        <button type="button" @click=${v.on.retryNow}>${s.retryNow}</button>
      </div>
    `;
  }
  return nothing;
}
