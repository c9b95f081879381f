/**
 * Checks the shape of the evaluation set, so a broken set fails CI. It does not judge the
 * engine: `deno task quality` does that, as a report.
 */
import assert from "node:assert/strict";
import { IDEAS } from "./ideas.ts";
import type { Pattern } from "./types.ts";

const compile = (p: Pattern) => new RegExp(p.re, "iu");

Deno.test("IDEAS has at least 36 ideas from 16 industries and 9 countries", () => {
  assert(IDEAS.length >= 36, `only ${IDEAS.length} ideas`);
  const industries = new Set(IDEAS.map((i) => i.industry));
  assert(industries.size >= 16, `only ${industries.size} industries`);
  const countries = new Set(IDEAS.map((i) => i.country.split("-")[0]));
  assert(countries.size >= 9, `only ${countries.size} countries: ${[...countries]}`);
});

Deno.test("IDEAS ids are unique kebab-case", () => {
  const ids = IDEAS.map((i) => i.id);
  assert.deepEqual(ids.filter((id, n) => ids.indexOf(id) !== n), []);
  assert.deepEqual(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(id)), []);
});

Deno.test("IDEAS each have 4-6 expect and 2-4 forbid patterns that compile, each with a why", () => {
  for (const idea of IDEAS) {
    assert(idea.expect.length >= 4 && idea.expect.length <= 6, `${idea.id}: expect count`);
    assert(idea.forbid.length >= 2 && idea.forbid.length <= 4, `${idea.id}: forbid count`);
    for (const p of [...idea.expect, ...idea.forbid]) {
      compile(p); // throws a SyntaxError on a bad source
      assert(p.why.trim().length > 0, `${idea.id}: /${p.re}/ has no why`);
      assert(!compile(p).test(""), `${idea.id}: /${p.re}/ matches the empty string`);
    }
  }
});

Deno.test("IDEAS each have an idea answer and an other fallback", () => {
  for (const idea of IDEAS) {
    assert(idea.answers.idea.trim().length > 20, `${idea.id}: idea answer`);
    assert(idea.answers.other.trim().length > 0, `${idea.id}: other answer`);
  }
});

Deno.test("IDEAS patterns never match the person's own answers", () => {
  // Recall must never be free, and a forbidden hit must be the engine's own words.
  const hits: string[] = [];
  for (const idea of IDEAS) {
    const said = Object.values(idea.answers).join("\n");
    for (const p of [...idea.expect, ...idea.forbid]) {
      const m = compile(p).exec(said);
      if (m) hits.push(`${idea.id}: /${p.re}/ matches "${m[0]}"`);
    }
  }
  assert.deepEqual(hits, []);
});
