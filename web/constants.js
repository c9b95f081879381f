// @ts-check
/**
 * The protocol constants the page needs before the protocol module has loaded: that
 * module imports zod (about a hundred files), which loads in the background so that it
 * never delays the first render. They must equal protocol/mod.js's; web/client_test.ts
 * checks that they do.
 *
 * @module
 */

/** Agent names of the built-in pipeline, in the order they run. */
export const PIPELINE_STAGES = /** @type {const} */ ([
  "clarifier",
  "product",
  "customer",
  "engineer",
  "risk",
  "summary",
]);

/** Longest answer the server accepts, in characters. */
export const MAX_ANSWER_CHARS = 10_000;
