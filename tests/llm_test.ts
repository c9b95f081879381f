/**
 * The LLM engine against fake providers over real loopback HTTP: a whole conversation,
 * invalid output and its repair, rate limits, timeouts, disconnects and concurrency.
 * Nothing here reaches the internet.
 */
import assert from "node:assert/strict";
import { createLlmEngine, type LlmSettings } from "../agents/llm/mod.ts";
import { runPipeline } from "../agents/pipeline.ts";
import { drive, sampleAnalyses } from "../agents/testing.ts";
import type { CallMeta, FrameBody } from "../agents/types.ts";
import type { CompleteBrief } from "../protocol/brief.js";
import { ProtocolVerifier } from "../protocol/verify.js";
import { messageStream, startFakeAnthropic } from "./_fake_anthropic.ts";
import {
  chatError,
  chatStream,
  type FakeHandler,
  type FakeRequest,
  type FakeServer,
  hang,
  startFake,
} from "./_fake_openai.ts";
import { FrameSocket, seedConversation } from "./_seed_client.ts";
import { startTestServer } from "./_server.ts";

const ANALYSTS = ["product", "customer", "engineer", "risk"] as const;
const ANSWERS = ["A chore app for families with kids", "Parents and their children", "iOS"];
const OVERVIEW = "Chores is a shared chore list for busy families.\n\nThe MVP is a shared list.";

const requirements = {
  users: ["Parents", "Children"],
  platforms: ["iOS"],
  features: ["Shared chore list"],
  compliance: ["COPPA"],
  domains: ["children"],
  notes: [],
};
const planAsk = {
  requirements: { ...requirements, users: [], platforms: [] },
  missing: ["users", "platforms"],
  done: false,
  questions: [
    { topic: "users", question: "Who will use it?" },
    { topic: "platforms", question: "Which devices should it run on?" },
  ],
};
const planDone = { requirements, missing: [], done: true, questions: [] };

/** Answers per agent; `n` counts that agent's requests from 1. */
type Route = (req: FakeRequest, n: number) => Response | Promise<Response>;

const defaultRoutes: Record<string, Route> = {
  // The interview has a second answer once round 2 is answered: then it knows enough.
  clarifier: (req) => chatStream(JSON.stringify(req.prompt.includes("A2:") ? planDone : planAsk)),
  summary: () => chatStream(OVERVIEW),
  ...Object.fromEntries(
    ANALYSTS.map((a) => [a, () => chatStream(JSON.stringify(sampleAnalyses[a]), { chunks: 12 })]),
  ),
};

function router(routes: Record<string, Route> = {}): FakeHandler {
  const counts = new Map<string, number>();
  return (req) => {
    const n = (counts.get(req.agent) ?? 0) + 1;
    counts.set(req.agent, n);
    const route = routes[req.agent] ?? defaultRoutes[req.agent];
    return route ? route(req, n) : chatError(400, `No route for agent "${req.agent}"`);
  };
}

function engineFor(fake: FakeServer, extra: Partial<LlmSettings> = {}) {
  return createLlmEngine({
    model: "openai:gpt-test",
    apiKey: "sk-test",
    baseUrl: fake.baseUrl,
    deltaIntervalMs: 0,
    ...extra,
  });
}

/** The frame types one agent produced, in order. */
function track(frames: readonly FrameBody[], agent: string): string[] {
  return frames.filter((f) => {
    const d = f.data as { agent?: string; stage?: string };
    return d.agent === agent || (f.type === "status" && d.stage === agent);
  }).map((f) => f.type);
}

/** Asserts `status, delta…, result` for an analyst. */
function assertStreamed(frames: readonly FrameBody[], agent: string) {
  const t = track(frames, agent);
  assert.equal(t[0], "status", `${agent}: ${t.join(",")}`);
  assert.equal(t.at(-1), "result", `${agent}: ${t.join(",")}`);
  assert.ok(t.length > 2, `${agent} streamed no delta`);
  assert.deepEqual(new Set(t.slice(1, -1)), new Set(["delta"]), `${agent}: ${t.join(",")}`);
}

function resultOf(frames: readonly FrameBody[], agent: string) {
  const f = frames.find((f) => f.type === "result" && f.data.agent === agent);
  return f?.type === "result" ? f.data as { data: unknown; meta?: CallMeta } : undefined;
}

function pipeline(engine: ReturnType<typeof engineFor>, extra: { concurrency?: number } = {}) {
  const errors: { agent: string; error: unknown }[] = [];
  const metas: { agent: string; meta: CallMeta }[] = [];
  const gen = runPipeline({
    engine,
    signal: new AbortController().signal,
    onAgentError: (agent, error) => errors.push({ agent, error }),
    onAgentMeta: (agent, meta) => metas.push({ agent, meta }),
    ...extra,
  });
  return { gen, errors, metas };
}

Deno.test("LlmEngine runs a whole conversation over WebSocket, streaming each agent", async () => {
  await using fake = await startFake(router());
  await using server = await startTestServer({}, { engine: engineFor(fake) });
  // The review question (PARLEY_REVIEW is on by default) is answered "ok".
  const frames = await seedConversation(server.wsUrl("llm-1"), [...ANSWERS, "ok"]);

  const v = new ProtocolVerifier();
  for (const f of frames) {
    v.server(f as never);
    if (f.type === "question") v.answer(undefined);
  }
  const bodies = frames as unknown as FrameBody[];
  const questions = bodies.filter((f) => f.type === "question");
  assert.deepEqual(
    questions.slice(0, 3).map((f) => f.data.question),
    [
      "What would you like to build? Describe your product idea in a few sentences.",
      "Who will use it?",
      "Which devices should it run on?",
    ],
  );
  assert.deepEqual(questions.slice(3).map((f) => f.data.topic), ["review"]);
  assert.match(
    String(questions[3]?.data.question),
    /^Here is what I understood:\n- Idea: A chore app/,
  );
  for (const agent of ANALYSTS) {
    assertStreamed(bodies, agent);
    const r = resultOf(bodies, agent);
    assert.deepEqual(r?.data, sampleAnalyses[agent]);
    assert.deepEqual({ ...r?.meta, latencyMs: 0 }, {
      model: "openai:gpt-test",
      inputTokens: 100,
      outputTokens: 50,
      latencyMs: 0,
      attempts: 1,
    });
  }
  // The summary streams its prose as text, and the brief is built from the results.
  const summaryText = bodies.filter((f) => f.type === "delta" && f.data.agent === "summary")
    .map((f) => (f.data as { text: string }).text).join("");
  assert.equal(summaryText, OVERVIEW);
  const complete = bodies.at(-1);
  assert.equal(complete?.type, "complete");
  const brief = complete?.data as { brief: CompleteBrief; summary: string };
  assert.match(brief.summary, /Chores is a shared chore list for busy families/);
  assert.equal(brief.brief.engine, "openai:gpt-test");
  assert.deepEqual(brief.brief.requirements, { idea: ANSWERS[0], ...requirements });
  // The results are not repeated: the brief names the `result` frames that carried them.
  assert.equal(brief.brief.results, undefined);
  assert.deepEqual(
    Object.entries(brief.brief.resultSeqs ?? {}).map(([agent, seq]) => {
      const f = frames.find((f) => f.seq === seq);
      return [agent, f?.type, f?.data.agent];
    }),
    ANALYSTS.map((agent) => [agent, "result", agent]),
  );

  // What reached the provider: the key, a JSON-schema answer format, the person's words.
  const product = fake.requests.find((r) => r.agent === "product")!;
  assert.equal(product.headers.get("authorization"), "Bearer sk-test");
  assert.equal(product.body.model, "gpt-test");
  assert.equal((product.body.response_format as { type: string }).type, "json_schema");
  assert.equal(product.body.stream, true);
  assert.match(product.prompt, /A chore app for families with kids/);
  assert.deepEqual(
    fake.requests.map((r) => r.agent).filter((a) => a === "clarifier" || a === "summary"),
    ["clarifier", "clarifier", "summary"],
  );
});

Deno.test("LlmEngine asks again with the parse error when an answer is not JSON", async () => {
  await using fake = await startFake(router({
    product: (_req, n) =>
      chatStream(n === 1 ? '{"vision": "Fam' : JSON.stringify(sampleAnalyses.product)),
  }));
  const { gen, errors, metas } = pipeline(engineFor(fake));
  const { frames, value } = await drive(gen, ANSWERS);
  assert.deepEqual(errors, []);
  assert.deepEqual(value.results.product, sampleAnalyses.product);
  const asks = fake.requests.filter((r) => r.agent === "product");
  assert.equal(asks.length, 2);
  assert.doesNotMatch(asks[0]!.prompt, /rejected/);
  assert.match(
    asks[1]!.prompt,
    /previous answer to this task was rejected: the answer is not valid JSON/,
  );
  // Each attempt is its own stream; the result's meta counts both calls.
  const ids = new Set(
    frames.filter((f) => f.type === "delta" && f.data.agent === "product").map((f) =>
      (f.data as { id: string }).id
    ),
  );
  assert.deepEqual(ids, new Set(["product-1", "product-2"]));
  assert.deepEqual(track(frames, "product").filter((t) => t !== "delta"), [
    "status",
    "progress",
    "result",
  ]);
  assert.equal(resultOf(frames, "product")?.meta?.attempts, 2);
  assert.equal(resultOf(frames, "product")?.meta?.inputTokens, 200);
  assert.deepEqual(metas.filter((m) => m.agent === "product").map((m) => m.meta.attempts), [2]);
});

Deno.test("LlmEngine reports an agent whose answer stays invalid and the others go on", async () => {
  await using fake = await startFake(router({
    risk: () => chatStream(JSON.stringify({ risks: [] })),
  }));
  const { gen, errors } = pipeline(engineFor(fake));
  const { frames, value } = await drive(gen, ANSWERS);
  const asks = fake.requests.filter((r) => r.agent === "risk");
  assert.equal(asks.length, 2);
  assert.match(asks[1]!.prompt, /rejected: risks: Too small/);
  assert.deepEqual(value.failed, ["risk"]);
  assert.deepEqual(Object.keys(value.results), ["product", "customer", "engineer"]);
  const err = frames.find((f) => f.type === "error");
  assert.equal(err?.type === "error" && err.data.agent, "risk");
  assert.equal(err?.type === "error" && err.data.code, "agent_failed");
  assert.deepEqual(errors.map((e) => e.agent), ["risk"]);
  assert.match(String(errors[0]?.error), /Output of the risk agent does not match its schema/);
  assert.equal(frames.at(-1)?.type, "complete");
});

Deno.test("LlmEngine retries a 429 after the Retry-After delay, then succeeds", async () => {
  await using fake = await startFake(router({
    product: (_req, n) =>
      n === 1
        ? chatError(429, "Rate limit reached", { "retry-after": "0.3" })
        : chatStream(JSON.stringify(sampleAnalyses.product)),
  }));
  const { gen, errors } = pipeline(engineFor(fake));
  const { value } = await drive(gen, ANSWERS);
  assert.deepEqual(errors, []);
  assert.deepEqual(value.results.product, sampleAnalyses.product);
  const [first, second] = fake.requests.filter((r) => r.agent === "product");
  const gap = second!.at - first!.at;
  // 300 ms as the header asked, not the 2 s of the default backoff.
  assert.ok(gap >= 290 && gap < 1500, `retried after ${gap} ms`);
});

Deno.test("LlmEngine gives up on a 429 after its retries and names the agent", async () => {
  await using fake = await startFake(router({
    engineer: () => chatError(429, "Rate limit reached", { "retry-after-ms": "10" }),
  }));
  const { gen, errors } = pipeline(engineFor(fake, { maxRetries: 1 }));
  const { value } = await drive(gen, ANSWERS);
  assert.equal(fake.requests.filter((r) => r.agent === "engineer").length, 2);
  assert.deepEqual(value.failed, ["engineer"]);
  assert.deepEqual(errors.map((e) => e.agent), ["engineer"]);
});

Deno.test("LlmEngine times out a call that never answers and the others go on", async () => {
  await using fake = await startFake(router({ customer: (req) => hang(req) }));
  const { gen, errors } = pipeline(engineFor(fake, { timeoutMs: 300 }));
  const started = performance.now();
  const { value } = await drive(gen, ANSWERS);
  assert.ok(performance.now() - started < 3000);
  assert.deepEqual(value.failed, ["customer"]);
  assert.deepEqual(errors.map((e) => e.agent), ["customer"]);
  const err = errors[0]?.error as Error;
  assert.equal(err.name, "TimeoutError");
  assert.equal(err.message, "Model call of the customer agent timed out after 300 ms");
  const req = fake.requests.find((r) => r.agent === "customer")!;
  await fake.aborted(req);
});

/** Starts a conversation whose analysts stall mid-stream; returns once they are in flight. */
async function stalledAnalysts(graceMs: number) {
  const stall: Route = (req) =>
    chatStream(JSON.stringify(sampleAnalyses.product), { chunks: 20, stallAfter: 3, req });
  const fake = await startFake(router(Object.fromEntries(ANALYSTS.map((a) => [a, stall]))));
  // A timeout far beyond the test's own, so only the conversation ending can abort a call.
  const server = await startTestServer({ graceMs }, {
    engine: engineFor(fake, { timeoutMs: 600_000 }),
  });
  const sock = new FrameSocket(server.wsUrl("llm-stop"));
  let answered = 0;
  for (;;) {
    const f = await sock.next();
    if (f.type === "question") sock.send({ answer: ANSWERS[answered++] ?? "ok" });
    if (f.type === "delta" && f.data.agent !== "clarifier") break;
  }
  const inFlight = fake.requests.filter((r) => (ANALYSTS as readonly string[]).includes(r.agent));
  assert.ok(inFlight.length >= 1);
  assert.ok(inFlight.every((r) => !r.signal.aborted));
  return { fake, server, sock, inFlight };
}

Deno.test("LlmEngine aborts the upstream requests when the person cancels", async () => {
  const { fake, server, sock, inFlight } = await stalledAnalysts(600_000);
  await using _f = fake;
  await using _s = server;
  sock.send({ type: "cancel" });
  assert.equal((await sock.until("cancelled")).data.message, "Stopped at your request");
  await Promise.all(inFlight.map((r) => fake.aborted(r)));
  assert.equal(fake.requests.filter((r) => r.agent === "summary").length, 0);
  await sock.close();
});

Deno.test("LlmEngine aborts the upstream requests once a disconnected client's grace ends", async () => {
  const { fake, server, sock, inFlight } = await stalledAnalysts(200);
  await using _f = fake;
  await using _s = server;
  await sock.close();
  // Disconnect is not cancel: the calls go on through the grace period, then stop.
  assert.ok(inFlight.every((r) => !r.signal.aborted));
  await Promise.all(inFlight.map((r) => fake.aborted(r)));
  assert.equal(fake.requests.filter((r) => r.agent === "summary").length, 0);
});

Deno.test("LlmEngine runs the analysts concurrently up to the limit, results in order", async (t) => {
  for (const concurrency of [4, 2, 1]) {
    await t.step(`concurrency ${concurrency}`, async () => {
      let inFlight = 0;
      let most = 0;
      // Product is the slowest, so it finishes last when the analysts run at once.
      const slow = (agent: typeof ANALYSTS[number], delayMs: number): Route => () => {
        most = Math.max(most, ++inFlight);
        const res = chatStream(JSON.stringify(sampleAnalyses[agent]), { chunks: 6, delayMs });
        const done = new TransformStream({ flush: () => void inFlight-- });
        return new Response(res.body!.pipeThrough(done), res);
      };
      await using fake = await startFake(router({
        product: slow("product", 30),
        customer: slow("customer", 5),
        engineer: slow("engineer", 5),
        risk: slow("risk", 5),
      }));
      const { gen, errors } = pipeline(engineFor(fake), { concurrency });
      const { frames, value } = await drive(gen, ANSWERS);
      assert.deepEqual(errors, []);
      assert.equal(most, concurrency);
      for (const agent of ANALYSTS) assertStreamed(frames, agent);
      assert.deepEqual(Object.keys(value.results), [...ANALYSTS]);
      const finished = frames.filter((f) => f.type === "result" && f.data.agent !== "clarifier")
        .map((f) => f.type === "result" && f.data.agent);
      if (concurrency === 1) assert.deepEqual(finished, [...ANALYSTS]);
      else assert.notEqual(finished[0], "product");
      const v = new ProtocolVerifier();
      frames.forEach((f, i) => {
        v.server({ ...f, seq: i + 1 } as never);
        if (f.type === "question") v.answer(undefined);
      });
    });
  }
});

Deno.test("LlmEngine on Anthropic streams and validates through the Messages API", async () => {
  const answer = (agent: string, req: FakeRequest) => {
    if (agent === "clarifier") {
      return messageStream(req, JSON.stringify(req.prompt.includes("A2:") ? planDone : planAsk));
    }
    if (agent === "summary") return messageStream(req, OVERVIEW);
    return messageStream(req, JSON.stringify(sampleAnalyses[agent as typeof ANALYSTS[number]]));
  };
  await using fake = await startFakeAnthropic((req) => answer(req.agent, req));
  const engine = createLlmEngine({
    model: "anthropic:claude-sonnet-4-5",
    apiKey: "sk-ant-test",
    baseUrl: fake.baseUrl,
  });
  assert.equal(engine.name, "anthropic:claude-sonnet-4-5");
  const { gen, errors } = pipeline(engine);
  const { frames, value } = await drive(gen, ANSWERS);
  assert.deepEqual(errors, []);
  assert.deepEqual(value.results, sampleAnalyses);
  for (const agent of ANALYSTS) assertStreamed(frames, agent);
  assert.deepEqual({ ...resultOf(frames, "risk")?.meta, latencyMs: 0 }, {
    model: "anthropic:claude-sonnet-4-5",
    inputTokens: 120,
    outputTokens: 60,
    latencyMs: 0,
    attempts: 1,
  });
  const req = fake.requests.find((r) => r.agent === "engineer")!;
  assert.equal(req.headers.get("x-api-key"), "sk-ant-test");
  assert.ok(req.headers.get("anthropic-version"));
  assert.equal(req.body.stream, true);
  assert.match(
    String(frames.at(-1)?.type === "complete" && frames.at(-1)?.data.summary),
    /Chores is/,
  );
});
