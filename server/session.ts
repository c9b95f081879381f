/**
 * A session: one conversation, an append-only log of frames, and the connections (tabs)
 * watching it. The pipeline generator runs here; every frame it yields is stamped with
 * `seq` and `ts`, written to the store, and sent to every attached connection once the
 * write is durable. A connection that attaches late (a resume, another tab) first gets
 * the frames it missed, then the live ones: each connection has a cursor, so none gets a
 * frame twice or misses one.
 *
 * A session knows nothing of WebSockets: a {@link Connection} is a function and a cursor.
 *
 * Storage faults: while the store is failing the session pauses (its pipeline takes no
 * step), every tab gets a `storage_unavailable` notice, an `error` frame WITHOUT a `seq`
 * (it cannot be stored, so it is not part of the log), and frames already emitted wait
 * in the store's queue, unsent. When the store recovers they are sent, in order, and the
 * pipeline carries on. If the store refuses this session's writes for good (another
 * writer took its seqs), the session stops in memory and closes its connections, which
 * then resume from what the store holds.
 *
 * @module
 */
import type { Brief } from "../protocol/brief.js";
import { expandBrief, slimBrief } from "../protocol/brief_wire.js";
import type { ClientFrame } from "../protocol/mod.js";
import { FINISH_ANSWER } from "../protocol/constants.js";
import type { FrameBody } from "../agents/types.ts";
import { reuseKey } from "../agents/pipeline.ts";
import { changesToAnswer } from "../agents/review.ts";
import { errorFields, type Logger } from "./log.ts";
import type { FrameOrigin, SessionState, SessionStore, StoredFrame } from "./store.ts";

/** One client attached to a session (a socket, a tab). */
export interface Connection {
  /** Sends one frame's JSON text. */
  send(text: string): void;
  /** The last seq sent to this connection. */
  sentSeq: number;
  /** Closes the connection (the client may reconnect and resume). */
  close?(code: number, reason: string): void;
  /** Told after this connection was sent an input error (the link counts them). */
  rejected?(code: InputErrorCode): void;
  /**
   * Sent `complete` frames with the whole brief (`brief.results`), not the stored shape
   * that names the `result` frames by seq (`/ws/{clientId}?brief=full`).
   */
  fullBrief?: boolean;
  /**
   * A tab on another node whose input was forwarded here: never attached, it is sent only
   * the input errors of that input (cluster mode).
   */
  remote?: boolean;
}

/** Hooks the pipeline reports through; the session logs them. */
export interface PipelineHooks {
  onAgentError: (agent: string, error: unknown, ref: string) => void;
}

/** What one run of the pipeline starts from: the first, or a re-run after an edit. */
export interface PipelineRun {
  /** Results of earlier runs by `agent:fingerprint`, kept when an analyst's input is unchanged. */
  reuse: ReadonlyMap<string, unknown>;
  /** The latest brief, when there is one: the re-run's `complete` says what changed. */
  previous?: { version: number; brief: Brief };
}

/** Makes the conversation for a session, given the signal that cancels it. */
export type PipelineFactory = (
  signal: AbortSignal,
  hooks: PipelineHooks,
  run: PipelineRun,
) => AsyncGenerator<FrameBody, Brief | void, string | undefined>;

/** What a session recovered from the store replays before it goes live. */
export interface Recovery {
  /** Every stored frame, in seq order. */
  frames: StoredFrame[];
  /** Stored answers by question id. */
  answers: Map<string, string>;
  state: SessionState;
}

/** Options of {@link Session}. */
export interface SessionOptions {
  id: string;
  clientId: string;
  store: SessionStore;
  log: Logger;
  /** Most frames in one session; at the limit the conversation is cancelled. */
  maxFrames: number;
  /** The conversation; absent for a session that is already finished. */
  pipeline?: PipelineFactory;
  /** Set when the session comes back from the store (a resume after a restart). */
  recovery?: Recovery;
  /** Called when the session has no connection left (it may still be running). */
  onIdle?: (session: Session) => void;
}

/** Error codes of `error` frames about client input. */
export type InputErrorCode =
  | "bad_frame"
  | "no_question"
  | "wrong_question"
  | "already_answered"
  | "binary_frame"
  | "not_running"
  | "unknown_question"
  | "stale_edit"
  | "edit_in_progress"
  | "not_editable";

/** One run of a recovered log: its pipeline frames and the answers it had. */
interface Segment {
  frames: StoredFrame[];
  answers: Map<string, string>;
}

type Parsed = { type: string; data: Record<string, unknown> };

/** A stored frame's seq and the body it was stored from, when the session made it. */
interface Emitted {
  seq: number;
  /** For a `complete`: its text with the whole brief, made the first time a tab wants it. */
  full?: () => string;
}

/** A frame's replay key: frames of one agent keep their order, agents may interleave. */
function replayKey(body: { type: string; data: Record<string, unknown> }): string {
  if (body.type === "delta") return `delta:${body.data.id}`;
  return `${body.type}:${body.data.agent ?? body.data.stage ?? ""}`;
}

/** One conversation. */
export class Session {
  readonly id: string;
  readonly clientId: string;
  readonly #opts: SessionOptions;
  readonly #conns = new Set<Connection>();
  /** The log: every frame as stored (a `session` frame without its token). */
  readonly #log: StoredFrame[] = [];
  #seq = 0;
  #durableSeq = 0;
  #state: SessionState = "live";
  #pending: { id: string; resolve: (answer: string) => void } | undefined;
  /**
   * After a restart, the question the log shows unanswered, until the replayed pipeline
   * reaches it again: a resume announces it and an answer to it is accepted meanwhile.
   */
  #recoveredPending: string | undefined;
  readonly #answers = new Map<string, string>();
  readonly #abort = new AbortController();
  #finished: Promise<void> = Promise.resolve();
  /** The run in progress: aborted by an edit, which starts the next one. */
  #runAbort = new AbortController();
  /** Runs so far minus one: 0 is the first run, each edit starts the next. */
  #run = 0;
  /** The latest `complete`'s version (0 before the first) and brief. */
  #version = 0;
  #brief: Brief | undefined;
  /** Results by `agent:fingerprint`, from every `result` frame of this session. */
  readonly #reuse = new Map<string, unknown>();
  /** Topic of every question asked, by its id on the wire. */
  readonly #topics = new Map<string, string>();
  /**
   * The wire id a pipeline question id was last asked under (`id~run` after a re-ask);
   * made at the first re-ask, as most sessions never have one.
   */
  #alias: Map<string, string> | undefined;
  /** Seq of each agent's `result` frame in the current run (sent or replayed). */
  #resultSeqs: Record<string, number> = {};
  /**
   * The text with the whole brief of each `complete` frame a `?brief=full` tab was sent,
   * by seq: serialised once per session, whatever the number of such tabs; made for the
   * first such tab, as an idle session has none.
   */
  #fullTexts: Map<number, string> | undefined;
  /** Question ids in the current transcript: the ones an edit may name. */
  #asked = new Set<string>();
  /** An accepted edit whose re-run has not yet reached a question or a brief. */
  #editing = false;
  /** Set while the store is failing; resolved when it is back. */
  #storeBack: PromiseWithResolvers<void> | undefined;
  /** Stopped in memory (suspended or lost): emits nothing more. */
  #dead = false;
  /** The frame limit was reached (its error and cancelled frames are on their way). */
  #limited = false;

  constructor(opts: SessionOptions) {
    this.id = opts.id;
    this.clientId = opts.clientId;
    this.#opts = opts;
    const rec = opts.recovery;
    if (rec) {
      this.#log.push(...rec.frames);
      this.#seq = this.#durableSeq = rec.frames.at(-1)?.seq ?? 0;
      for (const [q, a] of rec.answers) this.#answers.set(q, a);
      // The store keeps a question's first answer; the log's edits replace it.
      for (const [q, a] of segments(rec).at(-1)!.answers) this.#answers.set(q, a);
      this.#state = rec.state;
      if (rec.state === "live") this.#recoveredPending = unansweredQuestion(rec);
      else this.#scanLog(rec.frames);
    }
    if (opts.pipeline && this.#state === "live") {
      this.#finished = this.#drive(opts.pipeline, segments(opts.recovery));
    }
  }

  /** Settles when the pipeline has stopped (finished, failed, cancelled or closed). */
  get finished(): Promise<void> {
    return this.#finished;
  }

  /** The latest brief's version: 0 before the first `complete`. */
  get version(): number {
    return this.#version;
  }

  /** Where the conversation stands. */
  get state(): SessionState {
    return this.#state;
  }

  /** Seq of the last frame. */
  get seq(): number {
    return this.#seq;
  }

  /** The question waiting for an answer, if any. */
  get pendingQuestion(): string | undefined {
    return this.#pending?.id ?? this.#recoveredPending;
  }

  /** Number of attached connections. */
  get connections(): number {
    return this.#conns.size;
  }

  /** Number of questions answered so far. */
  get answered(): number {
    return this.#answers.size;
  }

  /**
   * The store started failing: every tab is told (without a seq: the notice cannot be
   * stored) and the pipeline pauses before its next step.
   */
  storageFailing(reason: string): void {
    this.#storeBack ??= Promise.withResolvers<void>();
    for (const c of this.#conns) c.send(storageNotice(reason));
  }

  /** The store is back: the pipeline carries on (queued frames are sent by the store). */
  storageRecovered(): void {
    this.#storeBack?.resolve();
    this.#storeBack = undefined;
  }

  /**
   * The store refused this session's writes for good: stop in memory and close every
   * connection with `closeCode`, so that each client resumes from what the store holds.
   */
  storageLost(reason: string, closeCode: number): void {
    const conns = [...this.#conns];
    this.suspend();
    for (const c of conns) {
      c.send(storageNotice(reason, true));
      c.close?.(closeCode, "storage_unavailable");
    }
  }

  /**
   * Sends the `session` frame that opens a new session: the only frame that carries the
   * token. Call once, right after construction, with the creating connection attached.
   */
  announce(token: string): void {
    this.#emit(
      { type: "session", data: { sessionId: this.id, clientId: this.clientId, resumed: false } },
      "session",
      token,
    );
  }

  /**
   * Attaches a connection. With `resume`, first sends the frames after `resume.lastSeq`
   * (the first one with `token` restored), then announces the resume to every tab.
   */
  attach(conn: Connection, resume?: { lastSeq: number; token: string }): void {
    this.#conns.add(conn);
    if (!resume) {
      conn.sentSeq = this.#durableSeq;
      return;
    }
    const lastSeq = Math.min(resume.lastSeq, this.#durableSeq);
    for (const f of this.#log) {
      if (f.seq <= lastSeq || f.seq > this.#durableSeq) continue;
      if (f.seq === 1) conn.send(withToken(f.text, resume.token));
      else if (conn.fullBrief && f.text.startsWith('{"type":"complete"')) {
        conn.send(this.#fullText(f));
      } else conn.send(f.text);
    }
    conn.sentSeq = this.#durableSeq;
    const failure = this.#opts.store.failure;
    if (failure !== undefined) conn.send(storageNotice(failure));
    const pending = this.pendingQuestion;
    const data = {
      sessionId: this.id,
      clientId: this.clientId,
      resumed: true,
      lastSeq,
      ...(pending ? { pending } : {}),
    };
    if (this.#state === "live") return void this.#emit({ type: "session", data }, "session");
    // Nothing but errors may follow `complete` or `cancelled` in the log: the resume of a
    // finished conversation is told to this connection only, without a seq, once the log's
    // last frames are durable (and sent), so the notice comes after `complete`.
    const notice = JSON.stringify({ type: "session", data, ts: Date.now() });
    this.#opts.store.whenDurable(() => {
      if (this.#conns.has(conn)) conn.send(notice);
    }, this.id);
  }

  /** Detaches a connection; the conversation goes on without it. */
  detach(conn: Connection): void {
    if (!this.#conns.delete(conn)) return;
    if (this.#conns.size === 0) this.#opts.onIdle?.(this);
  }

  /**
   * Handles a parsed client frame from `conn` (not `resume`, `restart` or `ping`: the
   * link's). Input errors go to `conn` only; without `conn` they are only logged.
   */
  handle(frame: ClientFrame, conn?: Connection): void {
    if (this.#dead) return;
    if ("type" in frame && frame.type === "cancel") {
      if (this.#state !== "live") {
        return this.inputError(
          "not_running",
          `Nothing to stop: the conversation is ${this.#state}`,
          conn,
        );
      }
      return this.cancel("Stopped at your request");
    }
    if ("type" in frame && frame.type === "finish") return this.#finish(conn);
    if ("type" in frame && frame.type === "edit") return this.#edit(frame, conn);
    if ("type" in frame && frame.type === "review") {
      const topic = this.#topics.get(frame.questionId);
      if (topic !== undefined && topic !== "review") {
        return this.inputError(
          "wrong_question",
          `Question ${frame.questionId} is not a review: answer it with an "answer" frame`,
          conn,
        );
      }
      frame = {
        type: "answer",
        questionId: frame.questionId,
        answer: changesToAnswer(frame.changes),
      };
    }
    if ("type" in frame && frame.type !== "answer") {
      return this.inputError("bad_frame", `A "${frame.type}" frame is not expected here`, conn);
    }
    const questionId = "type" in frame ? frame.questionId : undefined;
    const pending = this.pendingQuestion;
    if (questionId !== undefined && this.#answers.has(questionId)) {
      // Idempotent: a retried answer is applied once; a different one is refused.
      if (this.#answers.get(questionId) === frame.answer) return;
      return this.inputError(
        "already_answered",
        `Question ${questionId} was already answered; answer the current question instead`,
        conn,
      );
    }
    if (!pending) {
      return this.inputError(
        "no_question",
        this.#state === "live"
          ? "No question is waiting for an answer: wait for a question frame"
          : `No question is waiting for an answer: the conversation is ${this.#state}`,
        conn,
      );
    }
    if (questionId !== undefined && questionId !== pending) {
      return this.inputError(
        "wrong_question",
        `Answer names question ${questionId}, but the question waiting is ${pending}`,
        conn,
      );
    }
    if (frame.answer === FINISH_ANSWER) {
      return this.inputError("bad_frame", "That answer is reserved: send other text", conn);
    }
    this.#take(pending, frame.answer);
  }

  /** A `finish` frame: the pending question gets {@link FINISH_ANSWER}, which ends the interview. */
  #finish(conn?: Connection): void {
    const pending = this.pendingQuestion;
    if (!pending) {
      return this.inputError(
        "no_question",
        `Nothing to finish: no question is waiting (the conversation is ${this.#state})`,
        conn,
      );
    }
    if (this.#answers.size === 0) {
      return this.inputError("bad_frame", "Nothing to brief yet: answer the first question", conn);
    }
    this.#take(pending, FINISH_ANSWER);
  }

  /** Records the answer to the pending question, tells every tab, and hands it on. */
  #take(pending: string, answer: string): void {
    const waiting = this.#pending;
    this.#pending = this.#recoveredPending = undefined;
    // A recovered question not reached again yet finds its answer here when it is.
    this.#answers.set(pending, answer);
    this.#opts.store.saveAnswer(this.id, pending, answer);
    const finish = answer === FINISH_ANSWER;
    this.#emit(
      {
        type: "answered",
        data: finish
          ? { questionId: pending, answer: "", finish: true }
          : { questionId: pending, answer },
      },
      "session",
    );
    waiting?.resolve(answer);
  }

  /**
   * Replaces an earlier answer: stored, announced with `edited` to every tab, then the
   * pipeline runs again from the start with the answers it has (see `#runOnce`).
   */
  #edit(
    frame: { questionId: string; answer: string; version?: number | undefined },
    conn?: Connection,
  ): void {
    const id = frame.questionId;
    if (this.#state === "cancelled" || this.#state === "failed") {
      return this.inputError(
        "not_editable",
        `Nothing to edit: the conversation is ${this.#state}; start a new one`,
        conn,
      );
    }
    if (this.#editing) {
      return this.inputError(
        "edit_in_progress",
        "Another edit is being applied: wait for its next question or brief, then edit again",
        conn,
      );
    }
    if (!this.#answers.has(id)) {
      return this.inputError(
        "unknown_question",
        this.#topics.has(id)
          ? `Question ${id} has no answer yet: answer it instead of editing it`
          : `No question ${id} was asked: edit the id of a question you answered`,
        conn,
      );
    }
    if (!this.#asked.has(id)) {
      return this.inputError(
        "stale_edit",
        `Question ${id} no longer applies after an earlier edit: edit a current question`,
        conn,
      );
    }
    if (frame.version !== undefined && frame.version < this.#version) {
      return this.inputError(
        "stale_edit",
        `The edit is based on version ${frame.version} of the brief, but version ${this.#version} is out: look at it, then edit again`,
        conn,
      );
    }
    if (this.#answers.get(id) === frame.answer) return; // a retried edit is applied once
    this.#answers.set(id, frame.answer);
    this.#opts.store.saveAnswer(this.id, id, frame.answer);
    this.#editing = true;
    this.#emit({
      type: "edited",
      data: { questionId: id, answer: frame.answer, version: this.#version + 1 },
    }, "session");
    this.#pending = this.#recoveredPending = undefined;
    const pipeline = this.#opts.pipeline;
    if (this.#state === "complete" && pipeline) {
      this.#setState("live");
      this.#run++;
      this.#finished = this.#drive(pipeline, []);
    } else this.#runAbort.abort(new DOMException("An answer was edited", "AbortError"));
  }

  /**
   * Tells `conn` alone about its bad input: an `error` frame with no `seq`, neither stored
   * nor broadcast (other tabs did nothing wrong). The conversation goes on.
   */
  inputError(code: InputErrorCode, message: string, conn?: Connection): void {
    this.#opts.log.debug("client input rejected", { sessionId: this.id, code, message });
    if (!conn) return;
    conn.rejected?.(code); // first: a link closed for too many bad frames sends no more
    const text = JSON.stringify({ type: "error", data: { message, code }, ts: Date.now() });
    // After the frames already emitted, as a reply would be (an `answered` before the
    // `already_answered` that lost the race).
    this.#opts.store.whenDurable(() => {
      if (this.#conns.has(conn) || conn.remote) conn.send(text);
    });
  }

  /** Stops the conversation: a `cancelled` frame, then the pipeline is aborted. */
  cancel(message: string): void {
    if (this.#state !== "live") return;
    this.#emit({ type: "cancelled", data: { message } }, "session");
    this.#setState("cancelled");
    this.#abort.abort(new DOMException(message, "AbortError"));
  }

  /**
   * Stops the pipeline without a trace in the log, for a server shutdown: the session
   * stays `live` in the store, and a restarted server resumes it.
   */
  suspend(): void {
    this.#dead = true;
    this.storageRecovered();
    this.#abort.abort(new DOMException("Server shutting down", "AbortError"));
    this.#conns.clear();
  }

  #setState(state: SessionState) {
    this.#state = state;
    this.#opts.store.setState(this.id, state, Date.now());
  }

  /**
   * Stamps, stores and (once durable) sends one frame: its JSON is made once and the same
   * text is stored and sent. `full`, for a `complete` whose stored brief names its results
   * by seq, is the same frame with the whole brief, serialised only if a `?brief=full` tab
   * is there to be sent it.
   */
  #emit(
    body: FrameBody,
    origin: FrameOrigin,
    token?: string,
    full?: FrameBody,
  ): Emitted {
    if (this.#dead) return { seq: this.#seq };
    const seq = ++this.#seq;
    const ts = Date.now();
    const frame = { ...body, seq, ts };
    const stored = JSON.stringify(frame);
    // The token goes into the sent text only: the stored frame never holds it.
    const text = token === undefined ? stored : JSON.stringify({
      ...frame,
      data: { ...(frame.data as Record<string, unknown>), token },
    });
    const entry = { seq, text: stored, origin };
    this.#log.push(entry);
    this.#opts.store.appendFrame(this.id, entry);
    const fullText = full === undefined ? undefined : () => {
      let t = this.#fullTexts?.get(seq);
      if (t === undefined) {
        t = JSON.stringify({ ...full, seq, ts });
        (this.#fullTexts ??= new Map()).set(seq, t);
      }
      return t;
    };
    this.#opts.store.whenDurable(() => {
      if (seq > this.#durableSeq) this.#durableSeq = seq;
      for (const c of this.#conns) {
        if (seq <= c.sentSeq) continue;
        c.sentSeq = seq;
        c.send(fullText !== undefined && c.fullBrief ? fullText() : text);
      }
    }, this.id);
    // Every stored frame counts, whoever produced it; the limit's own two frames follow.
    if (this.#seq >= this.#opts.maxFrames && this.#state === "live" && !this.#limited) {
      this.#limited = true;
      this.#limitReached();
    }
    return fullText === undefined ? { seq } : { seq, full: fullText };
  }

  /**
   * The text of a stored `complete` frame with the whole brief, rebuilt from the log's
   * `result` frames (for a `?brief=full` tab resuming): made once per frame and kept.
   */
  #fullText(f: StoredFrame): string {
    let t = this.#fullTexts?.get(f.seq);
    if (t !== undefined) return t;
    t = wholeCompleteText(f.text, this.#log);
    (this.#fullTexts ??= new Map()).set(f.seq, t);
    return t;
  }

  #limitReached() {
    const max = this.#opts.maxFrames;
    this.#opts.log.warn("session frame limit reached", { sessionId: this.id, max });
    this.#emit({
      type: "error",
      data: { message: `The conversation reached its limit of ${max} frames`, code: "frame_limit" },
    }, "session");
    this.cancel("Stopped: the conversation is too long");
  }

  #waitAnswer(id: string, signal: AbortSignal): Promise<string> {
    this.#editing = false;
    return new Promise<string>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      this.#pending = {
        id,
        resolve: (answer) => {
          signal.removeEventListener("abort", onAbort);
          resolve(answer);
        },
      };
    });
  }

  /**
   * Runs the pipeline, then again after each edit. After a restart, `replay` holds the
   * runs the log shows: each is run again with the answers it had and its logged frames
   * counted off instead of sent; a run the log shows cut short by an edit stops where it
   * was cut, and the next begins.
   */
  async #drive(pipeline: PipelineFactory, replay: Segment[]): Promise<void> {
    for (;;) {
      const outcome = await this.#runOnce(pipeline, replay.shift(), replay.length > 0);
      if (outcome !== "edited" || this.#abort.signal.aborted) {
        this.#editing = false;
        return;
      }
      this.#run++;
    }
  }

  /** One run of the pipeline; `"edited"` when an edit (live or replayed) cut it short. */
  async #runOnce(
    pipeline: PipelineFactory,
    segment: Segment | undefined,
    more: boolean,
  ): Promise<"done" | "edited" | "stopped"> {
    const runAbort = this.#runAbort = new AbortController();
    const signal = AbortSignal.any([this.#abort.signal, runAbort.signal]);
    const { log } = this.#opts;
    const sessionId = this.id;
    const gen = pipeline(signal, {
      onAgentError: (agent, error, ref) => {
        log.error("agent failed", { sessionId, agent, ref, ...errorFields(error) });
      },
    }, {
      reuse: this.#reuse,
      ...(this.#brief ? { previous: { version: this.#version, brief: this.#brief } } : {}),
    });
    // Frames already in the log are counted off per agent instead of sent again; each
    // key keeps the seqs of its frames, in order, so a replayed result is named by its seq.
    const replay = new Map<string, number[]>();
    let left = 0;
    for (const f of segment?.frames ?? []) {
      const key = replayKey(JSON.parse(f.text));
      const seqs = replay.get(key);
      if (seqs) seqs.push(f.seq);
      else replay.set(key, [f.seq]);
      // A recorded model call returns at once, without the `delta` frames it streamed:
      // they are skipped if they come again, never waited for (or a run cut short by an
      // edit would never reach its end, and the re-run after it never start).
      if (!key.startsWith("delta:")) left++;
    }
    this.#resultSeqs = {};
    const answers = more && segment ? segment.answers : this.#answers;
    this.#asked = new Set();
    let input: string | undefined;
    try {
      while (!signal.aborted) {
        // Paused while the store is failing: nothing more is produced until it is back.
        if (this.#storeBack) await this.#storeBack.promise;
        if (signal.aborted) break;
        if (more && left === 0) return "edited";
        const step = await gen.next(input);
        input = undefined;
        if (step.done || signal.aborted) break;
        let body = step.value;
        let kept: string | undefined;
        if (body.type === "question") {
          const pid = body.data.id;
          const topic = String(body.data.topic ?? "");
          let wire = this.#alias?.get(pid) ?? pid;
          if (this.#run > 0 && answers.has(wire) && this.#topics.get(wire) === topic) {
            // A later answer that still applies: fed back, not asked again.
            kept = answers.get(wire);
          } else if (this.#run > 0 && this.#topics.has(wire)) {
            wire = `${pid}~${this.#run}`;
            (this.#alias ??= new Map()).set(pid, wire);
          }
          if (wire !== pid) body = { ...body, data: { ...body.data, id: wire } };
          this.#topics.set(wire, topic);
          this.#asked.add(wire);
        }
        if (kept === undefined) {
          const key = replay.size ? replayKey(body) : "";
          const replayed = replay.get(key)?.shift();
          if (replayed !== undefined && body.type !== "delta") left--;
          if (body.type === "complete" && replayed === undefined) {
            // The brief is stored and sent without the results its `result` frames
            // carried; a `?brief=full` tab gets the whole one.
            const data = body.data as Record<string, unknown>;
            const brief = data.brief as Brief | undefined;
            if (brief?.results) {
              this.#emit(
                {
                  type: "complete",
                  data: { ...data, brief: slimBrief(brief, this.#resultSeqs) },
                } as FrameBody,
                "pipeline",
                undefined,
                body,
              );
            } else this.#emit(body, "pipeline");
          } else {
            const seq = replayed ?? this.#emit(body, "pipeline").seq;
            if (body.type === "result") this.#resultSeqs[String(body.data.agent)] = seq;
          }
          this.#observe(body, !more);
        }
        if (body.type === "question") {
          const id = body.data.id;
          if (id === this.#recoveredPending) this.#recoveredPending = undefined;
          input = kept ?? answers.get(id) ??
            (more && left === 0 ? undefined : await this.#waitAnswer(id, signal));
          if (input === undefined) return "edited";
        }
      }
      if (runAbort.signal.aborted && !this.#abort.signal.aborted) return "edited";
      return signal.aborted ? "stopped" : "done";
    } catch (err) {
      if (runAbort.signal.aborted && !this.#abort.signal.aborted) return "edited";
      if (signal.aborted) return "stopped";
      const ref = crypto.randomUUID().slice(0, 8);
      log.error("conversation failed", { sessionId, ref, ...errorFields(err) });
      this.#emit({
        type: "error",
        data: {
          message: `The conversation failed (ref ${ref}); start a new one`,
          code: "internal",
          ref,
        },
      }, "session");
      this.#setState("failed");
      return "stopped";
    } finally {
      if (this.#runAbort === runAbort) this.#pending = this.#recoveredPending = undefined;
      // Whoever stops early calls return() so the pipeline's finally blocks run.
      await gen.return(undefined).catch(() => {});
    }
  }

  /** Learns from a pipeline frame what later runs and edits need. */
  #observe(body: FrameBody | Parsed, final: boolean): void {
    const data = body.data as Record<string, unknown>;
    if (body.type === "result" && typeof data.fingerprint === "string") {
      this.#reuse.set(reuseKey(String(data.agent), data.fingerprint), data.data);
    } else if (body.type === "complete") {
      this.#version = typeof data.version === "number" ? data.version : this.#version + 1;
      this.#brief = data.brief as Brief;
      this.#editing = false;
      if (final && this.#state === "live") this.#setState("complete");
    }
  }

  /** Rebuilds what edits need from the log of a session that is not running. */
  #scanLog(frames: readonly StoredFrame[]): void {
    const results = new Map<number, unknown>();
    for (const f of frames) {
      const frame = JSON.parse(f.text) as Parsed;
      if (frame.type === "result") results.set(f.seq, frame.data.data);
      if (frame.type === "complete") {
        // The stored brief names its results by seq: edits and diffs need them whole.
        frame.data = { ...frame.data, brief: expandBrief(frame.data.brief, (s) => results.get(s)) };
      }
      if (frame.type === "question") {
        const id = String(frame.data.id);
        this.#topics.set(id, String(frame.data.topic ?? ""));
        const tilde = id.lastIndexOf("~");
        if (tilde > 0) (this.#alias ??= new Map()).set(id.slice(0, tilde), id);
      } else if (frame.type === "edited") this.#run++;
      else if (f.origin === "pipeline") this.#observe(frame, false);
    }
    const transcript = (this.#brief?.transcript ?? []).map((q) => this.#alias?.get(q.id) ?? q.id);
    this.#asked = new Set(transcript);
  }
}

/** The runs a recovered log shows: split at each `edited` frame, with the answers of each. */
function segments(rec: Recovery | undefined): Segment[] {
  if (!rec) return [];
  const out: Segment[] = [{ frames: [], answers: new Map() }];
  const answers = new Map<string, string>();
  for (const f of rec.frames) {
    const frame = JSON.parse(f.text) as Parsed;
    if (frame.type === "edited") {
      out.at(-1)!.answers = new Map(answers);
      out.push({ frames: [], answers: new Map() });
    }
    if (frame.type === "answered" || frame.type === "edited") {
      const answer = frame.data.finish === true ? FINISH_ANSWER : String(frame.data.answer);
      answers.set(String(frame.data.questionId), answer);
    }
    if (f.origin === "pipeline") out.at(-1)!.frames.push(f);
  }
  out.at(-1)!.answers = new Map(answers);
  return out;
}

/** The id of the last question in a recovered log that has no stored answer, if any. */
function unansweredQuestion(rec: Recovery): string | undefined {
  for (let i = rec.frames.length - 1; i >= 0; i--) {
    const f = rec.frames[i]!;
    const frame = JSON.parse(f.text) as { type: string; data: { id?: unknown } };
    // An edit after the last question abandoned it: the re-run asks again.
    if (frame.type === "edited") return undefined;
    if (f.origin !== "pipeline") continue;
    if (frame.type !== "question") continue;
    const id = String(frame.data.id);
    return rec.answers.has(id) ? undefined : id;
  }
  return undefined;
}

/**
 * The transient `storage_unavailable` notice: sent to tabs, never stored, no `seq`. With
 * `lost`, this session's writes were refused and the connection is about to close.
 */
export function storageNotice(reason: string, lost = false): string {
  return JSON.stringify({
    type: "error",
    data: {
      code: "storage_unavailable",
      message: lost
        ? `This conversation's last frames could not be stored (${reason}): reconnect to resume`
        : `The server cannot store this conversation just now (${reason}); it waits and carries on by itself`,
    },
    ts: Date.now(),
  });
}

/**
 * A stored `complete` frame's text with the whole brief, its results rebuilt from the
 * `result` frames of `log` (what a `?brief=full` tab is sent); `text` itself when its
 * brief is already whole.
 */
export function wholeCompleteText(text: string, log: readonly StoredFrame[]): string {
  const frame = JSON.parse(text) as Parsed;
  const brief = frame.data.brief as { resultSeqs?: unknown } | undefined;
  if (brief?.resultSeqs === undefined) return text;
  const whole = expandBrief(brief, resultIn(log));
  return JSON.stringify({ ...frame, data: { ...frame.data, brief: whole } });
}

/** The `data.data` of the `result` frame with a given seq in `log`, for {@link expandBrief}. */
function resultIn(log: readonly StoredFrame[]): (seq: number) => unknown {
  return (seq) => {
    // The log is in seq order with no gap from its first frame.
    const first = log[0]?.seq ?? 1;
    const f = log[seq - first];
    if (f?.seq !== seq || !f.text.startsWith('{"type":"result"')) return undefined;
    return (JSON.parse(f.text) as Parsed).data.data;
  };
}

/** Puts the token back into a stored `session` frame's JSON (it is never stored). */
function withToken(text: string, token: string): string {
  const frame = JSON.parse(text);
  frame.data.token = token;
  return JSON.stringify(frame);
}
