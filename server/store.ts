/**
 * Where sessions live beyond memory: every frame, answer and finished model call, so a
 * client can resume and a restarted server can carry on. Writes are queued and made
 * durable in groups; `whenDurable` runs a callback once everything queued before it is
 * safe, which is when the session sends the frame (write before send: a client never sees
 * a frame the server could forget).
 *
 * @module
 */
import type { Metrics } from "./metrics.ts";

/**
 * Declares the metrics every store reports, labelled `{store}` (`sqlite`, `redis`): the
 * latency of each durable write (a SQLite commit, a Redis flush) and the writes that failed.
 */
export function describeStoreMetrics(metrics: Metrics): void {
  metrics.describe(
    "parley_store_write_seconds",
    "histogram",
    "Time to make one group of writes durable (a SQLite commit), in seconds, by store.",
  );
  metrics.describe(
    "parley_store_errors_total",
    "counter",
    "Durable writes that failed (and were kept to retry, or refused), by store.",
  );
}

/** Where a session stands. */
export type SessionState = "live" | "complete" | "cancelled" | "failed";

/** A session's identity and state. */
export interface SessionRecord {
  id: string;
  clientId: string;
  /** SHA-256 of the token's secret, hex. The token itself is never stored. */
  tokenHash: string;
  createdAt: number;
  updatedAt: number;
  state: SessionState;
}

/** Who produced a frame: the pipeline (replayed after a restart) or the session itself. */
export type FrameOrigin = "pipeline" | "session";

/** One stored frame. */
export interface StoredFrame {
  seq: number;
  /** The frame's JSON as sent (a `session` frame without its token). */
  text: string;
  origin: FrameOrigin;
}

/** Raised when the store cannot take more writes; the caller refuses new work. */
export class StoreFullError extends Error {
  constructor(pending: number, max: number) {
    super(`Storage is behind: ${pending} writes pending, the limit is ${max}; try again later`);
    this.name = "StoreFullError";
  }
}

/**
 * What a store reports: its writes started failing (the disk is full, the file is corrupt
 * or read-only), they work again, or one session's writes were refused for good (another
 * writer took its seqs, or the session was deleted meanwhile) and were dropped.
 */
export type StoreEvent =
  | { type: "failing"; reason: string }
  | { type: "recovered"; downMs: number }
  | { type: "rejected"; sessionId: string; reason: string };

/** Everything stored about one session, read at once: what a resume or a takeover starts from. */
export interface SessionSnapshot {
  record: SessionRecord;
  /** Every stored frame, in seq order. */
  frames: StoredFrame[];
  /** Stored answers by question id (the first answer to each). */
  answers: Map<string, string>;
  /** Recorded model calls by key. */
  calls: Map<string, string>;
  /** Cluster mode only: the node that runs the session, its fencing epoch, its input cursor. */
  owner?: { node: string; epoch: number; inCursor: string };
}

/**
 * The session store. Writes are queued and grouped. `load` reads asynchronously and works
 * on every store; the synchronous reads (`get`, `frames`, `answers`, `calls`) exist only on
 * the stores that can answer at once (memory, SQLite): the Redis store throws from them, so
 * the resume path and the HTTP endpoints use `load`.
 */
export interface SessionStore {
  /** `memory`, `sqlite` or `redis`. */
  readonly kind: string;
  /** Reads a session's record, frames, answers and calls together; undefined if none. */
  load(sessionId: string): Promise<SessionSnapshot | undefined>;
  create(record: SessionRecord): void;
  appendFrame(sessionId: string, frame: StoredFrame): void;
  saveAnswer(sessionId: string, questionId: string, answer: string): void;
  /** Stores a finished engine call's result (JSON) under a key unique in the session. */
  saveCall(sessionId: string, key: string, json: string): void;
  setState(sessionId: string, state: SessionState, at: number): void;
  /**
   * Runs `fn` once every write queued so far is durable (at once for the memory store).
   * With `sessionId`, `fn` is dropped, never run, if that session's writes are rejected.
   * While the store is failing, callbacks wait: they run when the writes finally commit.
   */
  whenDurable(fn: () => void, sessionId?: string): void;
  /** What is wrong while writes are failing (they are kept and retried), else undefined. */
  readonly failure: string | undefined;
  /** Calls `listener` on every {@link StoreEvent}. */
  subscribe(listener: (event: StoreEvent) => void): void;
  /** Writes queued and not yet durable. */
  readonly pendingWrites: number;
  get(sessionId: string): SessionRecord | undefined;
  /** Frames with `seq > afterSeq`, in order. */
  frames(sessionId: string, afterSeq?: number): StoredFrame[];
  answers(sessionId: string): Map<string, string>;
  calls(sessionId: string): Map<string, string>;
  /**
   * Deletes sessions last updated before `before`, except those `keep` names, in small
   * batches that yield to the event loop between them; resolves to how many. A failing
   * store deletes nothing and resolves to 0 (the next sweep tries again).
   */
  sweep(before: number, keep?: (sessionId: string) => boolean): Promise<number>;
  /** Makes everything durable and releases the store (resolves when done, for Redis). */
  close(): void | Promise<void>;
}

/** A snapshot from a store's synchronous reads (memory, SQLite). */
export function snapshotOf(store: SessionStore, sessionId: string): SessionSnapshot | undefined {
  const record = store.get(sessionId);
  if (!record) return undefined;
  return {
    record,
    frames: store.frames(sessionId),
    answers: store.answers(sessionId),
    calls: store.calls(sessionId),
  };
}

interface MemorySession {
  record: SessionRecord;
  frames: StoredFrame[];
  answers: Map<string, string>;
  calls: Map<string, string>;
}

/** Default number of sessions a {@link MemoryStore} keeps. */
export const MEMORY_STORE_MAX_SESSIONS = 10_000;

/**
 * A store in memory: for tests and for deployments that need no durability. It keeps at
 * most `maxSessions` sessions: past that, the oldest finished ones are dropped first.
 */
export class MemoryStore implements SessionStore {
  readonly kind = "memory";
  readonly pendingWrites = 0;
  readonly failure = undefined;
  readonly #sessions = new Map<string, MemorySession>();
  readonly #max: number;

  constructor(maxSessions = MEMORY_STORE_MAX_SESSIONS) {
    this.#max = maxSessions;
  }

  create(record: SessionRecord): void {
    this.#sessions.set(record.id, {
      record: { ...record },
      frames: [],
      answers: new Map(),
      calls: new Map(),
    });
    if (this.#sessions.size > this.#max) this.#trim();
  }
  #trim() {
    // A Map iterates in insertion order: the oldest sessions come first.
    for (const [id, s] of this.#sessions) {
      if (this.#sessions.size <= this.#max) return;
      if (s.record.state !== "live") this.#sessions.delete(id);
    }
    for (const id of this.#sessions.keys()) {
      if (this.#sessions.size <= this.#max) return;
      this.#sessions.delete(id);
    }
  }
  #session(id: string): MemorySession | undefined {
    return this.#sessions.get(id);
  }
  appendFrame(sessionId: string, frame: StoredFrame): void {
    const s = this.#session(sessionId);
    if (!s) return;
    s.frames.push(frame);
    s.record.updatedAt = Date.now();
  }
  saveAnswer(sessionId: string, questionId: string, answer: string): void {
    this.#session(sessionId)?.answers.set(questionId, answer);
  }
  saveCall(sessionId: string, key: string, json: string): void {
    this.#session(sessionId)?.calls.set(key, json);
  }
  setState(sessionId: string, state: SessionState, at: number): void {
    const s = this.#session(sessionId);
    if (s) Object.assign(s.record, { state, updatedAt: at });
  }
  whenDurable(fn: () => void): void {
    fn();
  }
  load(sessionId: string): Promise<SessionSnapshot | undefined> {
    return Promise.resolve(snapshotOf(this, sessionId));
  }
  subscribe(): void {
    // A memory store never fails.
  }
  get(sessionId: string): SessionRecord | undefined {
    const r = this.#session(sessionId)?.record;
    return r && { ...r };
  }
  frames(sessionId: string, afterSeq = 0): StoredFrame[] {
    const all = this.#session(sessionId)?.frames ?? [];
    // Frames are stored in seq order, so the ones after `afterSeq` are a suffix.
    let i = all.length;
    while (i > 0 && all[i - 1]!.seq > afterSeq) i--;
    return all.slice(i);
  }
  answers(sessionId: string): Map<string, string> {
    return new Map(this.#session(sessionId)?.answers);
  }
  calls(sessionId: string): Map<string, string> {
    return new Map(this.#session(sessionId)?.calls);
  }
  sweep(before: number, keep: (sessionId: string) => boolean = () => false): Promise<number> {
    let n = 0;
    for (const [id, s] of this.#sessions) {
      if (s.record.updatedAt < before && !keep(id)) {
        this.#sessions.delete(id);
        n++;
      }
    }
    return Promise.resolve(n);
  }
  close(): void {}
}
