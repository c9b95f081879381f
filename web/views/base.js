// @ts-check
/**
 * What every view shares: the theme (custom properties with light and dark defaults),
 * focus rings, buttons, inline errors, and the print rules that leave only the brief.
 *
 * @module
 */
import { css } from "lit";

/**
 * The custom properties a host may set, with their light and dark defaults. `docs/web.md`
 * lists the same names (a test compares them).
 */
export const CUSTOM_PROPERTIES = /** @type {const} */ ({
  "--parley-bg": ["#ffffff", "#12141b", "Background."],
  "--parley-surface": ["#f6f7fb", "#1a1d27", "Background of panels and bubbles."],
  "--parley-fg": ["#1b1e28", "#e7e9f0", "Text colour."],
  "--parley-muted": ["#5d6475", "#9aa1b3", "Secondary text."],
  "--parley-border": ["#e2e5ee", "#2c3140", "Borders."],
  "--parley-accent": ["#4f46e5", "#8b8cf8", "Accent: progress, answers, primary buttons."],
  "--parley-accent-fg": ["#ffffff", "#0f1020", "Text on the accent."],
  "--parley-accent-soft": ["#eef0ff", "#23254a", "Soft accent background (tags)."],
  "--parley-danger": ["#c0262d", "#ff6b72", "Errors and high risk."],
  "--parley-danger-soft": ["#fdeced", "#3a1d22", "Error backgrounds."],
  "--parley-success": ["#1c7c4b", "#4ccb8a", "Connected, low risk."],
  "--parley-warning": ["#8a4f00", "#f0b35a", "Connecting, medium risk."],
  "--parley-focus": ["#2563eb", "#93b4ff", "Focus ring."],
  "--parley-radius": ["12px", "12px", "Corner radius."],
  "--parley-gap": ["1rem", "1rem", "Spacing between panels."],
  "--parley-font": ["system-ui, sans-serif", "system-ui, sans-serif", "Font family."],
  "--parley-mono-font": ["ui-monospace, monospace", "ui-monospace, monospace", "Monospace font."],
  "--parley-feed-height": ["26rem", "26rem", "Most height of the activity feed (it scrolls)."],
  "--parley-transcript-height": ["26rem", "26rem", "Most height of the transcript (it scrolls)."],
});

/** Shared shadow styles of every view. */
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
    --_warning: var(--parley-warning, #8a4f00);
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
  h4,
  h5,
  h6 {
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
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    padding: var(--_gap);
  }
  /* Grid items may shrink below their content's width: wide tables scroll in their box. */
  .shell > *,
  .panel > *,
  .brief > *,
  .details > *,
  .card-body > * {
    min-width: 0;
  }
  @container (max-width: 480px) {
    .shell {
      padding: 0.6rem;
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
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin: 0;
    padding: 0.6rem 0.8rem;
    border-radius: 8px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 0.9rem;
  }
  .notice.warn {
    border-color: var(--_warning);
  }
  .notice.bad {
    border-color: var(--_danger);
    background: var(--_danger-soft);
    color: var(--_fg);
  }
  .notice p {
    flex: 1 1 16rem;
    margin: 0;
  }
  @media print {
    :host {
      background: none;
      color: #000;
      border-radius: 0;
    }
    .shell {
      padding: 0;
    }
    .shell > :not(.brief),
    .no-print {
      display: none !important;
    }
  }
`;
