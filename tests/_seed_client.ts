/**
 * A WebSocket client that knows only what the seed's React hook knew: the six frame
 * types and `{"answer": "..."}`. Used to prove that seed clients still complete
 * conversations, and by the benchmark.
 *
 * @module
 */

/** A frame as the seed saw it. */
export interface SeedFrame {
  type: string;
  data: Record<string, unknown>;
  [extra: string]: unknown;
}

/** An async queue of frames, read in order with `next()` or `until(type)`. */
export class FrameQueue {
  readonly frames: SeedFrame[] = [];
  #waiters: (() => void)[] = [];
  #read = 0;
  #ended = false;

  /** Adds a frame and wakes readers. */
  push(frame: SeedFrame): void {
    this.frames.push(frame);
    this.#wake();
  }

  /** Marks the end: readers waiting for more frames get an error. */
  end(): void {
    this.#ended = true;
    this.#wake();
  }

  #wake() {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** The next frame not yet read; rejects if the stream ends first. */
  async next(): Promise<SeedFrame> {
    while (this.#read >= this.frames.length) {
      if (this.#ended) throw new Error("Connection closed while waiting for a frame");
      await new Promise<void>((r) => this.#waiters.push(r));
    }
    return this.frames[this.#read++]!;
  }

  /** Reads frames until one of type `type`, returning it. */
  async until(type: string): Promise<SeedFrame> {
    for (;;) {
      const f = await this.next();
      if (f.type === type) return f;
    }
  }
}

/** A WebSocket whose frames arrive in a {@link FrameQueue}. */
export class FrameSocket extends FrameQueue implements AsyncDisposable {
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<CloseEvent>;

  constructor(url: string | URL) {
    super();
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.addEventListener("open", () => resolve(), { once: true });
      this.ws.addEventListener("error", () => reject(new Error(`WebSocket to ${url} failed`)), {
        once: true,
      });
    });
    this.closed = new Promise((resolve) =>
      this.ws.addEventListener("close", resolve, { once: true })
    );
    this.ws.addEventListener("message", (e) => this.push(JSON.parse(e.data as string)));
    this.ws.addEventListener("close", () => this.end());
  }

  /** Sends a value as JSON, or a string as it is. */
  send(value: unknown): void {
    this.ws.send(typeof value === "string" ? value : JSON.stringify(value));
  }

  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) {
      this.ws.close();
      await this.closed;
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Runs a whole conversation the way the seed's client would: answer every `question`
 * with the next answer, stop at `complete`. Returns every frame received.
 */
export async function seedConversation(
  url: string,
  answers: readonly string[],
): Promise<SeedFrame[]> {
  await using sock = new FrameSocket(url);
  let i = 0;
  for (;;) {
    const frame = await sock.next();
    if (frame.type === "question") sock.send({ answer: answers[i++] ?? "not sure" });
    if (frame.type === "complete") return sock.frames.slice();
  }
}

/** Answers for a dog-walking marketplace, in the order the Clarifier asks. */
export const SAMPLE_ANSWERS = [
  "A marketplace where dog owners in Berlin book trusted dog walkers and pay in the app",
  "Dog owners and dog walkers; walkers are often students",
  "iOS and Android",
  "Booking, payments, reviews and live GPS tracking of walks",
  "About 5,000 users in the first year",
  "€40k and 4 months",
  "GDPR",
];

/** Anything frames can be read from and sent to: a socket, an in-process peer. */
export interface FramePeer {
  next(): Promise<SeedFrame>;
  send(value: unknown): void;
}

/**
 * A client that answers by question id with typed answers (so a re-asked or replayed
 * question gets the same answer, and a resent answer is applied once), across any number
 * of connections: it keeps every frame it has seen and the session's token.
 */
export class AnsweringClient {
  readonly seen: SeedFrame[] = [];
  readonly #answers = new Map<string, string>();
  token = "";
  sessionId = "";

  constructor(readonly answers: readonly string[] = SAMPLE_ANSWERS) {}

  /** The answer for question `id`: the next unused one the first time, the same after. */
  answerFor(id: string): string {
    if (!this.#answers.has(id)) {
      this.#answers.set(id, this.answers[this.#answers.size] ?? "no");
    }
    return this.#answers.get(id)!;
  }

  /** The seq of the last frame seen, 0 before any (connection-only frames carry none). */
  get lastSeq(): number {
    return Number(this.seen.findLast((f) => typeof f.seq === "number")?.seq ?? 0);
  }

  /** Sends the answer to question `id`. */
  answer(peer: FramePeer, id: string): void {
    peer.send({ type: "answer", questionId: id, answer: this.answerFor(id) });
  }

  /**
   * Reads frames, answering every pending question (asked, or named by a resumed
   * `session` frame), until `complete` or until `stop` says so; `stop` is checked before
   * answering, so the frame that stops is not answered.
   */
  async run(
    peer: FramePeer,
    stop: (f: SeedFrame) => boolean = () => false,
    read: (peer: FramePeer) => Promise<SeedFrame> = (p) => p.next(),
  ): Promise<"complete" | "stopped"> {
    for (;;) {
      const f = await read(peer);
      this.seen.push(f);
      if (f.type === "session" && f.data.token) {
        this.token = String(f.data.token);
        this.sessionId = String(f.data.sessionId);
      }
      if (stop(f)) return "stopped";
      const pending = f.type === "question"
        ? String(f.data.id)
        : f.type === "session" && f.data.pending
        ? String(f.data.pending)
        : undefined;
      if (pending) this.answer(peer, pending);
      if (f.type === "complete") return "complete";
    }
  }
}
