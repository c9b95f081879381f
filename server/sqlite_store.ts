/**
 * The durable session store: SQLite through `node:sqlite` (no flag, no native addon).
 * Writes are queued and committed together in one transaction at the end of the current
 * task (group commit), so thousands of frames a second cost a few commits, and callbacks
 * registered with `whenDurable` run right after the commit that covers them.
 *
 * WAL mode with `synchronous = NORMAL`: a commit survives the process being killed
 * (SIGKILL); only an operating-system crash or power loss can lose the last commits.
 *
 * Faults: a group that fails to commit (disk full, I/O error, corrupt page, read-only file,
 * locked) is rolled back and kept, with its callbacks, and retried with capped backoff; the
 * store reports `failing`, then `recovered`. A write refused by a constraint (a UNIQUE
 * violation from a second writer, a session deleted meanwhile) drops that session's queued
 * writes and callbacks (`rejected`) and the rest of the group commits. A callback runs only
 * after its writes committed, so nothing un-stored is ever sent.
 *
 * Checkpoints: every 200 WAL pages (3 MiB) rather than SQLite's 1,000, so the checkpoint a
 * commit may run copies little and no commit blocks the event loop for long.
 *
 * One process per file: the connection takes SQLite's exclusive lock (`locking_mode =
 * exclusive`) at open. The kernel releases it when the process dies, even by SIGKILL, so
 * there is no stale lock file to clean up; a second Parley on the same file stops at start.
 *
 * @module
 */
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { setImmediate } from "node:timers";
import { setTimeout as delay } from "node:timers/promises";
import {
  type FrameOrigin,
  type SessionRecord,
  type SessionSnapshot,
  type SessionState,
  type SessionStore,
  snapshotOf,
  type StoredFrame,
  type StoreEvent,
} from "./store.ts";
import { type Metrics, NO_METRICS } from "./metrics.ts";
import { StoreOutage } from "./store_outage.ts";

type Write =
  | { kind: "frame"; sessionId: string; frame: StoredFrame; at: number }
  | { kind: "answer"; sessionId: string; questionId: string; answer: string }
  | { kind: "call"; sessionId: string; key: string; json: string }
  | { kind: "state"; sessionId: string; state: SessionState; at: number }
  | { kind: "create"; record: SessionRecord };

const SCHEMA = `
pragma page_size = 16384;
pragma locking_mode = exclusive;
pragma journal_mode = wal;
pragma synchronous = normal;
pragma wal_autocheckpoint = 200;
pragma foreign_keys = on;
create table if not exists sessions (
  id text primary key,
  client_id text not null,
  token_hash text not null,
  created_at integer not null,
  updated_at integer not null,
  state text not null
);
create index if not exists sessions_updated on sessions (updated_at);
create table if not exists frames (
  session_id text not null references sessions (id) on delete cascade,
  seq integer not null,
  origin text not null,
  body text not null,
  primary key (session_id, seq)
);
create table if not exists answers (
  session_id text not null references sessions (id) on delete cascade,
  question_id text not null,
  answer text not null,
  primary key (session_id, question_id)
) without rowid;
create table if not exists calls (
  session_id text not null references sessions (id) on delete cascade,
  key text not null,
  value text not null,
  primary key (session_id, key)
) without rowid;
`;

/** Writes that commit together at the latest. */
const GROUP_SIZE = 512;

/** Sessions deleted per sweep transaction at most; the sweep yields to the event loop between. */
export const SWEEP_BATCH = 200;
/** A sweep transaction ends after this many ms of deleting, whatever its count. */
export const SWEEP_SLICE_MS = 3;
/** Most errors `pragma quick_check` reports at open (it stops at the first). */
const QUICK_CHECK_ERRORS = 1;

/** Options of {@link SqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * Take SQLite's exclusive lock for the life of the store (default true): a second process
   * on the same file is refused. Tests that read the file from another connection turn it off.
   */
  exclusive?: boolean;
  /** Sessions deleted per sweep transaction (default {@link SWEEP_BATCH}). */
  sweepBatch?: number;
  /**
   * Opens the connection (default `new DatabaseSync(path)`). Fault tests pass a subclass
   * that fails the way a disk does where the machine cannot make the fault real.
   */
  open?: (path: string) => DatabaseSync;
  /**
   * Times each commit in `parley_store_write_seconds{store="sqlite"}` and counts failed
   * ones in `parley_store_errors_total{store="sqlite"}` (see `describeStoreMetrics`).
   */
  metrics?: Metrics;
}

const STORE = { store: "sqlite" } as const;

/**
 * Raised when the database cannot be opened: `file`, what is wrong, and what to do, for the
 * one-line `parley: <file>: <what> — <what to do>` message at start-up.
 */
export class StoreOpenError extends Error {
  readonly file: string;
  readonly what: string;
  readonly todo: string;
  constructor(file: string, what: string, todo: string, options?: ErrorOptions) {
    super(`${file}: ${what} — ${todo}`, options);
    this.name = "StoreOpenError";
    this.file = file;
    this.what = what;
    this.todo = todo;
  }
}

const message = (err: unknown) => err instanceof Error ? err.message : String(err);

/** Whether a write error belongs to that write (a constraint), not to the store. */
const isConstraint = (err: unknown) => /constraint failed/i.test(message(err));

/** What went wrong opening `path`, as a {@link StoreOpenError}. */
function openError(path: string, err: unknown): StoreOpenError {
  // SQLite's messages may span lines (quick_check's report): one line, bounded.
  const m = message(err).replace(/\s+/g, " ").trim().slice(0, 200);
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) || "/" : ".";
  if (/locked|busy/i.test(m)) {
    return new StoreOpenError(
      path,
      "the database is in use by another process (another Parley?)",
      "stop that process, or set PARLEY_DB to another file",
      { cause: err },
    );
  }
  if (/readonly|read-only/i.test(m) || !writable(path)) {
    return new StoreOpenError(
      path,
      "the database is read-only",
      "make the file and its folder writable for this user, or set PARLEY_DB to a writable path",
      { cause: err },
    );
  }
  if (/not a database|malformed|corrupt/i.test(m)) {
    return new StoreOpenError(
      path,
      `the database is corrupted (${m})`,
      "restore it from a backup, or move it aside to start with an empty store",
      { cause: err },
    );
  }
  if (/full/i.test(m)) {
    return new StoreOpenError(path, "the disk is full", "free some space, then start again", {
      cause: err,
    });
  }
  let dirExists = true;
  try {
    dirExists = Deno.statSync(dir).isDirectory;
  } catch {
    dirExists = false;
  }
  if (!dirExists) {
    return new StoreOpenError(
      path,
      `the folder ${dir} does not exist`,
      "create it, or set PARLEY_DB to a file in an existing folder",
      { cause: err },
    );
  }
  return new StoreOpenError(
    path,
    `the database cannot be opened (${m})`,
    "check that the path is a readable and writable file, or set PARLEY_DB to another path",
    { cause: err },
  );
}

/** Whether `path` (or, if it does not exist, its folder) can be written. */
function writable(path: string): boolean {
  try {
    Deno.openSync(path, { write: true }).close();
    // The WAL and its index are created beside the file.
    const probe = `${path}.probe-${crypto.randomUUID()}`;
    Deno.openSync(probe, { write: true, createNew: true }).close();
    Deno.removeSync(probe);
    return true;
  } catch (err) {
    return !(err instanceof Deno.errors.PermissionDenied ||
      /read-only|os error 30|os error 13/i.test(message(err)));
  }
}

interface Waiting {
  fn: () => void;
  sessionId: string | undefined;
}

/** A session store in a SQLite file. */
export class SqliteStore implements SessionStore {
  readonly kind = "sqlite";
  readonly #db: DatabaseSync;
  #queue: Write[] = [];
  #callbacks: Waiting[] = [];
  #scheduled = false;
  readonly #stmt: Record<string, StatementSync>;
  readonly #onError: (error: unknown, write: string) => void;
  readonly #outage: StoreOutage;
  readonly #sweepBatch: number;
  readonly #metrics: Metrics;
  #closed = false;

  /**
   * Opens (and creates if needed) the database at `path`, takes its lock and runs a quick
   * integrity check. Throws {@link StoreOpenError} when the file cannot serve as the store.
   * Write failures are reported to `onError` (the first of each outage, and each rejected
   * write) and to the {@link subscribe} listeners.
   */
  constructor(
    path: string,
    onError: (error: unknown, write: string) => void = () => {},
    options: SqliteStoreOptions = {},
  ) {
    this.#onError = onError;
    this.#outage = new StoreOutage(onError);
    this.#sweepBatch = options.sweepBatch ?? SWEEP_BATCH;
    this.#metrics = options.metrics ?? NO_METRICS;
    let db: DatabaseSync | undefined;
    try {
      db = options.open ? options.open(path) : new DatabaseSync(path);
      db.exec(
        options.exclusive === false ? SCHEMA.replace(/^pragma locking_mode.*$/m, "") : SCHEMA,
      );
      // The schema may write nothing; an immediate transaction takes the write lock now.
      db.exec("begin immediate; commit");
      const check = db.prepare(`pragma quick_check(${QUICK_CHECK_ERRORS})`).all() as Record<
        string,
        unknown
      >[];
      const result = String(Object.values(check[0] ?? {})[0] ?? "");
      if (result !== "ok") throw new Error(`database disk image is malformed: ${result}`);
    } catch (err) {
      try {
        db?.close();
      } catch { /* not open */ }
      throw path === ":memory:" ? err : openError(path, err);
    }
    this.#db = db;
    const p = (sql: string) => this.#db.prepare(sql);
    this.#stmt = {
      create: p(
        "insert or replace into sessions (id, client_id, token_hash, created_at, updated_at, state) values (?, ?, ?, ?, ?, ?)",
      ),
      frame: p("insert into frames (session_id, seq, origin, body) values (?, ?, ?, ?)"),
      touch: p("update sessions set updated_at = ? where id = ?"),
      answer: p(
        "insert or ignore into answers (session_id, question_id, answer) values (?, ?, ?)",
      ),
      call: p("insert or replace into calls (session_id, key, value) values (?, ?, ?)"),
      state: p("update sessions set state = ?, updated_at = ? where id = ?"),
      get: p(
        "select id, client_id, token_hash, created_at, updated_at, state from sessions where id = ?",
      ),
      frames: p(
        "select seq, origin, body from frames where session_id = ? and seq > ? order by seq",
      ),
      answers: p("select question_id, answer from answers where session_id = ?"),
      calls: p("select key, value from calls where session_id = ?"),
      expired: p(
        "select id from sessions where updated_at < ? and id > ? order by id limit ?",
      ),
      delete: p("delete from sessions where id = ?"),
    };
  }

  get pendingWrites(): number {
    return this.#queue.length;
  }

  get failure(): string | undefined {
    return this.#outage.failure;
  }

  subscribe(listener: (event: StoreEvent) => void): void {
    this.#outage.subscribe(listener);
  }

  #push(write: Write) {
    this.#queue.push(write);
    // A full group commits at once; otherwise at the end of this turn of the event loop.
    // While failing, the retry timer commits everything queued.
    if (this.#outage.failure !== undefined) return;
    if (this.#queue.length >= GROUP_SIZE) this.flush();
    else this.#schedule();
  }

  #schedule() {
    if (this.#scheduled || this.#outage.failure !== undefined) return;
    this.#scheduled = true;
    // After this turn's I/O callbacks (the check phase), so that every frame emitted in
    // this turn of the event loop, from every session, shares one commit. Not
    // setTimeout(0): Deno's timers add about 2 ms.
    setImmediate(() => this.flush());
  }

  create(record: SessionRecord): void {
    this.#push({ kind: "create", record: { ...record } });
  }
  appendFrame(sessionId: string, frame: StoredFrame): void {
    this.#push({ kind: "frame", sessionId, frame, at: Date.now() });
  }
  saveAnswer(sessionId: string, questionId: string, answer: string): void {
    this.#push({ kind: "answer", sessionId, questionId, answer });
  }
  saveCall(sessionId: string, key: string, json: string): void {
    this.#push({ kind: "call", sessionId, key, json });
  }
  setState(sessionId: string, state: SessionState, at: number): void {
    this.#push({ kind: "state", sessionId, state, at });
  }

  whenDurable(fn: () => void, sessionId?: string): void {
    if (this.#queue.length === 0 && this.#outage.failure === undefined) return fn();
    this.#callbacks.push({ fn, sessionId });
    this.#schedule();
  }

  /**
   * Commits every queued write in one transaction, then runs the waiting callbacks. On a
   * store fault nothing is lost: the writes and callbacks stay queued and a retry is set.
   */
  flush(): void {
    this.#scheduled = false;
    if (this.#closed) return;
    this.#outage.cancelRetry();
    // The batch is taken out of the queue, so whatever a listener or a callback queues
    // meanwhile waits for the next commit and is never mistaken for committed.
    let batch = this.#queue;
    let callbacks = this.#callbacks;
    this.#queue = [];
    this.#callbacks = [];
    // Each rejected session is taken out and the batch tried again: at most once per
    // session in it, so the loop is bounded.
    while (batch.length) {
      const result = this.#commit(batch);
      if (result.ok) break;
      if (result.rejected === undefined) {
        this.#queue = batch.concat(this.#queue);
        this.#callbacks = callbacks.concat(this.#callbacks);
        return this.#outage.failed(result.error, "commit", () => this.flush());
      }
      const id = result.rejected;
      const dropped = batch.filter((w) => sessionOf(w) === id).length;
      batch = batch.filter((w) => sessionOf(w) !== id);
      callbacks = callbacks.filter((c) => c.sessionId !== id);
      this.#onError(result.error, `session ${id}: ${dropped} writes dropped`);
      this.#outage.tell({ type: "rejected", sessionId: id, reason: message(result.error) });
    }
    this.#outage.ended();
    for (const c of callbacks) c.fn();
    if (this.#queue.length || this.#callbacks.length) this.#schedule();
  }

  /** One transaction over `queue`: ok, or the error and the session a constraint refused. */
  #commit(
    queue: readonly Write[],
  ): { ok: true } | { ok: false; error: unknown; rejected: string | undefined } {
    const s = this.#stmt;
    const touched = new Map<string, number>();
    let current: Write | undefined;
    const started = performance.now();
    try {
      this.#db.exec("begin");
      for (const w of queue) {
        current = w;
        this.#write(w, touched);
      }
      current = undefined;
      for (const [id, at] of touched) s.touch!.run(at, id);
      this.#db.exec("commit");
      this.#metrics.observe(
        "parley_store_write_seconds",
        (performance.now() - started) / 1000,
        STORE,
      );
      return { ok: true };
    } catch (error) {
      this.#metrics.inc("parley_store_errors_total", STORE);
      try {
        if (this.#db.isTransaction) this.#db.exec("rollback");
      } catch (rollbackError) {
        this.#onError(rollbackError, "rollback");
      }
      const rejected = current && isConstraint(error) ? sessionOf(current) : undefined;
      return { ok: false, error, rejected };
    }
  }

  #write(w: Write, touched: Map<string, number>) {
    const s = this.#stmt;
    switch (w.kind) {
      case "create": {
        const r = w.record;
        s.create!.run(r.id, r.clientId, r.tokenHash, r.createdAt, r.updatedAt, r.state);
        break;
      }
      case "frame":
        s.frame!.run(w.sessionId, w.frame.seq, w.frame.origin, w.frame.text);
        touched.set(w.sessionId, w.at);
        break;
      case "answer":
        s.answer!.run(w.sessionId, w.questionId, w.answer);
        break;
      case "call":
        s.call!.run(w.sessionId, w.key, w.json);
        break;
      case "state":
        s.state!.run(w.state, w.at, w.sessionId);
        touched.delete(w.sessionId);
        break;
    }
  }

  /** Reads synchronously (SQLite answers at once); rejects when the read fails. */
  load(sessionId: string): Promise<SessionSnapshot | undefined> {
    try {
      return Promise.resolve(snapshotOf(this, sessionId));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  get(sessionId: string): SessionRecord | undefined {
    const row = this.#stmt.get!.get(sessionId) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    return {
      id: String(row.id),
      clientId: String(row.client_id),
      tokenHash: String(row.token_hash),
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      state: String(row.state) as SessionState,
    };
  }

  frames(sessionId: string, afterSeq = 0): StoredFrame[] {
    return (this.#stmt.frames!.all(sessionId, afterSeq) as Record<string, unknown>[]).map((r) => ({
      seq: Number(r.seq),
      origin: String(r.origin) as FrameOrigin,
      text: String(r.body),
    }));
  }

  answers(sessionId: string): Map<string, string> {
    const rows = this.#stmt.answers!.all(sessionId) as Record<string, unknown>[];
    return new Map(rows.map((r) => [String(r.question_id), String(r.answer)]));
  }

  calls(sessionId: string): Map<string, string> {
    const rows = this.#stmt.calls!.all(sessionId) as Record<string, unknown>[];
    return new Map(rows.map((r) => [String(r.key), String(r.value)]));
  }

  async sweep(before: number, keep: (sessionId: string) => boolean = () => false): Promise<number> {
    let deleted = 0;
    let after = "";
    // Bounded: each batch moves the cursor past the ids it read.
    while (!this.#closed && this.#outage.failure === undefined) {
      const ids = (this.#stmt.expired!.all(before, after, this.#sweepBatch) as { id: string }[])
        .map((r) => String(r.id));
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      const doomed = ids.filter((id) => !keep(id));
      if (doomed.length) {
        try {
          // One transaction per slice of at most SWEEP_SLICE_MS: a session with many
          // frames costs more to delete, so the batch ends early rather than block.
          const started = performance.now();
          let i = 0;
          this.#db.exec("begin");
          for (; i < doomed.length; i++) {
            this.#stmt.delete!.run(doomed[i]!);
            if (performance.now() - started > SWEEP_SLICE_MS) {
              i++;
              break;
            }
          }
          this.#db.exec("commit");
          deleted += i;
          if (i < doomed.length) {
            after = doomed[i - 1]!;
            await delay(0);
            continue;
          }
        } catch (err) {
          try {
            if (this.#db.isTransaction) this.#db.exec("rollback");
          } catch { /* reported below */ }
          this.#onError(err, "sweep");
          break;
        }
      }
      if (ids.length < this.#sweepBatch) break;
      await delay(0);
    }
    return deleted;
  }

  /** Makes everything durable if it can and releases the store. */
  close(): void {
    if (this.#closed) return;
    this.flush();
    this.#outage.cancelRetry();
    this.#closed = true;
    this.#db.close();
  }
}

/** The session a write belongs to. */
function sessionOf(w: Write): string {
  return w.kind === "create" ? w.record.id : w.sessionId;
}
