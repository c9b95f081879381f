/**
 * Measures the offline engine alone: whole conversations (clarify rounds until the engine
 * stops asking, four analyses, the overview), each with unique answer texts and its own
 * transcript entry objects, as in real use. Prints the best batch of wall time and of the
 * process's CPU time, because a shared machine adds noise only upwards.
 *
 * Guard against a cache that flatters the benchmark: the engine keeps an answer's reading
 * only per transcript entry object, for that conversation, and nothing keyed by text. The
 * bench checks it by also running the same conversations with one repeated set of answers
 * (`repeated`): were anything remembered by text across conversations, that figure would
 * fall well below the unique one.
 *
 * Run: `deno run -A bench/offline_engine.ts` (`--batch N` for a shorter run).
 *
 * @module
 */
import process from "node:process";
import { parseArgs } from "node:util";
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

/**
 * Budget for one whole conversation: wall time of the best batch on the project's 2-core
 * machine (docs/performance.md, "Offline engine"), that is at least 1,000 conversations/s
 * on one core. The CPU figure beside it also counts V8's garbage-collection helper threads.
 */
const BUDGET_US = 1_000;

async function conversation(i: number, suffix: string): Promise<number> {
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
        answer: `${base}${suffix}`,
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

const { values } = parseArgs({ args: Deno.args, options: { batch: { type: "string" } } });
const BATCH = Number(values.batch ?? 2_000);
const BATCHES = 10;
let next = 0;

/** Wall and CPU µs per conversation of one batch. */
async function batch(suffix: (i: number) => string): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < BATCH; i++) await conversation(next, suffix(next++));
  const wall = (performance.now() - t0) * 1000 / BATCH;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / BATCH };
}

const uniqueAnswers = (i: number) => ` (#${i})`;
const repeatedAnswers = () => " (#0)";
await batch(uniqueAnswers); // warm-up
await batch(repeatedAnswers);
// Interleaved, so that neither run profits from coming later (a warmer JIT, a quieter machine).
const unique = { wall: Infinity, cpu: Infinity };
const repeated = { wall: Infinity, cpu: Infinity };
for (let b = 0; b < BATCHES; b++) {
  for (const [best, suffix] of [[unique, uniqueAnswers], [repeated, repeatedAnswers]] as const) {
    const m = await batch(suffix);
    best.wall = Math.min(best.wall, m.wall);
    best.cpu = Math.min(best.cpu, m.cpu);
  }
}
const line = (name: string, m: { wall: number; cpu: number }) =>
  `  ${name.padEnd(9)} ${m.wall.toFixed(0).padStart(5)} µs wall, ${
    m.cpu.toFixed(0).padStart(5)
  } µs CPU per whole conversation (${Math.round(1e6 / m.wall)} conversations/s on one core)\n`;
await Deno.stdout.write(
  new TextEncoder().encode(
    `offline engine, best of ${BATCHES} batches of ${BATCH}:\n` + line("unique", unique) +
      line("repeated", repeated) +
      `  budget    ${BUDGET_US} µs wall per conversation: ${
        unique.wall <= BUDGET_US ? "within" : "OVER"
      }; repeated/unique ${(repeated.wall / unique.wall).toFixed(2)} ` +
      `(near 1: nothing remembered across conversations)\n`,
  ),
);
