/**
 * A session: one conversation, driven from the pipeline generator to whatever connection
 * is attached. It stamps each frame with `seq` and `ts`, holds the pending question, and
 * turns every bad client frame into an `error` frame while the conversation goes on. It
 * knows nothing of WebSockets: a {@link Connection} is two functions.
 *
 * @module
 */
import type { Brief } from "../protocol/brief.js";
import { parseClientFrame, type ServerFrame } from "../protocol/mod.js";
import type { FrameBody } from "../agents/types.ts";
import { errorFields, type Logger } from "./log.ts";

/** Where a session's frames go. */
export interface Connection {
  /** Sends one frame; `text` is its JSON, serialised once. */
  send(frame: ServerFrame, text: string): void;
}

/** Makes the conversation for a session, given the signal that cancels it. */
export type PipelineFactory = (
  signal: AbortSignal,
  onAgentError: (agent: string, error: unknown, ref: string) => void,
) => AsyncGenerator<FrameBody, Brief | void, string | undefined>;

/** Options of {@link Session}. */
export interface SessionOptions {
  clientId: string;
  pipeline: PipelineFactory;
  log: Logger;
  maxFrameBytes: number;
}

/** Error codes of the `error` frames a session sends about client input. */
export type InputErrorCode = "bad_frame" | "no_question" | "wrong_question" | "binary_frame";

/** One conversation. */
export class Session {
  readonly clientId: string;
  #seq = 0;
  #conn: Connection | undefined;
  #pending: { id: string; resolve: (answer: string) => void } | undefined;
  readonly #abort = new AbortController();
  readonly #opts: SessionOptions;
  /** Settles when the conversation has ended (complete, failed or closed). */
  readonly finished: Promise<void>;
  #complete = false;

  constructor(opts: SessionOptions) {
    this.clientId = opts.clientId;
    this.#opts = opts;
    this.finished = this.#drive();
  }

  /** Sequence number of the last frame sent. */
  get seq(): number {
    return this.#seq;
  }

  /** Whether the conversation reached `complete`. */
  get complete(): boolean {
    return this.#complete;
  }

  /** The id of the question waiting for an answer, if any. */
  get pendingQuestion(): string | undefined {
    return this.#pending?.id;
  }

  /** Sends this session's frames to `conn` from now on. */
  attach(conn: Connection): void {
    this.#conn = conn;
  }

  /** Stops the conversation: aborts the pipeline and releases what it holds. */
  close(): void {
    this.#abort.abort(new DOMException("Session closed", "AbortError"));
    this.#conn = undefined;
  }

  /** Handles one text frame from the client. Never throws. */
  receive(text: string): void {
    const parsed = parseClientFrame(text, this.#opts.maxFrameBytes);
    if (!parsed.success) return this.inputError("bad_frame", parsed.error);
    const frame = parsed.value;
    if ("type" in frame && frame.type !== "answer") {
      return this.inputError("bad_frame", `Frame type "${frame.type}" is not supported yet`);
    }
    const questionId = "type" in frame ? frame.questionId : undefined;
    const pending = this.#pending;
    if (!pending) {
      return this.inputError(
        "no_question",
        this.#complete
          ? "No question is waiting for an answer: the conversation is complete"
          : "No question is waiting for an answer: wait for a question frame",
      );
    }
    if (questionId !== undefined && questionId !== pending.id) {
      return this.inputError(
        "wrong_question",
        `Answer names question ${
          questionId.slice(0, 128)
        }, but the question waiting is ${pending.id}`,
      );
    }
    this.#pending = undefined;
    pending.resolve(frame.answer);
  }

  /** Sends an `error` frame about bad client input; the conversation goes on. */
  inputError(code: InputErrorCode, message: string): void {
    this.#opts.log.debug("client input rejected", { clientId: this.clientId, code, message });
    this.#emit({ type: "error", data: { message, code } });
  }

  #emit(body: FrameBody): ServerFrame {
    const frame = { ...body, seq: ++this.#seq, ts: Date.now() } as ServerFrame;
    this.#conn?.send(frame, JSON.stringify(frame));
    return frame;
  }

  #waitAnswer(id: string): Promise<string> {
    const signal = this.#abort.signal;
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

  async #drive(): Promise<void> {
    const signal = this.#abort.signal;
    const { log, clientId } = this.#opts;
    const gen = this.#opts.pipeline(signal, (agent, error, ref) => {
      log.error("agent failed", { clientId, agent, ref, ...errorFields(error) });
    });
    let input: string | undefined;
    try {
      while (!signal.aborted) {
        const step = await gen.next(input);
        input = undefined;
        if (step.done || signal.aborted) break;
        const frame = this.#emit(step.value);
        if (frame.type === "complete") this.#complete = true;
        if (frame.type === "question") input = await this.#waitAnswer(frame.data.id);
      }
    } catch (err) {
      if (signal.aborted) return;
      const ref = crypto.randomUUID().slice(0, 8);
      log.error("conversation failed", { clientId, ref, ...errorFields(err) });
      this.#emit({
        type: "error",
        data: {
          message: `The conversation failed (ref ${ref}); start a new one`,
          code: "internal",
          ref,
        },
      });
    } finally {
      this.#pending = undefined;
      // Whoever stops early calls return() so the pipeline's finally blocks run.
      await gen.return(undefined).catch(() => {});
    }
  }
}
