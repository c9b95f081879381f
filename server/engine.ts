/**
 * Chooses the engine from `PARLEY_MODEL`. `offline` (the default) needs no key and no
 * network.
 *
 * @module
 */
import type { Engine } from "../agents/types.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";

/** Makes the engine named by `model` (`offline`), or throws a `RangeError` naming it. */
export function createEngine(model: string): Engine {
  if (model === "offline") return new OfflineEngine();
  throw new RangeError(`Unknown PARLEY_MODEL "${model}": use "offline"`);
}
