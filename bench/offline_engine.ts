/**
 * Measures the offline engine alone: whole conversations (clarify rounds until the engine
 * stops asking, four analyses, the overview), each with unique answer texts so that no
 * memo is shared between conversations. Prints the best batch, because a shared machine
 * adds noise only upwards.
 *
 * Run: `deno run bench/offline_engine.ts`
 *
 * @module
 */
import { OfflineEngine } from "../agents/offline/mod.ts";
import type { QA } from "../protocol/brief.js";

const IDEAS = [
  "A marketplace where dog owners in Berlin book walkers, iOS and Android, we have 3 months and €50k",
  "A reading app for kids aged 6-10 with in-app purchases for new books",
  "An enterprise dashboard to monitor our fleet of 5,000 IoT sensors across factories, with SSO",
  "I want to build a tool for freelancers to track time and send invoices",
];
const ANSWERS: Readonly<Record<string, string>> = {
  users: "owners and walkers",
  platforms: "web and mobile",
  features: "booking, chat, reviews, photos",
  scale: "about 10k users",
  timeline: "6 months",
  budget: "$80k",
  compliance: "GDPR",
};

const engine = new OfflineEngine();
const signal = new AbortController().signal;

async function value<T>(g: AsyncGenerator<unknown, T, void>): Promise<T> {
  return (await g.next()).value as T;
}

async function conversation(i: number): Promise<number> {
  const transcript: QA[] = [];
  let out = await value(
    engine.clarify({ transcript, round: 1, maxRounds: 4, maxQuestionsPerRound: 3 }, { signal }),
  );
  for (let round = 2; out.questions.length > 0; round++) {
    for (const q of out.questions) {
      const base = q.topic === "idea" ? IDEAS[i % IDEAS.length]! : ANSWERS[q.topic] ?? "not sure";
      transcript.push({
        id: `${round}-${q.topic}`,
        question: q.question,
        answer: `${base} (#${i})`,
      });
    }
    out = await value(
      engine.clarify({ transcript, round, maxRounds: 4, maxQuestionsPerRound: 3 }, { signal }),
    );
  }
  const results: Record<string, unknown> = {};
  for (const agent of ["product", "customer", "engineer", "risk"]) {
    results[agent] = await value(engine.analyse({
      agent,
      title: agent,
      schema: undefined as never,
      requirements: out.requirements,
      transcript,
      results,
    }, { signal }));
  }
  return (await value(engine.overview({ requirements: out.requirements, results }, { signal })))
    .length;
}

const BATCH = 2_000;
let next = 0;
for (let i = 0; i < BATCH; i++) await conversation(next++); // warm-up
let best = Infinity;
for (let b = 0; b < 10; b++) {
  const t0 = performance.now();
  for (let i = 0; i < BATCH; i++) await conversation(next++);
  best = Math.min(best, (performance.now() - t0) / BATCH);
}
await Deno.stdout.write(
  new TextEncoder().encode(
    `offline engine: ${(best * 1000).toFixed(0)} µs per whole conversation ` +
      `(best of 10 batches of ${BATCH}; ${Math.round(1000 / best)} conversations/s on one core)\n`,
  ),
);
