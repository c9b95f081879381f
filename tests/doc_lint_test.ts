/**
 * The doc-lint gate (`tests/_doc_lint.ts`) on small modules with known faults, through the
 * real `deno doc --lint`: what it must fail on, and the few things it lets through.
 */
import assert from "node:assert/strict";
import { type DocLintReport, lintDocs, parseDocLint } from "./_doc_lint.ts";

async function lintFixture(files: Record<string, string>): Promise<DocLintReport> {
  const dir = await Deno.makeTempDir({ prefix: "parley-doclint-" });
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    return await lintDocs(Object.keys(files), dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const failed = (r: DocLintReport) =>
  r.failures.map((f) => `${f.kind} ${f.location.replace(/^.*\//, "")}`).sort();
const tolerated = (r: DocLintReport) => [...r.tolerated.values()].reduce((a, b) => a + b, 0);

Deno.test("doc lint: clean modules pass, and a JSDoc `@returns` in plain JS is let through", async () => {
  const r = await lintFixture({
    "a.ts": "/** @module */\n/** Twice. */\nexport function twice(x: number): number {\n" +
      "  return 2 * x;\n}\n",
    "b.js": "// @ts-check\n/** @module */\n/**\n * Thrice.\n * @param {number} x\n" +
      " * @returns {number}\n */\nexport function thrice(x) {\n  return 3 * x;\n}\n" +
      "/** Built by a call. */\nexport const frozen = Object.freeze({ a: 1 });\n",
  });
  assert.deepEqual(failed(r), []);
  assert.deepEqual(tolerated(r), 2);
});

Deno.test("doc lint: missing JSDoc, a missing return type in TS and a private type fail", async () => {
  const r = await lintFixture({
    "a.ts": "/** @module */\ninterface Hidden {\n  x: number;\n}\n" +
      "/** Uses a type that is not exported. */\nexport function use(h: Hidden): number {\n" +
      "  return h.x;\n}\nexport function bare(x: number) {\n  return x;\n}\n",
  });
  assert.deepEqual(failed(r), [
    "missing-jsdoc a.ts:9:17",
    "missing-return-type a.ts:9:17",
    "private-type-ref a.ts:6:1",
  ]);
});

Deno.test("doc lint: a plain-JS function without `@returns` fails", async () => {
  const r = await lintFixture({
    "b.js": "// @ts-check\n/** @module */\n/** Thrice, undocumented result. */\n" +
      "export function thrice(/** @type {number} */ x) {\n  return 3 * x;\n}\n",
  });
  assert.deepEqual(failed(r), ["missing-return-type b.js:4:17"]);
});

Deno.test("doc lint: zod's ZodType is let through, a local private type is not", async () => {
  const r = await lintFixture({
    "a.ts": 'import type { z } from "npm:zod@4.6.7";\n/** @module */\n' +
      "type Local = { n: number };\n/** A schema holder. */\nexport interface Holder {\n" +
      "  /** The schema. */\n  schema: z.ZodType<string>;\n  /** Not exported. */\n" +
      "  local: Local;\n}\n",
  });
  assert.deepEqual(failed(r), ["private-type-ref a.ts:9:3"]);
  assert.deepEqual(tolerated(r), 1);
});

Deno.test("doc lint: output it cannot read is an error, not a pass", () => {
  assert.throws(
    () => parseDocLint("error: Found 2 documentation lint errors.\n"),
    { name: "SyntaxError", message: /reports 2 errors, 0 were read/ },
  );
});

Deno.test("doc lint: a module that does not resolve fails the run", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-doclint-" });
  try {
    await assert.rejects(lintDocs(["missing.ts"], dir), /deno doc --lint failed/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
