/**
 * Wraps an engine so that every finished call is stored and, when the same call comes
 * again (a session recovered after a restart replays its pipeline), the stored result is
 * returned instead of calling the model again. Frames the call streamed (`delta`) are not
 * stored: a replayed call returns its result at once.
 *
 * @module
 */
import type {
  AnalysisTask,
  ClarifyInput,
  ClarifyOutput,
  Engine,
  FrameBody,
  OverviewInput,
  RunOptions,
} from "../agents/types.ts";

/** Where recorded calls live: JSON by a key unique in the session. */
export interface CallCache {
  get(key: string): string | undefined;
  put(key: string, json: string): void;
}

/** An {@link Engine} whose calls are recorded in a {@link CallCache}. */
export class RecordingEngine implements Engine {
  readonly name: string;
  readonly concurrency?: number;
  readonly #inner: Engine;
  readonly #cache: CallCache;

  constructor(inner: Engine, cache: CallCache) {
    this.#inner = inner;
    this.#cache = cache;
    this.name = inner.name;
    if (inner.concurrency !== undefined) this.concurrency = inner.concurrency;
  }

  async *#recorded<T>(key: string, call: () => AsyncGenerator<FrameBody, T, unknown>) {
    const hit = this.#cache.get(key);
    if (hit !== undefined) return JSON.parse(hit) as T;
    const value = yield* call();
    this.#cache.put(key, JSON.stringify(value ?? null));
    return value;
  }

  clarify(
    input: ClarifyInput,
    opts: RunOptions,
  ): AsyncGenerator<FrameBody, ClarifyOutput, unknown> {
    return this.#recorded(
      `clarify:${input.round}:${input.transcript.length}`,
      () => this.#inner.clarify(input, opts),
    );
  }

  analyse<T>(task: AnalysisTask<T>, opts: RunOptions): AsyncGenerator<FrameBody, unknown, unknown> {
    const attempt = task.previousError === undefined ? 1 : 2;
    return this.#recorded(
      `analyse:${task.agent}:${attempt}`,
      () => this.#inner.analyse(task, opts),
    );
  }

  overview(input: OverviewInput, opts: RunOptions): AsyncGenerator<FrameBody, string, unknown> {
    return this.#recorded("overview", () => this.#inner.overview(input, opts));
  }
}
