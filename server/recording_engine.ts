/**
 * Wraps an engine so that every finished call is stored and, when the same call comes
 * again (a session recovered after a restart replays its pipeline, or a re-run after an
 * edit asks what it asked before), the stored result is returned instead of calling the
 * model again. A call's key names it (`clarify:round:answers`, `analyse:agent:attempt`,
 * `overview`) and ends with the fingerprint of its input (for an analyst: what it reads), so an edited answer makes
 * a new call and an unchanged one is reused. Frames the call streamed (`delta`) are not
 * stored: a replayed call returns its result at once.
 *
 * @module
 */
import { fingerprint, readInput } from "../agents/rerun.ts";
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

  async *#recorded<T>(
    name: string,
    input: unknown,
    call: () => AsyncGenerator<FrameBody, T, unknown>,
  ) {
    const key = `${name}:${fingerprint(input)}`;
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
      input,
      () => this.#inner.clarify(input, opts),
    );
  }

  analyse<T>(task: AnalysisTask<T>, opts: RunOptions): AsyncGenerator<FrameBody, unknown, unknown> {
    const attempt = task.previousError === undefined ? 1 : 2;
    return this.#recorded(
      `analyse:${task.agent}:${attempt}`,
      {
        // What the agent reads, as the pipeline's own reuse counts it: the results of the
        // analysts that happened to finish before this one started are not part of it (a
        // replay, whose recorded calls return at once, would otherwise miss every call).
        read: readInput(task.reads, task.requirements, task.results, task.transcript),
        previousError: task.previousError ?? null,
      },
      () => this.#inner.analyse(task, opts),
    );
  }

  overview(input: OverviewInput, opts: RunOptions): AsyncGenerator<FrameBody, string, unknown> {
    return this.#recorded("overview", input, () => this.#inner.overview(input, opts));
  }
}
