import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { MAX_NOVEL_TOKENS, readerState, winkClauses } from "./read.ts";

/** `count` never-seen words, 50 to an answer. */
function* novelAnswers(tag: string, count: number): Generator<string> {
  let words: string[] = [];
  for (let i = 0; i < count; i++) {
    words.push(`zq${tag}${i.toString(36)}x`);
    if (words.length === 50) {
      yield words.join(" ");
      words = [];
    }
  }
}

Deno.test("the reader rebuilds wink-nlp past MAX_NOVEL_TOKENS novel words and reads the same after", () => {
  const sentence = "We want payments, but not in Europe. Mobile later; 5,000 users and no ads.";
  const before = winkClauses(sentence, "idea", "scope");
  const start = readerState().rebuilds;
  for (const answer of novelAnswers("t", MAX_NOVEL_TOKENS * 3)) {
    winkClauses(answer, "idea", undefined);
    assert.ok(readerState().novelTokens <= MAX_NOVEL_TOKENS + 50, "never far past the bound");
  }
  assert.ok(readerState().rebuilds - start >= 2, JSON.stringify(readerState()));
  assert.deepEqual(winkClauses(sentence, "idea", "scope"), before);
  // Known English words are no novel tokens: they never bring a rebuild closer.
  const novel = readerState().novelTokens;
  winkClauses("The customer pays for the product every month and likes it.", "idea", undefined);
  assert.equal(readerState().novelTokens, novel);
});

Deno.test("reading 120,000 novel words keeps the reader's heap bounded (bare wink-nlp grows)", async () => {
  const script = fileURLToPath(new URL("../../bench/reader_growth.ts", import.meta.url));
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--v8-flags=--expose-gc", script, "--tokens", "120000"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  const r = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").pop()!);
  // Bare wink-nlp keeps about 100 bytes per novel token (12 MB here); the reader keeps
  // what one instance holds at most, whatever the count, and its rebuilds do not add up.
  assert.ok(r.rebuilds >= 10, JSON.stringify(r));
  assert.ok(r.unboundedBytes > 6_000_000, JSON.stringify(r));
  assert.ok(r.boundedBytes * 3 < r.unboundedBytes, JSON.stringify(r));
  assert.ok(r.boundedBytes < 5 * 1024 * 1024, JSON.stringify(r));
});
