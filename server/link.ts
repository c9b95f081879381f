/**
 * One client's link to the server, whatever carries it: the connection-level protocol
 * (start a session, or resume one with its token as the first frame; restart; hand every
 * other frame to the session). `server/mod.ts` wires a WebSocket to it; tests wire it
 * directly, so the same protocol runs in-process and over a socket.
 *
 * @module
 */
import { CLOSE_CODES } from "../protocol/errors.js";
import { parseClientFrame } from "../protocol/mod.js";
import type { Logger } from "./log.ts";
import { type Metrics, NO_METRICS } from "./metrics.ts";
import type { Connection } from "./session.ts";
import { BadTokenError, BusyError, type SessionHandle, type SessionRegistry } from "./sessions.ts";

/** How long a link opened to resume may take to send its resume frame. */
export const RESUME_TIMEOUT_MS = 10_000;

/** WebSocket close codes Parley uses: defined once in `protocol/errors.js`. */
export const CLOSE = {
  goingAway: CLOSE_CODES.goingAway,
  tryAgain: CLOSE_CODES.tryAgain,
  badResume: CLOSE_CODES.badResume,
  badToken: CLOSE_CODES.badToken,
  resumeTimeout: CLOSE_CODES.resumeTimeout,
  policy: CLOSE_CODES.policy,
  heartbeatTimeout: CLOSE_CODES.heartbeatTimeout,
  rateLimited: CLOSE_CODES.rateLimited,
} as const;

/** Default most bad frames a link may send in one second before it is closed with 1008. */
export const MAX_BAD_FRAMES_PER_SECOND = 20;

/** Declares the metrics links (and the upgrade in `server/mod.ts`) count. */
export function describeLinkMetrics(metrics: Metrics): void {
  metrics.describe(
    "parley_input_errors_total",
    "counter",
    "Bad client frames answered with an input error frame, by error code.",
  );
  metrics.describe(
    "parley_connections_refused_total",
    "counter",
    "Connections or sessions refused, by reason (server_full, address_limit, session_rate, origin, host, bad_upgrade, server_busy, bad_token).",
  );
}

/**
 * Most frames a link keeps while its resume is being loaded (the store reads
 * asynchronously); past that the link is closed with 1008, as a flood.
 */
export const MAX_FRAMES_WHILE_RESUMING = 64;

/** What a link writes to. */
export interface LinkIO {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** Options of {@link ClientLink}. */
export interface LinkOptions {
  registry: SessionRegistry;
  io: LinkIO;
  clientId: string;
  /** Opened with `?resume=1`: the first frame must be a resume frame. */
  resume: boolean;
  /**
   * Opened with `?brief=full`: `complete` frames come with the whole brief (`results`)
   * instead of naming the `result` frames by seq (`resultSeqs`).
   */
  fullBrief?: boolean;
  maxFrameBytes: number;
  log: Logger;
  /** How long to wait for the resume frame (default {@link RESUME_TIMEOUT_MS}). */
  resumeTimeoutMs?: number;
  /** Most bad frames per second before the link is closed with 1008 (default 20). */
  maxBadFramesPerSecond?: number;
  /**
   * With a value, a link that has sent a `ping` and then nothing for this many ms is
   * closed with 4410 `heartbeat_timeout` (its client promised heartbeats and stopped).
   */
  heartbeatTimeoutMs?: number;
  /** Asked before a `restart` makes a new session; a message refuses it (rate limit). */
  admitSession?: () => string | undefined;
  /**
   * Counts input errors by code (`parley_input_errors_total{code}`) and refused sessions
   * (`parley_connections_refused_total{reason}`: `server_busy`, `bad_token`, `session_rate`).
   */
  metrics?: Metrics;
}

/** The connection-level protocol of one client. */
export class ClientLink {
  readonly #o: LinkOptions;
  readonly #metrics: Metrics;
  readonly conn: Connection;
  #session: SessionHandle | undefined;
  /** Set while a resume is loading: frames that arrive meanwhile wait here, in order. */
  #waiting: unknown[] | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #heartbeat: ReturnType<typeof setTimeout> | undefined;
  /** Whether this link's client sends application pings (so its silence means something). */
  #pinging = false;
  #done = false;
  /** Bad frames in the current one-second window, and when that window began. */
  #bad = { count: 0, since: 0 };

  constructor(opts: LinkOptions) {
    this.#o = opts;
    const metrics = this.#metrics = opts.metrics ?? NO_METRICS;
    this.conn = {
      sentSeq: 0,
      send: (text) => {
        if (!this.#done) opts.io.send(text);
      },
      close: (code, reason) => opts.io.close(code, reason),
      rejected: (code) => {
        metrics.inc("parley_input_errors_total", { code });
        this.#countBad();
      },
      ...(opts.fullBrief ? { fullBrief: true } : {}),
    };
  }

  /** Whether the link is closed or closing. */
  get done(): boolean {
    return this.#done;
  }

  /** Sends an input error that no session is there to send (binary frames, no session). */
  #inputError(code: string, message: string) {
    this.#metrics.inc("parley_input_errors_total", { code });
    this.#countBad();
    if (this.#done) return;
    const text = JSON.stringify({ type: "error", data: { message, code }, ts: Date.now() });
    // In order with the session's frames already emitted (they go out once durable).
    this.#o.registry.store.whenDurable(() => {
      if (!this.#done) this.#o.io.send(text);
    });
  }

  #countBad() {
    const now = Date.now();
    if (now - this.#bad.since >= 1000) this.#bad = { count: 0, since: now };
    const max = this.#o.maxBadFramesPerSecond ?? MAX_BAD_FRAMES_PER_SECOND;
    if (++this.#bad.count <= max) return;
    this.#o.log.warn("connection closed: too many bad frames", {
      clientId: this.#o.clientId,
      sessionId: this.#session?.id,
      max,
    });
    this.#refuse(
      CLOSE.policy,
      "too_many_bad_frames",
      `More than ${max} bad frames in a second: fix the client, then reconnect`,
    );
  }

  /** Restarts the heartbeat deadline of a link whose client sends pings. */
  #alive() {
    const ms = this.#o.heartbeatTimeoutMs;
    if (!this.#pinging || !ms || this.#done) return;
    clearTimeout(this.#heartbeat);
    this.#heartbeat = setTimeout(() => {
      this.#o.log.warn("heartbeat timeout", {
        clientId: this.#o.clientId,
        sessionId: this.#session?.id,
        ms,
      });
      this.#refuse(
        CLOSE.heartbeatTimeout,
        "heartbeat_timeout",
        `No frame for ${ms} ms after a ping: the connection is presumed dead`,
      );
    }, ms);
  }

  /** The session this link is on, once it has one. */
  get session(): SessionHandle | undefined {
    return this.#session;
  }

  /** Sends one connection-only error frame (no seq), then closes the link. */
  #refuse(closeCode: number, code: string, message: string) {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#heartbeat);
    const frame = { type: "error", data: { message, code }, ts: Date.now() };
    this.#o.io.send(JSON.stringify(frame));
    this.#o.io.close(closeCode, code);
  }

  #start(make: () => SessionHandle) {
    try {
      this.#session = make();
    } catch (err) {
      this.#startFailed(err);
    }
  }

  #startFailed(err: unknown) {
    const { log, clientId } = this.#o;
    if (err instanceof BusyError) {
      this.#metrics.inc("parley_connections_refused_total", { reason: err.code });
      log.warn("connection refused", { clientId, reason: err.message });
      return this.#refuse(CLOSE.tryAgain, err.code, err.message);
    }
    if (err instanceof BadTokenError) {
      this.#metrics.inc("parley_connections_refused_total", { reason: err.code });
      log.info("resume refused: bad token", { clientId });
      return this.#refuse(CLOSE.badToken, err.code, err.message);
    }
    throw err;
  }

  /** The transport is open. */
  open(): void {
    const { registry, clientId, log } = this.#o;
    if (!this.#o.resume) {
      this.#start(() => registry.create(clientId, this.conn));
      log.info("connected", { clientId, sessionId: this.#session?.id });
      return;
    }
    const ms = this.#o.resumeTimeoutMs ?? RESUME_TIMEOUT_MS;
    this.#timer = setTimeout(() => {
      this.#refuse(
        CLOSE.resumeTimeout,
        "resume_timeout",
        `No resume frame within ${
          ms / 1000
        } s: send {"type":"resume","token":...,"lastSeq":...} first`,
      );
    }, ms);
  }

  /** One message arrived: text, or anything else (binary). */
  message(data: unknown): void {
    if (this.#done) return;
    if (this.#waiting) {
      if (this.#waiting.length >= MAX_FRAMES_WHILE_RESUMING) {
        return this.#refuse(
          CLOSE.policy,
          "too_many_bad_frames",
          `More than ${MAX_FRAMES_WHILE_RESUMING} frames before the resume was done: wait for the session frame`,
        );
      }
      this.#waiting.push(data);
      return;
    }
    this.#alive();
    const session = this.#session;
    if (typeof data !== "string") {
      const message = 'Binary frames are not supported: send JSON text such as {"answer": "..."}';
      if (session) return this.#inputError("binary_frame", message);
      return this.#refuse(CLOSE.badResume, "binary_frame", message);
    }
    const parsed = parseClientFrame(data, this.#o.maxFrameBytes);
    if (parsed.success && "type" in parsed.value && parsed.value.type === "ping") {
      return this.#pong(parsed.value.id);
    }
    if (!session) {
      if (!this.#o.resume) return; // refused at open
      clearTimeout(this.#timer);
      if (!parsed.success || !("type" in parsed.value) || parsed.value.type !== "resume") {
        return this.#refuse(
          CLOSE.badResume,
          "bad_frame",
          parsed.success
            ? 'Expected a resume frame first: {"type":"resume","token":...,"lastSeq":...}'
            : parsed.error,
        );
      }
      const { token, lastSeq } = parsed.value;
      this.#waiting = [];
      this.#o.registry.resume(token, lastSeq, this.#o.clientId, this.conn).then(
        (resumed) => {
          if (this.#done) return resumed.detach(this.conn);
          this.#session = resumed;
          this.#o.log.info("resumed", {
            clientId: this.#o.clientId,
            sessionId: resumed.id,
            lastSeq,
          });
        },
        (err) => this.#startFailed(err),
      ).catch((err) => {
        this.#o.log.error("resume failed", {
          clientId: this.#o.clientId,
          detail: err instanceof Error ? err.message : String(err),
        });
        this.#refuse(CLOSE.tryAgain, "internal", "The resume failed: try again");
      }).finally(() => {
        const waiting = this.#waiting ?? [];
        this.#waiting = undefined;
        for (const d of waiting) this.message(d);
      });
      return;
    }
    if (!parsed.success) return this.#inputError(parsed.code ?? "bad_frame", parsed.error);
    const frame = parsed.value;
    if ("type" in frame && frame.type === "resume") {
      return this.#inputError(
        "bad_frame",
        "A resume frame is only accepted first, on a connection opened with ?resume=1",
      );
    }
    if ("type" in frame && frame.type === "restart") return this.#restart(session);
    session.handle(frame, this.conn);
  }

  /** Answers an application heartbeat on this link only; from now on its silence counts. */
  #pong(id: string | undefined) {
    if (!this.#pinging) {
      this.#pinging = true;
      this.#alive();
    }
    const data = id === undefined ? {} : { id };
    this.#o.io.send(JSON.stringify({ type: "pong", data, ts: Date.now() }));
  }

  #restart(old: SessionHandle) {
    const refused = this.#o.admitSession?.();
    if (refused) {
      this.#metrics.inc("parley_connections_refused_total", { reason: "session_rate" });
      this.#o.log.warn("restart refused", { clientId: this.#o.clientId, reason: refused });
      return this.#refuse(CLOSE.rateLimited, "too_many_connections", refused);
    }
    if (old.state === "live") old.cancel("Restarted: a new conversation began");
    // Leave the old session only once its `cancelled` frame has gone out to this client
    // (on a follower node: once the owner's has come back and been sent).
    const leave = () => {
      if (this.#done || this.#session !== old) return;
      old.detach(this.conn);
      this.#session = undefined;
      this.conn.sentSeq = 0;
      this.#start(() => this.#o.registry.create(this.#o.clientId, this.conn));
      const now = this.#session as SessionHandle | undefined;
      this.#o.log.info("restarted", { clientId: this.#o.clientId, from: old.id, to: now?.id });
    };
    if (old.afterCancel) old.afterCancel(this.conn, leave);
    else this.#o.registry.store.whenDurable(leave);
  }

  /** The transport closed. */
  closed(code?: number): void {
    this.#done = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#heartbeat);
    this.#o.log.info("disconnected", {
      clientId: this.#o.clientId,
      sessionId: this.#session?.id,
      code,
    });
    this.#session?.detach(this.conn);
  }
}
