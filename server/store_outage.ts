/**
 * What a durable store does while its writes fail, shared by the SQLite and Redis stores:
 * say `failing` once (with the reason), keep retrying with capped backoff, and say
 * `recovered` (with how long it was down) when a write works again. The store keeps its
 * queued writes and callbacks itself; this holds only the outage and its listeners.
 *
 * @module
 */
import type { StoreEvent } from "./store.ts";

/** First retry after a failed write, in ms; doubled on each failure up to the cap. */
export const RETRY_FIRST_MS = 50;
/** Longest wait between two retries of a failing store, in ms. */
export const RETRY_MAX_MS = 2_000;

const message = (err: unknown) => err instanceof Error ? err.message : String(err);

/** A store's outage state and its {@link StoreEvent} listeners. */
export class StoreOutage {
  readonly #onError: (error: unknown, where: string) => void;
  readonly #listeners: ((event: StoreEvent) => void)[] = [];
  #failure: string | undefined;
  #since = 0;
  #retryMs = RETRY_FIRST_MS;
  #retry: ReturnType<typeof setTimeout> | undefined;

  /** `onError` is told the first error of an outage, and any listener that throws. */
  constructor(onError: (error: unknown, where: string) => void) {
    this.#onError = onError;
  }

  /** What is wrong while writes fail, else undefined. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Whether a retry is waiting for its backoff. */
  get retrying(): boolean {
    return this.#retry !== undefined;
  }

  /** Calls `listener` on every event. */
  subscribe(listener: (event: StoreEvent) => void): void {
    this.#listeners.push(listener);
  }

  /** Tells every listener; one that throws is reported, the others still hear it. */
  tell(event: StoreEvent): void {
    for (const l of this.#listeners) {
      try {
        l(event);
      } catch (err) {
        this.#onError(err, "listener");
      }
    }
  }

  /**
   * Writes fail (`where`: what failed, for the log): `failing` is told at the first error
   * of an outage only; the reason is kept current. Returns whether the outage began now.
   */
  begin(error: unknown, where: string): boolean {
    const first = this.#failure === undefined;
    this.#failure = message(error);
    if (!first) return false;
    this.#since = Date.now();
    this.#onError(error, where);
    this.tell({ type: "failing", reason: this.#failure });
    return true;
  }

  /** A write failed: {@link StoreOutage.begin}, then `retry` after the backoff. */
  failed(error: unknown, where: string, retry: () => void): void {
    this.begin(error, where);
    const wait = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      retry();
    }, wait);
  }

  /** A write worked: if writes were failing, `recovered` is told and the backoff reset. */
  ended(): void {
    if (this.#failure === undefined) return;
    const downMs = Date.now() - this.#since;
    this.#failure = undefined;
    this.#retryMs = RETRY_FIRST_MS;
    this.tell({ type: "recovered", downMs });
  }

  /** Drops a waiting retry (a flush is starting now, or the store closes). */
  cancelRetry(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
  }
}
