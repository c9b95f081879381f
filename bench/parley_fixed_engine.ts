/**
 * A bench-only Parley server whose engine does no reading: the whole Parley stack (link,
 * session, pipeline with its zod validation, Markdown, serialising, the store, the
 * socket sender) with the offline engine's outputs remembered from the first
 * conversation and given back to every later one. The bench's clients all send the same
 * answers, so each conversation gets the same frames as with the offline engine; what is
 * left out is only the engine's own work (reading answers, detecting, writing findings).
 * It shows what Parley's stack costs beside the seed's FastAPI script, which plays fixed
 * frames too. Never used outside `bench/`.
 *
 * `deno run -A bench/parley_fixed_engine.ts --port 8001` (env as for `main.ts`)
 *
 * @module
 */
import { loadConfig } from "../server/config.ts";
import { createLogger } from "../server/log.ts";
import { createParley } from "../server/mod.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import type {
  AnalysisTask,
  ClarifyInput,
  ClarifyOutput,
  Engine,
  FrameBody,
  OverviewInput,
  RunOptions,
} from "../agents/types.ts";

/** The offline engine, each output remembered by its step and given back ever after. */
class FixedEngine implements Engine {
  readonly name = "offline";
  readonly deterministic = true;
  readonly #inner = new OfflineEngine();
  readonly #memo = new Map<string, unknown>();

  async #once<T>(key: string, make: () => AsyncGenerator<FrameBody, T, unknown>): Promise<T> {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const gen = make();
    let step = await gen.next();
    while (!step.done) step = await gen.next();
    this.#memo.set(key, step.value);
    return step.value;
  }

  // deno-lint-ignore require-yield
  async *clarify(input: ClarifyInput, opts: RunOptions): AsyncGenerator<FrameBody, ClarifyOutput> {
    const key = `clarify:${input.round}:${input.transcript.length}`;
    return await this.#once(key, () => this.#inner.clarify(input, opts));
  }

  // deno-lint-ignore require-yield
  async *analyse<T>(task: AnalysisTask<T>, opts: RunOptions): AsyncGenerator<FrameBody, unknown> {
    return await this.#once(`analyse:${task.agent}`, () => this.#inner.analyse(task, opts));
  }

  // deno-lint-ignore require-yield
  async *overview(input: OverviewInput, opts: RunOptions): AsyncGenerator<FrameBody, string> {
    return await this.#once("overview", () => this.#inner.overview(input, opts));
  }
}

const config = loadConfig(Deno.args, (k) => Deno.env.get(k));
const parley = createParley(config, {
  log: createLogger(config.logLevel),
  engine: new FixedEngine(),
});
Deno.serve({ hostname: config.host, port: config.port, onListen: () => {} }, parley.handler);
