/**
 * What the model engine costs per conversation: `deno task bench:model`.
 *
 * Whole conversations run in-process through `runPipeline` with the `LlmEngine` against the
 * fake OpenAI server on loopback (`tests/_fake_openai.ts`), review on and answered "ok". The
 * fake answers as a model would, with realistic sizes: the requirements and the four analyses
 * the offline engine writes for the same interview, the plan asking three topics a round.
 *
 * It prints, per model call (the clarifier's rounds, each analyst, the overview): the prompt
 * in characters (system and user message) and in tokens, and the completion tokens. Tokens are
 * counted by the fake server with `gpt-tokenizer`'s o200k_base encoding (GPT-4o's) over the
 * messages' text plus the `response_format` JSON schema the request carries, and reported as
 * the call's `usage`; the per-message overhead a provider adds (about 4 tokens) is not counted.
 * Then, for each simulated latency (fixed, streamed, and one whose time to first token grows
 * with the prompt) and with the analysts one at a time and concurrently (`fanIn`), the wall
 * time from the last answer to `complete`.
 *
 * Options: `--runs N` conversations per latency case (median shown, default 1),
 * `--dump DIR` writes each prompt of the first conversation to `DIR/<n>-<agent>.txt`,
 * `--quick` skips the streamed case.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { createLlmEngine } from "../agents/llm/mod.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { runPipeline } from "../agents/pipeline.ts";
import type { Brief } from "../protocol/brief.js";
import type { FrameBody } from "../agents/types.ts";
import { chatStream, type FakeRequest, startFake } from "../tests/_fake_openai.ts";

// deno-lint-ignore no-console
const print = (line = "") => console.log(line);

const args = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string", default: "1" },
    dump: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});
const RUNS = Math.max(1, Number(args.values.runs) || 1);

/** The person's answers, by question topic (the bench's dog-walking marketplace). */
const ANSWERS: Record<string, string> = {
  idea: "A marketplace where dog owners book trusted walkers and pay in the app. Walkers are " +
    "vetted, owners see the walk live on a map and rate the walker afterwards.",
  users: "Dog owners in cities who work long hours, and walkers, many of them students",
  features: "Booking, payments, reviews, GPS tracking of the walk and chat with the walker",
  compliance: "GDPR, and we keep card data with the payment provider",
  platforms: "iOS and Android, and a web page for walkers to sign up",
  budget: "€40k",
  timeline: "Live in Berlin in 4 months",
  scale: "5,000 users in year one",
  review: "ok",
};
/** What the fake clarifier asks, three topics a round, in this order. */
const ROUNDS = [["users", "features", "compliance"], ["platforms", "budget", "timeline"]];
const QUESTIONS: Record<string, string> = {
  users: "Who will use it?",
  features: "What must the first version do?",
  compliance: "Which rules or regulations apply?",
  platforms: "Which devices should it run on?",
  budget: "What budget do you have?",
  timeline: "When must it be live?",
};

type Answer = (frame: FrameBody & { type: "question" }) => string;
const byTopic: Answer = (f) => ANSWERS[String(f.data.topic)] ?? "no";

/** Runs a pipeline to its end; returns the brief and the time from the last answer to `complete`. */
async function converse(
  gen: AsyncGenerator<FrameBody, Brief, string | undefined>,
): Promise<{ brief: Brief; tailMs: number }> {
  let lastAnswer = 0;
  let completeAt = 0;
  let step = await gen.next();
  while (!step.done) {
    const f = step.value;
    let answer: string | undefined;
    if (f.type === "question") {
      answer = byTopic(f);
      lastAnswer = performance.now();
    }
    if (f.type === "complete") completeAt = performance.now();
    step = await gen.next(answer);
  }
  return { brief: step.value, tailMs: completeAt - lastAnswer };
}

// What a model would answer, at realistic sizes: the offline engine's reading of the interview.
const offline = await converse(
  runPipeline({ engine: new OfflineEngine(), signal: new AbortController().signal, review: true }),
);
const { idea: _idea, evidence: _evidence, ...understood } = offline.brief.requirements;
const OVERVIEW = "Walkies is a marketplace where busy dog owners in Berlin book vetted walkers, " +
  "follow each walk on a map and pay in the app; it spares owners the worry of a dog alone all " +
  "day and gives students flexible paid work.\n\nThe MVP covers booking, payments, live GPS " +
  "tracking and reviews on iOS and Android, estimated at a medium effort that fits the €40k " +
  "budget and the four-month timeline. The risks that most need attention are the safety of " +
  "dogs and walkers and GDPR compliance for location data.";

function plan(req: FakeRequest): string {
  const asked = (topic: string) => req.prompt.includes(QUESTIONS[topic]!);
  const round = ROUNDS.find((r) => !r.every(asked));
  return JSON.stringify({
    requirements: understood,
    missing: round ?? [],
    done: round === undefined,
    questions: (round ?? []).map((topic) => ({ topic, question: QUESTIONS[topic] })),
  });
}

function replyText(req: FakeRequest): string {
  if (req.agent === "clarifier") return plan(req);
  if (req.agent === "summary") return OVERVIEW;
  const result = offline.brief.results[req.agent];
  if (result === undefined) throw new Error(`No answer for agent "${req.agent}"`);
  return JSON.stringify(result);
}

/** What one request cost, as the fake counted it. */
interface Counted {
  agent: string;
  promptChars: number;
  promptTokens: number;
  /** Of `promptTokens`, those of the `response_format` schema. */
  formatTokens: number;
  completionTokens: number;
  prompt: string;
}

function messagesText(req: FakeRequest): string {
  return (req.body.messages ?? []).map((m) =>
    typeof m.content === "string" ? m.content : JSON.stringify(m.content)
  ).join("\n");
}

/**
 * A simulated latency: time to first token (a fixed part, and one that grows with the prompt
 * at `prefillTokensPerSecond`, as a model reads its prompt before it writes), then tokens
 * per second (Infinity: the whole answer at once).
 */
interface Latency {
  name: string;
  firstTokenMs: number;
  prefillTokensPerSecond: number;
  tokensPerSecond: number;
}
const LATENCIES: Latency[] = [
  {
    name: "800 ms a call, whole answer at once",
    firstTokenMs: 800,
    prefillTokensPerSecond: Infinity,
    tokensPerSecond: Infinity,
  },
  ...(args.values.quick ? [] : [{
    name: "streamed: 400 ms to first token, then 200 tokens/s",
    firstTokenMs: 400,
    prefillTokensPerSecond: Infinity,
    tokensPerSecond: 200,
  }, {
    name: "prompt-bound: 200 ms + 1 ms per prompt token to first token, then 200 tokens/s",
    firstTokenMs: 200,
    prefillTokensPerSecond: 1_000,
    tokensPerSecond: 200,
  }]),
];
/** Tokens per streamed chunk. */
const CHUNK_TOKENS = 8;

let latency: Latency = LATENCIES[0]!;
const counted: Counted[] = [];
await using fake = await startFake((req) => {
  const text = replyText(req);
  const formatTokens = req.body.response_format
    ? countTokens(JSON.stringify(req.body.response_format))
    : 0;
  const promptTokens = countTokens(messagesText(req)) + formatTokens;
  const completionTokens = countTokens(text);
  counted.push({
    agent: req.agent,
    promptChars: messagesText(req).length,
    promptTokens,
    formatTokens,
    completionTokens,
    prompt: messagesText(req),
  });
  const streamed = Number.isFinite(latency.tokensPerSecond);
  const chunks = streamed ? Math.max(1, Math.ceil(completionTokens / CHUNK_TOKENS)) : 1;
  return chatStream(text, {
    chunks,
    firstTokenMs: latency.firstTokenMs +
      Math.round(1000 * promptTokens / latency.prefillTokensPerSecond),
    ...(streamed ? { delayMs: Math.round(1000 * CHUNK_TOKENS / latency.tokensPerSecond) } : {}),
    usage: { prompt: promptTokens, completion: completionTokens },
  });
});

const engine = (concurrency: number) =>
  createLlmEngine({
    model: "openai:gpt-bench",
    apiKey: "sk-bench",
    baseUrl: fake.baseUrl,
    concurrency,
  });

async function oneConversation(concurrency: number) {
  const metaTokens: Record<string, number> = {};
  const before = counted.length;
  const { brief, tailMs } = await converse(runPipeline({
    engine: engine(concurrency),
    signal: new AbortController().signal,
    review: true,
    onAgentMeta: (agent, m) => metaTokens[agent] = (metaTokens[agent] ?? 0) + m.inputTokens,
  }));
  if (brief.failed.length > 0) throw new Error(`Agents failed: ${brief.failed.join(", ")}`);
  return { calls: counted.slice(before), tailMs, metaTokens };
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const n = (x: number) => x.toLocaleString("en-US");

// Per call: one conversation is enough, prompts do not depend on the latency.
const first = await oneConversation(4);
print(`model engine cost per conversation (fake OpenAI server, ${first.calls.length} calls)`);
print("tokens: o200k_base over the messages' text and the response_format schema");
print();
print("| call | prompt chars | prompt tokens | of which response_format | completion tokens |");
print("| --- | ---: | ---: | ---: | ---: |");
const rounds = new Map<string, number>();
for (const c of first.calls) {
  const k = (rounds.get(c.agent) ?? 0) + 1;
  rounds.set(c.agent, k);
  const label = c.agent === "clarifier" ? `clarifier, call ${k}` : c.agent;
  print(
    `| ${label} | ${n(c.promptChars)} | ${n(c.promptTokens)} | ${n(c.formatTokens)} | ` +
      `${n(c.completionTokens)} |`,
  );
}
const total = (k: "promptChars" | "promptTokens" | "formatTokens" | "completionTokens") =>
  first.calls.reduce((s, c) => s + c[k], 0);
print(
  `| **conversation** | **${n(total("promptChars"))}** | **${n(total("promptTokens"))}** | ` +
    `**${n(total("formatTokens"))}** | **${n(total("completionTokens"))}** |`,
);
const metaSum = Object.values(first.metaTokens).reduce((a, b) => a + b, 0);
if (metaSum !== total("promptTokens")) {
  throw new Error(`Usage in result meta (${metaSum}) differs from what the fake counted`);
}
if (args.values.dump) {
  await Deno.mkdir(args.values.dump, { recursive: true });
  for (const [i, c] of first.calls.entries()) {
    await Deno.writeTextFile(`${args.values.dump}/${i + 1}-${c.agent}.txt`, c.prompt);
  }
}

print();
print(`wall time from the last answer to complete (median of ${RUNS}):`);
print();
print("| simulated latency | analysts one at a time | concurrent (4) | saved |");
print("| --- | ---: | ---: | ---: |");
for (const l of LATENCIES) {
  latency = l;
  const tails: Record<number, number[]> = { 1: [], 4: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const c of [1, 4]) tails[c]!.push((await oneConversation(c)).tailMs);
  }
  const one = median(tails[1]!);
  const four = median(tails[4]!);
  print(
    `| ${l.name} | ${n(Math.round(one))} ms | ${n(Math.round(four))} ms | ${
      Math.round(100 * (1 - four / one))
    }% |`,
  );
}
