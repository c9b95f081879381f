// @ts-check
/**
 * `ConversationClient`: a framework-free client for one Parley conversation. It runs in
 * browsers and in Deno, keeps the state the seed's React hook kept (`isConnected`,
 * `messages`, `currentQuestion`, `currentStatus`, `agentResults`, `finalSummary`), calls
 * the seed's callbacks, dispatches DOM events, and reconnects with capped exponential
 * backoff. It keeps its session's secret token (in `localStorage` in a browser) and, on
 * every reconnect or page load, resumes the same conversation: the server replays what
 * the page has not applied yet, and frames already applied are ignored.
 *
 * Frames are validated with the shared protocol module; frames of a type it does not know
 * are passed to `onMessage` and the `frame` event, and otherwise ignored. That module
 * (and zod with it) loads in the background: frames that arrive first wait for it, in
 * order, so nothing on the page waits for zod before its first render.
 *
 * @module
 */
import {
  ADDED_FRAME_TYPES,
  MAX_ANSWER_CHARS,
  PIPELINE_STAGES,
  SEED_FRAME_TYPES,
} from "./constants.js";

/** @type {typeof import("../protocol/mod.js") | null} */
let protocol = null;

/** Resolves once the shared protocol module has loaded and frames can be validated. */
export const protocolReady = import("../protocol/mod.js").then((m) => (protocol = m));
// A failed load is reported by each client that has frames waiting.
protocolReady.catch(() => {});

/** @typedef {import("../protocol/mod.js").ServerFrame} ServerFrame */
/** @typedef {import("../protocol/mod.js").QuestionData} QuestionData */
/** @typedef {import("../protocol/mod.js").ErrorData} ErrorData */

/**
 * Any frame the server sent: a known {@link ServerFrame}, or one of a type this client
 * does not know yet, kept as it came.
 * @typedef {ServerFrame | { type: string, data?: unknown, seq?: number, ts?: number, known?: false }} AnyFrame
 */

/**
 * `idle` (never connected), `connecting`, `open`, `reconnecting` (waiting to retry, or
 * retrying), `closed` (after `disconnect()`, or after giving up).
 * @typedef {"idle" | "connecting" | "open" | "reconnecting" | "closed"} ConnectionState
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
 * Everything a view needs, as one immutable object that changes identity on every change
 * (what React's `useSyncExternalStore` expects).
 * @typedef {object} ConversationSnapshot
 * @property {ConnectionState} state
 * @property {boolean} isConnected
 * @property {readonly AnyFrame[]} messages The last `maxMessages` frames, oldest first.
 * @property {QuestionData | null} currentQuestion
 * @property {string | null} currentStatus
 * @property {string | null} stage The pipeline stage running now.
 * @property {number | null} round The clarifier round.
 * @property {Readonly<Record<string, StageState>>} stages
 * @property {Readonly<Record<string, unknown>>} agentResults The latest result per agent.
 * @property {readonly TranscriptEntry[]} transcript
 * @property {string | null} finalSummary
 * @property {unknown} brief The structured brief from `complete`, if any.
 * @property {ConversationError | null} lastError
 * @property {number} attempt Reconnect attempts since the last good connection.
 * @property {string | null} sessionId
 * @property {boolean} cancelled Whether the conversation was stopped.
 * @property {Readonly<Record<string, AgentStream>>} streams Open streams by agent.
 * @property {string | null} sessionUrl `GET` the session as JSON (the URL holds the token).
 * @property {string | null} briefUrl `GET` the brief as Markdown (409 until complete).
 */

/**
 * Where the client keeps `{sessionId, token}` between page loads: `localStorage`, or any
 * object with its `getItem`/`setItem`/`removeItem`.
 * @typedef {Pick<Storage, "getItem" | "setItem" | "removeItem">} TokenStorage
 */

/**
 * What an agent has streamed so far (`delta` frames) while it generates. The agent's
 * `result` (or `complete`, an error of the agent, `cancelled`) closes it; a new stream id
 * of the same agent (a retry) replaces it.
 * @typedef {object} AgentStream
 * @property {string} agent
 * @property {string} id The stream id, e.g. `summary-1`, `product-2`.
 * @property {string} text All `text` so far ("" when the stream sends only `partial`).
 * @property {unknown} partial The result object so far, or `undefined`.
 * @property {number} seq The `seq` of the last delta applied.
 */

/**
 * Reconnect policy: delay `initialDelayMs * factor ** attempt`, capped at `maxDelayMs`,
 * less up to `jitter` of itself at random; at most `maxRetries` attempts in a row.
 * @typedef {object} ReconnectOptions
 * @property {number} [initialDelayMs] Default 500.
 * @property {number} [maxDelayMs] Default 10 000.
 * @property {number} [factor] Default 2.
 * @property {number} [maxRetries] Default 20; then the state becomes `closed`.
 * @property {number} [jitter] Fraction 0–1, default 0.2.
 */

/**
 * @typedef {object} ConversationClientOptions
 * @property {string} server Server base URL: `ws://host:8000` (or `wss:`, `http:`, `https:`);
 *   the client connects to `{server}/ws/{clientId}`.
 * @property {string} clientId 1–128 letters, digits or `. _ : -`.
 * @property {boolean} [autoConnect] Connect in the constructor (default false).
 * @property {ReconnectOptions | false} [reconnect] `false` never reconnects.
 * @property {number} [maxMessages] Frames kept in `messages` (default 1000; older ones drop).
 * @property {number} [maxQueue] Answers queued while disconnected (default 16).
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
  maxQueue: 16,
  maxFrameBytes: 1024 * 1024,
  reconnect: Object.freeze({
    initialDelayMs: 500,
    maxDelayMs: 10_000,
    factor: 2,
    maxRetries: 20,
    jitter: 0.2,
  }),
});

/**
 * Server error codes that refuse this socket before any conversation: reported, but not
 * part of the session's sequence.
 */
const CONNECTION_CODES = new Set(["client_id_in_use", "server_busy", "bad_token"]);
/** Server error codes that mean the last answer was not taken. */
const REJECTED_ANSWER_CODES = new Set(["bad_frame", "wrong_question"]);
/** The WebSocket close code of a refused resume token. */
const CLOSE_BAD_TOKEN = 4401;

/** The `localStorage` key of a client id's session. @param {string} clientId */
export function sessionStorageKey(clientId) {
  return `parley.session.${clientId}`;
}

/**
 * The `/ws/{clientId}` URL of a server base URL.
 * @param {string} server
 * @param {string} clientId
 * @returns {string}
 */
export function socketUrl(server, clientId) {
  const url = new URL(server);
  if (url.protocol === "http:") url.protocol = "ws:";
  else if (url.protocol === "https:") url.protocol = "wss:";
  if (url.protocol !== "ws:" && url.protocol !== "wss:") {
    throw new TypeError(`Server URL must be ws:, wss:, http: or https:: got ${server}`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/ws/${encodeURIComponent(clientId)}`;
  url.search = "";
  url.hash = "";
  return url.href;
}

/**
 * The HTTP URLs of a session: as JSON, and its brief as Markdown. They carry the token,
 * which is the only thing that grants access: share them only with whom may read it.
 * @param {string} server Server base URL (`ws:`, `wss:`, `http:` or `https:`).
 * @param {string} sessionId
 * @param {string} token
 * @returns {{ sessionUrl: string, briefUrl: string }}
 */
export function sessionUrls(server, sessionId, token) {
  const url = new URL(server);
  if (url.protocol === "ws:") url.protocol = "http:";
  else if (url.protocol === "wss:") url.protocol = "https:";
  const base = `${url.origin}${url.pathname.replace(/\/+$/, "")}/sessions/${
    encodeURIComponent(sessionId)
  }`;
  const query = `?token=${encodeURIComponent(token)}`;
  return { sessionUrl: `${base}${query}`, briefUrl: `${base}/brief.md${query}` };
}

/**
 * A client for one conversation.
 *
 * Events (all `CustomEvent`s on the client itself): `frame` (every frame), `status`,
 * `progress`, `question`, `result`, `complete`, `error`, `connection` (state changes),
 * `session` (a session started or was resumed), `answered` (an answer was accepted, from
 * any tab), `delta` (an agent streamed output), `cancelled`, `reset` (the client moved to
 * a new conversation), and `change` (any state change: for
 * {@link ConversationClient.subscribe}).
 *
 * @example
 * ```js
 * import { ConversationClient } from "http://localhost:8000/web/client.js";
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
  /** @type {Required<Omit<ConversationClientOptions, "reconnect" | "storage" | "onMessage" | "onStatus" | "onProgress" | "onQuestion" | "onResult" | "onComplete" | "onError" | "onConnectionChange">> & { reconnect: Required<ReconnectOptions> | false }} */
  #opts;
  /** @type {ConversationClientOptions} */
  #callbacks;
  /** @type {WebSocket | null} */
  #ws = null;
  /** @type {ConnectionState} */
  #state = "idle";
  #attempt = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  /** Whether the current socket has delivered a frame yet. */
  #fresh = true;
  #lastSeq = 0;
  /** @type {string[]} */
  #queue = [];
  /** @type {AnyFrame[]} */
  #messages = [];
  /** @type {TranscriptEntry[]} */
  #transcript = [];
  /** Questions asked and not yet answered, oldest first. @type {QuestionData[]} */
  #pending = [];
  /** @type {TranscriptEntry | null} */
  #lastAnswered = null;
  /** Ids of the questions this client sent an answer to. @type {Set<string>} */
  #answeredHere = new Set();
  /** @type {string | null} */
  #status = null;
  /** @type {string | null} */
  #stage = null;
  /** @type {number | null} */
  #round = null;
  /** @type {Record<string, StageState>} */
  #stages = initialStages();
  /** @type {Record<string, unknown>} */
  #results = {};
  /** @type {string | null} */
  #summary = null;
  /** @type {unknown} */
  #brief = null;
  /** @type {ConversationError | null} */
  #lastError = null;
  /** @type {ConversationSnapshot | null} */
  #snapshot = null;
  /** Counts deferred opens, so a `disconnect()` meanwhile cancels them. */
  #opening = 0;
  /** Frames that arrived before the protocol module loaded. @type {unknown[]} */
  #backlog = [];
  /** @type {TokenStorage | null} */
  #storage = null;
  /** The session this client is in (or will resume), and its secret. @type {string | null} */
  #sessionId = null;
  /** @type {string | null} */
  #token = null;
  /** Whether the current socket was opened to resume with {@link #token}. */
  #resuming = false;
  /** Set when the server refused the token: the close that follows connects afresh. */
  #tokenRejected = false;
  /** The `cancelled` message, once the conversation was stopped. @type {string | null} */
  #cancelled = null;
  /** Open streams by agent. @type {Record<string, AgentStream>} */
  #streams = {};

  /** @param {ConversationClientOptions} options */
  constructor(options) {
    super();
    if (!options || typeof options.server !== "string" || typeof options.clientId !== "string") {
      throw new TypeError("ConversationClient needs options.server and options.clientId");
    }
    socketUrl(options.server, options.clientId); // validates early
    const WS = options.WebSocket ?? globalThis.WebSocket;
    const r = options.reconnect;
    this.#opts = {
      server: options.server,
      clientId: options.clientId,
      autoConnect: options.autoConnect ?? false,
      maxMessages: positive(options.maxMessages, CLIENT_DEFAULTS.maxMessages),
      maxQueue: positive(options.maxQueue, CLIENT_DEFAULTS.maxQueue),
      maxFrameBytes: positive(options.maxFrameBytes, CLIENT_DEFAULTS.maxFrameBytes),
      WebSocket: WS,
      reconnect: r === false ? false : { ...CLIENT_DEFAULTS.reconnect, ...r },
    };
    this.#callbacks = options;
    this.#storage = options.storage === undefined ? defaultStorage() : options.storage;
    const saved = readSession(this.#storage, options.clientId);
    if (saved) {
      this.#sessionId = saved.sessionId;
      this.#token = saved.token;
    }
    this.subscribe = this.subscribe.bind(this);
    this.getSnapshot = this.getSnapshot.bind(this);
    this.sendAnswer = this.sendAnswer.bind(this);
    this.cancel = this.cancel.bind(this);
    this.restart = this.restart.bind(this);
    if (this.#opts.autoConnect) this.connect();
  }

  /** The URL this client connects to. */
  get url() {
    return socketUrl(this.#opts.server, this.#opts.clientId);
  }
  get clientId() {
    return this.#opts.clientId;
  }
  /** @returns {ConnectionState} */
  get state() {
    return this.#state;
  }
  get isConnected() {
    return this.#state === "open";
  }
  /** The last `maxMessages` frames, oldest first (a live, read-only view). */
  get messages() {
    return /** @type {readonly AnyFrame[]} */ (this.#messages);
  }
  /** The question waiting for an answer, or `null`. */
  get currentQuestion() {
    return this.#pending[0] ?? null;
  }
  /** The message of the last `status` frame. */
  get currentStatus() {
    return this.#status;
  }
  get stage() {
    return this.#stage;
  }
  get round() {
    return this.#round;
  }
  /** @returns {Readonly<Record<string, StageState>>} */
  get stages() {
    return this.#stages;
  }
  /** The latest result per agent (`clarifier`, `product`, …). */
  get agentResults() {
    return /** @type {Readonly<Record<string, unknown>>} */ (this.#results);
  }
  /** @returns {readonly TranscriptEntry[]} */
  get transcript() {
    return this.#transcript;
  }
  /** The brief as Markdown, once `complete` arrived. */
  get finalSummary() {
    return this.#summary;
  }
  /** The structured brief (`protocol/brief.js` `Brief`), once `complete` arrived. */
  get brief() {
    return this.#brief;
  }
  get lastError() {
    return this.#lastError;
  }
  /** Frames (answers, `cancel`) waiting for a connection. */
  get queued() {
    return this.#queue.length;
  }
  /** The session's id, once known (from the server, or remembered from an earlier page). */
  get sessionId() {
    return this.#sessionId;
  }
  /** Whether the conversation was stopped (`cancelled` frame). */
  get cancelled() {
    return this.#cancelled !== null;
  }
  /** The server's message when the conversation was stopped, or `null`. */
  get cancelMessage() {
    return this.#cancelled;
  }
  /** What agents are streaming now, by agent (see {@link AgentStream}). */
  get streams() {
    return /** @type {Readonly<Record<string, AgentStream>>} */ (this.#streams);
  }
  /** `GET` this session as JSON: an http(s) URL with the token, or `null`. */
  get sessionUrl() {
    return this.#urls()?.sessionUrl ?? null;
  }
  /** `GET` the brief as Markdown (409 until complete): an http(s) URL, or `null`. */
  get briefUrl() {
    return this.#urls()?.briefUrl ?? null;
  }

  /**
   * Opens the connection (no-op if open or opening). After `disconnect()` it starts over
   * with a fresh reconnect budget.
   * @returns {void}
   */
  connect() {
    if (this.#ws || this.#state === "reconnecting" || this.#state === "connecting") return;
    this.#attempt = 0;
    this.#open("connecting");
  }

  /**
   * Closes the connection and stops reconnecting. State, transcript and results stay.
   * @param {number} [code]
   * @param {string} [reason]
   * @returns {void}
   */
  disconnect(code = 1000, reason = "Client disconnected") {
    this.#opening++;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const ws = this.#ws;
    this.#ws = null;
    if (ws) {
      ws.onopen =
        ws.onmessage =
        ws.onerror =
        ws.onclose =
          null;
      try {
        ws.close(code, reason);
      } catch { /* already closing */ }
    }
    this.#setState("closed");
  }

  /**
   * Answers the current question (or the one named). Sends at once when connected,
   * otherwise queues it (at most `maxQueue`).
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
    const index = questionId === undefined
      ? 0
      : this.#pending.findIndex((q) => q.id === questionId);
    const question = index >= 0 ? this.#pending[index] : undefined;
    const id = question?.id ?? questionId;
    const frame = id === undefined ? { answer } : { type: "answer", questionId: id, answer };
    if (!this.#send(JSON.stringify(frame))) return false;
    if (question) {
      this.#answeredHere.add(question.id);
      this.#pending.splice(index, 1);
      const entry = this.#transcript.find((e) => e.id === question.id && e.answer === null);
      if (entry) {
        entry.answer = answer;
        this.#transcript = [...this.#transcript];
        this.#lastAnswered = entry;
      }
    }
    this.#changed();
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
   * Starts over: a new conversation in a new session. Connected, it asks the server, which
   * cancels the current conversation (other tabs see `cancelled`) and sends a new
   * `session` frame; the client then resets. Disconnected, it forgets the session and
   * connects afresh.
   * @returns {void}
   */
  restart() {
    const ws = this.#ws;
    if (ws && ws.readyState === 1 && this.#state === "open") {
      ws.send(JSON.stringify({ type: "restart" }));
      return;
    }
    this.disconnect(1000, "Starting over");
    this.#forgetSession();
    this.#reset();
    this.#changed();
    this.connect();
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
    return this.#snapshot ??= Object.freeze({
      state: this.#state,
      isConnected: this.#state === "open",
      messages: this.#messages.slice(),
      currentQuestion: this.currentQuestion,
      currentStatus: this.#status,
      stage: this.#stage,
      round: this.#round,
      stages: this.#stages,
      agentResults: this.#results,
      transcript: this.#transcript,
      finalSummary: this.#summary,
      brief: this.#brief,
      lastError: this.#lastError,
      attempt: this.#attempt,
      sessionId: this.#sessionId,
      cancelled: this.#cancelled !== null,
      streams: this.#streams,
      sessionUrl: this.sessionUrl,
      briefUrl: this.briefUrl,
    });
  }

  // -------------------------------------------------------------------------------------

  /** @param {ConnectionState} state */
  #open(state) {
    this.#setState(state);
    if (!protocol) {
      // Open the socket only once frames can be validated, so none waits on arrival.
      const wanted = ++this.#opening;
      protocolReady.then(() => {
        if (wanted === this.#opening && this.#state === state && !this.#ws) this.#open(state);
      }, () => {
        this.#fail({
          message: "Cannot load the protocol module: reload the page",
          code: "protocol_unavailable",
          source: "client",
        });
        this.#setState("closed");
      });
      return;
    }
    const token = this.#token;
    /** @type {WebSocket} */
    let ws;
    try {
      ws = new this.#opts.WebSocket(token === null ? this.url : `${this.url}?resume=1`);
    } catch (err) {
      this.#fail({
        message: `Cannot connect: ${err instanceof Error ? err.message : String(err)}`,
        code: "connect_failed",
        source: "connection",
      });
      this.#retry();
      return;
    }
    this.#ws = ws;
    this.#fresh = true;
    this.#resuming = token !== null;
    this.#tokenRejected = false;
    ws.onopen = () => {
      if (this.#ws !== ws) return;
      if (token !== null) {
        // The first frame: the server replays what this page has not applied yet.
        ws.send(JSON.stringify({ type: "resume", token, lastSeq: this.#lastSeq }));
      }
      this.#setState("open");
    };
    ws.onmessage = (e) => {
      if (this.#ws === ws) this.#receive(e.data);
    };
    ws.onclose = (e) => {
      if (this.#ws !== ws) return;
      this.#ws = null;
      if (token !== null && (this.#tokenRejected || e.code === CLOSE_BAD_TOKEN)) {
        // The session is gone (expired, unknown): start a new one, once, at once. The
        // new socket sends no token, so a refusal cannot repeat.
        this.#forgetSession();
        this.#open(this.#state === "open" ? "connecting" : this.#state);
        return;
      }
      if (this.#cancelled !== null) {
        // Nothing more will come: a stopped conversation is not worth reconnecting to.
        this.#setState("closed");
        return;
      }
      const detail = e.reason ? `${e.code} ${e.reason}` : String(e.code);
      this.#fail({
        message: `Connection closed: ${detail}`,
        code: "closed",
        source: "connection",
      });
      this.#retry();
    };
    // Every error is followed by a close event, which reports it and reconnects.
    ws.onerror = () => {};
  }

  #retry() {
    const policy = this.#opts.reconnect;
    if (!policy || this.#attempt >= policy.maxRetries) {
      if (policy) {
        this.#fail({
          message: `Gave up reconnecting after ${this.#attempt} attempts: call connect() to retry`,
          code: "reconnect_failed",
          source: "connection",
        });
      }
      this.#setState("closed");
      return;
    }
    const base = Math.min(
      policy.maxDelayMs,
      policy.initialDelayMs * policy.factor ** this.#attempt,
    );
    const delay = Math.round(base * (1 - policy.jitter * Math.random()));
    this.#attempt++;
    this.#setState("reconnecting", delay);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#state === "reconnecting") this.#open("reconnecting");
    }, delay);
  }

  /**
   * @param {ConnectionState} state
   * @param {number} [delayMs]
   */
  #setState(state, delayMs) {
    if (state === this.#state && delayMs === undefined) return;
    this.#state = state;
    this.#emit("connection", { state, attempt: this.#attempt, delayMs: delayMs ?? null });
    this.#callbacks.onConnectionChange?.(state);
    this.#changed();
  }

  /** @param {unknown} raw */
  #receive(raw) {
    if (protocol && this.#backlog.length === 0) return this.#handle(raw, protocol);
    if (this.#backlog.length >= this.#opts.maxMessages) {
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
    }, (err) => {
      this.#backlog = [];
      this.#fail({
        message: `Cannot load the protocol module: ${err instanceof Error ? err.message : err}`,
        code: "protocol_unavailable",
        source: "client",
      });
    });
  }

  /**
   * @param {unknown} raw
   * @param {typeof import("../protocol/mod.js")} p
   */
  #handle(raw, p) {
    if (typeof raw !== "string") {
      return this.#fail({
        message: "Server sent a binary frame: expected JSON text",
        code: "bad_server_frame",
        source: "client",
      });
    }
    if (raw.length > this.#opts.maxFrameBytes) {
      return this.#fail({
        message:
          `Server frame is too large: ${raw.length} characters, limit ${this.#opts.maxFrameBytes}`,
        code: "bad_server_frame",
        source: "client",
      });
    }
    /** @type {unknown} */
    let json;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.#fail({
        message: "Server sent a frame that is not JSON",
        code: "bad_server_frame",
        source: "client",
      });
    }
    if (
      typeof json !== "object" || json === null || typeof Reflect.get(json, "type") !== "string"
    ) {
      return this.#fail({
        message: "Server sent a frame without a type",
        code: "bad_server_frame",
        source: "client",
      });
    }
    const parsed = p.parseServerFrame(json);
    /** @type {AnyFrame} */
    const frame = parsed.success
      ? parsed.value
      : /** @type {{ type: string, data?: unknown, seq?: number, ts?: number }} */ (json);
    const known = parsed.success;
    const type = frame.type;
    if (!known && KNOWN_TYPES.has(type)) {
      return this.#fail({
        message: `Server sent a malformed ${type} frame: ${parsed.success ? "" : parsed.error}`,
        code: "bad_server_frame",
        source: "client",
      });
    }
    const code = parsed.success && parsed.value.type === "error"
      ? parsed.value.data.code ?? ""
      : "";
    if (parsed.success && parsed.value.type === "error" && CONNECTION_CODES.has(code)) {
      // A refusal of this socket, not part of the conversation's sequence.
      if (code === "bad_token") {
        this.#tokenRejected = true;
        this.#forgetSession();
      }
      return this.#fail(fromErrorFrame(parsed.value, "connection"));
    }
    const seq = typeof frame.seq === "number" ? frame.seq : null;
    if (seq !== null) {
      // A new conversation: a fresh (not resumed) socket starts one, and so does a restart
      // (a `session` frame with seq 1 and another id). Anything else at or below the last
      // seq applied is a frame this page already has.
      const fresh = this.#fresh && !this.#resuming;
      const restarted = frame.type === "session" && known &&
        Reflect.get(/** @type {object} */ (frame.data), "sessionId") !== this.#sessionId;
      if (seq === 1 && (fresh || restarted) && this.#hasState()) this.#reset();
      else if (seq <= this.#lastSeq) return;
      this.#lastSeq = seq;
    }
    if (this.#fresh) {
      this.#fresh = false;
      this.#attempt = 0;
      this.#flush();
    }
    // Deltas are transient: their content ends up in the result, so they would only push
    // real frames out of `messages`.
    if (type !== "delta") this.#messages.push(frame);
    if (this.#messages.length > this.#opts.maxMessages) {
      this.#messages.splice(0, this.#messages.length - this.#opts.maxMessages);
    }
    if (known) this.#apply(/** @type {ServerFrame} */ (frame));
    this.#emit("frame", frame);
    this.#callbacks.onMessage?.(frame);
    if (known) this.#notify(/** @type {ServerFrame} */ (frame));
    this.#changed();
  }

  /** Updates the conversation state from one known frame. @param {ServerFrame} frame */
  #apply(frame) {
    switch (frame.type) {
      case "status": {
        this.#status = frame.data.message;
        const stage = frame.data.stage;
        if (stage) this.#enterStage(stage);
        break;
      }
      case "progress": {
        const agent = frame.data.agent;
        if (agent && this.#stages[agent] === "pending") this.#enterStage(agent);
        const round = /\(Round (\d+)\)/.exec(frame.data.message);
        if (round && (agent === "clarifier" || agent === undefined)) this.#round = Number(round[1]);
        break;
      }
      case "question": {
        const q = frame.data;
        if (q.round !== undefined) this.#round = q.round;
        if (!this.#pending.some((p) => p.id === q.id)) this.#pending.push(q);
        if (!this.#transcript.some((e) => e.id === q.id)) {
          this.#transcript = [...this.#transcript, {
            id: q.id,
            question: q.question,
            answer: null,
            round: q.round,
            topic: q.topic,
          }];
        }
        if (this.#stage === null) this.#enterStage(q.agent ?? "clarifier");
        break;
      }
      case "result": {
        const { agent, data } = frame.data;
        this.#closeStream(agent);
        this.#results = { ...this.#results, [agent]: data };
        const done = agent !== "clarifier" ||
          (typeof data === "object" && data !== null && Reflect.get(data, "done") === true);
        if (done) this.#stages = { ...this.#stages, [agent]: "done" };
        break;
      }
      case "complete": {
        this.#summary = frame.data.summary;
        this.#brief = frame.data.brief ?? null;
        this.#pending = [];
        this.#streams = {};
        /** @type {Record<string, StageState>} */
        const stages = { ...this.#stages };
        for (const [k, v] of Object.entries(stages)) if (v !== "failed") stages[k] = "done";
        this.#stages = stages;
        this.#stage = null;
        break;
      }
      case "error": {
        const err = fromErrorFrame(frame, "server");
        this.#lastError = err;
        if (err.agent) {
          this.#stages = { ...this.#stages, [err.agent]: "failed" };
          this.#closeStream(err.agent);
        }
        const last = this.#lastAnswered;
        if (err.code && REJECTED_ANSWER_CODES.has(err.code) && last && this.#pending.length === 0) {
          // The server did not take the last answer: ask it again.
          const q = this.#transcript.find((e) => e === last);
          if (q) {
            q.answer = null;
            this.#transcript = [...this.#transcript];
            this.#pending.push({
              id: q.id,
              question: q.question,
              ...(q.round !== undefined ? { round: q.round } : {}),
              ...(q.topic !== undefined ? { topic: q.topic } : {}),
            });
            this.#lastAnswered = null;
          }
        }
        break;
      }
      case "session": {
        this.#sessionId = frame.data.sessionId;
        const token = frame.data.token;
        if (token) {
          this.#token = token;
          writeSession(this.#storage, this.#opts.clientId, { sessionId: this.#sessionId, token });
        }
        break;
      }
      case "answered": {
        const { questionId, answer } = frame.data;
        this.#pending = this.#pending.filter((q) => q.id !== questionId);
        const entry = this.#transcript.find((e) => e.id === questionId);
        if (entry && entry.answer !== answer) {
          // The first answer wins, whichever tab gave it.
          this.#transcript = this.#transcript.map((e) => e === entry ? { ...e, answer } : e);
        }
        if (this.#lastAnswered?.id === questionId) this.#lastAnswered = null;
        break;
      }
      case "cancelled": {
        this.#cancelled = frame.data.message;
        this.#pending = [];
        this.#streams = {};
        /** @type {Record<string, StageState>} */
        const stages = { ...this.#stages };
        for (const [k, v] of Object.entries(stages)) if (v === "active") stages[k] = "pending";
        this.#stages = stages;
        this.#stage = null;
        break;
      }
      case "delta": {
        const { agent, id, text, partial } = frame.data;
        const open = this.#streams[agent];
        // A new id of the same agent (a retry) replaces its stream.
        const prev = open && open.id === id ? open : null;
        this.#streams = {
          ...this.#streams,
          [agent]: {
            agent,
            id,
            text: (prev?.text ?? "") + (text ?? ""),
            partial: partial === undefined ? prev?.partial : partial,
            seq: frame.seq,
          },
        };
        break;
      }
    }
  }

  /** @param {string} agent */
  #closeStream(agent) {
    if (!Object.hasOwn(this.#streams, agent)) return;
    const { [agent]: _, ...rest } = this.#streams;
    this.#streams = rest;
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
        this.#emit("complete", { summary: frame.data.summary, brief: frame.data.brief ?? null });
        cb.onComplete?.(frame.data.summary, frame.data.brief ?? null);
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
          byThisClient: this.#answeredHere.has(frame.data.questionId),
        });
        break;
      case "cancelled":
        this.#emit("cancelled", frame.data);
        break;
      case "delta":
        this.#emit("delta", frame.data);
        break;
    }
  }

  /** @param {string} stage */
  #enterStage(stage) {
    /** @type {Record<string, StageState>} */
    const stages = { ...this.#stages };
    const prev = this.#stage;
    if (prev && prev !== stage && stages[prev] === "active") stages[prev] = "done";
    // Earlier stages of the built-in pipeline are over once a later one starts.
    const at = PIPELINE_STAGES.indexOf(/** @type {any} */ (stage));
    for (let i = 0; i < at; i++) {
      const s = /** @type {string} */ (PIPELINE_STAGES[i]);
      if (stages[s] === "pending" || stages[s] === "active") stages[s] = "done";
    }
    if (stages[stage] !== "failed") stages[stage] = "active";
    this.#stages = stages;
    this.#stage = stage;
  }

  /** Whether any conversation state would be lost by a reset. */
  #hasState() {
    return this.#lastSeq > 0 || this.#messages.length > 0 || this.#transcript.length > 0;
  }

  /** The client moved to a new conversation: forget the old one. */
  #reset() {
    const dropped = this.#queue.length;
    this.#queue = [];
    this.#messages = [];
    this.#transcript = [];
    this.#pending = [];
    this.#lastAnswered = null;
    this.#answeredHere = new Set();
    this.#status = null;
    this.#stage = null;
    this.#round = null;
    this.#stages = initialStages();
    this.#results = {};
    this.#summary = null;
    this.#brief = null;
    this.#lastError = null;
    this.#lastSeq = 0;
    this.#cancelled = null;
    this.#streams = {};
    this.#emit("reset", { dropped });
  }

  /** Forgets the session and its token, here and in storage. */
  #forgetSession() {
    if (this.#token !== null || this.#sessionId !== null) {
      removeSession(this.#storage, this.#opts.clientId);
    }
    this.#token = null;
    this.#sessionId = null;
  }

  /** @returns {{ sessionUrl: string, briefUrl: string } | null} */
  #urls() {
    if (this.#sessionId === null || this.#token === null) return null;
    return sessionUrls(this.#opts.server, this.#sessionId, this.#token);
  }

  /**
   * Sends one frame now, or queues it (at most `maxQueue`) until the connection opens.
   * @param {string} text
   * @returns {boolean} `false` when the queue was full and the frame dropped.
   */
  #send(text) {
    const ws = this.#ws;
    if (ws && ws.readyState === 1) {
      ws.send(text);
      return true;
    }
    if (this.#queue.length >= this.#opts.maxQueue) {
      this.#fail({
        message: `Send queue is full: ${this.#opts.maxQueue} frames wait for a connection`,
        code: "queue_full",
        source: "client",
      });
      return false;
    }
    this.#queue.push(text);
    return true;
  }

  #flush() {
    const ws = this.#ws;
    if (!ws) return;
    for (const text of this.#queue.splice(0)) ws.send(text);
  }

  /** @param {{ message: string, code?: string, source: ConversationError["source"] } | ConversationError} e */
  #fail(e) {
    /** @type {ConversationError} */
    const err = {
      message: e.message,
      code: e.code,
      agent: "agent" in e ? e.agent : undefined,
      ref: "ref" in e ? e.ref : undefined,
      source: e.source,
      seq: "seq" in e ? e.seq : undefined,
    };
    this.#lastError = err;
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

/** @type {ReadonlySet<string>} */
const KNOWN_TYPES = new Set([...SEED_FRAME_TYPES, ...ADDED_FRAME_TYPES]);

/**
 * The `session` frame's data without its secret, for events any script on the page sees.
 * @param {Record<string, unknown>} data
 */
function withoutToken(data) {
  const { token: _token, ...rest } = data;
  return rest;
}

/** `localStorage` in a browser page, if it can be used; elsewhere none. */
function defaultStorage() {
  if (typeof document === "undefined") return null;
  try {
    const storage = globalThis.localStorage;
    storage.getItem("parley"); // throws where storage is blocked
    return storage;
  } catch {
    return null;
  }
}

/**
 * @param {TokenStorage | null} storage
 * @param {string} clientId
 * @returns {{ sessionId: string, token: string } | null}
 */
function readSession(storage, clientId) {
  try {
    const text = storage?.getItem(sessionStorageKey(clientId));
    if (!text || text.length > 2048) return null;
    /** @type {unknown} */
    const json = JSON.parse(text);
    if (typeof json !== "object" || json === null) return null;
    const sessionId = Reflect.get(json, "sessionId");
    const token = Reflect.get(json, "token");
    if (typeof sessionId !== "string" || typeof token !== "string" || !sessionId || !token) {
      return null;
    }
    return { sessionId, token };
  } catch {
    return null; // unreadable or not JSON: start afresh
  }
}

/**
 * @param {TokenStorage | null} storage
 * @param {string} clientId
 * @param {{ sessionId: string, token: string }} session
 */
function writeSession(storage, clientId, session) {
  try {
    storage?.setItem(sessionStorageKey(clientId), JSON.stringify(session));
  } catch { /* full or blocked: the token lives in memory only */ }
}

/**
 * @param {TokenStorage | null} storage
 * @param {string} clientId
 */
function removeSession(storage, clientId) {
  try {
    storage?.removeItem(sessionStorageKey(clientId));
  } catch { /* blocked */ }
}

/** @returns {Record<string, StageState>} */
function initialStages() {
  return Object.fromEntries(PIPELINE_STAGES.map((s) => [s, /** @type {StageState} */ ("pending")]));
}

/**
 * @param {Extract<ServerFrame, { type: "error" }>} frame
 * @param {ConversationError["source"]} source
 * @returns {ConversationError}
 */
function fromErrorFrame(frame, source) {
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
