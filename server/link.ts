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
import type { Connection, Session } from "./session.ts";
import { BadTokenError, BusyError, type SessionRegistry } from "./sessions.ts";

/** How long a link opened to resume may take to send its resume frame. */
export const RESUME_TIMEOUT_MS = 10_000;

/** WebSocket close codes Parley uses: defined once in `protocol/errors.js`. */
export const CLOSE = {
  goingAway: CLOSE_CODES.goingAway,
  tryAgain: CLOSE_CODES.tryAgain,
  badResume: CLOSE_CODES.badResume,
  badToken: CLOSE_CODES.badToken,
  resumeTimeout: CLOSE_CODES.resumeTimeout,
} as const;

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
  maxFrameBytes: number;
  log: Logger;
  /** How long to wait for the resume frame (default {@link RESUME_TIMEOUT_MS}). */
  resumeTimeoutMs?: number;
}

/** The connection-level protocol of one client. */
export class ClientLink {
  readonly #o: LinkOptions;
  readonly conn: Connection;
  #session: Session | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #done = false;

  constructor(opts: LinkOptions) {
    this.#o = opts;
    this.conn = {
      sentSeq: 0,
      send: (text) => opts.io.send(text),
      close: (code, reason) => opts.io.close(code, reason),
    };
  }

  /** The session this link is on, once it has one. */
  get session(): Session | undefined {
    return this.#session;
  }

  /** Sends one error frame outside any session, then closes the link. */
  #refuse(closeCode: number, code: string, message: string) {
    if (this.#done) return;
    this.#done = true;
    const frame = { type: "error", data: { message, code }, seq: 1, ts: Date.now() };
    this.#o.io.send(JSON.stringify(frame));
    this.#o.io.close(closeCode, code);
  }

  #start(make: () => Session) {
    const { log, clientId } = this.#o;
    try {
      this.#session = make();
    } catch (err) {
      if (err instanceof BusyError) {
        log.warn("connection refused", { clientId, reason: err.message });
        return this.#refuse(CLOSE.tryAgain, err.code, err.message);
      }
      if (err instanceof BadTokenError) {
        log.info("resume refused: bad token", { clientId });
        return this.#refuse(CLOSE.badToken, err.code, err.message);
      }
      throw err;
    }
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
    const session = this.#session;
    if (typeof data !== "string") {
      const message = 'Binary frames are not supported: send JSON text such as {"answer": "..."}';
      if (session) return session.inputError("binary_frame", message);
      return this.#refuse(CLOSE.badResume, "binary_frame", message);
    }
    const parsed = parseClientFrame(data, this.#o.maxFrameBytes);
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
      this.#start(() => this.#o.registry.resume(token, lastSeq, this.#o.clientId, this.conn));
      const resumed = this.#session as Session | undefined;
      if (resumed) {
        this.#o.log.info("resumed", { clientId: this.#o.clientId, sessionId: resumed.id, lastSeq });
      }
      return;
    }
    if (!parsed.success) return session.inputError("bad_frame", parsed.error);
    const frame = parsed.value;
    if ("type" in frame && frame.type === "resume") {
      return session.inputError(
        "bad_frame",
        "A resume frame is only accepted first, on a connection opened with ?resume=1",
      );
    }
    if ("type" in frame && frame.type === "restart") return this.#restart(session);
    session.handle(frame);
  }

  #restart(old: Session) {
    if (old.state === "live") old.cancel("Restarted: a new conversation began");
    // Leave the old session only once its `cancelled` frame has gone out to this client.
    this.#o.registry.store.whenDurable(() => {
      if (this.#done || this.#session !== old) return;
      old.detach(this.conn);
      this.#session = undefined;
      this.conn.sentSeq = 0;
      this.#start(() => this.#o.registry.create(this.#o.clientId, this.conn));
      const now = this.#session as Session | undefined;
      this.#o.log.info("restarted", { clientId: this.#o.clientId, from: old.id, to: now?.id });
    });
  }

  /** The transport closed. */
  closed(code?: number): void {
    this.#done = true;
    clearTimeout(this.#timer);
    this.#o.log.info("disconnected", {
      clientId: this.#o.clientId,
      sessionId: this.#session?.id,
      code,
    });
    this.#session?.detach(this.conn);
  }
}
