import assert from "node:assert/strict";
import { listClauses, readAnswer, winkClauses } from "./read.ts";
import { IDEAS } from "../../bench/eval/ideas.ts";
import { BENCH_ANSWERS } from "../../bench/_answers.ts";

/** Answers of the evaluation set, their sentences and pieces, and lists built from them. */
function corpus(): string[] {
  const answers = IDEAS.flatMap((i) => Object.values(i.answers));
  const sentences = answers.flatMap((a) => a.split(/(?<=[.!?])\s+/));
  const pieces = sentences.flatMap((s) => s.split(/[;:–—]\s*/));
  const lists: string[] = [];
  for (let i = 0; i + 2 < pieces.length; i++) {
    const [a, b, c] = [pieces[i]!, pieces[i + 1]!, pieces[i + 2]!];
    lists.push(`${a}, ${b} (${c})`, `${a} (#${i}), ${b}, ${c}.`, `${a},${b}`, `${a}(${b})`);
  }
  return [
    ...answers,
    ...sentences,
    ...pieces,
    ...lists,
    ...BENCH_ANSWERS,
    "booking, chat, reviews, photos (#12)",
    "5,000 users, 10,000 orders a month, $80k (maybe more)",
    "web, mobile,",
    "(web) and mobile",
    "  spaced  out ,  list  ",
    "Dog owners, walkers, hardly anyone else",
    "cafés, bäckereien, São Paulo, €40k, ₹40 lakh",
  ];
}

Deno.test("listClauses() reads every plain list exactly as wink-nlp does, and leaves the rest to it", () => {
  let listed = 0;
  const texts = corpus();
  for (const text of texts) {
    for (const topic of [undefined, "features"]) {
      const fast = listClauses(text, "q", topic);
      if (fast === undefined) continue;
      listed++;
      assert.deepEqual(fast, winkClauses(text, "q", topic), text);
    }
  }
  // The shortcut must be taken often enough to matter, and refused where wink-nlp is needed.
  assert.ok(listed > texts.length / 3, `only ${listed} of ${texts.length * 2} readings were lists`);
  for (
    const text of [
      "web, but not mobile",
      "booking, no payments",
      "chat, dont need video",
      "iOS, Android later",
      "one. two",
      "a,b",
      "f(x)",
      "it prevents fraud, mostly",
    ]
  ) assert.equal(listClauses(text, "q", undefined), undefined, text);
});

Deno.test("readAnswer() gives a list read without wink-nlp the same money and durations", () => {
  const r = readAnswer("Booking, chat, $80k to build it, 6 months (#7)", "q", "features");
  assert.deepEqual(r.clauses.map((c) => c.text), [
    "Booking",
    "chat",
    "$80k to build it",
    "6 months",
    "#7",
  ]);
  assert.deepEqual(r.money.map((m) => [m.amount, m.kind]), [[80000, "budget"]]);
  assert.deepEqual(r.durations.map((d) => d.weeks), [26]);
});
