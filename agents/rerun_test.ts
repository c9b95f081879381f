import assert from "node:assert/strict";
import { fingerprint, stableJson } from "./rerun.ts";

/** What `stableJson` replaced (and what stored fingerprints were made from). */
const sortedReplacer = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  }) ?? "";

Deno.test("stableJson() writes what JSON.stringify with a key-sorting replacer writes", () => {
  const cases: unknown[] = [
    1,
    'a\u2028"\n',
    null,
    undefined,
    [undefined, () => 1, NaN, Infinity, { b: 1, a: [null] }],
    { z: undefined, y: () => 0, x: new Date(0), w: { q: 1, é: [1, { c: 2, b: 3 }] }, v: -0 },
    { toJSON: () => ({ b: 1, a: 2 }) },
    { "10": 1, "2": 2, b: 3, a: 4, "01": 5, "4294967295": 6, "4294967294": 7 },
    [],
    {},
  ];
  for (const c of cases) assert.equal(stableJson(c), sortedReplacer(c));
});

Deno.test("fingerprint() is the SHA-256 of the stable JSON, whatever the key order", () => {
  // The value stored keys were made with (crypto.subtle) must not change.
  assert.equal(fingerprint({ b: "é", a: [1, null] }), "e03c3c1ebb5fccd76e3bd35b9a86169f");
  assert.equal(fingerprint({ a: [1, null], b: "é" }), "e03c3c1ebb5fccd76e3bd35b9a86169f");
});
