// @ts-check
/**
 * The conversation state of a {@link import("../client.js").ConversationClient}, as a pure
 * reducer: `applyFrame(state, frame)` for what the server sent and `reduce(state, action)`
 * for what happened here (the socket opened or closed, an answer was typed). Neither
 * touches a socket, a timer or storage; both return a new frozen-by-convention object when
 * something changed and the same object when nothing did, so arrays of frames fold into a
 * state with `frames.reduce(applyFrame, initialState())`.
 *
 * Frames reach the reducer already validated (`protocol/mod.js`); a frame of a type the
 * reducer does not know is kept in `messages` and otherwise ignored. A frame without `seq`
 * (an input-scope `error`, a `pong`) is applied without touching `lastSeq`.
 *
 * @module
 */
import { PIPELINE_STAGES } from "../constants.js";
import { ERROR_CODES } from "../../protocol/errors.js";
import { expandBrief } from "../../protocol/brief_wire.js";

/** @typedef {import("../../protocol/mod.js").ServerFrame} ServerFrame */
/** @typedef {import("../../protocol/mod.js").QuestionData} QuestionData */

/**
 * Any frame the server sent: a known {@link ServerFrame}, or one of a type this client
 * does not know yet, kept as it came. Connection-only frames have no `seq`.
 * @typedef {ServerFrame | { type: string, data?: unknown, seq?: number, ts?: number, known?: false }} AnyFrame
 */

/**
 * `idle` (never connected), `connecting`, `live` (the socket is open and answers the
 * heartbeat; called `open` before issue 10), `reconnecting` (waiting to retry, or retrying),
 * `offline` (the browser says there is no network: no retries until it is back), `closed`
 * (after `disconnect()`, after giving up, after a stop or a lost session).
 * @typedef {"idle" | "connecting" | "live" | "reconnecting" | "offline" | "closed"} ConnectionState
 */

/**
 * A question and, once given, its answer.
 * @typedef {object} TranscriptEntry
 * @property {string} id
 * @property {string} question
 * @property {string | null} answer
 * @property {number | undefined} round
 * @property {string | undefined} topic
 */

/**
 * An answer typed here that no `answered` frame has confirmed yet: `queued` waits for a
 * connection, `sending` went out on a socket (and is sent again, idempotently, after a
 * reconnect until it is confirmed).
 * @typedef {object} PendingAnswer
 * @property {string} questionId
 * @property {string} answer
 * @property {"queued" | "sending"} state
 */

/**
 * An error from the server (`source: "server"`), about the connection, or found by the
 * client in what the server sent. `code` is stable for programs.
 * @typedef {object} ConversationError
 * @property {string} message
 * @property {string | undefined} code
 * @property {string | undefined} agent
 * @property {string | undefined} ref Server reference for its logs, or a question id.
 * @property {"server" | "connection" | "client"} source
 * @property {number | undefined} seq
 */

/**
 * Where the pipeline is: one state per stage of {@link PIPELINE_STAGES}.
 * @typedef {"pending" | "active" | "done" | "failed"} StageState
 */

/**
 * Where the interview stands: from the latest question's `data.progress`, or else
 * `number` counts the questions asked (and `about`, `rounds` are absent).
 * @typedef {object} InterviewProgress
 * @property {number} number
 * @property {number | undefined} about
 * @property {number | undefined} round
 * @property {number | undefined} rounds
 */

/**
 * What an agent has streamed so far (`delta` frames) while it generates.
 * @typedef {object} AgentStream
 * @property {string} agent
 * @property {string} id The stream id, e.g. `summary-1`, `product-2`.
 * @property {string} text All `text` so far ("" when the stream sends only `partial`).
 * @property {unknown} partial The result object so far, or `undefined`.
 * @property {number} seq The `seq` of the last delta applied.
 */

/**
 * The whole state. `token` is the session's secret: it never leaves the client object.
 * @typedef {object} ConversationState
 * @property {ConnectionState} connection
 * @property {number} attempt Reconnect attempts since the last good connection.
 * @property {number | null} retryAt Epoch ms of the next connection attempt, if one waits.
 * @property {boolean} fresh No frame has arrived on the current socket yet.
 * @property {boolean} resuming The current socket was opened to resume with the token.
 * @property {number} lastSeq The last `seq` applied.
 * @property {number} epoch Counts conversations: grows when the state is reset.
 * @property {number} maxMessages
 * @property {readonly AnyFrame[]} messages
 * @property {readonly QuestionData[]} questions Asked and not answered, oldest first.
 * @property {readonly PendingAnswer[]} pending
 * @property {readonly string[]} answeredHere Ids of questions answered from this client.
 * @property {readonly TranscriptEntry[]} transcript
 * @property {number} asked Questions asked so far.
 * @property {InterviewProgress | null} progress
 * @property {string | null} status
 * @property {string | null} stage
 * @property {number | null} round
 * @property {Readonly<Record<string, StageState>>} stages
 * @property {Readonly<Record<string, unknown>>} results
 * @property {Readonly<Record<string, number>>} resultSeqs The seq of the `result` frame
 *   behind each entry of `results`: a `complete` names its results by these seqs.
 * @property {string | null} summary
 * @property {unknown} brief
 * @property {boolean} complete
 * @property {ConversationError | null} lastError
 * @property {string | null} sessionId
 * @property {string | null} token
 * @property {boolean} sessionLost The server no longer has this conversation.
 * @property {string | null} cancelled The `cancelled` message, once stopped.
 * @property {Readonly<Record<string, AgentStream>>} streams
 * @property {readonly BriefVersionEntry[]} versions Every brief of the session, oldest first
 *   (at most {@link MAX_VERSIONS}; the oldest are dropped first).
 * @property {number} version The latest brief's version, 0 before the first.
 * @property {ReviewState | null} review The review question waiting, with what was understood.
 * @property {EditState | null} editing The edit being applied, until its re-run asks or briefs.
 */

/**
 * One version of the brief, from a `complete` frame.
 * @typedef {object} BriefVersionEntry
 * @property {number} version
 * @property {string} summary The Markdown.
 * @property {unknown} brief The structured brief.
 * @property {unknown} changes What changed since the previous version (`null` on the first):
 *   `{from, fields: [{field, before, after}], requirements: {added, removed},
 *   risks: {added, removed}, rerun, kept}`.
 * @property {number} seq
 */

/**
 * The review question: what the Clarifier understood, for a form. Answer it with
 * `client.review(changes)` (or `sendAnswer("ok")`).
 * @typedef {object} ReviewState
 * @property {string} questionId
 * @property {string} question The readable summary a seed client shows.
 * @property {unknown} requirements The requirements as understood (`protocol/brief.js`).
 * @property {unknown} evidence Evidence by slot (`timeline`, `users:nurses`).
 */

/**
 * An accepted edit (from any tab) whose re-run is under way.
 * @typedef {object} EditState
 * @property {string} questionId
 * @property {string} answer
 * @property {number} version The version the re-run will produce.
 */

/** Most brief versions a client keeps in its state. */
export const MAX_VERSIONS = 20;

/**
 * What happened on this side, for {@link reduce}.
 * @typedef {{ type: "connection", state: ConnectionState, attempt?: number, retryAt?: number | null }
 *   | { type: "open", resuming: boolean }
 *   | { type: "answer", questionId: string, answer: string, sent: boolean }
 *   | { type: "flushed" }
 *   | { type: "error", error: ConversationError }
 *   | { type: "session", sessionId: string | null, token: string | null }
 *   | { type: "sessionLost" }
 *   | { type: "reset" }} ClientAction
 */

/**
 * Input-error codes that mean the answer in flight was not taken (typed against
 * `protocol/errors.js`, so a code it does not define fails the type check).
 * @type {ReadonlySet<string>}
 */
const REFUSED_ANSWER = new Set(
  /** @type {import("../../protocol/errors.js").ErrorCode[]} */ ([
    "wrong_question",
    "no_question",
    "not_running",
    "already_answered",
  ]),
);

/** @returns {Record<string, StageState>} */
function initialStages() {
  return Object.fromEntries(PIPELINE_STAGES.map((s) => [s, /** @type {StageState} */ ("pending")]));
}

/**
 * The state of a client that has seen nothing yet.
 * @param {{ maxMessages?: number, sessionId?: string | null, token?: string | null }} [options]
 * @returns {ConversationState}
 */
export function initialState(options = {}) {
  return {
    connection: "idle",
    attempt: 0,
    retryAt: null,
    fresh: true,
    resuming: false,
    lastSeq: 0,
    epoch: 0,
    maxMessages: options.maxMessages ?? 1000,
    messages: [],
    questions: [],
    pending: [],
    answeredHere: [],
    transcript: [],
    asked: 0,
    progress: null,
    status: null,
    stage: null,
    round: null,
    stages: initialStages(),
    results: {},
    resultSeqs: {},
    summary: null,
    brief: null,
    complete: false,
    lastError: null,
    sessionId: options.sessionId ?? null,
    token: options.token ?? null,
    sessionLost: false,
    cancelled: null,
    streams: {},
    versions: [],
    version: 0,
    review: null,
    editing: null,
  };
}

/**
 * The scope of an error code from `protocol/errors.js`, or `session` for a code it does not
 * know (a newer server's).
 * @param {string | undefined} code
 * @returns {"input" | "connection" | "session"}
 */
export function errorScope(code) {
  if (code === undefined || !Object.hasOwn(ERROR_CODES, code)) return "session";
  return ERROR_CODES[/** @type {keyof typeof ERROR_CODES} */ (code)].scope;
}

/**
 * Whether a reset would lose anything: a frame applied or an answer typed.
 * @param {ConversationState} s
 */
export function hasConversation(s) {
  return s.lastSeq > 0 || s.messages.length > 0 || s.transcript.length > 0;
}

/**
 * The first answer of the conversation (the idea), or `null`.
 * @param {ConversationState} s
 * @returns {string | null}
 */
export function ideaOf(s) {
  return s.transcript.find((e) => e.answer !== null)?.answer ?? null;
}

/**
 * A new conversation: forgets the old one, keeps the connection and the session fields.
 * @param {ConversationState} s
 * @returns {ConversationState}
 */
function resetConversation(s) {
  const fresh = initialState({ maxMessages: s.maxMessages });
  return {
    ...fresh,
    connection: s.connection,
    attempt: s.attempt,
    retryAt: s.retryAt,
    fresh: s.fresh,
    resuming: s.resuming,
    epoch: s.epoch + 1,
    sessionId: s.sessionId,
    token: s.token,
  };
}

/**
 * A `complete` frame's brief with the analysts' results put back: the server names them by
 * the seq of their `result` frames (`brief.resultSeqs`), which this state applied (a resume
 * replays every frame after `lastSeq`, a reloaded page every frame). A result whose frame
 * is not the one named is left out rather than guessed.
 * @param {ConversationState} s
 * @param {unknown} brief
 * @returns {unknown}
 */
function wholeBrief(s, brief) {
  if (brief === undefined || brief === null) return null;
  return expandBrief(brief, (seq) => {
    for (const [agent, at] of Object.entries(s.resultSeqs)) {
      if (at === seq) return s.results[agent];
    }
    return undefined;
  });
}

/**
 * Applies one frame from the server. Returns `state` itself for a frame already applied
 * (a `seq` at or below `lastSeq` on the same conversation).
 * @param {ConversationState} state
 * @param {AnyFrame} frame
 * @returns {ConversationState}
 */
export function applyFrame(state, frame) {
  let s = state;
  const seq = typeof frame.seq === "number" ? frame.seq : null;
  if (frame.type === "error" && errorScope(errorCodeOf(frame)) === "connection") {
    // A refusal of this socket (seq 1, outside any session): reported, not part of the
    // conversation's sequence, not kept in `messages`, and no proof the socket works.
    return applyError(s, /** @type {Extract<ServerFrame, { type: "error" }>} */ (frame));
  }
  if (seq !== null) {
    const fresh = s.fresh && !s.resuming;
    const restarted = frame.type === "session" && sessionIdOf(frame) !== s.sessionId;
    if (seq === 1 && (fresh || restarted) && hasConversation(s)) s = resetConversation(s);
    else if (seq <= s.lastSeq) return state;
    s = { ...s, lastSeq: seq };
  }
  if (s.fresh) s = { ...s, fresh: false, attempt: 0 };
  if (frame.type === "pong") return s;
  if (frame.type !== "delta") {
    const messages = [...s.messages, frame];
    if (messages.length > s.maxMessages) messages.splice(0, messages.length - s.maxMessages);
    s = { ...s, messages };
  }
  return applyKnown(s, frame);
}

/**
 * The `code` of an `error` frame's data, if it has one.
 * @param {AnyFrame} frame
 * @returns {string | undefined}
 */
export function errorCodeOf(frame) {
  const data = frame.data;
  if (typeof data !== "object" || data === null) return undefined;
  const code = Reflect.get(data, "code");
  return typeof code === "string" ? code : undefined;
}

/** @param {AnyFrame} frame */
function sessionIdOf(frame) {
  const data = frame.data;
  return typeof data === "object" && data !== null ? Reflect.get(data, "sessionId") : undefined;
}

/**
 * @param {ConversationState} s
 * @param {AnyFrame} any
 * @returns {ConversationState}
 */
function applyKnown(s, any) {
  const frame = /** @type {ServerFrame} */ (any);
  switch (frame.type) {
    case "status": {
      s = { ...s, status: frame.data.message };
      return frame.data.stage ? enterStage(s, frame.data.stage) : s;
    }
    case "progress": {
      const agent = frame.data.agent;
      if (agent && s.stages[agent] === "pending") s = enterStage(s, agent);
      const round = /\(Round (\d+)\)/.exec(frame.data.message);
      if (round && (agent === "clarifier" || agent === undefined)) {
        s = { ...s, round: Number(round[1]) };
      }
      return s;
    }
    case "question":
      return applyQuestion(s, frame.data);
    case "result": {
      const { agent, data } = frame.data;
      s = { ...closeStream(s, agent), results: { ...s.results, [agent]: data } };
      const seq = frame.seq;
      if (typeof seq === "number") s = { ...s, resultSeqs: { ...s.resultSeqs, [agent]: seq } };
      const done = agent !== "clarifier" ||
        (typeof data === "object" && data !== null && Reflect.get(data, "done") === true);
      return done ? { ...s, stages: { ...s.stages, [agent]: "done" } } : s;
    }
    case "complete": {
      /** @type {Record<string, StageState>} */
      const stages = { ...s.stages };
      for (const [k, v] of Object.entries(stages)) if (v !== "failed") stages[k] = "done";
      const version = typeof frame.data.version === "number" ? frame.data.version : s.version + 1;
      const brief = wholeBrief(s, frame.data.brief);
      /** @type {BriefVersionEntry} */
      const entry = {
        version,
        summary: frame.data.summary,
        brief,
        changes: frame.data.changes ?? null,
        seq: frame.seq,
      };
      return {
        ...s,
        versions: [...s.versions.filter((v) => v.version !== version), entry].slice(
          -MAX_VERSIONS,
        ),
        version,
        review: null,
        editing: null,
        summary: frame.data.summary,
        brief,
        complete: true,
        questions: [],
        pending: [],
        streams: {},
        stages,
        stage: null,
      };
    }
    case "error":
      return applyError(s, frame);
    case "session": {
      const token = frame.data.token ?? s.token;
      return { ...s, sessionId: frame.data.sessionId, token, sessionLost: false };
    }
    case "answered": {
      const { questionId, answer } = frame.data;
      if (frame.data.finish === true) {
        // `finish`: the question was withdrawn, the interview is over.
        return {
          ...s,
          questions: s.questions.filter((q) => q.id !== questionId),
          pending: s.pending.filter((p) => p.questionId !== questionId),
          transcript: s.transcript.filter((e) => e.id !== questionId || e.answer !== null),
        };
      }
      const entry = s.transcript.find((e) => e.id === questionId);
      if (s.review?.questionId === questionId) s = { ...s, review: null };
      return {
        ...s,
        questions: s.questions.filter((q) => q.id !== questionId),
        pending: s.pending.filter((p) => p.questionId !== questionId),
        // The first answer wins, whichever tab gave it.
        transcript: entry && entry.answer !== answer
          ? s.transcript.map((e) => e === entry ? { ...e, answer } : e)
          : s.transcript,
      };
    }
    case "edited": {
      // Another answer replaces the old one; a re-run follows and ends in a new version.
      const { questionId, answer, version } = frame.data;
      /** @type {Record<string, StageState>} */
      const stages = { ...s.stages };
      for (const k of Object.keys(stages)) if (k !== "clarifier") stages[k] = "pending";
      return {
        ...s,
        editing: { questionId, answer, version },
        complete: false,
        questions: [],
        review: null,
        streams: {},
        stages,
        stage: null,
        transcript: s.transcript.map((e) => e.id === questionId ? { ...e, answer } : e),
      };
    }
    case "cancelled": {
      /** @type {Record<string, StageState>} */
      const stages = { ...s.stages };
      for (const [k, v] of Object.entries(stages)) if (v === "active") stages[k] = "pending";
      return {
        ...s,
        cancelled: frame.data.message,
        questions: [],
        pending: [],
        streams: {},
        stages,
        stage: null,
      };
    }
    case "delta": {
      const { agent, id, text, partial } = frame.data;
      const open = s.streams[agent];
      // A new id of the same agent (a retry) replaces its stream.
      const prev = open && open.id === id ? open : null;
      const stream = {
        agent,
        id,
        text: (prev?.text ?? "") + (text ?? ""),
        partial: partial === undefined ? prev?.partial : partial,
        seq: frame.seq,
      };
      return { ...s, streams: { ...s.streams, [agent]: stream } };
    }
    default:
      return s;
  }
}

/**
 * @param {ConversationState} s
 * @param {QuestionData} q
 * @returns {ConversationState}
 */
function applyQuestion(s, q) {
  if (q.topic === "review" && q.review) {
    s = {
      ...s,
      review: {
        questionId: q.id,
        question: q.question,
        requirements: q.review.requirements,
        evidence: q.review.evidence ?? {},
      },
    };
  }
  if (s.editing) s = { ...s, editing: null };
  const known = s.transcript.some((e) => e.id === q.id);
  const asked = known ? s.asked : s.asked + 1;
  const p = q.progress;
  /** @type {InterviewProgress} */
  const progress = p
    ? { number: p.number, about: p.about, round: p.round ?? q.round, rounds: p.rounds }
    : { number: asked, about: undefined, round: q.round, rounds: undefined };
  s = {
    ...s,
    asked,
    progress,
    round: q.round ?? s.round,
    questions:
      s.questions.some((x) => x.id === q.id) || s.pending.some((x) => x.questionId === q.id)
        ? s.questions
        : [...s.questions, q],
    transcript: known ? s.transcript : [...s.transcript, {
      id: q.id,
      question: q.question,
      answer: null,
      round: q.round,
      topic: q.topic,
    }],
  };
  return s.stage === null || s.stages[q.agent ?? "clarifier"] === "pending"
    ? enterStage(s, q.agent ?? "clarifier")
    : s;
}

/**
 * @param {ConversationState} s
 * @param {Extract<ServerFrame, { type: "error" }>} frame
 * @returns {ConversationState}
 */
function applyError(s, frame) {
  const err = fromErrorFrame(
    frame,
    errorScope(frame.data.code) === "connection" ? "connection" : "server",
  );
  s = { ...s, lastError: err };
  const code = frame.data.code;
  if (code === "bad_token") {
    // The server no longer has the conversation: keep what the page shows, drop the token.
    const lost = s.lastSeq > 0 || s.transcript.length > 0;
    return lost ? { ...s, token: null, sessionLost: true, questions: [], pending: [] } : {
      ...s,
      token: null,
    };
  }
  if (err.agent) {
    s = closeStream({ ...s, stages: { ...s.stages, [err.agent]: "failed" } }, err.agent);
  }
  if (code !== undefined && REFUSED_ANSWER.has(code)) {
    // The oldest answer in flight was not taken (input errors answer in order).
    const refused = s.pending.find((p) => p.state === "sending");
    if (refused) {
      s = { ...s, pending: s.pending.filter((p) => p !== refused) };
      const entry = s.transcript.find((e) => e.id === refused.questionId);
      if (entry && entry.answer === refused.answer && code !== "already_answered") {
        // Ask it again, unless the conversation is over.
        s = {
          ...s,
          transcript: s.transcript.map((e) => e === entry ? { ...e, answer: null } : e),
          questions: code === "wrong_question" ? [...s.questions, questionOf(entry)] : s.questions,
        };
      }
    }
  }
  return s;
}

/** @param {TranscriptEntry} e @returns {QuestionData} */
function questionOf(e) {
  return {
    id: e.id,
    question: e.question,
    ...(e.round !== undefined ? { round: e.round } : {}),
    ...(e.topic !== undefined ? { topic: e.topic } : {}),
  };
}

/**
 * @param {Extract<ServerFrame, { type: "error" }>} frame
 * @param {ConversationError["source"]} source
 * @returns {ConversationError}
 */
export function fromErrorFrame(frame, source) {
  return {
    message: frame.data.message,
    code: frame.data.code,
    agent: frame.data.agent,
    ref: frame.data.ref,
    source,
    seq: frame.seq,
  };
}

/**
 * @param {ConversationState} s
 * @param {string} agent
 * @returns {ConversationState}
 */
function closeStream(s, agent) {
  if (!Object.hasOwn(s.streams, agent)) return s;
  const { [agent]: _, ...rest } = s.streams;
  return { ...s, streams: rest };
}

/**
 * @param {ConversationState} s
 * @param {string} stage
 * @returns {ConversationState}
 */
function enterStage(s, stage) {
  /** @type {Record<string, StageState>} */
  const stages = { ...s.stages };
  const prev = s.stage;
  if (prev && prev !== stage && stages[prev] === "active") stages[prev] = "done";
  // Earlier stages of the built-in pipeline are over once a later one starts.
  const at = PIPELINE_STAGES.indexOf(/** @type {any} */ (stage));
  for (let i = 0; i < at; i++) {
    const name = /** @type {string} */ (PIPELINE_STAGES[i]);
    if (stages[name] === "pending" || stages[name] === "active") stages[name] = "done";
  }
  if (stages[stage] !== "failed") stages[stage] = "active";
  return { ...s, stages, stage };
}

/**
 * Applies one thing that happened on this side.
 * @param {ConversationState} s
 * @param {ClientAction} action
 * @returns {ConversationState}
 */
export function reduce(s, action) {
  switch (action.type) {
    case "connection": {
      const attempt = action.attempt ?? s.attempt;
      const retryAt = action.retryAt ?? null;
      if (s.connection === action.state && s.attempt === attempt && s.retryAt === retryAt) {
        return s;
      }
      return { ...s, connection: action.state, attempt, retryAt };
    }
    case "open":
      return { ...s, connection: "live", retryAt: null, fresh: true, resuming: action.resuming };
    case "answer": {
      const { questionId, answer } = action;
      const entry = s.transcript.find((e) => e.id === questionId && e.answer === null);
      return {
        ...s,
        questions: s.questions.filter((q) => q.id !== questionId),
        pending: [...s.pending.filter((p) => p.questionId !== questionId), {
          questionId,
          answer,
          state: action.sent ? "sending" : "queued",
        }],
        answeredHere: s.answeredHere.includes(questionId)
          ? s.answeredHere
          : [...s.answeredHere, questionId],
        transcript: entry
          ? s.transcript.map((e) => e === entry ? { ...e, answer } : e)
          : s.transcript,
      };
    }
    case "flushed":
      if (!s.pending.some((p) => p.state === "queued")) return s;
      return { ...s, pending: s.pending.map((p) => ({ ...p, state: "sending" })) };
    case "error":
      return { ...s, lastError: action.error };
    case "session":
      return { ...s, sessionId: action.sessionId, token: action.token };
    case "sessionLost":
      return { ...s, sessionLost: true, token: null, questions: [], pending: [] };
    case "reset":
      return { ...resetConversation(s), sessionId: null, token: null, lastSeq: 0 };
  }
}
