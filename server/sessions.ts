/**
 * The live sessions of one server: creating them with a secret token, resuming them (from
 * memory, or from the store after a restart), the grace period after the last client
 * leaves, the caps, and the sweep that deletes expired sessions.
 *
 * Slots: `maxSessions` counts running pipelines in memory and limits only NEW sessions; a
 * resume is never refused by it. With a deterministic engine (the offline one), a session
 * whose last client left before any answer is dropped from memory at once (it stays
 * `live` in the store, and a resume replays it exactly), so connect-and-close floods hold
 * no slot. A session leaves memory only once its writes are durable, so a resume never
 * reads a store that is behind.
 *
 * Storage faults: the registry relays the store's events to the sessions in memory
 * (pause and notify, carry on, or stop a session whose writes were refused) and refuses
 * new sessions with `server_busy` naming the fault while it lasts.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Engine } from "../agents/types.ts";
import { runPipeline } from "../agents/pipeline.ts";
import type { Agent } from "../agents/types.ts";
import { CLOSE_CODES } from "../protocol/errors.js";
import type { Logger } from "./log.ts";
import { RecordingEngine } from "./recording_engine.ts";
import { type Connection, type PipelineFactory, Session } from "./session.ts";
import { type SessionRecord, type SessionStore, type StoreEvent, StoreFullError } from "./store.ts";

/** The limits and timings a registry works within. */
export interface RegistryLimits {
  /** Most running sessions (pipelines) in memory at once; limits new sessions only. */
  maxSessions: number;
  /** Most frames in one session. */
  maxFrames: number;
  /** Most store writes pending before new sessions are refused. */
  maxPendingWrites: number;
  /** How long an unfinished session keeps running with no client, in ms. */
  graceMs: number;
  /** How long a session is kept after its last activity, in ms. */
  ttlMs: number;
  maxRounds: number;
  maxQuestionsPerRound: number;
  /** Ask the review question after the interview (`PARLEY_REVIEW`; default false here). */
  review?: boolean;
}

/** Options of {@link SessionRegistry}. */
export interface RegistryOptions extends RegistryLimits {
  store: SessionStore;
  engine: Engine;
  analysts?: readonly Agent[];
  log: Logger;
}

/** Raised when a new session cannot be had now; `code` goes in the error frame. */
export class BusyError extends Error {
  readonly code = "server_busy";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BusyError";
  }
}

/** Raised when a token does not open a session (unknown, expired or wrong). */
export class BadTokenError extends Error {
  readonly code = "bad_token";
  constructor() {
    super("Session not found or the token does not match: start a new conversation");
    this.name = "BadTokenError";
  }
}

const hash = (secret: string) => createHash("sha256").update(secret).digest();

/** Splits a token `sessionId.secret`; undefined when it is not one. */
function splitToken(token: string): { id: string; secret: string } | undefined {
  const dot = token.indexOf(".");
  if (dot < 1 || dot === token.length - 1) return undefined;
  return { id: token.slice(0, dot), secret: token.slice(dot + 1) };
}

/**
 * A new session id: the creation time in milliseconds (9 base-36 digits, so ids sort by
 * age) then 16 random bytes (base64url), 31 characters. The random part keeps ids as hard
 * to guess as before; the time prefix puts the rows of sessions that are live at the same
 * time next to each other in the store's indexes, so a commit of many sessions' frames
 * writes a few index pages instead of one per session.
 *
 * @example
 * ```ts
 * import { newSessionId } from "./sessions.ts";
 * const id = newSessionId();
 * if (!/^[0-9a-z]{9}[A-Za-z0-9_-]{22}$/.test(id)) throw new Error(id);
 * ```
 */
export function newSessionId(now: number = Date.now()): string {
  return now.toString(36).padStart(9, "0") + randomBytes(16).toString("base64url");
}

/** The sessions of one server. */
export class SessionRegistry {
  readonly #opts: RegistryOptions;
  readonly #live = new Map<string, Session>();
  readonly #grace = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #deterministic: boolean;

  constructor(opts: RegistryOptions) {
    this.#opts = opts;
    this.#deterministic = opts.engine.deterministic === true;
    opts.store.subscribe((event) => this.#storeEvent(event));
  }

  #storeEvent(event: StoreEvent) {
    const log = this.#opts.log;
    if (event.type === "failing") {
      log.error("store failing: sessions paused, new ones refused", { reason: event.reason });
      for (const s of this.#live.values()) s.storageFailing(event.reason);
    } else if (event.type === "recovered") {
      log.info("store recovered: sessions carry on", { downMs: event.downMs });
      for (const s of this.#live.values()) s.storageRecovered();
    } else {
      const session = this.#live.get(event.sessionId);
      log.error("store refused a session's writes", {
        sessionId: event.sessionId,
        reason: event.reason,
      });
      if (!session) return;
      this.#live.delete(session.id);
      this.#stopGrace(session.id);
      // The detail (a constraint, a table name) goes to the log, not to the client.
      session.storageLost("the store refused them", CLOSE_CODES.tryAgain);
    }
  }

  /** Running sessions (pipelines) in memory: what `maxSessions` counts. */
  get running(): number {
    let n = 0;
    for (const s of this.#live.values()) if (s.state === "live") n++;
    return n;
  }

  /** Sessions in memory. */
  get size(): number {
    return this.#live.size;
  }

  /** The store behind the registry. */
  get store(): SessionStore {
    return this.#opts.store;
  }

  #pipeline(sessionId: string): PipelineFactory {
    const o = this.#opts;
    // A model's answers differ from run to run, so finished calls are stored and a
    // recovered session replays them instead of paying for them again. The offline
    // engine is deterministic and cheap: it simply runs again.
    // Loaded once, then kept current: a re-run after an edit reuses this process's calls too.
    let calls: Map<string, string> | undefined;
    const engine = this.#deterministic ? o.engine : new RecordingEngine(o.engine, {
      get: (key) => (calls ??= o.store.calls(sessionId)).get(key),
      put: (key, json) => {
        (calls ??= o.store.calls(sessionId)).set(key, json);
        o.store.saveCall(sessionId, key, json);
      },
    });
    return (signal, hooks, run) =>
      runPipeline({
        engine,
        signal,
        review: o.review ?? false,
        reuse: run.reuse,
        ...(run.previous ? { previous: run.previous } : {}),
        onAgentError: hooks.onAgentError,
        onAgentMeta: (agent, meta) => o.log.info("agent usage", { sessionId, agent, ...meta }),
        maxRounds: o.maxRounds,
        maxQuestionsPerRound: o.maxQuestionsPerRound,
        ...(o.analysts ? { analysts: o.analysts } : {}),
      });
  }

  /** Refuses a new session at a cap or while the store is failing, naming which. */
  #checkCapacity() {
    const o = this.#opts;
    if (o.store.failure !== undefined) {
      throw new BusyError(
        `Storage is failing (${o.store.failure}): new conversations are refused until it is back; try again later`,
      );
    }
    // `running` walks the sessions: only when memory holds enough of them to matter.
    if (this.#live.size >= o.maxSessions && this.running >= o.maxSessions) {
      throw new BusyError(
        `The server has reached its limit of ${o.maxSessions} running sessions (PARLEY_MAX_SESSIONS): try again later`,
      );
    }
    this.#checkWrites();
  }

  /** Refuses work that would queue more writes than the store may hold in memory. */
  #checkWrites() {
    const o = this.#opts;
    if (o.store.pendingWrites > o.maxPendingWrites) {
      throw new BusyError(
        `${
          new StoreFullError(o.store.pendingWrites, o.maxPendingWrites).message
        } (PARLEY_MAX_PENDING_WRITES)`,
      );
    }
  }

  /** Starts a new conversation for `conn`. Throws {@link BusyError} at a cap. */
  create(clientId: string, conn: Connection): Session {
    this.#checkCapacity();
    const id = newSessionId();
    const secret = randomBytes(32).toString("base64url");
    const now = Date.now();
    const record: SessionRecord = {
      id,
      clientId,
      tokenHash: hash(secret).toString("hex"),
      createdAt: now,
      updatedAt: now,
      state: "live",
    };
    this.#opts.store.create(record);
    const session = this.#make(record, undefined);
    session.attach(conn);
    session.announce(`${id}.${secret}`);
    return session;
  }

  /**
   * Reads from the store; a read that fails (an I/O error, a corrupt page) becomes a
   * {@link BusyError} the client can retry, never an exception on a socket's event.
   */
  #read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.#opts.log.error("store read failed", { reason });
      throw new BusyError(`Storage cannot be read just now (${reason}): try again later`, {
        cause: err,
      });
    }
  }

  /** Finds the session a token opens, checking the secret in constant time. */
  #verify(token: string, clientId?: string): SessionRecord {
    const parts = splitToken(token);
    const record = parts && this.#read(() => this.#opts.store.get(parts.id));
    if (!parts || !record) throw new BadTokenError();
    const expected = Buffer.from(record.tokenHash, "hex");
    const actual = hash(parts.secret);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new BadTokenError();
    }
    if (clientId !== undefined && record.clientId !== clientId) throw new BadTokenError();
    return record;
  }

  /** The record a token opens, for the HTTP endpoints. Throws {@link BadTokenError}. */
  authorize(sessionId: string, token: string): SessionRecord {
    const record = this.#verify(token);
    if (record.id !== sessionId) throw new BadTokenError();
    return record;
  }

  /**
   * Attaches `conn` to the session `token` opens and replays what it missed. A session
   * not in memory is loaded from the store; if it was still running, its pipeline runs
   * again, replaying stored answers and calls, and carries on.
   */
  resume(token: string, lastSeq: number, clientId: string, conn: Connection): Session {
    const record = this.#verify(token, clientId);
    // A resume is never refused by the cap on new sessions: only by a store so far behind
    // that its queue is at its bound (a resume appends a frame).
    this.#checkWrites();
    let session = this.#live.get(record.id);
    if (!session) {
      const store = this.#opts.store;
      session = this.#make(
        record,
        this.#read(() => ({
          frames: store.frames(record.id),
          answers: store.answers(record.id),
          state: record.state,
        })),
      );
      this.#opts.log.info("session recovered", {
        sessionId: record.id,
        state: record.state,
        frames: session.seq,
      });
    }
    this.#stopGrace(record.id);
    session.attach(conn, { lastSeq, token });
    return session;
  }

  #make(record: SessionRecord, recovery: ConstructorParameters<typeof Session>[0]["recovery"]) {
    const o = this.#opts;
    const session = new Session({
      id: record.id,
      clientId: record.clientId,
      store: o.store,
      log: o.log,
      maxFrames: o.maxFrames,
      pipeline: this.#pipeline(record.id),
      ...(recovery ? { recovery } : {}),
      onIdle: (s) => this.#idle(s),
    });
    this.#live.set(record.id, session);
    if (o.store.failure !== undefined) session.storageFailing(o.store.failure);
    session.finished.then(() => {
      if (session.connections === 0) this.#evict(session);
    });
    return session;
  }

  #idle(session: Session) {
    if (session.state !== "live") return this.#evict(session);
    if (this.#deterministic && session.answered === 0) {
      // Abandoned before any answer: nothing is lost by dropping it, since a resume
      // replays the same frames. It stays `live` in the store until the sweep.
      return this.#drop(session);
    }
    // Disconnect is not cancel: the conversation keeps its place for a while.
    const timer = setTimeout(() => {
      this.#grace.delete(session.id);
      if (session.connections > 0) return;
      if (session.state === "live") {
        session.cancel(
          `Stopped: no client was connected for ${Math.round(this.#opts.graceMs / 1000)} s`,
        );
      }
      this.#evict(session);
    }, this.#opts.graceMs);
    Deno.unrefTimer(timer);
    this.#grace.set(session.id, timer);
  }

  #stopGrace(id: string) {
    const t = this.#grace.get(id);
    if (t !== undefined) clearTimeout(t);
    this.#grace.delete(id);
  }

  /** Suspends a live session with no client and takes it out of memory once durable. */
  #drop(session: Session) {
    this.#opts.store.whenDurable(() => {
      if (this.#live.get(session.id) !== session || session.connections > 0) return;
      session.suspend();
      this.#live.delete(session.id);
    }, session.id);
  }

  #evict(session: Session) {
    if (this.#live.get(session.id) !== session || session.connections > 0) return;
    if (session.state === "live" && this.#grace.has(session.id)) return;
    this.#stopGrace(session.id);
    // Out of memory only once its last frames are durable: a resume reads the store.
    this.#opts.store.whenDurable(() => {
      if (this.#live.get(session.id) !== session || session.connections > 0) return;
      this.#live.delete(session.id);
    }, session.id);
  }

  /**
   * Deletes sessions idle for longer than the TTL, except those in memory, in batches.
   * Never rejects: a failure is logged and the next sweep tries again.
   */
  async sweep(now = Date.now()): Promise<number> {
    try {
      const n = await this.#opts.store.sweep(now - this.#opts.ttlMs, (id) => this.#live.has(id));
      if (n) this.#opts.log.info("expired sessions deleted", { count: n });
      return n;
    } catch (err) {
      this.#opts.log.error("sweep failed", {
        error: err instanceof Error ? err.message : String(err),
      });
      return 0;
    }
  }

  /** Suspends every session (they stay resumable in the store) and flushes the store. */
  async shutdown(): Promise<void> {
    const all = [...this.#live.values()];
    for (const id of this.#grace.keys()) this.#stopGrace(id);
    for (const s of all) s.suspend();
    this.#live.clear();
    await Promise.allSettled(all.map((s) => s.finished));
  }
}
