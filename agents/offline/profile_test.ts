import assert from "node:assert/strict";
import { amountOf, scaleLevelOf, weeksOf } from "./profile.ts";

Deno.test("weeksOf() turns durations into weeks and leaves dates alone", () => {
  assert.equal(weeksOf("3 months"), 13);
  assert.equal(weeksOf("6-8 weeks"), 8);
  assert.equal(weeksOf("a quarter"), 13);
  assert.equal(weeksOf("two years"), 104);
  assert.equal(weeksOf("by March"), undefined);
  assert.equal(weeksOf("ASAP"), undefined);
  assert.equal(weeksOf(undefined), undefined);
});

Deno.test("amountOf() reads amounts and currencies as people write them", () => {
  assert.deepEqual(amountOf("€50k"), { amount: 50_000, currency: "€" });
  assert.deepEqual(amountOf("$1.5m"), { amount: 1_500_000, currency: "$" });
  assert.deepEqual(amountOf("30,000 GBP"), { amount: 30_000, currency: "£" });
  assert.deepEqual(amountOf("80k"), { amount: 80_000, currency: "" });
  assert.equal(amountOf("not fixed yet"), undefined);
});

Deno.test("scaleLevelOf() grades counts, weighting devices higher than people", () => {
  assert.equal(scaleLevelOf("about 2,000 owners", false), "small");
  assert.equal(scaleLevelOf("10k users per month", false), "medium");
  assert.equal(scaleLevelOf("millions of players", false), "large");
  assert.equal(scaleLevelOf("5,000 sensors", true), "large");
  assert.equal(scaleLevelOf("unknown yet", false), "unknown");
  assert.equal(scaleLevelOf(undefined, false), "unknown");
});
