/**
 * Sending to a WebSocket with backpressure. Deno's WebSocket has no "drain" event, so
 * frames beyond a high-water mark of `bufferedAmount` wait in a queue that is polled until
 * the socket drains; a reader that is slow catches up instead of being dropped, and so any
 * stored session can be replayed from seq 0. A client that reads nothing for `slowMs`
 * while frames wait is closed with 1013 `client_too_slow`.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { type Metrics, NO_METRICS } from "./metrics.ts";

/** What a sender writes to: the part of a `WebSocket` it uses. */
export interface SendTarget {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(text: string): void;
}

/** Options of {@link SocketSender}. */
export interface SocketSenderOptions {
  /** Bytes the socket may have buffered before frames wait in the queue. */
  highWaterBytes: number;
  /** How long frames may wait with no progress before the client is dropped, in ms. */
  slowMs: number;
  /** Most frames that may wait; beyond it the client is dropped as too slow. */
  maxQueued?: number;
  /** Called once when the client is too slow; it should close the socket. */
  onSlow: (waited: number, queued: number) => void;
  /** How often a waiting queue looks at `bufferedAmount`, in ms (default 10). */
  pollMs?: number;
  /**
   * Counts what is handed to the socket: `parley_frames_sent_total` and
   * `parley_bytes_sent_total` (UTF-8 bytes of the text). Frames still queued when the
   * socket closed are not counted.
   */
  metrics?: Metrics;
}

/** Declares the metrics a {@link SocketSender} counts. */
export function describeSendMetrics(metrics: Metrics): void {
  metrics.describe(
    "parley_frames_sent_total",
    "counter",
    "Frames handed to WebSocket connections (every kind, replays included).",
  );
  metrics.describe(
    "parley_bytes_sent_total",
    "counter",
    "UTF-8 bytes of the frames handed to WebSocket connections.",
  );
}

/** Default most frames waiting for one connection (a replay of the longest session fits). */
export const MAX_QUEUED_FRAMES = 1_000_000;

/** A per-socket send queue that waits for the socket to drain. */
export class SocketSender {
  readonly #socket: SendTarget;
  readonly #o: SocketSenderOptions;
  readonly #metrics: Metrics;
  #queue: string[] = [];
  #head = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the queue last made progress (or started waiting). */
  #progressAt = 0;
  #lastBuffered = 0;
  #failed = false;

  constructor(socket: SendTarget, opts: SocketSenderOptions) {
    this.#socket = socket;
    this.#o = opts;
    this.#metrics = opts.metrics ?? NO_METRICS;
  }

  #write(text: string) {
    this.#socket.send(text);
    this.#metrics.inc("parley_frames_sent_total");
    // Native and about 1 µs for 20 KB: cheap enough for every frame.
    this.#metrics.inc("parley_bytes_sent_total", undefined, Buffer.byteLength(text, "utf8"));
  }

  /** Frames waiting to be handed to the socket. */
  get queued(): number {
    return this.#queue.length - this.#head;
  }

  /** Sends `text` now if the socket has room, else queues it behind the others. */
  send(text: string): void {
    if (this.#failed || this.#socket.readyState !== WebSocket.OPEN) return;
    if (this.queued === 0 && this.#socket.bufferedAmount < this.#o.highWaterBytes) {
      this.#write(text);
      return;
    }
    if (this.queued >= (this.#o.maxQueued ?? MAX_QUEUED_FRAMES)) return this.#slow();
    this.#queue.push(text);
    if (this.#timer === undefined) {
      this.#progressAt = Date.now();
      this.#lastBuffered = this.#socket.bufferedAmount;
      this.#schedule();
    }
  }

  #schedule() {
    this.#timer = setTimeout(() => this.#drain(), this.#o.pollMs ?? 10);
  }

  #drain() {
    this.#timer = undefined;
    if (this.#failed || this.#socket.readyState !== WebSocket.OPEN) return this.#clear();
    const now = Date.now();
    const buffered = this.#socket.bufferedAmount;
    if (buffered < this.#lastBuffered) this.#progressAt = now;
    let sent = 0;
    while (this.queued > 0 && this.#socket.bufferedAmount < this.#o.highWaterBytes) {
      this.#write(this.#queue[this.#head++]!);
      sent++;
    }
    if (sent > 0) this.#progressAt = now;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    this.#lastBuffered = this.#socket.bufferedAmount;
    if (this.queued === 0) return this.#clear();
    if (now - this.#progressAt > this.#o.slowMs) return this.#slow();
    this.#schedule();
  }

  #slow() {
    const queued = this.queued;
    this.#failed = true;
    this.#clear();
    this.#o.onSlow(Date.now() - this.#progressAt, queued);
  }

  #clear() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queue = [];
    this.#head = 0;
  }

  /** Drops what waits (the socket closed). */
  close(): void {
    this.#failed = true;
    this.#clear();
  }
}
