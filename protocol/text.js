// @ts-check
/**
 * Safe text at the boundary: what a person types is normalised once, as it arrives, so
 * that nothing downstream (the store, the agents, the Markdown brief, a terminal reading
 * the log) meets a control character, a lone carriage return or two spellings of one
 * letter. Shared by the server and the browser; zod-free.
 *
 * @module
 */

// C0 controls except \t (09) and \n (0A), DEL, and the C1 controls (which include the
// 8-bit CSI that starts ANSI escapes). \r is handled before, as a line break.
// deno-lint-ignore no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Normalises an answer: `\r\n` and lone `\r` become `\n`; control characters other than
 * newline and tab are removed (NUL, the escape that starts ANSI sequences, …); the result
 * is Unicode NFC, so "é" typed as `e` + accent equals the precomposed "é".
 *
 * @example
 * ```js
 * normaliseAnswer("a\r\nb\rc\u0000\u001b[31md"); // "a\nb\nc[31md"
 * ```
 * @param {string} text
 * @returns {string}
 */
export function normaliseAnswer(text) {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "").normalize("NFC");
}
