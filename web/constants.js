// @ts-check
/**
 * The protocol constants the page needs before the protocol module (and zod) has loaded.
 *
 * @module
 */
export { MAX_ANSWER_CHARS, PIPELINE_STAGES } from "../protocol/constants.js";
