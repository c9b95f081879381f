// @ts-check
/**
 * Styles of `<parley-conversation>`. Every colour, the font, the radius and the spacing
 * come from `--parley-*` custom properties with light and dark defaults, so a page
 * themes the element without reaching into its shadow root (`::part` does the rest).
 *
 * @module
 */
import { css } from "lit";

/** The element's shadow styles. */
export const styles = css`
  :host {
    --_bg: var(--parley-bg, #ffffff);
    --_surface: var(--parley-surface, #f6f7fb);
    --_fg: var(--parley-fg, #1b1e28);
    --_muted: var(--parley-muted, #5d6475);
    --_border: var(--parley-border, #e2e5ee);
    --_accent: var(--parley-accent, #4f46e5);
    --_accent-fg: var(--parley-accent-fg, #ffffff);
    --_accent-soft: var(--parley-accent-soft, #eef0ff);
    --_danger: var(--parley-danger, #c0262d);
    --_danger-soft: var(--parley-danger-soft, #fdeced);
    --_success: var(--parley-success, #1c7c4b);
    --_warning: var(--parley-warning, #a15c00);
    --_focus: var(--parley-focus, #2563eb);
    --_radius: var(--parley-radius, 12px);
    --_gap: var(--parley-gap, 1rem);
    --_font: var(
      --parley-font,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Helvetica Neue",
      Arial,
      sans-serif
    );
    --_mono: var(--parley-mono-font, ui-monospace, "SF Mono", Menlo, Consolas, monospace);
    --_feed-height: var(--parley-feed-height, 26rem);
    --_transcript-height: var(--parley-transcript-height, 26rem);
    display: block;
    container-type: inline-size;
    color: var(--_fg);
    background: var(--_bg);
    font: 15px/1.55 var(--_font);
    border-radius: var(--_radius);
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--parley-bg, #12141b);
      --_surface: var(--parley-surface, #1a1d27);
      --_fg: var(--parley-fg, #e7e9f0);
      --_muted: var(--parley-muted, #9aa1b3);
      --_border: var(--parley-border, #2c3140);
      --_accent: var(--parley-accent, #8b8cf8);
      --_accent-fg: var(--parley-accent-fg, #0f1020);
      --_accent-soft: var(--parley-accent-soft, #23254a);
      --_danger: var(--parley-danger, #ff6b72);
      --_danger-soft: var(--parley-danger-soft, #3a1d22);
      --_success: var(--parley-success, #4ccb8a);
      --_warning: var(--parley-warning, #f0b35a);
      --_focus: var(--parley-focus, #93b4ff);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .shell {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
  }

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
  [data-state="open"] .dot {
    background: var(--_success);
  }
  [data-state="connecting"] .dot,
  [data-state="reconnecting"] .dot {
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
  .error {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: 8px;
    background: var(--_danger-soft);
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .conn-error {
    flex-basis: 100%;
  }

  /* Buttons */
  button {
    font: inherit;
    font-size: 0.875rem;
    font-weight: 600;
    padding: 0.45rem 0.9rem;
    border-radius: 8px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_accent);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
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
    grid-template-columns: repeat(6, minmax(0, 1fr));
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
  @container (max-width: 640px) {
    .stages {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }

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
  .transcript {
    display: grid;
    gap: 0.6rem;
    max-height: var(--_transcript-height);
    overflow-y: auto;
    margin: 0;
    padding: 0 0.25rem 0 0;
    list-style: none;
    overscroll-behavior: contain;
  }
  .transcript:empty {
    display: none;
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
  .feed {
    display: grid;
    align-content: start;
    gap: 0.15rem;
    max-height: var(--_feed-height);
    overflow-y: auto;
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

  /* Summary */
  .summary {
    display: grid;
    gap: 0.75rem;
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .summary-head {
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
  .markdown h2 {
    font-size: 1.45rem;
    margin: 0.2rem 0 0.6rem;
  }
  .markdown h3 {
    font-size: 1.1rem;
    margin: 1.2rem 0 0.4rem;
    padding-top: 0.8rem;
    border-top: 1px solid var(--_border);
  }
  .markdown h4 {
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
  a {
    color: var(--_accent);
  }
  /* Last, so it wins over the rules above. */
  @media (prefers-reduced-motion: reduce) {
    [data-state] .dot,
    .draft-badge {
      animation: none;
    }
    .bar > span {
      transition: none;
    }
  }
`;
