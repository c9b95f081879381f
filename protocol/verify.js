// @ts-check
/**
 * Ordering rules of the protocol, separate from the schema: a schema says what one frame
 * may look like, the verifier says which frame may come next. The server's tests run
 * every conversation through it; a client may use it to catch a broken server early.
 *
 * @module
 */

/** Raised when a frame breaks an ordering rule. */
export class ProtocolOrderError extends Error {
  /**
   * Creates the error for one frame.
   *
   * @param {string} message which rule it broke, and what to do
   * @param {unknown} frame the offending frame
   */
  constructor(message, frame) {
    super(message);
    this.name = "ProtocolOrderError";
    /** The offending frame. */
    this.frame = frame;
  }
}

/** Frame types that may come without a `seq` (connection-only). */
const CONNECTION_ONLY_TYPES = new Set(["error", "pong", "session"]);

/**
 * Checks a session's frames one at a time, in the order they were sent and received.
 *
 * Rules: `seq` starts at 1 and grows by one (a `session` frame at seq 1 starts a new
 * session); nothing but `error` follows `cancelled`, nor `complete` unless an `edited` frame
 * re-opens it; a `result` names an
 * agent whose stage has started (a `status` with `data.stage`); at most one question is
 * pending, its `id` is new; an answer (the client's, or the server's `answered` frame)
 * names a question that was asked; a `complete` whose brief names results by seq
 * (`brief.resultSeqs`) names `result` frames of those agents sent before it. A frame
 * without `seq` (only `error`, `pong` or
 * `session`) is connection-only and outside these rules.
 *
 * @example
 * ```js
 * import { ProtocolVerifier } from "./verify.js";
 * const v = new ProtocolVerifier();
 * v.server({ type: "status", data: { message: "hi", stage: "clarifier" }, seq: 1 });
 * if (v.lastSeq !== 1) throw new Error("the verifier follows seq");
 * ```
 */
export class ProtocolVerifier {
  /** Last `seq` seen, 0 before the first frame. */
  lastSeq = 0;
  /** @type {Set<string>} */
  #stages = new Set();
  /** @type {Set<string>} */
  #questionIds = new Set();
  /** @type {string | undefined} */
  #pending;
  #complete = false;
  #cancelled = false;
  /** @type {Map<number, string>} The agent of each `result` frame, by seq. */
  #results = new Map();

  /**
   * Checks the next frame from the server against what came before, and records it.
   *
   * @param {{ type: string, data: Record<string, unknown>, seq?: number }} frame
   * @throws {ProtocolOrderError}
   */
  server(frame) {
    // Connection-only frames (no seq) are outside the session's log: an input error, a
    // refusal before close, a pong, or the `session` frame of a resume of a finished session.
    if (frame.seq === undefined) {
      if (!CONNECTION_ONLY_TYPES.has(frame.type)) {
        throw new ProtocolOrderError(
          `Frame without seq: "${frame.type}"; only ${
            [...CONNECTION_ONLY_TYPES].join(", ")
          } may be connection-only`,
          frame,
        );
      }
      return;
    }
    // A `session` frame at seq 1 starts a new session on the same socket (restart).
    if (frame.type === "session" && frame.seq === 1 && this.lastSeq > 0) this.#reset();
    if (frame.seq !== this.lastSeq + 1) {
      throw new ProtocolOrderError(
        `Frame out of order: expected seq ${this.lastSeq + 1}, got ${frame.seq}; ` +
          "a client that missed frames should resume from its last seq",
        frame,
      );
    }
    this.lastSeq = frame.seq;
    // An edit re-opens a finished conversation: a re-run follows, then a new complete.
    if (frame.type === "edited" && !this.#cancelled) {
      this.#complete = false;
      this.#pending = undefined;
    }
    if (this.#complete && frame.type !== "error") {
      throw new ProtocolOrderError(
        `Frame after the end: "${frame.type}" (seq ${frame.seq}); only errors may follow complete or cancelled`,
        frame,
      );
    }
    const data = frame.data;
    switch (frame.type) {
      case "status":
        if (typeof data.stage === "string") this.#stages.add(data.stage);
        break;
      case "question": {
        const id = String(data.id);
        if (this.#pending !== undefined) {
          throw new ProtocolOrderError(
            `Question ${id} asked while ${this.#pending} is unanswered; ask one at a time`,
            frame,
          );
        }
        if (this.#questionIds.has(id)) {
          throw new ProtocolOrderError(`Question id ${id} used twice; ids must be unique`, frame);
        }
        this.#questionIds.add(id);
        this.#pending = id;
        break;
      }
      case "result": {
        const agent = String(data.agent);
        if (!this.#stages.has(agent)) {
          throw new ProtocolOrderError(
            `Result of agent "${agent}" before its stage started; send a status with stage "${agent}" first`,
            frame,
          );
        }
        if (frame.seq !== undefined) this.#results.set(frame.seq, agent);
        break;
      }
      case "answered": {
        const id = String(data.questionId);
        if (!this.#questionIds.has(id)) {
          throw new ProtocolOrderError(`Answered question ${id} was never asked`, frame);
        }
        if (this.#pending === id) this.#pending = undefined;
        break;
      }
      case "complete": {
        const brief = /** @type {{ resultSeqs?: Record<string, unknown> } | undefined} */ (
          data.brief
        );
        for (const [agent, seq] of Object.entries(brief?.resultSeqs ?? {})) {
          if (typeof seq !== "number" || this.#results.get(seq) !== agent) {
            throw new ProtocolOrderError(
              `Brief names seq ${seq} as the result of "${agent}", but no result of "${agent}" came with that seq; name the result frame that carried it`,
              frame,
            );
          }
        }
        this.#complete = true;
        break;
      }
      case "cancelled":
        this.#complete = this.#cancelled = true;
        break;
    }
  }

  /**
   * Records an answer from the client.
   * @param {string | undefined} questionId the id it names, or undefined for a seed answer
   * @throws {ProtocolOrderError}
   */
  answer(questionId) {
    if (this.#pending === undefined) {
      throw new ProtocolOrderError(
        `Answer with no question pending${questionId ? ` (it names ${questionId})` : ""}`,
        { questionId },
      );
    }
    if (questionId !== undefined && questionId !== this.#pending) {
      throw new ProtocolOrderError(
        `Answer names question ${questionId} but ${this.#pending} is pending`,
        { questionId },
      );
    }
    this.#pending = undefined;
  }

  #reset() {
    this.lastSeq = 0;
    this.#stages.clear();
    this.#questionIds.clear();
    this.#results.clear();
    this.#pending = undefined;
    this.#complete = this.#cancelled = false;
  }

  /**
   * The id of the question awaiting an answer, if any.
   *
   * @returns {string | undefined}
   */
  get pending() {
    return this.#pending;
  }

  /**
   * Whether `complete` has been seen.
   *
   * @returns {boolean}
   */
  get complete() {
    return this.#complete;
  }
}
