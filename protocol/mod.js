// @ts-check
/**
 * The Parley wire protocol, defined once and shared by the server, the agents and the
 * browser. Plain JavaScript with JSDoc so that the browser loads this very file.
 *
 * Server frames are `{type, data, seq, ts}`. The seed's six types (`status`, `progress`,
 * `question`, `result`, `complete`, `error`) keep the seed's data shapes exactly; every
 * field we add (`seq`, `ts`, `data.id`, `data.agent`, …) is one a seed client ignores.
 *
 * Frames from the server are parsed tolerantly: unknown top-level fields are dropped and
 * unknown `data` fields pass through, so that older clients keep working when the server
 * grows. Objects from the client are strict about what they
 * must have and bounded in size, because the client is not trusted.
 *
 * @module
 */
import { z } from "zod";

import {
  ADDED_FRAME_TYPES,
  FINISH_ANSWER,
  MAX_ANSWER_CHARS,
  MAX_CLIENT_FRAME_BYTES,
  PIPELINE_STAGES,
  PROTOCOL_VERSION,
  REVIEW_FIELDS,
  SEED_FRAME_TYPES,
} from "./constants.js";
import { normaliseAnswer } from "./text.js";
export { normaliseAnswer };
export { CLOSE_CODES, ERROR_CODES, INPUT_ERROR_CODES, QUESTION_TOPICS } from "./errors.js";

export {
  ADDED_FRAME_TYPES,
  FINISH_ANSWER,
  MAX_ANSWER_CHARS,
  MAX_CLIENT_FRAME_BYTES,
  PIPELINE_STAGES,
  PROTOCOL_VERSION,
  REVIEW_FIELDS,
  SEED_FRAME_TYPES,
};

const agentName = z.string().min(1).max(64);

// ---------------------------------------------------------------------------------------
// Server → client

const frameMeta = {
  /** Per-session sequence number: 1, 2, 3, … with no gaps. */
  seq: z.number().int().positive(),
  /** Milliseconds since the Unix epoch when the server sent the frame. */
  ts: z.number(),
};

/** `status`: general status; `data.stage` marks the start of a pipeline stage. */
export const StatusData = z.looseObject({
  message: z.string(),
  stage: agentName.optional(),
});

/** `progress`: what an agent is doing. */
export const ProgressData = z.looseObject({
  message: z.string(),
  agent: agentName.optional(),
});

/** `question`: a question the person must answer; `id` is what a typed answer names. */
export const QuestionData = z.looseObject({
  question: z.string(),
  id: z.string().min(1).max(128),
  agent: agentName.optional(),
  round: z.number().int().positive().optional(),
  /** What the question is about: one of `QUESTION_TOPICS`, or an engine's domain id. */
  topic: z.string().optional(),
  /**
   * Where the interview stands, for "Question 4 of about 7 · Round 2 of 3": `number` counts
   * questions asked so far (this one included), `about` is the engine's estimate of the
   * total (it may change), `round` and `rounds` are the clarifier round and the most rounds.
   */
  progress: z.looseObject({
    number: z.number().int().positive(),
    about: z.number().int().positive().optional(),
    round: z.number().int().positive().optional(),
    rounds: z.number().int().positive().optional(),
  }).optional(),
  /**
   * On the review question (`topic: "review"`) only: what the Clarifier understood, for a
   * client that shows it as a form. Answer with `{"type": "review", "questionId", "changes"}`
   * or, like any question, with free text ("ok", "timeline is 6 months").
   */
  review: z.looseObject({
    requirements: z.unknown(),
    /** Evidence by slot (`timeline`, `users:nurses`): the person's words behind each field. */
    evidence: z.unknown().optional(),
  }).optional(),
});

/** `result`: one agent's output; the clarifier's `data` is `{done, resp}`. */
export const ResultData = z.looseObject({
  agent: agentName,
  data: z.unknown(),
});

/**
 * The envelope of `complete.data.brief` (its whole schema is `CompleteBrief` in
 * `brief.js`; a client does not re-validate what the server validated): the analysts'
 * results inline in `results`, or named by the seq of their `result` frames in
 * `resultSeqs` (the default on the wire), one of the two at least.
 */
export const BriefEnvelope = z.looseObject({
  results: z.record(z.string(), z.unknown()).optional(),
  resultSeqs: z.record(z.string(), z.number().int().positive()).optional(),
}).refine((b) => b.results !== undefined || b.resultSeqs !== undefined, {
  message: "A brief has results or resultSeqs",
});

/**
 * `complete`: the brief as Markdown in `summary`, and as structured data in `brief`
 * (without the results the `result` frames carried: see {@link BriefEnvelope}).
 */
export const CompleteData = z.looseObject({
  summary: z.string(),
  brief: BriefEnvelope.optional(),
  /** The brief's version in this session: 1, then one more after each edit's re-run. */
  version: z.number().int().positive().optional(),
  /** From version 2 on: what changed since the previous version (see `BriefChanges`). */
  changes: z.unknown().optional(),
});

/** `error`: something failed; `code` is stable for programs, `message` is for people. */
export const ErrorData = z.looseObject({
  message: z.string(),
  code: z.string().optional(),
  agent: agentName.optional(),
  ref: z.string().optional(),
});

// Types added after the seed. A seed client ignores them; `parseServerFrame` knows them.

/**
 * `session`: the session's identity. Sent as seq 1 of a new session with its secret
 * `token` (keep it: it is the only way back into the session), and again after a resume
 * with `resumed: true` and no token.
 */
export const SessionData = z.looseObject({
  sessionId: z.string(),
  clientId: z.string(),
  token: z.string().optional(),
  resumed: z.boolean(),
  /** The last seq the resuming client had seen. */
  lastSeq: z.number().int().nonnegative().optional(),
});

/**
 * `delta`: a piece of an agent's output while it is being generated: `text` to append to
 * the stream `id`, and/or `partial`, the result object so far. The agent's `result` closes
 * the stream.
 */
export const DeltaData = z.looseObject({
  agent: agentName,
  id: z.string(),
  text: z.string().optional(),
  partial: z.unknown().optional(),
});

/** `answered`: an answer was accepted (every tab on the session sees it). */
export const AnsweredData = z.looseObject({
  questionId: z.string(),
  answer: z.string(),
});

/**
 * `edited`: an earlier answer was replaced (every tab sees it). The server re-reads the
 * transcript from that answer, may ask new questions, and re-runs the analysts whose input
 * changed; a new `complete` with the next `version` follows.
 */
export const EditedData = z.looseObject({
  questionId: z.string(),
  answer: z.string(),
  /** The version the re-run will produce. */
  version: z.number().int().positive(),
});

/** `cancelled`: the conversation was stopped; nothing but errors follows. */
export const CancelledData = z.looseObject({
  message: z.string(),
});

/**
 * Builds the schema of one server frame from its type and data schema.
 * @template {string} T
 * @template {z.ZodType} D
 * @param {T} type
 * @param {D} data
 */
function serverFrame(type, data) {
  return z.object({ type: z.literal(type), data, ...frameMeta });
}

/**
 * Builds the schema of a frame that may be connection-only: sent on one connection, never
 * stored or broadcast, and so without a `seq` (see {@link isConnectionOnly}).
 * @template {string} T
 * @template {z.ZodType} D
 * @param {T} type
 * @param {D} data
 */
function maybeConnectionFrame(type, data) {
  return z.object({ type: z.literal(type), data, seq: frameMeta.seq.optional(), ts: frameMeta.ts });
}

/** `pong`: the answer to a client's `{"type":"ping"}`, on that connection only, no `seq`. */
export const PongData = z.looseObject({
  /** The `id` of the ping it answers, when the ping had one. */
  id: z.string().max(64).optional(),
});

/** Every frame the server sends, discriminated by `type`. */
export const ServerFrame = z.discriminatedUnion("type", [
  serverFrame("status", StatusData),
  serverFrame("progress", ProgressData),
  serverFrame("question", QuestionData),
  serverFrame("result", ResultData),
  serverFrame("complete", CompleteData),
  maybeConnectionFrame("error", ErrorData),
  maybeConnectionFrame("session", SessionData),
  serverFrame("delta", DeltaData),
  serverFrame("answered", AnsweredData),
  serverFrame("cancelled", CancelledData),
  serverFrame("edited", EditedData),
  // Always sent without a seq; declared optional so that `frame.seq` reads on every frame.
  maybeConnectionFrame("pong", PongData),
]);

/**
 * Whether a server frame is connection-only: it has no `seq`, was sent to this connection
 * alone and is not part of the session's log (an input error, a refusal before close, a
 * `pong`, the `session` frame of a resume of a finished conversation). Apply it without
 * touching the last seq seen.
 *
 * @example
 * ```js
 * import { isConnectionOnly } from "./mod.js";
 * if (!isConnectionOnly({ seq: undefined })) throw new Error("a frame without seq is connection-only");
 * ```
 * @param {{ seq?: unknown }} frame
 * @returns {boolean}
 */
export function isConnectionOnly(frame) {
  return frame.seq === undefined;
}

/** @typedef {z.infer<typeof ServerFrame>} ServerFrame */
/** @typedef {ServerFrame["type"]} ServerFrameType */
/**
 * A server frame before the session stamps it with `seq` and `ts`: what agents yield.
 * @typedef {{ [K in Exclude<ServerFrameType, "pong">]: Omit<Extract<ServerFrame, { type: K }>, "seq" | "ts"> }[Exclude<ServerFrameType, "pong">]} FrameBody
 */
/** @typedef {z.infer<typeof QuestionData>} QuestionData */
/** @typedef {z.infer<typeof ErrorData>} ErrorData */

// ---------------------------------------------------------------------------------------
// Client → server

const answerText = z.string().max(MAX_ANSWER_CHARS, {
  message: `Answer is too long: send at most ${MAX_ANSWER_CHARS} characters`,
});

/** The seed's answer: `{"answer": "..."}`, answering the pending question. */
export const SeedAnswerFrame = z.object({ answer: answerText });

/** A typed answer naming the question it answers. */
export const AnswerFrame = z.object({
  type: z.literal("answer"),
  questionId: z.string().min(1).max(128),
  answer: answerText,
});

/**
 * Answers the review question with fields set directly: `changes` maps a requirements
 * field (`timeline`, `users`, …) to its new value, a string or a list of strings. An empty
 * `changes` accepts what was understood.
 */
export const ReviewFrame = z.object({
  type: z.literal("review"),
  questionId: z.string().min(1).max(128),
  changes: z.partialRecord(
    z.enum(REVIEW_FIELDS),
    z.union([answerText, z.array(z.string().min(1).max(500)).max(50)]),
  ),
});

/**
 * Replaces the answer to an earlier question, at any time (interview, analysis, after
 * `complete`). `version`, when given, is the brief version the client was looking at: an
 * edit based on an older version is refused as stale.
 */
export const EditFrame = z.object({
  type: z.literal("edit"),
  questionId: z.string().min(1).max(128),
  answer: answerText.min(1, { message: "Answer is empty: send the new answer" }),
  version: z.number().int().nonnegative().optional(),
});

/** Stops the conversation; the server acknowledges with `cancelled`. */
export const CancelFrame = z.object({ type: z.literal("cancel") });

/**
 * "Brief me on what I have said so far": the Clarifier stops interviewing and the analysts
 * work from the answers given; the pending question is withdrawn (`answered` with
 * `finish: true` and an empty `answer`).
 */
export const FinishFrame = z.object({ type: z.literal("finish") });

/** Ends the current conversation and starts a new session on the same socket. */
export const RestartFrame = z.object({ type: z.literal("restart") });

/**
 * Resumes a session: the first frame on a socket opened with `?resume=1`. The server
 * replays every frame after `lastSeq`, then the live ones.
 */
export const ResumeFrame = z.object({
  type: z.literal("resume"),
  token: z.string().min(1).max(256),
  lastSeq: z.number().int().nonnegative(),
});

/**
 * The application heartbeat: the server answers with a `pong` on this connection only
 * (echoing `id`). A client that sends it every few seconds learns of a dead connection
 * itself; the server closes a connection that sent pings and then fell silent (4410).
 */
export const PingFrame = z.object({
  type: z.literal("ping"),
  id: z.string().max(64).optional(),
});

/** Typed client frames, discriminated by `type`. */
export const TypedClientFrame = z.discriminatedUnion("type", [
  AnswerFrame,
  ReviewFrame,
  EditFrame,
  CancelFrame,
  FinishFrame,
  RestartFrame,
  ResumeFrame,
  PingFrame,
]);

/** Every frame a client may send: the seed's untyped answer or a typed frame. */
export const ClientFrame = z.union([TypedClientFrame, SeedAnswerFrame]);

/** @typedef {z.infer<typeof ClientFrame>} ClientFrame */

/**
 * @template T
 * @typedef {{ success: true, value: T } | { success: false, error: string, code?: "frame_too_large" }} ParseResult
 */

/**
 * Parses untrusted text from a client into a {@link ClientFrame}. Never throws: the size
 * is checked before parsing, and every failure comes back as a message a person can act on.
 *
 * @example
 * ```js
 * const r = parseClientFrame('{"answer":"A todo app"}');
 * if (r.success) console.log(r.value); // { answer: "A todo app" }
 * ```
 * @param {string} text
 * @param {number} [maxBytes]
 * @returns {ParseResult<ClientFrame>}
 */
export function parseClientFrame(text, maxBytes = MAX_CLIENT_FRAME_BYTES) {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so most frames skip the encode.
  if (text.length * 3 > maxBytes) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxBytes) {
      return {
        success: false,
        error: `Frame is too large: ${bytes} bytes, the limit is ${maxBytes}`,
        code: "frame_too_large",
      };
    }
  }
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { success: false, error: 'Frame is not JSON: send {"answer": "..."}' };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { success: false, error: 'Frame is not a JSON object: send {"answer": "..."}' };
  }
  const typed = "type" in json;
  if (typed && !TYPED_CLIENT_TYPES.has(/** @type {{type: string}} */ (json).type)) {
    const type = String(/** @type {{type: unknown}} */ (json).type).slice(0, 40);
    return {
      success: false,
      error: `Unknown frame type "${type}": expected one of ${[...TYPED_CLIENT_TYPES].join(", ")}`,
    };
  }
  const parsed = (typed ? TypedClientFrame : SeedAnswerFrame).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    return { success: false, error: `Frame has the wrong shape${where}: ${issue?.message}` };
  }
  const value = parsed.data;
  // Every answer is normalised here, at the boundary (see protocol/text.js).
  if ("answer" in value) value.answer = normaliseAnswer(value.answer);
  return { success: true, value };
}

/** @type {Set<string>} */
const TYPED_CLIENT_TYPES = new Set(TypedClientFrame.options.map((o) => o.shape.type.value));

/**
 * Parses a frame from the server. Clients use it to tolerate frames they do not know:
 * an unknown `type` is not an error, it comes back as `{ success: false }`.
 * @param {unknown} json
 * @returns {ParseResult<ServerFrame>}
 */
export function parseServerFrame(json) {
  const parsed = ServerFrame.safeParse(json);
  if (parsed.success) return { success: true, value: parsed.data };
  return { success: false, error: parsed.error.issues[0]?.message ?? "Invalid frame" };
}

/**
 * The JSON Schema of the protocol, as served at `GET /protocol.json`.
 * @returns {Record<string, unknown>}
 */
export function protocolJsonSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Parley wire protocol",
    version: PROTOCOL_VERSION,
    $defs: {
      ServerFrame: z.toJSONSchema(ServerFrame, { unrepresentable: "any" }),
      ClientFrame: z.toJSONSchema(ClientFrame, { unrepresentable: "any" }),
    },
  };
}
