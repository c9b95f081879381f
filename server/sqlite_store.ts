/**
 * The durable session store: SQLite through `node:sqlite` (no flag, no native addon).
 * Writes are queued and committed together in one transaction at the end of the current
 * task (group commit), so thousands of frames a second cost a few commits, and callbacks
 * registered with `whenDurable` run right after the commit that covers them.
 *
 * WAL mode with `synchronous = NORMAL`: a commit survives the process being killed
 * (SIGKILL); only an operating-system crash or power loss can lose the last commits.
 *
 * @module
 */
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { setImmediate } from "node:timers";
import type {
  FrameOrigin,
  SessionRecord,
  SessionState,
  SessionStore,
  StoredFrame,
} from "./store.ts";

type Write =
  | { kind: "frame"; sessionId: string; frame: StoredFrame; at: number }
  | { kind: "answer"; sessionId: string; questionId: string; answer: string }
  | { kind: "call"; sessionId: string; key: string; json: string }
  | { kind: "state"; sessionId: string; state: SessionState; at: number }
  | { kind: "create"; record: SessionRecord };

const SCHEMA = `
pragma page_size = 16384;
pragma journal_mode = wal;
pragma synchronous = normal;
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

/** A session store in a SQLite file. */
export class SqliteStore implements SessionStore {
  readonly kind = "sqlite";
  readonly #db: DatabaseSync;
  #queue: Write[] = [];
  #callbacks: (() => void)[] = [];
  #scheduled = false;
  readonly #stmt: Record<string, StatementSync>;

  readonly #onError: (error: unknown, write: string) => void;

  /**
   * Opens (and creates if needed) the database at `path`. A write that fails (the disk is
   * full, the session was deleted meanwhile) is reported to `onError` and skipped; the
   * others in its group still commit.
   */
  constructor(path: string, onError: (error: unknown, write: string) => void = () => {}) {
    this.#onError = onError;
    this.#db = new DatabaseSync(path);
    this.#db.exec(SCHEMA);
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
      expired: p("select id from sessions where updated_at < ?"),
      delete: p("delete from sessions where id = ?"),
    };
  }

  get pendingWrites(): number {
    return this.#queue.length;
  }

  #push(write: Write) {
    this.#queue.push(write);
    // A full group commits at once; otherwise at the end of this turn of the event loop.
    if (this.#queue.length >= GROUP_SIZE) this.flush();
    else this.#schedule();
  }

  #schedule() {
    if (this.#scheduled) return;
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

  whenDurable(fn: () => void): void {
    if (this.#queue.length === 0) return fn();
    this.#callbacks.push(fn);
    this.#schedule();
  }

  /** Commits every queued write in one transaction, then runs the waiting callbacks. */
  flush(): void {
    this.#scheduled = false;
    const queue = this.#queue;
    const callbacks = this.#callbacks;
    this.#queue = [];
    this.#callbacks = [];
    if (queue.length) {
      const s = this.#stmt;
      const touched = new Map<string, number>();
      this.#db.exec("begin");
      try {
        for (const w of queue) {
          try {
            this.#write(w, touched);
          } catch (err) {
            this.#onError(err, w.kind);
          }
        }
        for (const [id, at] of touched) s.touch!.run(at, id);
        this.#db.exec("commit");
      } catch (err) {
        this.#db.exec("rollback");
        this.#onError(err, "commit");
      }
    }
    for (const fn of callbacks) fn();
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

  sweep(before: number, keep: (sessionId: string) => boolean = () => false): number {
    this.flush();
    const ids = (this.#stmt.expired!.all(before) as { id: string }[]).map((r) => String(r.id))
      .filter((id) => !keep(id));
    if (ids.length === 0) return 0;
    this.#db.exec("begin");
    for (const id of ids) this.#stmt.delete!.run(id);
    this.#db.exec("commit");
    return ids.length;
  }

  close(): void {
    this.flush();
    this.#db.close();
  }
}
