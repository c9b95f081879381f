/**
 * Counts a model engine's calls, tokens and errors by provider for `/metrics`
 * (`parley_model_calls_total`, `parley_model_tokens_total{kind}`,
 * `parley_model_errors_total`). It wraps the engine the server was given, under the
 * recording layer, so a call replayed from the store after a restart is not counted: only
 * calls that reached the model are.
 *
 * @module
 */
import type {
  AnalysisTask,
  CallMeta,
  ClarifyInput,
  ClarifyOutput,
  Engine,
  FrameBody,
  OverviewInput,
  ReviewInput,
  ReviewReading,
  RunOptions,
} from "../agents/types.ts";
import type { Metrics } from "./metrics.ts";

/** Declares the model metrics in `metrics` (their help and type). */
export function describeModelMetrics(metrics: Metrics): void {
  metrics.describe(
    "parley_model_calls_total",
    "counter",
    "Calls made to the model (not replayed from the store), by provider.",
  );
  metrics.describe(
    "parley_model_tokens_total",
    "counter",
    'Tokens the provider counted, by provider and kind ("input" or "output").',
  );
  metrics.describe(
    "parley_model_errors_total",
    "counter",
    "Model calls that failed (timeouts, HTTP errors, bad output; not cancels), by provider.",
  );
}

/** The provider of an engine name (`openai:gpt-4o-mini` → `openai`). */
export function providerOf(engineName: string): string {
  return engineName.split(":", 1)[0] || "unknown";
}

/**
 * Wraps `inner` so that each call is counted in `metrics`. A deterministic engine (the
 * offline one) calls no model: it is returned as it is.
 *
 * @example
 * ```ts ignore
 * const engine = meterEngine(await createEngine(config), metrics);
 * ```
 */
export function meterEngine(inner: Engine, metrics: Metrics): Engine {
  if (inner.deterministic) return inner;
  describeModelMetrics(metrics);
  const provider = { provider: providerOf(inner.name) };
  const input = { ...provider, kind: "input" };
  const output = { ...provider, kind: "output" };
  async function* metered<T>(
    opts: RunOptions,
    call: (opts: RunOptions) => AsyncGenerator<FrameBody, T, unknown>,
  ): AsyncGenerator<FrameBody, T, unknown> {
    metrics.inc("parley_model_calls_total", provider);
    const counted: RunOptions = {
      ...opts,
      onMeta: (meta: CallMeta) => {
        if (meta.inputTokens > 0) metrics.inc("parley_model_tokens_total", input, meta.inputTokens);
        if (meta.outputTokens > 0) {
          metrics.inc("parley_model_tokens_total", output, meta.outputTokens);
        }
        opts.onMeta?.(meta);
      },
    };
    try {
      return yield* call(counted);
    } catch (err) {
      if (!opts.signal.aborted) metrics.inc("parley_model_errors_total", provider);
      throw err;
    }
  }
  const engine: Engine = {
    name: inner.name,
    ...(inner.concurrency === undefined ? {} : { concurrency: inner.concurrency }),
    clarify: (input: ClarifyInput, opts: RunOptions): AsyncGenerator<FrameBody, ClarifyOutput> =>
      metered(opts, (o) => inner.clarify(input, o)),
    analyse: <T>(task: AnalysisTask<T>, opts: RunOptions) =>
      metered(opts, (o) => inner.analyse(task, o)),
    overview: (input: OverviewInput, opts: RunOptions): AsyncGenerator<FrameBody, string> =>
      metered(opts, (o) => inner.overview(input, o)),
  };
  const review = inner.review?.bind(inner);
  if (review) {
    engine.review = (
      input: ReviewInput,
      opts: RunOptions,
    ): AsyncGenerator<FrameBody, ReviewReading> => metered(opts, (o) => review(input, o));
  }
  return engine;
}
