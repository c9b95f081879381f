// @ts-check
/**
 * Protocol constants with no dependencies, so a page can use them before zod (about a
 * hundred files) has loaded. `protocol/mod.js` re-exports them.
 *
 * @module
 */

/** Version of this protocol; bumped only for changes a current client cannot ignore. */
export const PROTOCOL_VERSION = 1;

/** Default largest client frame the server accepts, in bytes of UTF-8. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

/** Longest answer the server accepts, in characters. */
export const MAX_ANSWER_CHARS = 10_000;

/**
 * What the session hands the Clarifier as the answer to the pending question when the
 * person asks for the brief now (a `finish` frame): "stop interviewing, analyse what I have
 * said so far". It starts with NUL, which no answer a person sends can contain.
 */
export const FINISH_ANSWER = "\u0000finish";

/** Agent names of the built-in pipeline, in the order they run. */
export const PIPELINE_STAGES = /** @type {const} */ ([
  "clarifier",
  "product",
  "customer",
  "engineer",
  "risk",
  "summary",
]);

/** Server frame types added since the seed; a seed client ignores them. */
export const ADDED_FRAME_TYPES = /** @type {const} */ ([
  "session",
  "delta",
  "answered",
  "cancelled",
  "edited",
  "pong",
]);

/**
 * Requirements fields the person may set in a review (`ReviewFrame.changes`). List fields
 * take a list of strings (or one string, split on commas and "and"); the others take text.
 */
export const REVIEW_FIELDS = /** @type {const} */ ([
  "purpose",
  "users",
  "platforms",
  "features",
  "scale",
  "budget",
  "timeline",
  "compliance",
  "jurisdictions",
  "later",
  "excluded",
]);

/** The six frame types of the seed protocol; every other type is an addition. */
export const SEED_FRAME_TYPES = /** @type {const} */ ([
  "status",
  "progress",
  "question",
  "result",
  "complete",
  "error",
]);
