import assert from "node:assert/strict";
import { languageOf, readAnswer, readTranscript } from "./read.ts";

const clauses = (text: string) =>
  readAnswer(text, "idea", "idea").clauses.map((c) => [
    c.text,
    c.negated ? "not" : c.later ? "later" : "now",
  ]);
const money = (text: string, topic?: string) =>
  readAnswer(text, "q", topic).money.map((m) => [m.amount, m.currency, m.kind]);

Deno.test("readAnswer() reads lakh, crore, k and M with their currency", () => {
  assert.deepEqual(money("We have 40 lakh rupees to build it"), [[4_000_000, "₹", "budget"]]);
  assert.deepEqual(money("Budget is about 2 crore INR"), [[20_000_000, "₹", "budget"]]);
  assert.deepEqual(money("we raised €1.5M"), [[1_500_000, "€", "budget"]]);
  assert.deepEqual(money("$25k", "budget"), [[25_000, "$", "budget"]]);
  assert.deepEqual(money("30,000 USD for the first version"), [[30_000, "$", "budget"]]);
  assert.deepEqual(money("KSh 500,000 to build the MVP"), [[500_000, "KSh", "budget"]]);
});

Deno.test("readAnswer() tells a price or a fee from a budget", () => {
  assert.deepEqual(money("Members pay $8 per month for bread"), [[8, "$", "price"]]);
  assert.deepEqual(money("Applicants pay a $40 fee"), [[40, "$", "price"]]);
  assert.deepEqual(money("we take £2 per delivery"), [[2, "£", "price"]]);
  assert.deepEqual(
    money("We have $30k to build it and charge $5 a month"),
    [[30_000, "$", "budget"], [5, "$", "price"]],
  );
  // A running budget per month is still a budget.
  assert.deepEqual(money("we can spend $300 a month on hosting"), [[300, "$", "budget"]]);
  // A count is not money, nor a share.
  assert.deepEqual(money("5k users and a 10% commission"), []);
});

Deno.test("readAnswer() reads durations tied to launching, not ages or trials", () => {
  const d = (text: string, topic?: string) =>
    readAnswer(text, "q", topic).durations.map((x) => [x.weeks, x.launch]);
  assert.deepEqual(d("We want to launch in three months"), [[13, true]]);
  assert.deepEqual(d("6-8 weeks", "timeline"), [[8, true]]);
  assert.deepEqual(d("for kids aged 6-10 years"), []);
  assert.deepEqual(d("a free trial of two weeks"), [[2, false]]);
  assert.deepEqual(
    readAnswer("Live by March 2027, ASAP really", "q").dates.map((x) => [x.text, x.launch]),
    [["by March 2027", true], ["ASAP", true]],
  );
});

Deno.test("readAnswer() marks negation and its scope clause by clause", () => {
  assert.deepEqual(clauses("No iPhone, web only. We don't take payments."), [
    ["No iPhone", "not"],
    ["web only", "now"],
    ["We don't take payments", "not"],
  ]);
  assert.deepEqual(clauses("It's not a marketplace but a directory"), [
    ["It's not a marketplace", "not"],
    ["a directory", "now"],
  ]);
});

Deno.test("readAnswer() puts 'later', 'not now' and 'phase 2' off, not out", () => {
  assert.deepEqual(clauses("Web only, mobile later, not now"), [
    ["Web only", "now"],
    ["mobile later", "later"],
  ]);
  assert.deepEqual(clauses("Web now and mobile later"), [["Web now", "now"], [
    "mobile later",
    "later",
  ]]);
  assert.deepEqual(clauses("Payments in phase 2"), [["Payments in phase 2", "later"]]);
  assert.deepEqual(clauses("maybe a marketplace eventually"), [[
    "maybe a marketplace eventually",
    "later",
  ]]);
});

Deno.test("readAnswer() keeps a list joined by and/or in one clause", () => {
  assert.deepEqual(clauses("For bakeries, cafes and small grocers or market stalls"), [
    ["For bakeries", "now"],
    ["cafes and small grocers or market stalls", "now"],
  ]);
  assert.deepEqual(clauses("No iOS or Android"), [["No iOS or Android", "not"]]);
});

Deno.test("readTranscript() carries question ids and topics into every clause", () => {
  const r = readTranscript([
    { id: "q0", question: "?", answer: "A bakery app" },
    { id: "q1", question: "?", answer: "Three months", topic: "timeline" },
  ], (qa) => qa.topic);
  assert.deepEqual(r.clauses.map((c) => [c.questionId, c.topic, c.lower]), [
    ["idea", "idea", "a bakery app"],
    ["q1", "timeline", "three months"],
  ]);
  assert.deepEqual(r.durations.map((d) => [d.weeks, d.launch]), [[13, true]]);
  assert.equal(r.language.english, true);
});

Deno.test("languageOf() tells a non-English idea from a short English one", () => {
  assert.deepEqual(languageOf("A marketplace where dog owners book walkers"), {
    code: "eng",
    english: true,
  });
  assert.equal(
    languageOf("Queremos una aplicación para panaderías en Madrid que venden el pan sobrante")
      .english,
    false,
  );
  assert.equal(
    languageOf("Wir wollen eine App für Bäckereien bauen, die übrig gebliebenes Brot verkaufen")
      .code,
    "deu",
  );
  assert.equal(languageOf("ok").english, true);
});

Deno.test("readAnswer() keeps hyphenated words whole and breaks at a spaced dash", () => {
  assert.deepEqual(clauses("two-way texting - no calls"), [
    ["two-way texting", "now"],
    ["no calls", "not"],
  ]);
});
