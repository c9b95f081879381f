/**
 * A session followed from a node that does not run it: the tabs on this node get every
 * frame of the session's log in Redis, in order, exactly once, and their input is
 * forwarded to the owner. One follower per session per node, shared by its tabs.
 *
 * Following: subscribe to the session's wake-up channel first, then read the log after
 * what is known; on every wake-up read what is new, and every `checkMs` read anyway (a
 * lost wake-up cannot stall a tab). A tab is sent only the frame `seq = sentSeq + 1`, so
 * it never gets a duplicate or a gap. The same check renews the session's watch mark (the
 * owner's grace timer counts this node's tabs) and looks at the owner's lease: when it is
 * gone, the registry claims the session and the follower hands its tabs to the session it
 * now runs, at their cursors.
 *
 * @module
 */
import type { ClientFrame } from "../protocol/mod.js";
import type { ClusterNode } from "./cluster.ts";
import type { Logger } from "./log.ts";
import { type Connection, type Session, storageNotice, wholeCompleteText } from "./session.ts";
import type { SessionSnapshot, SessionState, StoredFrame } from "./store.ts";

/** Options of {@link Follower}. */
export interface FollowerOptions {
  node: ClusterNode;
  snapshot: SessionSnapshot;
  log: Logger;
  /** The owner's lease is gone: claim the session; resolves to the session now run here. */
  takeover: (f: Follower) => Promise<Session | undefined>;
  /** The last tab left: the follower stopped. */
  onEmpty: (f: Follower) => void;
}

/** Most input errors a follower holds while it catches up with the log. */
export const MAX_HELD_ERRORS = 64;

interface Tab {
  token: string;
  connId: string;
}

/** A session run by another node, seen from this one. */
export class Follower {
  readonly id: string;
  readonly clientId: string;
  readonly #o: FollowerOptions;
  readonly #frames: StoredFrame[];
  readonly #tabs = new Map<Connection, Tab>();
  #owner: string;
  #state: SessionState;
  #stopListening: (() => Promise<void>) | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #pulling: Promise<void> | undefined;
  #again = false;
  #local: Session | undefined;
  #stopped = false;
  #claiming = false;
  /** Input errors waiting for the frames sent before them. */
  #held: { connId: string; text: string; after: number }[] = [];
  /** Why the owner's writes fail, as it last published; undefined when they do not. */
  #ownerFailing: string | undefined;
  /** Why this node's reads of the log fail; undefined when they do not. */
  #readFailing: string | undefined;
  /** Tabs waiting for the owner's `cancelled` (or other final) frame to reach them. */
  #settling: { conn: Connection; fn: () => void }[] = [];
  /** `complete` frames with the whole brief, by seq, for `?brief=full` tabs. */
  readonly #fullTexts = new Map<number, string>();

  constructor(opts: FollowerOptions) {
    this.#o = opts;
    this.id = opts.snapshot.record.id;
    this.clientId = opts.snapshot.record.clientId;
    this.#frames = [...opts.snapshot.frames];
    this.#owner = opts.snapshot.owner?.node ?? "";
    this.#state = opts.snapshot.record.state;
  }

  /** Seq of the last frame read. */
  get seq(): number {
    return this.#frames.at(-1)?.seq ?? 0;
  }

  /** The session's state as last read. */
  get state(): SessionState {
    return this.#local?.state ?? this.#state;
  }

  /** Tabs on this node. */
  get connections(): number {
    return this.#local ? this.#local.connections : this.#tabs.size;
  }

  /** Subscribes, then reads what was appended since the snapshot, then checks periodically. */
  async start(): Promise<void> {
    const { node } = this.#o;
    this.#stopListening = await node.listen(this.id, (message) => {
      const notice = parseStorageNotice(message);
      if (notice) this.#ownerStorage(notice.failing);
      else void this.#pull();
    });
    this.#timer = setInterval(() => void this.#check(), node.checkMs);
    Deno.unrefTimer(this.#timer);
    void node.watch(this.id, this.#owner).catch(() => {});
    await this.#pull();
  }

  /** Attaches a tab: the frames after `lastSeq` (the first with its token), then the resume notice. */
  attach(conn: Connection, resume: { lastSeq: number; token: string }): void {
    if (this.#local) return this.#local.attach(conn, resume);
    const connId = crypto.randomUUID();
    this.#tabs.set(conn, { token: resume.token, connId });
    const top = this.seq;
    const lastSeq = Math.min(resume.lastSeq, top);
    for (const f of this.#frames) {
      if (f.seq <= lastSeq) continue;
      conn.send(f.seq === 1 ? withToken(f.text, resume.token) : this.#textFor(conn, f));
    }
    conn.sentSeq = top;
    const failure = this.#ownerFailing ?? this.#readFailing;
    if (failure !== undefined) conn.send(storageNotice(failure));
    const pending = this.#state === "live" ? pendingQuestion(this.#frames) : undefined;
    // Only the owner appends to the log: the resume is told to this tab alone, without a seq.
    conn.send(JSON.stringify({
      type: "session",
      data: {
        sessionId: this.id,
        clientId: this.clientId,
        resumed: true,
        lastSeq,
        ...(pending ? { pending } : {}),
      },
      ts: Date.now(),
    }));
  }

  /** Detaches a tab; the last one stops the follower. */
  detach(conn: Connection): void {
    if (this.#local) return this.#local.detach(conn);
    if (!this.#tabs.delete(conn)) return;
    if (this.#tabs.size === 0) {
      this.stop();
      this.#o.onEmpty(this);
    }
  }

  /** Forwards a tab's input to the owner (after a takeover, the local session handles it). */
  handle(frame: ClientFrame, conn?: Connection): void {
    if (this.#local) return this.#local.handle(frame, conn);
    const tab = conn ? this.#tabs.get(conn) : undefined;
    this.#o.node.forward(this.id, this.#owner, JSON.stringify(frame), tab?.connId ?? "")
      .catch((err) => {
        this.#o.log.warn("input not forwarded", {
          sessionId: this.id,
          detail: err instanceof Error ? err.message : String(err),
        });
        if (conn) {
          conn.send(JSON.stringify({
            type: "error",
            data: {
              code: "storage_unavailable",
              message: "Your input could not be passed on just now: send it again",
            },
            ts: Date.now(),
          }));
        }
      });
  }

  /** Asks the owner to stop the conversation. */
  cancel(_message: string): void {
    this.handle({ type: "cancel" });
  }

  /**
   * An input error the owner sent back for one of this node's tabs, sent once the tab has
   * every frame up to `after` (the owner's seq when it refused the input), as the owner's
   * own tabs would see it. At most {@link MAX_HELD_ERRORS} wait; past that, the oldest go.
   */
  inputError(connId: string, text: string, after: number): void {
    this.#held.push({ connId, text, after });
    if (this.#held.length > MAX_HELD_ERRORS) this.#held.shift();
    if (after > this.seq) void this.#pull();
    else this.#deliver();
  }

  /**
   * Calls `fn` once `conn` has been sent the frame that ended the conversation (the
   * owner's `cancelled` after {@link Follower.cancel}), at once if it is not live, or after
   * five check periods at the latest (the owner may be gone): a restarting tab sees its old
   * session end before the new one starts, as it does on the owner's node.
   */
  afterCancel(conn: Connection, fn: () => void): void {
    if (this.#local) return this.#o.node.store.whenDurable(fn);
    if (this.#state !== "live" || this.#stopped) return fn();
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.#settling = this.#settling.filter((w) => w.fn !== once);
      fn();
    };
    const timer = setTimeout(once, this.#o.node.checkMs * 5);
    Deno.unrefTimer(timer);
    this.#settling.push({ conn, fn: once });
  }

  /** Stops following (unsubscribes, stops the periodic check). */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const w of [...this.#settling]) w.fn();
    clearInterval(this.#timer);
    void this.#stopListening?.();
  }

  /** Reads the frames after the last one known and sends each tab what follows its cursor. */
  #pull(): Promise<void> {
    if (this.#pulling) {
      this.#again = true;
      return this.#pulling;
    }
    this.#pulling = (async () => {
      do {
        this.#again = false;
        if (this.#stopped) return;
        let fresh: StoredFrame[];
        try {
          fresh = await this.#o.node.framesAfter(this.id, this.seq);
        } catch (err) {
          const detail = err instanceof Error ? err.message : String(err);
          this.#o.log.debug("follower read failed", { sessionId: this.id, detail });
          if (this.#readFailing === undefined) {
            this.#readFailing = detail;
            // Told once per outage, unless the owner's notice already told them.
            if (this.#ownerFailing === undefined) this.#notify(detail);
          }
          return;
        }
        this.#readFailing = undefined;
        for (const f of fresh) {
          if (f.seq !== this.seq + 1) break; // never a gap: the next read starts here
          this.#frames.push(f);
          this.#observe(f);
        }
        this.#deliver();
      } while (this.#again);
    })().finally(() => this.#pulling = undefined);
    return this.#pulling;
  }

  #observe(f: StoredFrame) {
    const type = /^\{"type":"([a-z_]+)"/.exec(f.text)?.[1];
    if (type === "complete" && this.#state === "live") this.#state = "complete";
    else if (type === "cancelled") this.#state = "cancelled";
    else if (type === "edited") this.#state = "live";
  }

  #deliver() {
    if (this.#held.length) {
      const ready = this.#held.filter((h) => h.after <= this.seq);
      this.#held = this.#held.filter((h) => h.after > this.seq);
      for (const h of ready) {
        for (const [conn, tab] of this.#tabs) {
          if (tab.connId !== h.connId) continue;
          this.#sendFrames(conn, h.after);
          conn.send(h.text);
        }
      }
    }
    for (const conn of this.#tabs.keys()) this.#sendFrames(conn, this.seq);
    if (this.#settling.length && this.#state !== "live") {
      for (const w of [...this.#settling]) if (w.conn.sentSeq >= this.seq) w.fn();
    }
  }

  /** Sends `conn` the frames after its cursor up to `upTo`, in order. */
  #sendFrames(conn: Connection, upTo: number) {
    // The log is whole from seq 1: frame `seq` is at index `seq - 1`.
    for (
      let f = this.#frames[conn.sentSeq];
      f?.seq === conn.sentSeq + 1 && f.seq <= upTo;
      f = this.#frames[conn.sentSeq]
    ) {
      conn.sentSeq = f.seq;
      conn.send(this.#textFor(conn, f));
    }
  }

  /** The text `conn` is sent for `f`: a `complete` with the whole brief for a `?brief=full` tab. */
  #textFor(conn: Connection, f: StoredFrame): string {
    if (!conn.fullBrief || !f.text.startsWith('{"type":"complete"')) return f.text;
    let t = this.#fullTexts.get(f.seq);
    if (t === undefined) {
      t = wholeCompleteText(f.text, this.#frames);
      this.#fullTexts.set(f.seq, t);
    }
    return t;
  }

  /** The owner published that its writes fail (a reason) or work again (undefined). */
  #ownerStorage(failing: string | undefined) {
    const was = this.#ownerFailing;
    this.#ownerFailing = failing;
    if (failing !== undefined && was === undefined && this.#readFailing === undefined) {
      this.#notify(failing);
    }
    if (failing === undefined) void this.#pull();
  }

  /** Every tab here gets the transient `storage_unavailable` notice (no seq). */
  #notify(reason: string) {
    const text = storageNotice(reason);
    for (const conn of this.#tabs.keys()) conn.send(text);
  }

  /** The periodic check: re-read, renew the watch mark, and see whether the owner lives. */
  async #check(): Promise<void> {
    if (this.#stopped || this.#claiming) return;
    const { node } = this.#o;
    await this.#pull();
    try {
      await node.watch(this.id, this.#owner);
      const meta = await node.meta(this.id);
      if (!meta) return;
      this.#owner = meta.owner;
      if (await node.alive(meta.owner)) return;
    } catch {
      return; // Redis is away: the next check tries again
    }
    this.#claiming = true;
    try {
      const session = await this.#o.takeover(this);
      if (session) this.#promote(session);
    } finally {
      this.#claiming = false;
    }
  }

  /** This node now runs the session: its tabs are attached to it at their cursors. */
  #promote(session: Session) {
    this.stop();
    this.#local = session;
    for (const [conn, tab] of this.#tabs) {
      session.attach(conn, { lastSeq: conn.sentSeq, token: tab.token });
    }
    this.#tabs.clear();
  }
}

/**
 * A storage notice the owner published on the session channel (`{"t":"storage"}` with a
 * `reason` while its writes fail, without once they work again); undefined for a wake-up.
 */
function parseStorageNotice(message: string): { failing: string | undefined } | undefined {
  if (!message.startsWith("{")) return undefined;
  try {
    const m = JSON.parse(message) as { t?: unknown; reason?: unknown };
    if (m?.t !== "storage") return undefined;
    return { failing: typeof m.reason === "string" ? m.reason.slice(0, 200) : undefined };
  } catch {
    return undefined;
  }
}

/** The last question in the log that no `answered` or `edited` frame followed, if any. */
function pendingQuestion(frames: readonly StoredFrame[]): string | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = JSON.parse(frames[i]!.text) as { type: string; data: Record<string, unknown> };
    if (f.type === "answered" || f.type === "edited" || f.type === "complete") return undefined;
    if (f.type === "question") return String(f.data.id);
  }
  return undefined;
}

/** Puts the token back into a stored `session` frame's JSON (it is never stored). */
function withToken(text: string, token: string): string {
  const frame = JSON.parse(text);
  frame.data.token = token;
  return JSON.stringify(frame);
}
