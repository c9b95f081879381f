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
