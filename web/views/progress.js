// @ts-check
/**
 * The pipeline's progress: one step per stage, a bar, and one line that names what is
 * happening now in people's words ("Question 4 of about 7 · Round 2 of 3", "Analysing
 * your answers…").
 *
 * @module
 */
import { css, html, nothing } from "lit";
import { PIPELINE_STAGES } from "../constants.js";

/** @typedef {import("../parley-conversation.js").View} View */
/** @typedef {import("../parley-conversation.js").Snap} Snap */
/** @typedef {import("../strings/en.js").Strings} Strings */

/** Styles of the progress panel. */
export const styles = css`
  /* Pipeline */
  .pipeline {
    display: grid;
    gap: 0.6rem;
    padding: 0.9rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .bar {
    height: 6px;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    border-radius: inherit;
    background: var(--_accent);
    transition: width 300ms ease;
  }
  .stages {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.2rem, 1fr));
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .stage {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    min-width: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .marker {
    flex: none;
    display: grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    border: 2px solid var(--_border);
    background: var(--_bg);
    font-size: 0.75rem;
    font-weight: 700;
  }
  .stage.active {
    color: var(--_fg);
    font-weight: 600;
  }
  .stage.active .marker {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .stage.done .marker {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .stage.failed .marker {
    border-color: var(--_danger);
    background: var(--_danger);
    color: #fff;
  }
  .stage .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .round {
    font-size: 0.75rem;
    color: var(--_accent);
    white-space: nowrap;
  }
  .now {
    margin: 0;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .now strong {
    color: var(--_fg);
  }
`;

/**
 * The question line: "Question 4 of about 7 · Round 2 of 3", from the question's own
 * `progress` (or its place in the transcript when the server sends none).
 * @param {Snap} snap
 * @param {Strings} s
 * @returns {string}
 */
export function questionLine(snap, s) {
  const q = snap.currentQuestion;
  if (!q) return "";
  const p = snap.progress;
  const index = snap.transcript.findIndex((e) => e.id === q.id) + 1;
  const number = p?.number ?? (index || snap.transcript.length);
  const about = p?.about;
  const round = p?.round ?? q.round ?? null;
  const rounds = p?.rounds;
  return [
    about && about >= number ? s.questionOfAbout(number, about) : s.question(number),
    round ? (rounds ? s.roundOf(round, rounds) : s.round(round)) : "",
  ].filter(Boolean).join(" · ");
}

/**
 * What is happening now, in one line, right at every moment of the conversation.
 * @param {Snap} snap
 * @param {Strings} s
 * @returns {string}
 */
export function nowLine(snap, s) {
  if (snap.complete) return s.briefReady;
  if (snap.cancelled) return s.stopped;
  if (snap.currentQuestion) return questionLine(snap, s);
  const active = PIPELINE_STAGES.find((st) => snap.stages[st] === "active") ?? snap.stage;
  const answered = snap.transcript.some((e) => e.answer !== null);
  if (active && active !== "clarifier") return s.working(s.stages[active] ?? active);
  if (answered) return s.analysing;
  return s.notStarted;
}

/**
 * The progress panel.
 * @param {View} v
 */
export function progress(v) {
  const { s, snap } = v;
  const stages = snap.stages;
  const done = PIPELINE_STAGES.filter((st) => stages[st] === "done" || stages[st] === "failed");
  const active = PIPELINE_STAGES.find((st) => stages[st] === "active");
  const value = snap.complete ? PIPELINE_STAGES.length : done.length + (active ? 0.5 : 0);
  const pct = Math.round((value / PIPELINE_STAGES.length) * 100);
  const now = nowLine(snap, s);
  return html`
    <section class="pipeline" part="pipeline" aria-label=${s.progressLabel}>
      <div class="bar" role="progressbar" aria-label=${s.progressLabel} aria-valuemin="0"
        aria-valuemax=${PIPELINE_STAGES.length} aria-valuenow=${done.length}
        aria-valuetext=${s.progressValue(done.length, PIPELINE_STAGES.length, now)}>
        <span style="width:${pct}%"></span>
      </div>
      <ol class="stages">
        ${PIPELINE_STAGES.map((st, i) => {
          const state = stages[st] ?? (snap.complete ? "done" : "pending");
          return html`
            <li class="stage ${state}" part="stage stage-${state}"
              aria-current=${state === "active" ? "step" : nothing}>
              <span class="marker" aria-hidden="true">${state === "done"
                ? "✓"
                : state === "failed"
                ? "!"
                : i + 1}</span>
              <span class="name">${s.stages[st] ?? st}<span class="visually-hidden"
                          >: ${s.stageState[state] ?? state}</span></span>
            </li>
          `;
        })}
      </ol>
      <p class="now" part="now"><strong>${now}</strong></p>
    </section>
  `;
}
