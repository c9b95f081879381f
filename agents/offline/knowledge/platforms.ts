/**
 * Platforms the offline engine recognises in the person's words, as data: label,
 * trigger pattern and the person-weeks to stand up that client.
 *
 * @module
 */

/** A platform the person can name, with the canonical label stored in requirements. */
export interface PlatformInfo {
  label: string;
  pattern: RegExp;
  /** Person-weeks to stand up this client (shell, navigation, release pipeline). */
  weeks: number;
}

/** Platforms in display order. `mobile` is handled by the extractor (iOS + Android). */
export const PLATFORMS: readonly PlatformInfo[] = [
  {
    label: "Web",
    pattern: /\bweb(?:site|app| app| application| dashboard| portal)?\b|\bpwa\b|\bin the browser\b/,
    weeks: 2,
  },
  { label: "iOS", pattern: /\bios\b|\biphones?\b|\bipads?\b|\bapp store\b/, weeks: 2.5 },
  { label: "Android", pattern: /\bandroid\b|\bgoogle play\b|\bplay store\b/, weeks: 2.5 },
  { label: "Desktop", pattern: /\bdesktop\b/, weeks: 2 },
  { label: "Windows", pattern: /\bwindows\b/, weeks: 2 },
  { label: "macOS", pattern: /\bmac ?os\b|\bos x\b|\bmacbooks?\b|\bmac app\b/, weeks: 2 },
  { label: "Linux", pattern: /\blinux\b/, weeks: 2 },
  { label: "Slack app", pattern: /\bslack\b/, weeks: 1.5 },
  {
    label: "Microsoft Teams app",
    pattern: /\b(?:microsoft|ms) teams\b|\bteams (?:bot|app|integration)\b/,
    weeks: 1.5,
  },
  {
    label: "Browser extension",
    pattern: /\b(?:browser|chrome|firefox|edge|safari) (?:extension|add-?on|plugin)s?\b/,
    weeks: 1.5,
  },
  {
    label: "Smartwatch",
    pattern: /\bsmart ?watch(?:es)?\b|\bapple watch\b|\bwear ?os\b|\bwatchos\b/,
    weeks: 2.5,
  },
  {
    label: "TV",
    pattern: /\bsmart tvs?\b|\b(?:apple|android|fire) tv\b|\btv app\b|\btvos\b|\broku\b/,
    weeks: 2.5,
  },
  {
    label: "Voice assistant",
    pattern: /\balexa\b|\bgoogle assistant\b|\bvoice (?:assistant|app|skill)s?\b|\bsiri\b/,
    weeks: 2,
  },
  {
    label: "Public API",
    pattern: /\b(?:public|rest|graphql|open|developer) api\b|\bapi[- ]first\b|\bsdks?\b/,
    weeks: 1.5,
  },
];

/** `mobile`, `phone app`, `smartphone`: both stores unless one is named. */
export const MOBILE = /\bmobile\b|\bphone apps?\b|\bsmartphones?\b|\bapp stores\b/;

/** Labels that count as mobile clients. */
export const MOBILE_LABELS: ReadonlySet<string> = new Set(["iOS", "Android"]);
