// @ts-check
/**
 * The protocol constants the page needs before the protocol module (and zod) has loaded.
 *
 * @module
 */
export {
  ADDED_FRAME_TYPES,
  MAX_ANSWER_CHARS,
  PIPELINE_STAGES,
  SEED_FRAME_TYPES,
} from "../protocol/constants.js";
