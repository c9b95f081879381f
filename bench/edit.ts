/**
 * What an edit costs against a full run: `deno run -A bench/edit.ts`. In-process, through
 * the session registry on a memory store (no sockets), with the review step on:
 *
 * - offline engine: milliseconds for a whole conversation (the answers given at once), then
 *   for an edit of the timeline answer after the brief, until the new `complete`;
 * - model engine against the fake OpenAI server on loopback, each call answered after
 *   `MODEL_MS` ms: model calls and milliseconds for the full run and for the same edit.
 *
 * @module
 */
import { createLlmEngine } from "../agents/llm/mod.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { sampleAnalyses } from "../agents/testing.ts";
import type { Engine } from "../agents/types.ts";
import { createLogger } from "../server/log.ts";
import type { Connection } from "../server/session.ts";
import { SessionRegistry } from "../server/sessions.ts";
import { MemoryStore } from "../server/store.ts";
import { chatStream, type FakeRequest, startFake } from "../tests/_fake_openai.ts";

// deno-lint-ignore no-console
const print = (line: string) => console.log(line);

const RUNS = 30;
const MODEL_RUNS = 5;
/** Simulated latency of one model call. */
const MODEL_MS = 200;

const ANSWERS: Record<string, string> = {
  idea: "A marketplace where dog owners book trusted walkers and pay in the app",
  users: "Dog owners and walkers, many of them students",
  platforms: "iOS and Android",
  features: "Booking, payments, reviews and GPS tracking",
  scale: "5,000 users in year one",
  budget: "€40k",
  timeline: "In 4 months",
  compliance: "GDPR",
  jurisdiction: "Germany",
};

type Frame = { type: string; data: Record<string, unknown> };

/** Runs one conversation, then one edit of the timeline answer; returns both durations. */
async function oneSession(
  engine: Engine,
  between: () => void = () => {},
): Promise<{ fullMs: number; editMs: number }> {
  const registry = new SessionRegistry({
    store: new MemoryStore(),
    engine,
    log: createLogger("silent"),
    maxSessions: 10,
    maxFrames: 5_000,
    maxPendingWrites: 10_000,
    graceMs: 60_000,
    ttlMs: 3_600_000,
    maxRounds: 3,
    maxQuestionsPerRound: 3,
    review: true,
  });
  let timeline = "";
  let done = Promise.withResolvers<void>();
  // deno-lint-ignore prefer-const
  let session: ReturnType<SessionRegistry["create"]> | undefined;
  const conn: Connection = {
    sentSeq: 0,
    send(text) {
      const f = JSON.parse(text) as Frame;
      if (f.type === "question") {
        const topic = String(f.data.topic);
        if (topic === "timeline") timeline = String(f.data.id);
        const answer = topic === "review" ? "ok" : ANSWERS[topic] ?? "no";
        // Answered after this send returns, as a socket would.
        queueMicrotask(() => session!.handle({ answer }));
      }
      if (f.type === "complete") done.resolve();
    },
  };
  const t0 = performance.now();
  session = registry.create("bench", conn);
  await done.promise;
  const fullMs = performance.now() - t0;
  between();
  if (!timeline) throw new Error("No timeline question was asked: the bench needs one");
  done = Promise.withResolvers<void>();
  const t1 = performance.now();
  session.handle({ type: "edit", questionId: timeline, answer: "In 9 months" });
  await done.promise;
  const editMs = performance.now() - t1;
  await registry.shutdown();
  return { fullMs, editMs };
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

// Offline: warm up once, then measure.
await oneSession(new OfflineEngine());
const offline = [];
for (let i = 0; i < RUNS; i++) offline.push(await oneSession(new OfflineEngine()));
print(`offline engine, median of ${RUNS}:`);
print(
  `  full run (interview, review, analysts, brief): ${ms(median(offline.map((r) => r.fullMs)))}`,
);
print(
  `  edit of the timeline after the brief:          ${ms(median(offline.map((r) => r.editMs)))}`,
);

// Model: the fake provider answers every call after MODEL_MS.
const requirements = {
  users: ["Dog owners", "Walkers"],
  platforms: ["iOS", "Android"],
  features: ["Booking", "Payments"],
  compliance: ["GDPR"],
  domains: ["payments"],
  notes: [],
};
const plan = (req: FakeRequest) => {
  const ask = !req.prompt.includes("A2:");
  const timeline = req.prompt.includes("In 9 months") ? "9 months" : "4 months";
  return {
    requirements: ask ? requirements : { ...requirements, timeline },
    missing: [],
    done: !ask,
    questions: ask ? [{ topic: "timeline", question: "When must it be live?" }] : [],
  };
};
await using fake = await startFake(async (req) => {
  await new Promise((r) => setTimeout(r, MODEL_MS));
  if (req.agent === "clarifier") return chatStream(JSON.stringify(plan(req)));
  if (req.agent === "summary") return chatStream("Walkies connects dog owners and walkers.");
  return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
});
const model = [];
const calls: { full: number; edit: number }[] = [];
for (let i = 0; i < MODEL_RUNS; i++) {
  const engine = createLlmEngine({
    model: "openai:gpt-bench",
    apiKey: "sk-bench",
    baseUrl: fake.baseUrl,
    deltaIntervalMs: 50,
  });
  const before = fake.requests.length;
  let full = 0;
  model.push(await oneSession(engine, () => full = fake.requests.length - before));
  calls.push({ full, edit: fake.requests.length - before - full });
}
print(`model engine (fake provider, ${MODEL_MS} ms a call), median of ${MODEL_RUNS}:`);
print(
  `  full run: ${median(calls.map((c) => c.full))} model calls, ${
    ms(median(model.map((r) => r.fullMs)))
  }`,
);
print(
  `  edit of the timeline: ${median(calls.map((c) => c.edit))} model calls, ${
    ms(median(model.map((r) => r.editMs)))
  }`,
);
