// @ts-check
/**
 * A reconnecting WebSocket for a {@link import("../client.js").ConversationClient}: capped
 * exponential backoff with jitter, a bounded send queue, the first frame (the resume frame)
 * on every new socket, an application heartbeat (`{"type":"ping","id"}` answered by
 * `{"type":"pong"}`), and the browser's `online`, `offline` and `visibilitychange` events.
 * It knows nothing of conversations: it moves text and reports what happened as events.
 *
 * Events (all `CustomEvent`s on the transport):
 * - `state`: `{state, attempt, delayMs, retryAt}` on every change of {@link Transport.state};
 * - `open`: `{resuming}` a socket opened (its first frame, the greeting and the queue
 *   were sent);
 * - `attempt`: `{attempt}` a reconnect attempt starts (`retryAt` is `null` again);
 * - `message`: `{data}` a frame arrived (text or binary, as the socket gave it);
 * - `close`: `{code, reason, heartbeat}` the socket closed (or was found dead by the
 *   heartbeat, `heartbeat: true`); the `decide` option says what happens next;
 * - `failure`: `{message, code}` the transport gave up, or cannot open a socket.
 *
 * @module
 */
import { CLOSE_CODES } from "../../protocol/errors.js";

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
 * Application heartbeat: a `ping` every `intervalMs` while live; no frame within
 * `timeoutMs` of a ping (or of opening a socket) means the connection is dead.
 * @typedef {object} HeartbeatOptions
 * @property {number} [intervalMs] Default 15 000.
 * @property {number} [timeoutMs] Default 10 000.
 */

/**
 * Where the browser's network and visibility events come from. In a page: `window`,
 * `document` and `navigator`; in Deno: none. Tests pass plain `EventTarget`s.
 * @typedef {object} NetworkEnvironment
 * @property {EventTarget} window Fires `online` and `offline`.
 * @property {(EventTarget & { visibilityState?: string }) | null} [document] Fires
 *   `visibilitychange`.
 * @property {{ onLine?: boolean } | null} [navigator] `onLine === false` starts offline.
 */

/**
 * The transport's connection state (see `ConnectionState` in `state.js`).
 * @typedef {import("./state.js").ConnectionState} ConnectionState
 */

/**
 * What to do after a socket closed: `retry` with backoff, `reopen` at once (once: the
 * caller changed what {@link TransportOptions.target} returns), or `stop` (state `closed`).
 * @typedef {"retry" | "reopen" | "stop"} CloseDecision
 */

/**
 * @typedef {object} TransportOptions
 * @property {() => { url: string, first: string | null }} target Called before each socket
 *   opens: where to connect, and the frame to send first (the resume frame), if any.
 * @property {typeof WebSocket} [WebSocket] Default the global one.
 * @property {ReconnectOptions | false} [reconnect] `false` never reconnects.
 * @property {number} [maxQueue] Frames queued while disconnected (default 16).
 * @property {HeartbeatOptions | false} [heartbeat] `false`: no heartbeat.
 * @property {Promise<unknown>} [ready] Sockets open only once this resolves.
 * @property {NetworkEnvironment | null} [environment] Default: the page's, if any.
 * @property {(close: { code: number, reason: string, heartbeat: boolean }) => CloseDecision} [decide]
 *   Default `retry`.
 * @property {() => number} [random] Default `Math.random` (for the jitter).
 * @property {(resuming: boolean) => readonly string[]} [greeting] Frames to send on every
 *   new socket right after the first frame and before the queue (the client's answers
 *   still waiting for confirmation). Default none.
 */

/** Defaults of the transport's bounded resources, documented in docs/web.md. */
export const TRANSPORT_DEFAULTS = Object.freeze({
  maxQueue: 16,
  reconnect: Object.freeze({
    initialDelayMs: 500,
    maxDelayMs: 10_000,
    factor: 2,
    maxRetries: 20,
    jitter: 0.2,
  }),
  heartbeat: Object.freeze({ intervalMs: 15_000, timeoutMs: 10_000 }),
});

/** The close code this side uses for a connection the heartbeat found dead. */
const HEARTBEAT_CLOSE = CLOSE_CODES.heartbeatTimeout;

/**
 * The delay before reconnect attempt `attempt` (0 for the first).
 * @param {Required<ReconnectOptions>} policy
 * @param {number} attempt
 * @param {number} random A number in [0, 1).
 * @returns {number}
 */
export function backoffDelay(policy, attempt, random) {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt);
  return Math.round(base * (1 - policy.jitter * random));
}

/** The page's network environment, or `null` outside a page. @returns {NetworkEnvironment | null} */
function defaultEnvironment() {
  if (typeof document === "undefined" || typeof globalThis.addEventListener !== "function") {
    return null;
  }
  return { window: globalThis, document, navigator: globalThis.navigator ?? null };
}

/** A reconnecting WebSocket; see the module doc for its events. */
export class Transport extends EventTarget {
  /** @type {TransportOptions["target"]} */
  #target;
  /** @type {typeof WebSocket} */
  #WS;
  /** @type {Required<ReconnectOptions> | false} */
  #policy;
  #maxQueue;
  /** @type {Required<HeartbeatOptions> | false} */
  #heartbeat;
  /** @type {NetworkEnvironment | null} */
  #env;
  /** @type {NonNullable<TransportOptions["decide"]>} */
  #decide;
  /** @type {() => number} */
  #random;
  /** @type {(resuming: boolean) => readonly string[]} */
  #greeting;
  /** Whether {@link TransportOptions.ready} has resolved. */
  #ready = false;
  /** @type {Promise<unknown>} */
  #readyPromise;

  /** @type {WebSocket | null} */
  #ws = null;
  /** @type {ConnectionState} */
  #state = "idle";
  #attempt = 0;
  /** @type {number | null} */
  #retryAt = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #retryTimer;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  #pingTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #deadTimer;
  #pingId = 0;
  /** Whether the current socket has delivered a frame yet. */
  #fresh = true;
  /** Bumped by every deliberate stop, so deferred opens see they are stale. */
  #generation = 0;
  /** @type {string[]} */
  #queue = [];
  #listening = false;

  /** @param {TransportOptions} options */
  constructor(options) {
    super();
    this.#target = options.target;
    this.#WS = options.WebSocket ?? globalThis.WebSocket;
    const r = options.reconnect;
    this.#policy = r === false ? false : { ...TRANSPORT_DEFAULTS.reconnect, ...r };
    this.#maxQueue = options.maxQueue ?? TRANSPORT_DEFAULTS.maxQueue;
    const h = options.heartbeat;
    this.#heartbeat = h === false ? false : { ...TRANSPORT_DEFAULTS.heartbeat, ...h };
    this.#env = options.environment === undefined ? defaultEnvironment() : options.environment;
    this.#decide = options.decide ?? (() => "retry");
    this.#random = options.random ?? Math.random;
    this.#greeting = options.greeting ?? (() => []);
    this.#readyPromise = options.ready ?? Promise.resolve();
    if (!options.ready) this.#ready = true;
    this.#readyPromise.then(() => (this.#ready = true), () => {});
  }

  /** @returns {ConnectionState} */
  get state() {
    return this.#state;
  }
  /** Reconnect attempts since the last socket that delivered a frame. */
  get attempt() {
    return this.#attempt;
  }
  /** Epoch ms of the next attempt while one waits, else `null`. */
  get retryAt() {
    return this.#retryAt;
  }
  /** Frames waiting for a connection. */
  get queued() {
    return this.#queue.length;
  }
  /** Whether a socket is open now. */
  get isOpen() {
    return this.#ws !== null && this.#ws.readyState === 1 && this.#state === "live";
  }

  /**
   * Opens a socket unless one is open or opening; after `disconnect()` or giving up it
   * starts with a fresh retry budget.
   * @returns {void}
   */
  connect() {
    if (this.#ws || this.#state === "connecting" || this.#state === "reconnecting") return;
    this.#listen(true);
    this.#attempt = 0;
    if (this.#env?.navigator?.onLine === false) return this.#goOffline();
    this.#open("connecting");
  }

  /**
   * Closes the socket and stops reconnecting; the queue is kept for a later `connect()`.
   * @param {number} [code]
   * @param {string} [reason]
   * @param {ConnectionState} [state] The state to end in (default `closed`).
   * @returns {void}
   */
  disconnect(code = 1000, reason = "Client disconnected", state = "closed") {
    this.#generation++;
    this.#stopTimers();
    this.#drop(code, reason);
    if (state === "closed") this.#listen(false);
    this.#setState(state, null);
  }

  /**
   * Retries at once instead of waiting for the backoff timer (also from `offline`, or
   * after giving up).
   * @returns {void}
   */
  retryNow() {
    if (this.#ws) return;
    if (this.#state === "closed" || this.#state === "idle") return this.connect();
    this.#generation++;
    this.#stopTimers();
    this.#emit("attempt", { attempt: this.#attempt });
    this.#open(this.#state === "offline" ? "connecting" : this.#state);
  }

  /**
   * Sends one frame now, or queues it (at most `maxQueue`) until a socket opens.
   * @param {string} text
   * @returns {boolean} `false` when the queue was full and the frame dropped.
   */
  send(text) {
    if (this.isOpen && this.#queue.length === 0) {
      /** @type {WebSocket} */ (this.#ws).send(text);
      return true;
    }
    if (this.#queue.length >= this.#maxQueue) return false;
    this.#queue.push(text);
    return true;
  }

  /**
   * Sends a frame only if a socket is open now (never queued), e.g. answers the caller
   * re-sends itself after every open.
   * @param {string} text
   * @returns {boolean} Whether it was sent.
   */
  sendNow(text) {
    if (!this.isOpen) return false;
    /** @type {WebSocket} */ (this.#ws).send(text);
    return true;
  }

  /** Drops every queued frame and returns how many there were. @returns {number} */
  clearQueue() {
    return this.#queue.splice(0).length;
  }

  /**
   * Checks liveness now: sends a `ping` unless one is already waiting for its answer.
   * @returns {void}
   */
  ping() {
    const hb = this.#heartbeat;
    if (!hb || !this.isOpen || this.#deadTimer !== undefined) return;
    const ws = /** @type {WebSocket} */ (this.#ws);
    ws.send(JSON.stringify({ type: "ping", id: String(++this.#pingId) }));
    this.#deadTimer = setTimeout(() => {
      this.#deadTimer = undefined;
      if (this.#ws === ws) this.#dead();
    }, hb.timeoutMs);
  }

  // -------------------------------------------------------------------------------------

  /** @param {ConnectionState} state */
  #open(state) {
    this.#setState(state, null);
    const generation = this.#generation;
    if (!this.#ready) {
      // Open the socket only once frames can be handled, so none waits on arrival.
      this.#readyPromise.then(() => {
        if (generation === this.#generation && !this.#ws) this.#open(state);
      }, (err) => {
        this.#fail(
          `Cannot load the protocol module: ${err instanceof Error ? err.message : err}`,
          "protocol_unavailable",
        );
        this.disconnect();
      });
      return;
    }
    const { url, first } = this.#target();
    /** @type {WebSocket} */
    let ws;
    try {
      ws = new this.#WS(url);
    } catch (err) {
      this.#fail(
        `Cannot connect: ${err instanceof Error ? err.message : String(err)}`,
        "connect_failed",
      );
      this.#retry();
      return;
    }
    this.#ws = ws;
    this.#fresh = true;
    const hb = this.#heartbeat;
    if (hb) {
      // A socket that never opens (a half-open network) counts as dead like a silent one.
      this.#deadTimer = setTimeout(() => {
        this.#deadTimer = undefined;
        if (this.#ws === ws) this.#dead();
      }, hb.timeoutMs);
    }
    ws.onopen = () => {
      if (this.#ws !== ws) return;
      clearTimeout(this.#deadTimer);
      this.#deadTimer = undefined;
      if (first !== null) ws.send(first);
      for (const text of this.#greeting(first !== null)) ws.send(text);
      for (const text of this.#queue.splice(0)) ws.send(text);
      this.#setState("live", null);
      if (hb) this.#pingTimer = setInterval(() => this.ping(), hb.intervalMs);
      this.#emit("open", { resuming: first !== null });
    };
    ws.onmessage = (e) => {
      if (this.#ws !== ws) return;
      // Any frame proves the connection alive, a pong or not.
      clearTimeout(this.#deadTimer);
      this.#deadTimer = undefined;
      if (this.#fresh) {
        this.#fresh = false;
        this.#attempt = 0;
      }
      this.#emit("message", { data: e.data });
    };
    ws.onclose = (e) => {
      if (this.#ws !== ws) return;
      this.#closed(e.code, e.reason, false);
    };
    // Every error is followed by a close event, which reports it and reconnects.
    ws.onerror = () => {};
  }

  /** The heartbeat (or the open timeout) found the socket dead. */
  #dead() {
    this.#drop(HEARTBEAT_CLOSE, "Heartbeat timeout");
    this.#closed(HEARTBEAT_CLOSE, "Heartbeat timeout", true);
  }

  /**
   * @param {number} code
   * @param {string} reason
   * @param {boolean} heartbeat
   */
  #closed(code, reason, heartbeat) {
    this.#ws = null;
    this.#stopTimers();
    const generation = this.#generation;
    this.#emit("close", { code, reason, heartbeat });
    if (generation !== this.#generation || this.#ws) return; // a listener decided already
    const decision = this.#decide({ code, reason, heartbeat });
    if (decision === "stop") return this.disconnect(code, reason);
    if (decision === "reopen") {
      return this.#open(this.#state === "live" ? "connecting" : this.#state);
    }
    this.#retry();
  }

  #retry() {
    const policy = this.#policy;
    if (!policy || this.#attempt >= policy.maxRetries) {
      if (policy) {
        this.#fail(
          `Gave up reconnecting after ${this.#attempt} attempts: call connect() to retry`,
          "reconnect_failed",
        );
      }
      this.disconnect();
      return;
    }
    const delay = backoffDelay(policy, this.#attempt, this.#random());
    this.#attempt++;
    this.#retryAt = Date.now() + delay;
    const generation = this.#generation;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (generation !== this.#generation || this.#ws) return;
      this.#retryAt = null;
      this.#emit("attempt", { attempt: this.#attempt });
      this.#open("reconnecting");
    }, delay);
    this.#setState("reconnecting", delay);
  }

  #goOffline() {
    this.disconnect(1000, "Offline", "offline");
  }

  /** Closes and forgets the current socket without waiting for its close event. */
  #drop(code = 1000, reason = "") {
    const ws = this.#ws;
    this.#ws = null;
    if (!ws) return;
    ws.onopen =
      ws.onmessage =
      ws.onerror =
      ws.onclose =
        null;
    try {
      // Browsers accept only 1000 and 3000–4999 from a client.
      if (code === 1000 || (code >= 3000 && code <= 4999)) ws.close(code, reason);
      else ws.close(1000, reason);
    } catch { /* already closing */ }
  }

  #stopTimers() {
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    clearTimeout(this.#deadTimer);
    this.#retryTimer = this.#pingTimer = this.#deadTimer = undefined;
    this.#retryAt = null;
  }

  /** @param {boolean} on */
  #listen(on) {
    const env = this.#env;
    if (!env || on === this.#listening) return;
    this.#listening = on;
    const method = on ? "addEventListener" : "removeEventListener";
    env.window[method]("online", this.#onOnline);
    env.window[method]("offline", this.#onOffline);
    env.document?.[method]("visibilitychange", this.#onVisibility);
  }

  #onOnline = () => {
    if (this.#state !== "offline") return;
    this.#attempt = 0;
    this.#open("connecting");
  };

  #onOffline = () => {
    if (this.#state === "closed" || this.#state === "idle") return;
    this.#goOffline();
  };

  #onVisibility = () => {
    if (this.#env?.document?.visibilityState !== "visible") return;
    if (this.#state === "live") this.ping();
    else if (this.#state === "reconnecting" && !this.#ws) this.retryNow();
  };

  /**
   * @param {ConnectionState} state
   * @param {number | null} delayMs
   */
  #setState(state, delayMs) {
    if (state === this.#state && delayMs === null) return;
    this.#state = state;
    this.#emit("state", { state, attempt: this.#attempt, delayMs, retryAt: this.#retryAt });
  }

  /**
   * @param {string} message
   * @param {string} code
   */
  #fail(message, code) {
    this.#emit("failure", { message, code });
  }

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
