// @ts-check
/**
 * Every error code and WebSocket close code Parley uses, defined once. The server, the
 * browser client and the element read these tables; `docs/protocol.md`'s tables are
 * checked against them by a test. Zod-free, so a page can load it before zod.
 *
 * An error code's `scope` says who sees it:
 * - `input`: this connection sent something wrong; only this connection is told, nothing is
 *   stored, and the conversation goes on.
 * - `connection`: this connection is refused or closed (its `close` code says how).
 * - `session`: the conversation itself has a problem; it is stored and every tab sees it.
 *
 * @module
 */

/** WebSocket close codes Parley sends (4000–4999 are the application's own). */
export const CLOSE_CODES = /** @type {const} */ ({
  /** The server is shutting down: reconnect to another node or later. */
  goingAway: 1001,
  /** The frame was not valid UTF-8. */
  badData: 1007,
  /** The connection broke a rule (too many bad frames): reconnecting is fine, the flood is not. */
  policy: 1008,
  /** A frame was larger than the server accepts. */
  tooBig: 1009,
  /** Too many sessions or connections, or the client cannot keep up: try again later. */
  tryAgain: 1013,
  /** The first frame of a resume link was not a resume frame. */
  badResume: 4400,
  /** The token does not open a session. */
  badToken: 4401,
  /** No resume frame arrived in time. */
  resumeTimeout: 4408,
  /** The heartbeat got no answer in time: the connection is presumed dead. */
  heartbeatTimeout: 4410,
  /** Too many connections or new sessions from one client address. */
  rateLimited: 4429,
});

/** @typedef {typeof CLOSE_CODES[keyof typeof CLOSE_CODES]} CloseCode */

/**
 * @typedef {object} ErrorCodeInfo
 * @property {"input" | "connection" | "session"} scope Who sees it (see the module doc).
 * @property {boolean} retry Whether the same action may succeed later unchanged.
 * @property {CloseCode} [close] The close code that follows, for connection errors.
 * @property {string} meaning What it means, for people reading the docs.
 */

/** Every `error` frame `code`, with who sees it and what it means. */
export const ERROR_CODES = /** @type {const} */ ({
  bad_frame: {
    scope: "input",
    retry: false,
    meaning: "The frame is not JSON, has the wrong shape or an unknown type.",
  },
  binary_frame: {
    scope: "input",
    retry: false,
    meaning: "Binary frames are not accepted; send JSON text.",
  },
  frame_too_large: {
    scope: "input",
    retry: false,
    meaning: "The frame is larger than the server accepts.",
  },
  no_question: {
    scope: "input",
    retry: false,
    meaning: "An answer arrived while no question was pending.",
  },
  wrong_question: {
    scope: "input",
    retry: false,
    meaning: "The answer names a question that is not the pending one.",
  },
  already_answered: {
    scope: "input",
    retry: false,
    meaning: "That question was answered already (perhaps in another tab).",
  },
  not_running: {
    scope: "input",
    retry: false,
    meaning: "The conversation is finished or cancelled.",
  },
  unknown_question: {
    scope: "input",
    retry: false,
    meaning: "The edit or review names a question that was never asked or has no answer yet.",
  },
  stale_edit: {
    scope: "input",
    retry: false,
    meaning: "The edited question no longer applies after an earlier edit, or the edit was " +
      "based on an older version of the brief.",
  },
  edit_in_progress: {
    scope: "input",
    retry: true,
    meaning: "Another edit (perhaps from another tab) is being applied; try again when it " +
      "has reached a question or a new brief.",
  },
  not_editable: {
    scope: "input",
    retry: false,
    meaning: "The conversation was cancelled or failed: its answers can no longer be edited.",
  },
  too_many_bad_frames: {
    scope: "connection",
    retry: true,
    close: CLOSE_CODES.policy,
    meaning: "The connection sent too many bad frames per second and was closed.",
  },
  bad_utf8: {
    scope: "connection",
    retry: false,
    close: CLOSE_CODES.badData,
    meaning: "A text frame was not valid UTF-8.",
  },
  server_busy: {
    scope: "connection",
    retry: true,
    close: CLOSE_CODES.tryAgain,
    meaning: "A server limit was reached (the message names which); try again later.",
  },
  too_many_connections: {
    scope: "connection",
    retry: true,
    close: CLOSE_CODES.rateLimited,
    meaning: "Too many open connections or new sessions from this client address.",
  },
  client_too_slow: {
    scope: "connection",
    retry: true,
    close: CLOSE_CODES.tryAgain,
    meaning: "The client did not read its frames fast enough.",
  },
  bad_token: {
    scope: "connection",
    retry: false,
    close: CLOSE_CODES.badToken,
    meaning: "The token does not open a session (unknown, expired or wrong).",
  },
  bad_resume: {
    scope: "connection",
    retry: false,
    close: CLOSE_CODES.badResume,
    meaning: "A link opened to resume sent something other than a resume frame first.",
  },
  resume_timeout: {
    scope: "connection",
    retry: true,
    close: CLOSE_CODES.resumeTimeout,
    meaning: "A link opened to resume sent no resume frame in time.",
  },
  heartbeat_timeout: {
    scope: "connection",
    retry: true,
    close: CLOSE_CODES.heartbeatTimeout,
    meaning: "The connection did not answer the server's heartbeat in time.",
  },
  frame_limit: {
    scope: "session",
    retry: false,
    meaning: "The conversation reached its limit of stored frames.",
  },
  storage_unavailable: {
    scope: "session",
    retry: true,
    meaning: "The server cannot store frames just now; the conversation waits and carries on " +
      "by itself when storage is back.",
  },
  agent_failed: {
    scope: "session",
    retry: false,
    meaning: "An agent failed; the message carries a reference that matches the server log.",
  },
  internal: {
    scope: "session",
    retry: false,
    meaning: "Something failed inside the server; the reference matches the server log.",
  },
});

/** One of the keys of {@link ERROR_CODES}. @typedef {keyof typeof ERROR_CODES} ErrorCode */

/** Error codes that only the connection that caused them sees. @type {readonly ErrorCode[]} */
export const INPUT_ERROR_CODES = /** @type {ErrorCode[]} */ (
  Object.keys(ERROR_CODES).filter((c) =>
    ERROR_CODES[/** @type {ErrorCode} */ (c)].scope === "input"
  )
);

/**
 * Topics a Clarifier question may be about. A `question` frame's `data.topic` is one of
 * these, or a domain follow-up id of the engine's (tolerated: clients show it as "other").
 */
export const QUESTION_TOPICS = /** @type {const} */ ([
  "idea",
  "users",
  "platforms",
  "features",
  "scale",
  "budget",
  "timeline",
  "compliance",
  "jurisdiction",
  "review",
]);

/** One of {@link QUESTION_TOPICS}. @typedef {typeof QUESTION_TOPICS[number]} QuestionTopic */
