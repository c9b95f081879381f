import assert from "node:assert/strict";
import { DOMAINS, REGIONS } from "./knowledge.ts";
import { FEATURES } from "./knowledge/features.ts";
import { PLATFORMS } from "./knowledge/platforms.ts";
import { ROLES } from "./knowledge/roles.ts";
import { alternatives, literalStarts, Prefilter, requiredText, wordStarts } from "./prefilter.ts";
import { compileAny } from "./detect.ts";
import { normalise } from "./read.ts";
import { JURISDICTIONS } from "./knowledge/jurisdictions.ts";
import { DOMAINS as KNOWN_DOMAINS } from "./knowledge/domains.ts";
import { REGULATIONS } from "./knowledge/regulations.ts";
import { ALTERNATIVES } from "./knowledge/alternatives.ts";
import { UNCOVERED } from "./knowledge/uncovered.ts";
import { IDEAS } from "../../bench/eval/ideas.ts";

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

Deno.test("Prefilter.match() over every knowledge table finds what a scan finds in every eval answer", () => {
  // The knowledge base's own trigger patterns, as detect.ts compiles them, and the answers
  // of the evaluation set (plus one-letter words, lookbehinds and nested groups).
  const texts = [
    ...TEXTS,
    ...IDEAS.flatMap((i) => Object.values(i.answers).map(normalise)),
    "an e-commerce site for a patient in west virginia, not northern ireland; 3-year-olds",
    "u.s. and the eu, uk and eu, köln and münchen, a b c d e f g",
    "an ecommerce store with elearning, esignatures and an email digest about ewaste",
  ];
  const tables = [JURISDICTIONS, KNOWN_DOMAINS, REGULATIONS, ALTERNATIVES, UNCOVERED];
  const rows = [
    ...tables.flatMap((t) => t.map((r) => r.triggers)),
    ...JURISDICTIONS.map((j) => j.signals ?? []),
  ].flatMap((triggers) => {
    const pattern = compileAny(triggers);
    return pattern ? [{ pattern }] : [];
  });
  const index = new Prefilter(rows);
  let found = 0;
  for (const text of texts) {
    const brute = rows.filter((r) => r.pattern.test(text));
    found += brute.length;
    assert.deepEqual(index.match(text, wordStarts(text)), brute, text);
  }
  assert.ok(found > 200, `only ${found} rows matched: the corpus tests too little`);
});

Deno.test("literalStarts() indexes literal and grouped starts, and refuses optional ones", () => {
  assert.deepEqual(alternatives("\\bpay(?:s|ing)?\\b|\\bchat\\b|[|]"), [
    "\\bpay(?:s|ing)?\\b",
    "\\bchat\\b",
    "[|]",
  ]);
  assert.deepEqual(literalStarts("\\bmums?\\b"), ["mu"]);
  assert.deepEqual(literalStarts("\\b(?:apple|android) tv\\b"), ["ap", "an"]);
  assert.deepEqual(literalStarts("\\b(?:baby)?sitters?\\b"), ["ba", "si"]);
  assert.deepEqual(literalStarts("\\be-?commerce\\b"), ["e"]);
  assert.deepEqual(literalStarts("\\b(?:(?:a|the|my) patient)"), ["a", "th", "my"]);
  assert.deepEqual(literalStarts("(?:(?<!new )\\bengland)"), ["en"]);
  assert.equal(literalStarts("(?:(?<!west )virginia)"), undefined);
  assert.equal(literalStarts("\\b(?:ab){2}c"), undefined);
  assert.equal(literalStarts("\\b(?:ab)??c"), undefined);
  assert.equal(literalStarts("[$€£]\\d"), undefined);
});

Deno.test("wordStarts() packs the first two characters of each word", () => {
  const pack = (s: string) => s.charCodeAt(0) * 128 + s.charCodeAt(1);
  const one = (s: string) => s.charCodeAt(0) * 128;
  assert.deepEqual(wordStarts("a big-deal x1_ab e-shop"), [
    one("a"),
    pack("bi"),
    pack("de"),
    pack("x1"),
    one("e"),
    pack("sh"),
  ]);
});

Deno.test("requiredText() gives the longest text every match contains, or nothing when unsure", () => {
  const texts = [
    "\\b(?:ann arbor)(?![a-z])",
    "(?:(?<!west )virginia)(?![a-z])",
    "\\b(?:u\\.s\\.(?:a\\.)?)",
    "(?:£)",
    "\\bsubs?",
    "\\b(?:3-?d ?secure)",
    "\\b(?:ab)+c",
    "\\b(?:a|the) patient",
    "\\b(?:s[aã]o paulo)",
    "\\b(?:online )?therapy",
    "\\bab{2}",
    "(?=x)abc",
    "\\b(?:(?:[3-9]|1[0-7])[- ]year[- ]olds?)",
    "\\bsubscri\\w+",
    "\\b(?:x|y)",
    "a.b",
  ].map(requiredText);
  assert.deepEqual(texts, [
    "ann arbor",
    "virginia",
    "u.s.",
    "£",
    "sub",
    "secure",
    "ab",
    " patient",
    "o paulo",
    "therapy",
    "a",
    "abc",
    "year",
    "subscri",
    "",
    "a",
  ]);
});
