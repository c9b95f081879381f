/**
 * How much heap the offline reader keeps after reading many never-seen words: wink-nlp
 * adds every out-of-vocabulary token to its lexicon for good, and the reader
 * (`agents/offline/read.ts`) rebuilds its instance past `MAX_NOVEL_TOKENS` of them.
 * Reads `--tokens` novel words (50 to an answer) once through a bare wink-nlp instance
 * (what the reader did before the bound) and once through the reader's `winkClauses`, and
 * prints the heap each kept (after a full GC) as one JSON line.
 *
 * Run: `deno run -A --v8-flags=--expose-gc bench/reader_growth.ts --tokens 200000`.
 * `agents/offline/reader_bound_test.ts` runs it with fewer tokens and holds the result.
 *
 * @module
 */
import { parseArgs } from "node:util";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { MAX_NOVEL_TOKENS, readerState, winkClauses } from "../agents/offline/read.ts";

const { values } = parseArgs({ args: Deno.args, options: { tokens: { type: "string" } } });
const tokens = Number(values.tokens ?? 200_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --v8-flags=--expose-gc");

/** Heap in use after a full collection. */
function heap(): number {
  gc!();
  gc!();
  return Deno.memoryUsage().heapUsed;
}

/** Feeds `tokens` novel words, 50 to an answer, to `read`; returns the heap growth. */
function grow(tag: string, read: (text: string) => unknown): number {
  read("Warm up the reader, please.");
  const before = heap();
  let words: string[] = [];
  for (let i = 0; i < tokens; i++) {
    words.push(`zq${tag}${i.toString(36)}x`);
    if (words.length === 50) {
      read(words.join(" "));
      words = [];
    }
  }
  return heap() - before;
}

const bare = winkNLP(model, ["sbd", "negation"]);
const unbounded = grow("u", (t) => bare.readDoc(t).tokens().length());
const bounded = grow("b", (t) => winkClauses(t, "idea", undefined));
// deno-lint-ignore no-console
console.log(JSON.stringify({
  tokens,
  maxNovelTokens: MAX_NOVEL_TOKENS,
  unboundedBytes: unbounded,
  boundedBytes: bounded,
  unboundedBytesPerToken: Math.round(unbounded / tokens),
  rebuilds: readerState().rebuilds,
}));
