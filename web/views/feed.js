// @ts-check
/**
 * The activity feed, for developers (`show-feed` or `dev`): one line per frame of the
 * client's recent messages, derived from the snapshot on every render.
 *
 * @module
 */
import { css, html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";

/** @typedef {import("../parley-conversation.js").View} View */
/** @typedef {import("../strings/en.js").Strings} Strings */

/**
 * One line of the feed.
 * @typedef {object} FeedLine
 * @property {string} key
 * @property {number | null} seq
 * @property {string} kind
 * @property {string} text
 * @property {string} time
 * @property {boolean} error
 */

/** Styles of the feed. */
export const styles = css`
  .feed {
    display: grid;
    align-content: start;
    gap: 0.15rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85rem;
    overscroll-behavior: contain;
  }
  .feed li {
    display: grid;
    grid-template-columns: auto auto 1fr;
    gap: 0.5rem;
    padding: 0.3rem 0.4rem;
    border-radius: 6px;
    overflow-wrap: anywhere;
  }
  .feed li.error {
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .feed time {
    color: var(--_muted);
    font: 0.75rem/1.9 var(--_mono);
  }
  .kind {
    font-size: 0.7rem;
    font-weight: 700;
    line-height: 1.9;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_accent);
  }
  .feed li.error .kind {
    color: inherit;
  }

  .feed-box {
    position: relative;
    max-height: var(--_feed-height);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
`;

/**
 * The feed's lines for `messages`, newest last, at most `limit`.
 * @param {readonly {type: string, data?: unknown, seq?: number | undefined, ts?: number | undefined}[]} messages
 * @param {Strings} s
 * @param {number} limit
 * @returns {FeedLine[]}
 */
export function feedLines(messages, s, limit) {
  /** @type {FeedLine[]} */
  const out = [];
  const from = Math.max(0, messages.length - limit * 2);
  for (let i = from; i < messages.length; i++) {
    const frame = /** @type {{type: string, data?: unknown, seq?: number, ts?: number}} */ (
      messages[i]
    );
    const data = /** @type {Record<string, unknown>} */ (
      typeof frame.data === "object" && frame.data !== null ? frame.data : {}
    );
    const str = (/** @type {unknown} */ v) => (typeof v === "string" ? v : "");
    const agent = str(data.agent);
    /** @type {[string, string] | null} */
    let line = null;
    switch (frame.type) {
      case "question":
        line = [s.interview, str(data.question)];
        break;
      case "result":
        line = [s.stages[agent] ?? agent, s.stageState.done ?? "done"];
        break;
      case "complete":
        line = [s.stages.summary ?? "", s.briefReady];
        break;
      case "delta":
        break;
      case "session":
        line = ["session", data.resumed ? `resumed after ${data.lastSeq ?? 0}` : "new"];
        break;
      default:
        if (str(data.message)) {
          line = [agent ? (s.stages[agent] ?? agent) : frame.type, str(data.message)];
        } else if (frame.type === "answered") line = [frame.type, str(data.questionId)];
    }
    if (!line) continue;
    out.push({
      key: `${frame.seq ?? "x"}:${i}`,
      seq: typeof frame.seq === "number" ? frame.seq : null,
      kind: line[0],
      text: line[1],
      time: formatTime(typeof frame.ts === "number" ? frame.ts : 0),
      error: frame.type === "error",
    });
  }
  return out.slice(-limit);
}

/**
 * The feed panel.
 * @param {View} v
 */
export function feed(v) {
  const { s } = v;
  const lines = feedLines(v.snap.messages, s, v.feedLimit);
  return html`
    <section class="panel activity no-print" part="activity"
      aria-labelledby="activity-h">
        <h3 id="activity-h">${s.activity}</h3>
        <div class="feed-box" part="feed" role="region" tabindex="0" aria-labelledby="activity-h"
          @scroll=${v.on.feedScroll}>
          <ol class="feed">
            ${repeat(
              lines,
              (e) => e.key,
              (e) =>
                html`<li class=${e.error ? "error" : ""} data-seq=${e.seq ?? nothing}>
            <time>${e.time}</time><span class="kind">${e.kind}</span><span>${e.text}</span>
          </li>`,
            )}
          </ol>
        </div>
        ${lines.length === 0 ? html`<p class="empty">${s.nothingYet}</p>` : nothing}
      </section>
  `;
}

/** @param {number} ts */
function formatTime(ts) {
  const d = new Date(ts);
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
}
