// @ts-check
/**
 * `ConversationClient`: a framework-free client for one Parley conversation. It runs in
 * browsers and in Deno, keeps the state the seed's React hook kept (`isConnected`,
 * `messages`, `currentQuestion`, `currentStatus`, `agentResults`, `finalSummary`), calls
 * the seed's callbacks, dispatches typed DOM events, and reconnects with capped exponential
 * backoff. It keeps its session's secret token (in `localStorage` in a browser) and, on
 * every reconnect or page load, resumes the same conversation: the server replays what
 * the page has not applied yet, and frames already applied are ignored.
 *
 * It is the thin composition of three parts: `client/state.js` (a pure reducer of frames
 * and local events into the state), `client/transport.js` (the reconnecting socket with its
 * queue, backoff and heartbeat) and `client/tokens.js` (token storage); this file adds the
 * notifier (events, callbacks, `subscribe`/`getSnapshot`).
 *
 * Frames are validated with the shared protocol module; frames of a type it does not know
 * are passed to `onMessage` and the `frame` event, and otherwise ignored. That module
 * (and zod with it) loads in the background: sockets open once it is ready, so nothing on
 * the page waits for zod before its first render.
 *
 * @module
 */
import { MAX_ANSWER_CHARS } from "./constants.js";
import { CLOSE_CODES } from "../protocol/errors.js";
import {
  applyFrame,
  errorCodeOf,
  errorScope,
  fromErrorFrame,
  ideaOf,
  initialState,
  reduce,
} from "./client/state.js";
import { Transport, TRANSPORT_DEFAULTS } from "./client/transport.js";
import { parseFrame } from "./client/frames.js";
import { sessionUrls, socketUrl } from "./client/urls.js";
import {
  defaultStorage,
  readSession,
  removeSession,
  sessionStorageKey,
  writeSession,
} from "./client/tokens.js";

export { sessionStorageKey, sessionUrls, socketUrl };

/** @type {typeof import("../protocol/mod.js") | null} */
let protocol = null;

/** Resolves once the shared protocol module has loaded and frames can be validated. */
export const protocolReady = import("../protocol/mod.js").then((m) => (protocol = m));
// A failed load is reported by each client that tries to connect.
protocolReady.catch(() => {});

/** @typedef {import("../protocol/mod.js").ServerFrame} ServerFrame */
/** @typedef {import("../protocol/mod.js").QuestionData} QuestionData */
/** @typedef {import("../protocol/mod.js").ErrorData} ErrorData */
/** @typedef {import("./client/state.js").AnyFrame} AnyFrame */
/** @typedef {import("./client/state.js").ConnectionState} ConnectionState */
/** @typedef {import("./client/state.js").TranscriptEntry} TranscriptEntry */
/** @typedef {import("./client/state.js").ConversationError} ConversationError */
/** @typedef {import("./client/state.js").StageState} StageState */
/** @typedef {import("./client/state.js").AgentStream} AgentStream */
/** @typedef {import("./client/state.js").PendingAnswer} PendingAnswer */
/** @typedef {import("./client/state.js").InterviewProgress} InterviewProgress */
/** @typedef {import("./client/state.js").ConversationState} ConversationState */
/** @typedef {import("./client/tokens.js").TokenStorage} TokenStorage */
/** @typedef {import("./client/transport.js").ReconnectOptions} ReconnectOptions */
/** @typedef {import("./client/transport.js").HeartbeatOptions} HeartbeatOptions */
/** @typedef {import("./client/transport.js").NetworkEnvironment} NetworkEnvironment */
/** @typedef {import("./client/state.js").BriefVersionEntry} BriefVersionEntry */
/** @typedef {import("./client/state.js").ReviewState} ReviewState */
/** @typedef {import("./client/state.js").EditState} EditState */

/**
 * Everything a view needs, as one immutable object that changes identity on every change
 * (what React's `useSyncExternalStore` expects).
 * @typedef {object} ConversationSnapshot
 * @property {ConnectionState} state `live` replaced `open` (issue 10).
 * @property {boolean} isConnected `state === "live"`.
 * @property {number | null} retryAt Epoch ms of the next connection attempt, if one waits.
 * @property {readonly AnyFrame[]} messages The last `maxMessages` frames, oldest first.
 * @property {QuestionData | null} currentQuestion
 * @property {string | null} currentStatus
 * @property {string | null} stage The pipeline stage running now (null before the first
 *   status and after `complete` or `cancelled`).
 * @property {number | null} round The clarifier round.
 * @property {InterviewProgress | null} progress Where the interview stands.
 * @property {Readonly<Record<string, StageState>>} stages
 * @property {Readonly<Record<string, unknown>>} agentResults The latest result per agent.
 * @property {readonly TranscriptEntry[]} transcript
 * @property {readonly PendingAnswer[]} pending Answers sent or queued, not yet confirmed.
 * @property {string | null} idea The first answer.
 * @property {string | null} finalSummary
 * @property {unknown} brief The structured brief from `complete`, if any.
 * @property {boolean} complete Whether `complete` arrived.
 * @property {ConversationError | null} lastError
 * @property {number} attempt Reconnect attempts since the last good connection.
 * @property {string | null} sessionId
 * @property {boolean} sessionLost The server no longer has this conversation (its token was
 *   refused on resume); the transcript and idea stay; `restart()` starts a new one.
 * @property {boolean} cancelled Whether the conversation was stopped.
 * @property {Readonly<Record<string, AgentStream>>} streams Open streams by agent.
 * @property {readonly BriefVersionEntry[]} versions Every brief of the session, oldest
 *   first, each with `changes` since the one before (null on the first).
 * @property {number} version The latest brief's version (0 before the first).
 * @property {ReviewState | null} review The review question waiting: what was understood
 *   and its evidence, for a form; answer with `review(changes)` or `sendAnswer("ok")`.
 * @property {EditState | null} editing The edit being applied (from any tab) until its
 *   re-run asks a question or sends the new brief.
 * @property {string | null} sessionUrl `GET` the session as JSON (the URL holds the token).
 * @property {string | null} briefUrl `GET` the brief as Markdown (409 until complete).
 */

/**
 * The detail of the `connection` event.
 * @typedef {{ state: ConnectionState, attempt: number, delayMs: number | null, retryAt: number | null }} ConnectionDetail
 */

/**
 * Every event a {@link ConversationClient} dispatches, with its type (for
 * `addEventListener`).
 * @typedef {object} ConversationClientEventMap
 * @property {CustomEvent<AnyFrame>} frame Every frame, known or not (not `pong`).
 * @property {CustomEvent<{ message: string, stage?: string | undefined }>} status
 * @property {CustomEvent<{ message: string, agent?: string | undefined }>} progress
 * @property {CustomEvent<QuestionData>} question
 * @property {CustomEvent<{ agent: string, data: unknown }>} result
 * @property {CustomEvent<{ summary: string, brief: unknown }>} complete
 * @property {CustomEvent<ConversationError>} error
 * @property {CustomEvent<ConnectionDetail>} connection
 * @property {CustomEvent<Record<string, unknown> & { sessionUrl: string | null, briefUrl: string | null }>} session
 *   A session started or was resumed (never with the token).
 * @property {CustomEvent<{ questionId: string, answer: string, byThisClient: boolean }>} answered
 * @property {CustomEvent<{ agent: string, id: string, text?: string | undefined, partial?: unknown }>} delta
 * @property {CustomEvent<{ message: string }>} cancelled
 * @property {CustomEvent<{ questionId: string, answer: string, version: number }>} edited
 *   An answer was replaced (from any tab); a re-run and a new version of the brief follow.
 * @property {CustomEvent<{ dropped: number }>} reset The client moved to a new conversation.
 * @property {Event} change Anything changed (see `subscribe`).
 */

/**
 * @typedef {object} ConversationClientOptions
 * @property {string} server Server base URL: `ws://host:8000` (or `wss:`, `http:`, `https:`);
 *   the client connects to `{server}/ws/{clientId}`.
 * @property {string} clientId 1–128 letters, digits or `. _ : -`.
 * @property {boolean} [autoConnect] Connect in the constructor (default false).
 * @property {ReconnectOptions | false} [reconnect] `false` never reconnects.
 * @property {HeartbeatOptions | false} [heartbeat] `{intervalMs: 15000, timeoutMs: 10000}`;
 *   `false` sends no `ping`.
 * @property {NetworkEnvironment | null} [environment] Where `online`, `offline` and
 *   `visibilitychange` come from (default: the page's; none in Deno).
 * @property {number} [maxMessages] Frames kept in `messages` (default 1000; older ones drop).
 * @property {number} [maxQueue] Answers (and other frames) queued while disconnected
 *   (default 16).
 * @property {number} [maxFrameBytes] Largest frame accepted, in UTF-16 units (default 1 MiB).
 * @property {typeof WebSocket} [WebSocket] WebSocket implementation (default the global).
 * @property {TokenStorage | null} [storage] Where the session token is kept between page
 *   loads, under `parley.session.{clientId}`. Default: `localStorage` in a browser page;
 *   `null` (and the default in Deno) keeps it in memory only.
 * @property {((frame: AnyFrame) => void) | undefined} [onMessage] Every frame, known or not.
 * @property {((message: string, data: { message: string, stage?: string | undefined }) => void) | undefined} [onStatus]
 * @property {((message: string, data: { message: string, agent?: string | undefined }) => void) | undefined} [onProgress]
 * @property {((question: string, data: QuestionData) => void) | undefined} [onQuestion]
 * @property {((agent: string, data: unknown) => void) | undefined} [onResult]
 * @property {((summary: string, brief: unknown) => void) | undefined} [onComplete]
 * @property {((message: string, error: ConversationError) => void) | undefined} [onError]
 * @property {((state: ConnectionState) => void) | undefined} [onConnectionChange]
 */

/** Defaults of the bounded resources, documented in docs/web.md. */
export const CLIENT_DEFAULTS = Object.freeze({
  maxMessages: 1000,
  maxQueue: TRANSPORT_DEFAULTS.maxQueue,
  maxFrameBytes: 1024 * 1024,
  reconnect: TRANSPORT_DEFAULTS.reconnect,
  heartbeat: TRANSPORT_DEFAULTS.heartbeat,
});

/**
 * A client for one conversation.
 *
 * Events (all `CustomEvent`s on the client itself, typed by
 * {@link ConversationClientEventMap}): `frame` (every frame), `status`, `progress`,
 * `question`, `result`, `complete`, `error`, `connection` (state changes), `session` (a
 * session started or was resumed), `answered` (an answer was accepted, from any tab),
 * `delta` (an agent streamed output), `cancelled`, `reset` (the client moved to a new
 * conversation), and `change` (any state change: for {@link ConversationClient.subscribe}).
 *
 * @example
 * ```js
 * import { ConversationClient } from "./client.js";
 * const client = new ConversationClient({
 *   server: "ws://localhost:8000",
 *   clientId: "user-123",
 *   onQuestion: (question) => client.sendAnswer(prompt(question) ?? ""),
 *   onComplete: (summary) => console.log(summary),
 * });
 * client.connect();
 * ```
 */
export class ConversationClient extends EventTarget {
  /** @type {{ server: string, clientId: string, maxQueue: number, maxFrameBytes: number }} */
  #opts;
  /** @type {ConversationClientOptions} */
  #callbacks;
  /** @type {TokenStorage | null} */
  #storage;
  /** @type {Transport} */
  #transport;
  /** @type {ConversationState} */
  #s;
  /** @type {ConversationSnapshot | null} */
  #snapshot = null;
  /** Frames that arrived before the protocol module loaded. @type {unknown[]} */
  #backlog = [];

  /**
   * Creates a client; it connects on {@link ConversationClient.connect}.
   *
   * @param {ConversationClientOptions} options
   */
  constructor(options) {
    super();
    if (!options || typeof options.server !== "string" || typeof options.clientId !== "string") {
      throw new TypeError("ConversationClient needs options.server and options.clientId");
    }
    socketUrl(options.server, options.clientId); // validates early
    this.#opts = {
      server: options.server,
      clientId: options.clientId,
      maxQueue: positive(options.maxQueue, CLIENT_DEFAULTS.maxQueue),
      maxFrameBytes: positive(options.maxFrameBytes, CLIENT_DEFAULTS.maxFrameBytes),
    };
    this.#callbacks = options;
    this.#storage = options.storage === undefined ? defaultStorage() : options.storage;
    const saved = readSession(this.#storage, options.clientId);
    this.#s = initialState({
      maxMessages: positive(options.maxMessages, CLIENT_DEFAULTS.maxMessages),
      sessionId: saved?.sessionId ?? null,
      token: saved?.token ?? null,
    });
    const hb = options.heartbeat;
    if (hb) {
      positive(hb.intervalMs, 1);
      positive(hb.timeoutMs, 1);
    }
    this.#transport = new Transport({
      target: () => this.#target(),
      ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
      reconnect: options.reconnect === undefined ? CLIENT_DEFAULTS.reconnect : options.reconnect,
      maxQueue: this.#opts.maxQueue,
      heartbeat: hb === undefined ? CLIENT_DEFAULTS.heartbeat : hb,
      ready: protocolReady,
      ...(options.environment !== undefined ? { environment: options.environment } : {}),
      decide: (close) => this.#decide(close),
      greeting: (resuming) => this.#greeting(resuming),
    });
    const t = this.#transport;
    t.addEventListener("state", (e) => this.#onState(/** @type {CustomEvent} */ (e).detail));
    t.addEventListener("attempt", () => this.#dispatch({ type: "connection", state: t.state }));
    t.addEventListener("open", (e) => this.#onOpen(/** @type {CustomEvent} */ (e).detail));
    t.addEventListener("message", (e) => this.#receive(/** @type {CustomEvent} */ (e).detail.data));
    t.addEventListener("close", (e) => this.#onClose(/** @type {CustomEvent} */ (e).detail));
    t.addEventListener("failure", (e) => {
      const { message, code } = /** @type {CustomEvent} */ (e).detail;
      this.#fail({
        message,
        code,
        source: code === "protocol_unavailable" ? "client" : "connection",
      });
    });
    this.subscribe = this.subscribe.bind(this);
    this.getSnapshot = this.getSnapshot.bind(this);
    this.sendAnswer = this.sendAnswer.bind(this);
    this.cancel = this.cancel.bind(this);
    this.finish = this.finish.bind(this);
    this.edit = this.edit.bind(this);
    this.review = this.review.bind(this);
    this.restart = this.restart.bind(this);
    this.retryNow = this.retryNow.bind(this);
    if (options.autoConnect) this.connect();
  }

  /**
   * Listens for one of the client's events, typed by {@link ConversationClientEventMap}.
   * @template {keyof ConversationClientEventMap} K
   * @overload
   * @param {K} type
   * @param {(event: ConversationClientEventMap[K]) => void} listener
   * @param {boolean | AddEventListenerOptions} [options]
   * @returns {void}
   */
  /**
   * @overload
   * @param {string} type
   * @param {EventListenerOrEventListenerObject | null} listener
   * @param {boolean | AddEventListenerOptions} [options]
   * @returns {void}
   */
  /**
   * Adds a listener, as `EventTarget` does; the overloads above type the events it fires.
   *
   * @override
   * @param {string} type
   * @param {EventListenerOrEventListenerObject | null} listener
   * @param {boolean | AddEventListenerOptions} [options]
   * @returns {void}
   */
  addEventListener(type, listener, options) {
    super.addEventListener(type, listener, options);
  }

  /**
   * The URL this client connects to.
   *
   * @returns {string}
   */
  get url() {
    return socketUrl(this.#opts.server, this.#opts.clientId);
  }
  /**
   * The client id given to the constructor.
   *
   * @returns {string}
   */
  get clientId() {
    return this.#opts.clientId;
  }
  /**
   * The connection's state (see {@link ConnectionState}).
   *
   * @returns {ConnectionState}
   */
  get state() {
    return this.#s.connection;
  }
  /**
   * Whether the socket is live (`state === "live"`).
   *
   * @returns {boolean}
   */
  get isConnected() {
    return this.#s.connection === "live";
  }
  /**
   * Epoch ms of the next connection attempt while one waits, else `null`.
   *
   * @returns {number | null}
   */
  get retryAt() {
    return this.#s.retryAt;
  }
  /**
   * The last `maxMessages` frames, oldest first.
   *
   * @returns {readonly AnyFrame[]}
   */
  get messages() {
    return this.#s.messages;
  }
  /**
   * The question waiting for an answer, or `null`.
   *
   * @returns {QuestionData | null}
   */
  get currentQuestion() {
    return this.#s.questions[0] ?? null;
  }
  /**
   * The message of the last `status` frame.
   *
   * @returns {string | null}
   */
  get currentStatus() {
    return this.#s.status;
  }
  /**
   * The pipeline stage running now.
   *
   * @returns {string | null}
   */
  get stage() {
    return this.#s.stage;
  }
  /**
   * The clarifier round.
   *
   * @returns {number | null}
   */
  get round() {
    return this.#s.round;
  }
  /**
   * Where the interview stands (see {@link InterviewProgress}).
   *
   * @returns {InterviewProgress | null}
   */
  get progress() {
    return this.#s.progress;
  }
  /**
   * Each pipeline stage's state, by stage name (see {@link StageState}).
   *
   * @returns {Readonly<Record<string, StageState>>}
   */
  get stages() {
    return this.#s.stages;
  }
  /**
   * The latest result per agent (`clarifier`, `product`, …).
   *
   * @returns {Readonly<Record<string, unknown>>}
   */
  get agentResults() {
    return this.#s.results;
  }
  /**
   * The questions asked and the answers given so far, in order.
   *
   * @returns {readonly TranscriptEntry[]}
   */
  get transcript() {
    return this.#s.transcript;
  }
  /**
   * Answers typed here and not yet confirmed by the server.
   *
   * @returns {readonly PendingAnswer[]}
   */
  get pending() {
    return this.#s.pending;
  }
  /**
   * The first answer of the conversation, or `null`.
   *
   * @returns {string | null}
   */
  get idea() {
    return ideaOf(this.#s);
  }
  /**
   * The brief as Markdown, once `complete` arrived.
   *
   * @returns {string | null}
   */
  get finalSummary() {
    return this.#s.summary;
  }
  /**
   * The structured brief (`protocol/brief.js` `Brief`), once `complete` arrived.
   *
   * @returns {unknown}
   */
  get brief() {
    return this.#s.brief;
  }
  /**
   * Whether `complete` arrived.
   *
   * @returns {boolean}
   */
  get complete() {
    return this.#s.complete;
  }
  /**
   * The last error, from the server, the connection or this client.
   *
   * @returns {ConversationError | null}
   */
  get lastError() {
    return this.#s.lastError;
  }
  /**
   * Frames (answers, `cancel`) waiting for a connection.
   *
   * @returns {number}
   */
  get queued() {
    return this.#transport.queued + this.#s.pending.filter((p) => p.state === "queued").length;
  }
  /**
   * The session's id, once known (from the server, or remembered from an earlier page).
   *
   * @returns {string | null}
   */
  get sessionId() {
    return this.#s.sessionId;
  }
  /**
   * Whether the server no longer has this conversation (see the snapshot).
   *
   * @returns {boolean}
   */
  get sessionLost() {
    return this.#s.sessionLost;
  }
  /**
   * Whether the conversation was stopped (`cancelled` frame).
   *
   * @returns {boolean}
   */
  get cancelled() {
    return this.#s.cancelled !== null;
  }
  /**
   * The server's message when the conversation was stopped, or `null`.
   *
   * @returns {string | null}
   */
  get cancelMessage() {
    return this.#s.cancelled;
  }
  /**
   * What agents are streaming now, by agent (see {@link AgentStream}).
   *
   * @returns {Readonly<Record<string, AgentStream>>}
   */
  get streams() {
    return this.#s.streams;
  }
  /**
   * `GET` this session as JSON: an http(s) URL with the token, or `null`.
   *
   * @returns {string | null}
   */
  get sessionUrl() {
    return this.#urls()?.sessionUrl ?? null;
  }
  /**
   * `GET` the brief as Markdown (409 until complete): an http(s) URL, or `null`.
   *
   * @returns {string | null}
   */
  get briefUrl() {
    return this.#urls()?.briefUrl ?? null;
  }

  /**
   * Opens the connection (no-op if live or opening). After `disconnect()` it starts over
   * with a fresh reconnect budget.
   * @returns {void}
   */
  connect() {
    this.#transport.connect();
  }

  /**
   * Closes the connection and stops reconnecting. State, transcript and results stay.
   * @param {number} [code]
   * @param {string} [reason]
   * @returns {void}
   */
  disconnect(code = 1000, reason = "Client disconnected") {
    this.#transport.disconnect(code, reason);
  }

  /**
   * Tries to connect now instead of waiting for the next attempt (`retryAt`); also from
   * `offline` or after giving up.
   * @returns {void}
   */
  retryNow() {
    this.#transport.retryNow();
  }

  /**
   * Answers the current question (or the one named). Sends at once when live, otherwise
   * keeps it in `pending` (at most `maxQueue` queued) and sends it when the connection is
   * back; an answer in flight when the connection dropped is sent again after the resume
   * (the server applies a repeated answer once).
   * @param {string} answer
   * @param {string} [questionId] Default: the current question.
   * @returns {boolean} `false` when the queue is full and the answer was dropped.
   * @throws {RangeError} When the answer is longer than the protocol allows.
   */
  sendAnswer(answer, questionId) {
    if (typeof answer !== "string") throw new TypeError("Answer must be a string");
    if (answer.length > MAX_ANSWER_CHARS) {
      throw new RangeError(
        `Answer is too long: ${answer.length} characters, the limit is ${MAX_ANSWER_CHARS}`,
      );
    }
    const id = questionId ?? this.#s.questions[0]?.id;
    if (id === undefined) {
      // No question known yet: the seed's `{answer}` frame, for the server's pending one.
      return this.#send(JSON.stringify({ answer }));
    }
    const queued = this.#s.pending.filter((p) => p.state === "queued").length;
    const text = answerFrame(id, answer);
    const sent = this.#transport.sendNow(text);
    if (!sent && queued >= this.#opts.maxQueue) return this.#queueFull();
    this.#dispatch({ type: "answer", questionId: id, answer, sent });
    return true;
  }

  /**
   * Stops the conversation: the server answers with `cancelled` (in every tab on the
   * session) and runs nothing more. Queued like an answer while disconnected.
   * @returns {boolean} `false` when the queue is full.
   */
  cancel() {
    return this.#send(JSON.stringify({ type: "cancel" }));
  }

  /**
   * "Brief me on what I have said so far": the interview stops at the pending question and
   * the analysts work from the answers given (the server withdraws that question with an
   * `answered` frame marked `finish`). Queued like an answer while disconnected.
   * @returns {boolean} `false` when the queue is full.
   */
  finish() {
    return this.#send(JSON.stringify({ type: "finish" }));
  }

  /**
   * Replaces the answer to an earlier question, at any time: during the interview, during
   * the analysis or after the brief. Every tab sees the server's `edited` frame
   * (`snapshot.editing` until the re-run asks or briefs); the re-run ends in a new
   * `complete` with the next `version` and `changes` (`snapshot.versions`). The server
   * refuses an edit of a question never answered (`unknown_question`), one that no longer
   * applies or is based on an older brief (`stale_edit`), one while another is applied
   * (`edit_in_progress`) and one after `cancelled` (`not_editable`): an `error` event.
   * Queued like an answer while disconnected.
   * @param {string} questionId A question of `snapshot.transcript` with an answer.
   * @param {string} answer The new answer.
   * @returns {boolean} `false` when the queue is full.
   * @throws {RangeError} When the answer is empty or longer than the protocol allows.
   */
  edit(questionId, answer) {
    if (typeof answer !== "string" || answer.trim() === "") {
      throw new RangeError("Edit needs a new answer: got an empty one");
    }
    if (answer.length > MAX_ANSWER_CHARS) {
      throw new RangeError(
        `Answer is too long: ${answer.length} characters, the limit is ${MAX_ANSWER_CHARS}`,
      );
    }
    return this.#send(
      JSON.stringify({ type: "edit", questionId, answer, version: this.#s.version }),
    );
  }

  /**
   * Answers the review question (`snapshot.review`) with fields set directly, e.g.
   * `review({ timeline: "6 months", users: ["nurses", "doctors"] })`; `review({})` accepts
   * what was understood. Fields are those of `REVIEW_FIELDS` (protocol): text, or a list
   * of strings for the list fields.
   * @param {Partial<Record<typeof import("../protocol/constants.js").REVIEW_FIELDS[number], string | string[]>>} changes
   * @returns {boolean} `false` when the queue is full.
   * @throws {TypeError} When no review question is waiting.
   */
  review(changes) {
    const questionId = this.#s.review?.questionId;
    if (questionId === undefined) {
      throw new TypeError("No review question is waiting: wait for snapshot.review");
    }
    return this.#send(JSON.stringify({ type: "review", questionId, changes }));
  }

  /**
   * Starts over: a new conversation in a new session. Live, it asks the server, which
   * cancels the current conversation (other tabs see `cancelled`) and sends a new
   * `session` frame; the client then resets. Otherwise (also after `sessionLost`) it
   * forgets the session and connects afresh.
   * @returns {void}
   */
  restart() {
    if (!this.#s.sessionLost && this.#transport.sendNow(JSON.stringify({ type: "restart" }))) {
      return;
    }
    this.#transport.disconnect(1000, "Starting over");
    this.#forgetSession();
    const dropped = this.#transport.clearQueue() +
      this.#s.pending.filter((p) => p.state === "queued").length;
    this.#s = reduce(this.#s, { type: "reset" });
    this.#emit("reset", { dropped });
    this.#changed();
    this.#transport.connect();
  }

  /**
   * Calls `listener` after every change; returns the function that unsubscribes. Bound,
   * so it can be passed to React's `useSyncExternalStore` as is.
   * @param {() => void} listener
   * @returns {() => void}
   */
  subscribe(listener) {
    const fn = () => listener();
    this.addEventListener("change", fn);
    return () => this.removeEventListener("change", fn);
  }

  /**
   * The state as one immutable object; the same object until something changes. Bound.
   * @returns {ConversationSnapshot}
   */
  getSnapshot() {
    const s = this.#s;
    return this.#snapshot ??= Object.freeze({
      state: s.connection,
      isConnected: s.connection === "live",
      retryAt: s.retryAt,
      messages: s.messages,
      currentQuestion: s.questions[0] ?? null,
      currentStatus: s.status,
      stage: s.stage,
      round: s.round,
      progress: s.progress,
      stages: s.stages,
      agentResults: s.results,
      transcript: s.transcript,
      pending: s.pending,
      idea: ideaOf(s),
      finalSummary: s.summary,
      brief: s.brief,
      complete: s.complete,
      lastError: s.lastError,
      attempt: s.attempt,
      sessionId: s.sessionId,
      sessionLost: s.sessionLost,
      cancelled: s.cancelled !== null,
      streams: s.streams,
      versions: s.versions,
      version: s.version,
      review: s.review,
      editing: s.editing,
      sessionUrl: this.sessionUrl,
      briefUrl: this.briefUrl,
    });
  }

  // -------------------------------------------------------------------------------------

  /** Where the next socket connects, and its first frame (the resume frame). */
  #target() {
    const token = this.#s.token;
    if (token === null) return { url: this.url, first: null };
    return {
      url: `${this.url}?resume=1`,
      // The server replays what this page has not applied yet.
      first: JSON.stringify({ type: "resume", token, lastSeq: this.#s.lastSeq }),
    };
  }

  /**
   * @param {{ code: number, reason: string, heartbeat: boolean }} close
   * @returns {import("./client/transport.js").CloseDecision}
   */
  #decide(close) {
    const s = this.#s;
    if (s.resuming && close.code === CLOSE_CODES.badToken && s.token !== null) {
      // Refused without an error frame: the same as `bad_token`.
      this.#applyState(applyFrame(s, {
        type: "error",
        data: { message: "The server no longer has this conversation", code: "bad_token" },
      }));
    }
    if (this.#s.sessionLost) return "stop";
    if (s.resuming && this.#s.token === null) {
      // The session is gone but nothing was shown yet (a page load): start a new one,
      // once, at once. The new socket sends no token, so a refusal cannot repeat.
      return "reopen";
    }
    // Nothing more will come: a stopped conversation is not worth reconnecting to.
    if (this.#s.cancelled !== null) return "stop";
    return "retry";
  }

  /** @param {{ code: number, reason: string, heartbeat: boolean }} close */
  #onClose(close) {
    const s = this.#s;
    if (s.cancelled !== null || (s.resuming && close.code === CLOSE_CODES.badToken)) return;
    if (s.token === null && s.resuming) return;
    const detail = close.reason ? `${close.code} ${close.reason}` : String(close.code);
    this.#fail({
      message: close.heartbeat
        ? "Connection lost: the server did not answer the heartbeat"
        : `Connection closed: ${detail}`,
      code: close.heartbeat ? "heartbeat_timeout" : "closed",
      source: "connection",
    });
  }

  /** @param {ConnectionDetail} detail */
  #onState(detail) {
    this.#dispatch({
      type: "connection",
      state: detail.state,
      attempt: detail.attempt,
      retryAt: detail.retryAt,
    }, false);
    this.#emit("connection", detail);
    this.#callbacks.onConnectionChange?.(detail.state);
    this.#changed();
  }

  /** @param {{ resuming: boolean }} detail */
  #onOpen({ resuming }) {
    this.#s = reduce(this.#s, { type: "open", resuming });
    if (resuming) this.#s = reduce(this.#s, { type: "flushed" });
    this.#changed();
  }

  /**
   * What a new socket sends after the resume frame and before other queued frames (such
   * as `finish` or `cancel`): the answers not confirmed yet, sent again. The server applies
   * a repeated answer once. A socket that does not resume starts another conversation,
   * which these answers do not belong to.
   * @param {boolean} resuming
   * @returns {string[]}
   */
  #greeting(resuming) {
    if (!resuming) return [];
    return this.#s.pending.map((p) => answerFrame(p.questionId, p.answer));
  }

  /** @param {unknown} raw */
  #receive(raw) {
    if (protocol && this.#backlog.length === 0) return this.#handle(raw, protocol);
    if (this.#backlog.length >= this.#s.maxMessages) {
      return this.#fail({
        message: "Too many frames while the protocol module loads: frame dropped",
        code: "backlog_full",
        source: "client",
      });
    }
    this.#backlog.push(raw);
    if (this.#backlog.length > 1) return;
    protocolReady.then((p) => {
      for (const r of this.#backlog.splice(0)) this.#handle(r, p);
    }, () => {
      this.#backlog = [];
    });
  }

  /**
   * Validates one frame and applies it.
   * @param {unknown} raw
   * @param {typeof import("../protocol/mod.js")} p
   */
  #handle(raw, p) {
    const parsed = parseFrame(raw, p, this.#opts.maxFrameBytes);
    if (!parsed.success) {
      return this.#fail({ message: parsed.error, code: "bad_server_frame", source: "client" });
    }
    const { frame, known } = parsed;
    const prev = this.#s;
    const next = applyFrame(prev, frame);
    // Already applied; or a pong, which changes nothing on the page.
    if (next === prev || frame.type === "pong") {
      this.#s = next;
      return;
    }
    if (known && frame.type === "error" && errorScope(errorCodeOf(frame)) === "connection") {
      // A refusal of this socket, not part of the conversation.
      this.#applyState(next);
      const err = /** @type {ConversationError} */ (next.lastError);
      this.#emit("error", err);
      this.#callbacks.onError?.(err.message, err);
      this.#changed();
      return;
    }
    this.#applyState(next);
    this.#emit("frame", frame);
    this.#callbacks.onMessage?.(frame);
    if (known) this.#notify(/** @type {ServerFrame} */ (frame));
    this.#changed();
  }

  /**
   * Takes a new state: keeps storage in step with the token and reports a reset.
   * @param {ConversationState} next
   */
  #applyState(next) {
    const prev = this.#s;
    this.#s = next;
    if (next.epoch !== prev.epoch) {
      const dropped = this.#transport.clearQueue() +
        prev.pending.filter((p) => p.state === "queued").length;
      this.#emit("reset", { dropped });
    }
    if (next.token !== prev.token || next.sessionId !== prev.sessionId) {
      if (next.token !== null && next.sessionId !== null) {
        writeSession(this.#storage, this.#opts.clientId, {
          sessionId: next.sessionId,
          token: next.token,
        });
      } else if (prev.token !== null) {
        removeSession(this.#storage, this.#opts.clientId);
      }
    }
  }

  /** Calls the seed callbacks and dispatches the typed events. @param {ServerFrame} frame */
  #notify(frame) {
    const cb = this.#callbacks;
    switch (frame.type) {
      case "status":
        this.#emit("status", frame.data);
        cb.onStatus?.(frame.data.message, frame.data);
        break;
      case "progress":
        this.#emit("progress", frame.data);
        cb.onProgress?.(frame.data.message, frame.data);
        break;
      case "question":
        this.#emit("question", frame.data);
        cb.onQuestion?.(frame.data.question, frame.data);
        break;
      case "result":
        this.#emit("result", frame.data);
        cb.onResult?.(frame.data.agent, frame.data.data);
        break;
      case "complete":
        // The state's brief: the results the frame names by seq are put back in it.
        this.#emit("complete", { summary: frame.data.summary, brief: this.#s.brief });
        cb.onComplete?.(frame.data.summary, this.#s.brief);
        break;
      case "error": {
        const err = fromErrorFrame(frame, "server");
        this.#emit("error", err);
        cb.onError?.(err.message, err);
        break;
      }
      case "session":
        this.#emit("session", {
          ...withoutToken(frame.data),
          sessionUrl: this.sessionUrl,
          briefUrl: this.briefUrl,
        });
        break;
      case "answered":
        this.#emit("answered", {
          ...frame.data,
          byThisClient: this.#s.answeredHere.includes(frame.data.questionId),
        });
        break;
      case "cancelled":
        this.#emit("cancelled", frame.data);
        break;
      case "edited":
        this.#emit("edited", frame.data);
        break;
      case "delta":
        this.#emit("delta", frame.data);
        break;
    }
  }

  /** Forgets the session and its token, here and in storage. */
  #forgetSession() {
    if (this.#s.token !== null || this.#s.sessionId !== null) {
      removeSession(this.#storage, this.#opts.clientId);
    }
    this.#s = reduce(this.#s, { type: "session", sessionId: null, token: null });
  }

  /** @returns {{ sessionUrl: string, briefUrl: string } | null} */
  #urls() {
    const { sessionId, token } = this.#s;
    if (sessionId === null || token === null) return null;
    return sessionUrls(this.#opts.server, sessionId, token);
  }

  /**
   * Sends one frame now, or queues it (at most `maxQueue`) until the connection opens.
   * @param {string} text
   * @returns {boolean} `false` when the queue was full and the frame dropped.
   */
  #send(text) {
    if (this.#transport.send(text)) return true;
    return this.#queueFull();
  }

  /** Reports a full queue. @returns {false} */
  #queueFull() {
    this.#fail({
      message: `Send queue is full: ${this.#opts.maxQueue} frames wait for a connection`,
      code: "queue_full",
      source: "client",
    });
    return false;
  }

  /**
   * @param {import("./client/state.js").ClientAction} action
   * @param {boolean} [notify] Dispatch `change` (default true).
   */
  #dispatch(action, notify = true) {
    const next = reduce(this.#s, action);
    if (next === this.#s) return;
    this.#s = next;
    if (notify) this.#changed();
  }

  /** @param {{ message: string, code?: string | undefined, source: ConversationError["source"] }} e */
  #fail(e) {
    /** @type {ConversationError} */
    const err = {
      message: e.message,
      code: e.code,
      agent: undefined,
      ref: undefined,
      source: e.source,
      seq: undefined,
    };
    this.#s = reduce(this.#s, { type: "error", error: err });
    this.#emit("error", err);
    this.#callbacks.onError?.(err.message, err);
    this.#changed();
  }

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #changed() {
    this.#snapshot = null;
    this.dispatchEvent(new Event("change"));
  }
}

/**
 * The typed answer frame.
 * @param {string} questionId
 * @param {string} answer
 */
function answerFrame(questionId, answer) {
  return JSON.stringify({ type: "answer", questionId, answer });
}

/**
 * The `session` frame's data without its secret, for events any script on the page sees.
 * @param {Record<string, unknown>} data
 */
function withoutToken(data) {
  const { token: _token, ...rest } = data;
  return rest;
}

/**
 * @param {number | undefined} value
 * @param {number} fallback
 */
function positive(value, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 1) {
    throw new RangeError(`Limit must be a positive number: got ${value}`);
  }
  return Math.floor(value);
}
