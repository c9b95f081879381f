/**
 * Escaping for the Markdown the server writes: whatever the person typed (and whatever an
 * engine wrote from it) is shown as text by every CommonMark renderer, including those that
 * allow raw HTML. Used by the brief (`agents/summary.ts`) for its title, opening paragraph,
 * lists, tables and interview.
 *
 * @module
 */
import { normaliseAnswer } from "../protocol/text.js";

// Characters that start inline markup in CommonMark or GFM: code, emphasis, links and
// images, raw HTML and autolinks, entities, table cells, strikethrough, headings, escapes.
const INLINE = /[\\`*_{}\[\]<>#|!&~]/g;
// At the start of a line these open a block: a list item, a setext underline or a
// thematic break, an ordered list item ("1." or "1)").
const BLOCK_START = /^(?:[-+=]|\d{1,9}(?=[.)]))/;
// deno-lint-ignore no-control-regex -- control characters are what it looks for
const NEEDS_WORK = /[\\`*_{}\[\]<>#|!&~\r\n\t\u0000-\u001F\u007F-\u009F]|^[\s\-+=\d]/;

/**
 * Escapes text for one line of Markdown: line breaks become spaces, control characters go,
 * and every character that could start markup is backslash-escaped, so the text renders
 * literally (no HTML, link, image, emphasis, code or table cell comes from it).
 *
 * @example
 * ```ts
 * mdText("<img src=x onerror=alert(1)> | *hi*"); // "\\<img src=x onerror=alert(1)\\> \\| \\*hi\\*"
 * ```
 */
export function mdText(text: string): string {
  // Most text needs no escaping; testing first skips the passes on the hot path.
  if (!NEEDS_WORK.test(text)) return text;
  const line = normaliseAnswer(text).replace(/\s*\n\s*/g, " ").replace(/\t/g, " ").trim();
  return line.replace(INLINE, "\\$&").replace(BLOCK_START, (m) => {
    // "1." → "1\." keeps the digits; "-" → "\-".
    return /^\d/.test(m) ? m : `\\${m}`;
  }).replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/**
 * Escapes text made of paragraphs (blank lines between them): each paragraph becomes one
 * escaped line, so the paragraphs survive and nothing in them is markup.
 *
 * @example
 * ```ts
 * mdParagraphs("First.\n\n# Not a heading"); // "First.\n\n\\# Not a heading"
 * ```
 */
export function mdParagraphs(text: string): string {
  return normaliseAnswer(text).split(/\n[ \t]*\n/).map(mdText).filter(Boolean).join("\n\n");
}
