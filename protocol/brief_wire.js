// @ts-check
/**
 * The brief as `complete` carries it: without the analysts' results, which their `result`
 * frames already carried, but naming those frames by seq in `resultSeqs`. The server slims
 * the brief before it stores and sends it; the browser client, `GET /sessions/{id}` and
 * the version pages put the results back from the `result` frames they have. Plain JS so
 * that the server and the browser share it.
 *
 * @module
 */

/**
 * A brief whose results may be named by seq instead of repeated.
 * @typedef {{ results?: Record<string, unknown>, resultSeqs?: Record<string, number> } & Record<string, unknown>} WireBrief
 */

/**
 * The brief for `complete.data.brief`: `results` replaced by `resultSeqs`, the seq of the
 * `result` frame that carried each agent's result. An agent with no seq keeps its result
 * inline, so that nothing is lost if a caller could not name its frame.
 *
 * @example
 * ```js
 * import { slimBrief } from "./brief_wire.js";
 * const slim = slimBrief({ title: "T", results: { product: { a: 1 } } }, { product: 12 });
 * if (JSON.stringify(slim) !== '{"title":"T","resultSeqs":{"product":12}}') throw new Error();
 * ```
 *
 * @param {{ results: Record<string, unknown> } & Record<string, unknown>} brief The whole brief.
 * @param {Readonly<Record<string, number>>} seqs Seq of each agent's `result` frame.
 * @returns {WireBrief}
 */
export function slimBrief(brief, seqs) {
  const { results, ...rest } = brief;
  /** @type {Record<string, number>} */
  const resultSeqs = {};
  /** @type {Record<string, unknown>} */
  const inline = {};
  for (const [agent, value] of Object.entries(results)) {
    const seq = seqs[agent];
    if (seq === undefined) inline[agent] = value;
    else resultSeqs[agent] = seq;
  }
  return Object.keys(inline).length === 0
    ? { ...rest, resultSeqs }
    : { ...rest, results: inline, resultSeqs };
}

/**
 * The whole brief again, the old shape: `results` rebuilt from `resultSeqs` (which goes)
 * with `resultAt(seq)`, the `data.data` of the `result` frame with that seq (`undefined`
 * when it is not known: that agent is left out). A brief that already has only `results` (an older stored frame, or
 * `?brief=full`) is returned as it is; anything that is not a brief is returned unchanged.
 *
 * @example
 * ```js
 * import { expandBrief } from "./brief_wire.js";
 * const full = expandBrief({ title: "T", resultSeqs: { product: 12 } }, (seq) => ({ seq }));
 * if (JSON.stringify(full) !== '{"title":"T","results":{"product":{"seq":12}}}') {
 *   throw new Error();
 * }
 * ```
 *
 * @param {unknown} brief The brief of a `complete` frame.
 * @param {(seq: number) => unknown} resultAt The result a `result` frame carried, by seq.
 * @returns {unknown}
 */
export function expandBrief(brief, resultAt) {
  if (typeof brief !== "object" || brief === null) return brief;
  const { resultSeqs, ...rest } = /** @type {WireBrief} */ (brief);
  if (typeof resultSeqs !== "object" || resultSeqs === null) return brief;
  /** @type {Record<string, unknown>} */
  const results = {};
  for (const [agent, seq] of Object.entries(resultSeqs)) {
    const value = typeof seq === "number" ? resultAt(seq) : undefined;
    if (value !== undefined) results[agent] = value;
  }
  // Inline results (agents the server could not name) keep their place after the others.
  Object.assign(results, rest.results ?? {});
  return { ...rest, results };
}
