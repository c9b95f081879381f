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
 * Cluster mode (`cluster` option, Redis): a resume of a session another live node runs
 * makes this node *follow* it (`follower.ts`); a resume of a session whose owner's lease is
 * gone claims it (epoch + 1) and recovers it here. Input forwarded by followers arrives on
 * the session's `in` stream and is applied in order, the cursor moving in the same write as
 * the frames it caused. A session watched from another node is not cancelled by the grace
 * timer.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Engine } from "../agents/types.ts";
import { runPipeline } from "../agents/pipeline.ts";
import type { Agent } from "../agents/types.ts";
import { CLOSE_CODES } from "../protocol/errors.js";
import { MAX_CLIENT_FRAME_BYTES, parseClientFrame } from "../protocol/mod.js";
import type { ClusterNode, NodeMessage } from "./cluster.ts";
import { Follower } from "./follower.ts";
import type { Logger } from "./log.ts";
import { RecordingEngine } from "./recording_engine.ts";
import { type Connection, type PipelineFactory, Session } from "./session.ts";
import {
  type SessionRecord,
  type SessionSnapshot,
  type SessionStore,
  type StoreEvent,
  StoreFullError,
} from "./store.ts";

/** What a link talks to: a session run here, or one followed from another node. */
export type SessionHandle = Pick<Session, "id" | "state" | "handle" | "detach" | "cancel"> & {
  /** A followed session: calls `fn` once `conn` got the owner's final frame (see Follower). */
  afterCancel?(conn: Connection, fn: () => void): void;
};

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
  /** Cluster mode: this node (its `store` must be the store above). */
  cluster?: ClusterNode;
  /** Largest forwarded client frame accepted (default the protocol's limit). */
  maxFrameBytes?: number;
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
  /** Token hash and client of each session in memory, so a resume needs no store read. */
  readonly #records = new Map<string, SessionRecord>();
  readonly #grace = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #deterministic: boolean;
  /** Loads in progress, by session: two resumes of one session share one load. */
  readonly #loading = new Map<
    string,
    Promise<{ record: SessionRecord; target: Session | Follower }>
  >();
  /** Sessions followed from this node, by id (cluster mode). */
  readonly #followers = new Map<string, Follower>();
  /** Last applied entry of each owned session's input stream (cluster mode). */
  readonly #inCursor = new Map<string, string>();
  readonly #draining = new Map<string, Promise<void>>();
  #inputCheck: ReturnType<typeof setInterval> | undefined;
  /** Owned sessions a tab on another node watches, until when (ms since epoch). */
  readonly #remoteWatch = new Map<string, number>();

  constructor(opts: RegistryOptions) {
    this.#opts = opts;
    this.#deterministic = opts.engine.deterministic === true;
    opts.store.subscribe((event) => this.#storeEvent(event));
    const cluster = opts.cluster;
    if (cluster) {
      cluster.onMessage((m) => this.#nodeMessage(m));
      // A lost input wake-up is caught here: the input streams of owned sessions that a
      // tab on another node watches (it says so every check) are re-read. Nobody else can
      // have sent input, so sessions nobody follows remotely cost no Redis command.
      this.#inputCheck = setInterval(() => {
        const now = Date.now();
        for (const [id, until] of this.#remoteWatch) {
          if (until < now) {
            this.#remoteWatch.delete(id);
            continue;
          }
          if (this.#live.get(id)?.state === "live") void this.#drain(id);
        }
      }, cluster.checkMs);
      Deno.unrefTimer(this.#inputCheck);
    }
  }

  #gauges() {
    const m = this.#opts.cluster?.metrics;
    if (!m) return;
    m.set("parley_sessions", this.#live.size, { role: "owned" });
    m.set("parley_sessions", this.#followers.size, { role: "followed" });
  }

  /** Sessions followed from this node (cluster mode). */
  get followed(): number {
    return this.#followers.size;
  }

  #forget(id: string) {
    this.#live.delete(id);
    this.#records.delete(id);
    this.#inCursor.delete(id);
    this.#gauges();
  }

  #storeEvent(event: StoreEvent) {
    const log = this.#opts.log;
    if (event.type === "failing") {
      log.error("store failing: sessions paused, new ones refused", { reason: event.reason });
      for (const s of this.#live.values()) s.storageFailing(event.reason);
      this.#tellFollowers(event.reason);
    } else if (event.type === "recovered") {
      log.info("store recovered: sessions carry on", { downMs: event.downMs });
      for (const s of this.#live.values()) s.storageRecovered();
      this.#tellFollowers(undefined);
    } else {
      const session = this.#live.get(event.sessionId);
      log.error("store refused a session's writes", {
        sessionId: event.sessionId,
        reason: event.reason,
      });
      if (!session) return;
      this.#forget(session.id);
      this.#stopGrace(session.id);
      // The detail (a constraint, a table name) goes to the log, not to the client.
      session.storageLost("the store refused them", CLOSE_CODES.tryAgain);
    }
  }

  /** Cluster mode: the nodes following this node's live sessions hear of its storage (best effort). */
  #tellFollowers(reason: string | undefined) {
    const cluster = this.#opts.cluster;
    if (!cluster) return;
    for (const s of this.#live.values()) {
      if (s.state !== "live") continue;
      void cluster.storageNotice(s.id, reason).catch(() => {});
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

  #pipeline(sessionId: string, calls: Map<string, string>): PipelineFactory {
    const o = this.#opts;
    // A model's answers differ from run to run, so finished calls are stored and a
    // recovered session replays them instead of paying for them again. The offline
    // engine is deterministic and cheap: it simply runs again.
    // From the snapshot the session was loaded from, then kept current: a re-run after an
    // edit reuses this process's calls too.
    const engine = this.#deterministic ? o.engine : new RecordingEngine(o.engine, {
      get: (key) => calls.get(key),
      put: (key, json) => {
        calls.set(key, json);
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
    const session = this.#make(record, undefined, new Map());
    if (this.#opts.cluster) this.#inCursor.set(id, "0-0");
    session.attach(conn);
    session.announce(`${id}.${secret}`);
    return session;
  }

  /**
   * Reads from the store; a read that fails (an I/O error, a corrupt page, Redis away)
   * becomes a {@link BusyError} the client can retry, never an exception on a socket's event.
   */
  async #load(id: string): Promise<SessionSnapshot | undefined> {
    try {
      return await this.#opts.store.load(id);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.#opts.log.error("store read failed", { reason });
      throw new BusyError(`Storage cannot be read just now (${reason}): try again later`, {
        cause: err,
      });
    }
  }

  /** Checks a token's secret against a record in constant time. */
  #check(record: SessionRecord | undefined, secret: string, clientId?: string): SessionRecord {
    if (!record) throw new BadTokenError();
    const expected = Buffer.from(record.tokenHash, "hex");
    const actual = hash(secret);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new BadTokenError();
    }
    if (clientId !== undefined && record.clientId !== clientId) throw new BadTokenError();
    return record;
  }

  /**
   * The record and stored state a token opens, for the HTTP endpoints. Rejects with
   * {@link BadTokenError} (or {@link BusyError} when the store cannot be read).
   */
  async authorize(sessionId: string, token: string): Promise<SessionSnapshot> {
    const parts = splitToken(token);
    if (!parts || parts.id !== sessionId) throw new BadTokenError();
    const snapshot = await this.#load(parts.id);
    this.#check(snapshot?.record, parts.secret);
    return snapshot!;
  }

  /**
   * Attaches `conn` to the session `token` opens and replays what it missed. A session
   * not in memory is loaded from the store; if it was still running, its pipeline runs
   * again, replaying stored answers and calls, and carries on. In cluster mode a session
   * another live node runs is followed instead, and one whose owner is gone is claimed.
   */
  async resume(
    token: string,
    lastSeq: number,
    clientId: string,
    conn: Connection,
  ): Promise<Session | Follower> {
    const parts = splitToken(token);
    if (!parts) throw new BadTokenError();
    // A resume is never refused by the cap on new sessions: only by a store so far behind
    // that its queue is at its bound (a resume appends a frame).
    this.#checkWrites();
    const here = this.#live.get(parts.id) ?? this.#followers.get(parts.id);
    let target: Session | Follower;
    if (here) {
      this.#check(this.#records.get(parts.id), parts.secret, clientId);
      target = here;
    } else {
      let loading = this.#loading.get(parts.id);
      if (!loading) {
        loading = this.#open(parts.id);
        this.#loading.set(parts.id, loading);
        loading.finally(() => this.#loading.delete(parts.id)).catch(() => {});
      }
      const opened = await loading;
      this.#check(opened.record, parts.secret, clientId);
      target = opened.target;
    }
    this.#stopGrace(parts.id);
    target.attach(conn, { lastSeq, token });
    return target;
  }

  /** Loads a session not in memory: recovered here, or (cluster mode) followed or claimed. */
  async #open(id: string): Promise<{ record: SessionRecord; target: Session | Follower }> {
    let snapshot = await this.#load(id);
    if (!snapshot) throw new BadTokenError();
    const record = snapshot.record;
    const cluster = this.#opts.cluster;
    if (!cluster || !snapshot.owner) return { record, target: this.#recover(snapshot) };
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = snapshot.owner!;
      if (owner.node === cluster.nodeId) {
        cluster.store.adopt(id, owner.epoch);
        return { record, target: this.#recover(snapshot) };
      }
      const alive = await this.#ask(() => cluster.alive(owner.node));
      if (alive) return { record, target: await this.#follow(snapshot) };
      const claimed = await this.#takeover(id, owner.node);
      if (claimed) return { record, target: claimed };
      // Someone else claimed it first: look again.
      snapshot = await this.#load(id);
      if (!snapshot) throw new BadTokenError();
    }
    return { record, target: await this.#follow(snapshot) };
  }

  /** A cluster read that fails becomes a {@link BusyError}. */
  async #ask<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new BusyError(`Storage cannot be read just now (${reason}): try again later`, {
        cause: err,
      });
    }
  }

  /**
   * Claims a session whose owner's lease is gone and recovers it here from the log read
   * after the claim; undefined when another node holds it (claimed first, or alive).
   */
  async #takeover(id: string, from: string): Promise<Session | undefined> {
    const cluster = this.#opts.cluster!;
    const here = this.#live.get(id);
    if (here) return here;
    const epoch = await this.#ask(() => cluster.claim(id, from));
    if (epoch === undefined) return undefined;
    cluster.store.adopt(id, epoch);
    const snapshot = await this.#load(id);
    if (!snapshot) return undefined;
    cluster.metrics.inc("parley_takeovers_total");
    this.#opts.log.info("session taken over", {
      sessionId: id,
      from,
      epoch,
      frames: snapshot.frames.length,
    });
    return this.#recover(snapshot);
  }

  /** Makes a session from its snapshot: its pipeline replays the log and carries on. */
  #recover(snapshot: SessionSnapshot): Session {
    const { record } = snapshot;
    const existing = this.#live.get(record.id);
    if (existing) return existing;
    const session = this.#make(record, {
      frames: snapshot.frames,
      answers: snapshot.answers,
      state: record.state,
    }, snapshot.calls);
    this.#opts.log.info("session recovered", {
      sessionId: record.id,
      state: record.state,
      frames: session.seq,
    });
    if (snapshot.owner && this.#opts.cluster) {
      this.#inCursor.set(record.id, snapshot.owner.inCursor);
      // Input forwarded while nobody ran the session is applied now, in order.
      void this.#drain(record.id);
    }
    return session;
  }

  /** Follows a session another node runs (one follower per session on this node). */
  async #follow(snapshot: SessionSnapshot): Promise<Follower> {
    const id = snapshot.record.id;
    const existing = this.#followers.get(id);
    if (existing) return existing;
    const cluster = this.#opts.cluster!;
    const follower: Follower = new Follower({
      node: cluster,
      snapshot,
      log: this.#opts.log,
      takeover: async (f) => {
        try {
          const meta = await cluster.meta(id);
          if (!meta) return undefined;
          const session = await this.#takeover(id, meta.owner);
          if (session && this.#followers.get(id) === f) this.#followers.delete(id);
          this.#gauges();
          return session;
        } catch (err) {
          this.#opts.log.warn("takeover failed", {
            sessionId: id,
            detail: err instanceof Error ? err.message : String(err),
          });
          return undefined;
        }
      },
      onEmpty: (f) => {
        if (this.#followers.get(id) === f) this.#followers.delete(id);
        if (!this.#live.has(id)) this.#records.delete(id);
        this.#gauges();
      },
    });
    this.#followers.set(id, follower);
    this.#records.set(id, snapshot.record);
    this.#gauges();
    try {
      await follower.start();
    } catch (err) {
      follower.stop();
      this.#followers.delete(id);
      throw new BusyError("Storage cannot be read just now: try again later", { cause: err });
    }
    return follower;
  }

  /** A message from another node: input to apply, or an input error for a tab here. */
  #nodeMessage(m: NodeMessage) {
    if (m.t === "in") void this.#drain(m.sid);
    else if (m.t === "watch") {
      const cluster = this.#opts.cluster!;
      this.#remoteWatch.set(m.sid, Date.now() + cluster.checkMs * 3);
    } else if (m.t === "err") {
      this.#followers.get(m.sid)?.inputError(m.c, m.text, Number(m.after) || 0);
    }
  }

  /**
   * Applies the input forwarded to an owned session, in order, after its cursor. The
   * cursor moves in the same flush as the frames the input caused, so a takeover applies
   * each entry exactly once. A session this node owns but dropped from memory is loaded.
   */
  #drain(id: string): Promise<void> {
    const running = this.#draining.get(id);
    if (running) return running.then(() => this.#drain(id));
    const p = this.#drainOnce(id).catch((err) => {
      this.#opts.log.debug("input read failed", {
        sessionId: id,
        detail: err instanceof Error ? err.message : String(err),
      });
    }).finally(() => this.#draining.delete(id));
    this.#draining.set(id, p);
    return p;
  }

  async #drainOnce(id: string): Promise<void> {
    const cluster = this.#opts.cluster;
    if (!cluster) return;
    let session = this.#live.get(id);
    if (!session) {
      const snapshot = await this.#opts.store.load(id);
      if (!snapshot?.owner || snapshot.owner.node !== cluster.nodeId) return;
      if (this.#live.has(id)) session = this.#live.get(id)!;
      else {
        cluster.store.adopt(id, snapshot.owner.epoch);
        session = this.#recover(snapshot);
      }
    }
    for (;;) {
      const cursor = this.#inCursor.get(id) ?? "0-0";
      const entries = await cluster.inputAfter(id, cursor);
      if (this.#live.get(id) !== session) return;
      for (const e of entries) {
        const parsed = parseClientFrame(
          e.frame,
          this.#opts.maxFrameBytes ?? MAX_CLIENT_FRAME_BYTES,
        );
        // `after`: the seq when the input was refused; the tab gets the error once it has
        // the frames before it (best effort: frames after it may come first).
        let after = session.seq;
        const reply: Connection = {
          sentSeq: Number.MAX_SAFE_INTEGER,
          remote: true,
          rejected: () => after = session!.seq,
          send: (text) => {
            const msg = { t: "err", sid: id, c: e.conn, text, after } as const;
            void cluster.tell(e.node, msg).catch(() => {});
          },
        };
        if (
          parsed.success &&
          !("type" in parsed.value && ["ping", "resume", "restart"].includes(parsed.value.type))
        ) {
          session.handle(parsed.value, reply);
        }
        this.#inCursor.set(id, e.id);
        cluster.store.setInputCursor(id, e.id);
      }
      if (entries.length === 0) return;
    }
  }
  #make(
    record: SessionRecord,
    recovery: ConstructorParameters<typeof Session>[0]["recovery"],
    calls: Map<string, string>,
  ) {
    const o = this.#opts;
    const session = new Session({
      id: record.id,
      clientId: record.clientId,
      store: o.store,
      log: o.log,
      maxFrames: o.maxFrames,
      pipeline: this.#pipeline(record.id, calls),
      ...(recovery ? { recovery } : {}),
      onIdle: (s) => this.#idle(s),
    });
    this.#live.set(record.id, session);
    this.#records.set(record.id, record);
    this.#gauges();
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
    const timer = setTimeout(async () => {
      this.#grace.delete(session.id);
      if (session.connections > 0) return;
      // A tab on another node watches it: the grace period starts again.
      const cluster = this.#opts.cluster;
      if (cluster && session.state === "live") {
        const watched = await cluster.watched(session.id).catch(() => true);
        if (watched && this.#live.get(session.id) === session && session.connections === 0) {
          return this.#idle(session);
        }
      }
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
      this.#forget(session.id);
    }, session.id);
  }

  #evict(session: Session) {
    if (this.#live.get(session.id) !== session || session.connections > 0) return;
    if (session.state === "live" && this.#grace.has(session.id)) return;
    this.#stopGrace(session.id);
    // Out of memory only once its last frames are durable: a resume reads the store.
    this.#opts.store.whenDurable(() => {
      if (this.#live.get(session.id) !== session || session.connections > 0) return;
      this.#forget(session.id);
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
    clearInterval(this.#inputCheck);
    for (const id of this.#grace.keys()) this.#stopGrace(id);
    for (const f of this.#followers.values()) f.stop();
    this.#followers.clear();
    for (const s of all) s.suspend();
    this.#live.clear();
    this.#records.clear();
    await Promise.allSettled(all.map((s) => s.finished));
  }
}
