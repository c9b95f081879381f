import assert from "node:assert/strict";
import { ProtocolVerifier } from "../protocol/verify.js";
import type { Agent } from "./types.ts";
import { runPipeline } from "./pipeline.ts";
import { drive, sampleAnalyses, ScriptedEngine } from "./testing.ts";
import { product } from "./product.ts";
import { customer } from "./customer.ts";
import { engineer } from "./engineer.ts";
import { risk } from "./risk.ts";

const twoRounds = [
  [{ topic: "idea", question: "What is your idea?" }],
  [{ topic: "users", question: "Who uses it?" }, { topic: "platforms", question: "Where?" }],
];

function verify(frames: { type: string; data: unknown }[]) {
  const v = new ProtocolVerifier();
  frames.forEach((f, i) => {
    v.server({ ...f, seq: i + 1 } as never);
    if (f.type === "question") v.answer((f.data as { id: string }).id);
  });
}

Deno.test("runPipeline yields the seed's stages in order and returns the brief", async () => {
  const engine = new ScriptedEngine({ rounds: twoRounds, analyses: sampleAnalyses });
  const { frames, value } = await drive(
    runPipeline({ engine, signal: new AbortController().signal }),
    ["A chore app for families", "Parents and kids", "iOS"],
  );
  assert.deepEqual(frames.map((f) => f.type), [
    "status",
    "progress",
    "question",
    "result",
    "progress",
    "question",
    "question",
    "result",
    ...["product", "customer", "engineer", "risk"].flatMap(() => ["status", "result"]),
    "status",
    "complete",
  ]);
  verify(frames);
  const clar = frames.filter((f) => f.type === "result" && f.data.agent === "clarifier");
  assert.deepEqual(clar.map((f) => (f.data.data as { done: boolean }).done), [false, true]);
  assert.deepEqual(
    (clar[1]?.data.data as { resp: unknown }).resp,
    [
      {
        id: "clarifier-r2-q1",
        question: "Who uses it?",
        answer: "Parents and kids",
        topic: "users",
      },
      { id: "clarifier-r2-q2", question: "Where?", answer: "iOS", topic: "platforms" },
    ],
  );
  // Each question carries its topic and where the interview stands.
  assert.deepEqual(
    frames.filter((f) => f.type === "question").map((f) => {
      const d = f.data as { topic: string; progress: unknown };
      return [d.topic, d.progress];
    }),
    [
      ["idea", { number: 1, about: 1, round: 1, rounds: 3 }],
      ["users", { number: 2, about: 3, round: 2, rounds: 3 }],
      ["platforms", { number: 3, about: 3, round: 2, rounds: 3 }],
    ],
  );
  assert.deepEqual(Object.keys(value.results), ["product", "customer", "engineer", "risk"]);
  assert.equal(value.transcript.length, 3);
  const complete = frames.at(-1);
  assert.equal(complete?.type, "complete");
  if (complete?.type === "complete") {
    assert.match(complete.data.summary, /^# A chore app for families/);
    assert.match(complete.data.summary, /COPPA parental consent/);
  }
});

Deno.test("runPipeline turns a throwing agent into an error frame and the others go on", async () => {
  const engine = new ScriptedEngine({
    analyses: {
      ...sampleAnalyses,
      customer: () => {
        throw new Error("secret detail: db password");
      },
    },
  });
  const seen: string[] = [];
  const { frames, value } = await drive(
    runPipeline({
      engine,
      signal: new AbortController().signal,
      onAgentError: (agent, err, ref) => seen.push(`${agent}:${(err as Error).message}:${ref}`),
    }),
    ["idea"],
  );
  const err = frames.find((f) => f.type === "error");
  assert.ok(err && err.type === "error");
  assert.equal(err.data.agent, "customer");
  assert.equal(err.data.code, "agent_failed");
  assert.doesNotMatch(err.data.message, /secret/);
  assert.deepEqual(seen, [`customer:secret detail: db password:${err.data.ref}`]);
  assert.deepEqual(value.failed, ["customer"]);
  assert.deepEqual(Object.keys(value.results), ["product", "engineer", "risk"]);
  assert.equal(frames.at(-1)?.type, "complete");
  verify(frames);
});

Deno.test("runPipeline retries an invalid analysis once with the validation error", async () => {
  let calls = 0;
  const engine = new ScriptedEngine({
    analyses: {
      ...sampleAnalyses,
      risk: () => (++calls === 1 ? { risks: [] } : sampleAnalyses.risk),
    },
  });
  const { value } = await drive(runPipeline({ engine, signal: new AbortController().signal }));
  assert.equal(calls, 2);
  assert.deepEqual(value.results.risk, sampleAnalyses.risk);
  const retry = engine.calls.filter((c) =>
    c.method === "analyse" && (c.input as { agent: string }).agent === "risk"
  );
  assert.match(String((retry[1]?.input as { previousError: string }).previousError), /^risks:/);
});

Deno.test("runPipeline reports an analysis that stays invalid, naming the agent", async () => {
  const engine = new ScriptedEngine({ analyses: { ...sampleAnalyses, product: { vision: "" } } });
  const errors: unknown[] = [];
  const { frames, value } = await drive(
    runPipeline({
      engine,
      signal: new AbortController().signal,
      onAgentError: (_a, e) => errors.push(e),
    }),
  );
  assert.deepEqual(value.failed, ["product"]);
  assert.match(String(errors[0]), /Output of the product agent does not match its schema/);
  assert.ok(frames.some((f) => f.type === "error" && f.data.agent === "product"));
});

Deno.test("runPipeline runs a custom agent added to the list", async () => {
  const glossary: Agent<{ terms: string[] }> = {
    name: "glossary",
    title: "Glossary",
    // deno-lint-ignore require-yield
    async *run(ctx) {
      return { terms: [ctx.requirements.idea.toUpperCase()] };
    },
  };
  const engine = new ScriptedEngine({ analyses: sampleAnalyses });
  const { frames } = await drive(
    runPipeline({
      engine,
      signal: new AbortController().signal,
      analysts: [product, customer, engineer, risk, glossary],
    }),
    ["kite"],
  );
  const last = frames.filter((f) => f.type === "result").at(-1);
  // Every result carries the fingerprint of its input, for re-runs after an edit.
  const { fingerprint, ...rest } = (last?.data ?? {}) as Record<string, unknown>;
  assert.deepEqual(rest, { agent: "glossary", data: { terms: ["KITE"] } });
  assert.match(String(fingerprint), /^[0-9a-f]{32}$/);
  verify(frames);
});

Deno.test("runPipeline stops when its signal is aborted and runs no further agent", async () => {
  const abort = new AbortController();
  const engine = new ScriptedEngine({ analyses: sampleAnalyses });
  const gen = runPipeline({ engine, signal: abort.signal });
  let step = await gen.next();
  while (!step.done && step.value.type !== "question") step = await gen.next();
  abort.abort();
  await assert.rejects(gen.next("answer"));
  assert.equal(engine.calls.filter((c) => c.method === "analyse").length, 0);
});

/** An agent that yields `n` progress frames, pausing `ms` before each, then returns. */
function slowAgent(name: string, n: number, ms: number, log: string[] = []): Agent<string> {
  return {
    name,
    title: name,
    async *run(ctx) {
      try {
        for (let i = 1; i <= n; i++) {
          await new Promise((r) => setTimeout(r, ms));
          ctx.signal.throwIfAborted();
          yield { type: "progress", data: { agent: name, message: `${name} ${i}` } };
        }
        ctx.onMeta?.({ model: "m", inputTokens: 1, outputTokens: 2, latencyMs: 3, attempts: 1 });
        return `${name} done, saw ${Object.keys(ctx.results).join("+") || "none"}`;
      } finally {
        log.push(`${name} closed`);
      }
    },
  };
}

Deno.test("runPipeline with concurrency interleaves agents, each in order, results in list order", async () => {
  const analysts = [slowAgent("a", 3, 12), slowAgent("b", 3, 2), slowAgent("c", 2, 1)];
  const metas: string[] = [];
  const { frames, value } = await drive(
    runPipeline({
      engine: new ScriptedEngine(),
      signal: new AbortController().signal,
      analysts,
      concurrency: 2,
      onAgentMeta: (agent, m) => metas.push(`${agent}:${m.outputTokens}`),
    }),
    ["idea"],
  );
  const of = (agent: string) =>
    frames.filter((f) =>
      (f.data as { agent?: string }).agent === agent ||
      (f.data as { stage?: string }).stage === agent
    ).map((f) => f.type === "progress" ? f.data.message : f.type);
  assert.deepEqual(of("a"), ["status", "a 1", "a 2", "a 3", "result"]);
  assert.deepEqual(of("b"), ["status", "b 1", "b 2", "b 3", "result"]);
  const order = frames.filter((f) => f.type === "status" || f.type === "result")
    .map((f) => `${f.type}:${(f.data as { agent?: string; stage?: string }).agent ?? f.data.stage}`)
    .filter((s) => !s.endsWith("clarifier") && !s.endsWith("summary"));
  // a and b start together; c starts when b (the faster) is done, and sees b's result.
  assert.deepEqual(order, [
    "status:a",
    "status:b",
    "result:b",
    "status:c",
    "result:c",
    "result:a",
  ]);
  assert.deepEqual(Object.keys(value.results), ["a", "b", "c"]);
  assert.equal(value.results.c, "c done, saw b");
  assert.equal(value.results.a, "a done, saw none");
  assert.deepEqual(metas, ["b:2", "c:2", "a:2"]);
  const result = frames.find((f) => f.type === "result" && f.data.agent === "a");
  assert.deepEqual(result?.type === "result" && result.data.meta, {
    model: "m",
    inputTokens: 1,
    outputTokens: 2,
    latencyMs: 3,
    attempts: 1,
  });
  verify(frames);
});

Deno.test("runPipeline's return() closes every analyst it started", async () => {
  const log: string[] = [];
  const analysts = ["a", "b", "c"].map((n) => slowAgent(n, 50, 5, log));
  const gen = runPipeline({
    engine: new ScriptedEngine(),
    signal: new AbortController().signal,
    analysts,
    concurrency: 2,
  });
  let step = await gen.next();
  while (!step.done && step.value.type !== "question") step = await gen.next();
  step = await gen.next("idea");
  while (!step.done && !(step.value.type === "progress" && step.value.data.agent === "b")) {
    step = await gen.next();
  }
  await gen.return(undefined as never);
  assert.deepEqual(log.sort(), ["a closed", "b closed"]);
});

Deno.test("runPipeline rejects a concurrency below 1", async () => {
  const gen = runPipeline({
    engine: new ScriptedEngine(),
    signal: new AbortController().signal,
    concurrency: 0,
  });
  await assert.rejects(drive(gen, ["idea"]), RangeError);
});
