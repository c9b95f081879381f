import assert from "node:assert/strict";
import { DOMAINS, REGIONS } from "./knowledge.ts";
import { FEATURES } from "./knowledge/features.ts";
import { PLATFORMS } from "./knowledge/platforms.ts";
import { ROLES } from "./knowledge/roles.ts";
import { alternatives, literalStarts, Prefilter, wordStarts } from "./prefilter.ts";

const TEXTS = [
  "a marketplace where dog owners in berlin book walkers, ios and android, we have 3 months and €50k",
  "a reading app for kids aged 6-10 with in-app purchases for new books and read-aloud audio",
  "an enterprise dashboard to monitor our fleet of 5,000 iot sensors with sso, saml and audit logs",
  "e-commerce for babysitters on apple tv, ms teams and a chrome extension; live tracking of the route",
  "hr_teams and it admins in the u.s. want a rest api, webhooks and csv export",
  "",
];

Deno.test("Prefilter.match() finds exactly the rows a brute-force scan finds", () => {
  for (const rows of [FEATURES, ROLES, DOMAINS, PLATFORMS, REGIONS] as const) {
    const index = new Prefilter<{ pattern: RegExp }>(rows);
    for (const text of TEXTS) {
      const brute = rows.filter((r: { pattern: RegExp }) => r.pattern.test(text));
      assert.deepEqual(index.match(text, wordStarts(text)), brute, text);
    }
  }
});

Deno.test("literalStarts() indexes literal and grouped starts, and refuses optional ones", () => {
  assert.deepEqual(alternatives("\\bpay(?:s|ing)?\\b|\\bchat\\b|[|]"), [
    "\\bpay(?:s|ing)?\\b",
    "\\bchat\\b",
    "[|]",
  ]);
  assert.deepEqual(literalStarts("\\bmums?\\b"), ["mu"]);
  assert.deepEqual(literalStarts("\\b(?:apple|android) tv\\b"), ["ap", "an"]);
  assert.equal(literalStarts("\\b(?:baby)?sitters?\\b"), undefined);
  assert.equal(literalStarts("\\be-?commerce\\b"), undefined);
  assert.equal(literalStarts("[$€£]\\d"), undefined);
});

Deno.test("wordStarts() packs the first two characters of each word", () => {
  const pack = (s: string) => s.charCodeAt(0) * 128 + s.charCodeAt(1);
  assert.deepEqual(wordStarts("a big-deal x1_ab"), [pack("bi"), pack("de"), pack("x1")]);
});
